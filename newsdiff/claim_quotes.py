"""Quotes compared across sources: the same words said another way, other words, or more.

"We reject his visit" / "We reject his message" is a conflict (a content word replaced);
"co-mingling" / "comingling" or a word moved is the same quote; one source quoting more of it
is an addition. Kept apart from :mod:`newsdiff.claims`, which weighs what this finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsdiff.claim_facts import WORD, SentenceDetail
from newsdiff.claim_values import Found
from newsdiff.claim_words import synonyms


def compare_quotes(found: Found, a: str, b: str, da: SentenceDetail, db: SentenceDetail) -> None:
    """Quotes: the same content words in other words is wording; other content words is a
    conflict ("We reject his visit" / "... his message"); quoting less is an addition."""
    if not da.quote_words or not db.quote_words:
        return
    texts_a = [q.strip(" ,.") for q in da.quote_texts]
    texts_b = [q.strip(" ,.") for q in db.quote_texts]
    # One word matrix for every fragment pair: fragments are slices of it.
    vocab_a = list(dict.fromkeys(w for words in da.quote_words for w in words))
    vocab_b = list(dict.fromkeys(w for words in db.quote_words for w in words))
    every = synonyms(vocab_a, vocab_b)
    at_a = {w: k for k, w in enumerate(vocab_a)}
    at_b = {w: k for k, w in enumerate(vocab_b)}
    rows_b = [[at_b[w] for w in wb] for wb in db.quote_words]
    for i, wa in enumerate(da.quote_words):
        best, best_j, best_m = 0.0, -1, None
        rows = [at_a[w] for w in wa]
        for j, wb in enumerate(db.quote_words):
            m = every[rows][:, rows_b[j]]
            overlap = (m.any(axis=1).sum() + m.any(axis=0).sum()) / (len(wa) + len(wb))
            if _quoted_within(m) or _quoted_within(m.T):
                # One quote is a stretch of the other: the same quote, one source quoting less
                # of it ("a major milestone" / "a major milestone ... this research has ...").
                overlap = max(overlap, 0.5)
            if overlap > best:
                best, best_j, best_m = float(overlap), j, m
        qa = texts_a[i] if i < len(texts_a) else " ".join(wa)
        if best_m is None or best < 0.3:
            continue  # a quote of something else
        qb = texts_b[best_j] if best_j < len(texts_b) else " ".join(db.quote_words[best_j])
        wb = db.quote_words[best_j]
        miss_a = [w for w, c in zip(wa, best_m.any(axis=1), strict=True) if not c]
        miss_b = [w for w, c in zip(wb, best_m.any(axis=0), strict=True) if not c]
        if _substituted(list(wa), list(wb), best_m):
            found.add("quote", "conflict", {a: [qa], b: [qb]})
        elif miss_a or miss_b:
            found.add("quote", "addition", {a: [qa], b: [qb]})
        elif _plain(qa) != _plain(qb):
            found.add("quote", "wording", {a: [qa], b: [qb]})


def _quoted_within(same: Any) -> bool:
    """The content words of the shorter quote (rows of ``same``) stand in the longer one
    (columns) in the same order, one after the other: a fragment of it. Two words at least,
    since one word ("terrorists") in scare quotes is the writer's label, not a fragment of
    whatever longer quote happens to use it."""
    rows, cols = same.shape
    if rows < 2 or rows > cols:
        return False
    return any(all(same[i, k + i] for i in range(rows)) for k in range(cols - rows + 1))


def _substituted(wa: list[str], wb: list[str], same: Any) -> bool:
    """A word of one quote stands where the other quote has another, unrelated word ("reject
    his visit" / "reject his message"). Words only one quote has, at its edges or inside
    ("red wool scarf" / "scarf"), are the longer quote saying more, not a conflict."""
    from difflib import SequenceMatcher

    from rapidfuzz import fuzz

    # Words with a synonym on the other side are one word for the matcher.
    canon_b = list(wb)
    canon_a = [
        w if w in wb else next((wb[j] for j in range(len(wb)) if same[i, j]), w)
        for i, w in enumerate(wa)
    ]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, canon_a, canon_b, autojunk=False).get_opcodes():
        if op != "replace":
            continue
        # "co-mingling" / "comingling", "non-appropriated" / "nonappropriated": one word
        # spelled or hyphenated another way, not another word.
        joined_a, joined_b = "".join(canon_a[i1:i2]), "".join(canon_b[j1:j2])
        if min(len(joined_a), len(joined_b)) >= 6 and fuzz.ratio(joined_a, joined_b) >= 75:
            continue
        if _unrelated(canon_a[i1:i2], canon_b[j1:j2], set(canon_a), set(canon_b)):
            return True
    return False


def _unrelated(xs: Sequence[str], ys: Sequence[str], all_a: set[str], all_b: set[str]) -> bool:
    """Both sides of a replaced stretch keep a word the other side does not account for. A word
    the other quote has elsewhere was moved ("the Archdiocese of Boston" / "the leadership in
    Boston"), and a word inside another ("percent" / "per cent", "online" / "on-line") is the
    same word spelled apart; what is left on one side only is that quote saying more."""

    def part(x: str, y: str) -> bool:
        return min(len(x), len(y)) >= 3 and (x in y or y in x)

    rest_a = [x for x in xs if x not in all_b and not any(part(x, y) for y in ys)]
    rest_b = [y for y in ys if y not in all_a and not any(part(x, y) for x in xs)]
    return bool(rest_a and rest_b)


def _plain(text: str) -> list[str]:
    """Words of a quote without case and punctuation: "Full support," == "full support"."""
    return [w.casefold() for w in WORD.findall(text)]
