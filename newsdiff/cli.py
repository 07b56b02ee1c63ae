"""The ``newsdiff`` command: open the UI, or print the comparison as JSON or Markdown."""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from newsdiff import __version__
from newsdiff.config import MAX_FILE_MB, Config, config_path, display_path, load_config
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.ingest import (
    MAX_SOURCES,
    demo_paths,
    parse_date_option,
    read_inputs,
    sources_from_inputs,
)
from newsdiff.textsafe import json_safe, visible

if TYPE_CHECKING:
    from newsdiff.model import Comparison, Source

#: What each exit code means, shown in ``--help`` and the README's Troubleshooting section.
EXIT_CODE_HELP: dict[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.USAGE: "bad command line (unknown option, missing value, ...)",
    ExitCode.NOT_FOUND: "an article file does not exist",
    ExitCode.IS_DIRECTORY: "an article path is a directory",
    ExitCode.UNREADABLE: "an article file cannot be read (permissions, I/O error)",
    ExitCode.BINARY: "an article is binary (PDF, image, archive, executable)",
    ExitCode.EMPTY: "an article is empty or has no text",
    ExitCode.ENCODING: "an article's text encoding cannot be recognised",
    ExitCode.TOO_LARGE: "an article is over the size limit (--max-size)",
    ExitCode.TOO_FEW_SOURCES: "the UI needs at least two articles",
    ExitCode.MODEL: "the spaCy pipeline is missing or broken",
    ExitCode.BAD_DATE: "a --date value is malformed or names no article",
    ExitCode.CONFIG: "the --config file cannot be used",
    ExitCode.ANALYSIS: "the analysis failed unexpectedly (a bug: please report it)",
    ExitCode.INTERRUPTED: "interrupted with Ctrl-C",
}

_DESCRIPTION = """\
Compare how different outlets report the same story: who is named, which claims differ,
and when the talks they mention happen. Opens a terminal UI on two or more articles (plain
text, Markdown or HTML; '-' reads one from stdin), or prints the comparison with --json or
--report md."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every error takes the one exit path."""

    def error(self, message: str) -> NoReturn:
        raise NewsdiffError(f"{message} (see newsdiff --help)", ExitCode.USAGE)


def _positive_mb(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not 0 < number <= MAX_FILE_MB:  # also rejects nan and inf
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a size in megabytes above 0 and at most {MAX_FILE_MB:g} "
            f"(e.g. --max-size 20)"
        )
    return number


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a TCP port (1-65535), e.g. --serve 8000"
        )
    return port


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; public so the README and tests can show its help."""
    codes = "\n".join(f"  {int(code):>3}  {text}" for code, text in EXIT_CODE_HELP.items())
    epilog = (
        "examples:\n"
        "  newsdiff --demo                      the bundled example in the UI\n"
        "  newsdiff a.txt b.html                compare two articles in the UI\n"
        "  newsdiff --json a.txt b.txt > out.json\n"
        "  newsdiff --report md a.txt b.txt --date B=2021-12-30\n"
        "  newsdiff --serve 8000 --demo           the UI in a browser, on 127.0.0.1:8000\n\n"
        f"sources: at most {MAX_SOURCES}, named A to Z in argument order; sentence ids are the\n"
        "  source's letter and a number (A3), so a 27th source has no id that reads clearly.\n\n"
        f"config: {display_path(config_path())}\n"
        "  keys: model, max_file_mb, theme, sidebar, detail, cache, [keymap] (see ? in the UI);\n"
        "  the NEWSDIFF_MODEL environment variable overrides model.\n\n"
        f"exit codes:\n{codes}"
    )
    parser = _Parser(
        prog="newsdiff",
        description=_DESCRIPTION,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=f"article to compare, at most {MAX_SOURCES} ('-' reads stdin)",
    )
    parser.add_argument("--demo", action="store_true", help="use the two bundled example articles")
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="print the comparison as JSON instead of the UI"
    )
    output.add_argument(
        "--report",
        choices=["md"],
        metavar="md",
        help="print a Markdown report instead of the UI",
    )
    parser.add_argument(
        "--date",
        action="append",
        default=[],
        metavar="SRC=YYYY-MM-DD",
        help="publication date of one article (SRC: id like B, or file name); repeatable",
    )
    parser.add_argument(
        "--model", metavar="NAME", help="spaCy pipeline package (default: best installed)"
    )
    parser.add_argument(
        "--max-size",
        type=_positive_mb,
        metavar="MB",
        help="largest article accepted, in megabytes (default: max_file_mb or 5)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="analyse again even if a cached result exists"
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"read settings from FILE instead of {display_path(config_path())}",
    )
    parser.add_argument(
        "--serve",
        type=_port,
        metavar="PORT",
        help="serve the UI to a web browser on http://127.0.0.1:PORT (textual-serve)",
    )
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (the console script passes it to sys.exit)."""
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except NewsdiffError as err:
        _print_error(str(err))
        return int(err.code)
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        return int(ExitCode.OK)
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else int(ExitCode.OK)
    except Exception as exc:
        # An engine bug: one line for the user, the traceback only when asked for.
        if os.environ.get("NEWSDIFF_DEBUG"):
            raise
        _print_error(
            f"unexpected {type(exc).__name__}: {_first_line(exc)}; this is a bug, please "
            f"report it (NEWSDIFF_DEBUG=1 shows the traceback)"
        )
        return int(ExitCode.ANALYSIS)


