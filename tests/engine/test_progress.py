"""Progress through the parse: real fractions as pieces are parsed, and cancellation there."""

from __future__ import annotations

from typing import Any

import pytest

from newsdiff.ingest import demo_paths, read_sources
from newsdiff.nlp import chunk_text, pipe_texts
from newsdiff.pipeline import STAGES, AnalysisCancelled, analyze


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> int:
    """Parse in pieces of 800 characters, so a short article behaves like a long one."""
    monkeypatch.setattr("newsdiff.nlp.CHUNK_CHARS", 800)
    return 800


def test_parse_reports_rising_fractions_per_piece(nlp: Any, small_pieces: int) -> None:
    texts = [s.text for s in read_sources(demo_paths())]
    pieces = sum(len(chunk_text(t)) for t in texts)
    assert pieces > 4
    seen: list[float] = []
    pipe_texts(nlp, texts, ["A", "B"], seen.append)
    assert len(seen) == pieces
    assert seen == sorted(seen)
    assert seen[-1] == pytest.approx(1.0)


def test_analyze_reports_inside_the_parse_and_cancels_there(small_pieces: int) -> None:
    sources = read_sources(demo_paths())
    updates: list[tuple[str, float]] = []
    analyze(sources, progress=lambda stage, f: updates.append((stage, f)), use_cache=False)
    parse = [f for stage, f in updates if stage == STAGES[1][0]]
    start = STAGES[0][1]
    assert len(parse) > 4, "the longest stage moves while it runs"
    assert parse == sorted(parse)
    assert parse[0] == pytest.approx(start)
    assert parse[-1] == pytest.approx(start + STAGES[1][1])
    fractions = [f for _, f in updates]
    assert fractions == sorted(fractions)

    calls = {"n": 0}

    def cancel_during_parse() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # after the model load, inside the parse

    with pytest.raises(AnalysisCancelled):
        analyze(sources, is_cancelled=cancel_during_parse, use_cache=False)
