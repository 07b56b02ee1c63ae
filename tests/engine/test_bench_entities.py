"""The ECB+ bench's choice of gold mentions: hand-written strings, never the gold data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(
            "accuracy_entities", BENCH / "accuracy_entities.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["accuracy_entities"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Athens", "Athens"),
        ("in central Paris", "Paris"),
        ("Turkmenistan's", "Turkmenistan's"),
        ("the Philadelphia 76ers", "76ers"),
        ("Arcade Joseph Comeaux Jr", "Comeaux"),
        ("Waitrose Wellington", "Wellington"),
        ("'The Hunger Games'", "Games'"),
        ("Marisol Reyes Center in Palm Desert, Calif", "Center"),
    ],
)
def test_a_mention_headed_by_a_name_counts_with_its_head(
    bench: ModuleType, text: str, head: str
) -> None:
    span = bench.named_head(text)
    assert span is not None
    assert text[span[0] : span[1]] == head


@pytest.mark.parametrize(
    "text",
    [
        "a bank in Athens",
        "Paris jewelry store",
        "an island off Oman's northern coast",
        "Greek bank",
    ],
)
def test_a_nominal_mention_with_a_name_inside_does_not_count(bench: ModuleType, text: str) -> None:
    assert bench.named_head(text) is None


def _doc(text: str, mentions: list[tuple[str, str]]) -> dict[str, object]:
    entities = []
    for surface, chain in mentions:
        start = text.index(surface)
        entities.append(
            {"start": start, "end": start + len(surface), "text": surface, "chain": chain,
             "sentence": 0, "named": True}
        )  # fmt: skip
    return {
        "text": text,
        "sentences": [[0, len(text)]],
        "selected_sentences": [0],
        "entities": entities,
    }


def test_an_engine_mention_must_overlap_the_gold_head(bench: ModuleType) -> None:
    text = "The Philadelphia 76ers won in Philadelphia."
    doc = _doc(text, [("The Philadelphia 76ers", "team"), ("in Philadelphia", "city")])
    golds = bench.gold_mentions([doc])
    city = text.rindex("Philadelphia")
    system = [(0, 4, 16, "Philadelphia", "e1"), (0, city, city + 12, "Philadelphia", "e1")]
    found = bench.match(golds, system)
    # The team's head is "76ers": the engine's cut-short "Philadelphia" does not find it.
    assert [f.gold.chain for f in found] == ["city"]
    legacy = bench.match(bench.gold_mentions([doc], heads=False), system)
    assert sorted(f.gold.chain for f in legacy) == ["city", "team"]


def test_a_headline_capital_on_a_common_noun_is_not_a_name(bench: ModuleType) -> None:
    text = "Woman Killed In Queens Crash, Driver Charged\nA woman died. The driver was held."
    doc = _doc(text, [("Driver", "driver"), ("Queens", "queens")])
    assert [g.text for g in bench.gold_mentions([doc])] == ["Queens"]
    assert len(bench.gold_mentions([doc], heads=False)) == 2


def test_a_headline_name_of_several_capitals_still_counts(bench: ModuleType) -> None:
    text = "Obama Restores Endangered Species Act Rules\nThe act and its rules are back."
    doc = _doc(text, [("Endangered Species Act", "law")])
    assert [g.text for g in bench.gold_mentions([doc])] == ["Endangered Species Act"]


@pytest.mark.parametrize(
    ("gold", "engine", "kind"),
    [
        ("a bank in Athens", "Athens", "common head"),
        ("Paris jewelry store", "Paris", "common head"),
        ("Hennepin County Attorney", "Hennepin County", "name head"),
        ("in central Paris", "Paris", ""),
        ("Bush administration", "Bush administration", ""),
        ("the Indian Navy", "Indian Navy", ""),
    ],
)
def test_an_engine_mention_off_the_gold_head_is_told_apart(
    bench: ModuleType, gold: str, engine: str, kind: str
) -> None:
    found = bench.Found(bench.Gold(0, 0, len(gold), gold, "c", 0, len(gold)), engine, "e1")
    assert bench._head_kind(found) == kind


def test_the_reader_ceiling_keeps_a_name_inside_a_common_noun_phrase_with_its_own_chain(
    bench: ModuleType,
) -> None:
    # Gold: "Paris" (chain city) and "Paris jewelry store" (chain store); the engine found
    # "Paris" both times and put the second in a wrong cluster.
    city = bench.Gold(0, 0, 5, "Paris", "city", 0, 5)
    store = bench.Gold(1, 0, 19, "Paris jewelry store", "store", 0, 19)
    found = [bench.Found(city, "Paris", "e1"), bench.Found(store, "Paris", "e9")]
    ceiling = bench.reader_ceiling([city, store], found)
    assert [f.system_entity for f in ceiling] == ["city", "city"]
    # Scored against the gold chains, that costs what no clustering change can win back.
    counts = bench.score([city, store], ceiling)
    assert counts.figures()["b3_f1"] < 1.0
    perfect = [bench.Found(f.gold, f.system_text, f.gold.chain) for f in found]
    assert bench.score([city, store], perfect).figures()["b3_f1"] == 1.0
