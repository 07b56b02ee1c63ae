"""Rules for quarters and halves of a year, and the periods earnings reports compare."""

from __future__ import annotations

import re

from newsdiff.times.context import Context, relative
from newsdiff.times.rules import rule
from newsdiff.times.rules.patterns import (
    ORDINALS,
    YEAR,
)
from newsdiff.times.values import (
    Result,
    When,
    result,
    safe_date,
    shift,
    year_of,
)


def _g_quarter(m: re.Match[str], ctx: Context) -> bool:
    if m["ord"] or m["yr1"] or m["yrel"]:
        return True
    # "the quarter" on its own: TimeML marks it, but "a quarter of" is a fraction.
    return bool(m["the"]) and not re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4])


@rule(
    "quarter",
    rf"\b(?P<the>the\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+)?"
    rf"(?:(?P<yr1>{YEAR})(?:'s)?\s+)?"
    r"(?:(?:comparable|corresponding)\s+)?(?:(?P<ya>year[\s-](?:ago|earlier))\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|"
    r"previous|past|year-ago|year-earlier|year\s+ago|same|next|coming|recent|"
    r"just-ended|this|comparable|corresponding)?(?:[\s-]+(?:fiscal|calendar))?[\s-]*(?P<q>quarter|half|period)"
    rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<yr2>{YEAR})|\s+of\s+(?P<rel>this|last|next)"
    r"\s+year|\s+(?P<ya2>a\s+year\s+(?:ago|earlier)|last\s+year))?"
    r"\b(?!\s+(?:of\s+(?:a|an|the|its|his|her|their)\b|century|mile|point)|-(?:to|over|on)-)",
    guard=_g_quarter,
)
def _h_quarter(m: re.Match[str], ctx: Context) -> Result:
    """A quarter or half; "the year-ago third quarter", "the period a year ago" go back a year."""
    result = _quarter(m, ctx)
    if not (m["ya"] or m["ya2"]) or result is None or result[2] is None:
        return result
    last_year = (m["ya2"] or "").lower().startswith("last") and m["ord"]
    if (m["ya"] and not m["ord"]) or m["yr1"] or m["yr2"] or last_year:
        # "the year-ago quarter" is already last year's; "the third quarter last year" was
        # resolved as one with "of last year"; a written year is explicit.
        return result
    when = result[2]
    d = shift(when.date, "Y", -1)
    return ("DATE", When(d, when.gran).value(), None) if d else None


def _quarter(m: re.Match[str], ctx: Context) -> Result:
    q_word = m["q"].lower()
    ordinal = re.sub(r"[\s-]+", "-", (m["ord"] or m["ya"] or "").lower())
    gran = "H" if q_word == "half" else "Q"
    year = year_of(m["yr1"]) or year_of(m["yr2"])
    yrel = (m["yrel"] or m["rel"] or "").lower()
    if not yrel and m["ord"] and (m["ya2"] or "").lower().startswith("last"):
        yrel = "last"  # "the fourth quarter last year" = "of last year"
    if year is None and yrel and ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(yrel, 0)
    number = ORDINALS.get(ordinal) if ordinal not in ("last", "final") else None
    if ordinal in ("last", "final") and year is not None:
        number = 4 if gran == "Q" else 2
    if number is not None:
        if gran == "H" and number > 2:
            return None
        if year is None:
            if ctx.dct is None:
                return "DATE", f"XXXX-{gran}{number}", None
            year = ctx.dct.year
            start = safe_date(year, (number - 1) * (3 if gran == "Q" else 6) + 1, 1)
            # "the fourth quarter" told in the past, before that quarter began: last year's.
            if start and start > ctx.dct and ctx.tense(m.start()) == "past":
                year -= 1
        month = (number - 1) * (3 if gran == "Q" else 6) + 1
        d = safe_date(year, month, 1)
        return result("DATE", When(d, gran), gran) if d else None
    if gran == "H":
        return None
    # Without an ordinal, a quarter or period refers back to the period the article reports on.
    reference = ctx.reported_period(m.start(), halves=False)
    if ordinal in ("year-ago", "year-earlier", "year-ago", "same", "comparable", "corresponding"):
        base = reference or (When(shift(ctx.dct, "Q", -1) or ctx.dct, "Q") if ctx.dct else None)
        if base is None:
            return "DATE", "XXXX-QX", None
        d = shift(base.date, "Y", -1)
        return ("DATE", When(d, base.gran).value(), None) if d else None
    if year is not None:
        if reference is None:
            d = safe_date(year, 1, 1)
            return result("DATE", When(d, "Y"), "Y") if d else None
        d = safe_date(year, reference.date.month, 1)
        return ("DATE", When(d, "Q").value(), None) if d else None
    if ordinal == "current":
        return result("DATE", relative(ctx, "Q", 0, gran), gran)
    if ordinal in ("next", "coming"):
        return result("DATE", relative(ctx, "Q", 1, gran), gran)
    if (
        q_word == "period"
        and not m["ya2"]
        and ordinal not in ("latest", "recent", "just-ended", "this")
    ):
        return None
    if reference is not None and ordinal != "previous":
        return "DATE", reference.value(), reference
    if ctx.dct is None:
        return "DATE", "XXXX-QX", None
    n = -1 if ordinal in ("latest", "last", "recent", "past", "previous", "just-ended") else 0
    if n == 0 and ctx.tense(m.start()) == "past":
        n = -1
    return result("DATE", relative(ctx, "Q", n, "Q"), "Q")


@rule(
    "two_quarters",
    r"\b(?:the\s+)?(?P<which>first|last|final)\s+two\s+(?:fiscal\s+)?quarters"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR})|\s+of\s+(?P<rel>this|last|next)\s+year)?\b",
    first="flt",
)
def _h_two_quarters(m: re.Match[str], ctx: Context) -> Result:
    """ "the first two quarters of 2020" is that year's first half, "the last two" its second."""
    number = 1 if m["which"].lower() == "first" else 2
    year = year_of(m["y"])
    if year is None and m["rel"] and ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    if year is None:
        if ctx.dct is None:
            return "DATE", f"XXXX-H{number}", None
        year = ctx.dct.year
        start = safe_date(year, 1 if number == 1 else 7, 1)
        if start and start > ctx.dct and ctx.tense(m.start()) == "past":
            year -= 1
    d = safe_date(year, 1 if number == 1 else 7, 1)
    return result("DATE", When(d, "H"), "H") if d else None


@rule(
    "year_ago_adj",
    r"\b(?:the\s+)?year[\s-](?:ago|earlier)\b(?!\s+(?:quarter|period))",
    first="ty",
)
def _h_year_ago_adj(m: re.Match[str], ctx: Context) -> Result:
    quarter = ctx.reported_period(m.start(), cumulative=True)
    if quarter is not None:
        d = shift(quarter.date, "Y", -1)
        return ("DATE", When(d, quarter.gran).value(), None) if d else None
    when = relative(ctx, "Y", -1, "Y")
    return result("DATE", when, "Y")
