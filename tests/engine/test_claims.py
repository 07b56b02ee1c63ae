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
            quote_texts=("like you've never seen",),
            speakers=(Speaker("Biden", "e1", "say"),),
            entity_labels={"e1": "PERSON"},
        ),
        "B1": SentenceDetail(
            quote="the likes of which he has never seen",
            quote_words=(("like", "see"),),
            quote_texts=("the likes of which he has never seen",),
            speakers=(Speaker("an aide", "e5", "say"),),
            entity_labels={"e5": "PERSON"},
        ),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    classes = {d.kind: d.cls for d in claim.differences}
    assert classes == {"quote": "wording", "attribution": "conflict"}


def test_same_quote_with_other_punctuation_agrees() -> None:
    details = {
        "A1": SentenceDetail(
            quote="Full American support",
            quote_words=(("full", "support"),),
            quote_texts=("Full American support",),
        ),
        "B1": SentenceDetail(
            quote="full American support,",
            quote_words=(("full", "support"),),
            quote_texts=("full American support,",),
        ),
    }
    assert compare_group(_group("A1", "B1"), details, "c1").status == "agree"


@pytest.mark.parametrize(
    ("words_a", "words_b", "cls"),
    [
        # A word moved elsewhere in the quote is no other word.
        (
            ("leadership", "take", "responsibility", "archdiocese", "boston"),
            ("leadership", "boston", "take", "responsibility", "archdiocese", "say", "lincoln"),
            "none",
        ),
        # One word written as two ("percent" / "per cent"), the other quote running on.
        (("industry", "percent"), ("industry", "per", "cent", "growth", "rate"), "none"),
        # Another word in the same place is another quote.
        (("reject", "visit"), ("reject", "message"), "conflict"),
    ],
)
def test_quote_substitution_needs_a_word_on_both_sides(
    words_a: tuple[str, ...], words_b: tuple[str, ...], cls: str
) -> None:
    details = {
        "A1": SentenceDetail(quote=" ".join(words_a), quote_words=(words_a,)),
        "B1": SentenceDetail(quote=" ".join(words_b), quote_words=(words_b,)),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    conflicts = {d.kind for d in claim.differences if d.cls == "conflict"}
    assert ("quote" in conflicts) == (cls == "conflict")


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
        (  # a measure brought in vs ended: opposite facts about one thing
            "The government imposed a curfew in the capital on Monday, officials said.",
            "The government lifted a curfew in the capital on Monday, officials said.",
            "differ",
            ("predicate", "conflict"),
        ),
        (  # kept in force, two ways to say it
            "The regulator continued the ban on flights to Tel Aviv on Tuesday.",
            "The regulator extended the ban on flights to Tel Aviv on Tuesday.",
            "agree",
            None,
        ),
        (  # a day's end in market news is no phase of a measure
            "Shares of Acme closed at 654 pence in London on Friday.",
            "Shares of Acme ended at 654 pence in London on Friday.",
            "agree",
            None,
        ),
        (  # an evidential ("records show") frames the claim as "said" does
            "A judge has set a hearing for March 12 on Hale's request, court records show.",
            "The hearing on Hale's request will take place on March 14, a court filing says.",
            "differ",
            ("date", "conflict"),
        ),
    ],
)
def test_real_pairs(a: str, b: str, status: str, must: tuple[str, str] | None) -> None:
    claim = _pair(a, b)
    assert claim.status == status, claim.differences
    if must is not None:
        assert must in _classes(claim), claim.differences
    assert 0.0 <= claim.similarity <= 1.0


# --- what is not a conflict: the linguistic causes of false conflicts -----------------------


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # A quote that began in an earlier sentence closes here: the speaker is not quoted.
        (
            'Once you signed the lease, you gave up the deposit," said Jo Weiss, a professor.',
            ["Once you signed the lease, you gave up the deposit,"],
        ),
        ('The mayor told reporters: "We reject his visit."', ["We reject his visit."]),
        ('He said "We will appeal this decision.', ["We will appeal this decision."]),
        (
            'Marsh was "questioned at length and was polite," said Ortiz.',
            ["questioned at length and was polite,"],
        ),
        ("“Full support,” she said.", ["Full support,"]),
    ],
)
def test_quote_marks_open_and_close_by_context(text: str, quotes: list[str]) -> None:
    from newsdiff.claim_facts import text_quote_spans

    assert [text[a:b] for a, b in text_quote_spans(text)] == quotes


