"""Rules that name a month or a season, or a week inside a month."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from newsdiff.lexicon.dates import (
    SEASON_MONTH,
    SEASONS,
)
from newsdiff.times.context import Context
from newsdiff.times.rules import rule
from newsdiff.times.rules.patterns import (
    EDGE,
    MONTH,
    MONTH_FULL,
    ORDINALS,
    SEASON,
    SPELLED_YEAR,
    YEAR,
)
from newsdiff.times.values import (
    DUMMY_YEAR,
    Result,
    When,
    month_of,
    pick_year,
    result,
    safe_date,
    spelled_year,
    year_of,
)


def _month_result(ctx: Context, month: int, year: int | None, start: int, end: int) -> Result:
    if year is None:
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}", When(dt.date(DUMMY_YEAR, month, 1), "M", False)
        year = pick_year(month, None, ctx.tense(start), ctx.dct)
    d = safe_date(year, month, 1)
    return result("DATE", When(d, "M"), "M") if d else None


@rule(
    "nth_week_of",
    r"\bthe\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
    rf"(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b",
    first="t",
)
def _h_nth_week_of(m: re.Match[str], ctx: Context) -> Result:
    month = month_of(m["mon"])
    if month is None:
        return None
    result = _month_result(ctx, month, year_of(m["y"]), m.start(), m.end())
    if result is None or result[2] is None:
        return ("DATE", "XXXX-WXX", None) if result else None
    first = result[2].date
    last_day = calendar.monthrange(first.year, month)[1]
    ordinal = m["ord"].lower()
    day = last_day - 3 if ordinal in ("last", "final") else (ORDINALS[ordinal] - 1) * 7 + 4
    when = When(first.replace(day=min(day, last_day)), "W")
    return "DATE", when.value(), when


_MONTH_CUES = frozenset(
    {"in", "since", "until", "till", "by", "during", "from", "through", "of", "before", "after",
     "last", "this", "next", "early", "late", "mid", "to", "and", "or", "between",
     "throughout", "around", "for", "on"}
)  # fmt: skip


def _g_month(m: re.Match[str], ctx: Context) -> bool:
    """A bare month name is a date only with a cue: "May" and "March" are also common words."""
    word = m["mon"]
    tok = ctx.token_at(m.start("mon"))
    if tok is not None and tok.tag_ == "MD":
        return False
    if m["rel"] or m["yrel"]:
        return True
    if (
        word.lower() in ("may", "march")
        and tok is not None
        and any(c.dep_ == "det" for c in tok.children)
    ):
        return False  # "the annual March for Life": a noun with its own article
    before = ctx.words_before(m.start(), 1)
    if before and before[-1] in _MONTH_CUES:
        return True
    nxt = ctx.text[m.end() : m.end() + 2]
    if word.lower() in ("may", "march") and not ctx.in_date_ent(m.start(), m.end()):
        return False
    # "June Carter": a capitalised word right after makes it a name, unless NER says DATE.
    return not (re.match(r"\s[A-Z]", nxt) and not ctx.in_date_ent(m.start(), m.end()))


@rule(
    "month_year",
    rf"\b(?:(?P<rel>{EDGE})[\s-]+)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})\b",
    first="adefjlmnost",
)
@rule(
    "month",
    rf"\b(?:(?P<rel>last|next|this|{EDGE})[\s-]+)?(?P<mon>{MONTH_FULL})\b(?!-)"
    r"(?:\s+(?P<yrel>last|this|next)\s+year\b)?",
    first="adefjlmnost",
    guard=_g_month,
)
def _h_month(m: re.Match[str], ctx: Context) -> Result:
    month = month_of(m["mon"])
    if month is None:
        return None
    rel = (m["rel"] or "").lower()
    year = year_of(m["y"]) if "y" in m.re.groupindex else None
    yrel = m["yrel"].lower() if "yrel" in m.re.groupindex and m["yrel"] else None
    if yrel is not None and ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(yrel, 0)
    if year is None and ctx.dct is not None and rel in ("last", "next", "this"):
        dct = ctx.dct
        if rel == "last":
            year = dct.year if month < dct.month else dct.year - 1
        elif rel == "next":
            year = dct.year if month > dct.month else dct.year + 1
        else:
            year = dct.year
    return _month_result(ctx, month, year, m.start(), m.end())


_SEASON_CUES = frozenset(
    {"in", "during", "by", "until", "since", "through", "throughout", "over", "into", "for"}
)


def _g_season(m: re.Match[str], ctx: Context) -> bool:
    if m["y"] or m["sp"] or (m["rel"] and m["rel"].lower() not in ("the",)):
        return True
    after = ctx.text[m.end() : m.end() + 6].lower()
    before = ctx.words_before(m.start(), 1)
    return not after.startswith((" of", " in")) and bool(before) and before[-1] in _SEASON_CUES


@rule(
    "season",
    r"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the|early|late|mid)[\s-]+)?"
    rf"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+of\s+(?P<sp>{SPELLED_YEAR}))?\b",
    first="aeflmnstw",
    guard=_g_season,
)
def _h_season(m: re.Match[str], ctx: Context) -> Result:
    code = SEASONS[m["s"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    year = year_of(m["y"]) or (spelled_year(m["sp"]) if m["sp"] else None)
    if year is None:
        if ctx.dct is None:
            return "DATE", f"XXXX-{code}", None
        dct = ctx.dct
        start_month = SEASON_MONTH[code]
        if rel in ("last", "this past"):
            year = dct.year if start_month + 2 < dct.month else dct.year - 1
        elif rel in ("next", "this coming"):
            year = dct.year if start_month > dct.month else dct.year + 1
        elif rel == "this":
            year = dct.year
        else:
            year = pick_year(start_month + 1, None, ctx.tense(m.start()), dct)
    d = safe_date(year, SEASON_MONTH[code], 1)
    if d is None:
        return None
    when = When(d, "S", True, code)
    return "DATE", when.value(), when
