"""Score cross-document entity clustering against ECB+ gold coreference chains.

Run from the repo root::

    .venv/bin/python bench/accuracy_entities.py [--data DIR] [--topics 1,2] [--docs 6]
        [--gold capitalised|heads] [--json-out FILE] [--errors [N]] [--ceiling]

Each ECB+ file is one group of articles on one story; the first ``--docs`` documents of a group
go through the real engine (``newsdiff.pipeline.analyze``) as one comparison. Gold mentions are
the entity mentions inside the annotated (``selected``) sentences that the corpus flags
``named`` (the eval README's measure, on which issue 13's targets were set); ``--gold heads``
scores only those whose head word is a name (see ``named_head``), matched at that head, a
measure proposed on 2026-11-29 because ``named`` only says some word is capitalised. This is a
benchmark, not a test: the gold data is never shipped or read by the test suite.

``--errors`` also counts the found gold mentions the engine matched off their head word (a
name inside a phrase headed by a common noun, "Athens" of "a bank in Athens", or another
name of the phrase): the default measure scores them against the phrase's chain.
``--ceiling`` prints what a perfect clustering of the found mentions would score if it kept
such a name with the thing it names (:func:`reader_ceiling`): the most any clustering change
can reach on the default measure without colouring "Paris" as a jewelry store.

Two parts keep the figures honest. Rules are tuned on the *tuning* part (topics 1-24): its
per-file rows and ``--errors`` are printed. The *check* part (topics 25-35) is printed only as
one summary line, never per file or per error, so that it cannot be fitted; a rule lands only
if it holds or improves both parts.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

# Bench scripts run as files, not as a package: make _common importable from any cwd.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    SOURCE_IDS,
    ecb_files,
    eval_dir,
    load_json,
    print_table,
    write_json,
)

from newsdiff.model import Source

#: ECB+ topics rules may be tuned on; the rest form the check part, seen only as a summary.
TUNING_TOPICS = range(1, 25)


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold named mention, with the character span an engine mention must overlap."""

    doc: int
    start: int
    end: int
    text: str
    chain: str
    head_start: int
    head_end: int


@dataclass(frozen=True, slots=True)
class Found:
    """A gold mention the engine also found, with the engine's cluster for it."""

    gold: Gold
    system_text: str
    system_entity: str


@dataclass
class Counts:
    """Sums that pool into micro-averaged figures across files."""

    gold: int = 0
    found: int = 0
    b3_p: float = 0.0
    b3_r: float = 0.0
    pair_sys: int = 0
    pair_gold: int = 0
    pair_both: int = 0
    base_b3_p: float = 0.0
    base_b3_r: float = 0.0
    base_pair_sys: int = 0
    base_pair_both: int = 0

    def add(self, other: Counts) -> None:
        """Pool another file's sums into these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        """Share found, B-cubed and cross-document pairwise P/R/F1 for engine and baseline."""
        n = self.found
        b3p, b3r = _ratio(self.b3_p, n), _ratio(self.b3_r, n)
        pp, pr = _ratio(self.pair_both, self.pair_sys), _ratio(self.pair_both, self.pair_gold)
        bb3p, bb3r = _ratio(self.base_b3_p, n), _ratio(self.base_b3_r, n)
        bpp = _ratio(self.base_pair_both, self.base_pair_sys)
        bpr = _ratio(self.base_pair_both, self.pair_gold)
        return {
            "gold_mentions": self.gold,
            "found_mentions": self.found,
            "found": _ratio(self.found, self.gold),
            "b3_precision": b3p,
            "b3_recall": b3r,
            "b3_f1": _f1(b3p, b3r),
            "pair_precision": pp,
            "pair_recall": pr,
            "pair_f1": _f1(pp, pr),
            "gold_cross_doc_pairs": self.pair_gold,
            "system_cross_doc_pairs": self.pair_sys,
            "baseline_b3_f1": _f1(bb3p, bb3r),
            "baseline_pair_precision": bpp,
            "baseline_pair_recall": bpr,
            "baseline_pair_f1": _f1(bpp, bpr),
        }


def _ratio(num: float, den: float) -> float:
    # An empty denominator means nothing to get wrong (no pairs to link): score it perfect.
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


#: Words that open a noun phrase's post-modifier: its head is the last word before them.
_POSTMODIFIER_OPENERS = frozenset(
    {
        "in", "on", "at", "of", "off", "near", "from", "to", "for", "with", "by", "into",
        "outside", "inside", "along", "around", "across", "between", "behind", "beside",
        "under", "over", "through", "toward", "towards", "within", "after", "before",
        "during", "among", "against",
    }
)  # fmt: skip
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[^\s,;:()\"\u201c\u201d]+|[,;:()]")


def named_head(text: str) -> tuple[int, int] | None:
    """Character span of a mention's head word when that word is a name, else None.

    ECB+ marks the whole phrase of a participant ("a bank in Athens", "Paris jewelry store",
    "in central Paris") and its ``named`` flag only says that some word is capitalised. By
    the English noun-phrase rule the head is the last word before the first post-modifier (a
    preposition or a comma), after any leading preposition: "bank" and "store" make nominal
    mentions of a place newsdiff does not mark, "Paris" and "Athens" named ones.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words) and words[i][2].lower() in _POSTMODIFIER_OPENERS:
        i += 1
    j = i
    while j < len(words) and not (
        j > i and (words[j][2].lower() in _POSTMODIFIER_OPENERS or words[j][2] in ",;:()")
    ):
        j += 1
    while j - 1 > i and words[j - 1][2].lower().rstrip(".") in _NAME_SUFFIXES:
        j -= 1  # "Arcade Joseph Comeaux Jr": the name's head is the surname, not the suffix
    if j == i:
        return None
    start, end, word = words[j - 1]
    bare = re.sub(r"['\u2019]s$", "", word).strip("'\u2018\u2019.")
    if not bare or bare[0].islower() or not bare[0].isalnum():
        return None
    return start, end


