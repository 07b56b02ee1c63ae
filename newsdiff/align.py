"""Align sentences across sources by shared words, entities, numbers, dates and meaning.

Two signals are combined: the lexical one (IDF-weighted shared lemmas, entity ids, normalised
numbers and resolved dates, plus a fuzzy lemma-order score) is precise on facts; the semantic
one (cosine of static sentence embeddings, :mod:`newsdiff.semantic`) sees paraphrase that
shares no content word. Neither replaces the other.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz, utils

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

from newsdiff.align_words import LinkContext, has_digit, shared_run
from newsdiff.unionfind import UnionFind

#: Minimum similarity (0-1) for two sentences of different sources to report the same claim.
MATCH_THRESHOLD = 0.22
#: A second sentence that is linked (see LINK_THRESHOLD) to one already matched joins it
#: (one-to-many) provided that most of its weighted features appear in the sentence it joins.
EXTRA_CONTAINMENT = 0.65
#: Features present in more than this share of all sentences are too common to block on.
MAX_FEATURE_SHARE = 0.25
#: Weight of the lexical score in the blend with the embedding cosine (tuned on the tune part
#: of bench/accuracy_claims.py, checked on the other).
LEXICAL_WEIGHT = 0.5
#: Pairs whose embedding cosine reaches this are scored even when they share no feature.
SEMANTIC_CANDIDATE = 0.35
#: Below this many sentences the mean vector is the sentences themselves: no centring.
CENTRE_MIN_SENTENCES = 6

# Whether two sentences are counterparts at all (full or partial) is a separate question from
# how similar they are. STS's scale draws the line between "on the same topic" (< 2) and
# "shares some details" (>= 2): two headlines on one topic share most of their few words and
# lean the same way in embedding space, yet report different events. So above the similarity
# floor (MATCH_THRESHOLD) a link needs evidence that a detail is shared: the meaning-level
# cosine weighs more than the bag of words, and two signs of a shared detail add to it:
# - a run of several words in the same order (a name, a figure with its unit, a quoted phrase);
# - the shorter sentence's length: a long sentence carries many details, so what it shares
#   with a similar sentence is some of them, while its averaged vector and word bag are diluted
#   by what it adds; a short headline that is as similar may share no more than its topic.
# Two shared facts (entity ids, normalised numbers, resolved dates) are a shared detail by
# themselves: who did what to whom, or a figure of a named thing, not a topic.
# The evidence reads the cosine before centring (see link_evidence).
# Weights from a logistic fit on the tune parts of bench/accuracy_claims.py (own-pair
# candidates; gold link = an MSRP pair or STS >= 2), checked on the check parts.
#: Weight of the lexical score in a link's evidence (the uncentred cosine has the rest).
LINK_LEXICAL = 0.35
#: Evidence added by the longest run of words shared in order that holds a name or a figure:
#: nothing up to RUN_FREE words (two words are a phrase of the topic: "gunmen kill", "in the"),
#: then in equal steps up to RUN_CAP words. A run of plain words is the frame of a headline
#: ("death toll rises to", "leaves it late to rescue"), which reports of other events share;
#: only a verbatim passage of RUN_CAP words (a quote, a copied sentence) counts without one.
RUN_WEIGHT = 0.3
RUN_FREE = 2
RUN_CAP = 6
#: Evidence added by the shorter sentence's length, per word up to LENGTH_CAP words.
LENGTH_WEIGHT = 0.35
LENGTH_CAP = 30
#: Two sentences above the similarity floor are linked when their evidence reaches this (the
#: highest value that keeps the tune parts' claim-score Spearman; 0.52 gives STS only-in F1
#: 0.70 instead of 0.66 on the tune part but costs 0.007 of that Spearman) ...
LINK_THRESHOLD = 0.45
#: ... or when they share this many facts, where a shared name counts one and a shared figure
#: or calendar date counts FIGURE_FACTS.
LINK_SHARED_FACTS = 2
FIGURE_FACTS = 2


#: Words news outlets use interchangeably for the same fact (general English, not per story).
#: Each group maps to its first word so paraphrases share a feature.
_SYNONYM_GROUPS = (
    "begin start open launch commence",
    "head lead chair",
    "aide adviser advisor",
    "reject refuse turn_down decline",
    "offer bid proposal",
    "sell offload divest",
    "buyer purchaser",
    "delegation team",
    "end finish close conclude",
    "talk negotiation discussion",
    "say tell state announce add declare",
    "final last",
    "delegate negotiator envoy",
    "kill slay",
    "die dead death",
    "wound injure hurt",
    "attack assault strike",
    "arrest detain",
    "sign signing",
    "agreement deal pact",
    "buy acquire purchase",
    "warn caution",
    "troop soldier force",
    "border frontier",
    "president leader",
    "minister secretary",
    "plan intend",
    "support backing",
    "increase rise raise",
    "decrease fall drop cut",
    "meet meeting",
    "vote ballot",
    "country nation state",
    "ceasefire truce",
)
FACT_PREFIXES = ("ent:", "num:", "date:")
_CANONICAL = {w: group.split()[0] for group in _SYNONYM_GROUPS for w in group.split()}


def canonical_lemma(lemma: str) -> str:
    """One representative of a group of news synonyms ("open" -> "begin")."""
    return _CANONICAL.get(lemma, lemma)


@dataclass(slots=True)
class SentenceFeatures:
    """What alignment and claim comparison know about one sentence."""

    id: str
    source: str
    index: int
    start: int
    end: int
    text: str
    lemmas: tuple[str, ...]
    """Content-word lemmas, lower-cased, in order."""
    entities: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()
    """Words of the names of the entities it mentions (:func:`name_words`)."""
    place_words: frozenset[str] = frozenset()
    """Words of the names of the places it mentions (PLACE_LABELS)."""
    features: dict[str, float] = field(default_factory=dict)
    """Weighted bag of features (filled by :func:`weigh_features`)."""
    norm: float = 0.0
    lemma_text: str = ""
    fuzzy_text: str | None = None
    """``lemma_text`` as RapidFuzz's default processor leaves it, made once on first use."""
    vector: Any = None
    """Unit sentence embedding (numpy row), centred on the story, when a model is available."""
    plain: Any = None
    """The same embedding before centring (claim similarity compares whole statements)."""


