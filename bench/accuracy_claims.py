"""Score claim alignment and comparison on public news sentence pairs (MSRP, STS-B news).

Run from the repo root: ``.venv/bin/python bench/accuracy_claims.py [--data DIR] [--pairs N]
[--group K] [--seed S] [--errors N] [--set NAME=VALUE ...] [--fit]``. The data directory
defaults to ``$NEWSDIFF_EVAL`` or ``../shared/eval`` next to the repository (it must hold
``claims-dev/``). A benchmark, not a test: the gold data is never shipped or read by tests.

How items are built: pairs are shuffled with a fixed seed and cut into groups of ``--group``
pairs from different stories. Source A holds each pair's first sentence, source B the second
ones in another (seeded) order, one paragraph per sentence. The real engine (spaCy, entities,
times, alignment, claims) runs on each two-article item, and its claims are mapped back to the
pairs by character offsets.

Measures, per part:
- alignment P/R/F1: a predicted link joins the A sentence of pair i and the B sentence of pair
  j in one claim; gold links are every MSRP pair and every STS pair scoring >= 2;
- only-in P/R/F1 (STS only): a sentence is gold ``only`` when its pair scores < 2;
- agree-vs-not accuracy: gold "same" is MSRP label 1 or STS >= 4; predicted "same" is the two
  sentences in one claim whose status is ``agree``;
- false-conflict rate: human-equivalent pairs (gold "same") whose claim is ``differ``;
- Spearman of the claim similarity (0 when not aligned) with the STS score.
Baselines in the same run: everything differs; word overlap (Jaccard of lower-cased words)
with a threshold tuned on the tune part and applied unchanged on the check part.

Protocol: the tune parts are MSRP's first half and STS-B news train; the check parts are
MSRP's second half and STS-B news dev. Rules and constants are tuned on the tune parts and
land only if the check parts' summary lines improve too. ``--pairs`` subsamples each part with
the fixed seed (say so when quoting a figure); the default is every pair of the dev part and
up to 1,200 of each other part, which runs in a few minutes on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsdiff.model import Comparison, Source  # noqa: E402

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Pair:
    """One gold sentence pair and what the engine made of it."""

    id: str
    s1: str
    s2: str
    same: bool
    score: float | None
    aligned: bool = False
    status: str = "only"
    similarity: float = 0.0
    only_a: bool = True
    only_b: bool = True
    links: set[str] = field(default_factory=set)
    claim_sentences: tuple[str, str] = ("", "")
    differences: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)


def data_dir(override: str | None) -> Path:
    """``claims-dev/`` under --data, $NEWSDIFF_EVAL or ../shared/eval."""
    import os

    raw = override or os.environ.get("NEWSDIFF_EVAL")
    base = Path(raw) if raw else REPO.parent / "shared" / "eval"
    if not raw and not base.is_dir():  # a git worktree one level deeper than the main checkout
        base = REPO.parent.parent / "shared" / "eval"
    base = base.expanduser().resolve()
    if base.name != "claims-dev":
        base = base / "claims-dev"
    if not base.is_dir():
        raise SystemExit(f"eval data not found: {base} (use --data DIR)")
    return base


def load_parts(base: Path, limit: int, seed: int) -> dict[str, list[Pair]]:
    """The four parts: msrp-tune / msrp-check (halves of MSRP train), sts-tune, sts-check."""

    def read(name: str) -> list[dict[str, Any]]:
        with (base / name).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    msrp = read("msrp_train.jsonl")
    half = len(msrp) // 2
    parts: dict[str, list[Pair]] = {
        "msrp-tune": [_msrp(r) for r in msrp[:half]],
        "msrp-check": [_msrp(r) for r in msrp[half:]],
        "sts-tune": [_sts(r) for r in read("stsb_news_train.jsonl")],
        "sts-check": [_sts(r) for r in read("stsb_news_dev.jsonl")],
    }
    rng = random.Random(seed)
    for name, pairs in parts.items():
        rng.shuffle(pairs)
        cap = limit if name != "sts-check" else max(limit, len(pairs))
        parts[name] = pairs[:cap]
    return parts


def _msrp(r: dict[str, Any]) -> Pair:
    return Pair(str(r["id"]), r["s1"], r["s2"], bool(r["label"]), None)


def _sts(r: dict[str, Any]) -> Pair:
    score = float(r["score"])
    return Pair(str(r["id"]), r["s1"], r["s2"], score >= 4.0, score)


def _clean(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", '"', "”", "'")) else text + "."


def run_item(pairs: Sequence[Pair], rng: random.Random) -> None:
    """Analyse one two-article item with the real engine and record the result on each pair."""
    from newsdiff.pipeline import analyze

    order = list(range(len(pairs)))
    rng.shuffle(order)
    a_text, a_spans = _article([_clean(p.s1) for p in pairs])
    b_text, b_spans_ordered = _article([_clean(pairs[k].s2) for k in order])
    b_spans = [(0, 0)] * len(pairs)
    for pos, k in enumerate(order):
        b_spans[k] = b_spans_ordered[pos]
    sources = [
        # No publication date: the pairs come from different days and outlets, so "today" in
        # one and "yesterday" in the other must not be resolved against one made-up date.
        Source("A", "a.txt", "a.txt", None, None, False, a_text),
        Source("B", "b.txt", "b.txt", None, None, False, b_text),
    ]
    comparison = analyze(sources, use_cache=False)
    _record(comparison, pairs, a_spans, b_spans)


def _article(sentences: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    spans, parts, pos = [], [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        parts.append(s)
        pos += len(s) + 2
    return "\n\n".join(parts), spans


def _record(
    comparison: Comparison,
    pairs: Sequence[Pair],
    a_spans: Sequence[tuple[int, int]],
    b_spans: Sequence[tuple[int, int]],
) -> None:
    def owner(source_id: str, spans: Sequence[tuple[int, int]]) -> dict[str, int]:
        out: dict[str, int] = {}
        for sent in comparison.source(source_id).sentences:
            mid = sent.start
            for k, (s, e) in enumerate(spans):
                if s <= mid < e:
                    out[sent.id] = k
        return out

    a_owner, b_owner = owner("A", a_spans), owner("B", b_spans)
    for claim in comparison.claims:
        ids = claim.all_sentence_ids()
        a_pairs = {a_owner[i] for i in ids if i in a_owner}
        b_pairs = {b_owner[i] for i in ids if i in b_owner}
        for i in a_pairs:
            pairs[i].links |= {pairs[j].id for j in b_pairs}
            if claim.status != "only":
                pairs[i].only_a = False
            if i in b_pairs:
                p = pairs[i]
                p.aligned = True
                p.status = claim.status
                p.similarity = getattr(claim, "similarity", claim.score)
                p.claim_sentences = (claim.sentences.get("A", ""), claim.sentences.get("B", ""))
                p.differences = [
                    (d.kind, getattr(d, "cls", "?"), dict(d.values)) for d in claim.differences
                ]
        for j in b_pairs:
            if claim.status != "only":
                pairs[j].only_b = False


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho with average ranks for ties (no SciPy needed)."""
    import numpy as np

    def ranks(v: Sequence[float]) -> Any:
        arr = np.asarray(v, dtype=float)
        order = arr.argsort(kind="mergesort")
        r = np.empty(len(arr))
        r[order] = np.arange(len(arr))
        for value in np.unique(arr):
            mask = arr == value
            r[mask] = r[mask].mean()
        return r

    if len(xs) < 2:
        return 0.0
    rx, ry = ranks(xs), ranks(ys)
    if rx.std() == 0 or ry.std() == 0:
        return 0.0
    return float(np.corrcoef(rx, ry)[0, 1])


