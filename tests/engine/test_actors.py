"""Roles, speakers and quotes found around entity mentions."""

from __future__ import annotations

from typing import Any

import pytest

from newsdiff.actors import merge_roles, quoted_text, roles_of, speakers


def _token_index(doc: Any, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "name_start", "role"),
    [
        ("Kremlin spokesman Dmitri Peskov confirmed the call.", "Dmitri", "Kremlin spokesman"),
        ("US Secretary of State Antony Blinken flew to Kyiv.", "Antony", "US Secretary of State"),
        (
            "Russian Foreign Minister Sergei Lavrov ruled out concessions.",
            "Sergei",
            "Russian Foreign Minister",
        ),
        (
            "The talks, said Deputy Secretary Wendy Sherman, were frank.",
            "Wendy",
            "Deputy Secretary",
        ),
    ],
)
def test_title_compound_before_a_name(nlp: Any, sentence: str, name_start: str, role: str) -> None:
    doc = nlp(sentence)
    start = _token_index(doc, name_start)
    assert roles_of(doc, start, start + 2) == [role]


def test_no_role_without_a_role_noun(nlp: Any) -> None:
    doc = nlp("On Monday Angela Merkel arrived.")
    start = _token_index(doc, "Angela")
    assert roles_of(doc, start, start + 2) == []


def test_role_in_apposition(nlp: Any) -> None:
    doc = nlp("The announcement was made by his spokesman, Ned Price.")
    start = _token_index(doc, "Ned")
    assert roles_of(doc, start, start + 2) == ["spokesman"]
    doc = nlp("The president of France, Emmanuel Macron, arrived late.")
    start = _token_index(doc, "Emmanuel")
    (role,) = roles_of(doc, start, start + 2)
    assert role.startswith("president of France")


@pytest.mark.parametrize(
    ("sentence", "name_start", "roles"),
    [
        # The title hangs on the name, not on the noun the name's phrase depends on.
        ("She is a frequent critic of President Mark Ellison.", "Mark", ["President"]),
        (
            "They voted for the removal of Democratic boss Frank Tulley.",
            "Frank",
            ["Democratic boss"],
        ),
        # A coordination: each name keeps its own title.
        (
            "Vice President Kamala Harris and Secretary of Defense Lloyd Austin met the troops.",
            "Lloyd",
            ["Secretary of Defense"],
        ),
        # "X, the Y of Z" and "X is Y".
        (
            "Ned Halvorsen, the chief executive of Nordhavn Bank, said the deal would close.",
            "Ned",
            ["chief executive of Nordhavn Bank"],
        ),
        (
            "Jonas Berg is an analyst at Skagen Securities.",
            "Jonas",
            ["analyst at Skagen Securities"],
        ),
        # A relational noun keeps its "for"/"to" complement; "in" only says where.
        (
            "Lena Voss, a spokeswoman for the health ministry, declined to comment.",
            "Lena",
            ["spokeswoman for the health ministry"],
        ),
        ("Omar Haddad is the ambassador to Turkey.", "Omar", ["ambassador to Turkey"]),
        ("Omar Haddad is a lawyer in Ankara.", "Omar", ["lawyer"]),
        # A relative is not a role.
        ("His father, Tobias Whitfield, stood by him.", "Tobias", []),
        # The parser hangs the second title on the first name's coordination; its capitals
        # right before the second name still make it that name's title.
        (
            "The talks were led by Secretary of State Owen Pryce and Defence Minister Hanna Lind.",
            "Hanna",
            ["Defence Minister"],
        ),
        # The parser hangs the name on the body the role is of; a body has no person in
        # apposition, so the name is the role noun's.
        (
            "The chief executive of Apple, Tim Cook, said sales rose.",
            "Tim",
            ["chief executive of Apple"],
        ),
        # The copula through the subject's appositive name: the name is the subject.
        ("Her deputy, Anja Meier, is the mayor of Graz.", "Anja", ["deputy", "mayor of Graz"]),
    ],
)
def test_roles_by_dependency_patterns(
    nlp: Any, sentence: str, name_start: str, roles: list[str]
) -> None:
    doc = nlp(sentence)
    start = _token_index(doc, name_start)
    assert roles_of(doc, start, start + 2) == roles


def test_merge_roles_keeps_the_three_best_supported() -> None:
    roles = ["mayor", "mayor", "Mayor of Kyiv", "boxer", "champion", "champion", "brother"]
    assert merge_roles(roles) == ("Mayor of Kyiv", "champion", "boxer")


def test_merge_roles_takes_one_role_in_two_word_orders_once() -> None:
    assert merge_roles(["president of U.S", "US President"]) == ("US President",)
    assert merge_roles(["Minister of Foreign Affairs"] * 2 + ["Foreign Affairs Minister"]) == (
        "Minister of Foreign Affairs",
    )
    assert set(merge_roles(["mayor of Kyiv", "Kyiv police chief"])) == {
        "mayor of Kyiv",
        "Kyiv police chief",
    }


def test_merge_roles_keeps_the_longest_form() -> None:
    assert merge_roles(["Secretary of State", "US Secretary of State", "secretary of state"]) == (
        "US Secretary of State",
    )


def test_speaker_of_a_quote(nlp: Any) -> None:
    doc = nlp("“We are ready,” Kremlin spokesman Dmitri Peskov said on Monday.")
    peskov = {t.i: "e1" for t in doc if t.text in {"Dmitri", "Peskov"}}
    kremlin = {t.i: "e2" for t in doc if t.text == "Kremlin"}
    found = speakers(
        doc, next(iter(doc.sents)), {**peskov, **kremlin}, {"e1": "PERSON", "e2": "ORG"}
    )
    assert [s.entity for s in found] == ["e1"]
    assert quoted_text(next(iter(doc.sents))) == "We are ready,"


def test_appositive_name_speaks_for_the_role(nlp: Any) -> None:
    doc = nlp("The deal is off, said his spokesman, Ned Price.")
    ids = {t.i: "e9" for t in doc if t.text in {"Ned", "Price"}}
    found = speakers(doc, next(iter(doc.sents)), ids, {"e9": "PERSON"})
    assert found
    assert found[0].entity == "e9"


def test_passive_subject_is_not_the_speaker(nlp: Any) -> None:
    doc = nlp("The negotiation in Geneva is announced tense.")
    assert speakers(doc, next(iter(doc.sents)), {}, {}) == []


def test_copula_role_for_a_name_the_tagger_calls_a_common_noun(nlp: Any) -> None:
    doc = nlp("Olsen is a circuit judge in Utah.")
    assert doc[0].pos_ == "NOUN"  # the tagger's error this guards against
    assert roles_of(doc, 0, 1) == ["circuit judge"]


def test_a_courtesy_title_is_not_a_role(nlp: Any) -> None:
    doc = nlp("Ms. Grace Liu, the school principal, closed the building.")
    start = _token_index(doc, "Grace")
    assert roles_of(doc, start, start + 2) == ["school principal"]
