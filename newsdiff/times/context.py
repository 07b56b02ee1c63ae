"""What rules resolve against: the document, its date (DCT), and the dates already resolved."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from newsdiff.docindex import DocIndex
from newsdiff.tense import Tense, time_tense
from newsdiff.times.values import GRAN_ORDER, UNIT_GRAN, When, shift

if TYPE_CHECKING:  # spaCy is only needed for typing: importing this module must stay cheap.
    from spacy.tokens import Doc


def date_entities(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of spaCy's DATE/TIME entities, read from one array copy.

    Walking ``doc.ents`` builds a Python object per token; on long articles that cost as much
    as half of all the grammar's regex scanning.
    """
    if not len(doc):
        return []
    wanted = {doc.vocab.strings.add("DATE"), doc.vocab.strings.add("TIME")}
    spans: list[tuple[int, int]] = []
    start = end = -1
    for idx, length, iob, label in doc.to_array(["IDX", "LENGTH", "ENT_IOB", "ENT_TYPE"]).tolist():
        if iob != 1:  # anything but I(nside) ends the open entity; B also starts one
            if start >= 0:
                spans.append((start, end))
                start = -1
            if iob == 3 and label in wanted:
                start = idx
        if start >= 0:
            end = idx + length
    if start >= 0:
        spans.append((start, end))
    return spans


class Context(DocIndex):
    """Everything a rule needs to resolve one document: text, tokens, DCT and history."""

    def __init__(self, doc: Doc, dct: dt.date | None) -> None:
        super().__init__(doc)
        self.dct = dct
        self.history: list[tuple[int, When]] = []
        self.periods: list[tuple[int, When | None]] = []
        """Quarters and halves named so far, and multi-month totals (None) between them."""
        self.date_ents = date_entities(doc)
        self.date_ent_starts = [s for s, _ in self.date_ents]

    def in_date_ent(self, start: int, end: int) -> bool:
        """True when spaCy's NER also saw a DATE/TIME here (used to accept ambiguous words).

        Entity spans are disjoint and in text order, so only the last one starting before
        ``end`` can overlap: a bisection keeps long documents linear.
        """
        at = bisect.bisect_left(self.date_ent_starts, end) - 1
        return at >= 0 and self.date_ents[at][1] > start

    def tense(self, start: int) -> Tense:
        """Tense of the clause the time expression starting here modifies.

        It picks the last or the next occurrence of a weekday or month; only the start
        matters, as the clause is found from the token there.
        """
        return time_tense(self, start)

    # -- anchors ------------------------------------------------------------------------
    def anchor(self, unit: str, start: int | None = None) -> When | None:
        """Most recent resolved expression fine enough to shift by ``unit``, else the DCT.

        In a future-tense clause ("will meet Fidan the following day") the anchor is the latest
        date still ahead of publication: the event being followed is a planned one, not the
        "said on Wednesday" of the reporting verb in between.
        """
        need = GRAN_ORDER.get(UNIT_GRAN.get(unit, unit), 6)
        if start is not None and self.dct is not None and self.tense(start) == "future":
            for _, when in reversed(self.history):
                fine = GRAN_ORDER.get(when.gran, 9) <= need and when.gran != "S"
                if fine and when.year_known and when.date > self.dct:
                    return when
        for _, when in reversed(self.history):
            if GRAN_ORDER.get(when.gran, 9) <= need and when.gran not in ("S",):
                return when
        return When(self.dct, "D") if self.dct else None

    def reported_period(
        self, offset: int, cumulative: bool = False, halves: bool = True
    ) -> When | None:
        """The quarter an earnings anaphor ("the quarter", "a year ago") refers to, if any.

        The latest quarter or half named earlier in the same paragraph wins. Past the
        paragraph, the document's lead quarter does: the first one already over at publication,
        since a quarter named in passing ("after a flat second quarter") or forecast ("a
        fourth-quarter charge") is not the period being reported. With ``cumulative``, a
        multi-month total named after the paragraph's last quarter ("for the nine months ...
        a year earlier") makes the comparison one with the previous year, so None. Without
        ``halves``, only quarters count ("the quarter" never means a half).
        """
        para = self.text.rfind("\n", 0, offset) + 1
        for pos, when in reversed(self.periods):
            if pos < para:
                break
            if when is not None and (halves or when.gran == "Q"):
                return when
            if when is None and cumulative:
                return None
        quarters = [when for _, when in self.periods if when is not None and when.gran == "Q"]
        if self.dct is not None:
            for when in quarters:
                after = shift(when.date.replace(day=1), "Q", 1)
                if after is not None and after <= self.dct:
                    return when
        return quarters[-1] if quarters else None


def relative(ctx: Context, unit: str, n: int, gran: str, suffix: str = "") -> When | None:
    """The DCT moved by n units at a granularity; a placeholder-year value without DCT."""
    if ctx.dct is None:
        return None
    d = shift(ctx.dct, unit, n)
    return When(d, gran, True, suffix) if d else None


def parse_dct(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        dct = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    # Keep a margin from the calendar's ends so resolving "last week" can never overflow.
    return dct if 2 <= dct.year <= 9997 else None


def is_title(ctx: Context, start: int, end: int) -> bool:
    """ "This Week", "News Today": capitalised words mid-sentence name a show, not a time."""
    words = ctx.text[start:end].split()
    if len(words) < 1 or not all(w[:1].isupper() for w in words):
        return False
    if ctx.text[start:end].isupper():
        return False
    before = ctx.text[max(0, start - 3) : start].rstrip(" \t")
    after = ctx.text[end : end + 2]
    if before[-1:] in ('"', "“", "'", "‘", "`") and after[:1] in ('"', "”", "'", "’"):
        return True  # the whole quotation is the capitalised phrase: a name
    return bool(before) and before[-1] not in ".!?\n\"'`“‘(_-:"
