"""TIMEX3 values and calendar arithmetic: no spaCy, no document, only dates and words."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsdiff.lexicon.dates import MONTHS
from newsdiff.lexicon.numbers import COUNT_WORDS, ONES, SCALES, TENS
from newsdiff.model import TimeType
from newsdiff.tense import Tense

#: Granularities from finest to coarsest; an anchor must be at least as fine as the shift unit.
GRAN_ORDER = {"T": 0, "D": 1, "W": 2, "M": 3, "Q": 4, "S": 4, "H": 5, "Y": 6, "DE": 7, "C": 8}


UNIT_GRAN = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "WE": "W"}


DUMMY_YEAR = 2000  # leap year: arithmetic on dates with an unknown year must allow 29 February.


#: Number words the time grammar reads as a count: cardinals and a few phrases ("a couple of").
SMALL_NUMBERS: Mapping[str, int] = {
    **ONES, **COUNT_WORDS, "a dozen": 12, "half a dozen": 6, "couple of": 2, "a couple of": 2,
    "a couple": 2, "hundred": SCALES["hundred"], "a hundred": 100, "one hundred": 100,
}  # fmt: skip


#: Unit word -> (TIMEX3 duration letter, is a time-of-day unit, multiplier).
UNITS: Mapping[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "quarter": ("Q", False, 1),
    "weekend": ("WE", False, 1),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class When:
    """A resolved point or period: a representative date plus its granularity."""

    date: dt.date
    gran: str
    year_known: bool = True
    suffix: str = ""
    """Season code (SU), part of day (TNI), weekend (WE) or clock time (T15:35)."""

    def value(self) -> str:
        """The TIMEX3 value string."""
        d = self.date
        year = f"{d.year:04d}" if self.year_known else "XXXX"
        gran = self.gran
        if gran == "T":
            return f"{year}-{d.month:02d}-{d.day:02d}{self.suffix}"
        if gran == "D":
            return f"{year}-{d.month:02d}-{d.day:02d}{self.suffix}"
        if gran == "W":
            if not self.year_known:
                return "XXXX-WXX" + ("-WE" if self.suffix == "WE" else "")
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if self.suffix == "WE" else "")
        if gran == "M":
            return f"{year}-{d.month:02d}"
        if gran == "Q":
            return f"{year}-Q{(d.month - 1) // 3 + 1}"
        if gran == "H":
            return f"{year}-H{1 if d.month <= 6 else 2}"
        if gran == "S":
            return f"{year}-{self.suffix}"
        if gran == "DE":
            return year[:3]
        if gran == "C":
            return year[:2]
        return year


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def shift(date: dt.date, unit: str, n: int) -> dt.date | None:
    """Move a date by n units, clamping the day for month arithmetic (31 Jan + 1M = 28/29 Feb)."""
    try:
        if unit == "D":
            return date + dt.timedelta(days=n)
        if unit in ("W", "WE"):
            return date + dt.timedelta(weeks=n)
        months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "S": 12, "DE": 120, "C": 1200}.get(unit)
        if months is None:
            return None
        total = date.year * 12 + date.month - 1 + n * months
        year, month = divmod(total, 12)
        month += 1
        day = min(date.day, calendar.monthrange(year, month)[1]) if 1 <= year <= 9999 else 1
        return safe_date(year, month, day)
    except (OverflowError, ValueError):  # far outside the calendar: not a usable time
        return None


def parse_number(text: str) -> float | None:
    """Read a cardinal written in digits or English words ("twenty-four", "a", "half an")."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    if not t:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if re.fullmatch(r"\d+ 1/2", t):
        return float(t.split()[0]) + 0.5
    if t in ("half a", "half an", "a half"):
        return 0.5
    if t in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[t])
    parts = t.split(" ")
    if parts[0] in TENS:
        rest = " ".join(parts[1:])
        if not rest:
            return float(TENS[parts[0]])
        if rest in SMALL_NUMBERS and SMALL_NUMBERS[rest] < 10:
            return float(TENS[parts[0]] + SMALL_NUMBERS[rest])
    return None


def duration_value(n: float | None, unit_word: str) -> str | None:
    """TIMEX3 duration (``P2W``, ``PT3H``, ``PXY``) for n units; None n means vague (X)."""
    unit_word = unit_word.lower().rstrip("s")
    if unit_word == "centurie":
        unit_word = "century"
    if unit_word not in UNITS:
        return None
    letter, is_time, mult = UNITS[unit_word]
    if letter in ("Q", "WE"):
        letter, mult = ("M", 3) if letter == "Q" else ("D", 2)
    prefix = "PT" if is_time else "P"
    if n is None:
        if mult == 10:
            return "PXY"  # "decades": an unknown number of years
        if mult == 100:
            return "PXCE"
        return f"{prefix}X{letter}"
    total = n * mult
    if total != int(total):
        whole = int(total)
        rest = total - whole
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
        if is_time:  # under a T, M is minutes: half a minute is 30 seconds, not 15 days
            smaller = {"H": ("M", 60), "M": ("S", 60)}
        if letter not in smaller:
            return f"{prefix}{total:g}{letter}"  # no smaller unit: "PT0.5S"
        small, factor = smaller[letter]
        part = round(rest * factor)
        if letter == "W":
            return f"P{whole * 7 + part}D"
        head = f"{whole}{letter}" if whole else ""
        if letter == "D":
            return f"P{head}T{part}H"
        return f"{prefix}{head}{part}{small}"
    return f"{prefix}{round(total)}{letter}"


