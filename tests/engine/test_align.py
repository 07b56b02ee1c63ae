"""Sentence alignment: similarity, blocking and grouping across sources."""

from __future__ import annotations

from typing import Any

import pytest

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


_WORDS_A = ["the", "final", "text", "is", "due", "to", "go", "to", "a", "vote", "on", "march", "3"]
_WORDS_B = ["delegates", "will", "vote", "on", "the", "final", "text", "on", "march", "3"]


def test_shared_run_counts_words_shared_in_order() -> None:
    from newsdiff.align import RUN_CAP
    from newsdiff.align_words import WordRuns, shared_run

    a = WordRuns(_WORDS_A)
    b = WordRuns(_WORDS_B)
    assert shared_run(a, b, 1, RUN_CAP) == 3  # "the final text" / "on march 3"
    assert shared_run(a, WordRuns([]), 1, RUN_CAP) == 0
    assert (
        shared_run(WordRuns(["vote", "vote"]), WordRuns(["vote", "vote", "vote"]), 1, RUN_CAP) == 2
    )
    # Read from a length on: shorter shared runs count one less than it.
    assert shared_run(a, b, 4, RUN_CAP) == 3
    assert shared_run(WordRuns(["vote", "on"]), WordRuns(["on", "vote"]), 3, RUN_CAP) == 2
    # Counted up to RUN_CAP: longer runs say no more about a shared detail.
    long = WordRuns([f"w{i}" for i in range(RUN_CAP + 3)])
    assert shared_run(long, long, 1, RUN_CAP) == RUN_CAP


def test_pruned_candidates_link_what_scoring_every_candidate_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bounds leave out only pairs that link_evidence would not link, scores unchanged."""
    import numpy as np

    from newsdiff import align
    from newsdiff.align import FeatureIndex, link_evidence, linked_pairs, semantic_pairs
    from newsdiff.align_words import LinkContext

    rng = np.random.default_rng(3)
    vocab = [f"w{i}" for i in range(40)]

    def sentences(source: str, n: int) -> list[SentenceFeatures]:
        out = []
        for i in range(n):
            words = " ".join(rng.choice(vocab, size=int(rng.integers(2, 9))))
            ents = " ".join(f"e{k}" for k in rng.choice(6, size=int(rng.integers(0, 3))))
            nums = str(rng.integers(1, 4)) if rng.random() < 0.3 else ""
            out.append(_s(f"{source}{i + 1}", words, ents, nums))
        return out

    by_source = [sentences("A", 60), sentences("B", 50)]
    flat = [s for ss in by_source for s in ss]
    df = weigh_features(flat)
    for with_vectors in (False, True):
        if with_vectors:
            for s in flat:
                s.vector = s.plain = _unit(list(rng.normal(size=8)))
        index = FeatureIndex(by_source, df)
        left, right = by_source
        every = set(candidate_pairs(left, right, df, len(flat))) | semantic_pairs(left, right)
        expected = []
        context = LinkContext(left, right)
        for i, j in every:
            score, linked = link_evidence(left[i], right[j], context)
            if linked:
                expected.append((score, i, j))
        scored: list[tuple[str, str]] = []

        def counted(
            a: SentenceFeatures, b: SentenceFeatures, *rest: Any, seen: list[Any] = scored
        ) -> tuple[float, bool]:
            seen.append((a.id, b.id))
            return link_evidence(a, b, *rest)

        monkeypatch.setattr(align, "link_evidence", counted)
        got = linked_pairs(left, right, index)
        monkeypatch.undo()
        assert sorted(got) == sorted(expected)
        assert len(expected) > 10  # the data links enough pairs to say something
        assert len(scored) < len(every)  # and the bounds left some candidates out


def _unit(values: list[float]) -> Any:
    import numpy as np

    v = np.asarray(values, dtype=float)
    return v / np.linalg.norm(v)


def test_two_shared_facts_link_sentences_worded_apart() -> None:
    from newsdiff.align import link_evidence

    # Wording and meaning-level cosine say "same topic" only; the shared company and country
    # (two entity ids) are a shared detail: the reader needs these two side by side.
    a = _s("A1", "sell asset management arm try", "e1 e2", dates="2023")
    b = _s("B1", "look buyer fund business", "e1 e2")
    c = _s("B2", "look buyer fund business", "e1")
    weigh_features([a, b, c])
    for s, vec in ((a, [1.0, 0.0]), (b, [0.5, 1.0]), (c, [0.5, 1.0])):
        s.vector = s.plain = _unit(vec)
    assert link_evidence(a, b)[1]
    assert not link_evidence(a, c)[1]


def _claims_of(a: str, b: str) -> set[tuple[str, ...]]:
    from newsdiff.model import Source
    from newsdiff.pipeline import analyze

    comparison = analyze(
        [
            Source("A", "a.txt", "a.txt", None, None, False, a),
            Source("B", "b.txt", "b.txt", None, None, False, b),
        ],
        use_cache=False,
    )
    return {tuple(sorted(c.sentences.values())) for c in comparison.claims}


def test_same_topic_without_a_shared_detail_is_only() -> None:
    """STS's "same topic" (< 2) is no counterpart: one death toll is not another's."""
    a = [
        "Suicide bomber kills five at a wedding in northern Iraq.",
        "Apple unveils a new iPhone with a larger screen.",
        "Police arrest a man after a stabbing in Leeds.",
        "Death toll in Turkish mine disaster rises to 245.",
        "Fire destroys a historic church in central Paris.",
    ]
    b = [
        "Suicide bomber kills two soldiers at a checkpoint in Afghanistan.",
        "Apple shares slip as investors weigh weaker sales in China.",
        "Police arrest two teenagers over a burglary in Cardiff.",
        "Death toll from Nepal bus crash rises to 32.",
        "A historic church in central Paris was destroyed by fire.",
    ]
    claims = _claims_of("\n\n".join(a), "\n\n".join(b))
    assert ("A5", "B5") in claims  # the paraphrase still aligns
    assert ("A4",) in claims
    assert ("B4",) in claims


def test_same_frame_in_other_places_with_other_figures_is_another_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two bombings are not one bombing with a disputed toll; within one story they are."""
    from newsdiff.align_words import LinkContext

    digest_a = (
        "Car bomb kills 14 in northwest Nigeria.\n\nApple unveils a new iPhone in California."
    )
    digest_b = (
        "Car bomb kills 35 in northwest Somalia.\n\nApple shows off a new iPhone in California."
    )
    claims = _claims_of(digest_a, digest_b)
    assert ("A1",) in claims
    assert ("B1",) in claims
    assert ("A2", "B2") in claims
    # One story: the other outlet names the city elsewhere, so the toll is a conflict to show.
    story_a = "Car bomb kills 20 in Aleppo.\n\nThe blast hit a busy market."
    story_b = "Car bomb kills 25 in northern Syria.\n\nThe bomb went off in Aleppo's old city."
    assert ("A1", "B1") in _claims_of(story_a, story_b)
    # Without the rule the digest's bombings would be linked: the test can fail.
    monkeypatch.setattr(LinkContext, "different_events", lambda *_: False)
    assert ("A1", "B1") in _claims_of(digest_a, digest_b)


