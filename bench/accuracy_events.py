"""Score the talks timeline against TempEval-3 gold events anchored to a date.

Run from the repo root: ``.venv/bin/python bench/accuracy_events.py [--data DIR]
[--corpus timebank|aquaint|both] [--half 1|2] [--errors N] [--parse-cache DIR]``.
The data is ``tempeval3-dev/`` of the eval directory (see bench/README.md); it is never
shipped or read by tests.

Gold. TimeBank and AQUAINT mark every event word with its tense, aspect and polarity, and link
events to time expressions. A gold *meeting-like event* is an event whose word is in
``MEETING_WORDS`` below (meetings, talks, negotiations, summits, conferences, visits, hearings,
trials, votes, elections, sentencings, arraignments, speeches, sessions). It is *anchored* when
a TLINK puts it inside or at a DATE/TIME expression (IS_INCLUDED, DURING, SIMULTANEOUS,
BEGINS, ENDS) whose value names a calendar period (``1998-02-13``, ``1998-W12``,
``1998-02``, ``1998``; a time of day counts as its day). Links to ``PAST_REF`` or ``1989-WXX``
say nothing a calendar can show, so those events are not in the date-scored gold. TimeML
marks word senses alike, so "meet" in its sense *satisfy* ("meeting the immediate needs of
victims", "met the deadline": a form of "meet" followed by a noun phrase whose head is one of
``SATISFY_OBJECTS``) is no meeting-like event.

Gold that contradicts its own document is kept in the figures and counted apart: an event the
gold marks FUTURE ("will meet Bush on Thursday") anchored wholly before the document's
creation time. No reader of the document can reach such an anchor: the gold's own tense and
the corpus's own DCT exclude it. ``date acc`` counts it; ``on DCT-consistent gold`` is the
same share over found events whose gold does not contradict its DCT (the test reads only the
gold, never newsdiff's output). Issue 12's date target is read on the second figure, with the
first printed beside it. AP900815-0044 (DCT 1990-08-15, a Wednesday) is the case in TimeBank:
its gold dates "will meet Bush on Thursday" 1990-08-09 and "met Monday" 1990-08-06, resolved
from an earlier dispatch's day, while the text says the king arrived "today" (1990-08-15) and
will meet Bush on Thursday (1990-08-16, the day the Kennebunkport meeting took place; he met
Saddam in Baghdad on Monday 1990-08-13). newsdiff's 1990-08-16 and 1990-08-13 count as wrong
in ``date acc``; only the first (FUTURE) leaves the consistent figure, since "met Monday"
contradicts nothing the gold itself says.

Figures, per corpus and for the dev data as a whole (``dev``: both corpora together, the set
issue 12's targets are stated on):

- ``recall``: anchored gold events whose sentence is evidence of a talk.
- ``date acc``: of those, the share whose talk date equals one of the gold anchors at the
  gold's granularity (a talk dated 1998-03-16 matches a gold week 1998-W12 when the day falls
  in it; a talk dated only 1998-03 never matches a gold day).
- ``precision proxy``: talks with at least one evidence sentence holding a gold meeting-like
  event (anchored or not) over all talks. Gold annotators marked every event, so a talk
  without one is most likely no event at all. Deadlines are left out of it (TimeML marks
  "deadline" as no event, so no gold event could ever hold one); they are counted apart.
- ``negated listed``: gold meeting-like events with negative polarity ("did not meet") whose
  sentence is evidence of a talk, unless that sentence also holds a positive one. In some
  AQUAINT documents the polarity attribute is inverted for nearly every event (NEG on more
  than half of all events, plain past meetings such as "the mayor met his aides Monday"); their
  polarity is read inverted, a choice stated here so it can be checked.

Baseline, in the same run: every sentence holding a meeting word and a calendar DATE/TIME
found by the engine's time extractor is a talk, dated by the time value nearest the word.

Protocol: rules are tuned on ``--half 1`` of both corpora (its errors, ``--errors N``, and
each miss with its cause: not an event word, not a talk by factuality, no date in its
sentence, a date of another clause); ``--half 2`` is read only through its summary lines, and
a rule lands only if it holds or improves both halves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import eval_dir, load_json

from newsdiff.model import Comparison, Source

#: Word forms of meeting-like events, as they appear in the text (gold has no lemmas).
MEETING_WORDS = frozenset(
    [
        "meet",
        "meets",
        "met",
        "meeting",
        "meetings",
        "talk",
        "talks",
        "talked",
        "talking",
        "negotiate",
        "negotiates",
        "negotiated",
        "negotiating",
        "negotiation",
        "negotiations",
        "summit",
        "summits",
        "conference",
        "conferences",
        "visit",
        "visits",
        "visited",
        "visiting",
        "hearing",
        "hearings",
        "trial",
        "trials",
        "vote",
        "votes",
        "voted",
        "voting",
        "election",
        "elections",
        "referendum",
        "referendums",
        "sentencing",
        "arraignment",
        "arraignments",
        "speech",
        "speeches",
        "session",
        "sessions",
        "consultations",
        "discussions",
    ]
)
#: Objects of "meet" in its sense *satisfy* ("meet the needs", "met the deadline").
SATISFY_OBJECTS = frozenset(
    {"need", "needs", "demand", "demands", "requirement", "requirements", "criteria",
     "criterion", "standard", "standards", "target", "targets", "goal", "goals", "deadline",
     "deadlines", "expectation", "expectations", "obligation", "obligations", "condition",
     "conditions", "cost", "costs", "challenge", "challenges", "threshold", "quota"}
)  # fmt: skip
_MEET_FORMS = frozenset({"meet", "meets", "met", "meeting"})
_PREPOSITIONS = frozenset({"on", "of", "with", "about", "for", "in", "at", "between", "to", "by"})
ANCHOR_RELS = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS"})
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?(?:T.*)?$")
_WORD = re.compile(r"[A-Za-z]+")


def calendar(value: str | None) -> str | None:
    """The calendar part of a TIMEX3 value (``1998-02-22TAF`` -> ``1998-02-22``), else None."""
    if not value:
        return None
    m = _CALENDAR.match(value)
    return value.split("T", 1)[0] if m else None


def period(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a calendar value."""
    m = _CALENDAR.match(value)
    if m is None:
        return None
    year = int(m[1])
    try:
        if m[4]:
            first = dt.date.fromisocalendar(year, int(m[4]), 1)
            return first, first + dt.timedelta(days=6)
        if m[3]:
            day = dt.date(year, int(m[2]), int(m[3]))
            return day, day
        if m[2]:
            first = dt.date(year, int(m[2]), 1)
            nxt = dt.date(year + (m[2] == "12"), int(m[2]) % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def date_matches(system: str | None, gold: str) -> bool:
    """A system date is right when it lies inside the gold period and is no coarser."""
    if system is None:
        return False
    s, g = period(system), period(gold)
    if s is None or g is None:
        return False
    return g[0] <= s[0] and s[1] <= g[1] and (s[1] - s[0]) <= (g[1] - g[0])


@dataclass
class GoldEvent:
    """One meeting-like gold event."""

    start: int
    end: int
    text: str
    negated: bool
    anchors: list[str] = field(default_factory=list)
    contradicts_dct: bool = False
    """The gold calls it FUTURE and dates it wholly before the document's creation day."""


def satisfy_sense(text: str, end: int) -> bool:
    """ "meeting the basic needs of ...": one of ``SATISFY_OBJECTS`` among the
    next seven words, with no preposition or punctuation before it (its noun phrase)."""
    for word in re.findall(r"[A-Za-z]+|[^\sA-Za-z]", text[end : end + 80])[:7]:
        low = word.lower()
        if low in SATISFY_OBJECTS:
            return True
        if low in _PREPOSITIONS or not word.isalpha():
            return False
    return False


def gold_events(doc: dict[str, Any]) -> list[GoldEvent]:
    """Meeting-like events of one document, with their calendar anchors."""
    events = doc["events"]
    negs = sum(1 for e in events if e.get("polarity") == "NEG")
    inverted = bool(events) and negs > len(events) / 2
    values = {t["tid"]: t for t in doc["timexes"]}
    values["t0"] = {"type": "DATE", "value": doc.get("dct_value") or doc.get("dct")}
    out = []
    dct = (doc.get("dct_value") or doc.get("dct") or "")[:10]
    for e in events:
        if e["text"].lower() not in MEETING_WORDS:
            continue
        if e["text"].lower() in _MEET_FORMS and satisfy_sense(doc["text"], e["end"]):
            continue
        anchors = []
        for link in e.get("timex_links", []):
            tx = values.get(link["tid"])
            if link["relType"] in ANCHOR_RELS and tx and tx["type"] in {"DATE", "TIME"}:
                cal = calendar(tx["value"])
                if cal is not None:
                    anchors.append(cal)
        negated = (e.get("polarity") == "NEG") != inverted
        ends = [p[1] for p in map(period, anchors) if p is not None]
        contradicts = e.get("tense") == "FUTURE" and bool(ends) and max(ends).isoformat() < dct
        out.append(GoldEvent(e["start"], e["end"], e["text"], negated, anchors, contradicts))
    return out


def parse_all(texts: list[str], cache: Path | None, name: str) -> list[Any]:
    """spaCy Docs for the texts, read from a DocBin cache when one matches."""
    from spacy.tokens import DocBin

    from newsdiff.nlp import load_pipeline, pipe_texts, register_extensions, resolve_pipeline

    register_extensions()
    info = resolve_pipeline()
    nlp = load_pipeline(info)
    path = cache / f"{name}-{info.name}-{info.version}.spacy" if cache else None
    if path is not None and path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = pipe_texts(nlp, texts, ["A"] * len(texts))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs


def analyse(doc: dict[str, Any], sdoc: Any) -> Comparison:
    """The real engine after spaCy on one document, dated by its DCT."""
    from newsdiff.pipeline import analyze_docs

    sdoc._.newsdiff_source = "A"
    src = Source("A", doc["id"], doc["id"], None, doc["dct"], False, doc["text"])
    return analyze_docs([src], [sdoc], "bench")


@dataclass
class Tally:
    """Counts behind one summary line."""

    gold: int = 0
    found: int = 0
    dated: int = 0
    talks: int = 0
    talks_ok: int = 0
    negated: int = 0
    deadlines: int = 0
    contradicting: int = 0
    found_contradicting: int = 0
    dated_contradicting: int = 0
    misses: list[str] = field(default_factory=list)
    causes: Counter[str] = field(default_factory=Counter)
    """Misses by cause kind, without the event's kind or factuality ("no date in its sentence")."""
    wrong_dates: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    negated_listed: list[str] = field(default_factory=list)

    def line(self, label: str) -> str:
        """One summary line."""
        rec = self.found / self.gold if self.gold else 0.0
        acc = self.dated / self.found if self.found else 0.0
        sound = self.found - self.found_contradicting
        sound_dated = self.dated - self.dated_contradicting
        sound_acc = sound_dated / sound if sound else 0.0
        prec = self.talks_ok / self.talks if self.talks else 0.0
        return (
            f"{label:<22} recall {rec:.3f} ({self.found}/{self.gold})  "
            f"date acc {acc:.3f} ({self.dated}/{self.found})  "
            f"on DCT-consistent gold {sound_acc:.3f} ({sound_dated}/{sound})  "
            f"precision proxy {prec:.3f} ({self.talks_ok}/{self.talks})  "
            f"negated listed {self.negated}  deadlines {self.deadlines}  "
            f"gold contradicting its DCT {self.contradicting}"
            + (f"  misses by cause: {self.miss_causes()}" if self.causes else "")
        )

    def add(self, other: Tally) -> None:
        """Fold another corpus's counts in: the issue's targets are set on the dev data as a
        whole (TimeBank and AQUAINT together), the per-corpus lines show where it comes from."""
        for name in (
            "gold", "found", "dated", "talks", "talks_ok", "negated", "deadlines",
            "contradicting", "found_contradicting", "dated_contradicting",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.causes.update(other.causes)

    def miss_causes(self) -> str:
        """The misses counted by cause kind only, so a check half shows why without its text."""
        return ", ".join(f"{k} {v}" for k, v in sorted(self.causes.items()))


def _sentence_of(comparison: Comparison, offset: int) -> str | None:
    for s in comparison.sources[0].sentences:
        if s.start <= offset < s.end:
            return s.id
    return None


def _clip(text: str, start: int, end: int) -> str:
    sent_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    sent_end = min(p for p in (text.find("\n", end), text.find(". ", end), len(text)) if p >= 0)
    return re.sub(r"\s+", " ", text[sent_start:sent_end].strip())[:220]


def miss_cause(sdoc: Any, comparison: Comparison, gold: GoldEvent, sid: str | None) -> str:
    """Why no talk holds a gold event's sentence, as the engine's own stages see it."""
    from newsdiff.events import factuality, trigger_kind

    span = sdoc.char_span(gold.start, gold.end, alignment_mode="expand") if sdoc else None
    if span is None:
        return "no parse"
    kind = trigger_kind(span.root)
    if kind is None:
        return "not an event word"
    fact = factuality(span.root)
    if not fact.is_talk:
        return f"no talk ({fact.polarity}, {fact.modality})"
    sent = next((s for s in comparison.sources[0].sentences if s.id == sid), None)
    dated = sent is not None and any(
        sent.start <= t.start < sent.end and calendar(t.value) for t in comparison.times
    )
    return f"{kind}: date of another clause" if dated else f"{kind}: no date in its sentence"


def score_engine(
    doc: dict[str, Any], comparison: Comparison, tally: Tally, sdoc: Any = None
) -> None:
    """Add one document's engine talks to the tally."""
    golds = gold_events(doc)
    text = doc["text"]
    sent_of_gold = [_sentence_of(comparison, g.start) for g in golds]
    date_of_sentence: dict[str, list[str | None]] = {}
    for talk in comparison.talks:
        for sid in talk.evidence:
            date_of_sentence.setdefault(sid, []).append(talk.date)
    for g, sid in zip(golds, sent_of_gold, strict=True):
        if not g.anchors:
            continue
        tally.gold += 1
        tally.contradicting += g.contradicts_dct
        where = f"{doc['id']} [{g.text} -> {'/'.join(g.anchors)}] {_clip(text, g.start, g.end)}"
        if sid not in date_of_sentence:
            cause = miss_cause(sdoc, comparison, g, sid)
            tally.misses.append(f"({cause}) {where}")
            tally.causes[cause.split(": ")[-1].split(" (")[0]] += 1
            continue
        tally.found += 1
        tally.found_contradicting += g.contradicts_dct
        dates = date_of_sentence[sid]
        if any(date_matches(d, a) for d in dates for a in g.anchors):
            tally.dated += 1
            tally.dated_contradicting += g.contradicts_dct
        else:
            note = " (the gold contradicts its DCT)" if g.contradicts_dct else ""
            tally.wrong_dates.append(f"{where} got {dates}{note}")
    gold_sentences = {sid for sid in sent_of_gold if sid}
    positive = {sid for g, sid in zip(golds, sent_of_gold, strict=True) if not g.negated}
    for talk in comparison.talks:
        if talk.kind == "deadline":
            tally.deadlines += 1
            continue
        tally.talks += 1
        if set(talk.evidence) & gold_sentences:
            tally.talks_ok += 1
        else:
            src = comparison.sources[0]
            first = next(s for s in src.sentences if s.id == talk.evidence[0])
            tally.spurious.append(
                f"{doc['id']} [{talk.kind} {talk.date}] {_clip(text, first.start, first.end)}"
            )
    listed = {sid for t in comparison.talks for sid in t.evidence}
    for g, sid in zip(golds, sent_of_gold, strict=True):
        if g.negated and sid in listed and sid not in positive:
            tally.negated += 1
            tally.negated_listed.append(f"{doc['id']} [{g.text}] {_clip(text, g.start, g.end)}")


def score_baseline(doc: dict[str, Any], comparison: Comparison, tally: Tally) -> None:
    """The baseline: a meeting word and a calendar time in one sentence make a talk."""
    golds = gold_events(doc)
    text = doc["text"]
    src = comparison.sources[0]
    talks: list[tuple[str, str]] = []  # (sentence id, date)
    for sent in src.sentences:
        words = _WORD.finditer(text, sent.start, sent.end)
        hits = [m for m in words if m[0].lower() in MEETING_WORDS]
        times = [
            t
            for t in comparison.times
            if sent.start <= t.start < sent.end and t.type in {"DATE", "TIME"}
        ]
        times = [t for t in times if calendar(t.value)]
        if not hits or not times:
            continue
        for hit in hits:
            nearest = min(
                times, key=lambda t: min(abs(t.start - hit.end()), abs(hit.start() - t.end))
            )
            talks.append((sent.id, calendar(nearest.value) or ""))
    by_sentence: dict[str, list[str]] = {}
    for sid, date in talks:
        by_sentence.setdefault(sid, []).append(date)
    sent_of_gold = [_sentence_of(comparison, g.start) for g in golds]
    for g, sid in zip(golds, sent_of_gold, strict=True):
        if not g.anchors:
            continue
        tally.gold += 1
        tally.contradicting += g.contradicts_dct
        if sid in by_sentence:
            tally.found += 1
            tally.found_contradicting += g.contradicts_dct
            if any(date_matches(d, a) for d in by_sentence[sid] for a in g.anchors):
                tally.dated += 1
                tally.dated_contradicting += g.contradicts_dct
    gold_sentences = {sid for sid in sent_of_gold if sid}
    positive = {sid for g, sid in zip(golds, sent_of_gold, strict=True) if not g.negated}
    for sid in by_sentence:
        tally.talks += 1
        tally.talks_ok += sid in gold_sentences
    for g, sid in zip(golds, sent_of_gold, strict=True):
        if g.negated and sid in by_sentence and sid not in positive:
            tally.negated += 1


def _print_errors(tally: Tally, n: int) -> None:
    for title, items in (
        ("missed gold events", tally.misses),
        ("wrong dates", tally.wrong_dates),
        ("talks without a gold meeting-like event", tally.spurious),
        ("negated gold events listed", tally.negated_listed),
    ):
        if items:
            print(f"  {title} ({len(items)}):")
            for item in items[:n]:
                print(f"    {item}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print one summary line per corpus for engine and baseline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="eval directory (default ../shared/eval)")
    parser.add_argument("--corpus", choices=["timebank", "aquaint", "both"], default="both")
    parser.add_argument("--half", type=int, choices=[1, 2], help="score one half of the docs")
    parser.add_argument("--errors", type=int, default=0, help="print N errors per kind")
    parser.add_argument(
        "--errors-on", default="timebank", help="corpus whose errors --errors prints"
    )
    parser.add_argument("--parse-cache", type=Path, help="keep spaCy parses here (DocBin)")
    args = parser.parse_args(argv)
    base = eval_dir(args.data) / "tempeval3-dev"
    corpora = ["timebank", "aquaint"] if args.corpus == "both" else [args.corpus]
    dev_engine, dev_baseline = Tally(), Tally()
    for name in corpora:
        docs = load_json(base / f"{name}.json")["documents"]
        if args.half:
            mid = len(docs) // 2
            docs = docs[:mid] if args.half == 1 else docs[mid:]
        keep = [d for d in docs if d["text"].strip()]
        parsed = parse_all([d["text"] for d in keep], args.parse_cache, f"{name}{args.half or ''}")
        engine, baseline = Tally(), Tally()
        for doc, sdoc in zip(keep, parsed, strict=True):
            comparison = analyse(doc, sdoc)
            score_engine(doc, comparison, engine, sdoc)
            score_baseline(doc, comparison, baseline)
        print(engine.line(f"{name} engine"))
        print(baseline.line(f"{name} baseline"))
        if args.errors and name == args.errors_on:
            _print_errors(engine, args.errors)
        dev_engine.add(engine)
        dev_baseline.add(baseline)
    if len(corpora) > 1:
        print(dev_engine.line("dev engine"))
        print(dev_baseline.line("dev baseline"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
