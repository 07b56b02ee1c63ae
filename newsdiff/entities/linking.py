"""Join forms the tagger labelled inconsistently, and other spellings of one name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from newsdiff.entities.metonyms import (
    PREPOSITIONS,
    decide_place_metonyms,
    is_locative,
    takes_org_words,
)
from newsdiff.entities.people import dominant_root, given_compatible
from newsdiff.entities.records import SURNAME_CUTOFF, Form, RawMention, majority_label
from newsdiff.names import (
    GENERIC_ORG_HEADS,
    KIND_WORDS,
    PersonName,
    compact,
    fits_name_blend,
    is_acronym,
    name_words,
    org_core,
    parse_person,
)
from newsdiff.unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class _Story:
    """What the cross-label rules read: the forms, and the story's people by surname."""

    docs: Sequence[Doc]
    mentions: Sequence[RawMention]
    persons: Sequence[Form]
    others: Sequence[Form]
    #: One-word forms of any label.
    singles: Sequence[Form]
    #: People named with a given name and a surname, parsed.
    full_people: Sequence[tuple[Form, PersonName]]
    #: Surname key -> groups of the people with that surname (read once, before the rules).
    surnames: dict[str, set[int]]

    @classmethod
    def of(
        cls,
        docs: Sequence[Doc],
        mentions: Sequence[RawMention],
        persons: Sequence[Form],
        others: Sequence[Form],
        uf: UnionFind,
    ) -> _Story:
        full_people = [
            (f, p) for f in persons if (p := parse_person(f.text)) is not None and p.given
        ]
        surnames: dict[str, set[int]] = defaultdict(set)
        for f, p in full_people:
            surnames[compact(p.surname)].add(uf.find(f.mentions[0]))
        singles = [f for f in [*persons, *others] if len(f.text.split()) == 1]
        return cls(docs, mentions, persons, others, singles, full_people, surnames)

    def locative(self, form: Form) -> bool:
        """Mostly used as a place ("in Jackson"), so not a person's surname."""
        hits = sum(1 for i in form.mentions if is_locative(self.docs, self.mentions[i]))
        return hits * 2 > len(form.mentions)


def link_across_labels(
    docs: Sequence[Doc],
    mentions: Sequence[RawMention],
    persons: Sequence[Form],
    others: Sequence[Form],
    uf: UnionFind,
) -> dict[int, int]:
    """Join forms the tagger labelled inconsistently; the majority vote then picks the label.

    The rules of `_ACROSS_LABEL_RULES` run in order, after the same name under two labels is
    joined; then places used for a team are decided (`decide_place_metonyms`). Returns, for
    each mention of a place that names a team, a mention of that team, and for each person's
    name used for the place named after that person (`_facility_uses`), a mention of it.
    """
    _link_same_name_other_label(persons, others, uf)
    story = _Story.of(docs, mentions, persons, others, uf)
    for rule in _ACROSS_LABEL_RULES:
        rule(story, uf)
    uses = decide_place_metonyms(docs, mentions, [*persons, *others], uf, story.locative)
    return {**_facility_uses(story, uf), **uses}


#: Last words of places named after a person ("Betty Ford Center", "Walter Reed Hospital").
_FACILITY_HEADS = frozenset(
    {"center", "centre", "clinic", "hospital", "institute", "airport", "prison", "stadium"}
)
#: Words right before a name that use it as a place one is at, enters or leaves ("left Betty
#: Ford", "the work done at Betty Ford"): nobody is at, into or leaving a person.
_FACILITY_CUES = frozenset(
    {"at", "into", "leave", "leaves", "left", "leaving", "enter", "enters", "entered", "entering"}
)


def _facility_uses(story: _Story, uf: UnionFind) -> dict[int, int]:
    """A person's name used for the one place the story names after that person.

    "Lohan Leaves Betty Ford" beside "the Betty Ford Center": only the uses a place takes
    (`_FACILITY_CUES`) join the place; the person keeps every other use, as a city keeps
    "in Kansas City" when "Kansas City beat Indianapolis" is the team.
    """
    places: dict[str, set[int]] = defaultdict(set)
    for f in [*story.persons, *story.others]:  # the tagger often calls the place a person too
        words = f.text.split()
        if len(words) >= 3 and words[-1].lower() in _FACILITY_HEADS:
            places[compact(" ".join(words[:-1]))].add(uf.find(f.mentions[0]))
    out: dict[int, int] = {}
    for f in story.persons:
        found = places.get(compact(f.text), set())
        if len(found) != 1 or len(f.text.split()) < 2:
            continue
        for i in f.mentions:
            m = story.mentions[i]
            doc = story.docs[m.doc_index]
            if m.token_start > 0 and doc[m.token_start - 1].lower_ in _FACILITY_CUES:
                out[i] = next(iter(found))
    return out