def _run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    config = _load_config(args.config)
    dates = dict(parse_date_option(value) for value in args.date)
    paths = _paths(args)
    if args.serve is not None:
        return _serve(args, paths, config)
    interactive = not (args.json or args.report)
    if interactive and len(paths) < 2:
        raise NewsdiffError(
            "the UI compares at least two articles and only one was given; "
            "use --json or --report md to analyse a single article",
            ExitCode.TOO_FEW_SOURCES,
        )
    max_mb = args.max_size if args.max_size is not None else config.max_file_mb
    max_bytes = int(max_mb * 1_000_000)
    use_cache = config.cache and not args.no_cache
    # Pipelines are found without importing spaCy, so resolving one costs milliseconds.
    from newsdiff import cache
    from newsdiff.nlp import PipelineInfo, resolve_pipeline

    # Each input is read exactly once, with the size cap: a pipe or FIFO cannot be read twice,
    # and /dev/zero never ends. The warm path and ingest both work from these bytes.
    inputs = read_inputs(paths, max_bytes=max_bytes)
    pipeline: PipelineInfo | None = None
    out_key: str | None = None
    if args.json and use_cache:
        # Warm path: the same bytes and flags as a previous run print that run's output without
        # parsing anything (no engine, no data model); see cache.input_key.
        pipeline = resolve_pipeline(args.model or config.model)
        options = {"dates": sorted(dates.items()), "max_bytes": max_bytes}
        raw = [(i.path, i.data, i.mtime_ns) for i in inputs]
        out_key = cache.input_key(raw, options, pipeline)
        hit = cache.load_output(out_key)
        if hit is not None:
            text, data = hit
            for source in data["sources"]:
                for warning in source.get("warnings", ()):
                    _print_warning(str(warning))
            return _write_stdout(text)
    sources = sources_from_inputs(inputs, dates=dates)
    for source in sources:
        for warning in source.warnings:
            _print_warning(warning)
    # Resolve before any analysis so a missing pipeline fails in milliseconds, not after the
    # UI has started.
    if pipeline is None:
        pipeline = resolve_pipeline(args.model or config.model)
    if interactive:
        return _run_ui(sources, model=pipeline.name, config=config, use_cache=use_cache)
    comparison = _analyze(sources, model=pipeline.name, use_cache=use_cache)
    if args.json:
        # ensure_ascii=False keeps accents readable; json_safe escapes what a terminal obeys.
        out = json_safe(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2)) + "\n"
        if out_key is not None:
            cache.save_output(out_key, out)
    else:
        from newsdiff.report import render_markdown

        out = render_markdown(comparison)
    return _write_stdout(out)


def _load_config(path: Path | None) -> Config:
    if path is not None and not path.is_file():
        reason = "is a directory" if path.is_dir() else "does not exist"
        raise NewsdiffError(f"--config {str(path)!r} {reason}", ExitCode.CONFIG)
    config, warnings = load_config(path)
    for warning in warnings:
        _print_warning(warning)
    return config


def _paths(args: argparse.Namespace) -> list[str]:
    files: list[str] = list(args.files)
    if args.demo:
        if files:
            raise NewsdiffError(
                "--demo uses the bundled example; give either --demo or FILEs, not both",
                ExitCode.USAGE,
            )
        return demo_paths()
    if files:
        return files
    if sys.stdin is not None and not _isatty(sys.stdin):
        return ["-"]  # `curl ... | newsdiff --json`: the article comes from the pipe
    raise NewsdiffError(
        "no articles given; try `newsdiff --demo` for the bundled example, "
        "or `newsdiff A.txt B.txt` to compare two articles",
        ExitCode.TOO_FEW_SOURCES,
    )


def _analyze(sources: Sequence[Source], *, model: str, use_cache: bool) -> Comparison:
    # Imported here so `--help` and input errors never pay for the engine's imports.
    from newsdiff.pipeline import analyze

    if not _isatty(sys.stderr):
        return analyze(sources, model=model, use_cache=use_cache)

    # A cold analysis takes seconds: show the stage on the terminal, never in redirected output.
    def show(stage: str, fraction: float) -> None:
        sys.stderr.write(f"\r\x1b[2Knewsdiff: {stage}… {fraction:.0%}")
        sys.stderr.flush()

    try:
        return analyze(sources, model=model, use_cache=use_cache, progress=show)
    finally:
        sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()


#: Set by textual-serve in the app processes it starts for each browser tab.
_WEB_DRIVER = "textual.drivers.web_driver"


