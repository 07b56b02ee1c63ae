"""TIMEX3 values and calendar arithmetic, as properties over the whole calendar."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from newsdiff.lexicon.numbers import ONES, TENS
from newsdiff.times.values import (
    When,
    duration_value,
    parse_number,
    pick_year,
    shift,
    weekday_date,
)

_DATES = st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9997, 12, 31))
_TENSES = st.sampled_from(["past", "present", "future", None])


@given(d=_DATES, n=st.integers(-400, 400))
def test_shifting_by_days_and_back_is_the_identity(d: dt.date, n: int) -> None:
    there = shift(d, "D", n)
    assert there is not None
    assert shift(there, "D", -n) == d


#: Forty years either way stays inside the proleptic calendar Python can represent.
_MIDDLE_DATES = st.dates(min_value=dt.date(100, 1, 1), max_value=dt.date(9800, 12, 31))


@given(d=_MIDDLE_DATES, n=st.integers(-40, 40), unit=st.sampled_from(["M", "Q", "Y"]))
def test_month_arithmetic_moves_whole_months_and_clamps_the_day(
    d: dt.date, n: int, unit: str
) -> None:
    moved = shift(d, unit, n)
    assert moved is not None
    months = {"M": 1, "Q": 3, "Y": 12}[unit] * n
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == months
    assert moved.day == d.day or (moved.day < d.day and (moved + dt.timedelta(days=1)).day == 1)


@given(d=_DATES)
def test_values_at_each_granularity(d: dt.date) -> None:
    assert When(d, "D").value() == d.isoformat()
    assert When(d, "M").value() == d.isoformat()[:7]
    assert When(d, "Y").value() == f"{d.year:04d}"
    assert When(d, "Q").value() == f"{d.year:04d}-Q{(d.month + 2) // 3}"
    year, week, _ = d.isocalendar()
    assert When(d, "W").value() == f"{year:04d}-W{week:02d}"
    assert When(d, "D", year_known=False).value() == f"XXXX-{d.month:02d}-{d.day:02d}"


@given(dct=_DATES, wd=st.integers(0, 6), tense=_TENSES)
def test_a_weekday_resolves_to_that_weekday_within_a_week(
    dct: dt.date, wd: int, tense: str | None
) -> None:
    day = weekday_date(wd, dct, tense, "", None)  # type: ignore[arg-type]
    assert day.weekday() == wd
    assert abs((day - dct).days) < 7
    if tense == "past":
        assert day <= dct
    if tense == "future":
        assert day >= dct


@given(dct=_DATES, month=st.integers(1, 12), day=st.integers(1, 28), tense=_TENSES)
def test_a_date_without_year_takes_a_neighbouring_year(
    dct: dt.date, month: int, day: int, tense: str | None
) -> None:
    year = pick_year(month, day, tense, dct)  # type: ignore[arg-type]
    assert year in (dct.year - 1, dct.year, dct.year + 1)
    back = (dct - dt.date(dct.year, month, day)).days
    if tense == "past" and 0 <= back <= 180:
        # Tense is a preference, not a rule: within half a year behind, this year's date wins
        # (further back, "Jan. 1" said on Dec. 1 may well be the coming one).
        assert year == dct.year


@given(n=st.integers(0, 99))
def test_numbers_written_in_words_read_back(n: int) -> None:
    ones = {v: w for w, v in ONES.items()}
    tens = {v: w for w, v in TENS.items()}
    words = ones[n] if n < 20 else tens[n - n % 10] + (f"-{ones[n % 10]}" if n % 10 else "")
    assert parse_number(words) == n
    assert parse_number(str(n)) == n


@given(n=st.integers(1, 500), unit=st.sampled_from(["day", "week", "month", "year", "hour"]))
def test_durations_count_whole_units(n: int, unit: str) -> None:
    value = duration_value(n, unit + "s")
    assert value is not None
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H"}[unit]
    prefix = "PT" if unit == "hour" else "P"
    assert value == f"{prefix}{n}{letter}"
    assert re.fullmatch(r"PT?\d+[DWMYH]", value)