def test_one_speaker_spelled_two_ways_is_no_attribution_conflict() -> None:
    details = {
        "A1": SentenceDetail(
            speakers=(Speaker("Muqtada al Sadr", "e1", "say"),),
            entity_names={"e1": "Muqtada al Sadr"},
            entity_labels={"e1": "PERSON"},
        ),
        "B1": SentenceDetail(
            speakers=(Speaker("Moqtada al-Sadr", "e2", "say"),),
            entity_names={"e2": "Moqtada al-Sadr"},
            entity_labels={"e2": "PERSON"},
        ),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    assert ("attribution", "conflict") not in {(d.kind, d.cls) for d in claim.differences}


def test_two_speakers_are_still_an_attribution_conflict() -> None:
    details = {
        "A1": SentenceDetail(
            speakers=(Speaker("Tom Galvin", "e1", "say"),), entity_labels={"e1": "PERSON"}
        ),
        "B1": SentenceDetail(
            speakers=(Speaker("Russell Lewis", "e2", "say"),), entity_labels={"e2": "PERSON"}
        ),
    }
    claim = compare_group(_group("A1", "B1"), details, "c1")
    assert ("attribution", "conflict") in {(d.kind, d.cls) for d in claim.differences}


def test_a_reporting_frame_is_not_another_event() -> None:
    """ "The company said ..." next to "The company is adding ...": one reports, one states."""
    from newsdiff.claim_facts import EventFact

    said = EventFact(
        "say", "said", False, "fact", False, frozenset({"e1"}), frozenset({"n:support"})
    )
    adds = EventFact(
        "add", "is adding", False, "fact", False, frozenset({"e1"}), frozenset({"n:support"})
    )
    details = {"A1": SentenceDetail(event=said), "B1": SentenceDetail(event=adds)}
    claim = compare_group(_group("A1", "B1"), details, "c1")
    assert ("predicate", "conflict") not in {(d.kind, d.cls) for d in claim.differences}


@pytest.mark.parametrize(
    ("x", "y", "compatible"),
    [
        (
            ("40000000", "", "money", "$40 million"),
            ("39500000", "", "money", "$39.5 million"),
            True,
        ),
        (("17", "", "", "17 percent"), ("17.3", "", "", "17.3 percent"), True),
        (("48", "", "page", "48"), ("47", "", "page", "47"), False),
        (
            ("991000000", "", "money", "$991 million"),
            ("987000000", "", "money", "$987 million"),
            False,
        ),
        (("100", "well over", "", "well over $100"), ("150", "", "", "$150"), True),
        # Two estimates that overlap; two different bounds do not.
        (("320", "about", "mile", "about 320 miles"), ("300", "about", "mile", "about 300"), True),
        (("1000", "up to", "", "up to 1,000"), ("1200", "up to", "", "up to 1,200"), False),
    ],
)
def test_rounded_figures(
    x: tuple[str, str, str, str], y: tuple[str, str, str, str], compatible: bool
) -> None:
    from newsdiff.claims import compatible_numbers

    assert compatible_numbers(NumberFact(*x), NumberFact(*y)) is compatible


def test_qualifiers_of_one_kind_are_one_claim() -> None:
    """ "more than 100" / "over 100" say the same bound; "about 100" / "over 100" do not."""

    def detail(text: str, qualifier: str) -> SentenceDetail:
        return SentenceDetail(numbers=(NumberFact("100", qualifier, "people", text),))

    same = {"A1": detail("more than 100", "more than"), "B1": detail("over 100", "over")}
    other = {"A1": detail("about 100", "about"), "B1": detail("over 100", "over")}
    assert compare_group(_group("A1", "B1"), same, "c1").status == "agree"
    assert compare_group(_group("A1", "B1"), other, "c1").status == "adds"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The determiner "no" negates as "not" does.
        (
            "Vermont has no state sales tax on clothing, officials said.",
            "Vermont does not have a state sales tax on clothing, officials said.",
        ),
        # A negative pronoun in a main slot negates as "not" does.
        (
            "No Americans were among the casualties, a spokesman said.",
            "None of the casualties were Americans, a spokesman said.",
        ),
        # One word hyphenated or spelled another way inside a quote is no other word.
        (
            '"We are not co-mingling restricted and non-restricted grants," said Dellacorte.',
            '"We are not comingling restricted and nonrestricted grants," said Dellacorte.',
        ),
        # The simple present of a scheduled event says what "will" says.
        (
            "The spending bill goes to the Senate floor for a vote next week.",
            "The spending bill will go to the Senate floor for a vote next week.",
        ),
    ],
)
def test_same_event_said_two_ways_is_no_conflict(a: str, b: str) -> None:
    claim = _pair(a, b)
    assert claim.status != "differ", claim.differences


