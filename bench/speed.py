"""Measure newsdiff's speed and memory against baselines it cannot beat, as ratios.

Run from the repo root::

    /work/venv/bin/python bench/speed.py [--runs 5] [--json-out bench/speed.json]
        [--data DIR] [--only 1,2,3,4,5,6] [--presses 60] [--no-profile]

Every figure is a median of ``--runs`` runs compared with a baseline measured the same way on
the same machine, so the targets hold on slow and fast machines alike. Long inputs are built
from the public eval corpora (``../shared/eval``), never shipped with the package.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import fcntl
import json
import os
import pstats
import pty
import re
import resource
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

# Bench scripts run as files, not as a package: make _common importable from any cwd.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    REPO,
    build_articles,
    eval_dir,
    make_sources,
    median,
    percentile,
    print_table,
    prose_of_size,
    write_json,
)

COLUMNS, LINES = 160, 45
SCALE_SIZES = (2, 5, 10)
SCALE_WORDS = 5_000
KEY_WORDS = 50_000
#: Output of a terminal app is full of escape sequences; strip them before looking for text.
_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|.)")
_HELLO = "newsdiff bench: bare Textual hello"


@dataclass
class Figure:
    """One row of the results table."""

    name: str
    value: float | None
    unit: str
    target: str = ""
    passed: bool | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def row(self) -> list[str]:
        """Table cells: figure, value, target, verdict."""
        if self.value is None:
            value = "error"
        elif self.unit == "x":
            value = f"{self.value:.2f}x"
        else:
            value = f"{self.value:.1f} {self.unit}"
        verdict = "" if self.passed is None else ("pass" if self.passed else "FAIL")
        if self.value is None:
            verdict = "ERROR"
        return [self.name, value, self.target, verdict]

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the figure."""
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "target": self.target,
            "passed": self.passed,
            **self.details,
        }


def isolated_env(root: Path) -> dict[str, str]:
    """Environment with its own XDG config, cache, state and data dirs, so no cache helps."""
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        d = root / var.lower()
        d.mkdir(parents=True, exist_ok=True)
        env[var] = str(d)
    env.pop("NEWSDIFF_MODEL", None)
    # An installed newsdiff has bytecode caches (pip compiles them; Python writes them on first
    # import). With PYTHONDONTWRITEBYTECODE set, as in some CI shells, every run would compile
    # every module from source: that is not what a user's start-up costs, and it is paid by
    # newsdiff's larger code base and not by the baselines.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["TERM"] = "xterm-256color"
    env["COLUMNS"], env["LINES"] = str(COLUMNS), str(LINES)
    return env


# ---------------------------------------------------------------------------------------------
# 1. First paint in a real pseudo-terminal


