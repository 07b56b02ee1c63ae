"""People: full names, lone surnames and lone given names that name one person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from newsdiff.entities.records import GIVEN_CUTOFF, NAME_CUTOFF, SURNAME_CUTOFF, Form, UnionFind
from newsdiff.names import (
    PersonName,
    are_nicknames,
    parse_person,
    short_form_of,
)

if TYPE_CHECKING:
    pass


def cluster_people(forms: Sequence[Form], uf: UnionFind) -> None:
    """Full names join when surnames and given names match; surnames join one full name."""
    parsed = [(f, parse_person(f.text)) for f in forms]
    full = [(f, p) for f, p in parsed if p is not None and p.given]
    single = [(f, p) for f, p in parsed if p is not None and not p.given]
    if full:
        surnames = [p.surname_key for _, p in full]
        scores = process.cdist(
            surnames, surnames, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF, workers=-1
        )
        for a in range(len(full)):
            for b in range(a + 1, len(full)):
                if scores[a][b] and (
                    given_compatible(full[a][1].given_keys, full[b][1].given_keys)
                    or are_nicknames(full[a][1].given[0], full[b][1].given[0])
                ):
                    uf.union(full[a][0].mentions[0], full[b][0].mentions[0])
    # A lone surname joins the full name it belongs to, unless two different people share it.
    roots_by_surname: dict[int, set[int]] = defaultdict(set)
    if full and single:
        singles = [p.surname_key for _, p in single]
        surnames = [p.surname_key for _, p in full]
        scores = process.cdist(
            singles, surnames, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF, workers=-1
        )
        for a in range(len(single)):
            for b in range(len(full)):
                if scores[a][b]:
                    roots_by_surname[a].add(uf.find(full[b][0].mentions[0]))
        for a, roots in roots_by_surname.items():
            target = dominant_root(roots, full, uf)
            if target is not None:
                uf.union(single[a][0].mentions[0], target)
    # A lone given name ("Kathina" after "Kathina Thomas") joins the one person who has it,
    # when it is nobody's surname.
    given_roots: dict[str, set[int]] = defaultdict(set)
    for form, p in full:
        given_roots[p.given_keys[0]].add(uf.find(form.mentions[0]))
    surname_keys = {p.surname_key for _, p in full}
    for a, (form, p) in enumerate(single):
        if a in roots_by_surname or p.surname_key in surname_keys:
            continue
        roots = given_roots.get(p.surname_key, set())
        if len(roots) == 1:
            uf.union(form.mentions[0], next(iter(roots)))
            roots_by_surname[a] = roots
    # Lone names with no full form: join their spelling variants (Zelensky / Zelenski).
    loose = [single[a] for a in range(len(single)) if a not in roots_by_surname]
    if len(loose) > 1:
        keys = [p.surname_key for _, p in loose]
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF, workers=-1)
        for a in range(len(loose)):
            for b in range(a + 1, len(loose)):
                if scores[a][b]:
                    uf.union(loose[a][0].mentions[0], loose[b][0].mentions[0])


def dominant_root(
    roots: set[int], full: Sequence[tuple[Form, PersonName]], uf: UnionFind
) -> int | None:
    """The person a lone surname means: the only candidate, or one named far more often.

    News stories about Wladimir Klitschko mention his brother Vitali once or twice; a bare
    "Klitschko" then means Wladimir. With no clear majority we do not guess.
    """
    if len(roots) == 1:
        return next(iter(roots))
    counts: dict[int, int] = defaultdict(int)
    for form, _ in full:
        root = uf.find(form.mentions[0])
        if root in roots:
            counts[root] += len(form.mentions)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) >= 2 and ranked[0][1] >= 3 * ranked[1][1]:
        return ranked[0][0]
    return None


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree, allowing transliteration and initials (J. Biden / Joe Biden).

    A person named with several given names may go by a later one: "Luis Gerardo (Jerry)
    Ortiz" is "Jerry Ortiz" and "Gerardo Ortiz".
    """
    for many, one in ((a, b), (b, a)):
        if (
            len(many) > 1
            and len(one) == 1
            and len(one[0]) > 1
            and any(len(g) > 1 and _given_equal(g, one[0]) for g in many[1:])
        ):
            return True
    first_a, first_b = a[0], b[0]
    if short_form_of(first_a, first_b) or short_form_of(first_b, first_a):
        return True  # "Mo Cheeks" / "Maurice Cheeks"
    if len(first_a) == 1 or len(first_b) == 1:
        if first_a[0] == first_b[0]:
            return True
        # "W. Mark Felt" / "Mark Felt": a leading initial, then the name people use.
        return any(_given_equal(x, y) for x in a[1:] or a for y in b[1:] or b)
    return _given_equal(first_a, first_b)


def _given_equal(a: str, b: str) -> bool:
    """Same given name, allowing transliteration and short forms (Fred / Frederick)."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return fuzz.ratio(a, b) >= GIVEN_CUTOFF
