"""Rules for clock times and parts of the day; they take the day of their sentence later."""

from __future__ import annotations

import re

from newsdiff.lexicon.dates import (
    PARTS_OF_DAY,
)
from newsdiff.times.context import Context, is_title, relative
from newsdiff.times.rules import rule
from newsdiff.times.values import (
    SPELLED_ONES,
    Result,
    When,
)

_AMOUNT_AFTER = re.compile(
    r"\s*(?:%|(?:billion|million|thousand|trillion|percent|per|points?|shares?|cents?|times|"
    r"pence|yen|marks|francs|guilders|euros?|dollars?|pounds?)\b)",
    re.IGNORECASE,
)


def _g_clock24(m: re.Match[str], ctx: Context) -> bool:
    """ "14:30" is a time after "at"/"from" or with a zone; otherwise it may be a score or ratio."""
    text = m.group(0)
    if re.search(r"(?:[ECMP][SD]T|GMT|UTC|hours|hrs|local\s+time)$", text):
        return True
    if ctx.text[m.start("h") : m.end("mi")].find(".") >= 0 and _AMOUNT_AFTER.match(
        ctx.text, m.end()
    ):
        return False  # "changed at 2.46 billion", "about 0.55 share": a decimal amount
    return bool(
        re.match(r"(?:at|from|until|till|by|before|after|since|around|about|for|to)\s", text, re.I)
    )


@rule(
    "clock",
    r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?",
    first="0-9",
    clock=True,
)
@rule(
    "clock24",
    r"(?:\b(?:at|from|until|till|by|before|after|since|around|about|for|to)\s+)?"
    r"(?<![\d:.])(?P<x>(?P<h>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?P<ap>)"
    r"(?:\s*(?:[ECMP][SD]T|GMT|UTC|hours|hrs|local\s+time)\b)?)(?![\d:.]\d)",
    first="0-9abfstu",
    guard=_g_clock24,
    clock=True,
)
def _h_clock(m: re.Match[str], ctx: Context) -> Result:
    hour = int(m["h"])
    minute = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower()
    if minute > 59 or hour > 24 or (ap and not 1 <= hour <= 12):
        return None
    if ap == "p" and hour < 12:
        hour += 12
    if ap == "a" and hour == 12:
        hour = 0
    return _clock_result(ctx, m.start(), f"T{hour:02d}:{minute:02d}")


_CLOCK_CUES = frozenset(
    {"at", "by", "until", "till", "around", "about", "before", "after", "from", "to", "since"}
)


def _g_clock_pod(m: re.Match[str], ctx: Context) -> bool:
    """A spelled hour ("one in the morning") needs a cue: "one in the evening session" is not."""
    before = ctx.words_before(m.start(), 1)
    return m["h"].isdigit() or (bool(before) and before[0] in _CLOCK_CUES)


@rule(
    "clock_pod",
    r"(?<![\d:.$])\b(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)(?:[:.](?P<mi>[0-5]\d))?(?:\s+o'clock)?\s+(?:in\s+the\s+"
    r"(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night))\b",
    first="0-9efnost",
    guard=_g_clock_pod,
    clock=True,
)
def _h_clock_pod(m: re.Match[str], ctx: Context) -> Result:
    """ "4 in the morning", "ten at night": a clock time whose half of the day is spelled out."""
    hour = int(m["h"]) if m["h"].isdigit() else SPELLED_ONES.get(m["h"].lower())
    minute = int(m["mi"]) if m["mi"] else 0
    if hour is None or not 1 <= hour <= 12:
        return None
    pm = m["pod"] is None or m["pod"].lower() != "morning"
    if pm and hour < 12 and not (m["night"] and hour < 5):
        hour += 12  # "ten at night" is 22:00, but "two at night" is 02:00
    if not pm and hour == 12:
        hour = 0
    return _clock_result(ctx, m.start(), f"T{hour:02d}:{minute:02d}")


def _clock_result(ctx: Context, start: int, suffix: str) -> Result:
    s0, _ = ctx.sentence_bounds(start)
    day: When | None = None
    for pos, when in reversed(ctx.history):
        if pos < s0:
            break
        if when.gran == "D":
            day = when
            break
    if day is None and ctx.dct is not None:
        day = When(ctx.dct, "D")
    if day is None:
        return "TIME", f"XXXX-XX-XX{suffix}", None
    return "TIME", f"{When(day.date, 'D', day.year_known).value()}{suffix}", None


@rule(
    "noon",
    r"\b(?P<w>noon|midnight)\b",
    first="mn",
    clock=True,
)
def _h_noon(m: re.Match[str], ctx: Context) -> Result:
    if is_title(ctx, m.start(), m.end()):
        return None
    return _clock_result(ctx, m.start(), "T12:00" if m["w"].lower() == "noon" else "T24:00")


def _clock_unless_day(m: re.Match[str]) -> bool:
    """ "in the morning" takes the day talked about; "midday yesterday" has its own."""
    return not m["rel"]


def _g_midday(m: re.Match[str], ctx: Context) -> bool:
    """ "the morning" alone is only a time when a day was just mentioned or it's today's news."""
    word = m["w"].lower()
    if not word.startswith("the"):
        return True
    after = ctx.text[m.end() : m.end() + 6].lower()
    return not after.startswith((" of", " after", " before", " when", " that", " paper"))


@rule(
    "midday",
    r"\b(?P<w>midday|mid[\s-]?(?:morning|afternoon)|the\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?P<rel>yesterday|today|tomorrow))?\b",
    first="mt",
    guard=_g_midday,
    clock=_clock_unless_day,
)
def _h_midday(m: re.Match[str], ctx: Context) -> Result:
    word = re.sub(r"[\s-]+", " ", m["w"].lower())
    rel = (m["rel"] or "").lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
    suffix = "T12:00" if word == "midday" else "T" + PARTS_OF_DAY.get(word.split()[-1], "DT")
    if rel:
        when = relative(ctx, "D", offset, "D")
        if when is None:
            return "TIME", f"XXXX-XX-XX{suffix}", None
        return "TIME", f"{when.date.isoformat()}{suffix}", when
    return _clock_result(ctx, m.start(), suffix)