def test_one_as_a_pronoun_is_not_a_figure() -> None:
    claim = _pair(
        "The vote in the Harrowgate council was one of the first steps in settling the dispute.",
        "The vote in the Harrowgate council was among the first steps in settling the dispute.",
    )
    assert "number" not in {d.kind for d in claim.differences}, claim.differences


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        # A few words of framing around the same statement: the same claim.
        (
            "Shares of Acme fell 3 percent in early trading in Frankfurt on Monday.",
            "Acme's shares fell 3 percent in early trading in Frankfurt on Monday morning.",
            "agree",
        ),
        # A clause with people and places of its own: a fact the other source omits.
        (
            "Police arrested the suspect in Lyon.",
            "Police arrested the suspect in Lyon after a manhunt across southern France "
            "led by Interpol and the Italian police.",
            "adds",
        ),
    ],
)
def test_what_an_addition_weighs(a: str, b: str, status: str) -> None:
    assert _pair(a, b).status == status


def _event_group(lemmas_a: tuple[str, ...], lemmas_b: tuple[str, ...]) -> AlignedGroup:
    a = SentenceFeatures("A1", "A", 0, 0, 0, " ".join(lemmas_a), lemmas_a)
    b = SentenceFeatures("B1", "B", 0, 0, 0, " ".join(lemmas_b), lemmas_b)
    return AlignedGroup({"A": a, "B": b}, {}, 0.8)


def _verb_details(verb_a: str, verb_b: str) -> dict[str, SentenceDetail]:
    """Two sentences whose main events differ only in the verb (same doer and undergoer)."""
    from newsdiff.claim_facts import EventFact

    def event(verb: str) -> EventFact:
        return EventFact(verb, verb, False, "fact", False, frozenset({"e1"}), frozenset({"e2"}))

    return {"A1": SentenceDetail(event=event(verb_a)), "B1": SentenceDetail(event=event(verb_b))}


@pytest.mark.parametrize(
    ("verbs", "lemmas_a", "lemmas_b", "cls"),
    [
        # A minimal pair: one side says nothing but its verb the other lacks.
        (
            ("meet with", "speak with"),
            ("blinken", "meet", "zelensky"),
            ("blinken", "speak", "zelensky", "counterpart", "france"),
            "conflict",
        ),
        # Both clauses reworded around the verb: the verb is one more word choice.
        (
            ("spend", "serve"),
            ("selenski", "spend", "year", "prison", "previously", "conviction", "lengthy"),
            ("selenski", "serve", "year", "prison", "about", "bank", "robbery", "heist"),
            "wording",
        ),
    ],
)
def test_another_verb_is_another_event_only_in_a_minimal_pair(
    verbs: tuple[str, str], lemmas_a: tuple[str, ...], lemmas_b: tuple[str, ...], cls: str
) -> None:
    details = _verb_details(*verbs)
    claim = compare_group(_event_group(lemmas_a, lemmas_b), details, "c1")
    assert ("predicate", cls) in {(d.kind, d.cls) for d in claim.differences}


