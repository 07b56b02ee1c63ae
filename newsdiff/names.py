"""Name normalisation: accent and transliteration folding, name structure, acronyms, demonyms."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nameparser.config import CONSTANTS as _NAMEPARSER

from newsdiff.lexicon.people import NAME_TITLES
from newsdiff.lexicon.places import CITIES, DEMONYM_VARIANTS, PLACE_NAME_VARIANTS
from newsdiff.unionfind import UnionFind

#: Words that start a name span but are not part of the name (stripped from mention text).
LEADING_DETERMINERS = ("the ", "The ", "THE ")


#: Function words skipped when building an acronym from an organisation's name.
ACRONYM_STOPWORDS = frozenset({"of", "for", "and", "the", "in", "on", "at", "to", "de", "du", "&"})

#: Words that start a multi-word surname ("van der Berg", "bin Salman", "de la Cruz"):
#: nameparser's curated prefix list, plus a few it lacks.
SURNAME_PARTICLES = frozenset(_NAMEPARSER.prefixes) | {"lo", "el", "das", "ten"}

#: Company-form suffixes that do not change which organisation is named.
ORG_SUFFIXES = frozenset(
    {
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "co",
        "plc",
        "llc",
        "ag",
        "sa",
        "gmbh",
        "nv",
        "bv",
        "group",
        "holdings",
        "company",
    }
)

#: Generic head words: "the Council" alone does not name one organisation of the story.
GENERIC_ORG_HEADS = frozenset(
    {
        "council",
        "party",
        "bank",
        "university",
        "organization",
        "organisation",
        "union",
        "ministry",
        "house",
        "department",
        "court",
        "agency",
        "committee",
        "commission",
        "office",
        "association",
        "federation",
        "institute",
        "service",
        "army",
        "navy",
        "police",
        "government",
        "city",
        "state",
        "county",
        "republic",
        "kingdom",
        "club",
        "team",
        "school",
    }
)

#: Trailing words that say what kind of body a name is ("People magazine", "Police Department").
KIND_WORDS = frozenset(
    {"department", "magazine", "newspaper", "daily", "channel", "network", "website", "tabloid"}
    # a national arm of a company ("Amazon UK", "Toyota USA")
    | {"usa", "uk"}
)

#: Generational and other suffixes after a name (Jr., Sr., III): nameparser's list of those
#: that are not degrees (degrees such as "MA" are also surnames: Jack Ma).
NAME_SUFFIXES = frozenset(_NAMEPARSER.suffix_not_acronyms)

#: Titles before a personal name, stripped when a name is split into its parts: nameparser's
#: curated list (Rev., Gen., Sen., Gov., Judge, ...) and the short forms of ours.
PERSON_TITLES = frozenset(_NAMEPARSER.titles) | NAME_TITLES


#: Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "Ħ": "H",
    }
)
_SPACE = re.compile(r"\s+")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_NON_WORD = re.compile(r"[^\w\s]")

# Transliteration folding, applied after accent folding and lower-casing. Each rule merges
# spellings that English-language outlets use for the same Cyrillic/Arabic/... sound.
_TRANSLIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"ph", "f"),
        (r"kh", "h"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"(?<=[a-z])(iy|yi|ij|ii|yy)\b", "i"),  # Zelenskiy / Zelenskyy -> zelenski
        (r"y", "i"),
        (r"j", "i"),  # Jevgenij / Yevgeny
        (r"w", "v"),
        (r"tz", "z"),
        (r"ts", "z"),
        (r"ou", "u"),
        (r"off\b", "ov"),
        (r"ieh", "eh"),
        (r"(.)\1", r"\1"),  # doubled letters
    )
)


def fold_accents(text: str) -> str:
    """Strip diacritics so "Zelenskyj" and "Zélensky" compare equal, keeping letters only."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded.translate(_UNDECOMPOSABLE) if not folded.isascii() else folded


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """Fold one name word to a spelling-insensitive key (Sergei/Sergey, Dmitri/Dmitry)."""
    key = fold_accents(word).lower()
    key = _NON_WORD.sub("", key)
    for pattern, repl in _TRANSLIT_RULES:
        key = pattern.sub(repl, key)
    return key