def time_to_screen_text(argv: Sequence[str], env: dict[str, str], needle: str) -> float:
    """Seconds from fork to ``needle`` appearing on the terminal the process draws on.

    Raises:
        RuntimeError: the process exited or stayed silent for 120 s without showing it.
    """
    target = needle.encode()
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child: size the terminal before the app asks for it, then become the app
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
            os.execve(argv[0], list(argv), env)
        finally:
            os._exit(127)
    raw = bytearray()
    try:
        while True:
            left = started + 120 - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"{needle!r} not on screen after 120 s")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                tail = _ANSI.sub(b"", bytes(raw)).decode(errors="replace")[-300:]
                raise RuntimeError(f"process exited before showing {needle!r}: {tail!r}")
            raw += chunk
            if target in _ANSI.sub(b"", bytes(raw)):
                return time.perf_counter() - started
    finally:
        # The child is its own session leader (pty.fork calls setsid): end its whole group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def screen_needle(text: str, other: str) -> str:
    """A short ASCII string that starts a paragraph of ``text`` and is absent from ``other``.

    Starting a paragraph means it starts a screen line too, and at most 24 characters it cannot
    wrap in a pane of any sensible width, so it shows up contiguously in the terminal output.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    for para in paragraphs[1:] + paragraphs[:1]:
        words = para.split()
        needle = ""
        for word in words:
            longer = f"{needle} {word}".strip()
            if len(longer) > 24:
                break
            needle = longer
            if len(needle) >= 12 and needle.isascii() and needle not in other:
                return needle
    raise SystemExit("no paragraph start of article A is unique to it; cannot detect first paint")


def demo_paths() -> list[str]:
    """The bundled example, via ingest when it exists (it knows where the package data is)."""
    try:
        from newsdiff.ingest import demo_paths as ingest_demo_paths
    except ImportError:
        data = REPO / "newsdiff" / "data"
        return [str(data / "example_a.txt"), str(data / "example_b.txt")]
    return list(ingest_demo_paths())


def bench_first_paint(runs: int, work: Path) -> list[Figure]:
    """newsdiff A B vs a bare Textual app, both to their first text on screen."""
    a, b = demo_paths()
    text_a = Path(a).read_text(encoding="utf-8")
    needle = screen_needle(text_a, Path(b).read_text(encoding="utf-8"))
    hello = work / "hello_textual.py"
    hello.write_text(
        textwrap.dedent(
            f"""\
            from textual.app import App, ComposeResult
            from textual.widgets import Static


            class Hello(App[None]):
                def compose(self) -> ComposeResult:
                    yield Static({_HELLO!r})


            Hello().run()
            """
        ),
        encoding="utf-8",
    )
    ours, bare = [], []
    for i in range(runs):
        ours.append(
            time_to_screen_text(
                [sys.executable, "-m", "newsdiff", a, b], isolated_env(work / f"paint{i}"), needle
            )
        )
        bare.append(
            time_to_screen_text([sys.executable, str(hello)], isolated_env(work / "hello"), _HELLO)
        )
    ratio = median(ours) / median(bare)
    return [
        Figure(
            "1. first paint newsdiff A B / bare Textual",
            ratio,
            "x",
            "<= 1.5x",
            ratio <= 1.5,
            {
                "newsdiff_s": median(ours),
                "bare_textual_s": median(bare),
                "needle": needle,
                "newsdiff_runs_s": ours,
                "bare_runs_s": bare,
            },
        )
    ]


# ---------------------------------------------------------------------------------------------
# 2-3. Cold and warm --json


def time_process(argv: Sequence[str], env: dict[str, str]) -> float:
    """Wall seconds of one process run to completion.

    Raises:
        RuntimeError: it exited non-zero (its last stderr line says why).
    """
    started = time.perf_counter()
    proc = subprocess.run(
        list(argv), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        last = proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["(no stderr)"]
        raise RuntimeError(f"{' '.join(argv[:4])} ... exited {proc.returncode}: {last[0]}")
    return elapsed


def check_json_output(argv: Sequence[str], env: dict[str, str]) -> int:
    """Run once and check it printed a comparison; returns the number of entities found.

    Raises:
        RuntimeError: the output is not the JSON contract.
    """
    proc = subprocess.run(list(argv), env=env, capture_output=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"--json exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    data = json.loads(proc.stdout)
    if not isinstance(data, dict) or "entities" not in data:
        raise RuntimeError("--json did not print a comparison")
    return len(data["entities"])


def bench_json(runs: int, work: Path) -> list[Figure]:
    """Cold --json vs raw spaCy on the same texts; warm --json vs python -c 'import json'."""
    from newsdiff.nlp import resolve_pipeline

    paths = demo_paths()
    model = resolve_pipeline().name
    raw_script = work / "raw_spacy.py"
    raw_script.write_text(
        textwrap.dedent(
            """\
            import sys

            import spacy

            nlp = spacy.load(sys.argv[1])
            texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
            docs = list(nlp.pipe(texts))
            """
        ),
        encoding="utf-8",
    )
    ours_argv = [sys.executable, "-m", "newsdiff", "--json", *paths]
    raw_argv = [sys.executable, str(raw_script), model, *paths]
    entities = check_json_output(ours_argv, isolated_env(work / "check"))
    cold, raw = [], []
    for i in range(runs):
        cold.append(time_process(ours_argv, isolated_env(work / f"cold{i}")))
        raw.append(time_process(raw_argv, isolated_env(work / "raw")))
    warm_env = isolated_env(work / "warm")
    time_process(ours_argv, warm_env)  # fills the cache the timed runs hit
    warm, bare = [], []
    for _ in range(runs):
        warm.append(time_process(ours_argv, warm_env))
        bare.append(time_process([sys.executable, "-c", "import json"], warm_env))
    cold_ratio = median(cold) / median(raw)
    warm_ratio = median(warm) / median(bare)
    return [
        Figure(
            "2. cold --json / raw spaCy load+pipe",
            cold_ratio,
            "x",
            "<= 1.25x",
            cold_ratio <= 1.25,
            {
                "newsdiff_s": median(cold),
                "raw_spacy_s": median(raw),
                "model": model,
                "entities": entities,
                "newsdiff_runs_s": cold,
                "raw_runs_s": raw,
            },
        ),
        Figure(
            "3. warm --json / python -c 'import json'",
            warm_ratio,
            "x",
            "<= 4x",
            warm_ratio <= 4,
            {
                "newsdiff_s": median(warm),
                "python_s": median(bare),
                "newsdiff_runs_s": warm,
                "python_runs_s": bare,
            },
        ),
    ]


# ---------------------------------------------------------------------------------------------
# 4. Scale, memory and profile (each size in its own process)


def _max_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest waited-for child, in MB (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def scale_child(size: int, runs: int, base: Path) -> dict[str, Any]:
    """Time analyze vs raw nlp.pipe on ``size`` long sources, in a process of its own."""
    from newsdiff.nlp import load_pipeline, resolve_pipeline
    from newsdiff.pipeline import analyze

    texts = build_articles(base, size, SCALE_WORDS)
    sources = make_sources(texts)
    nlp = load_pipeline(resolve_pipeline())
    # One-off costs (first call into the model, engine module imports) belong to the cold
    # figure, not to this one.
    list(nlp.pipe(["Warm the pipeline up once.", "Twice."]))
    analyze(make_sources(["Alice met Bob in Paris.", "Bob met Alice in Paris."]), use_cache=False)
    engine, raw = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        list(nlp.pipe(texts))
        raw.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        analyze(sources, use_cache=False)
        engine.append(time.perf_counter() - t0)
    out: dict[str, Any] = {
        "sources": size,
        "words": [len(t.split()) for t in texts],
        "chars": sum(len(t) for t in texts),
        "engine_runs_s": engine,
        "raw_runs_s": raw,
    }
    return out


def profile_child(size: int, base: Path) -> dict[str, Any]:
    """cProfile one analyze of ``size`` long sources, with the model loaded beforehand."""
    from newsdiff.nlp import load_pipeline, resolve_pipeline
    from newsdiff.pipeline import analyze

    sources = make_sources(build_articles(base, size, SCALE_WORDS))
    load_pipeline(resolve_pipeline())
    prof = cProfile.Profile()
    prof.runcall(analyze, sources, use_cache=False)
    return profile_summary(prof)


def rss_child(size: int, base: Path) -> dict[str, Any]:
    """Peak memory of one process that loads the model and analyses ``size`` long sources."""
    from newsdiff.pipeline import analyze

    sources = make_sources(build_articles(base, size, SCALE_WORDS))
    analyze(sources, use_cache=False)
    own, kids = _max_rss_mb()
    return {"peak_rss_mb": own, "children_peak_rss_mb": kids}


def profile_summary(prof: cProfile.Profile, top: int = 15) -> dict[str, Any]:
    """Top cumulative entries among newsdiff's own functions, plus the top self-time overall."""
    stats = pstats.Stats(prof)
    entries = stats.stats  # type: ignore[attr-defined]  # pstats keeps its table here
    total = max((ct for (_cc, _nc, _tt, ct, _callers) in entries.values()), default=0.0)
    ours, overall = [], []
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in entries.items():
        where = f"{_short(filename)}:{line}({func})"
        row = {"function": where, "calls": ncalls, "self_s": tottime, "cum_s": cumtime}
        overall.append(row)
        if f"{os.sep}newsdiff{os.sep}" in filename:
            ours.append(row)
    ours.sort(key=lambda r: -r["cum_s"])
    overall.sort(key=lambda r: -r["self_s"])
    return {"total_s": total, "ours_by_cumulative": ours[:top], "all_by_self": overall[:top]}


