"""Rules for amounts of time and repetitions: "three weeks", "decades-long", "every Monday"."""

from __future__ import annotations

import re

from newsdiff.lexicon.dates import (
    MONTHS,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from newsdiff.times.context import Context
from newsdiff.times.rules import rule
from newsdiff.times.rules.patterns import (
    MODS,
    MONTH_FULL,
    NUM,
    PART_OF_DAY,
    UNIT,
    VAGUE_NUM,
    WEEKDAY,
)
from newsdiff.times.values import (
    Result,
    duration_value,
    parse_number,
)

_TOTALS = frozenset({"P6M", "P9M"})  # year-to-date totals reported beside a quarter


def _is_total(value: str) -> bool:
    """A six- or nine-month duration next to a quarter is a year-to-date total."""
    return value in _TOTALS


def _g_duration(m: re.Match[str], ctx: Context) -> bool:
    n_text = m["n"].lower()
    after = ctx.text[m.end() : m.end() + 8].lower()
    if (
        m["u"].lower() == "second"
        and n_text in ("a", "an")
        and re.match(r"\s+[a-z]", after)
        and not re.match(r"\s+(?:later|earlier|ago|before|after|or|and)\b", after)
    ):
        return False  # the ordinal: "a second group", "a second term"
    if re.match(r"[\s-]*old\b", after):
        return False  # ages ("a 30-year-old man") are not annotated in most TimeML corpora
    unit_start = m.start("u")
    if ctx.text[unit_start].isupper() and not ctx.text[m.start()].isupper():
        return False  # a title such as "90 Minutes"
    if m["u"].lower() == "quarter" and (
        n_text in ("a", "an", "one")
        or re.match(r"s?\s+of\b", after)
        or (n_text.isdigit() and int(n_text) > 12)
    ):
        return False  # a fraction ("a quarter of the staff") or a year ("the 2019 quarter")
    if n_text in ("a", "an", "one"):
        before = ctx.words_before(m.start(), 1)
        if before and before[-1] in ("times", "once", "twice"):
            return False  # SET: "twice a day"
    return True


@rule(
    "duration",
    rf"\b(?:{MODS}\s+)?(?:the\s+(?:(?:past|last|next|first|coming|previous|"
    r"following|final|latest|remaining|initial|entire|full)\s+)?)?"
    rf"(?P<n>{NUM}|{VAGUE_NUM})(?P<half>\s+and\s+a\s+half)?"
    r"(?:\s+(?:more|additional|further|straight|consecutive|full))?[\s-]+"
    rf"(?P<u>{UNIT})s?\b(?P<half2>\s+and\s+a\s+half\b)?",
    first="0-9abcdefhjlmnorstuwz",
    guard=_g_duration,
    total=_is_total,
)
def _h_duration(m: re.Match[str], ctx: Context) -> Result:
    n_text = m["n"]
    vague = bool(re.fullmatch(VAGUE_NUM, n_text, re.I))
    n = None if vague else parse_number(n_text)
    if n is None and not vague:
        return None
    if m["half"] or m["half2"]:
        n = (n or 0) + 0.5
    value = duration_value(n, m["u"])
    if value is None:
        return None
    if (
        vague
        and re.match(r"the\s+(?:past|last)\s", m.group(0), re.IGNORECASE)
        and ctx.words_before(m.start(), 1) == ["in"]
    ):
        return "DATE", "PAST_REF", None  # "fell in the last few months": a vague past time
    if n_text.lower() in ("a", "an", "per") and m.start() == m.start("n"):
        # A rate after an amount ("$3 billion a year", "40 flights a week") repeats: SET.
        before = ctx.text[max(0, m.start() - 25) : m.start()]
        if re.search(
            r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|dollars?))\S*\s+$", before
        ):
            return "SET", value, None
    return "DURATION", value, None


@rule(
    "unit_long",
    r"\b(?P<u>(?:hour|day|week|month|year|decade)s?|century|centuries)-long\b",
    first="cdhmwy",
)
def _h_unit_long(m: re.Match[str], ctx: Context) -> Result:
    """ "a day-long meeting" lasts a day; "a decades-long battle" an unknown number of them."""
    word = m["u"].lower()
    value = duration_value(None if word.endswith("s") else 1, word)
    return ("DURATION", value, None) if value else None


@rule(
    "bare_plural",
    r"\b(?:for|over|in|within|take|took|takes|lasted|last)\s+(?P<x>(?P<u>seconds|"
    r"minutes|hours|days|weeks|months|years|decades))\b(?!\s+(?:ago|of|to|later|earlier))",
    first="filotw",
)
@rule(
    "the_years",
    r"\b(?:over|in|during|through|throughout)\s+(?P<x>the\s+(?P<u>years|decades|"
    r"centuries))\b(?!\s+(?:of|ago|before|to\s+come)\b)",
    first="diot",
)
def _h_bare_plural(m: re.Match[str], ctx: Context) -> Result:
    value = duration_value(None, m["u"])
    return ("DURATION", value, None) if value else None


@rule(
    "set",
    rf"\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly|"
    rf"biweekly|semiannually|biannually|(?:every|each|per)\s+(?P<other>other\s+)?"
    rf"(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}|{WEEKDAY}|{PART_OF_DAY}|{MONTH_FULL})s?)\b",
    first="bdehmnpswy",
)
@rule(
    "set_times",
    rf"\b(?:times|once|twice)\s+(?P<x>(?P<w>an?)\s+(?P<u>{UNIT}))\b"
    r"(?P<n>)(?P<other>)",
    first="ot",
)
def _h_set(m: re.Match[str], ctx: Context) -> Result:
    word = m["w"].lower()
    adverbs = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "hourly": "PT1H",
        "nightly": "P1D",
        "quarterly": "P3M",
        "biweekly": "P2W",
        "semiannually": "P6M",
        "biannually": "P6M",
    }
    if word in adverbs:
        return "SET", adverbs[word], None
    unit_word = (m["u"] or "").lower()
    wd_word = unit_word.rstrip(".")
    if wd_word in MONTHS and len(wd_word) > 3:
        return "SET", f"XXXX-{MONTHS[wd_word]:02d}", None
    if wd_word in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[wd_word] + 1}", None
    if unit_word in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit_word]}", None
    n = parse_number(m["n"]) if m["n"] else 1.0
    if m["other"]:
        n = 2.0
    value = duration_value(n, unit_word)
    return ("SET", value, None) if value else None
