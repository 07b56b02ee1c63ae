"""Names the tagger skipped: recurring names, organisation word runs, acronyms in brackets."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.entities.records import RawMention
from newsdiff.model import ENTITY_LABELS
from newsdiff.names import (
    GENERIC_ORG_HEADS,
    NAME_SUFFIXES,
    acronym_variants,
    compact,
    is_acronym,
    is_subsequence,
    name_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")


#: Last words that make a run of proper nouns an organisation ("Premier League").
ORG_ENDINGS = (GENERIC_ORG_HEADS - {"city", "state", "county", "republic", "kingdom"}) | {
    "league",
    "cup",
    "corporation",
    "company",
    "group",
    "fund",
    "airlines",
    "airways",
    "foundation",
    "network",
    "alliance",
    "forum",
    "council",
    "assembly",
    "parliament",
}


def _covered_tokens(
    doc: Doc, doc_index: int, mentions: Sequence[RawMention], *, every_label: bool
) -> set[int]:
    """Tokens already inside a mention, or inside a tagged span (of any label, or of the
    non-name labels only: dates and numbers must not be re-read as names)."""
    covered = {
        t.i for ent in doc.ents if every_label or ent.label_ not in ENTITY_LABELS for t in ent
    }
    for m in mentions:
        if m.doc_index == doc_index:
            covered.update(range(m.token_start, m.token_end))
    return covered


def organisation_chunks(
    docs: Sequence[Doc], source_ids: Sequence[str], mentions: Sequence[RawMention]
) -> list[RawMention]:
    """Runs of two or more proper nouns ending in an organisation word that the tagger skipped."""
    added: list[RawMention] = []
    for doc_index, (doc, sid) in enumerate(zip(docs, source_ids, strict=True)):
        covered = _covered_tokens(doc, doc_index, mentions, every_label=True)
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            if (
                j - i >= 2
                and not any(k in covered for k in range(i, j))
                and doc[j - 1].lower_ in ORG_ENDINGS
            ):
                span = doc[i:j]
                added.append(
                    RawMention(
                        sid, span.start_char, span.end_char, span.text, "ORG", doc_index, i, j
                    )
                )
            i = max(j, i + 1)
    return added


def missed_mentions(
    docs: Sequence[Doc], source_ids: Sequence[str], mentions: Sequence[RawMention]
) -> list[RawMention]:
    """Document-level consistency: a name tagged once is a name wherever it recurs.

    The tagger often misses a surname-only or a repeated mention; any capitalised token run
    equal to a known name (or a known person's surname) becomes a mention with its label.
    """
    known: dict[tuple[str, ...], str] = {}
    for m in mentions:
        tokens = tuple(t.text for t in docs[m.doc_index][m.token_start : m.token_end])
        if m.demonym_of is None:
            known.setdefault(tokens, m.label)
        if m.label == "PERSON" and len(tokens) >= 2 and tokens[-1][:1].isupper():
            # The surname, not a suffix: "Whitfield Jr." makes "Whitfield" a name, not "Jr.".
            last = tokens[-1].lower().rstrip(".") in NAME_SUFFIXES
            known.setdefault((tokens[-2] if last else tokens[-1],), "PERSON")
        if m.label == "ORG" and len(tokens) >= 2:  # "European Central Bank" -> "ECB"
            for acr in acronym_variants(m.text):
                if len(acr) >= 2:
                    known.setdefault((acr.upper(),), "ORG")
    if not known:
        return []
    # "Nova 7" known: "Nova 6" is another model of the same line, a name of the same kind.
    lines = {k[:-1]: v for k, v in known.items() if len(k) >= 2 and _model_number(k[-1])}
    longest = max(len(k) for k in known)
    added: list[RawMention] = []
    for doc_index, (doc, sid) in enumerate(zip(docs, source_ids, strict=True)):
        covered = _covered_tokens(doc, doc_index, mentions, every_label=False)
        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in covered or not tok.text[:1].isupper():
                i += 1
                continue
            for n in range(min(longest, len(doc) - i), 0, -1):
                key = tuple(t.text for t in doc[i : i + n])
                label = known.get(key)
                if label is None and n >= 2 and _model_number(key[-1]):
                    label = lines.get(key[:-1])
                if label is None or any(j in covered for j in range(i, i + n)):
                    continue
                if n == 1 and tok.pos_ != "PROPN":
                    continue
                span = doc[i : i + n]
                added.append(
                    RawMention(
                        sid, span.start_char, span.end_char, span.text, label, doc_index, i, i + n
                    )
                )
                covered.update(range(i, i + n))
                i += n - 1
                break
            i += 1
    return added


def _model_number(word: str) -> bool:
    """A small number after a name: a model or version ("Nova 7", "Windows 11")."""
    return word.isdigit() and len(word) <= 2


def expands(window: str, acr: str) -> bool:
    """Whether the words of ``window`` can spell the acronym (in order, from the first)."""
    initials = "".join(w[0].lower() for w in name_words(window))
    return bool(initials) and initials[0] == acr[0] and is_subsequence(acr, initials)


@dataclass(frozen=True, slots=True)
class AcronymWindow:
    """One "(ABC)" of a document and the mentions around it."""

    match: re.Match[str]
    acronym: str
    #: Non-person mentions ending before the parenthesis, starting at most 120 characters
    #: before it, in text order: those that may spell the acronym out.
    before: list[RawMention]
    #: Mentions that start inside the acronym.
    inside: list[RawMention]
    #: Whether a mention overlaps the acronym.
    covered: bool


def acronym_windows(own: Sequence[RawMention], text: str) -> Iterator[AcronymWindow]:
    """Each "(ABC)" of one document's text with the mentions that may spell it out.

    Mentions are looked up by bisection over their start offsets, so a long text with many
    parentheses stays near-linear (a scan of every mention per parenthesis did not).
    """
    ordered = sorted(own, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    reach: list[int] = []  # reach[k]: the furthest end of ordered[0..k]
    for m in ordered:
        reach.append(max(m.end, reach[-1]) if reach else m.end)
    for match in ACRONYM_IN_PARENS.finditer(text):
        acr = compact(match.group(1))
        if len(acr) < 2:
            continue
        k = bisect_left(starts, match.end(1))
        lo = bisect_left(starts, match.start() - 120)
        hi = bisect_left(starts, match.start())
        yield AcronymWindow(
            match,
            acr,
            [m for m in ordered[lo:hi] if m.label != "PERSON" and m.end <= match.start()],
            ordered[bisect_left(starts, match.start(1)) : k],
            k > 0 and reach[k - 1] > match.start(1),
        )


def add_parenthetical_acronyms(
    docs: Sequence[Doc],
    texts: Sequence[str],
    source_ids: Sequence[str],
    mentions: Sequence[RawMention],
) -> list[RawMention]:
    """ "European Central Bank (ECB)": the acronym is a name even when the tagger skipped it."""
    added: list[RawMention] = []
    by_doc: dict[int, list[RawMention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc_index].append(m)
    for doc_index, (doc, sid) in enumerate(zip(docs, source_ids, strict=True)):
        text = texts[doc_index]
        for win in acronym_windows(by_doc[doc_index], text):
            match = win.match
            if win.covered or not is_acronym(match.group(1)):
                continue
            if not any(expands(text[m.start : match.start()], win.acronym) for m in win.before):
                continue
            span = doc.char_span(match.start(1), match.end(1))
            if span is None:
                continue
            added.append(
                RawMention(
                    sid,
                    span.start_char,
                    span.end_char,
                    span.text,
                    "ORG",
                    doc_index,
                    span.start,
                    span.end,
                )
            )
    return added
