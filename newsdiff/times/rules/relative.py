"""Rules relative to the publication date or an anchor: "last week", "two years ago", "now"."""

from __future__ import annotations

import re

from newsdiff.lexicon.dates import (
    PARTS_OF_DAY,
)
from newsdiff.times.context import Context, is_title, relative
from newsdiff.times.rules import rule
from newsdiff.times.rules.patterns import (
    EDGE,
    FUTURE_REF_WORDS,
    MODS,
    NUM,
    PAST_REF_WORDS,
    PRESENT_REF_WORDS,
    UNIT,
    VAGUE_NUM,
)
from newsdiff.times.values import (
    GRAN_ORDER,
    SHIFT_UNITS,
    UNIT_GRAN,
    UNKNOWN,
    Result,
    When,
    duration_value,
    parse_number,
    result,
    shift,
    unit_code,
)


def _g_ref(m: re.Match[str], ctx: Context) -> bool:
    word = m["w"].lower()
    tok = ctx.token_at(m.start("w"))
    nxt = ctx.text[m.end() : m.end() + 12].lower()
    if word == "now":
        # "now" as a discourse marker ("Now, ...") is still PRESENT_REF in TimeML; "now that" not.
        return not nxt.startswith(" that")
    if word in ("current", "future", "recent"):
        if tok is not None and ctx.tagged and tok.pos_ not in ("ADJ", "NOUN"):
            return False
        return not re.match(r"\s+(?:account|accounts|affairs|events|prices)\b", nxt)
    return True


@rule(
    "ref",
    r"\b(?P<w>right\s+now|now|currently|(?:then[\s-]+)?current|nowadays|at\s+present|"
    r"the\s+present|"
    r"these\s+days|at\s+the\s+moment|recently|recent\s+(?:years|months|weeks|days|quarters)|"
    r"past\s+years|lately|the\s+past|the\s+near\s+future|the\s+future|"
    r"the\s+near\s+term|the\s+short\s+term|a\s+later\s+date|"
    r"(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|"
    r"(?:years|months|weeks|decades)\s+ago)\b(?!-)",
    first="acdlmnprtwy",
    guard=_g_ref,
)
def _h_ref(m: re.Match[str], ctx: Context) -> Result:
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word.startswith("then"):
        return "DATE", "PAST_REF", None  # "the then current price": current at a past time
    if word in PRESENT_REF_WORDS:
        return "DATE", "PRESENT_REF", None
    if word in PAST_REF_WORDS or word in ("recent years", "past years", "years ago"):
        return "DATE", "PAST_REF", None
    if word.startswith("recent "):
        unit = word.split()[1]
        value = duration_value(None, unit)
        return ("DURATION", value, None) if value else None
    if word in FUTURE_REF_WORDS or "coming" in word:
        return "DATE", "FUTURE_REF", None
    if word.endswith(" ago"):
        return "DATE", "PAST_REF", None
    return None


@rule(
    "rel_unit",
    rf"\b(?:{EDGE}[\s-]+)?(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+last|"
    r"the\s+coming|the\s+next|the\s+current|the\s+previous|the\s+preceding|"
    r"the\s+following|the\s+same|last|next|this|that|coming|past|previous|current)"
    r"\s+(?P<u>week|weekend|month|year|quarter|decade|century|fiscal\s+year|day|"
    r"morning|afternoon|evening|night)\b(?!-|'s\s+(?:first|second|third|fourth))",
    first="celmnpt",
)
def _h_rel_unit(m: re.Match[str], ctx: Context) -> Result:
    if is_title(ctx, m.start(), m.end()):
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit_word = re.sub(r"\s+", " ", m["u"].lower())
    pod = PARTS_OF_DAY.get(unit_word)
    unit = "D" if pod else unit_code(unit_word)
    gran = UNIT_GRAN.get(unit, unit)
    suffix = "WE" if unit == "WE" else ""
    if rel in ("the past", "the last", "this past", "past") and not pod and unit != "WE":
        if unit in ("D",) and rel == "this past":
            return None
        value = duration_value(1, unit_word)
        located = rel != "past" and unit != "D" and ctx.words_before(m.start(), 1) == ["in"]
        if rel in ("this past",) or located:
            # "in the past year" says when something happened (last year), where "for the
            # past year" says how long it lasted.
            when = relative(ctx, unit if unit != "DE" else "DE", -1, gran, suffix)
            return result("DATE", when, gran, suffix)
        return ("DURATION", value, None) if value else None
    anchored = rel in ("the following", "the next", "the previous", "the preceding", "the same")
    anchored = anchored or rel == "that"
    n = {
        "last": -1,
        "previous": -1,
        "the previous": -1,
        "the preceding": -1,
        "this past": -1,
        "next": 1,
        "coming": 1,
        "the coming": 1,
        "the following": 1,
        "the next": 1,
    }.get(rel, 0)
    if unit == "D" and not anchored and not pod:
        return None
    if anchored:
        base = ctx.anchor("D" if pod else unit, m.start())
        if base is None:
            return result("TIME" if pod else "DATE", None, gran, f"T{pod}" if pod else suffix)
        d = shift(base.date, unit, n)
        if d is None:
            return None
        if pod:
            when = When(d, "D", base.year_known)
            return "TIME", f"{when.value()}T{pod}", when
        if GRAN_ORDER.get(base.gran, 9) > GRAN_ORDER.get(gran, 9):
            gran = base.gran
        when = When(d, gran, base.year_known, suffix)
        return "DATE", when.value(), when
    if pod:
        if unit_word == "night" and rel == "last":
            when = relative(ctx, "D", -1, "D")
        elif rel in ("this", "the"):
            when = relative(ctx, "D", 0, "D")
        else:
            return None
        if when is None:
            return "TIME", f"XXXX-XX-XXT{pod}", None
        return "TIME", f"{when.date.isoformat()}T{pod}", when
    when = relative(ctx, unit, n, gran, suffix)
    return result("DATE", when, gran, suffix)


