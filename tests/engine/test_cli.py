"""The command line: every bad input is one line on stderr and its own exit code."""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import random
import subprocess
import sys
import types
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from newsdiff import cli, ingest
from newsdiff.config import Config
from newsdiff.errors import ExitCode
from newsdiff.model import Comparison, Source

ENGLISH = (
    "US President Joe Biden will offer his Russian counterpart Vladimir Putin a diplomatic "
    "avenue to try to resolve tensions over Ukraine during their telephone conversation on "
    "Thursday, the White House said. The two leaders will speak by phone to discuss the "
    "upcoming talks, and the United States is also prepared to respond in the event of an "
    "invasion, a senior official said.\n"
)
SPANISH = (
    "El presidente de Estados Unidos, Joe Biden, y el de Rusia, Vladimir Putin, iniciaron una "
    "reunión por teléfono el jueves para hacer prevalecer el canal diplomático ante la crisis "
    "generada por la amenaza de una invasión rusa de Ucrania, según la Casa Blanca, que dijo "
    "que los dos líderes hablarían durante una hora sobre las tropas en la frontera.\n"
)


def _undecodable() -> bytes:
    # High bytes with no NUL and no pattern: no encoding makes sense of them.
    rng = random.Random(1)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(3000))


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _nul_heavy() -> bytes:
    rng = random.Random(2)
    return bytes(rng.choice([0, 0, 0, rng.randrange(256)]) for _ in range(4000))


#: (file name, content) -> the FILE arguments; every case also passes a good second article.
BAD_FILES: list[Any] = [
    pytest.param("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document", id="pdf"),
    pytest.param("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image", id="png"),
    pytest.param("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image", id="jpeg"),
    pytest.param("anim.gif", b"GIF89a\x01\x00\x01\x00", "GIF image", id="gif"),
    pytest.param("article.docx", _zip(), "ZIP archive", id="zip"),
    pytest.param("article.txt.gz", gzip.compress(ENGLISH.encode()), "gzip archive", id="gzip"),
    pytest.param("tool", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64, "executable", id="elf"),
    pytest.param("blob.bin", _nul_heavy(), "binary data", id="nul-heavy"),
]


def run(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, code: int, expected: ExitCode, message: str) -> None:
    assert code == expected, err
    lines = [line for line in err.splitlines() if line.startswith("newsdiff: error:")]
    assert len(lines) == 1, err
    assert message in lines[0]
    assert "Traceback" not in err


@pytest.fixture
def good(tmp_path: Path) -> str:
    path = tmp_path / "good.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    return str(path)