def overlap(p: Pair) -> float:
    """Jaccard of lower-cased words: the word-overlap baseline's score."""
    a = {w.lower() for w in _WORD.findall(p.s1)}
    b = {w.lower() for w in _WORD.findall(p.s2)}
    return len(a & b) / len(a | b) if a | b else 0.0


def tune_overlap(pairs: Sequence[Pair], gold: Any) -> float:
    """The overlap threshold with the best accuracy on the tune part."""
    best_t, best = 0.0, -1.0
    for t in [i / 100 for i in range(0, 101)]:
        acc = sum((overlap(p) >= t) == gold(p) for p in pairs) / len(pairs)
        if acc > best:
            best_t, best = t, acc
    return best_t


def measure(pairs: Sequence[Pair]) -> dict[str, float]:
    """Every figure of one part."""
    n = len(pairs)
    gold_links = {(p.id, p.id) for p in pairs if p.score is None or p.score >= 2.0}
    pred_links = {(p.id, j) for p in pairs for j in p.links}
    tp = len(gold_links & pred_links)
    a_p, a_r, a_f = _prf(tp, len(pred_links - gold_links), len(gold_links - pred_links))
    out = {"n": float(n), "align_p": a_p, "align_r": a_r, "align_f1": a_f}
    scored = [p for p in pairs if p.score is not None]
    if scored:
        gold_only = [(p.score is not None and p.score < 2.0) for p in scored for _ in (0, 1)]
        pred_only = [flag for p in scored for flag in (p.only_a, p.only_b)]
        tp = sum(g and q for g, q in zip(gold_only, pred_only, strict=True))
        fp = sum(q and not g for g, q in zip(gold_only, pred_only, strict=True))
        fn = sum(g and not q for g, q in zip(gold_only, pred_only, strict=True))
        out["only_p"], out["only_r"], out["only_f1"] = _prf(tp, fp, fn)
        out["spearman"] = spearman([p.similarity for p in scored], [p.score or 0.0 for p in scored])
        out["spearman_overlap"] = spearman(
            [overlap(p) for p in scored], [p.score or 0.0 for p in scored]
        )
    predicted_same = [p.aligned and p.status == "agree" for p in pairs]
    out["accuracy"] = sum(q == p.same for p, q in zip(pairs, predicted_same, strict=True)) / n
    out["all_differ"] = sum(not p.same for p in pairs) / n
    same = [p for p in pairs if p.same]
    out["false_conflict"] = (
        sum(p.aligned and p.status == "differ" for p in same) / len(same) if same else 0.0
    )
    statuses: dict[str, int] = {}
    for p in pairs:
        key = p.status if p.aligned else "apart"
        statuses[key] = statuses.get(key, 0) + 1
    out.update({f"status_{k}": float(v) for k, v in statuses.items()})
    return out


