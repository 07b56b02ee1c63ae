"""Claim decisions: each kind of difference with its values side by side."""

from __future__ import annotations

from typing import Any

import pytest

from newsdiff.actors import Speaker
from newsdiff.align import AlignedGroup, SentenceFeatures
from newsdiff.claims import (
    NumberFact,
    SentenceDetail,
    compare_group,
    normalise_number,
    predicate_of,
    split_qualifier,
)
from newsdiff.model import Claim, Source


def _feat(sid: str) -> SentenceFeatures:
    return SentenceFeatures(sid, sid[0], 0, 0, 0, "", ())


def _group(*ids: str) -> AlignedGroup:
    return AlignedGroup({i[0]: _feat(i) for i in ids}, {}, 0.8)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two", "2"),
        ("1,500", "1500"),
        ("12", "12"),
        ("30%", "30%"),
        ("two hundred", "200"),
        ("three thousand", "3000"),
        ("tens of thousands", "tens of thousands"),
        ("eight cents", "8 cents"),
        ("8 cents", "8 cents"),
        ("a dozen", "12"),
        ("two dozen", "24"),
        ("Thirty-seven per cent", "37%"),
        ("37%", "37%"),
        ("more than 10,000", "10000"),
        ("$5,587.75", "5587.75"),
        ("1.2 billion", "1200000000"),
    ],
)
def test_normalise_number(text: str, value: str) -> None:
    assert normalise_number(text) == value


def test_qualifiers_are_kept_apart_from_the_value() -> None:
    assert split_qualifier("More than 10,000") == ("more than", "10,000")
    assert split_qualifier("10,000") == ("", "10,000")


def test_predicates(nlp: Any) -> None:
    met = predicate_of(next(iter(nlp("Blinken met with Zelensky on Wednesday.").sents)))
    spoke = predicate_of(next(iter(nlp("Blinken spoke with Zelensky on Wednesday.").sents)))
    will = predicate_of(next(iter(nlp("Biden will offer Putin a diplomatic avenue.").sents)))
    assert met == ("meet with", "met with")
    assert spoke == ("speak with", "spoke with")
    assert will is not None
    assert will[0] == "FUT offer"
    reported = predicate_of(next(iter(nlp("The troops will leave, the source said.").sents)))
    assert reported is not None
    assert reported[0] == "FUT leave"


