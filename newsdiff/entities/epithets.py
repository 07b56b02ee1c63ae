"""A nationality used as a noun names a person: "the 40-year-old American", "One Australian".

English uses a demonym two ways. As an adjective ("Australian climber", "the American
delegation") it describes something and, by itself, refers to its country. As the head of a
noun phrase with a determiner or a numeral ("the American never recovered", "One Australian
and one English climber") it *is* a person, usually one the story names elsewhere. Such an
epithet never joins the country; it joins the person the story gives its age or nationality,
or, when definite, the person just named before it. An epithet none of these settles keeps
today's reading, the country.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdiff.entities.records import RawMention
from newsdiff.names import demonym_country
from newsdiff.unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Determiners and numerals that make a singular demonym a noun: "the", "an", "one".
_NOUN_MAKERS = frozenset({"the", "a", "an", "one", "this", "that"})
_AGE = re.compile(r"\b(\d{1,3})-year-old\b")
#: An age just before a name ("29-year-old champion Varga") or set off after it
#: ("Varga, 29,").
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old(?:\s+[a-z]+){0,2}\s*$")
_AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*,")
#: Words between a nationality or an age and the name it describes ("Australian climber
#: Colm Brennan", "the 29-year-old champion Varga"): lower-case words, digits or hyphens.
_DESCRIBER_GAP = 3
#: How far back (in sentences) a definite epithet looks for the person it renames.
_BACK_SENTENCES = 1


def person_epithets(docs: Sequence[Doc], mentions: Sequence[RawMention]) -> set[int]:
    """Indices of demonym mentions that head their noun phrase, with a determiner or numeral."""
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if m.demonym_of is None or m.token_end - m.token_start != 1:
            continue
        tok = docs[m.doc_index][m.token_start]
        if _is_epithet(tok):
            out.add(i)
    return out


def _is_epithet(tok: Token) -> bool:
    if tok.dep_ == "amod" and tok.head.i == tok.i - 1 and tok.head.lower_ in _NOUN_MAKERS:
        # "ONE Australian and one Welsh climber": an adjective has no noun to modify in a
        # numeral or determiner (a misparse of an all-capitals lede), so it is the noun.
        return True
    if tok.tag_ in {"NNS", "NNPS"} or tok.dep_ in {"amod", "compound", "poss", "nmod"}:
        return False  # "Americans" (a group), "American southpaw", "Australia's"
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}:
        return False
    return any(
        c.dep_ in {"det", "nummod"} and c.lower_ in _NOUN_MAKERS and c.i < tok.i
        for c in tok.children
    )


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children)


def _phrase_age(tok: Token) -> str | None:
    """The age an epithet's own phrase gives: "the 40-year-old American" -> "40"."""
    start = min([c.left_edge.i for c in tok.children if c.i < tok.i] + [tok.i])
    found = _AGE.search(tok.doc[start : tok.i].text)
    return found.group(1) if found else None


def _described(
    docs: Sequence[Doc], mentions: Sequence[RawMention], group: dict[int, int]
) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """People (by group) the comparison gives an age or a nationality next to a name.

    "41-year-old Colm Brennan", "Varga, 29,", "American Joe Bell", "Hungarian champion
    Attila Varga": at most a few lower-case words between the describer and the name.
    """
    ages: dict[str, set[int]] = defaultdict(set)
    nations: dict[str, set[int]] = defaultdict(set)
    for i, root in group.items():
        m = mentions[i]
        doc = docs[m.doc_index]
        k = m.token_start - 1
        gap = 0
        while k >= 0 and gap <= _DESCRIBER_GAP:
            tok = doc[k]
            country = demonym_country(tok.text) if tok.text[:1].isupper() else None
            if country is not None:
                nations[country].add(root)
                break
            if not (tok.is_lower or tok.is_digit or tok.text == "-"):
                break
            k -= 1
            gap += 1
        before = doc[max(0, m.token_start - 8) : m.token_start].text
        if (age := _AGE_BEFORE.search(before)) is not None:
            ages[age.group(1)].add(root)
        after = doc[m.token_end : m.token_end + 4].text
        if (age := _AGE_AFTER.match(after)) is not None:
            ages[age.group(1)].add(root)
    return ages, nations


def link_epithets(
    docs: Sequence[Doc],
    mentions: Sequence[RawMention],
    epithets: set[int],
    uf: UnionFind,
) -> set[int]:
    """Join each person epithet to the person it renames; the indices it could not place.

    In order: the one person the comparison gives the epithet's age; the one person it
    describes with that nationality; for a definite epithet ("the Australian"), the person
    named last in the same or the previous sentence, unless the story gives that person
    another nationality. Indefinite ones ("One Australian") then join the one person of
    that nationality the definite ones found.
    """
    # Each person's group as the people rules left it: epithets join groups, never merge two.
    group = {i: uf.find(i) for i, m in enumerate(mentions) if m.label == "PERSON"}
    if not group or not epithets:
        return set(epithets)
    ages, nations = _described(docs, mentions, group)
    countries: dict[int, set[str]] = defaultdict(set)  # the other way round, for conflicts
    for country, groups in nations.items():
        for g in groups:
            countries[g].add(country)
    by_doc: dict[int, list[int]] = defaultdict(list)  # people in text order, per document
    for p in group:
        by_doc[mentions[p].doc_index].append(p)
    for idx in by_doc.values():
        idx.sort(key=lambda p: mentions[p].token_start)
    left: list[int] = []
    for i in sorted(epithets):
        tok = docs[mentions[i].doc_index][mentions[i].token_start]
        country = mentions[i].demonym_of or ""
        age = _phrase_age(tok)
        target = _only(ages.get(age, set())) if age else None
        if target is None:
            target = _only(nations.get(country, set()))
        if target is None and _definite(tok):
            last = _last_person_before(docs, mentions, by_doc, i)
            if last is not None and not countries[group[last]] - {country}:
                target = group[last]
        if target is None:
            left.append(i)
            continue
        uf.union(target, i)
        nations[country].add(target)
        countries[target].add(country)
    unplaced: set[int] = set()
    for i in left:
        target = _only(nations.get(mentions[i].demonym_of or "", set()))
        if target is None:
            unplaced.add(i)
        else:
            uf.union(target, i)
    return unplaced


def _only(roots: set[int]) -> int | None:
    return next(iter(roots)) if len(roots) == 1 else None


def _last_person_before(
    docs: Sequence[Doc],
    mentions: Sequence[RawMention],
    by_doc: dict[int, list[int]],
    i: int,
) -> int | None:
    """The person named last before mention ``i``, in its sentence or the one before."""
    m = mentions[i]
    doc = docs[m.doc_index]
    sent = doc[m.token_start].sent
    earliest = sent.start
    for _ in range(_BACK_SENTENCES):
        if earliest > 0:
            earliest = doc[earliest - 1].sent.start
    in_doc = by_doc.get(m.doc_index, [])
    k = bisect_left(in_doc, m.token_start, key=lambda p: mentions[p].token_start)
    if k == 0 or mentions[in_doc[k - 1]].token_start < earliest:
        return None
    return in_doc[k - 1]