@pytest.mark.parametrize(
    ("verbs", "cls"),
    [
        # Known kinds of contact that exclude each other: face to face vs at a distance.
        (("meet with", "speak with"), "conflict"),
        (("meet with", "phone"), "conflict"),
        # Steps of a deal: agreeing the terms is not signing, signing is not rejecting.
        (("sign", "agree"), "conflict"),
        (("sign", "reject"), "conflict"),
        # Two gatherings can be one event; talks can be held any way.
        (("visit", "meet"), "wording"),
        (("negotiate with", "speak with"), "wording"),
        # Verbs of no known kind are, for all the engine knows, a paraphrase.
        (("surrender to", "present to"), "wording"),
        (("want", "seek"), "wording"),
    ],
)
def test_another_verb_conflicts_only_between_known_event_kinds(
    verbs: tuple[str, str], cls: str
) -> None:
    details = _verb_details(*verbs)
    head_a, head_b = verbs[0].split()[0], verbs[1].split()[0]
    group = _event_group(("suspect", head_a, "authority"), ("suspect", head_b, "authority"))
    claim = compare_group(group, details, "c1")
    assert ("predicate", cls) in {(d.kind, d.cls) for d in claim.differences}
    assert (claim.status == "differ") == (cls == "conflict")


def test_not_until_says_when_and_a_condition_levels_the_modal(nlp: Any) -> None:
    from newsdiff.claim_facts import event_of

    def event(text: str) -> Any:
        return event_of(next(iter(nlp(text).sents)), {})

    assert not event("Oregon's vote isn't until June 14.").negated
    assert event("Oregon's vote isn't on June 14.").negated
    assert event("Mendoza, if convicted, could face 12 years in prison.").modality == "conditional"
    assert event("Mendoza faces 12 years in prison if convicted.").modality == "conditional"
    assert event("Mendoza could face 12 years in prison.").modality == "possible"


def test_under_a_condition_a_modal_is_no_other_modality() -> None:
    from newsdiff.claim_facts import EventFact

    could = EventFact(
        "face", "could face", False, "conditional", False, frozenset({"e1"}), frozenset()
    )
    faces = EventFact("face", "faces", False, "conditional", True, frozenset({"e1"}), frozenset())
    will = EventFact("face", "will face", False, "future", False, frozenset({"e1"}), frozenset())
    did = EventFact("face", "faced", False, "fact", False, frozenset({"e1"}), frozenset())
    for x, y, conflict in ((could, faces, False), (could, did, False), (will, did, True)):
        details = {"A1": SentenceDetail(event=x), "B1": SentenceDetail(event=y)}
        claim = compare_group(_group("A1", "B1"), details, "c1")
        assert (("modality", "conflict") in _classes(claim)) == conflict


@pytest.mark.parametrize(
    ("x", "y", "compatible"),
    [
        ("XXXX-WXX-1", "XXXX-WXX-4", False),  # Monday / Thursday
        ("XXXX-WXX-1", "XXXX-WXX-1", True),
        ("XXXX-09-27", "XXXX-10-19", False),  # Sept 27 / Oct 19
        ("XXXX-09-27", "2003-09-27", True),  # the same day, one with its year
        ("XXXX-WXX-5", "2003-09-27", True),  # a weekday and a date: no calendar to tell
        ("XXXX-09-27T14:30", "XXXX-10-19T14:30", True),  # the clock, the day borrowed
        ("XXXX-09-27T14:30", "XXXX-09-27T13:25", False),
    ],
)
def test_dates_with_unknown_parts_compare_by_their_known_parts(
    x: str, y: str, compatible: bool
) -> None:
    from newsdiff.claim_values import compatible_dates as _compatible_dates

    assert _compatible_dates(x, y) == compatible
    assert _compatible_dates(y, x) == compatible


def test_two_weekdays_of_one_event_conflict_and_one_alone_is_a_detail() -> None:
    def detail(vague: dict[str, str]) -> SentenceDetail:
        return SentenceDetail(vague_dates=vague, event_dates=frozenset(vague))

    monday = detail({"XXXX-WXX-1": "Monday (XXXX-WXX-1)"})
    thursday = detail({"XXXX-WXX-4": "Thursday (XXXX-WXX-4)"})
    claim = compare_group(_group("A1", "B1"), {"A1": monday, "B1": thursday}, "c1")
    assert ("date", "conflict") in _classes(claim)
    claim = compare_group(_group("A1", "B1"), {"A1": monday, "B1": SentenceDetail()}, "c1")
    assert claim.status == "agree"  # said Monday / said: nothing to check without a calendar
    assert ("date", "wording") in _classes(claim)