def _link_same_name_other_label(
    persons: Sequence[Form], others: Sequence[Form], uf: UnionFind
) -> None:
    """The same name tagged PERSON once and ORG or GPE elsewhere is one name.

    "Lohan" (PERSON) / "Lohan" (ORG).
    """
    other_by_key = {compact(f.text): f for f in others}
    for f in persons:
        match = other_by_key.get(compact(f.text))
        if match is not None:
            uf.union(f.mentions[0], match.mentions[0])


def _link_people_tagged_otherwise(story: _Story, uf: UnionFind) -> None:
    """A person's full name tagged as a place or organisation is still that person.

    "Abdel-Fattah Burhan" (GPE) / "Abdel Fattah al-Burhan" (PERSON).
    """
    for f in story.others:
        words = f.text.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        p = parse_person(f.text)
        if p is None or not p.given:
            continue
        for g, q in story.full_people:
            if fuzz.ratio(p.surname_key, q.surname_key) >= SURNAME_CUTOFF and given_compatible(
                p.given_keys, q.given_keys
            ):
                uf.union(f.mentions[0], g.mentions[0])
                break


def _link_surnames_tagged_otherwise(story: _Story, uf: UnionFind) -> None:
    """A lone surname tagged as an organisation or place joins the person with that surname.

    "Zelenskyy said" (ORG) / "Volodymyr Zelenskyy"; not when the word is mostly used as a
    place ("in Jackson").
    """
    for f in story.singles:
        if f.is_person:
            continue
        roots = story.surnames.get(compact(f.text))
        if roots is None or story.locative(f):
            continue
        target = dominant_root(roots, story.full_people, uf)
        if target is not None:
            uf.union(f.mentions[0], target)


def _link_variants(story: _Story, uf: UnionFind) -> None:
    """Other spellings of one organisation or place (`_link_name_variants`)."""
    _link_name_variants(story.persons, story.others, uf)
    _link_unique_heads(story, uf)


def _link_name_blends(story: _Story, uf: UnionFind) -> None:
    """A blend of a person's given name and surname is that person.

    "LiLo" / "Lindsay Lohan", when she is the only person of the story the blend fits.
    """
    for f in story.singles:
        roots = {uf.find(g.mentions[0]) for g, q in story.full_people if fits_name_blend(f.text, q)}
        if len(roots) == 1:
            uf.union(f.mentions[0], next(iter(roots)))


def _link_name_parts(story: _Story, uf: UnionFind) -> None:
    """A single word that ends or starts exactly one longer organisation name names it.

    "Nordhavn" / "Nordhavn Bank", "Dortmund" / "Borussia Dortmund". The last word is the head
    ("Chiefs" of "Kansas City Chiefs") and wins over a first word ("Chiefs" of a run-on
    "Chiefs WR Terrance Copper").
    """
    by_last: dict[str, list[Form]] = defaultdict(list)
    by_first: dict[str, list[Form]] = defaultdict(list)
    for f in story.others:
        words = f.text.split()
        # The tagger calls a team a facility as often as an organisation ("Jacksonville Jaguars").
        if len(words) < 2 or majority_label(f) not in {"ORG", "FAC"}:
            continue
        if any(ch.isdigit() for ch in f.text) or any(story.mentions[i].product for i in f.mentions):
            continue  # a model ("Korvik Nova 7", "Toyota Camry") is a product, not its maker
        if words[0][:1].isupper() and words[0].lower() not in GENERIC_ORG_HEADS:
            by_first[compact(words[0])].append(f)
        if (
            words[-1][:1].isupper()
            and words[-1].lower() not in GENERIC_ORG_HEADS
            and not any(w.lower() in PREPOSITIONS for w in words[:-1])
        ):
            by_last[compact(words[-1])].append(f)
    for f in story.singles:
        key = compact(f.text)
        if key in story.surnames:
            continue  # a person's surname: `_link_surnames_tagged_otherwise`
        if majority_label(f) not in {"ORG", "PERSON", ""} and not _used_as_a_body(story, f):
            continue  # "European" (a group) is not "European Union"; places keep their name
        for table in (by_last, by_first):
            targets = {uf.find(g.mentions[0]) for g in table.get(key, ())}
            if targets:
                if len(targets) == 1:
                    uf.union(f.mentions[0], next(iter(targets)))
                break


