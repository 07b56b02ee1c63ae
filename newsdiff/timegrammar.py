"""Word tables and regex building blocks for the temporal-expression grammar in ``times``."""

from __future__ import annotations

from collections.abc import Mapping

from newsdiff.lexicon.dates import MONTHS, WEEKDAY_NAMES, WEEKDAYS
from newsdiff.lexicon.numbers import COUNT_WORDS, ONES, SCALES, TENS

#: Number words the time grammar reads as a count: cardinals and a few phrases ("a couple of").
SMALL_NUMBERS: Mapping[str, int] = {
    **ONES, **COUNT_WORDS, "a dozen": 12, "half a dozen": 6, "couple of": 2, "a couple of": 2,
    "a couple": 2, "hundred": SCALES["hundred"], "a hundred": 100, "one hundred": 100,
}  # fmt: skip

ORDINALS: Mapping[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip

#: Unit word -> (TIMEX3 duration letter, is a time-of-day unit, multiplier).
UNITS: Mapping[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "quarter": ("Q", False, 1),
    "weekend": ("WE", False, 1),
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
