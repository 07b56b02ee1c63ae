"""Calendar words: months, weekdays, seasons, parts of the day, fixed holidays (English)."""

from __future__ import annotations

from collections.abc import Mapping

#: Month names and their usual abbreviations, lower case -> month number.
MONTHS: Mapping[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

#: Full month names in calendar order, as written in text.
MONTH_NAMES: tuple[str, ...] = tuple(
    max((m for m, n in MONTHS.items() if n == month), key=len).capitalize()
    for month in range(1, 13)
)

#: Weekday names and abbreviations, lower case -> ISO weekday - 1 (Monday is 0).
WEEKDAYS: Mapping[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

#: Full weekday names in week order, as written in text.
WEEKDAY_NAMES: tuple[str, ...] = tuple(w.capitalize() for w in WEEKDAYS if w.endswith("day"))

#: Season -> TIMEX3 season code.
SEASONS: Mapping[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

#: Season -> month it is considered to start in, to order it against the DCT.
SEASON_MONTH: Mapping[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

#: Part of the day -> TIMEX3 code.
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
