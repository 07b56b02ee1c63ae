"""Pilot tests: hostile article text, file names and config values never drive the terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tui_fakes import fake_comparison, settled

from newsdiff.config import Config
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.ingest import read_sources
from newsdiff.model import Comparison, Source
from tui.app import NewsdiffApp

SIZE = (160, 45)

#: OSC 52 writes the clipboard, OSC 0/2 the window title, U+009B is an 8-bit CSI.
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x1b\\"
TITLE = "\x1b]0;pwned\x07"
HOSTILE = (
    f"Talks in Geneva{CLIPBOARD} end{TITLE} without a deal\n\n"
    "Joe Biden met Vladimir Putin in Geneva on Monday.\x9b2J The talks lasted two hours.\n"
    "Officials said \u202egnp.exe\u202c more talks would follow.\x07\n"
    # Enough ordinary prose that the few controls do not make the file look binary.
    + "The two delegations met for several hours and agreed to meet again next week. "
    * 6
)
PLAIN = (
    "Geneva talks end without a deal\n\n"
    "Joe Biden spoke with Vladimir Putin in Geneva on Monday. The talks lasted three hours.\n"
)


def fake_analyze(sources: Sequence[Source], **kwargs: Any) -> Comparison:
    """A quick, spaCy-free analysis so the hostile text gets sentences and a cursor."""
    return fake_comparison(sources)


def terminal_output(app: NewsdiffApp) -> str:
    """Exactly what the app would write to the terminal to draw the whole screen now."""
    update = app.screen._compositor.render_update(full=True)
    assert update is not None
    text: str = update.render_segments(app.console)  # type: ignore[attr-defined]
    return text


def assert_inert(output: str) -> None:
    """Only CSI sequences (colours, cursor moves): no OSC, no string controls, no C1, no bidi."""
    assert "\x1b]" not in output  # OSC 52 clipboard, OSC 0/2 title
    assert "\x07" not in output
    assert not re.search(r"\x1b[^\[]", output)  # every ESC starts a CSI sequence of Textual's
    assert not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", output)


def record_notifications(app: NewsdiffApp) -> list[str]:
    """Every notification's text, kept after it times out (a loaded machine is slow)."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *args: Any, **kwargs: Any) -> None:
        shown.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return shown


def hostile_sources(tmp_path: Path, name: str = "plain.txt") -> list[Source]:
    a = tmp_path / "evil\x1b]2;named\x07\u202etxt.exe"
    a.write_text(HOSTILE, encoding="utf-8")
    b = tmp_path / name
    b.parent.mkdir(parents=True, exist_ok=True)  # "[/x].txt" is "x].txt" in a folder "["
    b.write_text(PLAIN, encoding="utf-8")
    return read_sources([str(a), str(b)])


class TestTerminalEscapes:
    async def test_screen_and_output_stream_carry_no_escapes(self, tmp_path: Path) -> None:
        sources = hostile_sources(tmp_path)
        app = NewsdiffApp(sources, analyze=fake_analyze)
        async with app.run_test(size=SIZE) as pilot:
            await settled(app, pilot)
            pane = app.main_screen.panes[0]
            # Walk the cursor over every sentence, so the body is drawn highlighted too.
            for _ in range(len(pane.sentences)):
                assert_inert(terminal_output(app))
                await pilot.press("j")
                await pilot.pause()
            assert_inert(terminal_output(app))
            screen_text = app.export_screenshot()
            assert "pwned" not in screen_text  # the title sequence went as a whole
            assert "\\x1b" in app.main_screen.sub_title  # the file name, shown escaped
            assert "Talks in Geneva end without a deal" in pane.source.text

    def test_article_text_is_cleaned_once_with_consistent_offsets(self, tmp_path: Path) -> None:
        source = hostile_sources(tmp_path)[0]
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", source.text)
        assert source.title == "Talks in Geneva end without a deal"
        assert any("control characters" in w for w in source.warnings)
        comparison = fake_comparison([source])
        for sent in comparison.sources[0].sentences:
            assert source.text[sent.start : sent.end].strip()


