"""Values of one slot compared across sources: dates and times by resolved value, figures by
normalised value, and the merged differences they make.

"Jan. 13" and "the following day" that resolves to it are one date; "Monday" and "Thursday"
exclude each other even without a calendar; "more than 10,000" and "10,000" are one figure
with an added qualifier; "48 pages" and "47 pages" conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsdiff.claim_facts import SentenceDetail
from newsdiff.claim_numbers import compatible_numbers, qualifier_class
from newsdiff.model import Difference, DifferenceClass


@dataclass(slots=True)
class Found:
    """Differences found pairwise, merged per (kind, class) with each source's values."""

    items: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)

    def add(self, kind: str, cls: str, values: Mapping[str, Iterable[str]]) -> None:
        slot = self.items.setdefault((kind, cls), {})
        for src, vals in values.items():
            own = slot.setdefault(src, [])
            for v in vals:
                if v and v not in own:
                    own.append(v)

    def differences(self, sources: Sequence[str]) -> tuple[Difference, ...]:
        order = {"conflict": 0, "addition": 1, "wording": 2}
        out = []
        for (kind, cls), vals in sorted(self.items.items(), key=lambda kv: order[kv[0][1]]):
            values = {src: ", ".join(vals.get(src, [])) or "—" for src in sources}
            klass: DifferenceClass = (
                "conflict"
                if cls == "conflict"
                else ("addition" if cls == "addition" else "wording")
            )
            out.append(Difference(kind, values, klass))
        return tuple(out)


def compatible_dates(x: str, y: str) -> bool:
    """Values at different granularity that do not exclude each other (2022-01 / 2022-01-13);
    a value with unknown parts matches wherever its known parts agree ("Monday" XXXX-WXX-1 /
    "Thursday" XXXX-WXX-4 exclude each other, "Sept 27" XXXX-09-27 / 2003-09-27 do not)."""
    if x.startswith(y) or y.startswith(x):
        return True
    if "X" in x or "X" in y:
        return _vague_compatible(x, y)
    import datetime as dt

    for day, week in ((x, y), (y, x)):
        if "-W" in week and len(day) >= 10 and day[:10].count("-") == 2:
            try:
                iso = dt.date.fromisoformat(day[:10]).isocalendar()
            except ValueError:
                return False
            return f"{iso[0]}-W{iso[1]:02d}" == week[:8]
    return False


def _vague_compatible(x: str, y: str) -> bool:
    if "T" in x and "T" in y and ("X" in x.split("T")[0] or "X" in y.split("T")[0]):
        # Times of day whose day is unknown (or borrowed from a nearby sentence): the clock.
        return x.split("T")[1] == y.split("T")[1]
    if ("-W" in x) != ("-W" in y):
        return True  # a weekday and a calendar date: no calendar to compare them on
    for cx, cy in zip(x.split("T")[0], y.split("T")[0], strict=False):
        if cx != cy and "X" not in (cx, cy):
            return False
    return True


def with_vague(detail: SentenceDetail, time: bool) -> Mapping[str, str]:
    own = detail.time_text if time else detail.date_text
    vague = {k: v for k, v in detail.vague_dates.items() if ("T" in k) == time}
    return {**own, **vague} if vague else own


def compare_dates(
    found: Found,
    kind: str,
    a: str,
    b: str,
    da: SentenceDetail,
    db: SentenceDetail,
    texts: tuple[Mapping[str, str], Mapping[str, str]],
) -> None:
    va, vb = set(texts[0]), set(texts[1])
    only_a = {x for x in va if not any(compatible_dates(x, y) for y in vb)}
    only_b = {y for y in vb if not any(compatible_dates(x, y) for x in va)}
    event_a = only_a & da.event_dates
    event_b = only_b & db.event_dates
    if event_a and event_b:
        found.add(
            kind,
            "conflict",
            {a: [texts[0][x] for x in sorted(event_a)], b: [texts[1][y] for y in sorted(event_b)]},
        )
        only_a -= event_a
        only_b -= event_b
    if only_a or only_b:
        # "said Thursday" where the other source names no day: without a publication date a
        # weekday or a day of an unknown year pins down nothing to check, so it weighs as any
        # other detail; two days that exclude each other stay a fact.
        vague = all("X" in v for v in only_a | only_b) and not (only_a and only_b)
        found.add(
            kind,
            "soft" if vague else "addition",
            {a: [texts[0][x] for x in sorted(only_a)], b: [texts[1][y] for y in sorted(only_b)]},
        )


def compare_numbers(found: Found, a: str, b: str, da: SentenceDetail, db: SentenceDetail) -> None:
    by_value_b = {n.value: n for n in db.numbers}
    by_value_a = {n.value: n for n in da.numbers}
    only_a = [n for n in da.numbers if n.value not in by_value_b]
    only_b = [n for n in db.numbers if n.value not in by_value_a]
    # A rounded or qualified figure next to a precise one: the precise one adds digits.
    for n in list(only_a):
        m = next((m for m in only_b if m.unit == n.unit and compatible_numbers(n, m)), None)
        if m is not None:
            only_a.remove(n)
            only_b.remove(m)
            found.add("number", "addition", {a: [n.text], b: [m.text]})
    for n in da.numbers:
        m = by_value_b.get(n.value)
        if m is not None and qualifier_class(n) != qualifier_class(m):
            # "more than 10,000" sets a bound the bare figure lacks: an addition. "about $124
            # million" / "$124 million" give one figure, one of them marked as rounded: no
            # fact is added either way, it is wording.
            approximate = {qualifier_class(n), qualifier_class(m)} == {"about", ""}
            cls = "wording" if approximate else "addition"
            found.add("number", cls, {a: [n.text], b: [m.text]})
    paired_b: set[int] = set()
    rest_a = []
    for n in only_a:
        j = next(
            (k for k, m in enumerate(only_b) if k not in paired_b and m.unit == n.unit and n.unit),
            None,
        )
        if j is None:
            rest_a.append(n)
            continue
        paired_b.add(j)
        found.add("number", "conflict", {a: [n.text], b: [only_b[j].text]})
    rest_b = [m for k, m in enumerate(only_b) if k not in paired_b]
    if rest_a or rest_b:
        found.add("number", "addition", {a: [n.text for n in rest_a], b: [m.text for m in rest_b]})


def other_moment(pair: Found, a: str, b: str, contested: frozenset[str]) -> None:
    """Figures given at two moments ("at 654 pence by 1018 GMT" / "at 652 pence by 0835 GMT")
    or of things each source describes its own way ("private colleges" / "public colleges")
    are two quantities, not two values of one: each source adds its own."""
    # Two dates of one event that exclude each other are a conflict about that event; its
    # figures are still compared.
    times = [
        pair.items.get((kind, cls)) for kind in ("time", "date") for cls in ("addition", "soft")
    ]
    moments = any(t and t.get(a) and t.get(b) for t in times)
    if not moments and not contested:
        return
    slot = pair.items.pop(("number", "conflict"), None)
    if slot:
        pair.add("number", "addition", slot)