def strip_determiner(text: str) -> tuple[int, str]:
    """Drop a leading "the"; return how many characters were removed and the rest."""
    for det in LEADING_DETERMINERS:
        if text.startswith(det) and len(text) > len(det):
            return len(det), text[len(det) :]
    return 0, text


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive ('s or ’s or a bare apostrophe)."""
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def name_words(text: str) -> list[str]:
    """Words of a name, with dots and hyphens treated as separators, empty parts removed.

    Apostrophes inside a word are dropped, not split on: O'Brien is one word.
    """
    cleaned = strip_possessive(text.replace("’", "'")).replace("-", " ")
    cleaned = _INNER_APOSTROPHE.sub("", cleaned)
    return [w for w in _SPACE.split(_NON_WORD.sub(" ", cleaned)) if w]


#: Abbreviations that start place names: "Mt Cook" is "Mount Cook", "Ft Worth" "Fort Worth".
_PLACE_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "pt": "point"}


#: Words that name a company's trade before its legal form ("Wal-Mart Stores Inc.").
_TRADE_WORDS = frozenset({"stores", "industries", "enterprises", "brands"})

#: Heads of government bodies named either way round: "Justice Department" is the
#: "Department of Justice" (DOJ), "Defence Ministry" the "Ministry of Defence" (MOD).
_INVERTIBLE_HEADS = frozenset({"department", "ministry", "office", "bureau"})


def org_core(text: str) -> str:
    """Compact form without company suffixes: "Microsoft Corp." and "Microsoft" compare equal.

    A leading place abbreviation is spelled out ("Mt Cook" / "Mount Cook").
    """
    words = name_words(strip_determiner(text)[1])
    legal = False
    while len(words) > 1 and words[-1].lower().rstrip(".") in ORG_SUFFIXES:
        words = words[:-1]
        legal = True
    # "Wal-Mart Stores Inc.": before a legal form, "Stores" is part of the company form too.
    if legal and len(words) > 1 and words[-1].lower() in _TRADE_WORDS:
        words = words[:-1]
    if len(words) > 1:
        words[0] = _PLACE_ABBREVIATIONS.get(words[0].lower(), words[0])
    return compact(" ".join(words))


def compact(text: str) -> str:
    """Letters and digits only, lower-cased: U.S. / US / u.s -> "us"."""
    return "".join(ch for ch in fold_accents(text).lower() if ch.isalnum())


def acronym_of(text: str) -> str:
    """Initials of the content words: Organization for Security and Cooperation in Europe -> osce.

    Returns "" for single words, which have no meaningful acronym.
    """
    words = [w for w in name_words(fold_accents(text)) if w.lower() not in ACRONYM_STOPWORDS]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words).lower()


def acronym_variants(text: str) -> set[str]:
    """Acronyms a name can have: without function words (OSCE) and with them (AOSIS)."""
    variants = {acronym_of(text)}
    words = name_words(fold_accents(text))
    if len(words) >= 2:
        variants.add("".join(w[0] for w in words).lower())
        if words[-1].lower() in _INVERTIBLE_HEADS:  # Justice Department: DOJ, DJ
            inverted = [words[-1], "of", *words[:-1]]
            variants.add(acronym_of(" ".join(inverted)))
            variants.add("".join(w[0] for w in inverted).lower())
    variants.discard("")
    return variants


def is_acronym(text: str) -> bool:
    """A short all-capitals token such as NATO, OSCE, U.S. or UN."""
    letters = [ch for ch in text if ch.isalpha()]
    return 2 <= len(letters) <= 8 and all(ch.isupper() for ch in letters) and " " not in text


def is_subsequence(short: str, long: str) -> bool:
    """Whether ``short``'s letters appear in order in ``long`` (OSCE in O-S-S-C-E)."""
    it = iter(long)
    return all(ch in it for ch in short)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A personal name split into given names and surname, titles removed."""

    given: tuple[str, ...]
    surname: str
    #: A generational suffix, lower case without dots ("jr", "iii"); "" when none.
    suffix: str = ""

    @property
    def surname_key(self) -> str:
        """Transliteration-folded surname without particles (al-Burhan / Burhan)."""
        words = self.surname.split()
        core = [w for w in words if w.lower() not in SURNAME_PARTICLES] or words
        return translit_key("".join(core))

    @property
    def first_surname_key(self) -> str:
        """Key of the first of a double surname ("Peña" of "Peña Nieto"), else the surname's."""
        words = self.surname.split()
        core = [w for w in words if w.lower() not in SURNAME_PARTICLES] or words
        return translit_key(core[0]) if len(core) >= 2 else self.surname_key

    @property
    def given_keys(self) -> tuple[str, ...]:
        """Transliteration-folded given names."""
        return tuple(translit_key(g) for g in self.given)


