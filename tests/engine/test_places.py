"""Other names of one place: country names from the country data, compass abbreviations."""

from __future__ import annotations

from typing import Any

from newsdiff.entities import cluster_mentions, collect_mentions


def _clusters(nlp: Any, *texts: str) -> list[set[str]]:
    """The surface forms of each entity."""
    docs = list(nlp.pipe(texts))
    raw = collect_mentions(docs, [chr(ord("A") + i) for i in range(len(texts))])
    return [{raw[i].text for i in c.mentions} for c in cluster_mentions(docs, raw)]


def _with(clusters: list[set[str]], form: str) -> set[str]:
    for forms in clusters:
        if form in forms:
            return forms
    raise AssertionError(f"no entity has {form!r}: {clusters}")


def test_a_countrys_other_names_join_it(nlp: Any) -> None:
    clusters = _clusters(
        nlp,
        "Britain said on Monday it would send troops. The UK defence ministry confirmed it.",
        "The United Kingdom said on Monday it would send troops.",
    )
    assert _with(clusters, "Britain") >= {"Britain", "UK", "United Kingdom"}


def test_names_from_the_data_join_without_the_usual_name(nlp: Any) -> None:
    clusters = _clusters(
        nlp,
        "Burma freed the reporters on Friday, and Holland welcomed the move.",
        "Myanmar freed two reporters. The Netherlands had called for their release.",
    )
    assert _with(clusters, "Burma") >= {"Burma", "Myanmar"}
    assert _with(clusters, "Holland") >= {"Holland", "Netherlands"}


def test_compass_abbreviation_joins_the_place_it_shortens(nlp: Any) -> None:
    clusters = _clusters(
        nlp,
        "N Korea fired a missile over the sea, and S Korea protested.",
        "North Korea fired a missile on Sunday. South Korea called it a provocation.",
    )
    north = _with(clusters, "North Korea")
    assert "N Korea" in north
    assert "S Korea" in _with(clusters, "South Korea")
    assert not north & {"South Korea", "S Korea"}


def test_a_compass_abbreviation_tagged_otherwise_is_still_the_place(nlp: Any) -> None:
    # The tagger calls "S. Sudan" and "SKorea" organisations; the data knows what they spell.
    clusters = _clusters(
        nlp,
        "Aid reached S. Sudan on Friday. NKorea fires missile, SKorea says.",
        "Aid reached South Sudan on Friday. North Korea fired a missile, South Korea said.",
    )
    assert "S. Sudan" in _with(clusters, "South Sudan")
    assert "SKorea" in _with(clusters, "South Korea")


def test_abbreviation_with_dots_joins_the_other_names(nlp: Any) -> None:
    clusters = _clusters(nlp, "Great Britain won gold. The U.K. team celebrated.", "Britain won.")
    assert _with(clusters, "Britain") >= {"Britain", "Great Britain", "U.K."}


def test_a_surname_that_is_a_countrys_other_name_stays_the_person(nlp: Any) -> None:
    clusters = _clusters(
        nlp,
        "The Netherlands won the final, and the actor Tom Holland cheered from the stands.",
        "Holland said he had never seen a better game.",
    )
    assert not _with(clusters, "Netherlands") & {"Holland", "Tom Holland"}


def test_a_country_code_is_no_name(nlp: Any) -> None:
    clusters = _clusters(
        nlp,
        "GE shares fell after the company cut jobs in Georgia.",
        "General Electric said it would close the Georgia plant.",
    )
    assert _with(clusters, "GE") >= {"GE", "General Electric"}
    assert "Georgia" not in _with(clusters, "GE")


def test_the_pronoun_us_is_not_the_country(nlp: Any) -> None:
    clusters = _clusters(
        nlp,
        "The US said it would help us rebuild, the mayor said.",
        "The United States promised aid.",
    )
    assert _with(clusters, "US") >= {"US", "United States"}
    assert all("us" not in forms for forms in clusters)


def _label_of(nlp: Any, form: str, *texts: str) -> str:
    docs = list(nlp.pipe(texts))
    raw = collect_mentions(docs, [chr(ord("A") + i) for i in range(len(texts))])
    for c in cluster_mentions(docs, raw):
        if form in {raw[i].text for i in c.mentions}:
            return c.label
    raise AssertionError(f"no entity has {form!r}")


def test_officials_after_a_known_place_are_the_places(nlp: Any) -> None:
    text = "North Korea fired a missile, New York officials said."
    assert _label_of(nlp, "New York", text) == "GPE"


def test_staff_after_a_club_keep_it_an_organisation(nlp: Any) -> None:
    text = "Galatasaray midfielder Lucas Torreira scored twice on Sunday."
    assert _label_of(nlp, "Galatasaray", text) == "ORG"


def test_a_person_named_like_a_country_stays_a_person(nlp: Any) -> None:
    text = "Michael Jordan spoke on Friday. Jordan said he was proud of the team."
    assert _label_of(nlp, "Jordan", text) == "PERSON"
