"""Find time expressions: rule matches, the longest-first selection, then the after-passes."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.model import TimeExpr, TimeType
from newsdiff.times.context import Context, parse_dct
from newsdiff.times.rules import Rule, grammar
from newsdiff.times.values import DUMMY_YEAR, When, duration_value, safe_date

if TYPE_CHECKING:  # spaCy is only needed for typing: importing this module must stay cheap.
    from spacy.tokens import Doc


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    match: re.Match[str]


def _candidates(ctx: Context) -> Iterator[_Candidate]:
    for order, (rule, pattern) in enumerate(grammar()):
        narrowed = "x" in pattern.groupindex
        for m in pattern.finditer(ctx.text):
            start, end = m.span("x") if narrowed else m.span()
            while end > start and ctx.text[end - 1] in " \t\n,":
                end -= 1
            if end <= start:
                continue
            if rule.guard is not None and not rule.guard(m, ctx):
                continue
            yield _Candidate(start, end, order, rule, m)


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest match wins; ties go to the rule listed first. Chosen spans never overlap.

    Chosen spans are disjoint, so kept sorted by start only the neighbours of a candidate's
    place can overlap it: a bisection instead of a scan of every chosen span, which made a
    megabyte of dated prose quadratic.
    """
    chosen: list[_Candidate] = []
    starts: list[int] = []
    ends: list[int] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        at = bisect.bisect_right(starts, cand.start)
        if at and ends[at - 1] > cand.start:
            continue  # the chosen span starting at or before this one reaches into it
        if at < len(starts) and starts[at] < cand.end:
            continue  # the next chosen span starts inside this one
        starts.insert(at, cand.start)
        ends.insert(at, cand.end)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def extract_times(doc: Doc, source_id: str, published: str | None) -> list[TimeExpr]:
    """Find temporal expressions and resolve them to TIMEX3 values.

    Relative expressions resolve against ``published`` (the document creation time); without
    it, years stay unknown (``XXXX-06``) and weekdays unresolved (``XXXX-WXX-4``). Anchored
    expressions ("the following day") resolve against the latest date mentioned before them,
    which is what tells a reader that a second meeting is on the 13th.

    Args:
        doc: A spaCy Doc; tags, parse and entities are used when present, not required.
        source_id: Id of the source the Doc was made from (copied into each TimeExpr).
        published: ISO date ``YYYY-MM-DD`` of publication, or None.

    Returns:
        Expressions in text order, with ``doc.text[start:end] == text``.
    """
    ctx = Context(doc, parse_dct(published))
    found: list[_Found] = []
    for cand in _select(list(_candidates(ctx))):
        result = cand.rule.handler(cand.match, ctx)
        if result is None:
            continue
        typ, value, when = result
        if when is not None:
            ctx.history.append((cand.start, when))
            if when.gran in ("Q", "H"):
                ctx.periods.append((cand.start, when))
        elif typ == "DURATION" and cand.rule.is_total(value):
            ctx.periods.append((cand.start, None))
        clock = cand.rule.is_clock(cand.match)
        found.append(_Found(cand.start, cand.end, typ, value, clock))
    found = _attach_clock_dates(ctx, found)
    found = _attach_day_offsets(ctx, found)
    found = _entity_fallback(ctx, found)
    return [
        TimeExpr(source_id, f.start, f.end, ctx.text[f.start : f.end], f.type, f.value)
        for f in found
    ]


_CLOCK_DAY_REACH = 300  # characters: about two sentences back


_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    type: TimeType
    value: str
    clock: bool


_VAGUE_SPAN = re.compile(
    r"(?:the\s+)?(?:(?:early|first|last|past|next|coming|following|recent|intervening)\s+)?"
    r"(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:\s+ahead)?",
    re.IGNORECASE,
)


def _entity_fallback(ctx: Context, found: list[_Found]) -> list[_Found]:
    """Add spaCy DATE/TIME entities the grammar has no rule for when they are vague spans.

    The statistical NER finds bare plurals the grammar only takes after a preposition ("the
    years that followed", "the weeks ahead"); they become durations with an unknown count.
    """
    taken = [(f.start, f.end) for f in found]
    extra: list[_Found] = []
    for start, end in ctx.date_ents:
        if any(start < e and s < end for s, e in taken):
            continue
        m = _VAGUE_SPAN.fullmatch(ctx.text[start:end])
        if m is None or re.fullmatch(r"the\s+\w+", m.group(0), re.IGNORECASE):
            continue  # "in the days before the vote" is a period, not a duration
        value = duration_value(None, m["u"])
        if value is not None:
            extra.append(_Found(start, end, "DURATION", value, False))
    return sorted([*found, *extra], key=lambda f: f.start) if extra else found


_DAY_OFFSET_BEFORE = re.compile(r"(?:\bthe\s+)?\bday\s+(?P<dir>before|after)\s+\Z", re.IGNORECASE)


def _attach_day_offsets(ctx: Context, found: list[_Found]) -> list[_Found]:
    """ "the day before last Tuesday's hearing": one expression, a day off the date it names.

    The grammar's "the day before" rule only takes the phrase on its own; followed by a date,
    the phrase moves that date, which is resolved by then.
    """
    out: list[_Found] = []
    for f in found:
        m = d = None
        if f.type == "DATE" and _DAY_VALUE.fullmatch(f.value):
            m = _DAY_OFFSET_BEFORE.search(ctx.text, max(0, f.start - 20), f.start)
            known = f.value[:4].isdigit()
            year = int(f.value[:4]) if known else DUMMY_YEAR
            d = safe_date(year, int(f.value[5:7]), int(f.value[8:10]))
        if m is None or d is None or (out and out[-1].end > m.start()):
            out.append(f)
            continue
        day = When(d + dt.timedelta(days=-1 if m["dir"].lower() == "before" else 1), "D", known)
        out.append(_Found(m.start(), f.end, "DATE", day.value(), f.clock))
    return out


def _attach_clock_dates(ctx: Context, found: list[_Found]) -> list[_Found]:
    """Give clock times the day named in their sentence ("10 p.m. Wednesday", "at noon on ..."),
    or else the day mentioned just before, or else the publication date.

    A clock time directly followed by its day becomes one TIME expression, as TimeML spans it.
    """
    out: list[_Found] = []
    skip: set[int] = set()
    for i, f in enumerate(found):
        if i in skip:
            continue
        if not f.clock or "T" not in f.value:
            out.append(f)
            continue
        suffix = f.value[f.value.index("T") :]
        s0, s1 = ctx.sentence_bounds(f.start)
        days = [
            (j, other)
            for j, other in enumerate(found)
            if j != i
            and s0 <= other.start < s1
            and other.type == "DATE"
            and _DAY_VALUE.fullmatch(other.value)
        ]
        if days:
            j, day = min(days, key=lambda jd: abs(jd[1].start - f.start))
            f = _Found(f.start, f.end, "TIME", day.value + suffix, True)
            gap = ctx.text[f.end : day.start]
            if j == i + 1 and re.fullmatch(r"\s*,?\s*(?:on\s+)?", gap):
                f = _Found(f.start, day.end, "TIME", day.value + suffix, True)
                skip.add(j)
        else:
            # No day in the sentence: the day the story was just talking about, if close by.
            recent = [
                other
                for other in found[:i]
                if other.type == "DATE"
                and _DAY_VALUE.fullmatch(other.value)
                and f.start - other.end <= _CLOCK_DAY_REACH
            ]
            if recent:
                f = _Found(f.start, f.end, "TIME", recent[-1].value + suffix, True)
        out.append(f)
    return out