def _apply_settings(settings: Sequence[str]) -> None:
    """``--set align.MATCH_THRESHOLD=0.25``: try a constant without editing the code."""
    import importlib

    for item in settings:
        name, _, value = item.partition("=")
        module, _, attr = name.rpartition(".")
        mod = importlib.import_module(f"newsdiff.{module}")
        if not hasattr(mod, attr):
            raise SystemExit(f"no constant {name}")
        setattr(mod, attr, type(getattr(mod, attr))(float(value)))


def _fit(parts: dict[str, list[Pair]], group: int, seed: int) -> None:
    """Least-squares weights of the claim similarity on the STS tune part (prints them)."""
    import numpy as np

    from newsdiff import claims

    rows: dict[tuple[str, str], tuple[float, ...]] = {}
    original = claims.claim_similarity

    def spy(a: Any, b: Any, shares: Any, conflicts: int, added: bool) -> float:
        features = claims.similarity_features(a, b, shares)
        rows[(a.id, b.id)] = (*features, float(added), float(conflicts))
        return original(a, b, shares, conflicts, added)

    claims.claim_similarity = spy  # type: ignore[assignment]
    pairs = parts["sts-tune"]
    rng = random.Random(seed)
    xs, ys = [], []
    for start in range(0, len(pairs), group):
        chunk = pairs[start : start + group]
        rows.clear()
        run_item(chunk, rng)
        for p in chunk:
            if p.aligned and p.claim_sentences in rows:
                xs.append(rows[p.claim_sentences])
                ys.append((p.score or 0.0) / 5.0)
    claims.claim_similarity = original  # type: ignore[assignment]
    x = np.array([[1.0, *row[:-1], -row[-1]] for row in xs])
    w, *_ = np.linalg.lstsq(x, np.array(ys), rcond=None)
    weights = ", ".join(f"{v:.3f}" for v in w[:-1])
    print(
        f"fit on {len(ys)} aligned STS tune pairs: SCORE_WEIGHTS = ({weights}); "
        f"CONFLICT_PENALTY = {w[-1]:.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--pairs", type=int, default=1200, help="pairs per part (seeded sample)")
    parser.add_argument("--group", type=int, default=8, help="pairs per two-article item")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--errors", type=int, default=0, help="print N errors of the check parts")
    parser.add_argument("--parts", default="msrp-tune,msrp-check,sts-tune,sts-check")
    parser.add_argument("--set", action="append", default=[], dest="settings")
    parser.add_argument("--fit", action="store_true", help="fit the claim-score weights")
    parser.add_argument("--json-out")
    args = parser.parse_args(argv)
    _apply_settings(args.settings)
    parts = load_parts(data_dir(args.data), args.pairs, args.seed)
    if args.fit:
        _fit(parts, args.group, args.seed)
        return 0
    wanted = args.parts.split(",")
    results: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    started = time.perf_counter()
    for name in wanted:
        pairs = parts[name]
        rng = random.Random(args.seed)
        for start in range(0, len(pairs), args.group):
            run_item(pairs[start : start + args.group], rng)
        results[name] = measure(pairs)
    # Word-overlap baseline: the threshold comes from the tune part of the same corpus.
    for corpus in ("msrp", "sts"):
        tune = parts[f"{corpus}-tune"]
        thresholds[corpus] = tune_overlap(tune, lambda p: p.same)
        for name in (f"{corpus}-tune", f"{corpus}-check"):
            if name in results:
                pairs = parts[name]
                t = thresholds[corpus]
                results[name]["overlap_acc"] = sum(
                    (overlap(p) >= t) == p.same for p in pairs
                ) / len(pairs)
                if corpus == "sts":
                    t_only = tune_overlap(tune, lambda p: (p.score or 0.0) >= 2.0)
                    gold = [(p.score or 0.0) < 2.0 for p in pairs]
                    pred = [overlap(p) < t_only for p in pairs]
                    tp = sum(g and q for g, q in zip(gold, pred, strict=True))
                    fp = sum(q and not g for g, q in zip(gold, pred, strict=True))
                    fn = sum(g and not q for g, q in zip(gold, pred, strict=True))
                    results[name]["overlap_only_f1"] = _prf(tp, fp, fn)[2]
    elapsed = time.perf_counter() - started
    targets = {
        "accuracy": 0.78,
        "spearman": 0.77,
        "align_f1": 0.95,
        "only_f1": 0.82,
        "false_conflict": 0.08,
    }
    print(
        f"claims bench: groups of {args.group} pairs, seed {args.seed}, up to {args.pairs} "
        f"pairs per part (all {len(parts['sts-check'])} of sts-check); {elapsed:.0f} s"
    )
    header = (
        f"{'part':<11} {'n':>5} {'align P/R/F1':>17} {'only P/R/F1':>17} {'acc':>6} "
        f"{'all-differ':>10} {'overlap':>7} {'false-conf':>10} {'spearman':>8} {'overlap-sp':>10}"
    )
    print(header)
    for name, r in results.items():
        only = f"{r['only_p']:.2f}/{r['only_r']:.2f}/{r['only_f1']:.2f}" if "only_f1" in r else "—"
        sp = f"{r['spearman']:.3f}" if "spearman" in r else "—"
        osp = f"{r['spearman_overlap']:.3f}" if "spearman_overlap" in r else "—"
        align = f"{r['align_p']:.2f}/{r['align_r']:.2f}/{r['align_f1']:.3f}"
        print(
            f"{name:<11} {int(r['n']):>5} {align:>17} {only:>17} {r['accuracy']:>6.3f} "
            f"{r['all_differ']:>10.3f} {r.get('overlap_acc', 0):>7.3f} "
            f"{r['false_conflict']:>10.3f} {sp:>8} {osp:>10}"
        )
    print(
        "targets on the check parts: "
        + ", ".join(
            f"{k} {'<=' if k == 'false_conflict' else '>='} {v}" for k, v in targets.items()
        )
    )
    for name, r in results.items():
        statuses = ", ".join(
            f"{k[7:]} {int(v)}" for k, v in sorted(r.items()) if k.startswith("status_")
        )
        print(
            f"  {name}: {statuses}; overlap only-in F1 {r.get('overlap_only_f1', 0):.2f}"
            if "only_f1" in r
            else f"  {name}: {statuses}"
        )
    print(
        "summary "
        + " ".join(
            f"{name}:acc={r['accuracy']:.3f},fc={r['false_conflict']:.3f},alignF1={r['align_f1']:.3f}"
            + (f",onlyF1={r['only_f1']:.3f},rho={r['spearman']:.3f}" if "only_f1" in r else "")
            for name, r in results.items()
        )
    )
    if args.errors:
        _print_errors(parts, wanted, args.errors)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def _print_errors(parts: dict[str, list[Pair]], wanted: Sequence[str], n: int) -> None:
    """A few wrong decisions of the tune parts (the check parts stay read through the summary)."""
    for name in wanted:
        if not name.endswith("tune"):
            continue
        wrong = [p for p in parts[name] if p.same and p.aligned and p.status == "differ"]
        wrong += [p for p in parts[name] if (p.aligned and p.status == "agree") != p.same]
        print(f"\n{name}: {len(wrong)} wrong agree-vs-not decisions; first {n}:")
        for p in wrong[:n]:
            gold = f"label {'same' if p.same else 'not'}" + (
                f" sts {p.score}" if p.score is not None else ""
            )
            print(f"- {gold}; engine {p.status if p.aligned else 'apart'} sim {p.similarity:.2f}")
            print(f"    A: {p.s1}")
            print(f"    B: {p.s2}")
            for kind, cls, values in p.differences:
                print(f"    {cls} {kind}: {values}")


if __name__ == "__main__":
    raise SystemExit(main())