@rule(
    "boundary",
    r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+"
    r"(?P<rel>the|this|next|last)\s+(?P<u>year|month|week|decade|century)\b",
    first="bemrst",
)
def _h_boundary(m: re.Match[str], ctx: Context) -> Result:
    rel = m["rel"].lower()
    unit = unit_code(m["u"])
    gran = UNIT_GRAN.get(unit, unit)
    n = {"last": -1, "next": 1}.get(rel, 0)
    return result("DATE", relative(ctx, unit, n, gran), gran)


@rule(
    "ago",
    rf"\b(?:{MODS}\s+)?(?P<n>{NUM}|{VAGUE_NUM})[\s-]+(?P<u>{UNIT})s?\s+"
    r"(?:or\s+so\s+)?(?P<dir>ago|earlier|later|back|from\s+now|hence|before|after|prior)"
    r"(?=\s*(?:[,.;:)]|$|and\b|when\b|in\b|on\b|at\b|that\b)|(?<=ago)|(?<=now))",
    first="0-9abcdefhjlmnorstuwz",
)
def _h_ago(m: re.Match[str], ctx: Context) -> Result:
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    unit_word = m["u"].lower()
    n_text = m["n"]
    n = parse_number(n_text) if n_text else None
    unit = unit_code(unit_word)
    if unit in ("second", "minute", "hour", "S", "H"):
        if direction == "ago":
            # "three hours ago": the day is all a reader can resolve without the clock time.
            return result("DATE", relative(ctx, "D", 0, "D"), "D")
        # "an hour later": no clock time to move, so the amount is what the text tells.
        value = duration_value(n, unit_word)
        return ("DURATION", value, None) if value else None
    sign = -1 if direction in ("ago", "earlier", "before", "back", "prior") else 1
    if n is None or n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if unit not in SHIFT_UNITS:
        return None
    gran = {"DE": "Y", "C": "Y", "WE": "W"}.get(unit, unit)
    shift_unit = SHIFT_UNITS[unit]
    if direction in ("ago", "from now", "hence", "back"):
        base: When | None = When(ctx.dct, "D") if ctx.dct else None
    else:
        base = ctx.anchor(gran, m.start())
    if unit == "Y" and int(n) == 1:
        quarter = ctx.reported_period(m.start(), cumulative=True)
        if quarter is not None:
            d = shift(quarter.date, "Y", sign)
            return ("DATE", When(d, quarter.gran).value(), None) if d else None
    if base is None:
        return "DATE", UNKNOWN.get(gran, "XXXX"), None
    d = shift(base.date, shift_unit, sign * int(n))
    if d is None:
        return None
    when = When(d, gran, base.year_known)
    return "DATE", when.value(), when


def _g_in_n(m: re.Match[str], ctx: Context) -> bool:
    """ "in a quarter that produced losses" is any quarter, not the one after publication."""
    after = ctx.text[m.end() : m.end() + 12].lower()
    generic = m["n"].lower() in ("a", "an") and re.match(r"\s+(?:that|which|when|where)\b", after)
    return not generic and not (m["u"].lower() == "quarter" and m["n"].lower() in ("a", "an"))


@rule(
    "in_n",
    rf"\bin\s+(?P<x>(?P<n>{NUM})\s+(?P<u>{UNIT})s?)\b(?!\s+(?:ago|of|time))",
    first="i",
    guard=_g_in_n,
)
def _h_in_n(m: re.Match[str], ctx: Context) -> Result:
    n = parse_number(m["n"])
    unit = unit_code(m["u"])
    tense = ctx.tense(m.start())
    if n is None or n != int(n) or unit not in SHIFT_UNITS or tense == "past":
        value = duration_value(n, m["u"])
        return ("DURATION", value, None) if value else None
    gran = {"DE": "Y", "C": "Y"}.get(unit, unit)
    when = relative(ctx, SHIFT_UNITS[unit], int(n), gran)
    return result("DATE", when, gran)
