"""How far can an agree-vs-not rule get on the claims bench's tune parts? A ceiling estimate.

Run from the repo root: ``.venv/bin/python bench/claims_ceiling.py [--pairs N] [--folds K]``.
It runs the real engine on the tune parts only (MSRP's first half, STS-B news train; the check
parts are never read), records for every aligned pair the features the claim stage sees, and
fits small L2 logistic models with K-fold cross-validation inside each tune part (the decision
threshold is tuned on the training folds). A pair the engine does not align counts as "not the
same", as in the bench. Feature sets, each one a superset of the one before:

- ``overlap``: the Jaccard of lower-cased words (the bench's word-overlap baseline);
- ``claim score``: the engine's claim similarity (``Claim.similarity``);
- ``engine``: the similarity features of :func:`newsdiff.claims.similarity_features` and what
  one side has that the other lacks (content words, names, figures, dates; length ratio);
- ``engine + n-grams``: plus shared word uni/bi/trigrams both ways and character trigrams
  (the MT-metric features of paraphrase identification);
- ``... + hard additions``: the n-gram model, but a pair where one side adds a figure, date or
  time is never "the same" (the issue's rule that such a figure is an addition).

``joint`` rows fit one model on both tune parts at once (the product has one rule for every
article pair) and report each part's cross-validated accuracy.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from accuracy_claims import Pair, data_dir, load_parts, overlap, run_item  # noqa: E402

from newsdiff.claim_words import ngram_overlap  # noqa: E402

_FACT_KINDS = ("number", "date", "time")


def lacking(a: Any, b: Any) -> list[float]:
    """What each side has that the other lacks, smaller and larger count, and the length ratio."""
    from newsdiff.claim_values import compatible_dates
    from newsdiff.claims import missing_words

    miss_a, miss_b = missing_words(a, b)
    la, lb = max(len(a.lemmas), 1), max(len(b.lemmas), 1)
    ents = (len(a.entities - b.entities), len(b.entities - a.entities))
    nums = len(a.numbers ^ b.numbers)
    dates = sum(not any(compatible_dates(d, x) for x in b.dates) for d in a.dates)
    dates += sum(not any(compatible_dates(d, x) for x in a.dates) for d in b.dates)
    return [
        min(len(miss_a) / la, len(miss_b) / lb),
        max(len(miss_a) / la, len(miss_b) / lb),
        float(min(ents)),
        float(max(ents)),
        float(nums),
        float(dates),
        abs(math.log(la / lb)),
        float(la + lb),
    ]


def collect(pairs: Sequence[Pair], group: int, seed: int) -> list[dict[str, Any]]:
    """Run the engine on one part and keep each pair's features (empty when not aligned)."""
    from newsdiff import claims

    seen: dict[tuple[str, str], list[float]] = {}
    original = claims.claim_similarity

    def spy(a: Any, b: Any, shares: Any, conflicts: int, added: bool) -> float:
        seen[(a.id, b.id)] = [*claims.similarity_features(a, b, shares)[:7], *lacking(a, b)]
        return original(a, b, shares, conflicts, added)

    claims.claim_similarity = spy  # type: ignore[assignment]
    rows: list[dict[str, Any]] = []
    rng = random.Random(seed)
    try:
        for start in range(0, len(pairs), group):
            chunk = pairs[start : start + group]
            seen.clear()
            run_item(chunk, rng)
            for p in chunk:
                feats = seen.get(p.claim_sentences) if p.aligned else None
                rows.append(
                    {
                        "same": p.same,
                        "aligned": feats is not None,
                        "overlap": overlap(p),
                        "score": p.similarity,
                        "engine": feats or [],
                        "ngrams": list(ngram_overlap(p.s1, p.s2)),
                        "fact_added": any(
                            cls == "addition" and kind in _FACT_KINDS
                            for kind, cls, _ in p.differences
                        ),
                        "conflict": any(cls == "conflict" for _, cls, _ in p.differences),
                    }
                )
    finally:
        claims.claim_similarity = original  # type: ignore[assignment]
    return rows


