"""Word tables and regex building blocks for the temporal-expression grammar in ``times``."""

from __future__ import annotations

from collections.abc import Mapping

MONTHS: Mapping[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: Mapping[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

SMALL_NUMBERS: Mapping[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "dozen": 12, "a dozen": 12, "half a dozen": 6, "couple of": 2,
    "a couple of": 2, "a couple": 2, "hundred": 100, "a hundred": 100, "one hundred": 100,
}  # fmt: skip

TENS: Mapping[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
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

SEASONS: Mapping[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

#: Season -> month it is considered to start in, to order it against the DCT.
SEASON_MONTH: Mapping[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: Mapping[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

#: Holidays on a fixed day: name -> (month, day).
FIXED_HOLIDAYS: Mapping[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "valentine's day": (2, 14), "independence day": (7, 4), "the fourth of july": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11),
    "bastille day": (7, 14), "may day": (5, 1),
}  # fmt: skip

PAST_REF_WORDS = ("recently", "lately", "the past", "in the past")
PRESENT_REF_WORDS = (
    "now", "right now", "currently", "current", "nowadays", "at present", "the present",
    "these days", "at the moment", "at this time", "present-day",
)  # fmt: skip
FUTURE_REF_WORDS = (
    "the future", "the near future", "the near term", "the short term", "a later date",
)  # fmt: skip

#: Words right before a time expression that put it in the future whatever the verb says.
FUTURE_CUES = frozenset(
    {"will", "'ll", "shall", "next", "coming", "upcoming", "payable", "effective", "expire",
     "expires"}
)  # fmt: skip

#: "set for", "scheduled on", "postponed until": a plan word and a preposition before the time.
PLAN_WORDS = frozenset(
    {"scheduled", "set", "slated", "due", "planned", "expected", "postponed", "delayed", "moved",
     "pushed", "rescheduled", "adjourned"}
)  # fmt: skip

#: Deadline words ("by Friday", "payable Dec. 1"): future unless the clause is clearly past.
DEADLINE_CUES = frozenset({"by", "until", "till", "through"})

#: Verbs that move a date: what they move it "until"/"to" is ahead, whatever their tense.
RESCHEDULE_LEMMAS = frozenset(
    {"extend", "postpone", "delay", "defer", "adjourn", "push", "move", "reschedule", "put"}
)

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "gon"})


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
WEEKDAY = (
    r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.(?=\s)"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
