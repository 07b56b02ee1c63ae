"""Cluster named-entity mentions within and across sources into real-world entities."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process, utils

from newsdiff.actors import ROLE_NOUNS
from newsdiff.model import ENTITY_LABELS
from newsdiff.names import (
    GENERIC_ORG_HEADS,
    NAME_TITLES,
    PersonName,
    acronym_of,
    acronym_variants,
    are_nicknames,
    compact,
    demonym_country,
    fits_name_blend,
    is_acronym,
    is_city,
    is_subsequence,
    name_words,
    org_core,
    parse_person,
    short_form_of,
    strip_determiner,
    strip_possessive,
    strip_titles,
    translit_key,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Score cut-offs (0-100) for rapidfuzz comparisons of transliteration-folded keys.
SURNAME_CUTOFF = 86.0
GIVEN_CUTOFF = 92.0
NAME_CUTOFF = 90.0

#: Words after which a capitalised word is part of a title, not an organisation
#: ("Secretary of State").
_TITLE_HEADS = frozenset({"secretary", "minister", "ministers", "secretaries"})

_JOINING_GAP = re.compile(r"^\s+(in|of|for|on)\s+(the\s+)?$")
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")


@dataclass(slots=True)
class RawMention:
    """A cleaned NER span of one source before clustering."""

    source: str
    start: int
    end: int
    text: str
    label: str
    doc_index: int
    token_start: int
    token_end: int
    demonym_of: str | None = None


def _respan(doc: Doc, m: RawMention, start: int, end: int, label: str | None = None) -> RawMention:
    """The mention ``m`` over another token range of its document (boundaries repaired)."""
    span = doc[start:end]
    keep = m.demonym_of if start == m.token_start else None
    return RawMention(
        m.source,
        span.start_char,
        span.end_char,
        span.text,
        label or m.label,
        m.doc_index,
        start,
        end,
        keep,
    )


@dataclass(slots=True)
class _Form:
    """A distinct surface form (per label class); clustering works on forms, not mentions."""

    text: str
    is_person: bool
    mentions: list[int] = field(default_factory=list)
    label_votes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Cluster:
    """Mentions (indices into the raw mention list) judged to name one real-world entity."""

    mentions: tuple[int, ...]
    name: str
    label: str
    aliases: tuple[str, ...]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _clean_span(span: Span) -> tuple[int, int] | None:
    """Token range of the name inside an entity span, without determiners or possessives."""
    start, end = span.start, span.end
    doc = span.doc
    for i in range(start, end):  # "the World Health Organization (WHO": the name ends at "("
        if doc[i].text == "(":
            end = i
            break
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].is_space
    ):
        end -= 1
    # "American Hasim Rahman": a nationality before a person's name is not part of it.
    if span.label_ == "PERSON" and end - start >= 3 and demonym_country(doc[start].text):
        start += 1
    if start >= end:
        return None
    if not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    return start, end


#: Portfolio words that make a job title ("Defence Minister", "Army chief"), not a name.
_PORTFOLIOS = frozenset(
    {
        "defence",
        "defense",
        "foreign",
        "interior",
        "finance",
        "justice",
        "health",
        "education",
        "trade",
        "energy",
        "army",
        "navy",
        "air",
        "force",
        "treasury",
        "home",
        "economy",
        "agriculture",
        "labour",
        "labor",
        "transport",
        "culture",
        "environment",
        "intelligence",
        "police",
        "military",
        "security",
        "state",
        "commerce",
        "industry",
        "information",
        "development",
        "immigration",
        "economic",
        "national",
        "deputy",
        "prime",
    }
)


def _is_title_part(span: Span) -> bool:
    """ "State" in "Secretary of State", "Defence" in "Defence Minister": a job, not a name."""
    doc = span.doc
    i = span.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _TITLE_HEADS:
        return True
    if not all(t.lower_ in _PORTFOLIOS for t in span):
        return False
    return span.end < len(doc) and doc[span.end].lower_ in ROLE_NOUNS


def _after_person_title(doc: Doc, start: int, end: int) -> bool:
    """A short run of capitalised words right after a person's title is a person's name."""
    if start == 0 or end - start > 3:
        return False
    before = doc[start - 1]
    if before.lower_.rstrip(".") not in NAME_TITLES and before.lower_ not in ROLE_NOUNS:
        return False
    words = doc[start:end]
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in words)


def collect_mentions(docs: Sequence[Doc], source_ids: Sequence[str]) -> list[RawMention]:
    """Named-entity mentions of every source, trimmed to the name itself."""
    mentions: list[RawMention] = []
    # Doc.text and Doc.ents rebuild their result on every access: read each once per document.
    texts = [doc.text for doc in docs]
    for doc_index, (doc, sid) in enumerate(zip(docs, source_ids, strict=True)):
        for span in doc.ents:
            if span.label_ not in ENTITY_LABELS or _is_title_part(span):
                continue
            bounds = _clean_span(span)
            if bounds is None:
                continue
            ts, te = bounds
            sub = doc[ts:te]
            start, end = sub.start_char, sub.end_char
            text = texts[doc_index][start:end]
            bare = strip_possessive(text)
            end -= len(text) - len(bare)
            text = bare
            if not text.strip():
                continue
            label = span.label_
            if label != "PERSON" and _after_person_title(doc, ts, te):
                label = "PERSON"  # "Chancellor Olaf Scholz" tagged ORG
            demonym = demonym_country(text) if label in {"NORP", "GPE"} else None
            if label == "GPE" and demonym is not None and text[0].isupper():
                label = "NORP"  # spaCy sometimes tags an adjective such as "Ukrainian" as GPE
            mentions.append(
                RawMention(sid, start, end, text, label, doc_index, ts, te, demonym_of=demonym)
            )
    mentions = _trust_headlines_less(docs, mentions)
    mentions = _trim_to_known_names(docs, mentions)
    mentions = _split_at_known_names(docs, mentions)
    mentions = _fit_to_known_names(docs, mentions)
    mentions = _include_nicknames(docs, mentions)
    mentions = _person_led_bodies(docs, mentions)
    mentions.extend(_add_parenthetical_acronyms(docs, texts, source_ids, mentions))
    mentions.sort(key=lambda m: (m.doc_index, m.start))
    mentions = _extend_to_acronyms(texts, mentions)
    mentions.extend(_missed_mentions(docs, source_ids, mentions))
    mentions.extend(_organisation_chunks(docs, source_ids, mentions))
    mentions.sort(key=lambda m: (m.doc_index, m.start))
    return _include_versions(docs, mentions)


def _is_headline(sent: Span) -> bool:
    """Title Case lines ("Colts Beat Chiefs 23-20") defeat a tagger trained on prose."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) / len(words) < 0.75:
        return False
    # Prose writes "with", "into", "from" in lower case; headline style capitalises them.
    small = [t for t in sent[1:] if t.is_stop and t.is_alpha and len(t) >= 3]
    if small:
        return all(t.text[0].isupper() for t in small)
    last = sent[-1].text if len(sent) else ""
    return last not in {".", "!", "?"}


