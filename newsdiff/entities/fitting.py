"""Boundary repairs against the names the comparison spells out elsewhere."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdiff.entities.records import RawMention, respan
from newsdiff.lexicon.people import NAME_TITLES, ROLE_NOUNS
from newsdiff.names import (
    acronym_of,
    compact,
    demonym_country,
    is_acronym,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

_JOINING_GAP = re.compile(r"^\s+(in|of|for|on)\s+(the\s+)?$")


@dataclass(slots=True)
class _Fit:
    """A mention's bounds while the repairs run; ``mention`` stays as the tagger gave it."""

    mention: RawMention
    start: int
    end: int
    label: str
    #: Earlier starts over compound modifiers, nearest first, kept if the longer name recurs.
    starts: list[int] = field(default_factory=list)
    #: A later end over a capitalised head the place modifies, kept if that name recurs.
    head_end: int = 0


@dataclass(slots=True)
class _KnownNames:
    """What the comparison spells out, read once from the mentions as tagged."""

    docs: Sequence[Doc]
    #: Names of two words or more, with their label (PERSON wins).
    labels: dict[str, str]
    #: Tokens inside some mention, per document.
    occupied: dict[int, set[int]]
    #: How often each longer name a repair proposes occurs in the comparison.
    proposed: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, docs: Sequence[Doc], mentions: Sequence[RawMention]) -> _KnownNames:
        labels: dict[str, str] = {}
        occupied: dict[int, set[int]] = defaultdict(set)
        for m in mentions:
            if m.token_end - m.token_start >= 2:
                key = compact(m.text)
                if labels.get(key) != "PERSON":
                    labels[key] = m.label
            occupied[m.doc_index].update(range(m.token_start, m.token_end))
        return cls(docs, labels, occupied)

    def free(self, fit: _Fit, k: int) -> bool:
        """A capitalised token no other mention holds."""
        m = fit.mention
        return self.docs[m.doc_index][k].text[:1].isupper() and (
            k not in self.occupied[m.doc_index] or m.token_start <= k < m.token_end
        )


def _is_descriptor(word: str) -> bool:
    """A job or a title word ("Coroner", "Gov.")."""
    return word in ROLE_NOUNS or word.rstrip(".") in NAME_TITLES


def _drop_leading_descriptor(known: _KnownNames, fit: _Fit) -> None:
    """A nationality or a job before a name the story also uses alone is not part of it.

    "American Hasim Rahman" / "Hasim Rahman"; "Nominee for Surgeon General" / "Surgeon
    General". The name keeps the label the story gives it elsewhere.
    """
    doc = known.docs[fit.mention.doc_index]
    ts, te = fit.start, fit.end
    first = doc[ts]
    if (
        te - ts >= 3
        and (demonym_country(first.text) or _is_descriptor(first.lower_))
        and compact(doc[ts + 1 : te].text) in known.labels
    ):
        ts += 1
        fit.label = known.labels[compact(doc[ts:te].text)]  # "American Hasim Rahman" as ORG
    for k in range(ts + 1, te - 1):  # "Nominee for Surgeon General" (a headline)
        if doc[k].lower_ in {"for", "of"}:
            if (
                all(_is_descriptor(t.lower_) for t in doc[ts:k])
                and compact(doc[k + 1 : te].text) in known.labels
            ):
                ts = k + 1
            break
    fit.start = ts


def _grow_to_known_name(known: _KnownNames, fit: _Fit) -> None:
    """A name the tagger cut short grows to the longer name the story uses elsewhere.

    "US Surgeon" + "General" / "US Surgeon General"; "Kathina" + "Thomas" / "Kathina Thomas".
    Up to two words on each side, never over another mention or a line break; a name whose
    descriptor was dropped does not grow to the left again.
    """
    m = fit.mention
    doc = known.docs[m.doc_index]
    ts, te = fit.start, fit.end
    best = (ts, te)
    for left in range(3 if ts == m.token_start else 0):
        for right in range(3):
            a, b = ts - left, te + right
            if a < 0 or b > len(doc) or b - a <= best[1] - best[0]:
                continue
            if not all(known.free(fit, k) for k in [*range(a, ts), *range(te, b)]):
                continue
            if "\n" not in doc[a:b].text and compact(doc[a:b].text) in known.labels:
                best = (a, b)
    fit.start, fit.end = best


