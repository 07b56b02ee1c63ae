"""Hostile input on the engine side: no escapes on stderr, in --json or in --report md."""

from __future__ import annotations

import dataclasses
import json
import os
import pty
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from test_cache import make_comparison

from newsdiff import cli
from newsdiff.ingest import read_sources
from newsdiff.model import Claim, Comparison, Sentence, Source
from newsdiff.report import render_markdown
from newsdiff.textsafe import clean_text, json_safe, visible

#: Anything a terminal would act on: ESC, BEL and the other C0 controls but tab and line feed,
#: DEL, C1 (U+009B is CSI) and the bidi embeddings, overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

PROSE = "The two delegations met for several hours and agreed to meet again next week. " * 5


class TestPolicy:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("a\x1b]52;c;cHduZWQ=\x1b\\b", "ab"),  # OSC 52 clipboard, ST-terminated
            ("a\x1b]0;title\x07b", "ab"),  # OSC 0 window title, BEL-terminated
            ("a\x9d2;title\x9cb", "ab"),  # 8-bit OSC and ST
            ("\x1b[1;31mred\x1b[0m", "red"),  # colours go whole, no stray "[1;31m"
            ("a\x9b2Jb", "ab"),  # 8-bit CSI: clear screen
            ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
            ("a\x1b]2;no end", "a2;no end"),  # unterminated: only the introducer goes
            ("txt\u202egnp.exe\u202c", "txtgnp.exe"),
            ("a\u2066b\u2069c", "abc"),
            ("tab\tand\nline", "tab\tand\nline"),
            ("page\x0cbreak", "page\nbreak"),
            ("bell\x07 nul\x00 del\x7f", "bell nul del"),
            ("Zelensky \u200f and accents: café", "Zelensky \u200f and accents: café"),
        ],
    )
    def test_clean_text(self, text: str, expected: str) -> None:
        assert clean_text(text) == expected

    def test_visible_keeps_names_recognisable_on_one_line(self) -> None:
        assert visible("a\x1b]0;t\x07\u202e\n\t.txt") == "a\\x1b]0;t\\x07\\u202e\\n\\t.txt"
        assert visible("café [bold]") == "café [bold]"

    def test_json_safe_escapes_only_inside_strings_and_parses_the_same(self) -> None:
        data = {"label": "a\x9b2J\u202eb\x7f", "text": "café"}
        out = json_safe(json.dumps(data, ensure_ascii=False))
        assert not UNSAFE.search(out)
        assert json.loads(out) == data
        assert "café" in out


def hostile_file(tmp_path: Path, name: str = "evil\x1b]0;t\x07\u202etxt.exe") -> Path:
    path = tmp_path / name
    path.write_text(
        "Talks \x1b]52;c;cHduZWQ=\x07end\x9b2J without a deal\n\n"
        "Officials said\u202e more\x1b[31m talks would follow.\x07\n" + PROSE,
        encoding="utf-8",
    )
    return path


