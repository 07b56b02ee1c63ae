"""Claim decisions: each kind of difference with its values side by side."""

from __future__ import annotations

from typing import Any

import pytest

from newsdiff.actors import Speaker
from newsdiff.align import AlignedGroup, SentenceFeatures
from newsdiff.claims import SentenceDetail, compare_group, normalise_number, predicate_of


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
    ],
)
def test_normalise_number(text: str, value: str) -> None:
    assert normalise_number(text) == value


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


def test_predicate_difference() -> None:
    details = {
        "A1": SentenceDetail(predicate=("meet with", "met with")),
        "B1": SentenceDetail(predicate=("speak with", "spoke with")),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    assert claim.status == "differ"
    assert [(d.kind, dict(d.values)) for d in claim.differences] == [
        ("predicate", {"A": "met with", "B": "spoke with"})
    ]


def test_reporting_verbs_are_not_a_difference() -> None:
    details = {
        "A1": SentenceDetail(predicate=("say", "said")),
        "B1": SentenceDetail(predicate=("announce", "announced")),
    }
    assert compare_group(_group("A1", "B1"), details, "c1").status == "agree"


def test_number_date_and_entity_differences() -> None:
    details = {
        "A1": SentenceDetail(
            number_text={"12": "12"},
            date_text={"2022-01-10": "January 10 (2022-01-10)"},
            entity_names={"e1": "Geneva", "e2": "NATO"},
        ),
        "B1": SentenceDetail(
            number_text={"15": "15"},
            date_text={"2022-01-11": "January 11 (2022-01-11)"},
            entity_names={"e2": "NATO"},
        ),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    kinds = {d.kind: dict(d.values) for d in claim.differences}
    assert kinds["number"] == {"A": "12", "B": "15"}
    assert kinds["date"] == {"A": "January 10 (2022-01-10)", "B": "January 11 (2022-01-11)"}
    assert kinds["entity"] == {"A": "Geneva", "B": "—"}


def test_quote_and_attribution_differences() -> None:
    details = {
        "A1": SentenceDetail(
            quote="like you've never seen", speakers=(Speaker("Biden", "e1", "say"),)
        ),
        "B1": SentenceDetail(
            quote="the likes of which he has never seen",
            speakers=(Speaker("an aide", "e5", "say"),),
        ),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    kinds = {d.kind for d in claim.differences}
    assert kinds == {"quote", "attribution"}


def test_same_quote_with_other_punctuation_agrees() -> None:
    details = {
        "A1": SentenceDetail(quote="Full American support"),
        "B1": SentenceDetail(quote="full American support,"),
    }
    assert compare_group(_group("A1", "B1"), details, "c1").status == "agree"


def test_single_sentence_is_only() -> None:
    claim = compare_group(_group("A4"), {}, "c9")
    assert claim.status == "only"
    assert dict(claim.sentences) == {"A": "A4"}
