"""Other names of one place: a country's other names and compass abbreviations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsdiff.entities.records import Form, majority_label
from newsdiff.names import (
    compass_expansions,
    country_alias,
    is_acronym,
    is_known_place,
    org_core,
)
from newsdiff.unionfind import UnionFind

#: Labels of a name used as a place. Only such forms take another name of a place: "Holland"
#: the surname or "Georgia" a person stays who they are.
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _place_key(text: str) -> str:
    """One key for every name of a country ("Britain", "UK", "United Kingdom")."""
    return org_core(country_alias(text) or text)


def _place_by_data(form: Form) -> bool:
    """A name the data says is a place, whatever the tagger said (not a person).

    A country's abbreviation ("UK" is often tagged ORG), or a compass abbreviation of a
    country or US state ("S. Sudan", "SKorea"): no company or person is written so.
    """
    if majority_label(form) == "PERSON":
        return False
    if is_acronym(form.text.replace(" ", "")) and country_alias(form.text):
        return True
    return any(is_known_place(name) for name in compass_expansions(form.text))


def link_place_names(persons: Sequence[Form], forms: Sequence[Form], uf: UnionFind) -> None:
    """Join the names of one place that spelling alone does not join.

    A country's other names from the country data ("Britain" / "UK" / "United Kingdom",
    "Holland" / "Netherlands", "Burma" / "Myanmar") join when each is used as a place; an
    abbreviation ("UK", "USA") joins whatever its label, as nothing else is written so. A
    compass abbreviation before a place's name ("N Korea", "S. Sudan", "NKorea") is that name
    written short: it joins the one place of the story it can spell out ("North Korea", or
    "Northern Ireland" for "N. Ireland"), never a person or an organisation.

    Runs after the other rules: a name already joined to a person ("Holland said" after "Tom
    Holland") is that person's surname, not a country's other name.
    """
    people = {uf.find(f.mentions[0]) for f in persons}
    places = [
        f
        for f in forms
        if uf.find(f.mentions[0]) not in people
        and (majority_label(f) in _PLACE_LABELS or _place_by_data(f))
    ]
    by_key: dict[str, list[Form]] = defaultdict(list)
    for f in places:
        by_key[_place_key(f.text)].append(f)
    for group in by_key.values():
        for f in group[1:]:
            uf.union(group[0].mentions[0], f.mentions[0])
    for f in places:
        own = _place_key(f.text)
        keys = {_place_key(name) for name in compass_expansions(f.text)}
        found = [key for key in keys - {own} if key in by_key]
        if len(found) == 1:
            uf.union(f.mentions[0], by_key[found[0]][0].mentions[0])
