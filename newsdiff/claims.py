"""Decide whether aligned sentences agree, and say specifically how they differ."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, utils

from newsdiff.actors import Speaker
from newsdiff.align import AlignedGroup, SentenceFeatures
from newsdiff.lexicon.numbers import COUNT_WORDS, ONES, SCALES, TENS
from newsdiff.lexicon.people import SPEECH_VERBS
from newsdiff.model import Claim, ClaimStatus, Difference

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Quotes this similar (0-100) are the same words with different punctuation or case.
SAME_QUOTE = 85.0
#: Quotes at least this similar (but not the same) are one quote worded differently.
REWORDED_QUOTE = 45.0
#: Speaker phrases this similar (token set ratio) are the same source.
SAME_SPEAKER = 70.0

_WORD_NUMBERS = {**ONES, **TENS, **SCALES, **COUNT_WORDS}
_NUMERIC = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


@dataclass(slots=True)
class SentenceDetail:
    """Per-sentence facts the claim comparison reads (built by the pipeline from the parse)."""

    predicate: tuple[str, str] | None = None
    """(comparison key, surface text) of the main predicate: ("meet with", "met with")."""
    speakers: tuple[Speaker, ...] = ()
    quote: str | None = None
    entity_names: Mapping[str, str] = field(default_factory=dict)
    number_text: Mapping[str, str] = field(default_factory=dict)
    """Normalised value -> surface text."""
    date_text: Mapping[str, str] = field(default_factory=dict)
    time_text: Mapping[str, str] = field(default_factory=dict)


def normalise_number(text: str) -> str:
    """A comparable value for a number phrase: "two" -> 2, "1,500" -> 1500, "30%" -> 30%."""
    t = text.lower().replace("about ", "").replace("some ", "").replace("nearly ", "").strip()
    percent = t.endswith("%") or t.endswith(" percent") or t.endswith(" per cent")
    t = t.rstrip("%").replace(" per cent", "").replace(" percent", "").strip()
    words = t.replace("-", " ").split()
    value: float | None = None
    if len(words) == 1 and _NUMERIC.match(words[0]):
        value = float(words[0].replace(",", ""))
    elif words and all(w in _WORD_NUMBERS or _NUMERIC.match(w) for w in words):
        total, current = 0.0, 0.0
        for w in words:
            n = float(w.replace(",", "")) if _NUMERIC.match(w) else float(_WORD_NUMBERS[w])
            if w in SCALES:
                current = max(current, 1.0) * n
                if n >= 1000:
                    total += current
                    current = 0.0
            else:
                current += n
        value = total + current
    if value is None:
        return " ".join(words)
    rendered = f"{value:g}" if value < 1e15 else str(value)
    return rendered + ("%" if percent else "")


def predicate_of(sent: Span) -> tuple[str, str] | None:
    """Main predicate with modal, negation and preposition: "will speak", "met with"."""
    root = sent.root
    if root.lemma_.lower() in SPEECH_VERBS:  # "..., the source said": the content is the ccomp
        for child in root.children:
            if child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"}:
                root = child
                break
    if root.pos_ not in {"VERB", "AUX"}:
        return None
    aux = [c for c in root.lefts if c.dep_ in {"aux", "auxpass", "neg"}]
    particles = [c for c in root.rights if c.dep_ in {"prt", "neg"}]
    prep = next(
        (
            c
            for c in root.rights
            if c.dep_ in {"prep", "dative"}
            and c.lower_ in {"with", "to", "against", "about"}
            and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children)
        ),
        None,
    )
    tokens: list[Token] = sorted(
        [*aux, root, *particles, *([prep] if prep is not None else [])], key=lambda t: t.i
    )
    surface = " ".join(t.text for t in tokens)
    key_parts = []
    if any(a.lower_ in {"will", "shall", "'ll"} for a in aux) or any(
        a.lower_ == "going" for a in aux
    ):
        key_parts.append("FUT")
    if any(a.dep_ == "neg" for a in [*aux, *particles]):
        key_parts.append("NOT")
    key_parts.append(root.lemma_.lower())
    key_parts.extend(p.lower_ for p in particles if p.dep_ == "prt")
    if prep is not None:
        key_parts.append(prep.lower_)
    return " ".join(key_parts), surface


def _joined(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "—"


def _set_difference(kind: str, per_source: Mapping[str, Mapping[str, str]]) -> Difference | None:
    """One difference when the sources' value sets differ; values are surface texts."""
    keys = {src: set(vals) for src, vals in per_source.items()}
    if len({frozenset(v) for v in keys.values()}) <= 1:
        return None
    common = set.intersection(*keys.values()) if keys else set()
    values = {}
    for src, vals in per_source.items():
        own = [vals[k] for k in vals if k not in common]
        values[src] = _joined(sorted(dict.fromkeys(own)))
    if all(v == "—" for v in values.values()):
        return None
    return Difference(kind, values)