def test_a_hedge_for_a_hedge_is_one_word() -> None:
    from newsdiff.claim_words import synonyms

    same = synonyms(["maybe", "january"], ["possibly", "perhaps", "january"])
    assert same[0, 0]
    assert same[0, 1]
    assert same[1, 2]
    assert not same[1, 0]


def test_an_editors_insertion_is_not_quoted(nlp: Any) -> None:
    from newsdiff.claim_facts import quote_words

    sent = next(
        iter(nlp('"I will tell her [Ms. Okafor] that Norway is ready," Brandt said.').sents)
    )
    words = {w for fragment in quote_words(sent) for w in fragment}
    assert "norway" in words
    assert "okafor" not in words


def test_a_qualifier_tagged_alone_is_no_figure_and_below_is_a_bound() -> None:
    from newsdiff.claim_numbers import QUALIFIER_CLASS

    assert split_qualifier("below 15 percent") == ("below", "15 percent")
    assert QUALIFIER_CLASS["below"] == QUALIFIER_CLASS["less than"]
    assert normalise_number("below 15 percent") == normalise_number("less than 15 percent")


def test_words_that_only_describe_something_both_name_are_modifiers(nlp: Any) -> None:
    from newsdiff.claim_roles import word_roles

    text = "Saturday's drill was the nation's first large-scale wildfire exercise."
    sent = next(iter(nlp(text).sents))
    roles = word_roles(sent, sent.root, {})
    assert roles["wildfire"] == "mod:exercise"
    assert roles["country"] == "mod:exercise"  # "nation", as alignment's synonym groups spell it
    assert roles["large"] == "mod:scale"
    assert roles["exercise"] == "core"


def test_descriptors_on_both_sides_of_one_word_are_two_referents(nlp: Any) -> None:
    """ "Venezuelan president" / "Senegalese president": each side describes the shared word its
    own way, so the descriptors count as content, not as a detail of wording."""
    from newsdiff.claims import _material

    roles = {"venezuelan": "mod:president", "president": "core"}
    assert not _material("venezuelan", roles, set())
    assert _material("venezuelan", roles, {"president"})


def test_a_participant_one_source_adds_is_an_addition() -> None:
    """Counterparts coordinated with a shared participant are people the other source leaves
    out, however close the two sentences are."""
    claim = _pair(
        "Secretary of State Antony Blinken spoke with Ukrainian President Volodimir Zelenski "
        "on Wednesday.",
        "Secretary of State Antony Blinken spoke with Ukrainian President Volodimir Zelenski and "
        "his counterparts from France, Germany and the United Kingdom on Wednesday.",
    )
    entity = {d.cls: d.values for d in claim.differences if d.kind == "entity"}
    assert "France" in entity["addition"]["B"]
    assert "Germany" in entity["addition"]["B"]
    assert claim.status == "adds"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Rent in central districts averaged $2,140 this month.",
            "Rent in outer districts averaged $1,385 this month.",
        ),
    ],
)
def test_figures_of_two_differently_described_things_do_not_conflict(a: str, b: str) -> None:
    claim = _pair(a, b)
    assert claim.status != "differ", claim.differences
    assert ("number", "addition") in _classes(claim)


def test_an_approximate_figure_beside_the_bare_one_is_wording() -> None:
    """ "about $124 million" / "$124 million": one figure, one side marks it as rounded."""

    def detail(text: str, qualifier: str) -> SentenceDetail:
        return SentenceDetail(numbers=(NumberFact("124000000", qualifier, "money", text),))

    pair = {"A1": detail("about $124 million", "about"), "B1": detail("$124 million", "")}
    claim = compare_group(_group("A1", "B1"), pair, "c1")
    assert claim.status == "agree"
    assert ("number", "wording") in _classes(claim)
    bound = {"A1": detail("more than $124 million", "more than"), "B1": detail("$124 million", "")}
    assert compare_group(_group("A1", "B1"), bound, "c1").status == "adds"