def test_predicate_strings_without_participants_are_wording() -> None:
    """Two verbs with no known participants are another word choice, not another event."""
    details = {
        "A1": SentenceDetail(predicate=("meet with", "met with")),
        "B1": SentenceDetail(predicate=("speak with", "spoke with")),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    assert claim.status == "agree"


def test_reporting_verbs_are_not_a_difference() -> None:
    details = {
        "A1": SentenceDetail(predicate=("say", "said")),
        "B1": SentenceDetail(predicate=("announce", "announced")),
    }
    assert compare_group(_group("A1", "B1"), details, "c1").status == "agree"


def test_number_date_and_entity_differences() -> None:
    details = {
        "A1": SentenceDetail(
            numbers=(NumberFact("12", "", "job", "12"),),
            number_text={"12": "12"},
            date_text={"2022-01-10": "January 10 (2022-01-10)"},
            event_dates=frozenset({"2022-01-10"}),
            entity_names={"e1": "Geneva", "e2": "NATO"},
        ),
        "B1": SentenceDetail(
            numbers=(NumberFact("15", "", "job", "15"),),
            number_text={"15": "15"},
            date_text={"2022-01-11": "January 11 (2022-01-11)"},
            event_dates=frozenset({"2022-01-11"}),
            entity_names={"e2": "NATO"},
        ),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    kinds = {(d.kind, d.cls): dict(d.values) for d in claim.differences}
    assert kinds[("number", "conflict")] == {"A": "12", "B": "15"}
    assert kinds[("date", "conflict")] == {
        "A": "January 10 (2022-01-10)",
        "B": "January 11 (2022-01-11)",
    }
    assert claim.status == "differ"
    assert claim.differences[0].cls == "conflict"  # conflicts come first


def test_quote_rewording_and_other_speaker() -> None:
    details = {
        "A1": SentenceDetail(
            quote="like you've never seen",
            quote_words=(("like", "see"),),
            speakers=(Speaker("Biden", "e1", "say"),),
            entity_labels={"e1": "PERSON"},
        ),
        "B1": SentenceDetail(
            quote="the likes of which he has never seen",
            quote_words=(("like", "see"),),
            speakers=(Speaker("an aide", "e5", "say"),),
            entity_labels={"e5": "PERSON"},
        ),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    classes = {d.kind: d.cls for d in claim.differences}
    assert classes == {"quote": "wording", "attribution": "conflict"}


def test_same_quote_with_other_punctuation_agrees() -> None:
    details = {
        "A1": SentenceDetail(quote="Full American support", quote_words=(("full", "support"),)),
        "B1": SentenceDetail(quote="full American support,", quote_words=(("full", "support"),)),
    }
    assert compare_group(_group("A1", "B1"), details, "c1").status == "agree"


def test_single_sentence_is_only() -> None:
    claim = compare_group(_group("A4"), {}, "c9")
    assert claim.status == "only"
    assert dict(claim.sentences) == {"A": "A4"}


# --- the real engine on sentence pairs: what a fact-checker would call them -----------------


def _pair(a: str, b: str) -> Claim:
    from newsdiff.pipeline import analyze

    comparison = analyze(
        [
            Source("A", "a.txt", "a.txt", None, "2024-03-06", False, a),
            Source("B", "b.txt", "b.txt", None, "2024-03-06", False, b),
        ],
        use_cache=False,
    )
    both = [c for c in comparison.claims if len(c.sentences) == 2]
    assert len(both) == 1, [(c.status, dict(c.sentences)) for c in comparison.claims]
    return both[0]


def _classes(claim: Claim) -> set[tuple[str, str]]:
    return {(d.kind, d.cls) for d in claim.differences}


@pytest.mark.parametrize(
    ("a", "b", "status", "must"),
    [
        (
            "The indictment filed in Miami runs to 48 pages, prosecutors said.",
            "The indictment filed in Miami runs to 47 pages, prosecutors said.",
            "differ",
            ("number", "conflict"),
        ),
        (
            "Eight cents of every dollar went to the charity, the audit found.",
            "8 cents of every dollar went to the charity, the audit found.",
            "agree",
            None,
        ),
        (
            "Police said more than 10,000 people marched through Lyon on Saturday.",
            "Police said 10,000 people marched through Lyon on Saturday.",
            "adds",
            ("number", "addition"),
        ),
        (
            "The ministers will meet in Geneva on Friday to discuss the border dispute.",
            "The ministers will meet in Geneva on Wednesday to discuss the border dispute.",
            "differ",
            ("date", "conflict"),
        ),
        (
            "The governor said the company would not close its plant in Ohio.",
            "The governor said the company would close its plant in Ohio.",
            "differ",
            ("polarity", "conflict"),
        ),
        (
            "Senator Warren met with Treasury Secretary Yellen in Washington on Tuesday.",
            "Senator Warren spoke with Treasury Secretary Yellen in Washington on Tuesday.",
            "differ",
            ("predicate", "conflict"),
        ),
        (
            'The mayor told reporters: "We reject his visit."',
            'The mayor told reporters: "We reject his message."',
            "differ",
            ("quote", "conflict"),
        ),
        (
            "2 French journalists were killed in Mali on Saturday, the ministry said.",
            "Two French journalists were killed in Mali on Saturday, the ministry said.",
            "agree",
            None,
        ),
        (
            "Shares of Acme rose 5 percent in Frankfurt on Wednesday, traders said.",
            "Acme shares rose 5 percent in Frankfurt on Wednesday, according to traders.",
            "agree",
            None,
        ),
    ],
)
def test_real_pairs(a: str, b: str, status: str, must: tuple[str, str] | None) -> None:
    claim = _pair(a, b)
    assert claim.status == status, claim.differences
    if must is not None:
        assert must in _classes(claim), claim.differences
    assert 0.0 <= claim.similarity <= 1.0
