"""Run the whole analysis, stage by stage, from ingested sources to one Comparison."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsdiff import __version__, cache
from newsdiff.docindex import bucket_of
from newsdiff.document import SourceDoc
from newsdiff.model import (
    Claim,
    Comparison,
    Entity,
    Mention,
    Quote,
    Sentence,
    Source,
    Talk,
    TimeExpr,
)
from newsdiff.nlp import load_pipeline, pipe_texts, pipeline_label, resolve_pipeline

# The stage modules (and rapidfuzz) are imported inside the functions that use them: a cache hit
# returns before any of them is needed, which keeps a warm ``--json`` close to Python's start-up.
if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsdiff.align import SentenceFeatures
    from newsdiff.claim_facts import SentenceDetail
    from newsdiff.entities import Cluster, RawMention

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
    from newsdiff.semantic import preload

    preload()  # the embedding model loads in a thread while spaCy loads and parses
    nlp = load_pipeline(info)
    step(1)
    parse_start = done - STAGES[1][1]

    def parsing(fraction: float) -> None:
        # Parsing is most of the run: report it component by component, and stop there too.
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled
        if progress is not None:
            progress(STAGES[1][0], parse_start + fraction * STAGES[1][1])

    reporting = progress is not None or is_cancelled is not None
    docs = pipe_texts(
        nlp, [s.text for s in sources], [s.id for s in sources], parsing if reporting else None
    )
    release_free_memory()
    step(2)
    comparison = analyze_docs(sources, docs, pipeline_label(info), step=step)
    if progress is not None:
        progress("Done", 1.0)
    if key is not None:
        cache.save(key, comparison)
    return comparison


def analyze_docs(
    sources: Sequence[Source],
    docs: Sequence[Doc],
    model_label: str,
    *,
    step: Callable[[int], None] | None = None,
) -> Comparison:
    """The engine after spaCy: the stages, in order, over one record per source."""
    from threadpoolctl import threadpool_limits

    # One BLAS thread for every stage after the parse: their matrix products are small (a
    # group's words, a source's sentences), and waking a BLAS thread per core for each was
    # slower than the product itself (claims on 10 x 5,000 words 4.4 s -> 3.2 s).
    with threadpool_limits(limits=1, user_api="blas"):
        return _run_stages(sources, docs, model_label, step)


def _run_stages(
    sources: Sequence[Source],
    docs: Sequence[Doc],
    model_label: str,
    step: Callable[[int], None] | None,
) -> Comparison:
    records = [
        read_sentences(i, src, doc) for i, (src, doc) in enumerate(zip(sources, docs, strict=True))
    ]
    find_times(records)
    _advance(step, 3)
    entities = find_entities(records)
    find_roles(records, entities)
    release_free_memory()
    facts = sentence_facts(records, entities)
    release_free_memory()  # the embeddings' matrices come next, from fresh pages
    _advance(step, 4)
    claims = compare_claims(facts)
    _advance(step, 5)
    talks = find_talks(records, entities, claims)
    return Comparison(
        version=__version__,
        model=model_label,
        sources=tuple(replace(r.source, sentences=tuple(r.sentences)) for r in records),
        entities=build_entities(records, entities),
        claims=tuple(claims),
        talks=tuple(talks),
        times=tuple(t for r in records for t in r.times),
    )


def _advance(step: Callable[[int], None] | None, index: int) -> None:
    if step is not None:
        step(index)


_malloc_trim: Callable[[int], int] | None = None


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system between stages (glibc only).

    spaCy's matchers and parser allocate in C, and glibc keeps what they free as free heap
    that numpy's large matrices (the embeddings) never reuse: for a 4 MB article that was
    100-200 MB of peak RSS. ``malloc_trim`` returns those pages; it takes a few ms, and
    elsewhere (macOS, musl) it is absent and this does nothing.
    """
    global _malloc_trim
    if _malloc_trim is None:
        _malloc_trim = _find_malloc_trim()
    _malloc_trim(0)


def _find_malloc_trim() -> Callable[[int], int]:
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        try:
            # The process's own symbols include libc's: no library search (``find_library``
            # runs ldconfig) on the cold path.
            trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
            return trim
        except (OSError, AttributeError, TypeError):
            pass
    return lambda pad: 0


# -- stages ---------------------------------------------------------------------------------


