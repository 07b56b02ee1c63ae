"""Hand-built analyses for widget tests: small, deterministic and independent of spaCy."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz, utils
from textual.pilot import Pilot

from newsdiff.model import Claim, Comparison, Difference, Entity, Mention, Sentence, Source, Talk

_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[”\"]?|$)")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)+")


def split_sentences(source: Source) -> Source:
    """A source with naive sentences (enough for layout and navigation tests)."""
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(source.text):
        start, end = match.span()
        while start < end and source.text[start].isspace():
            start += 1
        if end > start:
            sentences.append(Sentence(f"{source.id}{len(sentences) + 1}", start, end))
    return Source(
        id=source.id,
        path=source.path,
        label=source.label,
        title=source.title,
        published=source.published,
        published_inferred=source.published_inferred,
        text=source.text,
        sentences=tuple(sentences),
    )


def fake_comparison(sources: Sequence[Source]) -> Comparison:
    """Align each sentence of the first source with its best fuzzy match in the others."""
    analysed = [split_sentences(s) for s in sources]
    first, others = analysed[0], analysed[1:]
    claims: list[Claim] = []
    used: set[str] = set()
    for sent in first.sentences:
        text = first.text[sent.start : sent.end]
        matched: dict[str, str] = {first.id: sent.id}
        best_score = 100.0
        for other in others:
            scored = [
                (
                    fuzz.token_set_ratio(
                        text,
                        other.text[o.start : o.end],
                        processor=utils.default_process,
                    ),
                    o.id,
                )
                for o in other.sentences
                if o.id not in used
            ]
            if scored:
                score, oid = max(scored)
                if score >= 60:
                    matched[other.id] = oid
                    used.add(oid)
                    best_score = min(best_score, score)
        if len(matched) == 1:
            claims.append(Claim(f"c{len(claims) + 1}", "only", matched, 0.0))
        elif best_score >= 90:
            claims.append(Claim(f"c{len(claims) + 1}", "agree", matched, best_score / 100))
        else:
            values = {
                sid_src: next(s for s in analysed if s.id == sid_src).sentence_text(sid)[:40]
                for sid_src, sid in matched.items()
            }
            claims.append(
                Claim(
                    f"c{len(claims) + 1}",
                    "differ",
                    matched,
                    best_score / 100,
                    (Difference("predicate", values),),
                )
            )
    for other in others:
        for sent in other.sentences:
            if sent.id not in used:
                claims.append(Claim(f"c{len(claims) + 1}", "only", {other.id: sent.id}, 0.0))
    mentions: dict[str, list[Mention]] = {}
    for src in analysed:
        for match in _NAME.finditer(src.text):
            mentions.setdefault(match.group(), []).append(
                Mention(src.id, match.start(), match.end(), match.group())
            )
    entities = tuple(
        Entity(
            id=f"e{i + 1}",
            name=name,
            label="PERSON" if i % 2 == 0 else "ORG",
            roles=(),
            sources=tuple(dict.fromkeys(m.source for m in found)),
            mentions=tuple(found),
        )
        for i, (name, found) in enumerate(sorted(mentions.items()))
    )
    talks: tuple[Talk, ...] = ()
    if len(claims) >= 2:
        evidence = tuple(claims[0].all_sentence_ids())
        talks = (
            Talk(
                id="t1",
                title="call",
                date="2020-01-01",
                date_text={},
                status="past",
                where=None,
                participants=(),
                topic=None,
                sources=tuple(s.id for s in analysed),
                evidence=evidence,
                conflict=False,
            ),
        )
    return Comparison(
        version="test",
        model="fake",
        sources=tuple(analysed),
        entities=entities,
        claims=tuple(claims),
        talks=talks,
    )


def canned(comparison: Comparison) -> Callable[..., Comparison]:
    """An ``analyze`` that returns a finished analysis but still reports progress."""

    def analyze(sources: Sequence[Source], **kwargs: Any) -> Comparison:
        assert [s.id for s in sources] == [s.id for s in comparison.sources]
        progress = kwargs.get("progress")
        if progress is not None:
            progress("Reading sentences and names", 0.5)
        return comparison

    return analyze


async def settled(app: Any, pilot: Pilot[None]) -> None:
    """Until the main screen holds a comparison or an error."""
    while True:
        await pilot.pause()
        screen = app.main_screen
        if screen.comparison is not None or screen.error is not None:
            return
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.01)
