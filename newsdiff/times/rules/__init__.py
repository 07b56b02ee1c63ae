"""The time grammar's rules: a registry filled by the ``@rule`` decorator in each module here.

A rule is a regex and the handler that resolves its match, written together::

    @rule("weekend", r"\bthe\\s+weekend\b", first="t")
    def _h_weekend(m: re.Match[str], ctx: Context) -> Result:
        ...

The modules group rules by what they name (``days``, ``months``, ``quarters``, ``years``,
``relative``, ``durations``, ``clock``); ``patterns`` holds the regex pieces they share. When
two rules match spans of the same length, the one earlier in ``ORDER`` wins; a rule missing
from ``ORDER`` comes after all listed ones, so adding a rule is one decorated function.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.times.context import Context
    from newsdiff.times.values import Result

Handler = Callable[[re.Match[str], "Context"], "Result"]
Guard = Callable[[re.Match[str], "Context"], bool]

#: Tie-break order for matches of equal length (earlier wins).
ORDER: tuple[str, ...] = (
    "iso", "slash", "month_day", "week_of", "nth_week_of", "day_month", "month_day_pair",
    "month_year", "month", "year", "decade", "weekday", "deictic", "ref", "rel_unit", "boundary",
    "year_end", "ago", "year_ago_adj", "in_n", "duration", "unit_long", "bare_plural",
    "the_years", "set", "set_times", "clock", "clock24", "noon", "clock_pod", "quarter",
    "two_quarters", "season", "holiday", "day_before", "weekend", "the_year", "spelled_year",
    "century", "decade_words", "midday", "nth",
)  # fmt: skip

_MODULES = ("days", "months", "quarters", "years", "relative", "durations", "clock")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the grammar.

    Attributes:
        name: Unique name, used in ``ORDER`` and in error reports.
        pattern: The regex source, compiled case-insensitive. A group named ``x`` narrows the
            span to that group (the rest is context, as in "in (three weeks)").
        handler: Resolves a match to (type, value, resolved date) or None to drop it.
        guard: Decides whether a match is a time at all ("May" the verb, "2000 people").
        first: Characters (a regex class body) every match starts with; a lookahead on them
            lets the regex engine skip most positions of the text at once.
        clock: The span is a clock time that takes its day from its sentence later (or a
            predicate on the match saying so).
        total: A DURATION from this rule is a multi-month total that separates reported
            periods (or a predicate on the value saying so).
    """

    name: str
    pattern: str
    handler: Handler
    guard: Guard | None = None
    first: str | None = None
    clock: bool | Callable[[re.Match[str]], bool] = False
    total: bool | Callable[[str], bool] = False

    def compile(self) -> re.Pattern[str]:
        """The pattern with its start-character lookahead, case-insensitive."""
        prefix = f"(?=[{self.first}])" if self.first else ""
        return re.compile(prefix + self.pattern, re.IGNORECASE)

    def is_clock(self, m: re.Match[str]) -> bool:
        """Whether this match is a clock time waiting for its day."""
        return self.clock(m) if callable(self.clock) else self.clock

    def is_total(self, value: str) -> bool:
        """Whether a DURATION value from this rule is a multi-month total."""
        return self.total(value) if callable(self.total) else self.total


_REGISTRY: dict[str, Rule] = {}
_COMPILED: list[tuple[Rule, re.Pattern[str]]] | None = None


def rule(
    name: str,
    pattern: str,
    *,
    guard: Guard | None = None,
    first: str | None = None,
    clock: bool | Callable[[re.Match[str]], bool] = False,
    total: bool | Callable[[str], bool] = False,
) -> Callable[[Handler], Handler]:
    """Register the decorated handler under ``name`` with its pattern; stackable.

    Raises:
        ValueError: a rule of that name already exists.
    """

    def register(handler: Handler) -> Handler:
        if name in _REGISTRY:
            raise ValueError(f"time rule {name!r} is defined twice")
        _REGISTRY[name] = Rule(name, pattern, handler, guard, first, clock, total)
        return handler

    return register


def grammar() -> list[tuple[Rule, re.Pattern[str]]]:
    """Every rule with its compiled pattern, in tie-break order; compiled once per process."""
    global _COMPILED
    if _COMPILED is None:
        import importlib

        for module in _MODULES:
            importlib.import_module(f"{__name__}.{module}")
        rank = {name: i for i, name in enumerate(ORDER)}
        ordered = sorted(
            _REGISTRY.values(),
            key=lambda r: rank.get(r.name, len(ORDER) + list(_REGISTRY).index(r.name)),
        )
        _COMPILED = [(r, r.compile()) for r in ordered]
    return _COMPILED
