"""Cardinal number words (English)."""

from __future__ import annotations

from collections.abc import Mapping

#: Zero to nineteen.
ONES: Mapping[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip

#: Twenty to ninety, by ten.
TENS: Mapping[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Words that multiply what comes before them ("three hundred", "1.5 billion").
SCALES: Mapping[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip

#: Words that stand for one number on their own ("a dozen", "an hour").
COUNT_WORDS: Mapping[str, int] = {"dozen": 12, "a": 1, "an": 1}