def _capitalised_by_place(text: str, sentences: Sequence[Sequence[int]], at: int) -> bool:
    """Whether a word is capitalised by where it stands: a sentence's start or a headline.

    Title-case lines ("Cyclist Hurt In Dover Crash, Van Driver Held") capitalise every
    word, so a capital there says nothing about a name.
    """
    if any(start <= at and not text[start:at].strip(" \"'\u2018\u201c") for start, _ in sentences):
        return True
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def gold_mentions(docs: Sequence[dict[str, Any]], *, heads: bool = True) -> list[Gold]:
    """Named gold mentions inside the sentences annotators covered.

    With ``heads`` a mention counts only when its head word is a name, and an engine mention
    must overlap that word; without, every mention flagged ``named`` counts and any overlap
    matches (the measure of rounds before 2026-11-29). A one-capital mention whose head is
    capitalised only by its place (a headline, a sentence start) and that the group's articles
    also write in lower case is a common noun ("Driver Charged", "Obama Administration"), not a
    name; "Endangered Species Act" in a headline keeps its other capitals and counts.
    """
    # Whole lower-case words only: "teixeira" inside a URL does not make a surname common.
    common = {
        word
        for doc in docs
        for token in doc["text"].split()
        if (word := token.strip(".,;:!?\"'()\u2018\u2019\u201c\u201d")).isalpha() and word.islower()
    }
    out = []
    for i, doc in enumerate(docs):
        selected = set(doc["selected_sentences"])
        for ent in doc["entities"]:
            if not (ent["named"] and ent["sentence"] in selected):
                continue
            start, end = ent["start"], ent["end"]
            head = (0, end - start)
            if heads:
                found_head = named_head(ent["text"])
                if found_head is None:
                    continue
                head = found_head
                word = ent["text"][head[0] : head[1]].strip("'\u2018\u2019.").lower()
                word = re.sub(r"['\u2019]s$", "", word)
                capitals = [w for w in ent["text"].split() if w[:1].isupper()]
                if (
                    len(capitals) == 1
                    and word in common
                    and _capitalised_by_place(doc["text"], doc["sentences"], start + head[0])
                ):
                    continue
            out.append(
                Gold(i, start, end, ent["text"], ent["chain"], start + head[0], start + head[1])
            )
    return out