def _short(filename: str) -> str:
    for marker in (f"{os.sep}site-packages{os.sep}", f"{REPO}{os.sep}"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


@dataclass(frozen=True, slots=True)
class Limits:
    """Guards so a runaway engine cannot take the machine down with it."""

    max_rss_mb: float
    timeout_s: float


def run_child(
    mode: str, arg: int, runs: int, base: Path, limits: Limits, extra: Sequence[str] = ()
) -> dict[str, Any]:
    """Run this script in a child process for one measurement and parse its JSON line.

    The child (and any process it forks) is watched with psutil and killed when its memory
    passes ``limits.max_rss_mb`` or it runs longer than ``limits.timeout_s``.

    Raises:
        RuntimeError: the child failed or was stopped by a limit.
    """
    argv = [sys.executable, __file__, f"--child-{mode}", str(arg), "--runs", str(runs)]
    argv += ["--data", str(base), *extra]
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-") as tmp:
        out_path, err_path = Path(tmp) / "out", Path(tmp) / "err"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            proc = subprocess.Popen(argv, env=isolated_env(Path(tmp)), stdout=out, stderr=err)
            stopped = _watch(proc, limits)
        stdout = out_path.read_text(encoding="utf-8", errors="replace")
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
    if stopped:
        raise RuntimeError(f"{mode} child ({arg}) stopped: {stopped}")
    if proc.returncode != 0:
        tail = stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"{mode} child ({arg}) exited {proc.returncode}: {' | '.join(tail)}")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return result


