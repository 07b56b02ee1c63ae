"""Figures as the claim comparison reads them: value, qualifier ("more than") and unit.

"eight cents" = "8 cents", "Thirty-seven per cent" = "37%"; "more than 10,000" keeps its
qualifier; "$40 million" is "$39.5 million" written to coarser digits. Kept apart from
:mod:`newsdiff.claim_facts`, which reads the rest of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.lexicon.numbers import COUNT_WORDS, ONES, SCALES, TENS

if TYPE_CHECKING:
    from spacy.tokens import Span

#: Focus words in front of a figure that leave its value as it is ("only $40 million",
#: "fell as low as $4.18 billion": the figure reached is the figure).
_NEUTRAL = ("only ", "just ", "a mere ", "as low as ", "as high as ")
#: Qualifiers that say the same about a figure: a lower bound, an upper bound, or an estimate.
#: "more than 100" and "over 100" are one claim in other words; "about 100" is not "over 100".
QUALIFIER_CLASS = {
    **dict.fromkeys(
        ("more than", "over", "above", "at least", "just over", "well over", "upwards of"),
        "above",
    ),
    **dict.fromkeys(
        ("less than", "fewer than", "under", "below", "just under", "well under"), "below"
    ),
    **dict.fromkeys(("up to", "as many as", "as much as", "at most"), "at most"),
    **dict.fromkeys(("nearly", "almost"), "nearly"),
    **dict.fromkeys(
        ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated"),
        "about",
    ),
}
#: Every qualifier, longest first, so "just over" is read before "over".
_QUALIFIERS = tuple(sorted(QUALIFIER_CLASS, key=len, reverse=True))
_WORD_NUMBERS = {**ONES, **TENS, **SCALES, **COUNT_WORDS}
_SCALES = {**SCALES, "dozen": COUNT_WORDS["dozen"]}
_NUMERIC = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_CURRENCY = re.compile(r"^(us\$|c\$|a\$|\$|€|£|¥)\s*|\s*(dollars?|euros?|pounds?|yen|usd|eur)$")


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A number as a value, a qualifier ("more than") and what it counts ("page", "job")."""

    value: str
    qualifier: str
    unit: str
    text: str


def is_qualifier(text: str) -> bool:
    """ "less than" tagged alone: a bound with no figure."""
    return text.lower().strip() in _QUALIFIERS


def split_qualifier(text: str) -> tuple[str, str]:
    """("more than 10,000") -> ("more than", "10,000"): the qualifier is kept, not dropped."""
    t = " ".join(text.lower().split())
    for neutral in _NEUTRAL:
        t = t.removeprefix(neutral)
    for q in _QUALIFIERS:
        if t.startswith(q + " "):
            return q, t[len(q) + 1 :]
    return "", t


def normalise_number(text: str) -> str:
    """A comparable value: "two" -> 2, "1,500" -> 1500, "Thirty-seven per cent" -> 37%.

    Qualifiers ("about", "more than") are not part of the value; see :func:`split_qualifier`.
    """
    _, t = split_qualifier(text)
    percent = t.endswith("%") or t.endswith(" percent") or t.endswith(" per cent")
    t = t.rstrip("%").replace(" per cent", "").replace(" percent", "").strip()
    t = _CURRENCY.sub("", t).strip()
    words = t.replace("-", " ").split()
    count = 0  # leading words that spell the number; the rest is its unit ("eight cents")
    while count < len(words) and (words[count] in _WORD_NUMBERS or _NUMERIC.match(words[count])):
        count += 1
    if count and words[0] in {"a", "an"} and count == 1:
        count = 0  # "a dozen" counts, "a day" does not
    value: float | None = None
    if count:
        total, current = 0.0, 0.0
        for w in words[:count]:
            n = float(w.replace(",", "")) if _NUMERIC.match(w) else float(_WORD_NUMBERS[w])
            if w in _SCALES:
                current = max(current, 1.0) * n
                if n >= 1000:
                    total += current
                    current = 0.0
            else:
                current += n
        value = total + current
    if value is None:
        return " ".join(words)
    unit = " ".join(words[count:])
    rendered = f"{value:.10g}" if value < 1e15 else str(value)
    return rendered + ("%" if percent else "") + (f" {unit}" if unit else "")