def compare_group(
    group: AlignedGroup, details: Mapping[str, SentenceDetail], claim_id: str
) -> Claim:
    """A claim for one aligned group: agree, differ (with differences) or only."""
    sentences = {src: s.id for src, s in group.main.items()}
    extra = {src: tuple(x.id for x in xs) for src, xs in group.extra.items() if xs}
    if len(group.main) < 2:
        return Claim(claim_id, "only", sentences, 1.0, (), extra)
    members: dict[str, list[SentenceFeatures]] = {
        src: [s, *group.extra.get(src, [])] for src, s in group.main.items()
    }
    diffs: list[Difference] = []

    entity_names: dict[str, dict[str, str]] = {}
    numbers: dict[str, dict[str, str]] = {}
    dates: dict[str, dict[str, str]] = {}
    times: dict[str, dict[str, str]] = {}
    for src, sents in members.items():
        entity_names[src], numbers[src], dates[src], times[src] = {}, {}, {}, {}
        for s in sents:
            d = details.get(s.id, SentenceDetail())
            entity_names[src].update(d.entity_names)
            numbers[src].update(d.number_text)
            dates[src].update(d.date_text)
            times[src].update(d.time_text)
    for kind, table in (
        ("entity", entity_names),
        ("number", numbers),
        ("date", dates),
        ("time", times),
    ):
        diff = _set_difference(kind, table)
        if diff is not None:
            diffs.append(diff)

    main_details = {src: details.get(s.id, SentenceDetail()) for src, s in group.main.items()}
    quote = _quote_difference(main_details)
    if quote is not None:
        diffs.append(quote)
    attribution = _attribution_difference(main_details)
    if attribution is not None:
        diffs.append(attribution)
    predicate = _predicate_difference(main_details)
    if predicate is not None:
        diffs.append(predicate)
    status: ClaimStatus = "differ" if diffs else "agree"
    return Claim(claim_id, status, sentences, round(group.score, 4), tuple(diffs), extra)


def _quote_difference(details: Mapping[str, SentenceDetail]) -> Difference | None:
    """Quotes that say the same thing in different words ("like you've never seen" vs "the
    likes of which he has never seen").

    A fragment only one source quotes is an omission, not a different wording: the claim's
    other differences and the detail panel show it.
    """
    fragments = {
        src: [q.strip(" ,.") for q in d.quote.split(" … ")] for src, d in details.items() if d.quote
    }
    if len(fragments) < 2:
        return None
    sources = list(fragments)
    reworded: dict[str, list[str]] = {src: [] for src in sources}
    base = sources[0]
    for frag in fragments[base]:
        for other in sources[1:]:
            best = max(
                fragments[other],
                key=lambda q: fuzz.ratio(frag, q, processor=utils.default_process),
            )
            score = fuzz.ratio(frag, best, processor=utils.default_process)
            if REWORDED_QUOTE <= score < SAME_QUOTE:
                if frag not in reworded[base]:
                    reworded[base].append(frag)
                if best not in reworded[other]:
                    reworded[other].append(best)
    if not any(reworded[src] for src in sources[1:]):
        return None
    return Difference("quote", {src: " … ".join(reworded.get(src, [])) or "—" for src in details})


def _attribution_difference(details: Mapping[str, SentenceDetail]) -> Difference | None:
    speakers = {src: d.speakers for src, d in details.items()}
    if not any(speakers.values()):
        return None
    ids = {src: frozenset(s.entity for s in sp if s.entity) for src, sp in speakers.items()}
    phrases = {src: " / ".join(s.phrase for s in sp) for src, sp in speakers.items()}
    attributed = [src for src, sp in speakers.items() if sp]
    differs = False
    if len(attributed) < len(speakers):
        differs = True
    elif all(ids.values()) and len(set(ids.values())) > 1:
        differs = not any(
            a & b for a, b in zip(list(ids.values()), list(ids.values())[1:], strict=False)
        )
    elif not all(ids.values()):
        texts = list(phrases.values())
        differs = any(
            fuzz.token_set_ratio(texts[0], t, processor=utils.default_process) < SAME_SPEAKER
            for t in texts[1:]
        )
    if not differs:
        return None
    return Difference("attribution", {src: phrases[src] or "—" for src in details})


def _predicate_difference(details: Mapping[str, SentenceDetail]) -> Difference | None:
    preds = {src: d.predicate for src, d in details.items() if d.predicate}
    if len(preds) < 2:
        return None
    keys = {p[0] for p in preds.values() if p}
    if len(keys) <= 1:
        return None
    flags = {tuple(w for w in k.split() if w in {"FUT", "NOT"}) for k in keys}
    verbs = {next((w for w in k.split() if w not in {"FUT", "NOT"}), "") for k in keys}
    if len(flags) == 1 and all(v in SPEECH_VERBS for v in verbs):
        return None  # "said" vs "announced": the same act of reporting
    return Difference(
        "predicate", {src: (preds[src][1] if preds.get(src) else "—") for src in details}
    )