_BLEND = re.compile(r"([A-Z][a-z]{0,3})([A-Z][a-z]{1,4})")


def fits_name_blend(token: str, name: PersonName) -> bool:
    """Whether ``token`` is a blend of the person's given name and surname.

    Celebrity news clips both names and joins the pieces: "LiLo" (Lindsay Lohan), "A-Rod"
    (Alex Rodriguez), "J.Lo" (Jennifer Lopez), "ScarJo". The given-name piece may be one
    letter; the surname piece needs two, so that ordinary camel-case names rarely fit.
    """
    match = _BLEND.fullmatch(re.sub(r"[.\-\u2019']", "", token))
    if match is None or not name.given:
        return False
    given, surname = match.group(1).lower(), match.group(2).lower()
    return (
        fold_accents(name.given[0]).lower().startswith(given)
        and fold_accents(name.surname).lower().startswith(surname)
        and token.lower() != name.surname.lower()
    )


@lru_cache(maxsize=1)
def _nicknamer() -> Any:
    """The nickname table, read once, and only when two people's given names are compared."""
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=4096)
def are_nicknames(a: str, b: str) -> bool:
    """Whether one given name is a nickname of the other (Katie / Kathryn, Bill / William)."""
    a, b = fold_accents(a).lower(), fold_accents(b).lower()
    if a == b:
        return True
    table = _nicknamer()
    return b in table.nicknames_of(a) or a in table.nicknames_of(b)


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Whether the nickname table knows ``word`` as a given name or a nickname."""
    w = fold_accents(word).lower()
    table = _nicknamer()
    return bool(table.nicknames_of(w) or table.canonicals_of(w))


@lru_cache(maxsize=4096)
def short_form_of(short: str, full: str) -> bool:
    """Whether ``short`` can be a short form of ``full`` that the nickname table lacks.

    The table does not know every clipping ("Mo" for Maurice). A two- or three-letter given
    name with the same first letter counts, unless the table knows it as a form of other names
    ("Al" is Albert or Alan, not Andrew).
    """
    short, full = fold_accents(short).lower(), fold_accents(full).lower()
    if not (2 <= len(short) <= 3 and len(full) >= 4 and short[0] == full[0]):
        return False
    table = _nicknamer()
    return not table.canonicals_of(short) and not table.nicknames_of(short)


def strip_titles(text: str) -> str:
    """A person's name without leading honorifics: "President Joe Biden" -> "Joe Biden"."""
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in PERSON_TITLES:
        words = words[1:]
    return " ".join(words)


def parse_person(text: str, surname_words: int = 1) -> PersonName | None:
    """Split a personal name; None when nothing name-like is left after removing titles.

    ``surname_words`` is how many words the surname has when the story shows it is a double
    one ("Enrique Peña Nieto" with "Peña Nieto" used alone). A suffix (Jr., III) is kept apart:
    it tells a son from his father.
    """
    words = name_words(text)
    while words and words[0].lower().rstrip(".") in PERSON_TITLES:
        words = words[1:]
    suffix = ""
    while words and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        suffix = suffix or words[-1].lower().rstrip(".")
        words = words[:-1]
    if not words:
        return None
    # Surname particles belong to the surname: "Lo Presti", "van der Berg", "bin Salman".
    cut = max(len(words) - surname_words, 0)
    while cut > 0 and words[cut - 1].lower() in SURNAME_PARTICLES:
        cut -= 1
    return PersonName(tuple(words[:cut]), " ".join(words[cut:]), suffix)


def is_city(text: str) -> bool:
    """Whether a one-word name is a well-known city (used as a place vote, never to merge)."""
    words = name_words(fold_accents(text))
    return len(words) == 1 and words[0].lower() in CITIES


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    """AP-style US state abbreviations ("Calif.", "N.Y.") -> the state's name.

    From the ``us`` package's state metadata; states AP writes out in full (Ohio, Texas) have
    no abbreviation. Read once, and only when a comparison is clustered.
    """
    import us

    states = [*us.states.STATES_AND_TERRITORIES, us.states.DC]
    return {s.ap_abbr: s.name for s in states if s.ap_abbr and s.ap_abbr != s.name}