def read_sentences(index: int, source: Source, doc: Doc) -> SourceDoc:
    """The record of one source, with its sentences trimmed of surrounding whitespace."""
    records: list[Sentence] = []
    ids: list[str] = []
    for sent in doc.sents:
        text = sent.text
        lstrip = len(text) - len(text.lstrip())
        rstrip = len(text) - len(text.rstrip())
        start, end = sent.start_char + lstrip, sent.end_char - rstrip
        if end <= start:
            ids.append(records[-1].id if records else f"{source.id}1")
            continue
        if records and not any(ch.isalnum() for ch in text):
            # A closing quote or bracket split off after "...30 days." belongs to that sentence.
            records[-1] = Sentence(records[-1].id, records[-1].start, end)
            ids.append(records[-1].id)
            continue
        sid = f"{source.id}{len(records) + 1}"
        records.append(Sentence(sid, start, end))
        ids.append(sid)
    if not records:  # whitespace-only text still gets one (empty) sentence to point at
        records.append(Sentence(f"{source.id}1", 0, len(doc.text)))  # once per Doc
    return SourceDoc(index, source, doc, records, ids)


def find_times(records: Sequence[SourceDoc]) -> None:
    """Each record's time expressions, resolved against its publication date."""
    from newsdiff.times import extract_times

    for r in records:
        r.times = extract_times(r.doc, r.source_id, r.published)


@dataclass(slots=True)
class EntityTable:
    """The entities stage's result: clusters of mentions across all sources, with their ids."""

    mentions: list[RawMention]
    """Every source's raw mentions; clusters index into this list."""
    clusters: list[Cluster]
    ids: list[str]
    label: dict[str, str]
    name: dict[str, str]

    def __iter__(self) -> Iterator[tuple[str, Cluster]]:
        return iter(zip(self.ids, self.clusters, strict=True))


def find_entities(records: Sequence[SourceDoc]) -> EntityTable:
    """Cluster named mentions across sources; marks each record's tokens with entity ids."""
    from newsdiff.entities import cluster_mentions, collect_mentions, entity_sort_key

    docs = [r.doc for r in records]
    raw = collect_mentions(docs, [r.source_id for r in records])
    clusters = cluster_mentions(docs, raw)
    clusters.sort(key=lambda c: entity_sort_key(c, raw))
    ids = [f"e{i}" for i in range(1, len(clusters) + 1)]
    for eid, cluster in zip(ids, clusters, strict=True):
        for mi in cluster.mentions:
            m = raw[mi]
            for t in range(m.token_start, m.token_end):
                records[m.doc_index].token_entity[t] = eid
    return EntityTable(
        raw,
        clusters,
        ids,
        label={eid: c.label for eid, c in zip(ids, clusters, strict=True)},
        name={eid: c.name for eid, c in zip(ids, clusters, strict=True)},
    )


def find_roles(records: Sequence[SourceDoc], entities: EntityTable) -> None:
    """Roles each source gives each person: a title before the name or an appositive after."""
    from newsdiff.actors import roles_of

    for eid, cluster in entities:
        if cluster.label != "PERSON":
            continue
        for mi in cluster.mentions:
            m = entities.mentions[mi]
            record = records[m.doc_index]
            roles = roles_of(record.doc, m.token_start, m.token_end)
            if roles:
                record.roles.setdefault(eid, []).extend(roles)


@dataclass(slots=True)
class SentenceFacts:
    """The sentence facts stage's result: what alignment and the claim comparison read."""

    features: list[list[SentenceFeatures]]
    """Per source, in sentence order."""
    details: dict[str, SentenceDetail]
    """Sentence id -> its predicate, speakers, quote, numbers and dates."""


def sentence_facts(records: Sequence[SourceDoc], entities: EntityTable) -> SentenceFacts:
    """Features and details of every sentence; records each source's quotes by speaker."""
    facts = SentenceFacts([], {})
    for record in records:
        feats: list[SentenceFeatures] = []
        for sid, sent, times, numbers in _sentences_with_facts(record):
            feat, detail = _facts_of(record, sent, sid, len(feats), entities, times, numbers)
            feats.append(feat)
            facts.details[sid] = detail
            quote = detail.quote or sent.text.strip()
            for sp in detail.speakers:
                said = record.quotes.setdefault(sp.entity, []) if sp.entity is not None else None
                if said is not None and not any(q.sentence == sid for q in said):
                    said.append(Quote(record.source_id, sid, quote))
        facts.features.append(feats)
    return facts


def compare_claims(facts: SentenceFacts) -> list[Claim]:
    """Align sentences across sources and compare what each group of them claims."""
    from newsdiff.align import align
    from newsdiff.claims import compare_group

    groups = align(facts.features)
    return [compare_group(g, facts.details, f"c{i}") for i, g in enumerate(groups, start=1)]


def find_talks(
    records: Sequence[SourceDoc], entities: EntityTable, claims: Sequence[Claim]
) -> list[Talk]:
    """Meetings, calls and visits, one entry per event across the sources."""
    from newsdiff.talks import build_talks

    claim_of_sentence = {sid: c.id for c in claims for sid in c.all_sentence_ids()}
    return build_talks(records, entities.label, entities.name, claim_of_sentence)