def _trust_headlines_less(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """In a headline keep only names the prose of the story also uses.

    The prose names are then found again in the headline by the document-level pass, with
    clean boundaries.
    """
    headline_tokens: list[set[int]] = []
    for doc in docs:
        tokens: set[int] = set()
        for sent in doc.sents:
            if _is_headline(sent):
                tokens.update(range(sent.start, sent.end))
        headline_tokens.append(tokens)
    if not any(headline_tokens):
        return mentions
    prose_forms = {m.text for m in mentions if m.token_start not in headline_tokens[m.doc_index]}
    return [
        m
        for m in mentions
        if m.token_start not in headline_tokens[m.doc_index] or m.text in prose_forms
    ]


def _trim_to_known_names(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """Cut headline run-ons back to a name the story uses elsewhere.

    In title-case headlines the tagger reads "Lindsay Lohan Checks Into Rehab" as one name;
    when "Lindsay Lohan" is a name elsewhere in the comparison, the mention is that name.
    Verbs and function words after the first two words of a name end it too.
    """
    out: list[RawMention] = []
    person_forms = {
        tuple(t.lower_ for t in docs[m.doc_index][m.token_start : m.token_end])
        for m in mentions
        if m.label == "PERSON" and 2 <= m.token_end - m.token_start <= 3
    }
    for m in mentions:
        doc = docs[m.doc_index]
        te = m.token_end
        if m.label == "PERSON" and te - m.token_start > 2:
            for j in range(m.token_start + 2, te):
                tok = doc[j]
                if tok.pos_ in {"VERB", "AUX", "ADP", "CCONJ"} or tok.is_stop:
                    te = j
                    break
            words = tuple(t.lower_ for t in doc[m.token_start : te])
            for n in range(len(words) - 1, 1, -1):
                if words[:n] in person_forms:
                    te = m.token_start + n
                    break
        if te != m.token_end:
            m = _respan(doc, m, m.token_start, te)
        out.append(m)
    return out


_NICKNAME_MARKS = {"(": ")", '"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}


def _split_at_known_names(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Lopez and Carrasquillo", "Bluejays' Valley": one tagged span, known names inside.

    A span joined by "and" is two mentions when both sides are names the comparison uses
    alone, or one is a person's name or surname; so is one joined by "at"/"in"/"vs" after
    such a name ("Jaguars at Jacksonville Municipal Stadium"); a plural possessive inside a
    span ends the name when the part before it is such a name.
    """
    known = {compact(m.text) for m in mentions}
    people: set[str] = set()  # people's names and surnames
    for m in mentions:
        if m.label == "PERSON":
            people.add(compact(m.text))
            if len(words := m.text.split()) >= 2:
                people.add(compact(words[-1]))
    known |= people

    def piece(m: RawMention, start: int, end: int) -> RawMention:
        return _respan(docs[m.doc_index], m, start, end)

    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        inner = range(m.token_start + 1, m.token_end - 1)
        split = False
        for k in inner:
            tok = doc[k]
            left = doc[m.token_start : k]
            if tok.text == "," and compact(left.text) in known:
                right = doc[k + 1 : m.token_end]
                if compact(right.text) in known:  # "People, Reid": both names used alone
                    out.extend((piece(m, m.token_start, k), piece(m, k + 1, m.token_end)))
                    split = True
                    break
            if tok.text in {"at", "in", "vs", "vs."} and compact(left.text) in known:
                right = doc[k + 1 : m.token_end]
                if right.text[:1].isupper():  # "Jaguars at Jacksonville Municipal Stadium"
                    out.extend((piece(m, m.token_start, k), piece(m, k + 1, m.token_end)))
                    split = True
                    break
            if tok.lower_ == "and" and left.text[:1].isupper():
                right = doc[k + 1 : m.token_end]
                sides = {compact(left.text), compact(right.text)}
                # Both sides names, or one a person ("Philly and Cheeks"); "Bosnia and
                # Herzegovina" stays one name.
                if right.text[:1].isupper() and (sides <= known or sides & people):
                    out.extend((piece(m, m.token_start, k), piece(m, k + 1, m.token_end)))
                    split = True
                    break
            if (
                tok.text in {"'", "\u2019"}
                and doc[k - 1].text.endswith("s")
                and (compact(left.text) in known)
            ):
                out.append(piece(m, m.token_start, k))
                split = True
                break
        if not split:
            out.append(m)
    return out


#: Nouns that turn a leader's name into the body they lead ("the Obama administration").
_LED_BODIES = frozenset(
    {"administration", "government", "cabinet", "campaign", "camp", "team", "regime", "junta"}
)


def _person_led_bodies(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "The Obama administration" is an organisation, not Barack Obama.

    A person's name followed by a lower-case noun such as "administration" or "campaign" names
    the body that person leads; the mention covers both words and is labelled ORG.
    """
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        nxt = doc[m.token_end] if m.token_end < len(doc) else None
        if (
            m.label == "PERSON"
            and nxt is not None
            and nxt.lower_ in _LED_BODIES
            and nxt.text.islower()
            and doc[m.token_end - 1].whitespace_
        ):
            m = _respan(doc, m, m.token_start, m.token_end + 1, "ORG")
        out.append(m)
    return out


def _include_nicknames(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Luis Gerardo (Jerry) Ortiz": the tagger stops at the bracket; the name goes on.

    The nickname then counts as one of the person's given names, so "Jerry Ortiz" elsewhere
    is the same person.
    """
    out: list[RawMention] = []
    for m in mentions:
        doc = docs[m.doc_index]
        te = m.token_end
        if m.label == "PERSON" and te + 3 < len(doc):
            open_, nick, close, surname = doc[te], doc[te + 1], doc[te + 2], doc[te + 3]
            if (
                _NICKNAME_MARKS.get(open_.text) == close.text
                and nick.text[:1].isupper()
                and nick.is_alpha
                and surname.text[:1].isupper()
                and surname.pos_ == "PROPN"
                and "\n" not in doc[m.token_start : te + 4].text
            ):
                m = _respan(doc, m, m.token_start, te + 4)
        out.append(m)
    return out


def _include_versions(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """ "Internet Explorer 8" and "Internet Explorer 9" are two products, not one.

    A name followed by a small number is a numbered version when the comparison follows the
    same name with two or more different numbers; a score ("Colts 31, Jaguars 24") is kept out
    by the punctuation after it.
    """

    def version(m: RawMention) -> str | None:
        doc = docs[m.doc_index]
        if m.label in {"PERSON", "GPE", "NORP", "LOC"} or m.token_end >= len(doc):
            return None
        num = doc[m.token_end]
        after = doc[m.token_end + 1].text if m.token_end + 1 < len(doc) else ""
        if not (num.text.isdigit() and len(num.text) <= 2) or after in {",", "-", "–", ":"}:
            return None
        return num.text

    numbers: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if (v := version(m)) is not None:
            numbers[compact(m.text)].add(v)
    out: list[RawMention] = []
    for m in mentions:
        if version(m) is not None and len(numbers[compact(m.text)]) >= 2:
            m = _respan(docs[m.doc_index], m, m.token_start, m.token_end + 1)
        out.append(m)
    return out


def _fit_to_known_names(docs: Sequence[Doc], mentions: list[RawMention]) -> list[RawMention]:
    """Repair name boundaries against the names the comparison spells out elsewhere.

    - a nationality or a job before a name the story also uses alone is not part of it
      ("American Hasim Rahman", "Coroner Gary Hargrove");
    - a name the tagger cut short grows to the longer name used elsewhere ("US Surgeon" +
      "General", "Kathina" + "Thomas");
    - capitalised modifiers the tagger left out ("Internet" + "Explorer") join the name when
      that longer name recurs in the comparison.
    """
    known: dict[str, str] = {}
    for m in mentions:
        if m.token_end - m.token_start >= 2:
            key = compact(m.text)
            if known.get(key) != "PERSON":
                known[key] = m.label
    occupied: dict[int, set[int]] = defaultdict(set)
    for m in mentions:
        occupied[m.doc_index].update(range(m.token_start, m.token_end))

    def free(doc_index: int, k: int, own: RawMention) -> bool:
        tok = docs[doc_index][k]
        return tok.text[:1].isupper() and (
            k not in occupied[doc_index] or own.token_start <= k < own.token_end
        )

    bounds: list[tuple[int, int, list[int], int]] = []
    labels: list[str] = []
    compounds: Counter[str] = Counter()
    for m in mentions:
        doc = docs[m.doc_index]
        ts, te = m.token_start, m.token_end
        label = m.label
        first = doc[ts]
        if (
            te - ts >= 3
            and (
                demonym_country(first.text)
                or first.lower_ in ROLE_NOUNS
                or first.lower_.rstrip(".") in NAME_TITLES
            )
            and compact(doc[ts + 1 : te].text) in known
        ):
            ts += 1
            label = known[compact(doc[ts:te].text)]  # "American Hasim Rahman" tagged ORG
        for k in range(ts + 1, te - 1):  # "Nominee for Surgeon General" (a headline)
            if doc[k].lower_ in {"for", "of"}:
                if (
                    all(
                        t.lower_ in ROLE_NOUNS or t.lower_.rstrip(".") in NAME_TITLES
                        for t in doc[ts:k]
                    )
                    and compact(doc[k + 1 : te].text) in known
                ):
                    ts = k + 1
                break
        best = (ts, te)
        for left in range(3 if ts == m.token_start else 0):
            for right in range(3):
                a, b = ts - left, te + right
                if a < 0 or b > len(doc) or b - a <= best[1] - best[0]:
                    continue
                if not all(free(m.doc_index, k, m) for k in [*range(a, ts), *range(te, b)]):
                    continue
                if "\n" not in doc[a:b].text and compact(doc[a:b].text) in known:
                    best = (a, b)
        ts, te = best
        starts: list[int] = []  # possible earlier starts over compound modifiers, nearest first
        if m.label != "PERSON":
            a = ts
            while (
                a > 0
                and doc[a - 1].pos_ in {"PROPN", "NOUN"}
                and doc[a - 1].dep_ == "compound"
                and ts <= doc[a - 1].head.i < te
                and not doc[a - 1].is_sent_start
                and free(m.doc_index, a - 1, m)
            ):
                a -= 1
                starts.append(a)
                compounds[compact(doc[a:te].text)] += 1
        end = te  # "Hollywood" + "Reporter": a place that modifies a capitalised head
        if (
            m.label in {"GPE", "NORP", "LOC"}
            and te < len(doc)
            and doc[te - 1].dep_ == "compound"
            and doc[te - 1].head.i == te
            and doc[te].text[:1].isalnum()
            and doc[te].text != doc[te].text.lower()
            and doc[te - 1].whitespace_ == " "
            and free(m.doc_index, te, m)
        ):
            end = te + 1
            compounds[compact(doc[ts:end].text)] += 1
        bounds.append((ts, te, starts, end))
        labels.append(label)
    out: list[RawMention] = []
    for m, (ts, te, starts, end), label in zip(mentions, bounds, labels, strict=True):
        doc = docs[m.doc_index]
        for a in starts:
            if compounds[compact(doc[a:te].text)] < 2:
                break  # a longer name must recur to be trusted
            ts = a
        if end > te and compounds[compact(doc[ts:end].text)] >= 2:
            te, label = end, "ORG"  # "Hollywood Reporter", "Philly Sixers"
        if (ts, te) == (m.token_start, m.token_end):
            out.append(m)
            continue
        out.append(_respan(doc, m, ts, te, label))
    # Two mentions grown into one name: keep the first.
    seen: set[tuple[int, int]] = set()
    kept: list[RawMention] = []
    for m in out:
        if any((m.doc_index, k) in seen for k in range(m.token_start, m.token_end)):
            continue
        seen.update((m.doc_index, k) for k in range(m.token_start, m.token_end))
        kept.append(m)
    return kept


def _extend_to_acronyms(texts: Sequence[str], mentions: list[RawMention]) -> list[RawMention]:
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


#: Last words that make a run of proper nouns an organisation ("Premier League").
_ORG_ENDINGS = (GENERIC_ORG_HEADS - {"city", "state", "county", "republic", "kingdom"}) | {
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


def _organisation_chunks(
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
                and doc[j - 1].lower_ in _ORG_ENDINGS
            ):
                span = doc[i:j]
                added.append(
                    RawMention(
                        sid, span.start_char, span.end_char, span.text, "ORG", doc_index, i, j
                    )
                )
            i = max(j, i + 1)
    return added


def _missed_mentions(
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
            known.setdefault((tokens[-1],), "PERSON")
        if m.label == "ORG" and len(tokens) >= 2:  # "European Central Bank" -> "ECB"
            for acr in acronym_variants(m.text):
                if len(acr) >= 2:
                    known.setdefault((acr.upper(),), "ORG")
    if not known:
        return []
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


def _form_key(m: RawMention) -> tuple[bool, str]:
    person = m.label == "PERSON"
    text = m.demonym_of if m.demonym_of else strip_determiner(m.text)[1]
    return person, " ".join(name_words(text))


def _link_parenthetical_acronyms(
    docs: Sequence[Doc], mentions: Sequence[RawMention], uf: _UnionFind
) -> None:
    """Join "Organization for ... in Europe (OSCE)" even when the expansion is garbled.

    The acronym's letters must appear, in order and starting with the first, among the initials
    of the words between an organisation mention and the parenthesis.
    """
    by_doc: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_doc[m.doc_index].append(i)
    for doc_index, idxs in by_doc.items():
        text = docs[doc_index].text
        for match in _ACRONYM_IN_PARENS.finditer(text):
            acr = compact(match.group(1))
            if len(acr) < 2:
                continue
            inner = [i for i in idxs if mentions[i].start >= match.start(1)]
            acr_mentions = [i for i in inner if mentions[i].start < match.end(1)]
            candidates = [
                i
                for i in idxs
                if mentions[i].label != "PERSON"
                and match.start() - mentions[i].end >= 0
                and mentions[i].start >= match.start() - 120
                and mentions[i].start < match.start()
            ]
            for i in sorted(candidates, key=lambda k: mentions[k].start):
                if _expands(text[mentions[i].start : match.start()], acr):
                    for j in acr_mentions:
                        uf.union(i, j)
                    break


def _expands(window: str, acr: str) -> bool:
    """Whether the words of ``window`` can spell the acronym (in order, from the first)."""
    initials = "".join(w[0].lower() for w in name_words(window))
    return bool(initials) and initials[0] == acr[0] and is_subsequence(acr, initials)


def _add_parenthetical_acronyms(
    docs: Sequence[Doc],
    texts: Sequence[str],
    source_ids: Sequence[str],
    mentions: Sequence[RawMention],
) -> list[RawMention]:
    """ "European Central Bank (ECB)": the acronym is a name even when the tagger skipped it."""
    added: list[RawMention] = []
    for doc_index, (doc, sid) in enumerate(zip(docs, source_ids, strict=True)):
        own = [m for m in mentions if m.doc_index == doc_index]
        text = texts[doc_index]
        for match in _ACRONYM_IN_PARENS.finditer(text):
            acr = compact(match.group(1))
            if len(acr) < 2 or not is_acronym(match.group(1)):
                continue
            if any(m.start < match.end(1) and m.end > match.start(1) for m in own):
                continue
            if not any(
                m.label != "PERSON"
                and match.start() - m.end >= 0
                and m.start >= match.start() - 120
                and _expands(text[m.start : match.start()], acr)
                for m in own
            ):
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


def cluster_mentions(docs: Sequence[Doc], mentions: Sequence[RawMention]) -> list[Cluster]:
    """Group mentions into entities by name structure, transliteration and acronyms."""
    n = len(mentions)
    uf = _UnionFind(n)
    forms: dict[tuple[bool, str], _Form] = {}
    for i, m in enumerate(mentions):
        is_person, key = _form_key(m)
        form = forms.setdefault((is_person, key), _Form(key, is_person))
        form.mentions.append(i)
        form.label_votes[m.label] = form.label_votes.get(m.label, 0) + 1
    form_list = list(forms.values())
    for form in form_list:  # identical forms: one entity
        for i in form.mentions[1:]:
            uf.union(form.mentions[0], i)

    persons = [f for f in form_list if f.is_person]
    others = [f for f in form_list if not f.is_person]
    _cluster_people(persons, uf)
    _cluster_others(others, uf)
    _link_parenthetical_acronyms(docs, mentions, uf)
    metonyms = _link_across_labels(docs, mentions, persons, others, uf)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    # "in Kansas City" (or "in K.C.") stays the city when "Kansas City" elsewhere is the team.
    for place_mentions in metonyms:
        places = [i for i in place_mentions if _is_locative(docs, mentions[i])]
        if places:
            root = uf.find(places[0])
            groups[root] = [i for i in groups[root] if i not in places]
            groups[n + places[0]] = places
    return [_make_cluster(sorted(idx), mentions, docs) for idx in groups.values()]


def _cluster_people(forms: Sequence[_Form], uf: _UnionFind) -> None:
    """Full names join when surnames and given names match; surnames join one full name."""
    parsed = [(f, parse_person(f.text)) for f in forms]
    full = [(f, p) for f, p in parsed if p is not None and p.given]
    single = [(f, p) for f, p in parsed if p is not None and not p.given]
    if full:
        surnames = [p.surname_key for _, p in full]
        scores = process.cdist(
            surnames, surnames, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF, workers=-1
        )
        for a in range(len(full)):
            for b in range(a + 1, len(full)):
                if scores[a][b] and (
                    _given_compatible(full[a][1].given_keys, full[b][1].given_keys)
                    or are_nicknames(full[a][1].given[0], full[b][1].given[0])
                ):
                    uf.union(full[a][0].mentions[0], full[b][0].mentions[0])
    # A lone surname joins the full name it belongs to, unless two different people share it.
    roots_by_surname: dict[int, set[int]] = defaultdict(set)
    if full and single:
        singles = [p.surname_key for _, p in single]
        surnames = [p.surname_key for _, p in full]
        scores = process.cdist(
            singles, surnames, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF, workers=-1
        )
        for a in range(len(single)):
            for b in range(len(full)):
                if scores[a][b]:
                    roots_by_surname[a].add(uf.find(full[b][0].mentions[0]))
        for a, roots in roots_by_surname.items():
            target = _dominant_root(roots, full, uf)
            if target is not None:
                uf.union(single[a][0].mentions[0], target)
    # A lone given name ("Kathina" after "Kathina Thomas") joins the one person who has it,
    # when it is nobody's surname.
    given_roots: dict[str, set[int]] = defaultdict(set)
    for form, p in full:
        given_roots[p.given_keys[0]].add(uf.find(form.mentions[0]))
    surname_keys = {p.surname_key for _, p in full}
    for a, (form, p) in enumerate(single):
        if a in roots_by_surname or p.surname_key in surname_keys:
            continue
        roots = given_roots.get(p.surname_key, set())
        if len(roots) == 1:
            uf.union(form.mentions[0], next(iter(roots)))
            roots_by_surname[a] = roots
    # Lone names with no full form: join their spelling variants (Zelensky / Zelenski).
    loose = [single[a] for a in range(len(single)) if a not in roots_by_surname]
    if len(loose) > 1:
        keys = [p.surname_key for _, p in loose]
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF, workers=-1)
        for a in range(len(loose)):
            for b in range(a + 1, len(loose)):
                if scores[a][b]:
                    uf.union(loose[a][0].mentions[0], loose[b][0].mentions[0])


def _dominant_root(
    roots: set[int], full: Sequence[tuple[_Form, PersonName]], uf: _UnionFind
) -> int | None:
    """The person a lone surname means: the only candidate, or one named far more often.

    News stories about Wladimir Klitschko mention his brother Vitali once or twice; a bare
    "Klitschko" then means Wladimir. With no clear majority we do not guess.
    """
    if len(roots) == 1:
        return next(iter(roots))
    counts: dict[int, int] = defaultdict(int)
    for form, _ in full:
        root = uf.find(form.mentions[0])
        if root in roots:
            counts[root] += len(form.mentions)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) >= 2 and ranked[0][1] >= 3 * ranked[1][1]:
        return ranked[0][0]
    return None


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree, allowing transliteration and initials (J. Biden / Joe Biden).

    A person named with several given names may go by a later one: "Luis Gerardo (Jerry)
    Ortiz" is "Jerry Ortiz" and "Gerardo Ortiz".
    """
    for many, one in ((a, b), (b, a)):
        if (
            len(many) > 1
            and len(one) == 1
            and len(one[0]) > 1
            and any(len(g) > 1 and _given_equal(g, one[0]) for g in many[1:])
        ):
            return True
    first_a, first_b = a[0], b[0]
    if short_form_of(first_a, first_b) or short_form_of(first_b, first_a):
        return True  # "Mo Cheeks" / "Maurice Cheeks"
    if len(first_a) == 1 or len(first_b) == 1:
        if first_a[0] == first_b[0]:
            return True
        # "W. Mark Felt" / "Mark Felt": a leading initial, then the name people use.
        return any(_given_equal(x, y) for x in a[1:] or a for y in b[1:] or b)
    return _given_equal(first_a, first_b)


def _given_equal(a: str, b: str) -> bool:
    """Same given name, allowing transliteration and short forms (Fred / Frederick)."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return fuzz.ratio(a, b) >= GIVEN_CUTOFF


def _cluster_others(forms: Sequence[_Form], uf: _UnionFind) -> None:
    """Organisations and places: compact spelling, acronym/expansion and fuzzy spelling."""
    by_compact: dict[str, list[_Form]] = defaultdict(list)
    for f in forms:
        by_compact[org_core(f.text)].append(f)
    for group in by_compact.values():  # U.S. / US / u.s.
        for f in group[1:]:
            uf.union(group[0].mentions[0], f.mentions[0])
    acronyms: dict[str, list[_Form]] = defaultdict(list)
    for f in forms:
        if is_acronym(f.text) or (len(f.text) <= 5 and f.text.isupper()):
            acronyms[compact(f.text)].append(f)
    for f in forms:
        variants = acronym_variants(f.text)
        if len(f.text.split()) >= 2 and _majority_label(f) == "ORG":
            variants |= {"t" + acr for acr in variants}  # THR: The Hollywood Reporter
        for acr in variants:
            for g in acronyms.get(acr, ()):
                uf.union(f.mentions[0], g.mentions[0])
    multi = [f for f in forms if len(f.text.split()) > 1]
    if len(multi) > 1:
        keys = [" ".join(translit_key(w) for w in f.text.split()) for f in multi]
        scores = process.cdist(
            keys,
            keys,
            scorer=fuzz.ratio,
            processor=utils.default_process,
            score_cutoff=NAME_CUTOFF,
            workers=-1,
        )
        digits = [re.sub(r"\D+", " ", f.text).split() for f in multi]
        for a in range(len(multi)):
            for b in range(a + 1, len(multi)):
                # "Internet Explorer 8" / "Internet Explorer 9", "G7" / "G20": other things.
                if scores[a][b] and digits[a] == digits[b]:
                    uf.union(multi[a].mentions[0], multi[b].mentions[0])


def _majority_label(form: _Form) -> str:
    """The label most of a form's mentions got."""
    if not form.label_votes:
        return ""
    return max(form.label_votes, key=lambda k: form.label_votes[k])


_LOCATIVE = frozenset({"in", "at", "to", "from", "near", "outside", "across"})
_PREPOSITIONS = frozenset({"of", "for", "in", "on", "at", "and", "&"})


def _link_across_labels(
    docs: Sequence[Doc],
    mentions: Sequence[RawMention],
    persons: Sequence[_Form],
    others: Sequence[_Form],
    uf: _UnionFind,
) -> list[list[int]]:
    """Join forms the tagger labelled inconsistently; the majority vote then picks the label.

    - the same name tagged PERSON once and ORG/GPE elsewhere;
    - a lone surname tagged as an organisation or place ("Zelenskyy said") joins the one
      person of the story with that surname, unless it is used as a place ("in Jackson");
    - a single word that starts or ends exactly one longer organisation name joins it
      ("Nordhavn" / "Nordhavn Bank", "Dortmund" / "Borussia Dortmund");
    - other spellings of one name (`_link_name_variants`), name blends ("LiLo"), and places
      used for the team named after them (`_link_place_metonyms`).
    """
    other_by_key = {compact(f.text): f for f in others}
    for f in persons:
        match = other_by_key.get(compact(f.text))
        if match is not None:
            uf.union(f.mentions[0], match.mentions[0])

    surnames: dict[str, set[int]] = defaultdict(set)
    for f in persons:
        p = parse_person(f.text)
        if p is not None and p.given:
            surnames[compact(p.surname)].add(uf.find(f.mentions[0]))

    def locative(form: _Form) -> bool:
        """Mostly used as a place ("in Jackson"), so not a person's surname."""
        hits = sum(1 for i in form.mentions if _is_locative(docs, mentions[i]))
        return hits * 2 > len(form.mentions)

    # "Abdel-Fattah Burhan" tagged GPE is the person "Abdel Fattah al-Burhan".
    full_people = [(f, p) for f in persons if (p := parse_person(f.text)) is not None and p.given]
    for f in others:
        words = f.text.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        p = parse_person(f.text)
        if p is None or not p.given:
            continue
        for g, q in full_people:
            if fuzz.ratio(p.surname_key, q.surname_key) >= SURNAME_CUTOFF and _given_compatible(
                p.given_keys, q.given_keys
            ):
                uf.union(f.mentions[0], g.mentions[0])
                break

    singles = [f for f in [*persons, *others] if len(f.text.split()) == 1]
    for f in singles:
        if f.is_person:
            continue
        roots = surnames.get(compact(f.text))
        if roots is None or locative(f):
            continue
        target = _dominant_root(roots, full_people, uf)
        if target is not None:
            uf.union(f.mentions[0], target)

    _link_name_variants(persons, others, singles, uf)

    # "LiLo" is Lindsay Lohan when she is the only person of the story the blend fits.
    for f in singles:
        roots = {uf.find(g.mentions[0]) for g, q in full_people if fits_name_blend(f.text, q)}
        if len(roots) == 1:
            uf.union(f.mentions[0], next(iter(roots)))

    # The last word of a name is its head ("Chiefs" of "Kansas City Chiefs") and wins over a
    # first word ("Chiefs" of a run-on "Chiefs WR Terrance Copper").
    by_last: dict[str, list[_Form]] = defaultdict(list)
    by_first: dict[str, list[_Form]] = defaultdict(list)
    for f in others:
        words = f.text.split()
        # The tagger calls a team a facility as often as an organisation ("Jacksonville Jaguars").
        if len(words) < 2 or _majority_label(f) not in {"ORG", "FAC"}:
            continue
        if words[0][:1].isupper() and words[0].lower() not in GENERIC_ORG_HEADS:
            by_first[compact(words[0])].append(f)
        if (
            words[-1][:1].isupper()
            and words[-1].lower() not in GENERIC_ORG_HEADS
            and not any(w.lower() in _PREPOSITIONS for w in words[:-1])
        ):
            by_last[compact(words[-1])].append(f)
    for f in singles:
        key = compact(f.text)
        if key in surnames:
            continue  # a person's surname, handled above
        if _majority_label(f) not in {"ORG", "PERSON", ""}:
            continue  # "European" (a group) is not "European Union"; places keep their name
        for table in (by_last, by_first):
            targets = {uf.find(g.mentions[0]) for g in table.get(key, ())}
            if targets:
                if len(targets) == 1:
                    uf.union(f.mentions[0], next(iter(targets)))
                break
    return _link_place_metonyms(docs, mentions, [*persons, *others], uf, locative)


def _link_name_variants(
    persons: Sequence[_Form], others: Sequence[_Form], singles: Sequence[_Form], uf: _UnionFind
) -> None:
    """Other spellings of one organisation or place: longer, shorter, clipped or reordered.

    Run in this order: later rules see the groups the earlier ones made.
    """
    _link_name_tails(others, uf)
    _link_geo_heads_and_sections(others, uf)
    _link_kind_words(persons, others, uf)
    _link_clipped_plurals(persons, others, uf)
    _link_reordered_names(others, uf)
    _link_unique_heads(others, singles, uf)


def _link_name_tails(others: Sequence[_Form], uf: _UnionFind) -> None:
    """A name ending with another name of two words or more names the same thing.

    "Aoraki Mount Cook" / "Mount Cook", "U.S. Surgeon General" / "Surgeon General"; only when
    one longer name ends that way.
    """
    by_core = {org_core(f.text): f for f in others if len(f.text.split()) >= 2}
    tails: dict[str, set[int]] = defaultdict(set)
    for f in others:
        words = name_words(f.text)
        if len(words) < 3 or any(w.lower() in _PREPOSITIONS for w in words):
            continue
        for k in range(1, len(words) - 1):
            tail = org_core(" ".join(words[k:]))
            if tail in by_core:
                tails[tail].add(uf.find(f.mentions[0]))
                break
    for tail, roots in tails.items():
        if len(roots) == 1:
            uf.union(by_core[tail].mentions[0], next(iter(roots)))


def _link_geo_heads_and_sections(others: Sequence[_Form], uf: _UnionFind) -> None:
    """A geographic head or a section reference does not change what is named.

    "the Mediterranean Sea" / "the Mediterranean"; "Section 7 of the Clean Air Act" / "the
    Clean Air Act".
    """
    by_text = {org_core(f.text): f for f in others}
    for f in others:
        words = name_words(f.text)
        label = _majority_label(f)
        short: _Form | None = None
        if label in {"LOC", "GPE"} and len(words) >= 2 and words[-1].lower() in _GEO_HEADS:
            short = by_text.get(org_core(" ".join(words[:-1])))
            if short is not None and _majority_label(short) not in {"LOC", "GPE"}:
                short = None
        elif label == "LAW" and "of" in words[1:-1]:
            cut = words.index("of", 1) + 1
            if words[cut].lower() == "the":
                cut += 1
            short = by_text.get(org_core(" ".join(words[cut:])))
        if short is not None:
            uf.union(f.mentions[0], short.mentions[0])


def _link_kind_words(persons: Sequence[_Form], others: Sequence[_Form], uf: _UnionFind) -> None:
    """A trailing word saying what kind of body it is does not change which body.

    "Staunton Police Department" / "Staunton Police", "People magazine" / "People".
    """
    by_core_all: dict[str, list[_Form]] = defaultdict(list)
    for f in [*persons, *others]:
        by_core_all[org_core(f.text)].append(f)
    for f in others:
        words = f.text.split()
        if len(words) < 2 or words[-1].lower() not in _KIND_WORDS:
            continue
        if _majority_label(f) not in {"ORG", "FAC"}:
            continue
        for g in by_core_all.get(org_core(" ".join(words[:-1])), ()):
            uf.union(f.mentions[0], g.mentions[0])


def _link_clipped_plurals(
    persons: Sequence[_Form], others: Sequence[_Form], uf: _UnionFind
) -> None:
    """ "Jags" / "Jaguars", "Dems" / "Democrats": a clipped plural group name."""
    plurals = [
        f
        for f in [*persons, *others]
        if len(f.text.split()) == 1
        and f.text[:1].isupper()
        and f.text.endswith("s")
        and not f.text.isupper()
        and _majority_label(f) not in {"GPE", "LOC", "NORP"}
    ]
    for f in plurals:
        stem = f.text[:-1].lower()
        if len(stem) < 3:
            continue
        roots = {
            uf.find(g.mentions[0])
            for g in plurals
            if len(g.text) > len(f.text) + 1 and g.text.lower().startswith(stem)
        }
        if len(roots) == 1:
            uf.union(f.mentions[0], next(iter(roots)))


def _link_reordered_names(others: Sequence[_Form], uf: _UnionFind) -> None:
    """Translations of one name put the same content words in another order.

    "Central Commission for Elections" / "Central Elections Commission": three or more
    capitalised words, three quarters of them shared.
    """
    bags: list[tuple[_Form, frozenset[str]]] = []
    for f in others:
        if _majority_label(f) != "ORG":
            continue
        words = [w.lower() for w in name_words(f.text) if w[:1].isupper()]
        if len(words) >= 3:
            bags.append((f, frozenset(w.rstrip("s") for w in words)))
    for a in range(len(bags)):
        for b in range(a + 1, len(bags)):
            x, y = bags[a][1], bags[b][1]
            if len(x & y) / len(x | y) >= 0.75:
                uf.union(bags[a][0].mentions[0], bags[b][0].mentions[0])


def _link_unique_heads(others: Sequence[_Form], singles: Sequence[_Form], uf: _UnionFind) -> None:
    """ "the Navy" is the Indian Navy when that is the only navy the comparison names."""
    for f in singles:
        head = f.text.lower()
        if head not in _UNIQUE_HEADS or not f.text[:1].isupper():
            continue
        roots = {
            uf.find(g.mentions[0])
            for g in others
            if len(g.text.split()) >= 2
            and g.text.split()[-1].lower() == head
            and _majority_label(g) == "ORG"
        }
        if len(roots) == 1:
            uf.union(f.mentions[0], next(iter(roots)))


#: Last words of organisations named after a place that are not a team's name: "New York" is
#: not "The New York Times" even where the story says "the Times".
_PLACE_NAMED_HEADS = GENERIC_ORG_HEADS | {
    "times",
    "news",
    "globe",
    "post",
    "journal",
    "herald",
    "tribune",
    "daily",
    "observer",
    "airport",
    "port",
    "stock",
    "exchange",
    "zoo",
    "museum",
    "hospital",
    "prison",
    "station",
    "centre",
    "center",
    "police",
    "fire",
}


def _is_locative(docs: Sequence[Doc], m: RawMention) -> bool:
    """ "in Jackson", "to Geneva": the name is used as a location."""
    return m.token_start > 0 and docs[m.doc_index][m.token_start - 1].lower_ in _LOCATIVE


#: Trailing words that say what kind of body a name is ("People magazine", "Police Department").
_KIND_WORDS = frozenset(
    {"department", "magazine", "newspaper", "daily", "channel", "network", "website", "tabloid"}
)

#: Geographic heads a place can be named with or without ("the Mediterranean [Sea]").
_GEO_HEADS = frozenset(
    {"sea", "ocean", "river", "lake", "mountains", "desert", "island", "islands", "peninsula"}
)

#: Generic heads that, alone and capitalised, mean the one such body the story names ("the
#: Navy", "the Council"). Not "House" or "Court": "the House" is rarely "the White House".
_UNIQUE_HEADS = frozenset(
    {
        "navy",
        "army",
        "council",
        "party",
        "commission",
        "committee",
        "ministry",
        "agency",
        "federation",
        "association",
        "institute",
    }
)


def _link_place_metonyms(
    docs: Sequence[Doc],
    mentions: Sequence[RawMention],
    forms: Sequence[_Form],
    uf: _UnionFind,
    locative: Callable[[_Form], bool],
) -> list[list[int]]:
    """A place that begins a team's name is the team when not used as a location.

    Sports reports say "Kansas City beat Indianapolis" for the Chiefs and the Colts. When the
    story names "Kansas City Chiefs" and also calls them "the Chiefs" alone, the place name,
    where it is mostly not after "in"/"at", means the team. The tagger often cuts the full
    name in two ("North Carolina" + "Tar Heels"), so two adjacent mentions count as one name.
    """
    places = {
        compact(f.text): f
        for f in forms
        if not f.is_person and _majority_label(f) in {"GPE", "LOC"} and not locative(f)
    }
    if not places:
        return []
    by_key: dict[str, list[_Form]] = defaultdict(list)
    for f in forms:
        by_key[compact(f.text)].append(f)
    # (place, rest, whole name): one mention "Kansas City Chiefs", or two adjacent mentions.
    named: list[tuple[_Form, _Form, _Form | None]] = []
    for g in forms:
        words = g.text.split()
        if g.is_person or len(words) < 2 or _majority_label(g) not in {"ORG", "FAC"}:
            continue
        if any(w.lower() in _PREPOSITIONS for w in words):
            continue
        for k in range(1, len(words)):
            place = places.get(compact(" ".join(words[:k])))
            rests = by_key.get(compact(" ".join(words[k:])), [])
            if place is None or not rests:
                continue
            root = uf.find(g.mentions[0])
            # The rest must be used alone for this organisation ("the Chiefs").
            rest = next((r for r in rests if uf.find(r.mentions[0]) == root), None)
            if rest is not None:
                named.append((place, rest, g))
            break
    form_of = {i: f for f in forms for i in f.mentions}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.doc_index != b.doc_index or a.token_end != b.token_start:
            continue
        if docs[a.doc_index][a.token_end - 1].whitespace_ != " ":
            continue  # "against Jaguars\nIndianapolis Colts": a line break ends a name
        place = places.get(compact(a.text))
        rest = form_of.get(i + 1)
        if place is None or rest is None:
            continue
        if sum(len(f.mentions) for f in by_key[compact(rest.text)]) >= 2:
            named.append((place, rest, None))
    linked: list[list[int]] = []  # the place's mentions (all spellings), per link
    for place, rest, _whole in named:
        last = rest.text.split()[-1]
        # Teams go by plural names (Chiefs, Tar Heels, 76ers, Red Sox); newspapers are kept
        # out by name.
        plural = last.lower().endswith("s") or any(
            docs[mentions[i].doc_index][mentions[i].token_end - 1].tag_ == "NNPS"
            for i in rest.mentions
        )
        if not plural or last.lower() in _PLACE_NAMED_HEADS:
            continue
        if _majority_label(rest) in {"GPE", "LOC", "NORP"}:
            continue
        root = uf.find(place.mentions[0])
        if root != uf.find(rest.mentions[0]):
            linked.append([i for i in range(len(mentions)) if uf.find(i) == root])
        uf.union(place.mentions[0], rest.mentions[0])
    return linked


def _well_formed(text: str) -> bool:
    words = text.split()
    return bool(words) and all(
        w[0].isupper() or w.lower() in {"of", "for", "and", "in", "on", "the", "de"} for w in words
    )


#: Words after a name ("Galatasaray's board", "Nordhavn shares") that only organisations take.
_ORG_CUES = frozenset(
    {
        "board",
        "shares",
        "stock",
        "headquarters",
        "coach",
        "squad",
        "fans",
        "players",
        "club",
        "chairman",
        "subsidiary",
        "shareholders",
        "stadium",
        "management",
        "executives",
        "staff",
        "employees",
        "branches",
        "customers",
        "directors",
        "ceo",
        "finances",
        "accounts",
    }
)
_PLACE_CUES = frozenset({"in", "near", "outside", "across", "around", "into"})


def _label_votes(
    idx: Sequence[int], mentions: Sequence[RawMention], docs: Sequence[Doc]
) -> Counter[str]:
    """Weighted label votes: the tagger's labels, corrected by cues the story itself gives.

    A full personal name outweighs surname-only mentions tagged otherwise; a name ending in
    "Bank" or "League", or followed by "'s board", is an organisation; "in X" is a place.
    """
    votes: Counter[str] = Counter()
    # Short forms of an organisation's name ("Dortmund" for "Borussia Dortmund") vote with it.
    org_words = {
        w
        for i in idx
        if mentions[i].label == "ORG" and len(words := mentions[i].text.split()) >= 2
        for w in (words[0], words[-1])
    }
    surnames = {
        words[-1]
        for i in idx
        if mentions[i].label == "PERSON" and len(words := mentions[i].text.split()) >= 2
    }
    for i in idx:
        m = mentions[i]
        if m.demonym_of is not None:
            continue
        doc = docs[m.doc_index]
        words = m.text.split()
        weight = 1
        label = m.label
        if m.label == "PERSON" and len(words) >= 2:
            parsed = parse_person(m.text)
            weight = 3 if parsed is not None and parsed.given else 1
        elif len(words) == 1 and words[0] in surnames:
            label = "PERSON"  # "Teixeira" after "Mark Teixeira", whatever the tagger said
        elif len(words) == 1 and words[0] in org_words:
            label = "ORG"
        votes[label] += weight
        if len(words) >= 2 and words[-1].lower() in _ORG_ENDINGS:
            votes["ORG"] += 7  # "Nordhavn Bank" settles what "Nordhavn" is
        if (m.label != "PERSON" or len(words) == 1) and is_city(m.text):
            votes["GPE"] += 3
        nxt = m.token_end
        possessive = nxt < len(doc) and doc[nxt].tag_ == "POS"
        if possessive:
            nxt += 1
        if any(t.lower_ in _ORG_CUES for t in doc[nxt : nxt + 2]):
            votes["ORG"] += 2  # "Dortmund's supervisory board"
        elif not possessive and any(
            t.lower_ in ROLE_NOUNS and t.text.islower() for t in doc[nxt : nxt + 2]
        ):
            votes["ORG"] += 2  # "Dortmund sporting director", "Galatasaray midfielder"
        if m.token_start > 0 and doc[m.token_start - 1].lower_ in _PLACE_CUES:
            votes["LOC" if m.label == "LOC" else "GPE"] += 2
    return votes


def _make_cluster(
    idx: Sequence[int], mentions: Sequence[RawMention], docs: Sequence[Doc]
) -> Cluster:
    votes = _label_votes(idx, mentions, docs)
    # Only demonyms: the entity is the country they refer to.
    label = votes.most_common(1)[0][0] if votes else "GPE"
    surface = Counter(strip_determiner(mentions[i].text)[1] for i in idx)
    candidates: list[str] = [
        strip_determiner(mentions[i].text)[1] for i in idx if mentions[i].demonym_of is None
    ]
    demonyms = [mentions[i].demonym_of for i in idx if mentions[i].demonym_of]
    if not candidates:
        candidates = [d for d in demonyms if d]
    if label == "PERSON":  # "Deputy Ortiz" must not beat "Jerry Ortiz" and then lose its title
        candidates = [strip_titles(c) for c in candidates]
    counts = Counter(candidates)
    name = max(
        candidates,
        key=lambda t: (
            _well_formed(t),
            not t.isupper() or label == "PERSON",
            len(t.split()),
            counts[t],
            len(t),
        ),
    )
    if label == "PERSON":
        name = strip_titles(name)
    aliases = tuple(sorted(surface, key=lambda t: (-surface[t], t)))
    return Cluster(tuple(idx), fold_spaces(name), label, aliases)


def fold_spaces(text: str) -> str:
    """Collapse runs of whitespace (names can span a line break)."""
    return " ".join(text.split())


def entity_sort_key(cluster: Cluster, mentions: Sequence[RawMention]) -> tuple[int, int, int]:
    """Most-mentioned first, then first appearance: stable ids for the same input."""
    first = min((mentions[i].doc_index, mentions[i].start) for i in cluster.mentions)
    return (-len(cluster.mentions), first[0], first[1])


def sources_of(
    cluster: Cluster, mentions: Sequence[RawMention], order: Iterable[str]
) -> tuple[str, ...]:
    """Source ids the cluster appears in, in argument order."""
    present = {mentions[i].source for i in cluster.mentions}
    return tuple(s for s in order if s in present)
