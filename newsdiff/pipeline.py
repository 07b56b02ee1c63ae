"""Run the whole analysis, stage by stage, from ingested sources to one Comparison."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsdiff import __version__, cache
from newsdiff.model import Claim, Comparison, Entity, Mention, Quote, Sentence, Source, TimeExpr
from newsdiff.nlp import load_pipeline, pipe_texts, pipeline_label, resolve_pipeline

# The stage modules (and rapidfuzz) are imported inside the functions that use them: a cache hit
# returns before any of them is needed, which keeps a warm ``--json`` close to Python's start-up.
if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsdiff.align import SentenceFeatures
    from newsdiff.claim_facts import SentenceDetail

ProgressCallback = Callable[[str, float], None]

_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

#: Stages in order, with the share of the usual run time each takes (for progress bars).
STAGES = (
    ("Loading language model", 0.15),
    ("Reading sentences and names", 0.55),
    ("Resolving dates", 0.05),
    ("Matching entities across sources", 0.08),
    ("Aligning sentences", 0.10),
    ("Finding talks and meetings", 0.07),
)


class AnalysisCancelled(Exception):
    """The caller asked to stop (the UI closed or a new analysis replaced this one)."""


def analyze(
    sources: Sequence[Source],
    *,
    model: str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    use_cache: bool = True,
) -> Comparison:
    """Compare sources: entities, aligned claims, talks and times in one Comparison.

    A cache hit returns without importing spaCy, so re-opening the same articles is instant.

    Raises:
        NewsdiffError: no usable spaCy pipeline.
        AnalysisCancelled: ``is_cancelled`` returned True between two stages.
    """
    info = resolve_pipeline(model)
    key = cache.cache_key(sources, info) if use_cache else None
    if key is not None:
        hit = cache.load(key)
        if hit is not None:
            if progress:
                progress("Loaded from cache", 1.0)
            return hit

    done = 0.0

    def step(index: int) -> None:
        nonlocal done
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled
        if progress is not None:
            progress(STAGES[index][0], done)
        done += STAGES[index][1]

    step(0)
    nlp = load_pipeline(info)
    step(1)
    docs = pipe_texts(nlp, [s.text for s in sources], [s.id for s in sources])
    step(2)
    comparison = analyze_docs(sources, docs, pipeline_label(info), step=step)
    if progress is not None:
        progress("Done", 1.0)
    if key is not None:
        cache.save(key, comparison)
    return comparison


def _sentences(doc: Doc, source_id: str) -> tuple[list[Sentence], list[str]]:
    """Sentence records without surrounding whitespace, and the id of each spaCy sentence."""
    records: list[Sentence] = []
    ids: list[str] = []
    for sent in doc.sents:
        text = sent.text
        lstrip = len(text) - len(text.lstrip())
        rstrip = len(text) - len(text.rstrip())
        start, end = sent.start_char + lstrip, sent.end_char - rstrip
        if end <= start:
            ids.append(records[-1].id if records else f"{source_id}1")
            continue
        if records and not any(ch.isalnum() for ch in text):
            # A closing quote or bracket split off after "...30 days." belongs to that sentence.
            records[-1] = Sentence(records[-1].id, records[-1].start, end)
            ids.append(records[-1].id)
            continue
        sid = f"{source_id}{len(records) + 1}"
        records.append(Sentence(sid, start, end))
        ids.append(sid)
    if not records:  # whitespace-only text still gets one (empty) sentence to point at
        records.append(Sentence(f"{source_id}1", 0, len(doc.text)))  # once per Doc
    return records, ids


def analyze_docs(
    sources: Sequence[Source],
    docs: Sequence[Doc],
    model_label: str,
    *,
    step: Callable[[int], None] | None = None,
) -> Comparison:
    """The engine after spaCy: every stage that reads the parsed Docs."""
    from newsdiff.actors import merge_roles, role_appositive, role_before
    from newsdiff.align import align
    from newsdiff.claims import compare_group
    from newsdiff.entities import (
        cluster_mentions,
        collect_mentions,
        entity_sort_key,
        sources_of,
    )
    from newsdiff.talks import SourceContext, build_talks
    from newsdiff.times import extract_times

    order = [s.id for s in sources]
    sentence_records: list[list[Sentence]] = []
    sentence_ids: list[list[str]] = []
    for doc, src in zip(docs, sources, strict=True):
        records, ids = _sentences(doc, src.id)
        sentence_records.append(records)
        sentence_ids.append(ids)

    times: list[list[TimeExpr]] = [
        extract_times(doc, src.id, src.published) for doc, src in zip(docs, sources, strict=True)
    ]
    if step:
        step(3)

    raw = collect_mentions(docs, order)
    clusters = cluster_mentions(docs, raw)
    clusters.sort(key=lambda c: entity_sort_key(c, raw))
    entity_ids = [f"e{i}" for i in range(1, len(clusters) + 1)]
    token_entity: list[dict[int, str]] = [{} for _ in docs]
    for eid, cluster in zip(entity_ids, clusters, strict=True):
        for mi in cluster.mentions:
            m = raw[mi]
            for t in range(m.token_start, m.token_end):
                token_entity[m.doc_index][t] = eid
    entity_label = {eid: c.label for eid, c in zip(entity_ids, clusters, strict=True)}
    entity_name = {eid: c.name for eid, c in zip(entity_ids, clusters, strict=True)}

    roles: dict[str, list[str]] = defaultdict(list)
    for eid, cluster in zip(entity_ids, clusters, strict=True):
        if cluster.label != "PERSON":
            continue
        for mi in cluster.mentions:
            m = raw[mi]
            doc = docs[m.doc_index]
            entity_tokens = set(token_entity[m.doc_index])
            for role in (
                role_before(doc, m.token_start, entity_tokens),
                role_appositive(doc, doc[m.token_end - 1]),
            ):
                if role:
                    roles[eid].append(role)

    quotes: dict[str, list[Quote]] = defaultdict(list)
    details: dict[str, SentenceDetail] = {}
    features: list[list[SentenceFeatures]] = []
    for d_index, (doc, src) in enumerate(zip(docs, sources, strict=True)):
        feats: list[SentenceFeatures] = []
        ids = sentence_ids[d_index]
        seen: set[str] = set()
        sents = list(doc.sents)
        # Bucket times and number entities by sentence once (Span.ents scans the whole Doc).
        starts = [s.start_char for s in sents]
        times_of: list[list[TimeExpr]] = [[] for _ in sents]
        for tx in times[d_index]:
            times_of[max(bisect_right(starts, tx.start) - 1, 0)].append(tx)
        numbers_of: list[list[Span]] = [[] for _ in sents]
        for ent in doc.ents:
            if ent.label_ in _NUMBER_LABELS:
                numbers_of[max(bisect_right(starts, ent.start_char) - 1, 0)].append(ent)
        for s_index, sent in enumerate(sents):
            sid = ids[s_index]
            if sid in seen:
                continue
            seen.add(sid)
            feat, detail = _sentence_facts(
                src.text,
                sent,
                src.id,
                sid,
                len(feats),
                token_entity[d_index],
                entity_name,
                entity_label,
                times_of[s_index],
                numbers_of[s_index],
            )
            feats.append(feat)
            details[sid] = detail
            quote = detail.quote or sent.text.strip()
            for sp in detail.speakers:
                if sp.entity is not None and not any(q.sentence == sid for q in quotes[sp.entity]):
                    quotes[sp.entity].append(Quote(src.id, sid, quote))
        features.append(feats)

    entities = []
    for eid, cluster in zip(entity_ids, clusters, strict=True):
        mentions = tuple(
            Mention(raw[i].source, raw[i].start, raw[i].end, raw[i].text)
            for i in sorted(
                cluster.mentions, key=lambda i: (order.index(raw[i].source), raw[i].start)
            )
        )
        entities.append(
            Entity(
                id=eid,
                name=cluster.name,
                label=cluster.label,
                roles=merge_roles(roles.get(eid, [])),
                sources=sources_of(cluster, raw, order),
                mentions=mentions,
                quotes=tuple(quotes.get(eid, ())),
                aliases=cluster.aliases,
            )
        )
    if step:
        step(4)

    groups = align(features)
    claims: list[Claim] = [
        compare_group(g, details, f"c{i}") for i, g in enumerate(groups, start=1)
    ]
    claim_of_sentence = {sid: c.id for c in claims for sid in c.all_sentence_ids()}
    if step:
        step(5)

    contexts = [
        SourceContext(src.id, src.published, doc, sentence_ids[i], times[i], token_entity[i])
        for i, (doc, src) in enumerate(zip(docs, sources, strict=True))
    ]
    talks = build_talks(contexts, entity_label, entity_name, claim_of_sentence)

    analysed = tuple(
        replace(src, sentences=tuple(sentence_records[i])) for i, src in enumerate(sources)
    )
    return Comparison(
        version=__version__,
        model=model_label,
        sources=analysed,
        entities=tuple(entities),
        claims=tuple(claims),
        talks=tuple(talks),
        times=tuple(t for per in times for t in per),
    )


def _phrasal_lemma(tok: Token) -> str:
    """A verb with its particle as one word: "turned down" -> "turn_down"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        for child in tok.children:
            if child.dep_ == "prt":
                return f"{lemma}_{child.lower_}"
    return lemma