def place_abbreviated(text: str) -> str | None:
    """The place an abbreviation stands for: "Calif." -> "California", "Fla." -> "Florida".

    Only the exact abbreviation with its dots counts: "La" or "Pa" without one are words.
    """
    if not text.endswith("."):
        return None
    return _state_abbreviations().get(text.strip())


@dataclass(frozen=True, slots=True)
class _CountryTables:
    """What the country data says about names: demonyms and other names of each country."""

    #: Demonym (lower case, words joined by spaces) -> the country's usual English name.
    demonyms: dict[str, str]
    #: Another name of a country (``compact`` form) -> the country's usual English name.
    names: dict[str, str]
    #: The same for abbreviations ("UK", "UAE", "USA"), matched only when written in capitals.
    abbreviations: dict[str, str]
    #: Every country's usual name, in ``compact`` form.
    countries: frozenset[str]


def _spelled_names(raw: dict[str, Any]) -> list[str]:
    """A country's name and its other spellings, without a leading "the" or stray spaces."""
    spellings = [str(raw.get("name") or ""), *(str(s) for s in raw.get("altSpellings") or ())]
    return [strip_determiner(s.strip())[1] for s in spellings if s.strip()]


def _is_code(spelling: str, raw: dict[str, Any], spelled: list[str]) -> bool:
    """Whether a spelling is only the country's ISO code, not a name news writes.

    Two-letter codes are never names ("GE" is General Electric before it is Georgia, "IN" and
    "IT" are words); a three-letter code is also an abbreviation when it gives the initials of
    one of the country's spelled-out names ("USA": United States of America), else only a code
    ("GBR", "DEU").
    """
    iso = raw.get("ISO") or {}
    if spelling not in {iso.get("alpha2"), iso.get("alpha3")}:
        return False
    initials = {acronym_of(name) for name in spelled} | {
        "".join(w[0] for w in name_words(fold_accents(name))).lower() for name in spelled
    }
    return len(spelling) < 3 or spelling.lower() not in initials


@lru_cache(maxsize=1)
def _country_tables() -> _CountryTables:
    """Demonyms and other names of countries, from the countryinfo package, read once.

    Demonyms: "Honduran" -> Honduras, "New Zealander" -> New Zealand, and the news spellings
    of ``DEMONYM_VARIANTS``. A demonym two places share ("French": France and Réunion) means
    the country with an ISO number and more people; one that is the place's own name
    ("Djibouti") is no demonym.

    Other names: the data's ``altSpellings`` ("Great Britain", "Holland", "Russian
    Federation", "Korea, Democratic People's Republic of", "UK"), and ``PLACE_NAME_VARIANTS``.
    Left out: bare ISO codes (``_is_code``); spellings that are demonyms ("Thai" for
    Thailand), which are adjectives, not names; and one-word spellings that are also a word of
    another country's name ("Congo" for both Congos, "Island" for Iceland), which readers
    cannot tell apart. Entries that share a spelling are one country ("Burma" / "Myanmar").
    """
    from countryinfo import CountryInfo

    entries: list[dict[str, Any]] = [dict(data) for data in CountryInfo.all().values()]
    best: dict[str, tuple[tuple[bool, int], str]] = {}
    ranked: list[tuple[tuple[bool, int], str, list[str], dict[str, Any]]] = []
    for raw in entries:
        country = strip_determiner(str(raw.get("name") or ""))[1]  # "The Gambia"
        if not country:
            continue
        own = " ".join(name_words(country)).lower()
        iso = raw.get("ISO") or {}
        rank = (bool(iso.get("numeric")), int(raw.get("population") or 0))
        ranked.append((rank, country, _spelled_names(raw), raw))
        for demonym in re.split(r"[,/]", str(raw.get("demonym") or "")):
            key = " ".join(name_words(demonym)).lower()
            if key and key != own and (key not in best or rank > best[key][0]):
                best[key] = (rank, country)
    demonyms = {key: country for key, (_, country) in best.items()}
    demonyms.update(DEMONYM_VARIANTS)
    names, abbreviations = _alias_tables(ranked, demonyms)
    countries = frozenset(compact(country) for _, country, _, _ in ranked)
    return _CountryTables(demonyms, names, abbreviations, countries)


