"""One clause tense for times and talks: a month that holds the publication day is decided by it."""

from __future__ import annotations

from typing import Any

import pytest

from newsdiff.model import Source
from newsdiff.pipeline import analyze_docs
from newsdiff.tense import event_tense


def _talk_status(nlp: Any, text: str) -> str:
    source = Source("A", "a.txt", "a.txt", None, "2023-12-15", False, text)
    comparison = analyze_docs([source], [nlp(text)], "test")
    (talk,) = comparison.talks
    assert talk.date == "2023-12"
    return talk.status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Future auxiliaries and plans: the meeting is still ahead within the month.
        ("The two ministers would meet in Geneva this month.", "scheduled"),
        ("Talks were scheduled for this month.", "scheduled"),
        ("The ministers will hold talks this month.", "scheduled"),
        # Past verbs: over already.
        ("The leaders met in Geneva this month.", "past"),
        ("He said the presidents had held talks this month.", "past"),
    ],
)
def test_talk_in_the_current_month_takes_its_clause_tense(nlp: Any, text: str, status: str) -> None:
    assert _talk_status(nlp, text) == status


def test_event_noun_takes_the_tense_of_the_verb_above_a_bare_participle(nlp: Any) -> None:
    doc = nlp("Ms. Varga quoted Mr. Holm as saying that after a summit meeting in 1996.")
    (meeting,) = [t for t in doc if t.lower_ == "meeting"]
    assert event_tense(meeting) == "past"


@pytest.mark.parametrize(
    ("text", "word", "called_off", "tense"),
    [
        # A noun's own modifiers place it before the clause does.
        ("The upcoming summit was announced on Monday.", "summit", False, "future"),
        ("Last week's talks were long.", "talks", False, "past"),
        # "prepared for the summit": before it, but when is unknown.
        ("The aides prepared for the summit.", "summit", False, None),
        ("Officials arrived in Helsinki ahead of the summit.", "summit", False, "future"),
        # A called-off event was still ahead, whatever the tense of the calling off.
        ("They cancelled the meeting.", "meeting", True, "future"),
        ("The ministers met in Geneva.", "met", False, "past"),
    ],
)
def test_one_event_tense_reads_noun_modifiers_and_the_clause(
    nlp: Any, text: str, word: str, called_off: bool, tense: str | None
) -> None:
    doc = nlp(text)
    (tok,) = [t for t in doc if t.lower_ == word]
    assert event_tense(tok, called_off) == tense


def test_events_module_has_no_tense_function_of_its_own() -> None:
    import newsdiff.events as events

    assert not hasattr(events, "event_tense")


def test_plan_words_have_one_source() -> None:
    """The engine's plan and reschedule vocabularies come from ``lexicon.tense``, not copies."""
    import newsdiff.event_dates as event_dates
    import newsdiff.events as events
    import newsdiff.tense as tense
    from newsdiff.lexicon import tense as lexicon

    assert not hasattr(events, "_PLAN")
    assert not hasattr(event_dates, "_PLANNED")
    assert tense._PLAN_LEMMAS >= lexicon.SCHEDULE_LEMMAS
    assert {"scheduled", "planned", "postponed", "deferred"} <= lexicon.PLAN_WORDS