def _sentence_facts(
    text: str,
    sent: Span,
    source_id: str,
    sid: str,
    index: int,
    token_entity: dict[int, str],
    entity_name: dict[str, str],
    entity_label: dict[str, str],
    times: Sequence[TimeExpr],
    number_ents: Sequence[Span],
) -> tuple[SentenceFeatures, SentenceDetail]:
    """Word, entity, number and date features of one sentence, and what claims compare."""
    from newsdiff.align import SentenceFeatures, canonical_lemma
    from newsdiff.claim_facts import sentence_detail

    in_times = [(tx.start, tx.end) for tx in times if sent.start_char <= tx.start < sent.end_char]
    lemmas = tuple(
        canonical_lemma(_phrasal_lemma(t))
        for t in sent
        if not (t.is_stop or t.is_punct or t.is_space)
        and t.is_alpha
        and t.i not in token_entity  # names count once, as entity features
        and t.ent_type_ not in _NUMBER_LABELS  # numbers and dates are features of their own
        and not any(s <= t.idx < e for s, e in in_times)
    )
    ents = {token_entity[t.i] for t in sent if t.i in token_entity}
    detail = sentence_detail(
        sent,
        token_entity=token_entity,
        entity_label=entity_label,
        entity_name=entity_name,
        times=times,
        number_ents=number_ents,
    )
    feat = SentenceFeatures(
        id=sid,
        source=source_id,
        index=index,
        start=sent.start_char,
        end=sent.end_char,
        text=text[sent.start_char : sent.end_char].strip(),
        lemmas=lemmas,
        entities=frozenset(ents),
        numbers=frozenset(detail.number_text),
        dates=frozenset(detail.date_text),
    )
    return feat, detail
