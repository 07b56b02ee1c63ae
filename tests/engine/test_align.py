"""Sentence alignment: similarity, blocking and grouping across sources."""

from __future__ import annotations

from newsdiff.align import SentenceFeatures, align, candidate_pairs, similarity, weigh_features


def _s(sid: str, lemmas: str, ents: str = "", nums: str = "", dates: str = "") -> SentenceFeatures:
    return SentenceFeatures(
        id=sid,
        source=sid[0],
        index=int(sid[1:]) - 1,
        start=0,
        end=0,
        text=lemmas,
        lemmas=tuple(lemmas.split()),
        entities=frozenset(ents.split()),
        numbers=frozenset(nums.split()),
        dates=frozenset(dates.split()),
    )


def test_paraphrases_align_and_unrelated_sentences_do_not() -> None:
    a = [
        _s("A1", "minister meet counterpart discuss border", "e1 e2", dates="2022-01-10"),
        _s("A2", "troop return usual training area", "e3"),
        _s("A3", "weather cold snow expect weekend"),
    ]
    b = [
        _s("B1", "minister speak counterpart phone border", "e1 e2", dates="2022-01-10"),
        _s("B2", "bank raise interest rate percent", "e9", nums="2"),
    ]
    groups = align([a, b])
    pairs = {tuple(sorted(s.id for s in g.main.values())) for g in groups}
    assert ("A1", "B1") in pairs
    assert ("A2",) in pairs
    assert ("B2",) in pairs
    assert ("A3",) in pairs
    assert all(len(g.main) <= 2 for g in groups)


def test_shared_names_alone_are_not_the_same_claim() -> None:
    a = [_s("A1", "spokesman confirm information call late night", "e1 e2")]
    b = [_s("B1", "spokesman add path negotiation solve problem", "e1 e2")]
    weigh_features([*a, *b])
    assert similarity(a[0], b[0]) < 0.30


def test_blocking_only_pairs_sentences_that_share_a_feature() -> None:
    a = [_s("A1", "alpha beta"), _s("A2", "gamma delta")]
    b = [_s("B1", "beta epsilon"), _s("B2", "zeta eta")]
    df = weigh_features([*a, *b])
    assert candidate_pairs(a, b, df, 4) == {(0, 0)}


def test_one_to_many_extra_sentence() -> None:
    a = [
        _s(
            "A1",
            "president meet counterpart geneva discuss arm control treaty border security",
            "e1 e2 e3",
        ),
    ]
    b = [
        _s("B1", "president meet counterpart geneva discuss arm control", "e1 e2 e3"),
        _s("B2", "discuss arm control treaty border security", "e3"),
    ]
    groups = align([a, b])
    main = next(g for g in groups if "A" in g.main and "B" in g.main)
    b_ids = {main.main["B"].id} | {s.id for s in main.extra.get("B", [])}
    assert b_ids == {"B1", "B2"}  # one A sentence said what B split in two


def test_three_sources_group_transitively() -> None:
    a = [_s("A1", "ceasefire begin midnight monday", "e1", dates="2023-05-01")]
    b = [_s("B1", "ceasefire start midnight monday", "e1", dates="2023-05-01")]
    c = [_s("C1", "ceasefire take effect midnight monday", "e1", dates="2023-05-01")]
    groups = align([a, b, c])
    assert len(groups) == 1
    assert set(groups[0].main) == {"A", "B", "C"}
