"""Progress through the parse: real fractions, the same Docs, and cancellation inside it."""

from __future__ import annotations

from typing import Any

import pytest

from newsdiff.ingest import demo_paths, read_sources
from newsdiff.nlp import pipe_texts
from newsdiff.pipeline import STAGES, AnalysisCancelled, analyze


def test_reporting_parse_gives_the_same_docs_and_rising_fractions(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parse reports after every piece of text it is given (long articles go in pieces)."""
    monkeypatch.setattr("newsdiff.nlp.CHUNK_CHARS", 40)
    texts = [
        "Joe Biden met Vladimir Putin in Geneva. They spoke for two hours.",
        "Kremlin spokesman Dmitri Peskov spoke. He gave no details of the talks.",
    ]
    plain = pipe_texts(nlp, list(texts), ["A", "B"])
    seen: list[float] = []
    reported = pipe_texts(nlp, list(texts), ["A", "B"], seen.append)
    for a, b in zip(plain, reported, strict=True):
        assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in a] == [
            (t.text, t.dep_, t.head.i, t.ent_type_) for t in b
        ]
    assert len(seen) == 4  # two pieces each
    assert seen == sorted(seen)
    assert seen[-1] == pytest.approx(1.0)


def test_analyze_reports_inside_the_parse_and_cancels_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each piece of the parse moves the bar, and a cancel between pieces stops the run."""
    monkeypatch.setattr("newsdiff.nlp.CHUNK_CHARS", 600)
    sources = read_sources(demo_paths())
    updates: list[tuple[str, float]] = []
    analyze(sources, progress=lambda stage, f: updates.append((stage, f)), use_cache=False)
    parse = [f for stage, f in updates if stage == STAGES[1][0]]
    start = STAGES[0][1]
    assert len(parse) > 3, "the longest stage reports more than its start"
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