def test_a_three_word_qualifier_before_the_figure_is_read(nlp: Any) -> None:
    """ "as many as 34" where NER tags only "34": the bound is still the figure's.

    The installed model tags "as many as 29" whole (the qualifier is then read from the entity
    text), so the entity here is built by hand: the figure alone, as
    :func:`newsdiff.claim_numbers.untagged_figures` builds for a figure the tagger left out.
    """
    from spacy.tokens import Span

    from newsdiff.claims import number_fact

    doc = nlp("The floods killed as many as 34 people, including nine children.")
    figure = next(t.i for t in doc if t.text == "34")
    fact = number_fact(Span(doc, figure, figure + 1, label="CARDINAL"))
    assert (fact.value, fact.qualifier, fact.unit) == ("34", "as many as", "people")


def test_a_coordinated_predicate_is_a_clause_of_its_own(nlp: Any) -> None:
    """ "..., and warned members to expect delays": another thing the same actor did."""
    from newsdiff.claim_roles import clauses

    doc = nlp("Police arrested the suspect in Lyon and charged him with fraud.")
    sent = next(iter(doc.sents))
    found = clauses(sent, sent.root, {})
    assert any(c[0] == "charge" for c in found), found
    # A second reporting verb ("... and added that ...") reports: its own clause is the one
    # it reports, not the saying.
    doc = nlp("The minister said the talks failed and added that a new round would follow.")
    sent = next(iter(doc.sents))
    found = clauses(sent, next(t for t in sent if t.text == "failed"), {})
    assert found == [("follow", "round", "new")], found
    # One that does something to someone ("warned members to ...") is a predicate of its own.
    doc = nlp("The union would skip the meeting and warned members to expect delays.")
    sent = next(iter(doc.sents))
    assert any(c[0] == "warn" for c in clauses(sent, sent.root, {})), clauses(sent, sent.root, {})
    # One verb with two objects is one predicate: no clause.
    doc = nlp("Police arrested the suspect and his brother in Lyon.")
    sent = next(iter(doc.sents))
    assert clauses(sent, sent.root, {}) == []


def test_a_predicate_only_one_source_coordinates_is_an_addition() -> None:
    claim = _pair(
        "In a statement released in Paris, the national farmers' union said its members would "
        "block the main roads into the capital with tractors.",
        "In a statement released in Paris, the national farmers' union said its members would "
        "block the main roads into the capital with tractors and urged shoppers to stock up.",
    )
    assert claim.status == "adds", claim.differences


def test_negation_contradicts_only_the_same_predicate() -> None:
    """ "was the largest strike since" / "has not seen such a strike since": one statement."""
    claim = _pair(
        "It was the largest strike in the city of Lyon since the pension protests of 1995.",
        "The city of Lyon has not seen such a strike since the pension protests of 1995.",
    )
    assert ("polarity", "conflict") not in _classes(claim), claim.differences
    negated = _pair(
        "The city of Lyon has seen such a strike since the pension protests of 1995.",
        "The city of Lyon has not seen such a strike since the pension protests of 1995.",
    )
    assert ("polarity", "conflict") in _classes(negated), negated.differences


def test_a_quote_inside_a_longer_quote_is_the_same_quote_quoted_less() -> None:
    claim = _pair(
        'The museum curator described the discovery in Lyon as a "major milestone".',
        'The museum curator described the discovery in Lyon as a "major milestone, because this '
        'find has changed what historians know about the Roman city".',
    )
    quote = [d for d in claim.differences if d.kind == "quote"]
    assert quote, claim.differences
    assert quote[0].cls != "conflict", claim.differences