def run(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestCommandLine:
    def test_errors_quote_file_names_without_escapes(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        missing = str(tmp_path / "gone\x1b]52;c;eA==\x07\u202e.txt")
        code, _, err = run([missing, missing + "2", "--json"], capsys)
        assert code == 3
        assert not UNSAFE.search(err.replace("\n", ""))
        assert "\\x1b]52;c;eA==\\x07\\u202e.txt" in err
        assert len(err.splitlines()) == 1

    def test_warnings_and_json_carry_no_escapes(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def fake(sources: Sequence[Source], *, model: str, use_cache: bool) -> Comparison:
            return Comparison("0", model, tuple(sources), (), (), ())

        monkeypatch.setattr(cli, "_analyze", fake)
        path = hostile_file(tmp_path)
        code, out, err = run([str(path), "--json"], capsys)
        assert code == 0, err
        assert not UNSAFE.search(err.replace("\n", ""))
        assert "control characters" in err
        assert not UNSAFE.search(out.replace("\n", ""))
        source = json.loads(out)["sources"][0]
        assert source["path"] == str(path)  # the data is intact for scripts
        assert source["text"].startswith("Talks end without a deal")


def report_of(sources: Sequence[Source]) -> str:
    claims = []
    for source in sources:
        sentences = []
        start = 0
        for line in source.text.split("\n"):
            if line.strip():
                sentences.append(
                    Sentence(f"{source.id}{len(sentences) + 1}", start, start + len(line))
                )
            start += len(line) + 1
        sources = [
            s if s.id != source.id else dataclasses.replace(s, sentences=tuple(sentences))
            for s in sources
        ]
        claims += [Claim(f"c{s.id}", "only", {source.id: s.id}, 0.0) for s in sentences]
    return render_markdown(Comparison("0", "m 1", tuple(sources), (), tuple(claims), ()))


class TestReport:
    def test_quoted_text_is_inert_markdown(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_text(
            "Headline | with a pipe\n\n"
            'She said <script>alert(1)</script> and <img src=x onerror="alert(2)">.\n'
            "See [the docs](javascript:alert(3)) or <javascript:alert(4)> or &#60;b&#62;.\n"
            "**bold** _it_ `code` ~~gone~~ ![img](http://x/y.png)\n" + PROSE,
            encoding="utf-8",
        )
        out = report_of(read_sources([str(path)]))
        assert "<script" not in out
        assert "<img" not in out
        assert not re.search(r"(?<!\\)\]\(javascript:", out)  # no live link
        assert "<javascript:" not in out
        assert "&#60;" not in out
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert "\\[the docs\\](javascript:alert(3))" in out
        assert "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ !\\[img\\]" in out
        # Table rows keep their column count: the title's pipe is escaped.
        for line in out.splitlines():
            if line.startswith("| A |"):
                assert len(re.findall(r"(?<!\\)\|", line)) == 5
                assert "Headline \\| with a pipe" in line

    def test_report_carries_no_escapes(self, tmp_path: Path) -> None:
        out = report_of(read_sources([str(hostile_file(tmp_path))]))
        assert not UNSAFE.search(out.replace("\n", ""))
        assert "evil\\\\x1b" in out  # the label, visible and escaped for Markdown

    def test_hostile_source_built_without_ingest_is_still_escaped(self) -> None:
        text = "Hi \x1b]0;t\x07 <b>x</b>"
        source = Source(
            "A", "a", "a\x9b.txt", None, None, False, text, (Sentence("A1", 0, len(text)),)
        )
        out = render_markdown(
            Comparison("0", "m 1", (source,), (), (Claim("c1", "only", {"A": "A1"}, 0.0),), ())
        )
        assert not UNSAFE.search(out.replace("\n", ""))


def fake_analyze(sources: Sequence[Source], *, model: str, use_cache: bool) -> Comparison:
    return Comparison("0", model, tuple(sources), (), (), ())


class TestPipes:
    @pytest.fixture(autouse=True)
    def _no_engine(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(cli, "_analyze", fake_analyze)

    def test_a_fifo_is_read_exactly_once(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        fifo = tmp_path / "article"
        os.mkfifo(fifo)
        opened = []

        def writer() -> None:
            with open(fifo, "wb") as handle:
                opened.append(1)
                handle.write(PROSE.encode())
            # A second open by the reader would block forever; unblock it after a while
            # with an empty write, so the test fails instead of hanging.
            time.sleep(8)
            with open(fifo, "wb") as handle:
                opened.append(2)

        thread = threading.Thread(target=writer, daemon=True)
        thread.start()
        good = tmp_path / "b.txt"
        good.write_text("Officials confirmed the talks. " + PROSE, encoding="utf-8")
        code, out, err = run([str(fifo), str(good), "--json"], capsys)  # warm path on
        assert code == 0, err
        assert json.loads(out)["sources"][0]["text"].startswith(PROSE[:40])
        assert opened == [1]

    @pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
    def test_endless_devices_stop_at_the_size_limit(
        self, device: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run([device, "--json", "--max-size", "0.5"], capsys)
        assert code == 9
        assert "larger than the 0.5 MB limit" in err
        assert len(err.splitlines()) == 1

    def test_closed_stdin_is_a_clear_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(sys, "stdin", None)
        good = tmp_path / "b.txt"
        good.write_text(PROSE, encoding="utf-8")
        code, _, err = run(["-", str(good), "--json"], capsys)
        assert code == 5
        assert err.startswith("newsdiff: error: '-' reads the article from stdin, but stdin is")
        assert "Traceback" not in err
        code, _, err = run(["--json"], capsys)  # nothing given, nothing piped
        assert code == 10
        assert "no articles given" in err

    def test_the_ui_reads_keys_from_the_terminal_when_stdin_is_a_pipe(self) -> None:
        # A child on its own pseudo-terminal, with stdin replaced by a drained pipe, as after
        # `cat a.txt | newsdiff - b.txt`.
        script = (
            "import os, sys\n"
            "r, w = os.pipe(); os.close(w); os.dup2(r, 0)\n"
            "sys.stdin = sys.__stdin__ = open(0, closefd=False)\n"
            "from newsdiff import cli\n"
            "cli._attach_terminal_input()\n"
            "print('stdin:', 'tty' if os.isatty(0) and sys.__stdin__.isatty() else 'pipe')\n"
        )
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            os.execv(sys.executable, [sys.executable, "-c", script])
        output = b""
        while True:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        os.waitpid(pid, 0)
        assert b"stdin: tty" in output

    def test_no_terminal_at_all_is_a_clear_error(self) -> None:
        script = "from newsdiff import cli\ncli._attach_terminal_input()\n"
        result = subprocess.run(
            [sys.executable, "-c", script],
            stdin=subprocess.PIPE,
            capture_output=True,
            start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
            timeout=60,
            check=False,
        )
        assert b"NewsdiffError" in result.stderr
        assert b"no controlling terminal" in result.stderr


def bomb(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


class TestCacheAndStateWeDoNotOwn:
    def test_pruning_never_touches_other_files_in_a_shared_directory(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        from newsdiff import cache

        monkeypatch.setattr(cache, "MAX_ENTRIES", 1)
        shared = tmp_path / "shared"
        shared.mkdir()
        theirs = [shared / "settings.json", shared / f"v1-{'a' * 64}.json.bak", shared / "x.tmp"]
        for path in theirs:
            path.write_text("{}", encoding="utf-8")
        cache.cache_dir().parent.mkdir(parents=True, exist_ok=True)
        cache.cache_dir().symlink_to(shared)  # a cache dir linked to a shared folder
        for i in range(3):
            cache.save(f"{i:064d}", make_comparison())
        assert all(p.exists() for p in theirs)
        assert not (shared / ".newsdiff-owned").exists()
        assert cache.load(f"{2:064d}") is not None

    def test_an_own_directory_is_pruned_of_old_entries_and_stale_temporaries(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from newsdiff import cache

        monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
        cache.save(f"{0:064d}", make_comparison())  # newsdiff creates and marks the directory
        folder = cache.cache_dir()
        assert (folder / ".newsdiff-owned").is_file()
        stale = folder / f".v1-{'b' * 64}.json.abcd1234.tmp"  # kill -9 during a write
        fresh = folder / f".v1-{'c' * 64}.json.efgh5678.tmp"  # a write in progress
        foreign = folder / "notes.txt"
        for path in (stale, fresh, foreign):
            path.write_text("{", encoding="utf-8")
        os.utime(stale, (time.time() - 7200, time.time() - 7200))
        for i in range(1, 4):
            cache.save(f"{i:064d}", make_comparison())
        assert not stale.exists()
        assert fresh.exists()
        assert foreign.exists()
        entries = sorted(p.name for p in folder.glob("v*.json"))
        assert entries == [cache.entry_path(f"{i:064d}").name for i in (2, 3)]

    def test_an_earlier_versions_directory_is_adopted(self) -> None:
        from newsdiff import cache

        folder = cache.cache_dir()
        folder.mkdir(parents=True)
        (folder / f"v1-{'d' * 64}.json").write_text("{}", encoding="utf-8")
        cache.save(f"{0:064d}", make_comparison())
        assert (folder / ".newsdiff-owned").is_file()

    @pytest.mark.parametrize(
        "junk",
        [
            pytest.param(bomb(), id="bomb"),
            pytest.param('{"format": 1, "newsdiff": [], "key": {}, "comparison": 3}', id="types"),
            pytest.param("[1, 2]", id="list"),
        ],
    )
    def test_json_bombs_and_wrong_types_in_a_cache_entry_are_rebuilt(self, junk: str) -> None:
        from newsdiff import cache

        key = "f" * 64
        for path, load in ((cache.entry_path(key), cache.load), (cache.output_path(key), None)):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(junk, encoding="utf-8")
            result = load(key) if load is not None else cache.load_output(key)
            assert result is None
            assert not path.exists()

    def test_warm_output_with_wrong_warning_types_is_rebuilt(self) -> None:
        from newsdiff import __version__, cache

        key = "e" * 64
        path = cache.output_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps({"version": __version__, "sources": [{"warnings": [{"x": 1}]}, 3]}),
            encoding="utf-8",
        )
        assert cache.load_output(key) is None

    @pytest.mark.parametrize("junk", [bomb(), '{"position": [1]}', '{"position": {"cursors": 5}}'])
    def test_positions_and_ui_prefs_survive_bombs_and_wrong_types(self, junk: str) -> None:
        from newsdiff import config, state

        path = state._position_path("k")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(junk, encoding="utf-8")
        loaded = state.load_position("k")
        assert loaded is None or isinstance(loaded, dict)
        prefs = config.ui_prefs_path()
        prefs.parent.mkdir(parents=True, exist_ok=True)
        prefs.write_text(junk, encoding="utf-8")
        assert config.load_ui_prefs() == config.UiPrefs()


class TestConfigAndModel:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("max_file_mb = inf", "max_file_mb must be a number of megabytes above 0"),
            ("max_file_mb = nan", "max_file_mb must be a number of megabytes above 0"),
            ("max_file_mb = -3", "max_file_mb must be a number of megabytes above 0"),
            ("max_file_mb = 1e300", "at most 10000"),
            ("x = " + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
            ('theme = "[/x]\\u001b]0;t\\u0007"', None),
        ],
    )
    def test_hostile_config_values_are_one_line_warnings(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        line: str,
        expected: str | None,
    ) -> None:
        monkeypatch.setattr(cli, "_analyze", fake_analyze)
        config = tmp_path / "config.toml"
        config.write_text(line + "\n", encoding="utf-8")
        article = tmp_path / "a.txt"
        article.write_text(PROSE, encoding="utf-8")
        code, out, err = run(["--config", str(config), "--json", str(article)], capsys)
        assert code == 0, err
        assert json.loads(out)["sources"][0]["label"] == "a.txt"
        assert "Traceback" not in err
        assert not UNSAFE.search(err.replace("\n", ""))
        if expected is not None:
            (warning,) = err.splitlines()
            assert warning.startswith("newsdiff: warning: ")
            assert expected in warning

    @pytest.mark.parametrize(
        ("model", "message"),
        [
            ("pip", "'pip' is an installed package but not a spaCy pipeline"),
            ("not_a_pipeline_xyz", "'not_a_pipeline_xyz' is not installed"),
            ("evil.x", "paths and dotted names are not accepted"),
            ("evil", "'evil' is not installed"),
            ("../models/en_core_web_sm", "paths and dotted names are not accepted"),
            ("/tmp/x\x1b]0;t\x07", "paths and dotted names are not accepted"),
        ],
    )
    def test_only_installed_spacy_pipelines_are_accepted_and_nothing_is_imported(
        self, tmp_path: Path, model: str, message: str
    ) -> None:
        # A package in the current directory, which `python -m` puts on sys.path.
        evil = tmp_path / "evil"
        evil.mkdir()
        marker = tmp_path / "imported"
        (evil / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
        (evil / "x.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
        article = tmp_path / "a.txt"
        article.write_text(PROSE, encoding="utf-8")
        env = {**os.environ, "NEWSDIFF_MODEL": model}
        result = subprocess.run(
            [sys.executable, "-m", "newsdiff", "--json", "--no-cache", str(article)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 11, result.stderr
        assert message in result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert not UNSAFE.search(result.stderr.replace("\n", ""))
        assert not marker.exists()


def test_ctrl_c_during_json_stops_with_130(tmp_path: Path) -> None:
    """SIGINT (Ctrl+C) while a long analysis runs: exit 130 soon, nothing on stdout, no
    traceback (spaCy runs in this process, in pieces, so the interrupt lands between them)."""
    article = tmp_path / "long.txt"
    article.write_text((PROSE + "\n\n") * 400, encoding="utf-8")  # ~160 KB: tens of seconds
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", "--json", "--no-cache", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(4)
    assert proc.poll() is None
    begin = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - begin < 20  # it did not finish the analysis (about 1 s in tmux)
    assert proc.returncode == 130
    assert out == b""
    assert b"Traceback" not in err