def _watch(proc: subprocess.Popen[bytes], limits: Limits) -> str | None:
    """Wait for the child; kill it (and its children) and say why if it breaks a limit."""
    import psutil

    started = time.perf_counter()
    try:
        watched: psutil.Process | None = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        watched = None
    while proc.poll() is None:
        reason = None
        if time.perf_counter() - started > limits.timeout_s:
            reason = f"still running after {limits.timeout_s:.0f} s (--timeout)"
        elif watched is not None:
            try:
                rss = watched.memory_info().rss + sum(
                    c.memory_info().rss for c in watched.children(recursive=True)
                )
            except psutil.NoSuchProcess:
                rss = 0
            if rss > limits.max_rss_mb * 2**20:
                reason = f"RSS {rss / 2**20:.0f} MB passed --max-rss-mb {limits.max_rss_mb:.0f}"
        if reason:
            if watched is not None:
                for child in watched.children(recursive=True):
                    with contextlib.suppress(psutil.NoSuchProcess):
                        child.kill()
            proc.kill()
            proc.wait()
            return reason
        time.sleep(0.1)
    return None


def bench_scale(
    runs: int, base: Path, profile: bool, limits: Limits
) -> tuple[list[Figure], dict[str, Any]]:
    """Engine time vs raw nlp.pipe and peak RSS at 2, 5 and 10 sources of ~5,000 words.

    Each size is measured on its own, so one size breaking a limit still reports the others.
    """
    figures = []
    prof: dict[str, Any] = {}
    for size in SCALE_SIZES:
        last = size == max(SCALE_SIZES)
        name = f"4. {size} x {SCALE_WORDS} words"
        print(f"  {name} ...", file=sys.stderr, flush=True)
        try:
            timing = run_child("scale", size, runs, base, limits)
        except RuntimeError as exc:
            figures.append(Figure(f"{name}: analyze / nlp.pipe", None, "", "", None, _err(exc)))
        else:
            ratio = median(timing["engine_runs_s"]) / median(timing["raw_runs_s"])
            details = {
                "engine_s": median(timing["engine_runs_s"]),
                "raw_spacy_s": median(timing["raw_runs_s"]),
                **timing,
            }
            figures.append(
                Figure(
                    f"{name}: analyze / nlp.pipe",
                    ratio,
                    "x",
                    "<= 1.3x" if last else "",
                    ratio <= 1.3 if last else None,
                    details,
                )
            )
        try:
            memory = run_child("rss", size, 1, base, limits)
        except RuntimeError as exc:
            figures.append(Figure(f"{name}: peak RSS", None, "", "", None, _err(exc)))
        else:
            rss = memory["peak_rss_mb"]
            figures.append(
                Figure(
                    f"{name}: peak RSS",
                    rss,
                    "MB",
                    "<= 600 MB" if last else "",
                    rss <= 600 if last else None,
                    memory,
                )
            )
    if profile:
        size = max(SCALE_SIZES)
        print(f"  profile of {size} x {SCALE_WORDS} words ...", file=sys.stderr, flush=True)
        try:
            prof = run_child("profile", size, 1, base, limits)
        except RuntimeError as exc:
            figures.append(Figure(f"4. profile of {size} sources", None, "", "", None, _err(exc)))
    return figures, prof