def _serve(args: argparse.Namespace, paths: Sequence[str], config: Config) -> int:
    """Serve the UI to browsers on 127.0.0.1 only: each tab runs ``newsdiff`` with the same
    articles and options, with Textual's web driver (textual-serve)."""
    import shlex

    if args.json or args.report:
        raise NewsdiffError("--serve shows the UI; leave out --json and --report", ExitCode.USAGE)
    if "-" in paths:
        raise NewsdiffError(
            "--serve reads the articles again for each browser tab, so it cannot use stdin "
            "('-'); give file names or URLs",
            ExitCode.USAGE,
        )
    if len(paths) < 2:
        raise NewsdiffError(
            "the UI compares at least two articles and only one was given", ExitCode.TOO_FEW_SOURCES
        )
    from newsdiff.fetch import is_url

    # Fail here, once, with the usual one-line errors, rather than in every browser tab.
    max_mb = args.max_size if args.max_size is not None else config.max_file_mb
    read_inputs(paths, max_bytes=int(max_mb * 1_000_000))
    command = [sys.executable, "-m", "newsdiff"]
    command += ["--demo"] if args.demo else [p if is_url(p) else os.path.abspath(p) for p in paths]
    for value in args.date:
        command += ["--date", value]
    if args.model:
        command += ["--model", args.model]
    if args.max_size is not None:
        command += ["--max-size", str(args.max_size)]
    if args.no_cache:
        command.append("--no-cache")
    if args.config is not None:
        command += ["--config", os.path.abspath(args.config)]
    from textual_serve.server import Server

    print(f"newsdiff: serving on http://127.0.0.1:{args.serve} (Ctrl+C stops)", file=sys.stderr)
    Server(shlex.join(command), host="127.0.0.1", port=args.serve, title="newsdiff").serve()
    return int(ExitCode.OK)


def _run_ui(sources: Sequence[Source], *, model: str, config: Config, use_cache: bool) -> int:
    web = _WEB_DRIVER in os.environ.get("TEXTUAL_DRIVER", "")
    if not web and not _isatty(sys.stdout):
        raise NewsdiffError(
            "the UI needs a terminal but stdout is redirected; "
            "use --json or --report md to write the comparison to a file",
            ExitCode.USAGE,
        )
    if not web:  # under textual-serve the keys come from the browser, through stdin
        _attach_terminal_input()
    # Importing Textual allocates many objects; cyclic garbage collections during that import
    # and the first frame only delay the text (~40 ms). The app turns collection back on after
    # its first frame; the finally covers failures before that.
    gc.disable()
    try:
        # The one engine -> UI import, allowed by import-linter's ignore_imports: it lives
        # inside this function so that --json and --report never load Textual.
        from tui.app import NewsdiffApp

        analyze = None
        if not use_cache:
            from newsdiff.pipeline import analyze as pipeline_analyze

            analyze = functools.partial(pipeline_analyze, use_cache=False)
        app = NewsdiffApp(sources, model=model, config=config, analyze=analyze)
        app.run()
    finally:
        gc.enable()
    code = int(app.return_code) if app.return_code else int(ExitCode.OK)
    if app.analysis_left_running():
        # The reader quit during a long spaCy call: its thread would hold up the interpreter's
        # shutdown (and a second Ctrl+C would print a traceback). The terminal is restored and
        # nothing is left to write, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _attach_terminal_input() -> None:
    """Make fd 0 the terminal, so the UI gets the keys even when an article came through it.

    Textual reads keys from stdin. After ``cat a.txt | newsdiff - b.txt`` stdin is the
    (drained) pipe, and the keys typed would echo over the UI instead; like ``less`` and
    ``fzf``, newsdiff then reads the controlling terminal, ``/dev/tty``, in its place.

    Raises:
        NewsdiffError: stdin is not a terminal and there is no controlling terminal to use.
    """
    if _isatty(sys.__stdin__) or os.name != "posix":
        return
    try:
        fd = os.open("/dev/tty", os.O_RDWR | getattr(os, "O_NOCTTY", 0))
    except OSError:
        raise NewsdiffError(
            "the UI reads keys from the terminal, but stdin is not one and there is no "
            "controlling terminal (/dev/tty); use --json or --report md",
            ExitCode.USAGE,
        ) from None
    if fd != 0:
        os.dup2(fd, 0)
        os.close(fd)
    # sys.__stdin__ is None when fd 0 was closed at start-up (`newsdiff a b <&-`).
    stream = open(0, encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    sys.stdin = sys.__stdin__ = stream  # type: ignore[misc]  # Textual reads __stdin__


def _write_stdout(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # `newsdiff --json a b | head`: the reader left, which is not an error.
        _silence_stdout()
    return int(ExitCode.OK)


def _silence_stdout() -> None:
    # Python flushes stdout again at exit and would report the broken pipe a second time.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, AttributeError):
        return False


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "no details"


def _print_error(message: str) -> None:
    # Every message may quote a file name, a config value or article text: one safe line.
    print(f"newsdiff: error: {visible(message)}", file=sys.stderr)


def _print_warning(message: str) -> None:
    print(f"newsdiff: warning: {visible(message)}", file=sys.stderr)