def match(golds: Sequence[Gold], system: Sequence[tuple[int, int, int, str, str]]) -> list[Found]:
    """Pair gold and engine mentions one-to-one by span overlap, best overlap first.

    An engine mention must overlap the gold mention's head (``Gold.head_start``/``head_end``;
    the whole span under ``--gold capitalised``).

    Overlap is ranked by Jaccard of the character spans, so ``Palm Desert`` goes to the
    gold ``Palm Desert`` and not to an enclosing gold ``Reyes Center in Palm Desert``; a mention
    used once is not reused, so nested gold mentions cannot share one engine cluster by
    accident of matching.
    """
    candidates = []
    for gi, g in enumerate(golds):
        for si, (doc, start, end, _text, _ent) in enumerate(system):
            if doc != g.doc or end <= g.head_start or start >= g.head_end:
                continue
            inter = min(end, g.end) - max(start, g.start)
            if inter <= 0:
                continue
            union = max(end, g.end) - min(start, g.start)
            candidates.append((-inter / union, -inter, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    found: list[Found] = []
    for _, _, gi, si in candidates:
        if gi in used_gold or si in used_sys:
            continue
        used_gold.add(gi)
        used_sys.add(si)
        _, _, _, text, ent = system[si]
        found.append(Found(golds[gi], text, ent))
    found.sort(key=lambda f: (f.gold.doc, f.gold.start, f.gold.end))
    return found


def bcubed(system: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float]:
    """Sums (not means) of per-mention B-cubed precision and recall, for pooling."""
    sys_size = Counter(system)
    gold_size = Counter(gold)
    both = Counter(zip(system, gold, strict=True))
    p = sum(both[(s, g)] / sys_size[s] for s, g in zip(system, gold, strict=True))
    r = sum(both[(s, g)] / gold_size[g] for s, g in zip(system, gold, strict=True))
    return p, r


def cross_doc_pairs(
    docs: Sequence[int], system: Sequence[Hashable], gold: Sequence[Hashable]
) -> tuple[int, int, int]:
    """Counts of system-linked, gold-linked and both-linked mention pairs across documents."""
    n_sys = n_gold = n_both = 0
    for i, j in combinations(range(len(docs)), 2):
        if docs[i] == docs[j]:
            continue
        s = system[i] == system[j]
        g = gold[i] == gold[j]
        n_sys += s
        n_gold += g
        n_both += s and g
    return n_sys, n_gold, n_both


def reader_ceiling(golds: Sequence[Gold], found: Sequence[Found]) -> list[Found]:
    """The best clustering a named-entity reader would accept, of the mentions the engine found.

    Where the engine's mention covers the gold head, the gold chain (perfect clustering). Where
    the gold phrase is headed by a common noun ("Paris jewelry store", chain the store), the
    engine's name inside it stays the thing it names: the chain of the file's gold mention of
    that very name, or that name alone. Scoring this against the gold chains bounds what any
    change to clustering can reach on the default measure without colouring "Paris" as a shop.
    """
    chain_of_name: dict[str, str] = {}
    for g in golds:
        chain_of_name.setdefault(g.text.strip().lower(), g.chain)
    out = []
    for f in found:
        label = f.gold.chain
        if _head_kind(f) == "common head":
            name = f.system_text.strip().lower()
            label = chain_of_name.get(name, f"name:{name}")
        out.append(Found(f.gold, f.system_text, label))
    return out


def score(golds: Sequence[Gold], found: Sequence[Found]) -> Counts:
    """All sums for one file: engine clustering and exact-string baseline."""
    docs = [f.gold.doc for f in found]
    chains = [f.gold.chain for f in found]
    clusters = [f.system_entity for f in found]
    surface = [f.gold.text for f in found]
    c = Counts(gold=len(golds), found=len(found))
    c.b3_p, c.b3_r = bcubed(clusters, chains)
    c.pair_sys, c.pair_gold, c.pair_both = cross_doc_pairs(docs, clusters, chains)
    c.base_b3_p, c.base_b3_r = bcubed(surface, chains)
    c.base_pair_sys, _, c.base_pair_both = cross_doc_pairs(docs, surface, chains)
    return c


Pairs = Counter[tuple[str, str]]


def _shown(f: Found) -> str:
    """Gold surface text, with the engine's span text when it differs."""
    if f.system_text == f.gold.text:
        return repr(f.gold.text)
    return f"{f.gold.text!r} (engine {f.system_text!r})"


def _head_kind(f: Found) -> str:
    """Why the engine's mention misses a gold mention's head word, or "" when it covers it.

    "common head": the gold phrase is headed by a common noun ("a bank in Athens", "Paris
    jewelry store", chain the bank), so the engine's name inside it ("Athens") names another
    thing; "name head": the engine holds another name of the phrase ("Hennepin County" of
    "Hennepin County Attorney"). Both are scored under the default ``--gold capitalised``.
    """
    if f.gold.text.strip() in f.system_text:
        return ""  # the engine's mention is the whole phrase ("Bush administration")
    head = named_head(f.gold.text)
    if head is None:
        return "common head"
    at = f.gold.text.find(f.system_text)
    if at < 0:
        return ""  # the engine's span is not inside the gold text: it reaches the head
    if at < head[1] and at + len(f.system_text) > head[0]:
        return ""
    return "name head"


def error_pairs(found: Sequence[Found]) -> tuple[Pairs, Pairs]:
    """Surface-string pairs the engine merged wrongly, and pairs it failed to merge."""
    wrong: Pairs = Counter()
    missed: Pairs = Counter()
    for a, b in combinations(found, 2):
        same_sys = a.system_entity == b.system_entity
        same_gold = a.gold.chain == b.gold.chain
        if same_sys == same_gold:
            continue
        x, y = sorted((_shown(a), _shown(b)))
        (wrong if same_sys else missed)[(x, y)] += 1
    return wrong, missed


def run_engine(docs: Sequence[dict[str, Any]]) -> list[tuple[int, int, int, str, str]]:
    """Analyse one group with the real engine; mentions as (doc, start, end, text, entity id)."""
    from newsdiff.pipeline import analyze

    sources = [
        Source(
            id=SOURCE_IDS[i],
            path=str(doc["id"]),
            label=str(doc["id"]),
            title=None,
            published=None,
            published_inferred=False,
            text=doc["text"],
        )
        for i, doc in enumerate(docs)
    ]
    comparison = analyze(sources, use_cache=False)
    doc_of = {src.id: i for i, src in enumerate(sources)}
    mentions = []
    for ent in comparison.entities:
        for m in ent.mentions:
            mentions.append((doc_of[m.source], m.start, m.end, m.text, ent.id))
    return mentions


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    """Score every selected ECB+ group and print per-file and pooled figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="eval directory (default $NEWSDIFF_EVAL or ../shared/eval)")
    ap.add_argument("--topics", help="comma-separated ECB+ topic ids, e.g. 1,2,3 (default all)")
    ap.add_argument("--docs", type=int, default=6, help="documents per group (default 6)")
    ap.add_argument("--json-out", help="write the figures to this JSON file")
    ap.add_argument(
        "--errors",
        type=int,
        nargs="?",
        const=20,
        default=0,
        help="print the N worst wrong/missed merges and unfound mentions (default N=20)",
    )
    ap.add_argument(
        "--gold",
        choices=("heads", "capitalised"),
        default="capitalised",
        help="which gold mentions count: every mention the corpus flags named, matched by any "
        "overlap (default: the measure issue 13's targets were set on), or those whose head word "
        "is a name, matched at that head (a proposed measure)",
    )
    ap.add_argument(
        "--ceiling",
        action="store_true",
        help="also print each part's reader-correct ceiling: gold chains where the engine covers "
        "a mention's head, the engine's own name where the gold phrase is headed by a common "
        "noun ('Paris' in 'Paris jewelry store' stays Paris)",
    )
    args = ap.parse_args(argv)
    if args.docs < 2:
        ap.error("--docs must be at least 2 (cross-document links need two documents)")
    if args.docs > len(SOURCE_IDS):
        ap.error(f"--docs must be at most {len(SOURCE_IDS)}")
    topics = None
    if args.topics:
        try:
            topics = {int(t) for t in args.topics.split(",") if t.strip()}
        except ValueError:
            ap.error(f"--topics must be comma-separated integers, got {args.topics!r}")

    base = eval_dir(args.data)
    totals = {"tuning": Counts(), "check": Counts()}
    ceilings = {"tuning": Counts(), "check": Counts()}
    per_file: dict[str, dict[str, float]] = {}
    rows = []
    wrong_all: dict[tuple[str, str], Counter[str]] = {}
    missed_all: dict[tuple[str, str], Counter[str]] = {}
    unfound: Counter[str] = Counter()
    off_head: Counter[str] = Counter()
    started = time.perf_counter()
    for path in ecb_files(base):
        group = load_json(path)
        topic = int(group["topic_id"])
        if topics is not None and topic not in topics:
            continue
        part = "tuning" if topic in TUNING_TOPICS else "check"
        docs = group["documents"][: args.docs]
        golds = gold_mentions(docs, heads=args.gold == "heads")
        t0 = time.perf_counter()
        system = run_engine(docs)
        elapsed = time.perf_counter() - t0
        found = match(golds, system)
        counts = score(golds, found)
        totals[part].add(counts)
        if args.ceiling:
            ceilings[part].add(score(golds, reader_ceiling(golds, found)))
        if part == "check":
            continue  # seen only through the summary line
        figs = counts.figures()
        figs["seconds"] = round(elapsed, 3)
        per_file[path.stem] = figs
        rows.append(_row(path.stem, figs))
        wrong, missed = error_pairs(found)
        for pairs, into in ((wrong, wrong_all), (missed, missed_all)):
            for pair, n in pairs.items():
                into.setdefault(pair, Counter())[path.stem] += n
        hit = {id(f.gold) for f in found}
        unfound.update(g.text for g in golds if id(g) not in hit)
        off_head.update(f"{_head_kind(f)}: {_shown(f)}" for f in found if _head_kind(f))
    parts = {name: c.figures() for name, c in totals.items() if c.gold}
    if not parts:
        print("no ECB+ file matches --topics", file=sys.stderr)
        return 2
    for name, figs in parts.items():
        rows.append(_row(f"{name.upper()} (micro)", figs))
    print_table(
        rows,
        ("file", "gold", "found", "B3 F1", "xdoc F1", "xdoc P", "xdoc R", "str B3", "str xdoc"),
    )
    targets = {"found": 0.85, "b3_f1": 0.93, "pair_f1": 0.90}
    for name, figs in parts.items():
        print()
        for key, target in targets.items():
            verdict = "pass" if figs[key] >= target else "FAIL"
            print(f"{name:6} {key:8} {figs[key]:.3f}  target >= {target:.2f}  {verdict}")
    for name, c in ceilings.items():
        if c.gold:
            figs = c.figures()
            print(
                f"{name:6} reader-correct ceiling: B3 F1 {figs['b3_f1']:.3f}, "
                f"xdoc F1 {figs['pair_f1']:.3f} (the engine's found mentions, see --help)"
            )
    print(f"\n{time.perf_counter() - started:.1f} s")
    if args.errors:
        print("\n(errors are shown for the tuning part only)")
        _print_errors("wrong merges (engine merged, gold differs)", wrong_all, args.errors)
        _print_errors("missed merges (gold chain, engine split)", missed_all, args.errors)
        kinds = Counter(text.split(":", 1)[0] for text in off_head.elements())
        print(
            f"\nfound gold mentions the engine matched off their head word: {off_head.total()}"
            f" ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}), top {args.errors}:"
        )
        for text, n in off_head.most_common(args.errors):
            print(f"  {n:4}  {text}")
        print(f"\ngold mentions not found (top {args.errors}):")
        for text, n in unfound.most_common(args.errors):
            print(f"  {n:4}  {text}")
    if args.json_out:
        write_json(
            args.json_out,
            {
                "docs_per_group": args.docs,
                "gold": args.gold,
                "topics": sorted(topics) if topics else "all",
                "targets": targets,
                "parts": parts,
                "files": per_file,
                "wrong_merges": _worst(wrong_all, 50),
                "missed_merges": _worst(missed_all, 50),
            },
        )
    return 0


def _row(name: str, f: dict[str, float]) -> list[str]:
    return [
        name,
        str(int(f["gold_mentions"])),
        _fmt(f["found"]),
        _fmt(f["b3_f1"]),
        _fmt(f["pair_f1"]),
        _fmt(f["pair_precision"]),
        _fmt(f["pair_recall"]),
        _fmt(f["baseline_b3_f1"]),
        _fmt(f["baseline_pair_f1"]),
    ]


def _worst(pairs: dict[tuple[str, str], Counter[str]], n: int) -> list[dict[str, Any]]:
    """The n pairs with most mention pairs, with the files they come from."""
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1].total(), kv[0]))[:n]
    return [{"a": a, "b": b, "count": c.total(), "files": dict(c)} for (a, b), c in ranked]


def _print_errors(title: str, pairs: dict[tuple[str, str], Counter[str]], n: int) -> None:
    print(f"\n{title}, top {n} surface pairs (mention pairs counted):")
    for row in _worst(pairs, n):
        files = ", ".join(f"{k} x{v}" for k, v in Counter(row["files"]).most_common(3))
        print(f"  {row['count']:4}  {row['a']} ~ {row['b']}   [{files}]")


if __name__ == "__main__":
    sys.exit(main())
