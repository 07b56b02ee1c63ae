"""TUI-only fixtures: calm rendering, the bundled example analysed once, app factories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import textual.constants
from textual.widgets import Input

from newsdiff.ingest import demo_paths, read_sources
from newsdiff.model import Comparison, Source

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _calm(monkeypatch: pytest.MonkeyPatch) -> None:
    """No animations and no blinking cursor, so snapshots and timings are stable."""
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture(scope="session")
def demo_sources() -> list[Source]:
    """The bundled example, read the way the CLI reads it."""
    return read_sources(demo_paths())


@pytest.fixture(scope="session")
def demo_comparison(demo_sources: list[Source]) -> Comparison:
    """The real analysis of the bundled example, computed once per session."""
    from newsdiff.pipeline import analyze

    return analyze(demo_sources, use_cache=False)


@pytest.fixture(scope="session")
def harbour_sources() -> list[Source]:
    """Three short paraphrases of one (invented) story, written for these tests."""
    return read_sources([str(DATA / f"harbour_{x}.txt") for x in "abc"])


@pytest.fixture(scope="session")
def harbour_comparison(harbour_sources: list[Source]) -> Comparison:
    """The real analysis of the three harbour articles."""
    from newsdiff.pipeline import analyze

    return analyze(harbour_sources, use_cache=False)


@pytest.fixture
def demo_app(demo_sources: list[Source], demo_comparison: Comparison) -> Callable[..., Any]:
    """Factory for the app the CLI builds on the bundled example, with the analysis canned."""
    from tui_fakes import canned

    from tui.app import NewsdiffApp

    def make(**kwargs: Any) -> NewsdiffApp:
        kwargs.setdefault("analyze", canned(demo_comparison))
        return NewsdiffApp(demo_sources, **kwargs)

    return make
