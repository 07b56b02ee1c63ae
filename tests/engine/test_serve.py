"""`newsdiff --serve PORT`: textual-serve answers HTTP on 127.0.0.1 with the newsdiff page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from newsdiff.cli import main
from newsdiff.errors import ExitCode


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_http_on_localhost() -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", "--serve", str(port), "--demo"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        body = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                    assert answer.status == 200
                    body = answer.read().decode("utf-8", "replace")
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.2)
        assert "newsdiff" in body
        assert "ws://127.0.0.1" in body or "/ws" in body, "the page opens the app's websocket"
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stderr:
            server.stderr.close()


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["--serve", "0", "--demo"], ExitCode.USAGE, "is not a TCP port"),
        (["--serve", "8000", "--json", "--demo"], ExitCode.USAGE, "leave out --json"),
        (["--serve", "8000", "-", "b.txt"], ExitCode.USAGE, "cannot use stdin"),
        (["--serve", "8000", "/no/such.txt", "/no/other.txt"], ExitCode.NOT_FOUND, "such.txt"),
    ],
)
def test_serve_refuses_what_it_cannot_serve(
    argv: list[str], code: ExitCode, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == int(code)
    err = capsys.readouterr().err
    assert says in err
    assert len(err.strip().splitlines()) == 1
