"""What two sentences share word by word: runs of words in the same order, and names.

Read by :func:`newsdiff.align.link_evidence` for the pairs whose similarity reaches the floor:
a run of shared words is evidence of a shared detail, and the names each source uses tell a
report of another event from a conflicting report of the same one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.align import SentenceFeatures

_WORD = re.compile(r"\w+")

#: Entity labels of places: countries, cities, regions, sites, and the nationality adjectives
#: that name a place in headlines ("Afghan capital", "Syrian border").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
#: Two name words of at least this many letters that begin alike name one thing: a place and
#: its adjective or plural ("Korea" / "Korean", "Pakistan" / "Pakistani", "Philippine(s)").
NAME_STEM = 4


def name_words(names: Iterable[str]) -> frozenset[str]:
    """Lower-cased words of entity names, dots dropped ("U.S." and "US" are one word)."""
    return frozenset(w for n in names for w in _WORD.findall(n.lower().replace(".", "")))


#: Sentences whose words :func:`~newsdiff.align.link_evidence` keeps at once (about 2 KB each).
WORDS_CACHED = 4_096


class WordRuns:
    """A sentence's runs of consecutive words, one set per length, each made when first asked
    for (most pairs are told apart by the short ones)."""

    __slots__ = ("_runs", "_words", "count")

    def __init__(self, words: Sequence[str]) -> None:
        self._words = tuple(words)
        self.count = len(self._words)
        self._runs: dict[int, frozenset[tuple[str, ...]]] = {}

    def of_length(self, k: int) -> frozenset[tuple[str, ...]]:
        """The set of runs of ``k`` words (k >= 1)."""
        got = self._runs.get(k)
        if got is None:
            shifted = (self._words[i:] for i in range(k))
            got = self._runs[k] = frozenset(zip(*shifted, strict=False))  # ends of unequal length
        return got


def shared_run(
    a: WordRuns,
    b: WordRuns,
    shortest: int,
    longest: int,
    holding: Callable[[str], bool] | None = None,
) -> int:
    """Length of the longest run of words two sentences hold in the same order, up to
    ``longest``; ``shortest - 1`` when they share no run of ``shortest`` words (shorter runs are
    not read). With ``holding``, only runs with a word it accepts count.

    A shared run of k words (holding such a word) holds shared runs of every shorter length
    (holding it), so the first length they share no run of ends the count.
    """
    for k in range(shortest, longest + 1):
        runs_a, runs_b = a.of_length(k), b.of_length(k)
        if holding is None:
            if runs_a.isdisjoint(runs_b):
                return k - 1
        elif not any(any(holding(w) for w in run) for run in runs_a & runs_b):
            return k - 1
    return longest


def has_digit(word: str) -> bool:
    """Whether the word holds a figure ("260", "6.9", "2010s")."""
    return any(c.isdigit() for c in word)


class SourceNames:
    """The name words one source uses anywhere, exact and by their first NAME_STEM letters."""

    def __init__(self, sentences: Iterable[SentenceFeatures]) -> None:
        self.words: set[str] = set()
        for s in sentences:
            self.words |= s.name_words
        self.stems = {w[:NAME_STEM] for w in self.words if len(w) >= NAME_STEM}

    def meet(self, words: Iterable[str]) -> bool:
        """Whether any of ``words`` names something this source names."""
        return any(
            w in self.words or (len(w) >= NAME_STEM and w[:NAME_STEM] in self.stems) for w in words
        )


class LinkContext:
    """What :func:`link_evidence` reads beyond the two sentences, while one pair of sources is
    matched: each source's names, and each sentence's words (:class:`WordRuns`), read once per
    sentence rather than once per candidate pair.

    The words are not kept on the sentences: on a long article that would be several strings
    per word held until the end. Their cache is emptied when it reaches WORDS_CACHED sentences.
    """

    def __init__(self, left: Iterable[SentenceFeatures], right: Iterable[SentenceFeatures]) -> None:
        self.left_names = SourceNames(left)
        self.right_names = SourceNames(right)
        self.cache: dict[str, WordRuns] = {}

    def words(self, s: SentenceFeatures) -> WordRuns:
        """The sentence's words and their runs."""
        got = self.cache.get(s.id)
        if got is None:
            if len(self.cache) >= WORDS_CACHED:
                self.cache.clear()
            got = self.cache[s.id] = WordRuns(_WORD.findall(s.text.lower()))
        return got

    def different_events(self, a: SentenceFeatures, b: SentenceFeatures) -> bool:
        """Whether ``a`` (left) and ``b`` (right) report one kind of event in different places
        with different figures: "Car bomb kills 14 in northwest Nigeria" / "Car bomb kills 35 in
        northwest Somalia" are two bombings, not one with a disputed toll.

        A differing figure alone is what a conflict is made of, and so is a place named at
        another scale ("Aleppo" / "Syria"); both at once, with no name shared (a shared name is
        a shared detail) and neither place named anywhere in the other source, are another
        event. Within one story the other outlet names the places of the story somewhere, so
        this only parts sentences that do not belong to it.
        """
        if not (a.place_words and b.place_words and a.numbers and b.numbers):
            return False
        if a.numbers & b.numbers or SourceNames((b,)).meet(a.name_words):
            return False
        return not self.right_names.meet(a.place_words) and not self.left_names.meet(b.place_words)

    @staticmethod
    def setting_only(a: SentenceFeatures, b: SentenceFeatures) -> bool:
        """Whether all the two sentences name in common is places and peoples, with no figure
        or date: "Turkey detains 52 Kurds" / "Turkey criticizes Kurdish stance" share
        the setting of a conflict, which every report from it names, not a detail of one."""
        if a.numbers & b.numbers or a.dates & b.dates:
            return False
        shared = a.name_words & b.name_words
        return bool(shared) and shared <= (a.place_words | b.place_words)
