"""Datelines and bylines are metadata: never a sentence, a claim, or a party to a talk.

Three house styles, each a two-source story read from files and analysed by the real
pipeline: a Reuters dateline with a date and no year, an AP dateline under a byline, and a
newspaper dateline (place in capitals, em dash) under a two-author byline and a "Published:"
line. Before datelines were recognised, the first story's call was titled "between Berlin and
Reuters" and the second's meeting "with AP".
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdiff.ingest import read_sources
from newsdiff.model import Comparison
from newsdiff.pipeline import analyze


@dataclass(frozen=True)
class Story:
    name: str
    a: str
    b: str
    dateline: str
    byline: str | None
    metadata_words: tuple[str, ...]
    """Words of the metadata lines that must be in no sentence of A."""
    lead: str
    """How A's first sentence after the headline (if any) begins."""
    talk_kind: str
    talk_date: str
    parties: frozenset[str]


STORIES = (
    Story(
        name="reuters",
        a=(
            "BERLIN, March 2 (Reuters) - German Chancellor Olaf Scholz and French President "
            "Emmanuel Macron will speak by phone on Friday about energy prices, a German "
            "government spokesman said on Thursday.\n\n"
            "The spokesman said the two leaders would also discuss the European Union's budget.\n"
        ),
        b=(
            "Published: 2023-03-02\n\n"
            "Olaf Scholz and Emmanuel Macron are due to hold a telephone call on Friday to "
            "discuss energy prices, Berlin said on Thursday.\n\n"
            "The call will also cover the EU budget, according to the chancellery.\n"
        ),
        dateline="BERLIN, March 2 (Reuters)",
        byline=None,
        metadata_words=("BERLIN", "Reuters", "March 2"),
        lead="German Chancellor Olaf Scholz",
        talk_kind="call",
        talk_date="2023-03-03",
        parties=frozenset({"Olaf Scholz", "Emmanuel Macron"}),
    ),
    Story(
        name="ap",
        a=(
            "Spain and Portugal leaders to meet in Lisbon\n"
            "By Maria Lopez, Associated Press\n\n"
            "MADRID (AP) — Spanish Prime Minister Pedro Sanchez will meet Portuguese Prime "
            "Minister Luis Montenegro in Lisbon on Tuesday to discuss water sharing, Sanchez's "
            "office said on Sunday.\n\n"
            "The two governments have argued for months over the flow of the Tagus river.\n"
        ),
        b=(
            "Sunday, June 2, 2024\n\n"
            "Pedro Sanchez and Luis Montenegro will hold a meeting in Lisbon on Tuesday on water "
            "sharing, the Spanish government said.\n\n"
            "Spain and Portugal have argued for months over the flow of the Tagus river.\n"
        ),
        dateline="MADRID (AP)",
        byline="By Maria Lopez, Associated Press",
        metadata_words=("MADRID", "AP", "Maria Lopez", "Associated Press"),
        lead="Spanish Prime Minister Pedro Sanchez",
        talk_kind="meeting",
        talk_date="2024-06-04",
        parties=frozenset({"Pedro Sanchez", "Luis Montenegro"}),
    ),
    Story(
        name="newspaper",
        a=(
            "Blinken to hold talks with Wang Yi\n"
            "By Tom Harris and Ana Silva\n"
            "Published: 12 June 2023\n\n"
            "WASHINGTON — Secretary of State Antony Blinken will hold talks with Chinese Foreign "
            "Minister Wang Yi in Beijing on Sunday, the State Department said on Monday.\n\n"
            "Blinken will also meet business leaders during the visit.\n"
        ),
        b=(
            "U.S. Secretary of State Antony Blinken and Wang Yi will hold talks in Beijing on "
            "Sunday, officials said on Monday.\n\n"
            "The trip is the first by a U.S. secretary of state to China in five years.\n"
        ),
        dateline="WASHINGTON",
        byline="By Tom Harris and Ana Silva",
        metadata_words=("WASHINGTON", "Tom Harris", "Ana Silva", "Published", "12 June"),
        lead="Secretary of State Antony Blinken",
        talk_kind="talks",
        talk_date="2023-06-18",
        parties=frozenset({"Antony Blinken", "Wang Yi"}),
    ),
)


@pytest.fixture(scope="module", params=STORIES, ids=lambda s: s.name)
def story(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Story, Comparison]:
    """One story read from files and analysed once (no cache, no user config)."""
    spec: Story = request.param
    folder = tmp_path_factory.mktemp(spec.name)
    (folder / "a.txt").write_text(spec.a, encoding="utf-8")
    (folder / "b.txt").write_text(spec.b, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            mp.setenv(var, str(folder / var.lower()))
        sources = read_sources([str(folder / "a.txt"), str(folder / "b.txt")])
        return spec, analyze(sources, use_cache=False)


def test_dateline_and_byline_are_kept_as_metadata(story: tuple[Story, Comparison]) -> None:
    spec, c = story
    a = c.source("A")
    assert (a.dateline, a.byline) == (spec.dateline, spec.byline)
    assert c.source("B").dateline is None
    data = c.to_dict()["sources"][0]
    assert (data["dateline"], data["byline"]) == (spec.dateline, spec.byline)
    assert Comparison.from_dict(c.to_dict()) == c


def test_metadata_is_in_no_sentence(story: tuple[Story, Comparison]) -> None:
    spec, c = story
    for src in c.sources:
        for sent in src.sentences:
            text = src.sentence_text(sent.id)
            for word in spec.metadata_words:
                assert word not in text, f"{sent.id}: {text!r}"
            assert not text.startswith(("By ", "Published", "Sunday, June 2"))
    a = c.source("A")
    leads = [
        a.sentence_text(s.id) for s in a.sentences if a.sentence_text(s.id).startswith(spec.lead)
    ]
    assert leads, [a.sentence_text(s.id) for s in a.sentences]
    assert c.source("A").published == c.source("B").published


def test_metadata_is_in_no_claim(story: tuple[Story, Comparison]) -> None:
    spec, c = story
    for claim in c.claims:
        for sid in claim.all_sentence_ids():
            text = c.source(sid[0]).sentence_text(sid)
            assert not any(word in text for word in spec.metadata_words), (claim.id, text)
    # The two leads report the same event, so they align in one claim.
    a = c.source("A")
    lead_id = next(s.id for s in a.sentences if a.sentence_text(s.id).startswith(spec.lead))
    claim = c.claim_of_sentence(lead_id)
    assert claim is not None
    assert claim.sentences.get("B") == "B1"


def test_talk_participants_are_the_people_not_the_dateline(
    story: tuple[Story, Comparison],
) -> None:
    spec, c = story
    talks = [t for t in c.talks if t.kind == spec.talk_kind]
    assert len(talks) == 1, [(t.title, t.kind) for t in c.talks]
    (talk,) = talks
    assert talk.date == spec.talk_date
    assert talk.sources == ("A", "B")
    assert {c.entity(p).name for p in talk.participants} == spec.parties
    for word in spec.metadata_words:
        assert word not in talk.title