def pick_year(
    month: int, day: int | None, tense: Tense, dct: dt.date, weekday: int | None = None
) -> int:
    """Year for a month (and day) without one: the nearest, pushed back or forward by tense.

    Tense is a preference, not a rule: a past-tense verb with a date ten days ahead ("extended
    to June 20") still means the coming one, because news rarely mentions dates a year back
    without the year. A weekday given with the date ("Tuesday, Jan. 5") decides outright.
    """
    ref = dct.toordinal()
    options: list[tuple[int, float]] = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        d = safe_date(year, month, day or 15)
        if d is None:
            d = safe_date(year, month, 28)
        if d is None:
            continue
        if weekday is not None and day is not None and d.weekday() == weekday:
            return year
        if day is None:
            # Compare months, not days: "in December" said in December is this December.
            diff = float((year * 12 + month) - (dct.year * 12 + dct.month)) * 30.5
        else:
            diff = float(d.toordinal() - ref)
        cost = abs(diff)
        if (tense == "past" and diff > 0) or (tense == "future" and diff < 0):
            cost += 300
        elif tense not in ("past", "future") and diff > 0:
            cost += 30  # news mostly reports what happened
        options.append((year, cost))
    return min(options, key=lambda o: o[1])[0]


def weekday_date(wd: int, dct: dt.date, tense: Tense, rel: str, hint: int | None) -> dt.date:
    if hint is not None:
        for delta in range(-7, 8):
            d = dct + dt.timedelta(days=delta)
            if d.day == hint and d.weekday() == wd:
                return d
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    if rel == "last":
        return dct - dt.timedelta(days=back or 7)
    if rel == "next":
        return dct + dt.timedelta(days=fwd or 7)
    if rel in ("this coming", "coming"):
        return dct + dt.timedelta(days=fwd)
    if rel == "this past":
        return dct - dt.timedelta(days=back or 7)
    if tense == "past":
        return dct - dt.timedelta(days=back)
    if tense == "future":
        return dct + dt.timedelta(days=fwd)
    return dct - dt.timedelta(days=back) if back <= fwd else dct + dt.timedelta(days=fwd)


UNKNOWN = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "H": "XXXX-HX",
    "Y": "XXXX",
    "DE": "XXX",
    "C": "XX",
    "T": "XXXX-XX-XX",
}


Result = tuple[TimeType, str, When | None] | None


def result(
    typ: TimeType, when: When | None, gran: str, suffix: str = ""
) -> tuple[TimeType, str, When | None]:
    if when is None:
        return typ, UNKNOWN.get(gran, "XXXX") + suffix, None
    return typ, when.value(), when


def month_of(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def year_of(text: str | None) -> int | None:
    return int(text) if text else None


def unit_code(word: str) -> str:
    w = word.lower().rstrip("s")
    if w == "centurie":
        w = "century"
    return {
        "day": "D",
        "week": "W",
        "weekend": "WE",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
        "century": "C",
        "fiscal year": "Y",
    }.get(w, w)


SHIFT_UNITS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "C": "C", "WE": "W", "Q": "Q"}


def easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" rule)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    h = (19 * a + b - d - (b - f + 1) // 3 + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month; n = -1 is the last one."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


SPELLED_ONES = {w: n for w, n in SMALL_NUMBERS.items() if " " not in w and w not in ("a", "an")}


def spelled_number(text: str) -> int | None:
    words = re.split(r"[\s-]+", text.lower().strip())
    total = 0
    for word in words:
        if word == "and":
            continue
        if word in TENS:
            total += TENS[word]
        elif word in SPELLED_ONES:
            total += SPELLED_ONES[word]
        else:
            return None
    return total


def spelled_year(text: str) -> int | None:
    """The year a ``SPELLED_YEAR`` match names."""
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = spelled_number(" ".join(words[2:])) if len(words) > 2 else 0
        return 2000 + (rest or 0)
    century = SPELLED_ONES.get(words[0])
    if century is None:
        return None
    if words[1:] == ["hundred"]:
        return century * 100
    rest = spelled_number(" ".join(words[1:]))
    return None if rest is None else century * 100 + rest
