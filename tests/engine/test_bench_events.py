"""The talks benchmark's gold reading, on made-up documents (the eval data is never read here)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from accuracy_events import gold_events, satisfy_sense


def _doc(text: str, dct: str, events: list[dict[str, Any]], timexes: list[dict[str, Any]]) -> Any:
    return {"id": "d", "dct": dct, "text": text, "events": events, "timexes": timexes}


def _event(text: str, word: str, tense: str, tid: str) -> dict[str, Any]:
    start = text.index(word)
    return {
        "start": start,
        "end": start + len(word),
        "text": word,
        "tense": tense,
        "polarity": "POS",
        "timex_links": [{"tid": tid, "relType": "IS_INCLUDED"}],
    }


def test_meet_in_its_sense_satisfy_is_no_meeting_like_gold() -> None:
    text = "Besides meeting the urgent housing and medical needs of survivors, the fund paid wages."
    assert satisfy_sense(text, text.index("meeting") + len("meeting"))
    text2 = "Officials held a meeting on the needs of survivors."
    assert not satisfy_sense(text2, text2.index("meeting") + len("meeting"))
    doc = _doc(text, "1998-09-30", [_event(text, "meeting", "PRESPART", "t0")], [])
    assert gold_events(doc) == []


def test_gold_that_contradicts_its_dct_is_flagged_not_dropped() -> None:
    text = "The envoy will meet Osei on Thursday. They met on Monday."
    thursday = {"tid": "t1", "type": "DATE", "value": "1990-08-09", "text": "Thursday"}
    monday = {"tid": "t2", "type": "DATE", "value": "1990-08-13", "text": "Monday"}
    events = [_event(text, "meet", "FUTURE", "t1"), _event(text, "met", "PAST", "t2")]
    gold = gold_events(_doc(text, "1990-08-15", events, [thursday, monday]))
    assert [(g.text, g.anchors, g.contradicts_dct) for g in gold] == [
        ("meet", ["1990-08-09"], True),
        ("met", ["1990-08-13"], False),
    ]


def test_the_dev_line_folds_both_corpora_and_reads_dates_on_consistent_gold() -> None:
    from accuracy_events import Tally

    timebank = Tally(gold=18, found=18, dated=16, found_contradicting=1, contradicting=1)
    aquaint = Tally(gold=12, found=8, dated=7)
    aquaint.causes["not an event word"] += 2
    dev = Tally()
    dev.add(timebank)
    dev.add(aquaint)
    line = dev.line("dev engine")
    assert "recall 0.867 (26/30)" in line
    assert "date acc 0.885 (23/26)" in line
    # The contradicting event was found and dated wrong: it leaves the consistent figure.
    assert "on DCT-consistent gold 0.920 (23/25)" in line
    assert "gold contradicting its DCT 1" in line
    assert "not an event word 2" in line