def test_ngram_overlap_counts_shared_phrasing_both_ways() -> None:
    from newsdiff.claim_words import ngram_overlap

    same = ngram_overlap("Acme beat Zenith in the final.", "Acme beat Zenith in the final.")
    assert same == (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
    swapped = ngram_overlap("Acme beat Zenith in the final.", "Zenith beat Acme in the final.")
    # The same words in another order share the words, not the phrases.
    assert swapped[0] == 1.0
    assert swapped[4] < 0.5
    longer = ngram_overlap("Acme beat Zenith.", "Acme beat Zenith 3-1 in the final on Sunday.")
    # One side says all of the other and more.
    assert longer[1] == 1.0
    assert longer[0] < 0.5


def test_ngram_overlap_reads_a_curly_apostrophe_as_a_straight_one() -> None:
    from newsdiff.claim_words import ngram_overlap

    straight = "Russia's foreign minister met Blinken's aide"
    assert ngram_overlap(straight, straight.replace("'", "\u2019")) == (1.0,) * 7
    assert ngram_overlap(straight, straight.replace("'", "\u2018")) == (1.0,) * 7


@pytest.mark.parametrize(
    ("words_a", "words_b", "paired"),
    [
        # "we reject his visit" / "we reject his visit and his message": quoted less.
        (("reject", "visit"), ("reject", "visit", "message"), True),
        (
            ("major", "milestone"),
            ("major", "milestone", "find", "change", "historian", "know", "roman", "city"),
            True,
        ),
        # One word in scare quotes is no fragment of a longer quote that has the word.
        (
            ("terrorist",),
            ("hunt", "terrorist", "attack", "soldier", "near", "northern", "border", "crossing"),
            False,
        ),
        # The same words far apart in a long quote are not the shorter quote.
        (
            ("reject", "message"),
            tuple(
                [
                    "reject",
                    "talk",
                    "minister",
                    "plan",
                    "ally",
                    "week",
                    "say",
                    "border",
                    "deal",
                    "trade",
                    "price",
                    "message",
                ]
            ),
            False,
        ),
    ],
)
def test_a_quote_fragment_is_a_stretch_of_the_longer_quote(
    words_a: tuple[str, ...], words_b: tuple[str, ...], paired: bool
) -> None:
    from newsdiff.claim_quotes import compare_quotes
    from newsdiff.claim_values import Found

    found = Found()
    da = SentenceDetail(quote=" ".join(words_a), quote_words=(words_a,))
    db = SentenceDetail(quote=" ".join(words_b), quote_words=(words_b,))
    compare_quotes(found, "A1", "B1", da, db)
    assert list(found.items) == ([("quote", "addition")] if paired else []), found.items


def test_the_fragment_rule_reads_order_and_contiguity() -> None:
    """ "terrorists" is in "We will hunt down the terrorists who attacked our soldiers", but
    one word is no fragment; "we reject his visit" is one of "... and his message"."""
    import numpy as np

    from newsdiff.claim_quotes import _quoted_within

    def within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        return _quoted_within(np.array([[x == y for y in long] for x in short]))

    assert within(("reject", "visit"), ("reject", "visit", "message"))
    assert not within(("terrorist",), ("hunt", "terrorist", "attack", "soldier"))
    assert not within(("visit", "reject"), ("reject", "visit", "message"))
    assert not within(("reject", "message"), ("reject", "visit", "message"))


def test_quote_evidence_is_the_fragment_compared() -> None:
    """A fragment with no content word ("No,") is not compared, nor shown for the next one."""
    claim = _pair(
        'The minister answered "No," and added: "We reject his visit to the capital."',
        'The minister answered that "we reject his message to the capital."',
    )
    quote = [d for d in claim.differences if d.kind == "quote"]
    assert quote, claim.differences
    assert dict(quote[0].values)["A"] == "We reject his visit to the capital", quote


def test_the_agree_boundary_reads_only_the_closeness_features(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every pair is weighed for agree / adds; only the claim's first pair needs the n-grams."""
    from newsdiff import claims

    a = SentenceFeatures("A1", "A", 0, 0, 0, "Acme beat Zenith in the final.", ())
    b = SentenceFeatures("B1", "B", 0, 0, 0, "Zenith lost to Acme in the final.", ())
    full = claims.similarity_features(a, b, (0.2, 0.4))
    assert claims.closeness_features(a, b, (0.2, 0.4)) == full[:4]

    def no_ngrams(*_: object) -> tuple[float, ...]:
        raise AssertionError("n-grams computed for the agree / adds boundary")

    monkeypatch.setattr(claims, "ngram_overlap", no_ngrams)
    assert 0.0 <= claims._closeness(a, b, (0.2, 0.4)) <= 1.0


def test_missing_words_are_each_sides_words_the_other_lacks() -> None:
    """Public for the bench's ceiling estimate, which reads the same words the claims do."""
    from newsdiff.claims import missing_words

    a = SentenceFeatures("A1", "A", 0, 0, 0, "", ("police", "arrest", "suspect", "lyon"))
    b = SentenceFeatures("B1", "B", 0, 0, 0, "", ("police", "arrest", "suspect", "fraud"))
    assert missing_words(a, b) == (["lyon"], ["fraud"])
