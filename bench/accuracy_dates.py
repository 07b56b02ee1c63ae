"""Score the temporal-expression extractor against TempEval-3 gold TIMEX3 annotations.

Run from the repo root: ``/work/venv/bin/python bench/accuracy_dates.py [--data DIR]
[--json-out FILE] [--errors N]``. The data directory defaults to ``$NEWSDIFF_EVAL`` or
``../shared/eval/tempeval3-dev`` next to the repository. This is a benchmark, not a test: the
gold data is never shipped or read by the test suite.

How the official scorer compares values: the TempEval-3 toolkit (``TE3-evaluation.py``, Naushad
UzZaman, 2012; a copy is in CogComp/cogcomp-nlp, ``temporal-normalizer/tools/``) first runs
``TimeML-Normalizer.jar``, which only renames entity ids so that a gold and a system TIMEX3
over the same text get the same ``tid``, then ``evaluation-entities/evaluate_entities.py``,
which tests ``if g.value == s.value`` on each aligned pair: exact string equality, no value
normalisation (``2000-W7`` and ``2000-W07`` differ, as do ``199`` and ``199X``). Its "value F1"
is ``value matches / relaxed matches (gold side) * relaxed span F1``.

So the headline ``value`` row here is exact-string too: P = system expressions overlapping a
gold one with an equal value / all system expressions, R = gold expressions overlapped by a
system one with an equal value / all gold expressions. Two secondary rows, both labelled:
``TE3 formula`` (the toolkit's accuracy-times-relaxed-F1, with each gold expression paired with
its best-overlapping system expression), and a notation-normalised row that unifies the
corpora's spelling variants (``W7``/``W07``, ``199X``/``199``, ``1968-XX``/``1968``); the
official scorer does not do the latter, so it is never the headline.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdiff.model import Source, TimeExpr

REPO = Path(__file__).resolve().parent.parent
CORPORA = ("timebank", "aquaint")


def default_data_dir() -> Path:
    """Where the TempEval-3 dev JSON lives unless told otherwise."""
    env = os.environ.get("NEWSDIFF_EVAL")
    if env:
        base = Path(env)
        return base / "tempeval3-dev" if (base / "tempeval3-dev").is_dir() else base
    return (REPO / ".." / "shared" / "eval" / "tempeval3-dev").resolve()


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold TIMEX3 expression."""

    start: int
    end: int
    text: str
    type: str
    value: str


def run_engine(docs: Sequence[dict[str, Any]]) -> list[list[TimeExpr]]:
    """Run the real engine (``pipeline.analyze``) on every document, with its DCT as date."""
    try:
        from newsdiff import pipeline
    except ImportError:
        pipeline = None  # type: ignore[assignment]
    results: list[list[TimeExpr]] = []
    if pipeline is not None and hasattr(pipeline, "analyze"):
        for doc in docs:
            src = Source(
                id="A",
                path=str(doc["id"]),
                label=str(doc["id"]),
                title=None,
                published=doc["dct"],
                published_inferred=False,
                text=doc["text"],
            )
            comparison = pipeline.analyze([src], use_cache=False)
            results.append([t for t in comparison.times if t.source == "A"])
        return results
    # Fallback until pipeline.py exists: the same nlp + extract_times the pipeline will call.
    from newsdiff.nlp import load_pipeline, resolve_pipeline
    from newsdiff.times import extract_times

    nlp = load_pipeline(resolve_pipeline())
    spacy_docs = nlp.pipe([d["text"] for d in docs], batch_size=8)
    for doc, sdoc in zip(docs, spacy_docs, strict=True):
        results.append(extract_times(sdoc, "A", doc["dct"]))
    return results


_WEEK = re.compile(r"^(\d{4}-W)(\d)(\b.*)$")
_PLACEHOLDER_TAIL = re.compile(r"(?:-XX)+$")


