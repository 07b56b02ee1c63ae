"""Talks and meetings: kind, calendar date, status, place, parties, merging and conflicts."""

from __future__ import annotations

from typing import Any

from newsdiff.model import Comparison, Source
from newsdiff.pipeline import analyze_docs


def _compare(nlp: Any, published: str, *texts: str) -> Comparison:
    sources = [
        Source(chr(ord("A") + i), f"{i}.txt", f"{i}.txt", None, published, False, t)
        for i, t in enumerate(texts)
    ]
    docs = list(nlp.pipe(texts))
    return analyze_docs(sources, docs, "test")


def test_scheduled_meeting_with_place_and_following_day(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-02-28",
        "The foreign ministers of Austria and Hungary will meet in Vienna on March 3. "
        "A meeting between Poland and Lithuania is set for the following day.",
    )
    by_date = {t.date: t for t in c.talks}
    assert by_date["2023-03-03"].status == "scheduled"
    assert by_date["2023-03-03"].where == "Vienna"
    assert by_date["2023-03-03"].kind == "meeting"
    assert by_date["2023-03-04"].status == "scheduled"
    names = {c.entity(p).name for p in by_date["2023-03-04"].participants}
    assert names == {"Poland", "Lithuania"}


def test_past_summit_and_month_precision(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2021-12-30",
        "Putin recalled the summit between the two leaders in June in Geneva. "
        "In the telephone interview in early December, Biden threatened Putin with sanctions.",
    )
    by_date = {t.date: t for t in c.talks}
    assert by_date["2021-06"].status == "past"
    assert by_date["2021-06"].kind == "summit"
    assert by_date["2021-06"].where == "Geneva"
    assert by_date["2021-12"].status == "past"
    assert by_date["2021-12"].kind == "call"


def test_phone_meeting_today_is_an_ongoing_call(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2022-03-10",
        "The president of France, Emmanuel Macron, and Chancellor Olaf Scholz began a meeting "
        "by phone today.",
    )
    (talk,) = c.talks
    assert talk.kind == "call"
    assert talk.status == "ongoing"
    assert talk.date == "2022-03-10"
    assert {c.entity(p).name for p in talk.participants} >= {"Emmanuel Macron", "Olaf Scholz"}


def test_same_event_across_sources_merges_and_flags_a_date_conflict(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-03-01",
        "Negotiations between Iran and the European Union will resume in Vienna on Monday, "
        "diplomats said.",
        "Negotiations between Iran and the European Union will resume in Vienna on Tuesday, "
        "diplomats said.",
    )
    talks = [t for t in c.talks if t.kind == "talks"]
    assert len(talks) == 1
    talk = talks[0]
    assert talk.sources == ("A", "B")
    assert talk.conflict
    assert talk.conflict_reason is not None
    assert "2023-03-06" in talk.conflict_reason
    assert "2023-03-07" in talk.conflict_reason
    assert set(talk.date_text) == {"A", "B"}


def test_agreeing_sources_merge_without_conflict(nlp: Any) -> None:
    c = _compare(
        nlp,
        "2023-03-01",
        "NATO ministers will meet in Brussels on March 8.",
        "The NATO meeting in Brussels is scheduled for March 8.",
    )
    talks = [t for t in c.talks if t.date == "2023-03-08"]
    assert len(talks) == 1
    assert talks[0].sources == ("A", "B")
    assert not talks[0].conflict
    assert len(talks[0].evidence) == 2


def test_no_talks_in_unrelated_text(nlp: Any) -> None:
    c = _compare(nlp, "2023-03-01", "Heavy snow closed schools across the region on Monday.")
    assert c.talks == ()