@dataclass(slots=True)
class AlignedGroup:
    """Sentences of different sources judged to report the same claim."""

    main: dict[str, SentenceFeatures]
    extra: dict[str, list[SentenceFeatures]]
    score: float


def _bag(s: SentenceFeatures) -> list[str]:
    bag = list(s.lemmas)
    bag.extend(f"ent:{e}" for e in s.entities)
    bag.extend(f"num:{n}" for n in s.numbers)
    bag.extend(f"date:{d}" for d in s.dates)
    return bag


def weigh_features(sentences: Sequence[SentenceFeatures]) -> dict[str, int]:
    """IDF-weight every sentence's features; returns document frequencies for blocking."""
    df: dict[str, int] = defaultdict(int)
    bags = [_bag(s) for s in sentences]
    for bag in bags:
        for f in set(bag):
            df[f] += 1
    n = max(len(sentences), 1)
    for s, bag in zip(sentences, bags, strict=True):
        weights: dict[str, float] = {}
        for f in bag:
            boost = 1.5 if f.startswith(FACT_PREFIXES) else 1.0
            weights[f] = boost * (1.0 + math.log(n / df[f]))
        s.features = weights
        s.norm = math.sqrt(sum(w * w for w in weights.values()))
        s.lemma_text = " ".join(s.lemmas)
    return df


def semantic_similarity(a: SentenceFeatures, b: SentenceFeatures) -> float | None:
    """Cosine of the two sentences' embeddings, clipped to 0-1; None without vectors."""
    if a.vector is None or b.vector is None:
        return None
    return max(0.0, min(1.0, float(a.vector @ b.vector)))