def fit_logistic(x: Any, y: Any, l2: float = 0.01, steps: int = 3000) -> Callable[[Any], Any]:
    """L2-regularised logistic regression on standardised features (gradient descent)."""
    import numpy as np

    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9

    def design(m: Any) -> Any:
        return np.c_[np.ones(len(m)), (m - mean) / std]

    z = design(x)
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        w -= 0.5 * (z.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]])
    return lambda m: 1.0 / (1.0 + np.exp(-(design(m) @ w)))


def matrix(rows: Sequence[dict[str, Any]], features: str) -> Any:
    import numpy as np

    def row(r: dict[str, Any]) -> list[float]:
        if features == "overlap":
            return [r["overlap"]]
        if features == "claim score":
            return [r["score"]]
        engine = r["engine"] or [0.0] * width
        return engine + (r["ngrams"] if "n-grams" in features else [])

    # A pair the engine did not align has no features: zeros as wide as an aligned pair's.
    width = max((len(r["engine"]) for r in rows), default=0)
    return np.array([row(r) for r in rows], dtype=float)


def cross_validate(
    parts: dict[str, list[dict[str, Any]]], features: str, folds: int, seed: int
) -> dict[str, float]:
    """K-fold accuracy per part of one model fitted on the training folds of the given parts."""
    import numpy as np

    hard = "hard" in features
    data = {}
    for name, rows in parts.items():
        x = matrix(rows, features)
        y = np.array([r["same"] for r in rows], dtype=bool)
        aligned = np.array([r["aligned"] for r in rows], dtype=bool)
        blocked = np.array([hard and r["fact_added"] for r in rows], dtype=bool)
        order = np.random.RandomState(seed).permutation(len(rows))
        data[name] = (x, y, aligned, blocked, np.array_split(order, folds))
    correct = dict.fromkeys(parts, 0)
    for k in range(folds):
        train_x, train_y = [], []
        for x, y, aligned, _, split in data.values():
            train = np.concatenate([split[j] for j in range(folds) if j != k])
            train = train[aligned[train]]
            train_x.append(x[train])
            train_y.append(y[train])
        tx, ty = np.concatenate(train_x), np.concatenate(train_y)
        model = fit_logistic(tx, ty.astype(float))
        p = model(tx)
        threshold = max(
            (t / 100 for t in range(10, 91)), key=lambda t: float(((p >= t) == ty).mean())
        )
        for name, (x, y, aligned, blocked, split) in data.items():
            test = split[k]
            said = (model(x[test]) >= threshold) & aligned[test] & ~blocked[test]
            correct[name] += int((said == y[test]).sum())
    return {name: correct[name] / len(rows) for name, rows in parts.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--pairs", type=int, default=1200)
    parser.add_argument("--group", type=int, default=8)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    parts = load_parts(data_dir(args.data), args.pairs, args.seed)
    tune = {name: collect(parts[name], args.group, args.seed) for name in ("msrp-tune", "sts-tune")}
    print(f"{args.folds}-fold cross-validated agree-vs-not accuracy inside the tune parts")
    print(f"{'features':<40} {'fit on':<9} {'msrp-tune':>9} {'sts-tune':>9}")
    sets = ("overlap", "claim score", "engine", "engine + n-grams", "engine + n-grams, hard")
    for features in sets:
        alone = {
            name: cross_validate({name: rows}, features, args.folds, args.seed)[name]
            for name, rows in tune.items()
        }
        print(
            f"{features:<40} {'own part':<9} {alone['msrp-tune']:>9.3f} {alone['sts-tune']:>9.3f}"
        )
        joint = cross_validate(tune, features, args.folds, args.seed)
        print(f"{'':<40} {'joint':<9} {joint['msrp-tune']:>9.3f} {joint['sts-tune']:>9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