class TestBadFiles:
    @pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
    def test_binary_inputs_say_what_they_look_like(
        self,
        tmp_path: Path,
        good: str,
        capsys: pytest.CaptureFixture[str],
        name: str,
        data: bytes,
        message: str,
    ) -> None:
        bad = tmp_path / name
        bad.write_bytes(data)
        code, out, err = run([good, str(bad)], capsys)
        assert_one_line_error(err, code, ExitCode.BINARY, message)
        assert out == ""

    @pytest.mark.parametrize(
        ("make", "expected", "message"),
        [
            pytest.param(
                lambda d: str(d / "missing.txt"), ExitCode.NOT_FOUND, "no such file", id="missing"
            ),
            pytest.param(lambda d: str(d), ExitCode.IS_DIRECTORY, "is a directory", id="dir"),
            pytest.param(
                lambda d: _file(d, "empty.txt", b""), ExitCode.EMPTY, "is empty", id="empty"
            ),
            pytest.param(
                lambda d: _file(d, "blank.txt", b"  \n\t\r\n  \n"),
                ExitCode.EMPTY,
                "only whitespace",
                id="whitespace",
            ),
            pytest.param(
                lambda d: _file(d, "odd.txt", _undecodable()),
                ExitCode.ENCODING,
                "encoding could not be recognised",
                id="undecodable",
            ),
            pytest.param(
                lambda d: _file(d, "bad16.txt", b"\xff\xfe\x00\xd8A\x00"),
                ExitCode.ENCODING,
                "byte-order mark",
                id="broken-utf16",
            ),
            pytest.param(
                lambda d: _link(d), ExitCode.NOT_FOUND, "broken symbolic link", id="dangling-link"
            ),
        ],
    )
    def test_bad_paths(
        self,
        tmp_path: Path,
        good: str,
        capsys: pytest.CaptureFixture[str],
        make: Callable[[Path], str],
        expected: ExitCode,
        message: str,
    ) -> None:
        folder = tmp_path / "inputs"
        folder.mkdir()
        code, out, err = run([good, make(folder)], capsys)
        assert_one_line_error(err, code, expected, message)
        assert out == ""

    def test_typo_suggests_the_close_file(
        self, tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run([good, str(tmp_path / "god.txt")], capsys)
        assert_one_line_error(err, code, ExitCode.NOT_FOUND, "did you mean")
        assert "good.txt" in err

    @pytest.mark.skipif(
        sys.platform == "win32" or os.geteuid() == 0, reason="root can read mode-000 files"
    )
    def test_unreadable_file(
        self, tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        locked = tmp_path / "locked.txt"
        locked.write_text(ENGLISH, encoding="utf-8")
        locked.chmod(0)
        try:
            code, _, err = run([good, str(locked)], capsys)
        finally:
            locked.chmod(0o644)
        assert_one_line_error(err, code, ExitCode.UNREADABLE, "permission denied")

    def test_permission_error_on_open(
        self,
        tmp_path: Path,
        good: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """The same check as above, but also meaningful when the suite runs as root."""
        locked = tmp_path / "locked.txt"
        locked.write_text(ENGLISH, encoding="utf-8")

        def deny(path: str, *args: Any, **kwargs: Any) -> Any:
            if str(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(path))
            return open(path, *args, **kwargs)

        monkeypatch.setattr(ingest.reading, "open", deny, raising=False)
        code, _, err = run([good, str(locked)], capsys)
        assert_one_line_error(err, code, ExitCode.UNREADABLE, "permission denied")

    def test_file_over_max_size(
        self, tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        big = tmp_path / "big.txt"
        big.write_text(ENGLISH * 20, encoding="utf-8")
        code, _, err = run([good, str(big), "--max-size", "0.001"], capsys)
        assert_one_line_error(err, code, ExitCode.TOO_LARGE, "over the 0.001 MB limit")
        assert "--max-size" in err
        assert "max_file_mb" in err

    def test_config_max_file_mb_applies(
        self, tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        config = tmp_path / "config.toml"
        config.write_text("max_file_mb = 0.0001\n", encoding="utf-8")
        code, _, err = run([good, good, "--config", str(config)], capsys)
        assert_one_line_error(err, code, ExitCode.TOO_LARGE, "0.0001 MB")


class TestBadOptions:
    @pytest.mark.parametrize(
        ("extra", "expected", "message"),
        [
            (["--date", "A2021-12-30"], ExitCode.BAD_DATE, "expected SRC=YYYY-MM-DD"),
            (["--date", "A=30/12/2021"], ExitCode.BAD_DATE, "YYYY-MM-DD"),
            (["--date", "A=2021-13-01"], ExitCode.BAD_DATE, "not a real date"),
            (["--date", "Z=2021-12-30"], ExitCode.BAD_DATE, "no source 'Z'"),
            (["--model", "en_core_web_nope"], ExitCode.MODEL, "not installed"),
            (["--max-size", "abc"], ExitCode.USAGE, "not a size in megabytes"),
            (["--max-size", "-3"], ExitCode.USAGE, "not a size in megabytes"),
            (["--report", "pdf"], ExitCode.USAGE, "invalid choice"),
            (["--json", "--report", "md"], ExitCode.USAGE, "not allowed with"),
            (["--frobnicate"], ExitCode.USAGE, "unrecognized arguments"),
            (["--demo"], ExitCode.USAGE, "either --demo or FILEs"),
            (["--config", "/nonexistent/newsdiff.toml"], ExitCode.CONFIG, "does not exist"),
        ],
    )
    def test_bad_options(
        self,
        good: str,
        capsys: pytest.CaptureFixture[str],
        extra: list[str],
        expected: ExitCode,
        message: str,
    ) -> None:
        code, out, err = run([good, good, *extra], capsys)
        assert_one_line_error(err, code, expected, message)
        assert out == ""

    def test_model_from_environment_is_checked(
        self, good: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("NEWSDIFF_MODEL", "en_core_web_missing")
        code, _, err = run([good, good, "--json"], capsys)
        assert_one_line_error(err, code, ExitCode.MODEL, "en_core_web_missing")

    def test_one_article_needs_json_or_report(
        self, good: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, _, err = run([good], capsys)
        assert_one_line_error(err, code, ExitCode.TOO_FEW_SOURCES, "--json or --report")

    def test_no_articles_on_a_terminal_suggests_the_demo(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        class Tty(io.StringIO):
            def isatty(self) -> bool:
                return True

        monkeypatch.setattr(sys, "stdin", Tty())
        code, _, err = run([], capsys)
        assert_one_line_error(err, code, ExitCode.TOO_FEW_SOURCES, "newsdiff --demo")

    def test_ui_refuses_a_redirected_stdout(
        self, good: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        other = tmp_path / "other.txt"
        other.write_text(ENGLISH + "More.", encoding="utf-8")
        code, _, err = run([good, str(other)], capsys)
        assert_one_line_error(err, code, ExitCode.USAGE, "stdout is redirected")

    def test_help_lists_every_exit_code(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(["--help"], capsys)
        assert code == 0
        for exit_code in ExitCode:
            assert f"{int(exit_code):>3}  " in out

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(["--version"], capsys)
        assert code == 0
        assert out.startswith("newsdiff ")


def _fake_analysis(calls: list[dict[str, Any]]) -> Callable[..., Comparison]:
    def analyze(sources: Sequence[Source], *, model: str, use_cache: bool) -> Comparison:
        calls.append({"sources": list(sources), "model": model, "use_cache": use_cache})
        return Comparison("0", model, tuple(sources), (), (), ())

    return analyze


class TestWarningsContinue:
    """Problems that only warn: the run goes on to the analysis (replaced by a fake here)."""

    @pytest.fixture
    def calls(self, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
        seen: list[dict[str, Any]] = []
        monkeypatch.setattr(cli, "_analyze", _fake_analysis(seen))
        return seen

    @pytest.mark.parametrize(
        ("name", "data", "warning"),
        [
            pytest.param(
                "quotes.txt",
                ("“We will respond,” the aide said – firmly. " * 3 + ENGLISH).encode("cp1252"),
                "read it as cp1252",
                id="cp1252",
            ),
            pytest.param(
                "spanish.txt", SPANISH.encode(), "B (spanish.txt) looks like Spanish", id="es"
            ),
            pytest.param("copy.txt", ENGLISH.encode(), "same content as A", id="same-content"),
        ],
    )
    def test_warning_then_analysis(
        self,
        tmp_path: Path,
        good: str,
        capsys: pytest.CaptureFixture[str],
        calls: list[dict[str, Any]],
        name: str,
        data: bytes,
        warning: str,
    ) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        code, out, err = run([good, str(path), "--json"], capsys)
        assert code == 0, err
        assert f"newsdiff: warning: {warning}" in err or warning in err
        assert all(line.startswith("newsdiff: warning: ") for line in err.splitlines())
        payload = json.loads(out)
        assert [s["id"] for s in payload["sources"]] == ["A", "B"]
        assert any(warning in w for w in payload["sources"][1]["warnings"])

    def test_same_file_twice(
        self, good: str, capsys: pytest.CaptureFixture[str], calls: list[dict[str, Any]]
    ) -> None:
        code, _, err = run([good, good, "--json"], capsys)
        assert code == 0
        assert "B (good.txt (B)) is the same file as A" in err

    def test_utf16_article_is_read(
        self,
        tmp_path: Path,
        good: str,
        capsys: pytest.CaptureFixture[str],
        calls: list[dict[str, Any]],
    ) -> None:
        path = tmp_path / "wide.txt"
        path.write_bytes(("Other words. " + ENGLISH).encode("utf-16"))
        code, out, err = run([good, str(path), "--json"], capsys)
        assert code == 0
        assert err == ""
        assert json.loads(out)["sources"][1]["text"] == "Other words. " + ENGLISH

    def test_broken_config_warns_and_uses_defaults(
        self,
        tmp_path: Path,
        good: str,
        capsys: pytest.CaptureFixture[str],
        calls: list[dict[str, Any]],
    ) -> None:
        config = tmp_path / "config.toml"
        config.write_text('model = "x"\nmax_file_mb = \n', encoding="utf-8")
        code, _, err = run([good, "--json", "--config", str(config)], capsys)
        assert code == 0
        assert f"newsdiff: warning: {config}:2: " in err
        assert "using defaults" in err

    def test_options_reach_the_analysis(
        self,
        tmp_path: Path,
        good: str,
        capsys: pytest.CaptureFixture[str],
        calls: list[dict[str, Any]],
    ) -> None:
        other = tmp_path / "other.txt"
        other.write_text(ENGLISH + "More.", encoding="utf-8")
        argv = [good, str(other), "--report", "md", "--no-cache", "--date", "B=2021-12-29"]
        code, out, _ = run(argv, capsys)
        assert code == 0
        (call,) = calls
        assert call["use_cache"] is False
        assert call["model"]  # resolved to an installed pipeline name
        assert [s.published for s in call["sources"]] == ["2021-12-29", "2021-12-29"]
        assert [s.published_inferred for s in call["sources"]] == [True, False]
        assert out.startswith("# newsdiff report")

    def test_json_is_not_ascii_escaped(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        calls: list[dict[str, Any]],
    ) -> None:
        path = tmp_path / "a.txt"
        path.write_text("“Quoted” café. " + ENGLISH, encoding="utf-8")
        code, out, _ = run([str(path), "--json"], capsys)
        assert code == 0
        assert "“Quoted” café." in out
        assert out.startswith('{\n  "version"')

    def test_stdin_is_read_when_piped(
        self,
        capsys: pytest.CaptureFixture[str],
        calls: list[dict[str, Any]],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        class Pipe(io.StringIO):
            buffer = io.BytesIO(ENGLISH.encode())

        monkeypatch.setattr(sys, "stdin", Pipe())
        code, out, _ = run(["--json"], capsys)
        assert code == 0
        assert json.loads(out)["sources"][0]["label"] == "stdin"

    def test_demo_json_uses_the_bundled_example(
        self, capsys: pytest.CaptureFixture[str], calls: list[dict[str, Any]]
    ) -> None:
        code, out, _ = run(["--demo", "--json"], capsys)
        assert code == 0
        labels = [s["label"] for s in json.loads(out)["sources"]]
        assert labels == ["example_a.txt", "example_b.txt"]


class TestFailures:
    def test_keyboard_interrupt_exits_130_quietly(
        self, good: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def interrupted(*args: Any, **kwargs: Any) -> Comparison:
            raise KeyboardInterrupt

        monkeypatch.setattr(cli, "_analyze", interrupted)
        code, out, err = run([good, "--json"], capsys)
        assert code == 130
        assert (out, err) == ("", "")

    def test_unexpected_engine_error_is_one_line(
        self, good: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def broken(*args: Any, **kwargs: Any) -> Comparison:
            raise ZeroDivisionError("division by zero\nsecond line")

        monkeypatch.setattr(cli, "_analyze", broken)
        code, _, err = run([good, "--json"], capsys)
        assert_one_line_error(err, code, ExitCode.ANALYSIS, "ZeroDivisionError: division by zero")
        assert "second line" not in err

    def test_broken_pipe_on_stdout_is_quiet(
        self, good: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        class ClosedPipe(io.StringIO):
            def write(self, text: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

        monkeypatch.setattr(cli, "_analyze", _fake_analysis([]))
        monkeypatch.setattr(sys, "stdout", ClosedPipe())
        code = cli.main([good, "--json"])
        _, err = capsys.readouterr()
        assert code == 0
        assert err == ""


def _file(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def _link(folder: Path) -> str:
    link = folder / "link.txt"
    link.symlink_to(folder / "gone.txt")
    return str(link)


class TestRealRuns:
    """The real engine on the bundled example (spaCy is loaded once per test process)."""

    def test_demo_json_end_to_end(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(["--demo", "--json"], capsys)
        assert code == 0, err
        data = json.loads(out)
        assert [s["published"] for s in data["sources"]] == ["2021-12-30", "2021-12-30"]
        assert [s["published_inferred"] for s in data["sources"]] == [False, True]
        assert data["sources"][0]["sentences"]
        assert "“" in out  # ensure_ascii=False keeps typographic quotes readable
        assert {c["status"] for c in data["claims"]} <= {"agree", "adds", "differ", "only"}

    def test_demo_report_end_to_end(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(["--demo", "--report", "md"], capsys)
        assert code == 0, err
        for heading in (
            "# newsdiff report",
            "## Entities",
            "## Conflicting claims",
            "## Claims one source adds to",
            "## Talks",
        ):
            assert heading in out
        assert "Vladimir Putin" in out


class TestUiLaunch:
    """The UI is started with the CLI's sources, model and config (a stand-in app here)."""

    @pytest.fixture
    def launched(self, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
        seen: list[dict[str, Any]] = []

        class FakeApp:
            return_code = None

            def __init__(self, sources: Sequence[Source], **kwargs: Any) -> None:
                seen.append({"sources": list(sources), **kwargs})

            def run(self) -> None:
                seen[-1]["ran"] = True

            @staticmethod
            def analysis_left_running() -> bool:
                return False

        fake = types.ModuleType("tui.app")
        fake.NewsdiffApp = FakeApp  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "tui.app", fake)
        monkeypatch.setattr(cli, "_isatty", lambda stream: True)
        return seen

    def test_demo_opens_the_ui(
        self, capsys: pytest.CaptureFixture[str], launched: list[dict[str, Any]]
    ) -> None:
        code, _, err = run(["--demo"], capsys)
        assert code == 0, err
        (call,) = launched
        assert call["ran"] is True
        assert [s.label for s in call["sources"]] == ["example_a.txt", "example_b.txt"]
        assert call["model"]
        assert call["config"] == Config()
        assert call["analyze"] is None

    def test_no_cache_reaches_the_ui_analysis(
        self, capsys: pytest.CaptureFixture[str], launched: list[dict[str, Any]]
    ) -> None:
        code, _, _ = run(["--demo", "--no-cache"], capsys)
        assert code == 0
        analyze = launched[0]["analyze"]
        assert isinstance(analyze, functools.partial)
        assert analyze.keywords == {"use_cache": False}


def test_the_installed_command_reads_an_html_page(tmp_path: Path) -> None:
    """``newsdiff --json page.html other.txt`` in a child process, as a user runs it.

    Nothing is mocked: the console script the install made (or ``python -m newsdiff``), the
    real trafilatura, jusText and lxml_html_clean, the real pipeline. A dependency missing
    from a fresh install fails here, not in a user's terminal.
    """
    data = Path(__file__).parent / "data" / "html_page"
    script = Path(sys.executable).with_name("newsdiff")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "newsdiff"]
    proc = subprocess.run(
        [*command, "--json", str(data / "page.html"), str(data / "other.txt")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    page, other = json.loads(proc.stdout)["sources"]
    assert page["title"] == "Ceasefire talks to resume in Geneva next week"
    assert page["published"] == "2024-03-14"
    assert page["dateline"] == "GENEVA (Reuters)"
    assert "Envoys of Armenia and Azerbaijan will resume talks" in page["text"]
    assert "Copyright" not in page["text"]
    assert page["sentences"]
    assert other["published"] == "2024-03-14"
    assert other["published_inferred"] is True