_Score = TypeVar("_Score", float, "NDArray[np.float64]")


def similarity_blend(lexical: _Score, semantic: _Score) -> _Score:
    """The pair score from its two parts, for one pair or (on arrays) bounds of many."""
    return LEXICAL_WEIGHT * lexical + (1.0 - LEXICAL_WEIGHT) * semantic


def similarity(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """Lexical score blended with the embedding cosine (lexical alone without vectors)."""
    lexical = lexical_similarity(a, b)
    semantic = semantic_similarity(a, b)
    if semantic is None:
        return lexical
    return similarity_blend(lexical, semantic)


def link_evidence(
    a: SentenceFeatures, b: SentenceFeatures, context: LinkContext | None = None
) -> tuple[float, bool]:
    """The pair's similarity and whether it is a counterpart (shares some detail).

    Without vectors the similarity alone decides, against MATCH_THRESHOLD: the weights of the
    evidence were fitted with the embedding cosine in it. ``context`` holds the two sources
    (``a`` is of the left one); without it each sentence stands for its source.
    """
    lexical = lexical_similarity(a, b)
    semantic = semantic_similarity(a, b)
    if semantic is None:
        return lexical, lexical >= MATCH_THRESHOLD
    score = similarity_blend(lexical, semantic)
    if score < MATCH_THRESHOLD:
        return score, False
    context = context or LinkContext((a,), (b,))
    if context.different_events(a, b):
        return score, False
    facts = sum(
        FIGURE_FACTS if f.startswith(("num:", "date:")) else 1
        for f in a.features
        if f.startswith(FACT_PREFIXES) and f in b.features
    )
    if facts >= LINK_SHARED_FACTS and not context.setting_only(a, b):
        return score, True
    # The gate reads the cosine before centring: within one story, centring has already taken
    # the shared topic out of ``semantic`` (so the floor above discounts it); across stories,
    # as in a digest or the bench's mixed items, it cannot, and the gate must.
    whole = max(0.0, min(1.0, float(a.plain @ b.plain))) if a.plain is not None else semantic
    runs_a, runs_b = context.words(a), context.words(b)
    names = a.name_words | b.name_words
    shared = shared_run(runs_a, runs_b, RUN_FREE + 1, RUN_CAP)
    if RUN_FREE < shared < RUN_CAP:  # not a verbatim passage: the runs must hold a detail

        def detail(word: str) -> bool:
            return word in names or has_digit(word)

        shared = shared_run(runs_a, runs_b, RUN_FREE + 1, RUN_CAP, detail)
    run = (shared - RUN_FREE) / (RUN_CAP - RUN_FREE)
    length = min(runs_a.count, runs_b.count, LENGTH_CAP) / LENGTH_CAP
    evidence = (
        LINK_LEXICAL * lexical
        + (1.0 - LINK_LEXICAL) * whole
        + RUN_WEIGHT * run
        + LENGTH_WEIGHT * length
    )
    return score, evidence >= LINK_THRESHOLD


def lexical_similarity(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """Cosine over weighted features, blended with a fuzzy lemma-order score (RapidFuzz)."""
    if not a.norm or not b.norm:
        return 0.0
    small, large = (a, b) if len(a.features) <= len(b.features) else (b, a)
    dot = 0.0
    shared_words = shared_facts = 0
    for f, w in small.features.items():
        if f in large.features:
            dot += w * large.features[f]
            if f.startswith(FACT_PREFIXES):
                shared_facts += 1
            else:
                shared_words += 1
    cosine = dot / (a.norm * b.norm)
    if shared_words < 2 and shared_facts + shared_words < 4:
        # The same people in different statements is not the same claim; the same people,
        # date and action ("last met in February") is.
        cosine *= 0.5
    # Processed once per sentence, not twice per candidate pair (the same strings RapidFuzz's
    # processor would make: it is idempotent).
    fuzzy = fuzz.token_sort_ratio(_fuzzy_text(a), _fuzzy_text(b), processor=None) / 100.0
    return 0.75 * cosine + 0.25 * fuzzy * min(1.0, cosine * 3)


def _fuzzy_text(s: SentenceFeatures) -> str:
    if s.fuzzy_text is None:
        s.fuzzy_text = utils.default_process(s.lemma_text)
    return s.fuzzy_text


#: Cells of the similarity matrix computed at once by :func:`semantic_pairs` (16 MB).
SEMANTIC_BLOCK_CELLS = 4_000_000
#: Pairs whose lexical bounds (:func:`linked_pairs`) are summed at once: four float64 arrays
#: of this many cells (32 MB).
LEXICAL_BLOCK_CELLS = 1_000_000
#: Feature matches joined at once when bounding lexical scores (five arrays of 8 bytes: 40 MB).
JOIN_CHUNK = 1_000_000
#: Added to the bounds before pruning: matrix products sum in float32 and in another order than
#: the exact scores, so their last digits may differ; a pair kept by the slack is scored exactly.
BOUND_SLACK = 1e-4


def block_limit(total: int) -> int:
    """Sentences a feature may occur in and still block on: more common ones link everything."""
    return max(3, int(total * MAX_FEATURE_SHARE))


def candidate_pairs(
    left: Sequence[SentenceFeatures],
    right: Sequence[SentenceFeatures],
    df: dict[str, int],
    total: int,
) -> set[tuple[int, int]]:
    """Pairs sharing at least one informative feature: blocking keeps this far below n*m."""
    limit = block_limit(total)
    index: dict[str, list[int]] = defaultdict(list)
    for j, s in enumerate(right):
        for f in s.features:
            if df[f] <= limit:
                index[f].append(j)
    pairs: set[tuple[int, int]] = set()
    for i, s in enumerate(left):
        for f in s.features:
            if df[f] <= limit:
                for j in index.get(f, ()):
                    pairs.add((i, j))
    return pairs


def _containment(small: SentenceFeatures, big: SentenceFeatures) -> float:
    if not small.features:
        return 0.0
    total = sum(small.features.values())
    shared = sum(w for f, w in small.features.items() if f in big.features)
    return shared / total


def attach_vectors(sentences: Sequence[SentenceFeatures]) -> bool:
    """Embed every sentence in one numpy batch, centred on the articles' mean vector.

    Averaged word vectors of articles on one story all lean the same way (0.5-0.8 cosine for
    unrelated sentences of one story): subtracting the mean of all sentences compared removes
    that shared topic, so what is left is what a sentence says beyond the story's subject.
    Returns False when no model is available.
    """
    from newsdiff.semantic import embed, normalise_rows

    if not sentences:
        return True
    vectors = embed([s.text for s in sentences])
    # The claim score compares lower-cased text: title case in headlines is house style, not
    # meaning (STS-B news tune part: Spearman 0.705 -> 0.721 for the cosine alone).
    lowered = embed([s.text.lower() for s in sentences])
    if vectors is None or lowered is None:
        return False

    for s, v in zip(sentences, lowered, strict=True):
        s.plain = v
    if len(sentences) >= CENTRE_MIN_SENTENCES:
        # In place: for a long article each copy of the matrix is tens of MB.
        vectors -= vectors.mean(axis=0, keepdims=True)
        normalise_rows(vectors)
    for s, v in zip(sentences, vectors, strict=True):
        s.vector = v
    return True


def _semantic_blocks(
    left: Sequence[SentenceFeatures], right: Sequence[SentenceFeatures]
) -> Iterator[tuple[int, Any]]:
    """The left x right cosine matrix, a block of left rows at a time (first row, block).

    Blocks of SEMANTIC_BLOCK_CELLS cells, so two long articles (40,000 sentences each) never
    need the whole n*m matrix (6 GB) at once: memory stays at one block.
    """
    import numpy as np

    right_matrix = np.stack([s.vector for s in right]).T
    block = max(1, SEMANTIC_BLOCK_CELLS // len(right))
    for start in range(0, len(left), block):
        rows_matrix = np.stack([s.vector for s in left[start : start + block]])
        yield start, rows_matrix @ right_matrix


def _has_vectors(left: Sequence[SentenceFeatures], right: Sequence[SentenceFeatures]) -> bool:
    return bool(left and right and left[0].vector is not None and right[0].vector is not None)


def semantic_pairs(
    left: Sequence[SentenceFeatures], right: Sequence[SentenceFeatures]
) -> set[tuple[int, int]]:
    """Pairs whose embeddings are close: matrix products, no Python loop over n*m."""
    if not _has_vectors(left, right):
        return set()
    import numpy as np

    pairs: set[tuple[int, int]] = set()
    for start, sims in _semantic_blocks(left, right):
        rows, cols = np.nonzero(sims >= SEMANTIC_CANDIDATE)
        pairs.update((int(i) + start, int(j)) for i, j in zip(rows, cols, strict=True))
    return pairs


class FeatureIndex:
    """Every sentence's normalised feature weights as coordinate arrays, one set per source,
    sorted by feature: what :func:`linked_pairs` joins to bound lexical scores in bulk."""

    def __init__(self, by_source: Sequence[Sequence[SentenceFeatures]], df: Mapping[str, int]):
        import numpy as np

        ids: dict[str, int] = {}
        self.sources: dict[str, tuple[Any, Any, Any, Any]] = {}
        for sentences in by_source:
            if not sentences:
                continue
            feature, row, weight = [], [], []
            for n, s in enumerate(sentences):
                for f, w in s.features.items():
                    feature.append(ids.setdefault(f, len(ids)))
                    row.append(n)
                    weight.append(w / s.norm)
            feature_a = np.array(feature, dtype=np.int64)
            order = np.argsort(feature_a, kind="stable")
            self.sources[sentences[0].source] = (
                feature_a[order],
                np.array(row, dtype=np.int64)[order],
                np.array(weight, dtype=np.float64)[order],
                None,
            )
        names = list(ids)
        self.fact = np.array([f.startswith(FACT_PREFIXES) for f in names], dtype=bool)
        total = sum(len(x) for x in by_source)
        limit = block_limit(total)
        self.rare = np.array([df[f] <= limit for f in names], dtype=bool)
        for source, (feature_a, row, weight, _) in self.sources.items():
            # Where each feature's entries begin (and end, at the next one's beginning).
            start = np.searchsorted(feature_a, np.arange(len(names) + 1))
            self.sources[source] = (feature_a, row, weight, start)

    def bounds(self, left: str, right: str, rows: range, columns: int) -> tuple[Any, Any]:
        """For every pair of ``left``'s sentences ``rows`` and all of ``right``'s: whether
        it shares a feature rare enough to block on (as :func:`candidate_pairs` finds), and an
        upper bound of its :func:`lexical_similarity`.

        A sparse product in numpy: each entry of a left sentence is repeated once per right
        sentence holding the same feature, and the products summed per pair. The weighted
        cosine and the counts of shared words and facts are exact up to the order of the sums;
        the fuzzy score, the one costly part, is bounded by 1.
        """
        import numpy as np

        l_feature, l_row, l_weight, _ = self.sources[left]
        _, r_row, r_weight, r_start = self.sources[right]
        inside = (l_row >= rows.start) & (l_row < rows.stop)
        l_feature, l_row, l_weight = l_feature[inside], l_row[inside] - rows.start, l_weight[inside]
        first = r_start[l_feature]
        repeat = r_start[l_feature + 1] - first
        cells = len(rows) * columns
        dot = np.zeros(cells)
        shared = np.zeros(cells)
        facts = np.zeros(cells)
        rare = np.zeros(cells)
        ends = np.cumsum(repeat)
        chunk_start = 0
        while chunk_start < len(l_feature):
            base = ends[chunk_start - 1] if chunk_start else 0
            chunk_end = int(np.searchsorted(ends, base + JOIN_CHUNK, side="right"))
            chunk_end = max(chunk_end, chunk_start + 1)
            part = slice(chunk_start, chunk_end)
            reps = repeat[part]
            entry = np.repeat(np.arange(chunk_start, chunk_end), reps)
            offset = np.arange(len(entry)) - np.repeat(np.cumsum(reps) - reps, reps)
            match = first[entry] + offset
            pair = l_row[entry] * columns + r_row[match]
            feature = l_feature[entry]
            dot += np.bincount(pair, weights=l_weight[entry] * r_weight[match], minlength=cells)
            shared += np.bincount(pair, minlength=cells)
            facts += np.bincount(pair[self.fact[feature]], minlength=cells)
            rare += np.bincount(pair[self.rare[feature]], minlength=cells)
            chunk_start = chunk_end
        # Integer counts: the same test as lexical_similarity's.
        halved = ((shared - facts) < 2) & (shared < 4)
        cosine = np.where(halved, dot * 0.5, dot) + BOUND_SLACK
        lexical = 0.75 * cosine + 0.25 * np.minimum(1.0, cosine * 3)
        return (rare > 0).reshape(len(rows), columns), lexical.reshape(len(rows), columns)


def linked_pairs(
    left: Sequence[SentenceFeatures],
    right: Sequence[SentenceFeatures],
    index: FeatureIndex,
) -> list[tuple[float, int, int]]:
    """(score, i, j) of every candidate pair (:func:`candidate_pairs` or
    :func:`semantic_pairs`) that :func:`link_evidence` links.

    Most candidates share one common word and nothing else: bounds computed for all pairs at
    once (the cosine of embeddings, a bound of the lexical score) leave out those whose score
    cannot reach MATCH_THRESHOLD, and only the rest are scored one by one (10 x 5,000 words:
    about one candidate in eight).
    """
    import numpy as np

    out: list[tuple[float, int, int]] = []
    context = LinkContext(left, right)
    step = max(1, LEXICAL_BLOCK_CELLS // len(right))
    if _has_vectors(left, right):
        blocks: Iterator[tuple[int, Any]] = _semantic_blocks(left, right)
    else:
        blocks = ((start, None) for start in range(0, len(left), step))
    for start, sims in blocks:
        end = min(len(left), start + (len(sims) if sims is not None else step))
        for row in range(start, end, step):
            rows = range(row, min(end, row + step))
            blocked, lexical = index.bounds(left[0].source, right[0].source, rows, len(right))
            if sims is None:
                keep = blocked & (lexical >= MATCH_THRESHOLD)
            else:
                cosine = sims[row - start : rows.stop - start]
                candidate = blocked | (cosine >= SEMANTIC_CANDIDATE)
                semantic = np.clip(cosine + BOUND_SLACK, 0.0, 1.0)
                bound = similarity_blend(lexical, semantic)  # on arrays: numpy broadcasts
                keep = candidate & (bound >= MATCH_THRESHOLD)
            for i, j in zip(*np.nonzero(keep), strict=True):
                a, b = row + int(i), int(j)
                score, linked = link_evidence(left[a], right[b], context)
                if linked:
                    out.append((score, a, b))
    return out


class _Links:
    """The matches found so far: the groups they join (transitively, across sources), each
    one-to-one match's score (in the order matches were made) and each sentence's extras."""

    def __init__(self, flat: Sequence[SentenceFeatures]) -> None:
        self.index = {s.id: n for n, s in enumerate(flat)}
        self.groups = UnionFind(len(flat))
        self.pair_score: dict[tuple[str, str], float] = {}
        self.extras: dict[str, list[tuple[str, float]]] = defaultdict(list)

    def join(self, a: str, b: str, score: float) -> None:
        self.pair_score[(a, b)] = score
        self.groups.union(self.index[a], self.index[b])


def _match_sources(
    left: Sequence[SentenceFeatures],
    right: Sequence[SentenceFeatures],
    index: FeatureIndex,
    links: _Links,
) -> None:
    """One pair of sources: greedy one-to-one matches by descending similarity, then extras."""
    scored = linked_pairs(left, right, index)
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_left: dict[int, int] = {}
    used_right: dict[int, int] = {}
    for score, i, j in scored:
        if i in used_left or j in used_right:
            continue
        used_left[i], used_right[j] = j, i
        links.join(left[i].id, right[j].id, score)
    # One-to-many: a sentence left over on one side that is mostly contained in a sentence
    # already matched on the other (one outlet split what the other said in one).
    for score, i, j in scored:
        if (
            i not in used_left
            and j in used_right
            and _containment(left[i], right[j]) > EXTRA_CONTAINMENT
        ):
            links.extras[right[j].id].append((left[i].id, score))
            used_left[i] = j
        elif (
            j not in used_right
            and i in used_left
            and _containment(right[j], left[i]) > EXTRA_CONTAINMENT
        ):
            links.extras[left[i].id].append((right[j].id, score))
            used_right[j] = i


def _group(
    members: Sequence[str],
    key_of: Mapping[str, SentenceFeatures],
    links: _Links,
    pair_order: Mapping[tuple[str, str], int],
) -> AlignedGroup:
    """One claim's sentences: one main sentence per source, the rest as extras, and the mean
    score of its one-to-one matches."""
    main: dict[str, SentenceFeatures] = {}
    extra: dict[str, list[SentenceFeatures]] = defaultdict(list)
    for sid in sorted(members, key=lambda x: (key_of[x].source, key_of[x].index)):
        s = key_of[sid]
        if s.source in main:  # transitive chains can bring two sentences of one source
            extra[s.source].append(s)
        else:
            main[s.source] = s
        for other, _ in links.extras.get(sid, ()):
            o = key_of[other]
            if o.source not in main:
                main[o.source] = o
            else:
                extra[o.source].append(o)
    ids = {s.id for s in main.values()}
    # A lookup per member pair, not a scan of every pair (quadratic for long articles);
    # summed in the order the pairs were scored, as before.
    member_pairs = [(a, b) for a in ids for b in ids if (a, b) in pair_order]
    scores = [links.pair_score[k] for k in sorted(member_pairs, key=pair_order.__getitem__)]
    score = sum(scores) / len(scores) if scores else 0.0
    return AlignedGroup(main, dict(extra), score)


def align(
    by_source: Sequence[Sequence[SentenceFeatures]], *, semantic: bool = True
) -> list[AlignedGroup]:
    """Group sentences across sources: one-to-one matches, then one-to-many extras.

    Every pair of sources is matched greedily by descending similarity (a sentence is matched
    at most once per other source); matches are then joined transitively across sources.

    The stage runs with one BLAS thread (``pipeline.analyze_docs``).
    """
    flat = [s for sents in by_source for s in sents]
    df = weigh_features(flat)
    if semantic:
        attach_vectors(flat)
    key_of = {s.id: s for s in flat}
    links = _Links(flat)
    index = FeatureIndex(by_source, df)
    for left, right in combinations(by_source, 2):
        if left and right:
            _match_sources(left, right, index, links)
    groups: dict[int, list[str]] = defaultdict(list)
    for n, s in enumerate(flat):
        groups[links.groups.find(n)].append(s.id)
    pair_order = {k: n for n, k in enumerate(links.pair_score)}
    attached = {x for lst in links.extras.values() for x, _ in lst}
    result = [
        _group(members, key_of, links, pair_order)
        for members in groups.values()
        if not (len(members) == 1 and members[0] in attached)
    ]
    result.sort(key=lambda g: min((s.source, s.index) for s in g.main.values()))
    return result