def build_entities(records: Sequence[SourceDoc], entities: EntityTable) -> tuple[Entity, ...]:
    """The Comparison's entities: each cluster with its mentions, roles and quotes."""
    from newsdiff.actors import merge_roles
    from newsdiff.entities import led_by, sources_of

    raw = entities.mentions
    order = [r.source_id for r in records]
    related: dict[str, list[str]] = {eid: [] for eid in entities.ids}
    for body, leader in led_by(entities.clusters).items():
        related[entities.ids[body]].append(entities.ids[leader])
        related[entities.ids[leader]].append(entities.ids[body])
    built = []
    for eid, cluster in entities:
        mentions = tuple(
            Mention(raw[i].source, raw[i].start, raw[i].end, raw[i].text)
            for i in sorted(cluster.mentions, key=lambda i: (raw[i].doc_index, raw[i].start))
        )
        built.append(
            Entity(
                id=eid,
                name=cluster.name,
                label=cluster.label,
                roles=merge_roles([role for r in records for role in r.roles.get(eid, ())]),
                sources=sources_of(cluster, raw, order),
                mentions=mentions,
                quotes=tuple(q for r in records for q in r.quotes.get(eid, ())),
                aliases=cluster.aliases,
                related=tuple(related[eid]),
            )
        )
    return tuple(built)


# -- sentence facts -------------------------------------------------------------------------


def _sentences_with_facts(
    record: SourceDoc,
) -> Iterator[tuple[str, Span, list[TimeExpr], list[Span]]]:
    """Each sentence once (fragments share an id), with its times and number entities.

    Times and numbers are bucketed by sentence in one pass (``Span.ents`` scans the whole Doc).
    """
    sents = list(record.doc.sents)
    starts = [s.start_char for s in sents]
    times_of: list[list[TimeExpr]] = [[] for _ in sents]
    for tx in record.times:
        times_of[bucket_of(starts, tx.start)].append(tx)
    numbers_of: list[list[Span]] = [[] for _ in sents]
    for ent in record.doc.ents:
        if ent.label_ in _NUMBER_LABELS:
            numbers_of[bucket_of(starts, ent.start_char)].append(ent)
    seen: set[str] = set()
    for s_index, sent in enumerate(sents):
        sid = record.sentence_ids[s_index]
        if sid not in seen:
            seen.add(sid)
            yield sid, sent, times_of[s_index], numbers_of[s_index]


def _facts_of(
    record: SourceDoc,
    sent: Span,
    sid: str,
    index: int,
    entities: EntityTable,
    times: Sequence[TimeExpr],
    number_ents: Sequence[Span],
) -> tuple[SentenceFeatures, SentenceDetail]:
    """Word, entity, number and date features of one sentence, and what claims compare."""
    from newsdiff.align import SentenceFeatures
    from newsdiff.align_words import PLACE_LABELS, name_words
    from newsdiff.claim_facts import sentence_detail

    token_entity = record.token_entity
    detail = sentence_detail(
        sent,
        token_entity=token_entity,
        entity_label=entities.label,
        entity_name=entities.name,
        times=times,
        number_ents=number_ents,
    )
    feat = SentenceFeatures(
        id=sid,
        source=record.source_id,
        index=index,
        start=sent.start_char,
        end=sent.end_char,
        text=record.source.text[sent.start_char : sent.end_char].strip(),
        lemmas=_content_lemmas(sent, token_entity, times),
        entities=frozenset(detail.entity_names),
        numbers=frozenset(detail.number_text),
        dates=frozenset(detail.date_text),
        name_words=name_words(detail.entity_names.values()),
        place_words=name_words(
            name
            for eid, name in detail.entity_names.items()
            if detail.entity_labels.get(eid) in PLACE_LABELS
        ),
    )
    return feat, detail


def _content_lemmas(
    sent: Span, token_entity: Mapping[int, str], times: Sequence[TimeExpr]
) -> tuple[str, ...]:
    """Content-word lemmas; names, numbers and dates are features of their own."""
    from newsdiff.align import canonical_lemma

    in_times = [(tx.start, tx.end) for tx in times if sent.start_char <= tx.start < sent.end_char]
    return tuple(
        canonical_lemma(_phrasal_lemma(t))
        for t in sent
        if not (t.is_stop or t.is_punct or t.is_space)
        and t.is_alpha
        and t.i not in token_entity  # names count once, as entity features
        and t.ent_type_ not in _NUMBER_LABELS  # numbers and dates are features of their own
        and not any(s <= t.idx < e for s, e in in_times)
    )


def _phrasal_lemma(tok: Token) -> str:
    """A verb with its particle as one word: "turned down" -> "turn_down"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        for child in tok.children:
            if child.dep_ == "prt":
                return f"{lemma}_{child.lower_}"
    return lemma
