"""Run the analysis so that quitting never waits for it: the reader's exit comes first."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: Name of the thread that runs the engine; the CLI looks for it to exit at once on quit.
ANALYSIS_THREAD = "newsdiff-analysis"


def run_abandonable(
    work: Callable[[], T], is_cancelled: Callable[[], bool], *, poll: float = 0.05
) -> T:
    """Run ``work`` in a daemon thread and wait for it, unless the caller is cancelled first.

    A Textual thread worker runs in asyncio's default executor, and both ``asyncio.run`` and
    the interpreter wait for executor threads on exit: a worker inside one long spaCy call held
    ``q`` for up to a minute. Here the worker only waits, polling ``is_cancelled`` every
    ``poll`` seconds, so it returns within that time; the daemon thread stops at the engine's
    next cancellation check, or with the process.

    Raises:
        AnalysisCancelled: ``is_cancelled`` became true before ``work`` finished.
        BaseException: whatever ``work`` raised.
    """
    outcome: list[tuple[bool, object]] = []
    finished = threading.Event()

    def target() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the waiting worker, which re-raises it
            outcome.append((False, exc))
        finally:
            finished.set()

    threading.Thread(target=target, name=ANALYSIS_THREAD, daemon=True).start()
    while not finished.wait(poll):
        if is_cancelled():
            from newsdiff.pipeline import AnalysisCancelled

            raise AnalysisCancelled
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]


def analysis_running() -> bool:
    """Whether an abandoned analysis thread is still working (the CLI then exits at once)."""
    return any(t.name == ANALYSIS_THREAD and t.is_alive() for t in threading.enumerate())
