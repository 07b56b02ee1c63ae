"""Rules that name a year, a decade or a century."""

from __future__ import annotations

import re

from newsdiff.lexicon.numbers import TENS
from newsdiff.times.context import Context, relative
from newsdiff.times.rules import rule
from newsdiff.times.rules.patterns import (
    EDGE,
    MONTH_FULL,
    SPELLED_YEAR,
    YEAR,
)
from newsdiff.times.values import (
    Result,
    When,
    month_of,
    result,
    safe_date,
    spelled_year,
)

_YEAR_CUES = frozenset(
    {"in", "since", "by", "until", "till", "of", "during", "from", "through", "to", "before",
     "after", "between", "and", "early", "late", "mid", "circa", "around", "fiscal", "year",
     "for", "spring", "summer", "fall", "autumn", "winter", "end", "beginning", "or", "than",
     "the", "as", "on"}
)  # fmt: skip


def _g_year(m: re.Match[str], ctx: Context) -> bool:
    """A four-digit number is a year with a cue, a DATE entity, or when no noun follows it."""
    year = int(m["y"])
    if m["mod"]:
        return True
    tok = ctx.token_at(m.start("y"))
    if tok is not None and tok.i + 1 < len(ctx.doc):
        nxt = ctx.doc[tok.i + 1]
        counted = nxt.tag_ in ("NNS", "NNPS") or nxt.lower_ in ("people", "troops", "men", "women")
        determined = tok.i > 0 and ctx.doc[tok.i - 1].lower_ in ("the", "its", "their", "'s")
        prefixed = (
            ctx.text[max(0, m.start("y") - 5) : m.start("y")].lower().endswith(("pre-", "post-"))
        )
        if (
            counted
            and not prefixed
            and not (determined and ctx.in_date_ent(m.start("y"), m.end("y")))
        ):
            return False  # a count: "2000 people", "and 2019 protesters"; not "the 2000 Olympics"
    if ctx.in_date_ent(m.start("y"), m.end("y")):
        return True
    before = ctx.words_before(m.start(), 1)
    if before and before[-1] in _YEAR_CUES and 1000 <= year <= 2099:
        return True
    return 1900 <= year <= 2099


@rule(
    "year",
    rf"(?:(?<=\bpre-)|(?<=\bpost-)|(?<![\d,.$£€#/-]))"
    rf"(?:(?P<mod>{EDGE}|fiscal(?:\s+year)?|calendar(?:\s+year)?|"
    rf"the\s+year|FY)[\s-]+)?(?P<y>{YEAR})(?!\d|,\d|\s*(?:%|percent)|\.\d|-\d|:)",
    first="12ceflmt",
    guard=_g_year,
)
def _h_year(m: re.Match[str], ctx: Context) -> Result:
    year = int(m["y"])
    d = safe_date(year, 1, 1)
    return result("DATE", When(d, "Y"), "Y") if d else None


_POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our", "its", "whose"})


def _g_decade(m: re.Match[str], ctx: Context) -> bool:
    """ "in his 30s", "in their early 60s": an age, not a decade of the calendar."""
    before = ctx.words_before(m.start(), 1)
    return not (before and before[0] in _POSSESSIVES)


@rule(
    "decade",
    r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<cent>(?P<c>1[0-9]|20)(?P<d>[0-9])0s)"
    r"|'(?P<d2>[0-9])0s|(?P<d3>[2-9])0s\b)(?![\w'])",
    first="'1-9elmt",
    guard=_g_decade,
)
def _h_decade(m: re.Match[str], ctx: Context) -> Result:
    if m["c"]:
        century, dec = m["c"], m["d"]
        if dec == "0" and m["c"] in ("18", "19", "17", "16") and m["cent"]:
            return "DATE", century, None
        return "DATE", f"{century}{dec}", None
    dec = m["d2"] or m["d3"]
    if ctx.dct is not None:
        century = str(ctx.dct.year)[:2]
        if int(f"{century}{dec}0") > ctx.dct.year:
            century = str(int(century) - 1)
    else:
        century = "19"
    return "DATE", f"{century}{dec}", None


@rule(
    "year_end",
    r"\b(?:year(?:'s)?[\s-]end|end[\s-]of[\s-]year)\b",
    first="ey",
)
def _h_year_end(m: re.Match[str], ctx: Context) -> Result:
    return result("DATE", relative(ctx, "Y", 0, "Y"), "Y")


@rule(
    "the_year",
    r"\b(?:for|in|during|throughout|of|through)\s+(?P<x>the\s+(?:(?:full|fiscal|"
    r"calendar|current|entire|whole|latest)\s+)*year)\b(?!\s+(?:before|after|earlier|"
    r"later|ago|of|in|when|that|'s|\d))",
    first="dfiot",
    total=True,
)
def _h_the_year(m: re.Match[str], ctx: Context) -> Result:
    after = ctx.text[m.end() : m.end() + 12].lower()
    if re.match(r"\s+(?:ended|ending|ends|to\s+date)\b", after):
        return "DURATION", "P1Y", None
    return result("DATE", relative(ctx, "Y", 0, "Y"), "Y")


def _g_spelled_year(m: re.Match[str], ctx: Context) -> bool:
    """Spoken-style years need a cue: "nineteen ninety-six" could also be a count."""
    if m["mon"] or m.group(0).lower().startswith("the year"):
        return True
    before = ctx.words_before(m.start(), 1)
    after = ctx.text[m.end() : m.end() + 2]
    # "a nineteen eighty-two flood": no count takes "a", so the year describes the noun.
    cued = bool(before) and (before[-1] in _YEAR_CUES or before[-1] in ("a", "an"))
    return cued or after[:1] in (".", ",", "")


@rule(
    "spelled_year",
    rf"\b(?:(?P<mon>{MONTH_FULL})\s+(?:of\s+)?|the\s+year\s+)?(?P<sp>{SPELLED_YEAR})\b",
    first="adefjmnost",
    guard=_g_spelled_year,
)
def _h_spelled_year(m: re.Match[str], ctx: Context) -> Result:
    year = spelled_year(m["sp"])
    if year is None:
        return None
    if m["mon"]:
        month = month_of(m["mon"])
        d = safe_date(year, month or 1, 1)
        return result("DATE", When(d, "M"), "M") if d and month else None
    d = safe_date(year, 1, 1)
    return result("DATE", When(d, "Y"), "Y") if d else None


@rule(
    "century",
    r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+"
    r"century\b",
    first="0-9elmt",
)
def _h_century(m: re.Match[str], ctx: Context) -> Result:
    n = int(m["n"])
    return ("DATE", f"{n - 1:02d}", None) if 1 <= n <= 30 else None


@rule(
    "decade_words",
    r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|"
    r"sixties|seventies|eighties|nineties)\b",
    first="t",
)
def _h_decade_words(m: re.Match[str], ctx: Context) -> Result:
    tens = TENS.get(m["w"].lower()[:-3] + "y")
    if tens is None:
        return None
    century = "19"
    if ctx.dct is not None and ctx.dct.year < 1900 + tens:
        century = "18"
    return "DATE", f"{century}{tens // 10}", None