def _used_as_a_body(story: _Story, form: Form) -> bool:
    """A name tagged as a place that the story uses only as a company or club.

    "Aspen shares fell" beside "Aspen Technology": some mention takes words only bodies take
    (`takes_org_words`) and none is used as a location ("in Aspen").
    """
    uses = [story.mentions[i] for i in form.mentions]
    return any(takes_org_words(story.docs, m) for m in uses) and not any(
        is_locative(story.docs, m) for m in uses
    )


#: The cross-label rules, in order: later rules see the groups the earlier ones made.
_ACROSS_LABEL_RULES: tuple[Callable[[_Story, UnionFind], None], ...] = (
    _link_people_tagged_otherwise,
    _link_surnames_tagged_otherwise,
    _link_variants,
    _link_name_blends,
    _link_name_parts,
)


def _link_name_variants(persons: Sequence[Form], others: Sequence[Form], uf: UnionFind) -> None:
    """Other spellings of one organisation or place: longer, shorter, clipped or reordered.

    Run in this order: later rules see the groups the earlier ones made.
    """
    _link_name_tails(others, uf)
    _link_acronym_qualified(others, uf)
    _link_geo_heads_and_sections(others, uf)
    _link_kind_words(persons, others, uf)
    _link_clipped_plurals(persons, others, uf)
    _link_reordered_names(others, uf)


def _link_name_tails(others: Sequence[Form], uf: UnionFind) -> None:
    """A name ending with another name of two words or more names the same thing.

    "Aoraki Mount Cook" / "Mount Cook", "U.S. Surgeon General" / "Surgeon General"; only when
    one longer name ends that way.
    """
    by_core = {org_core(f.text): f for f in others if len(f.text.split()) >= 2}
    tails: dict[str, set[int]] = defaultdict(set)
    for f in others:
        words = name_words(f.text)
        if len(words) < 3 or any(w.lower() in PREPOSITIONS for w in words):
            continue
        for k in range(1, len(words) - 1):
            tail = org_core(" ".join(words[k:]))
            if tail in by_core:
                tails[tail].add(uf.find(f.mentions[0]))
                break
    for tail, roots in tails.items():
        if len(roots) == 1:
            uf.union(by_core[tail].mentions[0], next(iter(roots)))


def _link_acronym_qualified(others: Sequence[Form], uf: UnionFind) -> None:
    """A name after an acronym that qualifies it names the same thing alone.

    "INS Sukanya" / "Sukanya" (a ship prefix), "NY Jets" / "Jets": the acronym says whose or
    what kind of thing it is, not which; only when one such longer name ends with that word,
    and never for a generic head ("U.S. Army" / "Army" is `_link_unique_heads`' to decide).
    """
    singles = {org_core(f.text): f for f in others if len(f.text.split()) == 1}
    roots: dict[str, set[int]] = defaultdict(set)
    for f in others:
        words = f.text.split()
        if len(words) != 2 or not is_acronym(words[0]) or not words[1][:1].isupper():
            continue
        if words[1].isupper() or words[1].lower() in GENERIC_ORG_HEADS:
            continue
        key = org_core(words[1])
        if key in singles:
            roots[key].add(uf.find(f.mentions[0]))
    for key, found in roots.items():
        if len(found) == 1:
            uf.union(singles[key].mentions[0], next(iter(found)))


def _link_geo_heads_and_sections(others: Sequence[Form], uf: UnionFind) -> None:
    """A geographic head or a section reference does not change what is named.

    "the Mediterranean Sea" / "the Mediterranean"; "Section 7 of the Clean Air Act" / "the
    Clean Air Act".
    """
    by_text = {org_core(f.text): f for f in others}
    for f in others:
        words = name_words(f.text)
        label = majority_label(f)
        short: Form | None = None
        if label in {"LOC", "GPE"} and len(words) >= 2 and words[-1].lower() in _GEO_HEADS:
            short = by_text.get(org_core(" ".join(words[:-1])))
            if short is not None and majority_label(short) not in {"LOC", "GPE"}:
                short = None
        elif label == "LAW" and "of" in words[1:-1]:
            cut = words.index("of", 1) + 1
            if words[cut].lower() == "the":
                cut += 1
            short = by_text.get(org_core(" ".join(words[cut:])))
        if short is not None:
            uf.union(f.mentions[0], short.mentions[0])