# ---------------------------------------------------------------------------------------------
# 6. Hostile shapes: the same bytes as prose, on one line, as tiny sentences, and 4 MB

SHAPE_BYTES = 1_000_000
BIG_BYTES = 4_000_000
TINY_SENTENCES = 50_000


def shaped_text(base: Path, shape: str, size: int) -> str:
    """Article text of ``size`` characters in one of the shapes issue 15 found slow.

    ``prose``: real news text. ``one-line``: the same text with every line break a space
    (a page saved on one line). ``tiny``: sentences of two words from the same text, as many
    as fit (50,000 in 1 MB, a list or a log pasted as an article).
    """
    prose = prose_of_size(base, size)
    if shape == "prose":
        return prose
    if shape == "one-line":
        return re.sub(r"\s*\n\s*", " ", prose)
    if shape == "tiny":
        words = [w.strip(".,;:\"'()“”‘’") for w in prose.split()]
        words = [w for w in words if w.isalpha()]
        out, length, i = [], 0, 0
        while length < size:
            sentence = f"{words[i % len(words)].capitalize()} {words[(i + 1) % len(words)]}. "
            out.append(sentence)
            length += len(sentence)
            i += 2
        return "".join(out)[:size]
    raise ValueError(shape)


def shape_child(spec: str, base: Path) -> dict[str, Any]:
    """Analyse one shaped article (model loaded beforehand); time and this process's peak RSS."""
    from newsdiff.nlp import load_pipeline, resolve_pipeline
    from newsdiff.pipeline import analyze

    shape, size = spec.split(":")
    text = shaped_text(base, shape, int(size))
    load_pipeline(resolve_pipeline())
    analyze(make_sources(["Alice met Bob in Paris.", "Bob met Alice in Paris."]), use_cache=False)
    t0 = time.perf_counter()
    comparison = analyze(make_sources([text]), use_cache=False)
    elapsed = time.perf_counter() - t0
    own, _ = _max_rss_mb()
    sentences = comparison.sources[0].sentences
    return {
        "shape": shape,
        "chars": len(text),
        "seconds": elapsed,
        "peak_rss_mb": own,
        "sentences": len(sentences),
        "longest_sentence_chars": max((s.end - s.start for s in sentences), default=0),
    }


def bench_shapes(base: Path, limits: Limits) -> list[Figure]:
    """Hostile shapes against prose of the same bytes, in one run (each in its own process).

    Targets from issue 15: a 1 MB one-line article and 50,000 tiny sentences within 3x of
    1 MB of prose; a 4 MB article within 3x of four times the 1 MB time (linear growth);
    every one at most 800 MB peak RSS.
    """
    results: dict[str, dict[str, Any]] = {}
    for shape, size in (
        ("prose", SHAPE_BYTES),
        ("one-line", SHAPE_BYTES),
        ("tiny", SHAPE_BYTES),
        ("prose", BIG_BYTES),
    ):
        key = f"{shape}:{size}"
        print(f"  6. {key} ...", file=sys.stderr, flush=True)
        try:
            results[key] = run_child("shape", 0, 1, base, limits, ["--shape", key])
        except RuntimeError as exc:
            results[key] = _err(exc)
    figures = []
    prose = results[f"prose:{SHAPE_BYTES}"].get("seconds")
    rows = (
        ("one-line", SHAPE_BYTES, "6. 1 MB on one line / 1 MB prose", 1.0),
        ("tiny", SHAPE_BYTES, "6. 1 MB of tiny sentences / 1 MB prose", 1.0),
        ("prose", BIG_BYTES, "6. 4 MB prose / (4 x 1 MB prose)", BIG_BYTES / SHAPE_BYTES),
    )
    for shape, size, name, scale in rows:
        got = results[f"{shape}:{size}"]
        if prose is None or "seconds" not in got:
            figures.append(Figure(f"{name}: time", None, "", "", None, got))
        else:
            ratio = got["seconds"] / (prose * scale)
            figures.append(Figure(f"{name}: time", ratio, "x", "<= 3x", ratio <= 3, got))
    for key, got in results.items():
        rss = got.get("peak_rss_mb")
        name = f"6. {key.replace(':', ' ')} chars: peak RSS"
        if rss is None:
            figures.append(Figure(name, None, "", "", None, got))
        else:
            figures.append(Figure(name, rss, "MB", "<= 800 MB", rss <= 800, got))
    return figures