def test_a_shared_headline_frame_is_no_shared_detail() -> None:
    """ "death toll rises to" is the frame of every toll report; "Kelburn ferry" is not."""
    import math

    from newsdiff.align import (
        LENGTH_CAP,
        LENGTH_WEIGHT,
        LINK_LEXICAL,
        LINK_THRESHOLD,
        RUN_CAP,
        RUN_WEIGHT,
        lexical_similarity,
        link_evidence,
    )
    from newsdiff.align_words import WordRuns, shared_run

    def named(w: str) -> bool:
        return w in {"kelburn"}

    frame_a = WordRuns(["kelburn", "ferry", "death", "toll", "rises", "to", "nine"])
    frame_b = WordRuns(["landslide", "death", "toll", "rises", "to", "140"])
    assert shared_run(frame_a, frame_b, 3, RUN_CAP) == 4
    assert shared_run(frame_a, frame_b, 3, RUN_CAP, named) == 2  # no shared run holds a name
    same = WordRuns(["the", "kelburn", "ferry", "death", "toll", "rises", "to", "ten"])
    assert shared_run(frame_a, same, 3, RUN_CAP, named) == 6

    def decided(text_a: str, text_b: str, names: str) -> bool:
        a = _s("A1", text_a, "e1")
        b = _s("B1", text_b, nums="9")
        a.name_words = b.name_words = frozenset(names.split())
        weigh_features([a, b])
        # The cosine puts the evidence halfway between "no run" and "a run of four words".
        lexical = lexical_similarity(a, b)
        length = min(len(text_a.split()), len(text_b.split()), LENGTH_CAP) / LENGTH_CAP
        rest = LINK_THRESHOLD - RUN_WEIGHT * 0.25 - LINK_LEXICAL * lexical - LENGTH_WEIGHT * length
        whole = rest / (1.0 - LINK_LEXICAL)
        a.vector = a.plain = _unit([1.0, 0.0])
        b.vector = b.plain = _unit([whole, math.sqrt(1.0 - whole * whole)])
        return link_evidence(a, b)[1]

    assert not decided("ferry death toll rises to eight", "quake death toll rises to ten", "")
    assert decided("kelburn death toll rises to eight", "kelburn death toll rises to", "kelburn")


def test_shared_places_alone_are_the_setting_not_a_detail() -> None:
    """Two reports from one conflict both name its countries and peoples: that is no shared
    detail by itself, while a shared person (or figure) with them is."""
    from newsdiff.align import link_evidence
    from newsdiff.align_words import LinkContext

    def pair(b_ents: str, b_names: str, nums: str = "") -> tuple[SentenceFeatures, ...]:
        a = _s("A1", "detain suspect arrest operation continue", "e1 e2 e3", nums="37")
        b = _s("B1", "criticize stance settler", b_ents, nums=nums)
        a.name_words = frozenset({"israel", "palestinians", "netanyahu"})
        a.place_words = frozenset({"israel", "palestinians"})
        b.name_words = frozenset(b_names.split())
        b.place_words = frozenset({"israel", "palestinian", "palestinians"}) & b.name_words
        weigh_features([a, b])
        a.vector = a.plain = _unit([1.0, 0.0])
        b.vector = b.plain = _unit([0.5, 1.0])
        return a, b

    a, b = pair("e1 e2", "israel palestinians")
    assert LinkContext.setting_only(a, b)
    assert not link_evidence(a, b)[1]
    a, b = pair("e1 e3", "israel netanyahu")
    assert not LinkContext.setting_only(a, b)
    assert link_evidence(a, b)[1]
    a, b = pair("e1 e2", "israel palestinians", nums="37")  # a shared figure is a detail
    assert not LinkContext.setting_only(a, b)
    assert link_evidence(a, b)[1]
