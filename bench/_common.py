"""Helpers shared by the bench scripts: where the eval data lives, building inputs, reporting."""

from __future__ import annotations

import json
import os
import statistics
import string
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

#: Source ids in the order ingest hands them out (A, B, C, ...).
SOURCE_IDS = string.ascii_uppercase


def eval_dir(override: str | None = None) -> Path:
    """The directory holding ``ecbplus-dev/`` and ``tempeval3-dev/``.

    ``--data`` wins over ``$NEWSDIFF_EVAL``, which wins over ``<repo>/../shared/eval``. Either
    may also name one of the two corpus directories; the parent is used then, so the same
    value works for every bench script.

    Raises:
        SystemExit: the directory does not exist (a bench script's usage error).
    """
    raw = override or os.environ.get("NEWSDIFF_EVAL")
    base = Path(raw) if raw else REPO.parent / "shared" / "eval"
    base = base.expanduser().resolve()
    if base.name in ("ecbplus-dev", "tempeval3-dev"):
        base = base.parent
    if not (base / "ecbplus-dev").is_dir():
        raise SystemExit(f"eval data not found: {base} has no ecbplus-dev/ (use --data DIR)")
    return base


def ecb_files(base: Path) -> list[Path]:
    """ECB+ topic-group files, in a stable order."""
    return sorted((base / "ecbplus-dev").glob("*.json"))


def load_json(path: Path) -> Any:
    """Read one JSON file of the eval data."""
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _eval_documents(base: Path) -> Iterator[list[str]]:
    """Groups of document texts: one group per ECB+ file, then one per TempEval corpus."""
    for path in ecb_files(base):
        yield [doc["text"] for doc in load_json(path)["documents"]]
    for path in sorted((base / "tempeval3-dev").glob("*.json")):
        yield [doc["text"] for doc in load_json(path)["documents"]]


def build_articles(base: Path, count: int, words: int) -> list[str]:
    """Deterministic long articles made of real news text from the eval corpora.

    Documents of each ECB+ topic group are dealt round-robin to the articles, so every
    article covers the same stories (as sources of one comparison would) without sharing a
    document. An article stops taking documents once it has ``words`` words.

    Raises:
        SystemExit: the corpora hold too little text for the request.
    """
    parts: list[list[str]] = [[] for _ in range(count)]
    sizes = [0] * count
    for group in _eval_documents(base):
        open_slots = [i for i in range(count) if sizes[i] < words]
        if not open_slots:
            break
        for j, text in enumerate(group):
            open_slots = [i for i in range(count) if sizes[i] < words]
            if not open_slots:
                break
            slot = open_slots[j % len(open_slots)]
            parts[slot].append(text.strip())
            sizes[slot] += len(text.split())
    if min(sizes) < words:
        raise SystemExit(
            f"eval data too small for {count} articles of {words} words (got {min(sizes)})"
        )
    return ["\n\n".join(p) + "\n" for p in parts]


def prose_of_size(base: Path, size: int) -> str:
    """Real news text (all eval documents, paragraphs apart) repeated to ``size`` characters.

    For the hostile-shape figures, which need more text than any one article: repeating it
    keeps its shape (paragraph and sentence lengths) as the size grows.
    """
    corpus = "\n\n".join(doc.strip() for group in _eval_documents(base) for doc in group)
    text = corpus
    while len(text) < size:
        text += "\n\n" + corpus
    return text[:size].rsplit(" ", 1)[0] + "\n"


def make_sources(texts: Sequence[str], labels: Sequence[str] | None = None) -> list[Any]:
    """Sources shaped as ingest returns them (ids A, B, ...; no sentences yet)."""
    from newsdiff.model import Source

    out = []
    for i, text in enumerate(texts):
        label = labels[i] if labels else f"article-{i + 1}"
        out.append(
            Source(
                id=SOURCE_IDS[i],
                path=label,
                label=label,
                title=None,
                published=None,
                published_inferred=False,
                text=text,
            )
        )
    return out


def median(values: Sequence[float]) -> float:
    """Median; the bench figures are medians so one slow run does not move them."""
    return statistics.median(values)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 60 samples is the 57th smallest)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * pct // 100)))
    return ordered[int(rank) - 1]


def print_table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> None:
    """Print a plain left-aligned text table."""
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def write_json(path: str, data: Any) -> None:
    """Write figures as indented JSON, creating the parent directory."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