def _link_kind_words(persons: Sequence[Form], others: Sequence[Form], uf: UnionFind) -> None:
    """A trailing word saying what kind of body it is does not change which body.

    "Staunton Police Department" / "Staunton Police", "People magazine" / "People".
    """
    by_core_all: dict[str, list[Form]] = defaultdict(list)
    for f in [*persons, *others]:
        by_core_all[org_core(f.text)].append(f)
    for f in others:
        words = f.text.split()
        if len(words) < 2 or words[-1].lower() not in KIND_WORDS:
            continue
        if majority_label(f) not in {"ORG", "FAC"}:
            continue
        for g in by_core_all.get(org_core(" ".join(words[:-1])), ()):
            uf.union(f.mentions[0], g.mentions[0])


def _link_clipped_plurals(persons: Sequence[Form], others: Sequence[Form], uf: UnionFind) -> None:
    """ "Jags" / "Jaguars", "Dems" / "Democrats": a clipped plural group name."""
    plurals = [
        f
        for f in [*persons, *others]
        if len(f.text.split()) == 1
        and f.text[:1].isupper()
        and f.text.endswith("s")
        and not f.text.isupper()
        and majority_label(f) not in {"GPE", "LOC", "NORP"}
    ]
    for f in plurals:
        stem = f.text[:-1].lower()
        if len(stem) < 3:
            continue
        roots = {
            uf.find(g.mentions[0])
            for g in plurals
            if len(g.text) > len(f.text) + 1 and g.text.lower().startswith(stem)
        }
        if len(roots) == 1:
            uf.union(f.mentions[0], next(iter(roots)))


def _link_reordered_names(others: Sequence[Form], uf: UnionFind) -> None:
    """Translations of one name put the same content words in another order.

    "Central Commission for Elections" / "Central Elections Commission": three or more
    capitalised words, three quarters of them shared.
    """
    bags: list[tuple[Form, frozenset[str]]] = []
    for f in others:
        if majority_label(f) != "ORG":
            continue
        words = [w.lower() for w in name_words(f.text) if w[:1].isupper()]
        if len(words) >= 3:
            bags.append((f, frozenset(w.rstrip("s") for w in words)))
    for a in range(len(bags)):
        for b in range(a + 1, len(bags)):
            x, y = bags[a][1], bags[b][1]
            if len(x & y) / len(x | y) >= 0.75:
                uf.union(bags[a][0].mentions[0], bags[b][0].mentions[0])


def _link_unique_heads(story: _Story, uf: UnionFind) -> None:
    """ "the Navy" is the Indian Navy when that is the only navy its article names.

    A generic head alone joins a longer name only as a definite reference inside one
    document: the body must be named in the same article, and be the only one of its kind
    there ("the Committee" is not a committee another outlet named).
    """
    docs_of = {id(f): {story.mentions[i].doc_index for i in f.mentions} for f in story.others}
    for f in story.singles:
        head = f.text.lower()
        if head not in _UNIQUE_HEADS or not f.text[:1].isupper():
            continue
        here = {story.mentions[i].doc_index for i in f.mentions}
        roots = {
            uf.find(g.mentions[0])
            for g in story.others
            if len(g.text.split()) >= 2
            and g.text.split()[-1].lower() == head
            and majority_label(g) == "ORG"
            and docs_of[id(g)] & here
        }
        if len(roots) == 1:
            uf.union(f.mentions[0], next(iter(roots)))


#: Geographic heads a place can be named with or without ("the Mediterranean [Sea]").
_GEO_HEADS = frozenset(
    {"sea", "ocean", "river", "lake", "mountains", "desert", "island", "islands", "peninsula"}
)

#: Generic heads that, alone and capitalised, mean the one such body the story names ("the
#: Navy", "the Council"). Not "House" or "Court": "the House" is rarely "the White House".
_UNIQUE_HEADS = frozenset(
    {
        "navy",
        "army",
        "council",
        "party",
        "commission",
        "committee",
        "ministry",
        "agency",
        "federation",
        "association",
        "institute",
    }
)
