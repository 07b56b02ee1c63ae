"""`newsdiff URL ...`: pages fetched from a local http.server (127.0.0.1, never the internet)."""

from __future__ import annotations

import functools
import html
import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdiff.cli import main
from newsdiff.errors import ExitCode
from newsdiff.ingest import demo_paths

PAGE = """<!doctype html>
<html><head><title>Biden and Putin to talk</title>
<meta property="article:published_time" content="2021-12-30T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Biden and Putin to talk</h1>
{paragraphs}
</article><footer>Copyright The Paper</footer></body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr (the tests read stderr)."""

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local web server with one article page; yields its base URL."""
    root = tmp_path_factory.mktemp("site")
    text = Path(demo_paths()[0]).read_text(encoding="utf-8")
    paragraphs = "\n".join(
        f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip()
    )
    (root / "page.html").write_text(PAGE.format(paragraphs=paragraphs), encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_json_reads_a_url_as_html(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--json", "--no-cache", f"{server}/page.html", demo_paths()[1]])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    a = data["sources"][0]
    assert a["label"] == f"{server.removeprefix('http://')}/page.html"
    assert a["title"] == "Biden and Putin to talk"
    assert a["published"] == "2021-12-30"
    assert "Home | World" not in a["text"], "boilerplate is removed as for an HTML file"
    assert "Vladimir Putin" in a["text"]
    assert any(e["name"] == "Dmitri Peskov" for e in data["entities"])


def test_missing_page_and_closed_port_are_one_line_errors(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--json", f"{server}/nope.html", demo_paths()[1]])
    err = capsys.readouterr().err
    assert code == int(ExitCode.NOT_FOUND)
    assert "HTTP 404" in err
    assert len(err.strip().splitlines()) == 1
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = main(["--json", f"http://127.0.0.1:{port}/page.html", demo_paths()[1]])
    err = capsys.readouterr().err
    assert code == int(ExitCode.UNREADABLE)
    assert "cannot fetch" in err
    assert "refused" in err.lower()
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
