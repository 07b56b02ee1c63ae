"""The bisection lookups of the time and talk stages answer exactly what a scan answers.

They replaced scans that made a megabyte of dated prose quadratic; a wrong neighbour check
would silently drop or double a time expression, so each is compared with the plain scan.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.event_dates import times_in
from newsdiff.model import TimeExpr
from newsdiff.times.extract import _Candidate, _select

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 5)), max_size=40)


def _naive_select(cands: list[_Candidate]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if not any(cand.start < c.end and c.start < cand.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


@settings(max_examples=300, deadline=None)
@given(spans)
def test_select_keeps_what_the_scan_keeps(raw: list[tuple[int, int, int]]) -> None:
    cands = [_Candidate(s, s + n, order, None, None) for s, n, order in raw]  # type: ignore[arg-type]
    assert [(c.start, c.end, c.order) for c in _select(cands)] == [
        (c.start, c.end, c.order) for c in _naive_select(cands)
    ]


def _disjoint(raw: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, length, _ in sorted(raw):
        if not out or start >= out[-1][1]:
            out.append((start, start + length))
    return out


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(0, 70), st.integers(0, 20))
def test_date_entity_overlap_matches_a_scan(
    raw: list[tuple[int, int, int]], start: int, length: int
) -> None:
    from newsdiff.times.context import Context

    ents = _disjoint(raw)
    ctx: Any = Context.__new__(Context)
    ctx.date_ents = ents
    ctx.date_ent_starts = [s for s, _ in ents]
    end = start + length
    assert ctx.in_date_ent(start, end) == any(s < end and start < e for s, e in ents)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(0, 70), st.integers(0, 30))
def test_times_in_a_range_match_a_scan(
    raw: list[tuple[int, int, int]], start: int, length: int
) -> None:
    times = [TimeExpr("A", s, e, "x" * (e - s), "DATE", "2024-01-01") for s, e in _disjoint(raw)]
    ctx: Any = SimpleNamespace(times=times)
    end = start + length
    assert times_in(ctx, start, end) == [t for t in times if t.start >= start and t.end <= end]