def _alias_tables(
    ranked: list[tuple[tuple[bool, int], str, list[str], dict[str, Any]]],
    demonyms: dict[str, str],
) -> tuple[dict[str, str], dict[str, str]]:
    """Other names and abbreviations -> the country's usual name (see ``_country_tables``)."""
    # Entries that share a spelling are one country, named as its best-ranked entry.
    owner: dict[str, int] = {}
    groups = UnionFind(len(ranked))
    find = groups.find

    spellings: list[list[str]] = []
    for k, (_, _, spelled, raw) in enumerate(ranked):
        kept = [s for s in spelled if not _is_code(s, raw, spelled)]
        spellings.append(kept)
        for s in kept:
            key = compact(s)
            if key in owner:
                groups.union(k, owner[key])
            else:
                owner[key] = k
    head: dict[int, int] = {}
    for k in sorted(range(len(ranked)), key=lambda k: ranked[k][0], reverse=True):
        head.setdefault(find(k), k)
    # One-word spellings that are a word of another country's name ("Congo", "Island").
    words_of: dict[str, set[int]] = defaultdict(set)
    for k, kept in enumerate(spellings):
        for s in kept:
            if len(name_words(s)) > 1:
                for w in name_words(s):
                    words_of[compact(w)].add(find(k))
    names: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for k, kept in enumerate(spellings):
        country = ranked[head[find(k)]][1]
        for s in kept:
            key = compact(s)
            if not key or key == compact(country) or " ".join(name_words(s)).lower() in demonyms:
                continue
            if len(name_words(s)) == 1 and words_of.get(key, set()) - {find(k)}:
                continue
            (abbreviations if is_acronym(s) else names)[key] = country
    for variant, country in PLACE_NAME_VARIANTS.items():
        names[compact(variant)] = country
    return names, abbreviations


def _demonyms() -> dict[str, str]:
    """Demonym (lower case, words joined by spaces) -> the country's usual English name."""
    return _country_tables().demonyms


def country_alias(text: str) -> str | None:
    """The country another of its names means: "Britain", "UK", "Holland", "Burma".

    None for the country's usual name itself, and for anything the data does not give as a
    name of exactly one country. An abbreviation counts only in capitals: "US" and "UK" are
    names, "us" is a pronoun.
    """
    name = strip_determiner(text.strip())[1]
    tables = _country_tables()
    # "U K": an abbreviation's letters as name_words leaves them ("U.K.").
    table = tables.abbreviations if is_acronym(name.replace(" ", "")) else tables.names
    return table.get(compact(name))


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """US state and territory names (``compact`` form), from the ``us`` package."""
    import us

    return frozenset(compact(s.name) for s in [*us.states.STATES_AND_TERRITORIES, us.states.DC])


def is_known_place(text: str) -> bool:
    """Whether the data names ``text`` as a country (by any of its names) or a US state.

    "New York officials", "Texas governor": after such a name a role noun names the place's
    office-holders, not a club's or a company's staff.
    """
    name = strip_determiner(text.strip())[1]
    key = compact(name)
    tables = _country_tables()
    return key in tables.countries or key in _state_names() or country_alias(name) is not None


#: Compass points as headlines shorten them before a place's name: "N Korea", "S. Sudan",
#: "NKorea" (AP headline style), "SE Asia".
_COMPASS_POINTS = {"N": "North", "S": "South", "E": "East", "W": "West"}
_COMPASS_SHORT = re.compile(
    r"(?P<point>[NS][EW]|[NSEW])(?:\.\s*|\s+|(?=[A-Z][a-z]))(?P<rest>[A-Z][a-z].*)"
)


def compass_expansions(text: str) -> tuple[str, ...]:
    """The names a compass abbreviation before a place's name can stand for.

    "N Korea" -> ("North Korea", "Northern Korea"); "SE Asia" -> ("Southeast Asia",
    "Southeastern Asia"). Which one the story means is for the caller to find (the one it
    names); () when ``text`` does not start with such an abbreviation.
    """
    match = _COMPASS_SHORT.fullmatch(text.strip())
    if match is None:
        return ()
    letters, rest = match.group("point"), match.group("rest")
    point = "".join(_COMPASS_POINTS[ch] for ch in letters).capitalize()
    return (f"{point} {rest}", f"{point}ern {rest}")


def demonym_country(text: str) -> str | None:
    """The country a demonym refers to ("Russian" -> "Russia", "Hondurans" -> "Honduras")."""
    key = " ".join(name_words(text)).lower()
    table = _demonyms()
    if key not in table and key.endswith("s") and key[:-1] in table:
        key = key[:-1]  # plurals: Ukrainians, New Zealanders
    return table.get(key)