class TestMarkupInjection:
    @pytest.mark.parametrize("name", ["[-x].txt", "[@click=app.quit]q.txt", "[bold red]b.txt"])
    async def test_markup_in_file_names_is_shown_literally(self, tmp_path: Path, name: str) -> None:
        name = name.replace("-", "/")  # "[/x].txt": a closing tag that opens nothing
        sources = hostile_sources(tmp_path, name=name)
        sources[1] = replace(sources[1], label=name)  # as if two "x].txt" needed their folder

        def broken(sources: Sequence[Source], **kwargs: Any) -> Comparison:
            raise NewsdiffError(f"cannot analyse {sources[1].label}", ExitCode.ANALYSIS)

        app = NewsdiffApp(sources, analyze=broken)
        shown = record_notifications(app)
        async with app.run_test(size=SIZE) as pilot:
            await settled(app, pilot)
            assert app.main_screen.error == f"cannot analyse {name}"
            assert f"cannot analyse {name}" in shown
            assert app.is_running  # [@click=app.quit] did not quit
            await pilot.pause()
            shot = app.export_screenshot().replace("&#160;", " ").replace("&#x27;", "'")
            assert f"cannot analyse {name}" in shot  # the error panel, as written

    async def test_markup_in_the_theme_name_is_shown_literally(self, tmp_path: Path) -> None:
        sources = hostile_sources(tmp_path)
        app = NewsdiffApp(sources, analyze=fake_analyze, config=Config(theme="[/x]\x1b]0;t\x07"))
        shown = record_notifications(app)
        async with app.run_test(size=SIZE) as pilot:
            await settled(app, pilot)
            assert any("unknown theme '[/x]\\x1b]0;t\\x07'" in m for m in shown)
            assert app.is_running
            assert_inert(terminal_output(app))


class TestStateWeDoNotOwn:
    async def test_json_bombs_in_ui_json_and_positions_open_normally(self, tmp_path: Path) -> None:
        from newsdiff import config, state

        sources = hostile_sources(tmp_path)
        bomb = "[" * 100_000 + "]" * 100_000
        for path in (config.ui_prefs_path(), state._position_path(state.position_key(sources))):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(bomb, encoding="utf-8")
        app = NewsdiffApp(sources, analyze=fake_analyze)
        async with app.run_test(size=SIZE) as pilot:
            await settled(app, pilot)
            assert app.main_screen.comparison is not None
            await pilot.press("j", "s")  # moves and a preference change save over the bombs
            await pilot.press("q")
        assert config.load_ui_prefs().sidebar is False


class TestExits:
    async def test_q_during_a_blocking_analysis_does_not_wait_for_it(self, tmp_path: Path) -> None:
        """An engine stuck in one long spaCy call (it never checks is_cancelled) holds nothing."""
        release = threading.Event()
        started = threading.Event()

        def stuck(sources: Sequence[Source], **kwargs: Any) -> Comparison:
            started.set()
            release.wait(60)
            return fake_comparison(sources)

        app = NewsdiffApp(hostile_sources(tmp_path), analyze=stuck)
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                assert started.wait(5)
                begin = time.monotonic()
                await pilot.press("q")
            # The engine stays blocked for a minute: quitting did not wait for it. (The
            # one-second figure is checked in tmux and in bench runs, not as a timed test.)
            assert time.monotonic() - begin < 20
            assert not release.is_set()
            assert app.return_code == 0
            assert app.analysis_left_running()
        finally:
            release.set()

    def test_sigterm_during_the_analysis_restores_the_terminal(self, tmp_path: Path) -> None:
        """The real command on a pseudo-terminal: SIGTERM leaves the alternate screen, turns
        mouse reporting off and shows the cursor again, and exits 143, within a second."""
        sources = hostile_sources(tmp_path)
        paths = [s.path for s in sources]
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            os.environ.update(TERM="xterm-256color", COLUMNS="120", LINES="40")
            os.execv(
                sys.executable,
                [sys.executable, "-m", "newsdiff", "--no-cache", *paths],
            )
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        output = read_until(fd, b"\x1b[?1049h", timeout=60)  # the alternate screen is on
        assert b"\x1b[?1049h" in output
        read_until(fd, b"Analysing", timeout=30)
        begin = time.monotonic()
        os.kill(pid, signal.SIGTERM)
        rest = read_until(fd, None, timeout=30)
        _, status = os.waitpid(pid, 0)
        assert time.monotonic() - begin < 20  # it did not wait for the analysis (about 1 s in tmux)
        assert os.waitstatus_to_exitcode(status) == 143
        tail = rest[rest.rfind(b"\x1b[?1049h") + 1 :]
        assert b"\x1b[?1049l" in tail  # alternate screen off
        assert b"\x1b[?1000l" in tail  # mouse reporting off
        assert b"\x1b[?25h" in tail  # cursor shown


def read_until(fd: int, marker: bytes | None, *, timeout: float) -> bytes:
    """Read a pty until ``marker`` appears (None: until the child closes it)."""
    data = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        if marker is not None and marker in data:
            break
    return data