def _err(exc: Exception) -> dict[str, Any]:
    return {"error": f"{type(exc).__name__}: {exc}"}


# ---------------------------------------------------------------------------------------------
# 5. Key latency in the TUI (Pilot in a child process, so the memory limit applies)


async def _press_samples(pilot: Any, key: str, presses: int) -> dict[str, list[float]]:
    """Wall and CPU milliseconds of ``press`` + ``pause``, one sample per press.

    Pilot waits for the process to look idle by polling every 20 ms, so wall samples carry a
    floor of several polls whatever the app does. The process CPU time over the same window
    is the work the key really costs (analysis workers have finished, so it is the UI's).
    """
    wall, cpu = [], []
    for _ in range(presses):
        c0, t0 = time.process_time(), time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return {"wall_ms": wall, "cpu_ms": cpu}


async def _bare_floor(presses: int) -> dict[str, list[float]]:
    """The same samples on a bare app whose binding only updates one Static."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS: ClassVar = [("j", "bump", "Bump")]
        count = 0

        def compose(self) -> ComposeResult:
            yield Static(_HELLO)

        def action_bump(self) -> None:
            self.count += 1
            self.query_one(Static).update(f"{_HELLO} {self.count}")

    app = Bare()
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        return await _press_samples(pilot, "j", presses)


async def _key_latency(base: Path, presses: int) -> dict[str, Any]:
    from tui.app import NewsdiffApp

    sources = make_sources(build_articles(base, 2, KEY_WORDS))
    app = NewsdiffApp(sources)
    out: dict[str, Any] = {"words": [len(s.text.split()) for s in sources]}
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        started = time.perf_counter()
        while True:  # analysis may start further workers (e.g. after the first one posts)
            await app.workers.wait_for_complete()
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                break
        out["analysis_s"] = time.perf_counter() - started
        bindings = app.screen.active_bindings
        for key, key_name in (("j", "j"), ("]", "right_square_bracket")):
            active = bindings.get(key_name)
            if active is None or not active.enabled:
                raise RuntimeError(f"key {key!r} is not bound or not enabled after the analysis")
            out[key] = await _press_samples(pilot, key, presses)
            out[key]["action"] = active.binding.action
    out["bare"] = await _bare_floor(presses)
    return out


def keys_child(presses: int, base: Path) -> dict[str, Any]:
    """Pilot session measuring j and ] with two long articles analysed."""
    return asyncio.run(_key_latency(base, presses))


def bench_keys(base: Path, presses: int, limits: Limits) -> list[Figure]:
    """CPU cost (judged) and Pilot wall time of j and ] with two 50,000-word articles."""
    result = run_child("keys", presses, 1, base, limits)
    bare = result["bare"]
    figures = []
    for key in ("j", "]"):
        cpu = result[key]["cpu_ms"]
        wall = result[key]["wall_ms"]
        med, p95 = median(cpu), percentile(cpu, 95)
        info = {
            "action": result[key]["action"],
            "presses": presses,
            "analysis_s": result["analysis_s"],
            "words": result["words"],
            "pilot_wall_median_ms": median(wall),
            "pilot_wall_p95_ms": percentile(wall, 95),
            "bare_app_wall_median_ms": median(bare["wall_ms"]),
            "bare_app_cpu_median_ms": median(bare["cpu_ms"]),
            "cpu_ms": cpu,
            "wall_ms": wall,
        }
        figures.append(
            Figure(f"5. key {key!r} median (CPU)", med, "ms", "<= 30 ms", med <= 30, info)
        )
        figures.append(Figure(f"5. key {key!r} p95 (CPU)", p95, "ms", "<= 60 ms", p95 <= 60))
        figures.append(
            Figure(
                f"5. key {key!r} Pilot wall median (bare app {median(bare['wall_ms']):.0f} ms)",
                median(wall),
                "ms",
            )
        )
    return figures


# ---------------------------------------------------------------------------------------------


def _section(
    name: str, fn: Callable[[], list[Figure]], figures: list[Figure], errors: dict[str, str]
) -> None:
    """Run one section; a failure is reported as an error row, and the other sections go on."""
    print(f"measuring {name} ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    try:
        figures.extend(fn())
    except (RuntimeError, OSError, ImportError, subprocess.SubprocessError) as exc:
        errors[name] = f"{type(exc).__name__}: {exc}"
        figures.append(Figure(name, None, "", "", None, {"error": errors[name]}))
    print(f"  {name} took {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)


def _print_profile(prof: dict[str, Any]) -> None:
    print(f"\nprofile of analyze on {max(SCALE_SIZES)} sources: {prof['total_s']:.2f} s total")
    rows = [
        [r["function"], str(r["calls"]), f"{r['self_s']:.3f}", f"{r['cum_s']:.3f}"]
        for r in prof["ours_by_cumulative"]
    ]
    print_table(rows, ("newsdiff function (by cumulative)", "calls", "self s", "cum s"))
    rows = [
        [r["function"], str(r["calls"]), f"{r['self_s']:.3f}", f"{r['cum_s']:.3f}"]
        for r in prof["all_by_self"]
    ]
    print()
    print_table(rows, ("any function (by self time)", "calls", "self s", "cum s"))


def main(argv: list[str] | None = None) -> int:
    """Measure every figure (or those picked with --only) and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    ap.add_argument("--json-out", help="write the figures to this JSON file")
    ap.add_argument("--data", help="eval directory (default $NEWSDIFF_EVAL or ../shared/eval)")
    ap.add_argument("--only", default="1,2,3,4,5,6", help="sections to run, e.g. 1,4")
    ap.add_argument("--presses", type=int, default=60, help="key presses per key (default 60)")
    ap.add_argument("--no-profile", action="store_true", help="skip the cProfile pass")
    ap.add_argument(
        "--max-rss-mb",
        type=float,
        default=4000,
        help="kill a measuring child above this memory (default 4000)",
    )
    ap.add_argument(
        "--timeout", type=float, default=900, help="kill a measuring child after this (s)"
    )
    ap.add_argument("--child-scale", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-rss", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-keys", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-profile", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-shape", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--shape", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    base = eval_dir(args.data)
    if args.child_scale:
        print(json.dumps(scale_child(args.child_scale, args.runs, base)))
        return 0
    if args.child_rss:
        print(json.dumps(rss_child(args.child_rss, base)))
        return 0
    if args.child_profile:
        print(json.dumps(profile_child(args.child_profile, base)))
        return 0
    if args.child_shape is not None and args.shape:
        print(json.dumps(shape_child(args.shape, base)))
        return 0
    if args.child_keys:
        print(json.dumps(keys_child(args.child_keys, base)))
        return 0
    if args.runs < 1 or args.presses < 1:
        ap.error("--runs and --presses must be positive")
    if args.runs < 5:
        print("note: fewer than 5 runs; medians are noisy", file=sys.stderr)
    only = {s.strip() for s in args.only.split(",")}
    limits = Limits(args.max_rss_mb, args.timeout)

    figures: list[Figure] = []
    errors: dict[str, str] = {}
    prof: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-") as tmp:
        work = Path(tmp)
        if "1" in only:
            _section("1. first paint", lambda: bench_first_paint(args.runs, work), figures, errors)
        if "2" in only or "3" in only:
            _section("2-3. --json cold/warm", lambda: bench_json(args.runs, work), figures, errors)
        if "4" in only:

            def scale() -> list[Figure]:
                nonlocal prof
                figs, prof = bench_scale(args.runs, base, not args.no_profile, limits)
                return figs

            _section("4. scale", scale, figures, errors)
        if "5" in only:
            _section(
                "5. key latency", lambda: bench_keys(base, args.presses, limits), figures, errors
            )
        if "6" in only:
            _section("6. hostile shapes", lambda: bench_shapes(base, limits), figures, errors)

    print()
    print_table([f.row() for f in figures], ("figure", "value", "target", "result"))
    for name, message in errors.items():
        print(f"error in {name}: {message}")
    if prof:
        _print_profile(prof)
    if args.json_out:
        write_json(
            args.json_out,
            {
                "runs": args.runs,
                "python": sys.version.split()[0],
                "figures": [f.to_dict() for f in figures],
                "profile": prof,
            },
        )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