def notation(value: str) -> str:
    """One spelling per TIMEX3 value, for the secondary "notation-normalised" figure only.

    The two corpora spell some equal values differently: AQUAINT writes ``2000-W7`` and
    ``199X`` where TimeBank writes ``2000-W07`` and ``199``, and AQUAINT pads years with
    unknown parts (``1968-XX``). The headline value F1 never uses this.
    """
    m = _WEEK.match(value)
    if m:
        value = f"{m[1]}0{m[2]}{m[3]}"
    value = _PLACEHOLDER_TAIL.sub("", value)
    if re.fullmatch(r"\d{3}X", value):
        value = value[:3]
    return value


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score(
    golds: list[list[Gold]], systems: list[list[TimeExpr]], texts: list[str], n_errors: int
) -> dict[str, Any]:
    """TempEval-3 style figures: span P/R/F1 (strict, relaxed), value F1, type accuracy."""
    n_gold = n_sys = 0
    strict_match = relaxed_sys = relaxed_gold = 0
    value_sys = value_gold = 0
    loose_sys = loose_gold = 0
    type_ok = matched_pairs = 0
    date_pairs = date_ok = date_ok_loose = best_ok = 0
    errors: list[str] = []
    for gold, system, text in zip(golds, systems, texts, strict=True):
        n_gold += len(gold)
        n_sys += len(system)
        gold_spans = {(g.start, g.end) for g in gold}
        strict_match += sum(1 for s in system if (s.start, s.end) in gold_spans)
        for s in system:
            over = [g for g in gold if _overlap(s.start, s.end, g.start, g.end)]
            if over:
                relaxed_sys += 1
            if any(notation(g.value) == notation(s.value) for g in over):
                loose_sys += 1
            if any(g.value == s.value for g in over):
                value_sys += 1
            elif not over and len(errors) < n_errors:
                errors.append(f"FP  {s.text!r} {s.type} {s.value}  | {_ctx(text, s.start, s.end)}")
        for g in gold:
            over_s = [s for s in system if _overlap(s.start, s.end, g.start, g.end)]
            if over_s:
                relaxed_gold += 1
                best = max(over_s, key=lambda s: _overlap(s.start, s.end, g.start, g.end))
                matched_pairs += 1
                type_ok += best.type == g.type
                best_ok += best.value == g.value
                if g.type == "DATE":
                    date_pairs += 1
                    date_ok += best.value == g.value
                    date_ok_loose += notation(best.value) == notation(g.value)
                if any(notation(s.value) == notation(g.value) for s in over_s):
                    loose_gold += 1
                if any(s.value == g.value for s in over_s):
                    value_gold += 1
                elif len(errors) < n_errors:
                    errors.append(
                        f"VAL {g.text!r} gold={g.type} {g.value} sys={best.text!r} {best.type} "
                        f"{best.value}  | {_ctx(text, g.start, g.end)}"
                    )
            elif len(errors) < n_errors:
                errors.append(f"FN  {g.text!r} {g.type} {g.value}  | {_ctx(text, g.start, g.end)}")
    strict = _prf(strict_match, strict_match, n_sys, n_gold)
    relaxed = _prf(relaxed_sys, relaxed_gold, n_sys, n_gold)
    value = _prf(value_sys, value_gold, n_sys, n_gold)
    value_notation = _prf(loose_sys, loose_gold, n_sys, n_gold)
    # TE3-evaluation.py: value accuracy over relaxed matches times relaxed F1 (exact strings).
    te3_value = relaxed["f1"] * best_ok / matched_pairs if matched_pairs else 0.0
    return {
        "documents": len(golds),
        "gold": n_gold,
        "system": n_sys,
        "strict": strict,
        "relaxed": relaxed,
        "value": value,
        "value_notation_normalised": value_notation,
        "value_te3_formula": round(te3_value, 2),
        "type_accuracy": round(100 * type_ok / matched_pairs, 2) if matched_pairs else 0.0,
        "date_value_accuracy": round(100 * date_ok / date_pairs, 2) if date_pairs else 0.0,
        "date_value_accuracy_notation_normalised": (
            round(100 * date_ok_loose / date_pairs, 2) if date_pairs else 0.0
        ),
        "date_pairs": date_pairs,
        "errors": errors,
    }


def _ctx(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 60) : start].replace("\n", " ")
    right = text[end : end + 40].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def _prf(tp_sys: int, tp_gold: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def main(argv: list[str] | None = None) -> int:
    """Score every corpus, print a table and optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="tempeval3-dev directory")
    parser.add_argument("--json-out", type=Path, default=None, help="write figures as JSON")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per corpus")
    parser.add_argument("--corpus", choices=CORPORA, action="append", help="only these corpora")
    args = parser.parse_args(argv)
    data_dir = args.data or default_data_dir()
    if not data_dir.is_dir():
        print(f"no eval data at {data_dir} (set --data or NEWSDIFF_EVAL)", file=sys.stderr)
        return 2
    figures: dict[str, Any] = {}
    for corpus in args.corpus or CORPORA:
        payload = json.loads((data_dir / f"{corpus}.json").read_text(encoding="utf-8"))
        docs = payload["documents"]
        golds = [
            [Gold(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in d["timexes"]]
            for d in docs
        ]
        t0 = time.perf_counter()
        systems = run_engine(docs)
        elapsed = time.perf_counter() - t0
        result = score(golds, systems, [d["text"] for d in docs], args.errors)
        errors = result.pop("errors")
        result["seconds"] = round(elapsed, 1)
        figures[corpus] = result
        print(
            f"== {corpus}: {result['documents']} docs, {result['gold']} gold, "
            f"{result['system']} system, {elapsed:.1f} s"
        )
        for key in ("strict", "relaxed", "value"):
            prf = result[key]
            print(f"  {key:8s} P {prf['p']:6.2f}  R {prf['r']:6.2f}  F1 {prf['f1']:6.2f}")
        print(
            "  (TE3 formula: value accuracy x relaxed F1, exact strings: "
            f"{result['value_te3_formula']:6.2f})"
        )
        prf = result["value_notation_normalised"]
        print(
            f"  (not official: value with W7=W07, 199X=199, 1968-XX=1968 unified: "
            f"P {prf['p']:6.2f}  R {prf['r']:6.2f}  F1 {prf['f1']:6.2f})"
        )
        print(f"  type accuracy (matched)        {result['type_accuracy']:6.2f}")
        print(
            f"  DATE value accuracy (matched)  {result['date_value_accuracy']:6.2f}"
            f"  of {result['date_pairs']} pairs  (not official, notation unified: "
            f"{result['date_value_accuracy_notation_normalised']:6.2f})"
        )
        for line in errors:
            print("   ", line)
    if args.json_out:
        args.json_out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