def number_fact(ent: Span) -> NumberFact:
    """Value, qualifier and unit of a number entity, the unit read from the parse: the noun
    the number modifies ("48-page indictment" -> page), or the label for money and percent."""
    qualifier, _ = split_qualifier(ent.text)
    if not qualifier:
        # Up to three words: "as many as", "as much as" ("killed as many as 29 people").
        before = ent.doc[max(ent.start - 3, ent.sent.start) : ent.start].text.lower()
        qualifier = next((q for q in _QUALIFIERS if before.endswith(q)), "")
    if ent.label_ in {"MONEY", "PERCENT"}:
        unit = ent.label_.lower()
    else:
        root = ent.root
        unit = ""
        if (
            root.dep_ in {"nummod", "quantmod", "compound", "amod", "npadvmod"}
            and root.head.i >= ent.end
        ):
            unit = root.head.lemma_.lower()
        elif not (root.like_num or root.lower_ in _WORD_NUMBERS):
            unit = root.lemma_.lower()  # "48-page": the unit is inside the entity
        else:
            pobj = next(
                (
                    g
                    for c in root.children
                    if c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            unit = pobj.lemma_.lower() if pobj is not None else ""
    return NumberFact(normalise_number(ent.text), qualifier, unit, ent.text)


def untagged_figures(
    sent: Span,
    number_ents: Sequence[Span],
    covered: Sequence[tuple[int, int]],
    token_entity: Mapping[int, str],
) -> list[NumberFact]:
    """Figures written in digits that the tagger left out, as it does in title-case headlines
    ("Landslide Buries 23 at Peruvian Mining Camp", where "23" is guessed a DATE that
    no time expression took): a number of its own."""
    from spacy.tokens import Span

    tagged = [(e.start, e.end) for e in number_ents]
    out = []
    for t in sent:
        if not (t.like_num and any(c.isdigit() for c in t.text)) or t.ent_type_ not in {"", "DATE"}:
            continue
        if t.ent_type_ == "DATE" and t.dep_ not in {"dobj", "nsubj", "nsubjpass"}:
            continue  # "Lee, 33," / "who was 87": an age, which the tagger calls a DATE
        if t.i > sent.start and t.nbor(-1).pos_ == "PROPN":
            continue  # "OpForce 3.0", "Boeing 747": part of a name
        if t.i in token_entity or any(s <= t.i < e for s, e in tagged):
            continue
        if any(s <= t.idx < e for s, e in covered):
            continue
        after = [x.lower_ for x in sent.doc[t.i + 1 : min(t.i + 3, sent.end)]]
        width = 2 if after[:1] in (["percent"], ["%"]) else 3 if after == ["per", "cent"] else 1
        label = "PERCENT" if width > 1 else "CARDINAL"
        out.append(number_fact(Span(sent.doc, t.i, t.i + width, label=label)))
    return out


def pronoun_one(ent: Span) -> bool:
    """ "one of the first steps", "the one who": "one" standing for a noun is a pronoun, not a
    count ("one man" counts)."""
    if ent.label_ != "CARDINAL" or ent.text.lower() != "one":
        return False
    root = ent.root
    return not (root.dep_ == "nummod" and root.head.pos_ in {"NOUN", "PROPN"})


def precision(fact: NumberFact) -> float | None:
    """The unit of the last written digit: "$40 million" -> 1,000,000, "39.5" -> 0.1."""
    m = re.search(
        r"(\d[\d,]*)(?:\.(\d+))?\s*(hundred|thousand|million|billion|trillion|bn|m)?\b",
        fact.text.lower(),
    )
    if m is None:
        return None
    word = m.group(3) or ""
    scale = {"bn": 10**9, "m": 10**6}.get(word, SCALES.get(word, 1))
    decimals = len(m.group(2) or "")
    return float(scale) / float(10**decimals)


def _magnitude(value: str) -> tuple[float, int] | None:
    """The number in a normalised value and its decimals: "17.3%" -> (17.3, 1)."""
    m = re.match(r"^(\d+(?:\.(\d+))?)", value)
    if m is None:
        return None
    return float(m.group(1)), len(m.group(2) or "")


def compatible_numbers(x: NumberFact, y: NumberFact) -> bool:
    """Two numbers that can both be true of one quantity: one is the other rounded or cut to
    fewer digits ("17 percent" / "17.3 percent", "$40 million" / "$39.5 million"), or its
    qualifier admits the other ("more than 6 percent" / "6.4 percent")."""
    mx, my = _magnitude(x.value), _magnitude(y.value)
    if mx is None or my is None:
        return x.value == y.value
    (vx, dx), (vy, dy) = mx, my
    if vx == vy:
        return True
    estimates = {QUALIFIER_CLASS.get(x.qualifier), QUALIFIER_CLASS.get(y.qualifier)}
    if estimates <= {"about", "nearly"} and abs(vx - vy) <= 0.1 * max(abs(vx), abs(vy)):
        return True  # "about 320 miles" / "about 300 miles": two estimates that overlap
    if x.qualifier and y.qualifier:  # "up to 1,000" / "up to 1,200": two different bounds
        return False
    for q, v, other in ((x.qualifier, vx, vy), (y.qualifier, vy, vx)):
        kind = QUALIFIER_CLASS.get(q)
        if (kind == "above" and other > v) or (kind in {"below", "at most"} and other < v):
            return True
        if kind in {"about", "nearly"} and abs(other - v) <= 0.1 * max(abs(v), 1e-9):
            return True
    # One figure written to coarser digits than the other: "$40 million" (to the million) is
    # "$39.5 million" rounded, "17 percent" is "17.3 percent" cut; two figures written to the
    # same digits ("48 pages" / "47 pages") are two values.
    px, py = precision(x), precision(y)
    if px is None or py is None:
        px, py = 10.0**-dx, 10.0**-dy
    if abs(px - py) <= 1e-12 * max(px, py):
        return False
    coarse, fine, step = (vx, vy, px) if px > py else (vy, vx, py)
    return abs(fine - coarse) <= step / 2 * (1 + 1e-9) or 0 <= fine - coarse < step


def qualifier_class(n: NumberFact) -> str:
    """The kind of bound a figure's qualifier sets ("over" and "more than" are one)."""
    return QUALIFIER_CLASS.get(n.qualifier, n.qualifier)
