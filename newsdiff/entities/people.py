"""People: full names, lone surnames and lone given names that name one person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from newsdiff.entities.records import GIVEN_CUTOFF, NAME_CUTOFF, SURNAME_CUTOFF, Form
from newsdiff.names import (
    NAME_SUFFIXES,
    SURNAME_PARTICLES,
    PersonName,
    are_nicknames,
    is_given_name,
    parse_person,
    short_form_of,
)
from newsdiff.unionfind import UnionFind

Parsed = list[tuple[Form, PersonName]]


def cluster_people(forms: Sequence[Form], uf: UnionFind) -> None:
    """Full names join when surnames and given names match; surnames join one full name.

    Run in this order: later steps see the people the earlier ones made.
    """
    parsed = _parse_people(forms)
    full = [(f, p) for f, p in parsed if p.given]
    single = [(f, p) for f, p in parsed if not p.given]
    _link_full_names(full, uf)
    placed = _link_lone_surnames(full, single, uf)
    placed |= _link_lone_given_names(full, single, uf, placed)
    _link_lone_variants([s for a, s in enumerate(single) if a not in placed], uf)


def _parse_people(forms: Sequence[Form]) -> Parsed:
    """Each person form split into given names, surname and suffix.

    A double surname shows in the story itself: "Peña Nieto" used alone beside "Enrique Peña
    Nieto", and "Peña" used as a surname too ("Enrique Peña", "Peña said"), make "Peña Nieto"
    the surname (not the given name "Peña"), unless "Peña" is a known given name ("Mary Ann
    Smith" / "Ann Smith"). Without the second clue "Gerardo Ortiz" beside "Luis Gerardo
    Ortiz" is a person going by a second given name.
    """
    words = {f.text: f.text.split() for f in forms}
    as_surname = {w[-1] for w in words.values() if w and w[-1][:1].isupper()}
    doubles: set[tuple[str, str]] = set()
    for f in forms:
        w = words[f.text]
        if (
            len(w) == 2
            and w[0] in as_surname
            and w[1].lower().rstrip(".") not in NAME_SUFFIXES
            and not is_given_name(w[0])
            and w[0].lower() not in SURNAME_PARTICLES
            and any(len(g) >= 3 and g[-2:] == w for g in words.values())
        ):
            doubles.add((w[0], w[1]))
    out: Parsed = []
    for f in forms:
        w = words[f.text]
        double = len(w) >= 2 and (w[-2], w[-1]) in doubles
        p = parse_person(f.text, surname_words=2 if double else 1)
        if p is not None:
            out.append((f, p))
    return out


def _surnames_match(p: PersonName, q: PersonName) -> bool:
    """Same surname, or one is the first of the other's double surname (Peña / Peña Nieto).

    Spanish and Portuguese names go by the first surname alone, never by the second.
    """
    keys_p = {p.surname_key, p.first_surname_key}
    keys_q = {q.surname_key, q.first_surname_key}
    if p.surname_key != p.first_surname_key and q.surname_key != q.first_surname_key:
        keys_p, keys_q = {p.surname_key}, {q.surname_key}  # two double surnames: both words
    return any(fuzz.ratio(x, y) >= SURNAME_CUTOFF for x in keys_p for y in keys_q)


def _middles(p: PersonName) -> str:
    """Initials of the given names after the first ("hw" of George H.W. Bush)."""
    return "".join(g[0].lower() for g in p.given[1:])


def _middles_conflict(p: PersonName, q: PersonName) -> bool:
    """ "George H.W. Bush" / "George W. Bush": both give middle initials, and they differ.

    Only initials count: written-out middle names vary with transliteration and nicknames.
    """
    if not all(len(g) == 1 for g in (*p.given[1:], *q.given[1:])):
        return False
    a, b = _middles(p), _middles(q)
    return bool(a and b) and not (a.startswith(b) or b.startswith(a))


def _relatives(f: Form, p: PersonName, g: Form, q: PersonName) -> bool:
    """Two relatives of one name, told apart by a suffix or by middle initials.

    Jr. and Sr. are always two people. A suffix on one name only ("Jesse Jackson Jr." /
    "Jesse Jackson") or other middle initials ("George H.W. Bush" / "George W. Bush") mean
    two people when the story speaks of family around either name; otherwise the suffix or
    initial was just left out ("Cal Ripken Jr." ... "Cal Ripken").
    """
    if p.suffix and q.suffix:
        return p.suffix != q.suffix
    if p.suffix == q.suffix and not _middles_conflict(p, q):
        return False
    return f.family or g.family


def _link_full_names(full: Parsed, uf: UnionFind) -> None:
    """Full names join when surname, given names and suffix agree.

    "Joe Biden" / "J. Biden"; not "Jesse Jackson" / "Jesse Jackson Jr." (a suffix is another
    person) nor "George H.W. Bush" / "George W. Bush" (other middle initials). A name with no
    middle initial ("George Bush") joins one with only when no other middle initial competes.
    """
    if not full:
        return
    keys = [p.surname_key for _, p in full]
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF, workers=-1)
    partners: dict[int, list[int]] = defaultdict(list)
    for a in range(len(full)):
        for b in range(a + 1, len(full)):
            p, q = full[a][1], full[b][1]
            if not (scores[a][b] or _surnames_match(p, q)):
                continue
            if _relatives(full[a][0], p, full[b][0], q):
                continue
            if not (
                given_compatible(p.given_keys, q.given_keys)
                or are_nicknames(p.given[0], q.given[0])
            ):
                continue
            if bool(_middles(p)) == bool(_middles(q)):
                uf.union(full[a][0].mentions[0], full[b][0].mentions[0])
            else:  # decided below, once the names with middle initials are grouped
                partners[a].append(b)
                partners[b].append(a)
    for a, others in partners.items():
        if _middles(full[a][1]):
            continue
        spelled = [full[b][1] for b in others]
        if any(_middles_conflict(x, y) for x in spelled for y in spelled):
            continue  # "George Bush" beside two Georges Bush of other middle initials
        for b in others:
            uf.union(full[a][0].mentions[0], full[b][0].mentions[0])


def _link_lone_surnames(full: Parsed, single: Parsed, uf: UnionFind) -> set[int]:
    """A lone surname joins the full name it belongs to, unless two people share it.

    "Scholz" / "Olaf Scholz"; "Whitfield Jr." only joins a Whitfield Jr.; "Peña" joins
    "Enrique Peña Nieto". Returns the lone names placed.
    """
    roots_by_surname: dict[int, set[int]] = defaultdict(set)
    if not full or not single:
        return set()
    for a, (f, p) in enumerate(single):
        for g, q in full:
            if p.suffix and q.suffix != p.suffix and (q.suffix or f.family or g.family):
                continue
            if _surnames_match(p, q) and (
                p.surname_key != p.first_surname_key
                or q.surname_key == q.first_surname_key
                or fuzz.ratio(p.surname_key, q.first_surname_key) >= SURNAME_CUTOFF
            ):
                roots_by_surname[a].add(uf.find(g.mentions[0]))
    for a, roots in roots_by_surname.items():
        target = dominant_root(roots, full, uf)
        if target is not None:
            uf.union(single[a][0].mentions[0], target)
    return set(roots_by_surname)


def _link_lone_given_names(
    full: Parsed, single: Parsed, uf: UnionFind, placed: set[int]
) -> set[int]:
    """A lone given name joins the one person who has it, when it is nobody's surname.

    "Kathina" / "Kathina Thomas". Returns the lone names placed.
    """
    given_roots: dict[str, set[int]] = defaultdict(set)
    for form, p in full:
        given_roots[p.given_keys[0]].add(uf.find(form.mentions[0]))
    surname_keys = {p.surname_key for _, p in full}
    done: set[int] = set()
    for a, (form, p) in enumerate(single):
        if a in placed or p.surname_key in surname_keys:
            continue
        roots = given_roots.get(p.surname_key, set())
        if len(roots) == 1:
            uf.union(form.mentions[0], next(iter(roots)))
            done.add(a)
    return done


def _link_lone_variants(loose: Parsed, uf: UnionFind) -> None:
    """Lone names with no full form join their spelling variants (Zelensky / Zelenski)."""
    if len(loose) < 2:
        return
    keys = [p.surname_key for _, p in loose]
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF, workers=-1)
    for a in range(len(loose)):
        for b in range(a + 1, len(loose)):
            if scores[a][b] and loose[a][1].suffix == loose[b][1].suffix:
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