def _propose_modifiers(known: _KnownNames, fit: _Fit) -> None:
    """Capitalised modifiers the tagger left out may belong to the name.

    "Internet" + "Explorer" / "Internet Explorer"; "Hollywood" + "Reporter" / "Hollywood
    Reporter" (a place modifying a capitalised head). Proposed here, kept by
    `_keep_recurring_names` only when the longer name recurs.
    """
    m = fit.mention
    doc = known.docs[m.doc_index]
    ts, te = fit.start, fit.end
    if m.label != "PERSON":
        a = ts
        while (
            a > 0
            and doc[a - 1].pos_ in {"PROPN", "NOUN"}
            and doc[a - 1].dep_ == "compound"
            and ts <= doc[a - 1].head.i < te
            and not doc[a - 1].is_sent_start
            and known.free(fit, a - 1)
        ):
            a -= 1
            fit.starts.append(a)
            known.proposed[compact(doc[a:te].text)] += 1
    fit.head_end = te
    if (
        m.label in {"GPE", "NORP", "LOC"}
        and te < len(doc)
        and doc[te - 1].dep_ == "compound"
        and doc[te - 1].head.i == te
        and doc[te].text[:1].isalnum()
        and doc[te].text != doc[te].text.lower()
        and doc[te - 1].whitespace_ == " "
        and known.free(fit, te)
    ):
        fit.head_end = te + 1
        known.proposed[compact(doc[ts : te + 1].text)] += 1


def _keep_recurring_names(known: _KnownNames, fit: _Fit) -> None:
    """A proposed longer name is kept when it occurs twice or more in the comparison.

    "Internet Explorer" twice: both "Explorer" mentions grow; "Hollywood Reporter" (a place
    grown into its head) is an organisation ("Hollywood Reporter", "Philly Sixers").
    """
    doc = known.docs[fit.mention.doc_index]
    for a in fit.starts:
        if known.proposed[compact(doc[a : fit.end].text)] < 2:
            break  # a longer name must recur to be trusted
        fit.start = a
    if fit.head_end > fit.end and known.proposed[compact(doc[fit.start : fit.head_end].text)] >= 2:
        fit.end, fit.label = fit.head_end, "ORG"


#: The boundary repairs, in order; each sees the bounds the earlier ones left. The last two
#: run as separate passes: a longer name is kept only when the whole comparison proposes it
#: twice.
_FIT_PASSES = (
    (_drop_leading_descriptor, _grow_to_known_name, _propose_modifiers),
    (_keep_recurring_names,),
)


def fit_to_known_names(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """Repair name boundaries against the names the comparison spells out elsewhere.

    Runs the repairs of `_FIT_PASSES` over every mention; when two mentions grow into one
    name, the first is kept.
    """
    known = _KnownNames.of(docs, mentions)
    fits = [_Fit(m, m.token_start, m.token_end, m.label) for m in mentions]
    for repairs in _FIT_PASSES:
        for fit in fits:
            for repair in repairs:
                repair(known, fit)
    seen: set[tuple[int, int]] = set()
    kept: list[RawMention] = []
    for fit in fits:
        m = fit.mention
        if (fit.start, fit.end) != (m.token_start, m.token_end):
            m = respan(docs[m.doc_index], m, fit.start, fit.end, fit.label)
        if any((m.doc_index, k) in seen for k in range(m.token_start, m.token_end)):
            continue
        seen.update((m.doc_index, k) for k in range(m.token_start, m.token_end))
        kept.append(m)
    return kept


def extend_to_acronyms(texts: Sequence[str], mentions: list[RawMention]) -> list[RawMention]:
    """Repair names the tagger cut in two, when the whole matches an acronym in the story.

    "the Organization for Security and Cooperation" + "in" + "Europe" is one organisation
    when "OSCE" appears somewhere in the comparison.
    """
    acronyms = {compact(m.text) for m in mentions if is_acronym(m.text)}
    if not acronyms:
        return mentions
    out: list[RawMention] = []
    skip = False
    for m, nxt in zip(mentions, [*mentions[1:], None], strict=True):
        if skip:
            skip = False
            continue
        if (
            nxt is not None
            and nxt.doc_index == m.doc_index
            and m.label in {"ORG", "FAC", "EVENT"}
            and nxt.label in {"GPE", "LOC", "ORG"}
        ):
            gap = texts[m.doc_index][m.end : nxt.start]
            if _JOINING_GAP.match(gap):
                joined = texts[m.doc_index][m.start : nxt.end]
                if acronym_of(joined) in acronyms:
                    out.append(
                        RawMention(
                            m.source,
                            m.start,
                            nxt.end,
                            joined,
                            m.label,
                            m.doc_index,
                            m.token_start,
                            nxt.token_end,
                        )
                    )
                    skip = True
                    continue
        out.append(m)
    return out
