"""Name normalisation rules, each with a small hand-written case."""

from __future__ import annotations

import pytest

from newsdiff.names import (
    acronym_of,
    are_nicknames,
    compact,
    compass_expansions,
    country_alias,
    demonym_country,
    fits_name_blend,
    fold_accents,
    is_acronym,
    is_subsequence,
    org_core,
    parse_person,
    short_form_of,
    strip_determiner,
    strip_possessive,
    translit_key,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei", "Sergey"),
        ("Dmitri", "Dmitry"),
        ("Zelensky", "Zelenski"),
        ("Zelenskiy", "Zelensky"),
        ("Zelenskyy", "Zelenski"),
        ("Volodymyr", "Volodimir"),
        ("Riabkov", "Ryabkov"),
        ("Khodorkovsky", "Hodorkovski"),
        ("Tchaikovsky", "Tchaikovskiy"),
        ("Erdoğan", "Erdogan"),
        ("Medvedev", "Medvedew"),
    ],
)
def test_transliteration_variants_share_a_key(a: str, b: str) -> None:
    assert translit_key(a) == translit_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Lavrov", "Riabkov"), ("Sergey", "Sophie"), ("Iran", "Iraq")]
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert translit_key(a) != translit_key(b)


def test_fold_accents_keeps_letters() -> None:
    assert fold_accents("Émile Zola à Genève") == "Emile Zola a Geneve"


def test_determiners_and_possessives_do_not_matter() -> None:
    assert strip_determiner("the White House") == (4, "White House")
    assert strip_determiner("The Hague") == (4, "Hague")
    assert strip_determiner("Thebes") == (0, "Thebes")
    assert strip_possessive("Ukraine’s") == "Ukraine"
    assert strip_possessive("Ukraine's") == "Ukraine"
    assert strip_possessive("Brussels'") == "Brussels"


def test_compact_joins_dotted_abbreviations() -> None:
    assert compact("U.S.") == compact("US") == compact("u.s") == "us"


def test_acronym_of_skips_function_words() -> None:
    assert acronym_of("Organization for Security and Cooperation in Europe") == "osce"
    assert acronym_of("North Atlantic Treaty Organization") == "nato"
    assert acronym_of("United States") == "us"
    assert acronym_of("Europe") == ""


def test_is_acronym() -> None:
    assert is_acronym("NATO")
    assert is_acronym("U.S.")
    assert not is_acronym("Nato Summit")
    assert not is_acronym("A")


def test_is_subsequence_allows_garbled_expansions() -> None:
    assert is_subsequence("osce", "ossce")
    assert not is_subsequence("osce", "oss")


def test_parse_person_strips_titles_and_suffixes() -> None:
    name = parse_person("President Joe Biden Jr.")
    assert name is not None
    assert name.given == ("Joe",)
    assert name.surname == "Biden"
    single = parse_person("Lavrov")
    assert single is not None
    assert single.given == ()
    assert parse_person("Mr.") is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Russian", "Russia"),
        ("Ukrainians", "Ukraine"),
        ("American", "United States"),
        ("Polish", "Poland"),
        ("Honduran", "Honduras"),
        ("New Zealanders", "New Zealand"),
        ("South Korean", "South Korea"),
        ("Emirati", "United Arab Emirates"),
        ("French", "France"),
        ("Saudi", "Saudi Arabia"),
    ],
)
def test_demonyms(word: str, country: str) -> None:
    assert demonym_country(word) == country


def test_not_a_demonym() -> None:
    assert demonym_country("Western") is None
    assert demonym_country("Russian Federation") is None
    assert demonym_country("Djibouti") is None  # the country data's demonym is its own name


@pytest.mark.parametrize(
    ("blend", "name"),
    [("BriSpe", "Britney Spears"), ("K-Rob", "Kevin Robertson"), ("T.Sw", "Taylor Swift")],
)
def test_name_blends_fit_their_person(blend: str, name: str) -> None:
    person = parse_person(name)
    assert person is not None
    assert fits_name_blend(blend, person)


@pytest.mark.parametrize(
    ("token", "name"),
    [("BriSpe", "Brian Walker"), ("McAdam", "Mary Adams"), ("Spears", "Britney Spears")],
)
def test_other_words_are_not_name_blends(token: str, name: str) -> None:
    person = parse_person(name)
    assert person is not None
    assert not fits_name_blend(token, person)


def test_nicknames_from_the_curated_table() -> None:
    assert are_nicknames("Katie", "Kathryn")
    assert are_nicknames("Jim", "James")
    assert not are_nicknames("Jim", "Kathryn")


def test_org_core_spells_out_place_abbreviations() -> None:
    assert org_core("Mt Kenya") == org_core("Mount Kenya")
    assert org_core("Ft. Worth") == org_core("Fort Worth")
    assert org_core("Mt") != org_core("Mount")  # a lone word is not an abbreviation


def test_short_given_names_the_table_lacks() -> None:
    assert short_form_of("Mo", "Maurice")  # not in the nickname table
    assert not short_form_of("Al", "Andrew")  # the table knows Al as other names
    assert not short_form_of("Mo", "Patrick")
    assert not short_form_of("Maurice", "Mo")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("U K", "United Kingdom"),  # "U.K." as a form's name words
        ("Holland", "Netherlands"),
        ("Russian Federation", "Russia"),
        ("Korea, Democratic People's Republic of", "North Korea"),
        ("Republic of Korea", "South Korea"),
        ("Burma", "Myanmar"),
        ("USA", "United States"),
        ("UAE", "United Arab Emirates"),
        ("Czechia", "Czech Republic"),
    ],
)
def test_country_aliases_from_the_country_data(name: str, country: str) -> None:
    assert country_alias(name) == country


@pytest.mark.parametrize(
    "name",
    [
        "us",  # the pronoun: an abbreviation counts only in capitals
        "usa",
        "GE",  # Georgia's ISO code, and General Electric's ticker: codes are no names
        "IN",
        "GBR",  # a three-letter code that is no initials of the name
        "Georgia",  # the country's own name: nothing to map (the US state shares it)
        "Congo",  # a word of both Congos' names
        "Island",  # Iceland's native name, and an English word in other countries' names
        "Thai",  # a demonym, not a name
        "Korea",  # North or South: the data gives it to neither
        "Kremlin",
    ],
)
def test_not_a_country_alias(name: str) -> None:
    assert country_alias(name) is None


@pytest.mark.parametrize(
    ("text", "expansions"),
    [
        ("N Korea", ("North Korea", "Northern Korea")),
        ("N. Ireland", ("North Ireland", "Northern Ireland")),
        ("NKorea", ("North Korea", "Northern Korea")),
        ("S Sudan", ("South Sudan", "Southern Sudan")),
        ("SE Asia", ("Southeast Asia", "Southeastern Asia")),
    ],
)
def test_compass_abbreviations(text: str, expansions: tuple[str, ...]) -> None:
    assert compass_expansions(text) == expansions


@pytest.mark.parametrize("text", ["North Korea", "NYC", "NATO", "Seattle", "NE", "N", "EU"])
def test_no_compass_abbreviation(text: str) -> None:
    assert compass_expansions(text) == ()
