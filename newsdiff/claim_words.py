"""Word-by-word closeness for the claim comparison, from the static word vectors.

Two words are one word choice when they are equal or their vectors are close; the soft word
overlap of two sentences counts each word by its closest word on the other side. Kept apart
from :mod:`newsdiff.claims`, which decides what the closeness means for a claim.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsdiff.align import FACT_PREFIXES

if TYPE_CHECKING:
    from newsdiff.align import SentenceFeatures

#: Two words whose vectors are this close are one word choice for the same thing
#: ("combat" / "fight" 0.63, "meet" / "speak" 0.21, "visit" / "message" 0.04).
WORD_SYNONYM = 0.5
#: Adverbs that say a statement may hold without saying how likely: one hedge for another
#: ("in November and maybe / possibly January") leaves the content as it is. Word vectors put
#: them apart (they are used in different registers), so they are listed.
HEDGES = frozenset({"maybe", "perhaps", "possibly"})


def _word_cosines(a: Sequence[str], b: Sequence[str]) -> Any:
    """Cosine of each word of ``a`` with each word of ``b``, or None without word vectors.

    A word the model has no vector for gets a zero one: it is close to nothing, so only an
    exact match can pair it.
    """
    import numpy as np

    from newsdiff.semantic import word_vectors

    vectors = word_vectors([*a, *b])
    if not vectors:
        return None
    dim = next(iter(vectors.values())).shape[0]
    zero = np.zeros(dim, dtype=np.float32)
    va = np.stack([vectors.get(w, zero) for w in a])
    vb = np.stack([vectors.get(w, zero) for w in b])
    return va @ vb.T


def synonyms(a: Sequence[str], b: Sequence[str]) -> Any:
    """Boolean matrix: word i of ``a`` means the same as word j of ``b`` (equal or close)."""
    same = equal_words(a, b)
    if not a or not b:
        return same
    hedge_a = [w in HEDGES for w in a]
    if any(hedge_a):
        import numpy as np

        same |= np.outer(hedge_a, [w in HEDGES for w in b])
    cosines = _word_cosines(a, b)
    if cosines is None:
        return same
    return same | (cosines >= WORD_SYNONYM)


def equal_words(a: Sequence[str], b: Sequence[str]) -> Any:
    """Boolean matrix: word i of ``a`` is word j of ``b``.

    Built from where each word of ``b`` stands rather than by comparing every pair: a group
    of many aligned sentences has hundreds of words a side, and the pairwise loop was most of
    the claim stage on ten long articles.
    """
    import numpy as np

    same = np.zeros((len(a), len(b)), dtype=bool)
    where: dict[str, list[int]] = {}
    for j, word in enumerate(b):
        where.setdefault(word, []).append(j)
    for i, word in enumerate(a):
        for j in where.get(word, ()):
            same[i, j] = True
    return same


def soft_overlap(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """IDF-weighted word overlap where a word counts by its closest word on the other side
    (cosine of word vectors), names, numbers and dates by exact id: an F-measure of both ways.
    """
    import numpy as np

    words_a = list(dict.fromkeys(a.lemmas))
    words_b = list(dict.fromkeys(b.lemmas))
    best_a = np.zeros(len(words_a))
    best_b = np.zeros(len(words_b))
    if words_a and words_b:
        m = _word_cosines(words_a, words_b)
        if m is not None:
            m = np.clip(m, 0.0, 1.0)
            m[equal_words(words_a, words_b)] = 1.0
            best_a, best_b = m.max(axis=1), m.max(axis=0)

    def share(s: SentenceFeatures, other: SentenceFeatures, words: list[str], best: Any) -> float:
        total = sum(s.features.values())
        if not total:
            return 0.0
        got = sum(s.features.get(w, 1.0) * float(v) for w, v in zip(words, best, strict=True))
        got += sum(
            weight
            for f, weight in s.features.items()
            if f.startswith(FACT_PREFIXES) and f in other.features
        )
        return float(got / total)

    p, r = share(a, b, words_a, best_a), share(b, a, words_b, best_b)
    return 2 * p * r / (p + r) if p + r else 0.0


#: Word tokens for the n-gram overlap: figures keep their separators ("5,587.75", "U.S").
_TOKEN = re.compile(r"\w+(?:[.,']\w+)*")
#: Typographic apostrophes read as the straight one: "Russia’s" is "Russia's".
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def ngram_overlap(text_a: str, text_b: str) -> tuple[float, ...]:
    """How much of the phrasing two sentences share: for word uni-, bi- and trigrams the
    smaller and the larger of the two shares each side has in the other (one side quoting the
    other's phrases while adding its own vs both rephrasing), then the Dice overlap of
    character trigrams (word forms: "rise" / "rising", "per cent" / "percent").

    Shared n-grams are what MT metrics (BLEU, TER) count, and they are among the strongest
    signals of paraphrase in news pairs: a sentence that keeps the other's word sequences says
    the same thing, while the same words in other orders may not ("A beat B" / "B beat A").
    """
    words_a = [w.casefold() for w in _TOKEN.findall(text_a.translate(_APOSTROPHES))]
    words_b = [w.casefold() for w in _TOKEN.findall(text_b.translate(_APOSTROPHES))]
    out: list[float] = []
    for n in (1, 2, 3):
        grams_a, grams_b = _grams(words_a, n), _grams(words_b, n)
        shared = sum((grams_a & grams_b).values())
        shares = (
            shared / max(sum(grams_a.values()), 1),
            shared / max(sum(grams_b.values()), 1),
        )
        out += [min(shares), max(shares)]
    chars_a = _grams(list(" ".join(words_a)), 3)
    chars_b = _grams(list(" ".join(words_b)), 3)
    total = sum(chars_a.values()) + sum(chars_b.values())
    out.append(2 * sum((chars_a & chars_b).values()) / total if total else 0.0)
    return tuple(out)


def _grams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
