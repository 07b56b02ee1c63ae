"""Regex pieces the time rules share, and the grammar's own small word tables."""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsdiff.lexicon.dates import FIXED_HOLIDAYS, MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS
from newsdiff.lexicon.numbers import ONES, TENS
from newsdiff.times.values import SMALL_NUMBERS

ORDINALS: Mapping[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip

PAST_REF_WORDS = ("recently", "lately", "the past", "in the past")
PRESENT_REF_WORDS = (
    "now", "right now", "currently", "current", "nowadays", "at present", "the present",
    "these days", "at the moment", "at this time", "present-day",
)  # fmt: skip
FUTURE_REF_WORDS = (
    "the future", "the near future", "the near term", "the short term", "a later date",
)  # fmt: skip


def _alternation(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items)


_NUMBER_WORDS = [*SMALL_NUMBERS, *TENS]
#: A cardinal written in digits or words ("12", "twenty-four", "twenty four", "a", "several").
NUM = (
    rf"(?:\d+(?:\.\d+|\s+1/2)?|(?:{_alternation(TENS)})(?:[\s-](?:{_alternation(SMALL_NUMBERS)}))?"
    rf"|{_alternation(_NUMBER_WORDS)}|half\s+an?|a\s+half)"
)
VAGUE_NUM = r"(?:several|a\s+few|few|some|many|a\s+number\s+of|numerous)"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)"

_MONTH_FULL = [m for m in MONTHS if len(m) > 3 or m == "may"]
_MONTH_ABBR = [m for m in MONTHS if len(m) <= 4 and m != "may"]
#: A capitalised month name, abbreviations with an optional full stop ("Sept.", "Jan").
MONTH = (
    r"(?-i:(?:"
    + "|".join(m.capitalize() for m in sorted(_MONTH_FULL, key=len, reverse=True))
    + r")|(?:"
    + "|".join(m.capitalize() for m in sorted(_MONTH_ABBR, key=len, reverse=True))
    + r")\.?|(?:"
    + "|".join(m.upper() for m in sorted(_MONTH_FULL, key=len, reverse=True))
    + r"))"
)
_WEEKDAY_ABBR = sorted((w for w in WEEKDAYS if not w.endswith("day")), key=len, reverse=True)
WEEKDAY = (
    r"(?-i:(?:" + "|".join(WEEKDAY_NAMES) + r")s?"
    r"|(?:" + "|".join(w.capitalize() for w in _WEEKDAY_ABBR) + r")\.(?=\s)"
    r"|" + "|".join(w.upper() for w in WEEKDAY_NAMES) + r")"
)  # fmt: skip
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"


MODS = (
    r"(?:(?:less|more|fewer)\s+than|at\s+least|at\s+most|about|around|almost|nearly|roughly|"
    r"approximately|up\s+to|close\s+to|just\s+over|just\s+under|well\s+over|"
    r"barely|some|only|just)"
)

EDGE = (
    r"(?:early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of)"
)

MONTH_FULL = r"(?-i:" + "|".join(MONTH_NAMES) + ")"

HOLIDAYS = "|".join(
    re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]")
    for h in sorted(FIXED_HOLIDAYS, key=len, reverse=True)
    if not h.startswith("the ")
)

#: A year said in words, as broadcast transcripts write it ("nineteen ninety-four").
DIGITS = "|".join(w for w, n in ONES.items() if 1 <= n <= 9)  # one ... nine

TEENS = "|".join(w for w, n in ONES.items() if n >= 10)  # ten ... nineteen

DECADES = "|".join(TENS)

SPELLED_YEAR = (
    rf"(?:nineteen|eighteen|seventeen)[\s-]+(?:(?:{DECADES})(?:[\s-](?:{DIGITS}))?|{TEENS}|"
    rf"hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:{DIGITS}|{TEENS}|twenty(?:[\s-](?:{DIGITS}))?))?"
)
