"""The engine issue's acceptance checks on the bundled example, through the real pipeline.

Seed A (``example_a.txt``) opens with the date line ``date 2021-12-30``, cut from its text;
seed B has no date and borrows A's. Nothing here may be special-cased in the engine:
``test_acceptance.py`` runs the same kind of checks on hand-written article sets.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from newsdiff.model import Comparison, Entity, Talk


@pytest.fixture(scope="session")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    """The bundled example analysed once per session (no cache, no user config)."""
    from newsdiff.ingest import demo_paths, read_sources
    from newsdiff.pipeline import analyze

    home = tmp_path_factory.mktemp("seed-dirs")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            mp.setenv(var, str(home / var.lower()))
        mp.delenv("NEWSDIFF_MODEL", raising=False)
        return analyze(read_sources(demo_paths()), use_cache=False)


def norm(text: str) -> str:
    """A surface form as a reader compares it: case, a leading "the" and a possessive ignored."""
    out = unicodedata.normalize("NFC", text).replace("’", "'").casefold().strip()
    out = re.sub(r"\s+", " ", out)
    out = out.removeprefix("the ")
    return re.sub(r"'s?$", "", out).strip()


def holders(comparison: Comparison, form: str) -> list[Entity]:
    """Entities with a mention reading as ``form``."""
    want = norm(form)
    return [e for e in comparison.entities if any(norm(m.text) == want for m in e.mentions)]


def the_entity(comparison: Comparison, *forms: str) -> Entity:
    """The one entity holding every form; fails if a form is missing or split off."""
    found = {form: holders(comparison, form) for form in forms}
    assert all(found.values()), f"missing: {[f for f, ents in found.items() if not ents]}"
    ids = {e.id for ents in found.values() for e in ents}
    assert len(ids) == 1, {f: [(e.id, e.name) for e in ents] for f, ents in found.items()}
    return next(iter(found.values()))[0]


def talks_on(comparison: Comparison, date: str, kind: str) -> list[Talk]:
    """Talks of one kind on one date."""
    return [t for t in comparison.talks if t.date == date and t.kind == kind]


def listing(comparison: Comparison) -> str:
    """Every talk on one line each, for failure messages."""
    return "\n".join(
        f"{t.id} {t.kind} {t.date} {t.status} {t.sources} {t.title!r}" for t in comparison.talks
    )


def sentence_with(comparison: Comparison, source_id: str, needle: str) -> str:
    """The id of the one sentence of a source containing ``needle``."""
    src = comparison.source(source_id)
    hits = [s.id for s in src.sentences if needle in src.sentence_text(s.id)]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


# --- entities -------------------------------------------------------------------------------

SHARED = {
    "Biden": ("Joe Biden", "Biden"),
    "Putin": ("Vladimir Putin", "Putin"),
    "Zelensky": ("Volodimir Zelenski", "Zelenski", "Zelensky"),
    "Lavrov": ("Sergei Lavrov", "Sergey Lavrov"),
    "Peskov": ("Dmitri Peskov",),
    "Blinken": ("Antony Blinken", "Blinken"),
    "NATO": ("NATO",),
    "OSCE": ("Organization for Security and Cooperation in Europe", "OSCE"),
    "White House": ("White House",),
    "Kremlin": ("Kremlin",),
    "US": ("US", "United States", "U.S"),
    "Russia": ("Russia",),
    "Ukraine": ("Ukraine",),
}


@pytest.mark.parametrize("forms", SHARED.values(), ids=SHARED.keys())
def test_named_in_both_is_one_entity_spanning_a_and_b(
    seed: Comparison, forms: tuple[str, ...]
) -> None:
    """Every spelling of an actor named in both articles is one entity of A and B."""
    assert the_entity(seed, *forms).sources == ("A", "B")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Sergei Lavrov", "Sergey Riabkov"),
        ("Sergey Lavrov", "Sergey Riabkov"),
        ("Joe Biden", "Vladimir Putin"),
        ("Antony Blinken", "Volodimir Zelenski"),
        ("Antony Blinken", "Wendy Sherman"),
        ("NATO", "OSCE"),
        ("White House", "Kremlin"),
        ("United States", "Russia"),
        ("Russia", "Ukraine"),
    ],
)
def test_no_wrong_merges(seed: Comparison, left: str, right: str) -> None:
    """Different actors, even with the same first name, stay apart."""
    a, b = holders(seed, left), holders(seed, right)
    assert a, left
    assert b, right
    assert not {e.id for e in a} & {e.id for e in b}


@pytest.mark.parametrize(
    ("name", "sources"),
    [
        ("Emily Horne", ("A",)),
        ("Ned Price", ("A",)),
        ("Wendy Sherman", ("B",)),
        ("Sergey Riabkov", ("B",)),
    ],
)
def test_people_named_in_one_article_belong_to_it_only(
    seed: Comparison, name: str, sources: tuple[str, ...]
) -> None:
    """Someone only one outlet names is an entity of that source only."""
    entity = the_entity(seed, name)
    assert entity.label == "PERSON"
    assert entity.sources == sources


@pytest.mark.parametrize(
    ("forms", "role"),
    [(("Dmitri Peskov",), "Kremlin spokesman"), (("Sergei Lavrov",), "Russian Foreign Minister")],
)
def test_roles(seed: Comparison, forms: tuple[str, ...], role: str) -> None:
    """Titles written before a name become the person's roles."""
    assert role in the_entity(seed, *forms).roles


# --- talks ----------------------------------------------------------------------------------


def test_the_december_30_call(seed: Comparison) -> None:
    """Both outlets report the Biden-Putin call of the publication day."""
    calls = talks_on(seed, "2021-12-30", "call")
    assert len(calls) == 1, listing(seed)
    call = calls[0]
    assert call.sources == ("A", "B")
    biden, putin = the_entity(seed, "Joe Biden"), the_entity(seed, "Vladimir Putin")
    assert {biden.id, putin.id} <= set(call.participants)


def test_the_geneva_talks_on_january_10(seed: Comparison) -> None:
    """The January 10 talks are one scheduled event in Geneva, reported by both."""
    talks = talks_on(seed, "2022-01-10", "talks")
    assert len(talks) == 1, listing(seed)
    assert talks[0].status == "scheduled"
    assert talks[0].sources == ("A", "B")
    assert talks[0].where == "Geneva"


@pytest.mark.parametrize(
    ("date", "party"),
    [("2022-01-12", "NATO"), ("2022-01-13", "OSCE")],
)
def test_the_nato_and_osce_meetings(seed: Comparison, date: str, party: str) -> None:
    """The follow-up meetings are scheduled, in both sources, with the right organisation."""
    meetings = talks_on(seed, date, "meeting")
    assert len(meetings) == 1, listing(seed)
    meeting = meetings[0]
    assert meeting.status == "scheduled"
    assert meeting.sources == ("A", "B")
    assert the_entity(seed, party).id in meeting.participants


@pytest.mark.parametrize(("date", "kind"), [("2021-12", "call"), ("2021-06", "summit")])
def test_past_events_are_past(seed: Comparison, date: str, kind: str) -> None:
    """The early-December call and the June summit happened before publication."""
    found = talks_on(seed, date, kind)
    assert found, listing(seed)
    assert all(t.status == "past" for t in found)
    assert any("B" in t.sources for t in found)


# --- claims ---------------------------------------------------------------------------------


def test_met_with_versus_spoke_with_is_a_predicate_difference(seed: Comparison) -> None:
    """Blinken "met with" (A) and "spoke with" (B) Zelensky: one claim that differs."""
    a = sentence_with(seed, "A", "Blinken met with")
    b = sentence_with(seed, "B", "Blinken spoke with")
    claim = seed.claim_of_sentence(a)
    assert claim is not None
    assert b in claim.all_sentence_ids()
    assert claim.status == "differ"
    assert ("predicate", "conflict") in {(d.kind, d.cls) for d in claim.differences}


def test_only_the_event_type_conflicts(seed: Comparison) -> None:
    """``differ`` holds met-with vs spoke-with and nothing that is only wording or addition."""
    differ = [c for c in seed.claims if c.status == "differ"]
    met = seed.claim_of_sentence(sentence_with(seed, "A", "Blinken met with"))
    assert differ == [met]
    for claim in seed.claims:
        if claim.status != "differ":
            assert all(d.cls != "conflict" for d in claim.differences), claim


def test_quote_rewordings_are_wording(seed: Comparison) -> None:
    """ "like you've never seen" / "the likes of which he has never seen" and "combat" /
    "Fight a Russian attack" are the same quotes in other words."""
    for needle in ("like you’ve never seen", "combat a Russian attack"):
        claim = seed.claim_of_sentence(sentence_with(seed, "A", needle))
        assert claim is not None
        quotes = [d for d in claim.differences if d.kind == "quote"]
        assert quotes, claim
        assert all(d.cls == "wording" for d in quotes)


def test_tens_of_thousands_of_personnel_is_an_addition(seed: Comparison) -> None:
    """B's "tens of thousands of Russian military personnel" against A's "troops"."""
    claim = seed.claim_of_sentence(sentence_with(seed, "B", "tens of thousands"))
    assert claim is not None
    assert claim.status == "adds"
    numbers = [d for d in claim.differences if d.kind == "number"]
    assert [d.cls for d in numbers] == ["addition"]
    assert "tens of thousands" in numbers[0].values["B"]


def test_troops_sentence_is_only_in_a(seed: Comparison) -> None:
    """Only A reports that Washington wants the troops back in their training areas."""
    sid = sentence_with(seed, "A", "usual training areas")
    claim = seed.claim_of_sentence(sid)
    assert claim is not None
    assert claim.status == "only"
    assert list(claim.sentences) == ["A"]


# --- offsets, dates and JSON ----------------------------------------------------------------


def test_publication_dates(seed: Comparison) -> None:
    """A's dateline is read; B borrows it and says so."""
    a, b = seed.source("A"), seed.source("B")
    assert (a.published, a.published_inferred) == ("2021-12-30", False)
    assert (b.published, b.published_inferred) == ("2021-12-30", True)


def test_the_date_line_is_metadata_not_a_sentence(seed: Comparison) -> None:
    """A's file opens with "date 2021-12-30" on the lead's own line: a date, not text.

    It gives the publication date (above) and is cut from the text, so the first sentence is
    the lead, the headline-like opening is not split after "date", and no claim quotes it.
    """
    a = seed.source("A")
    assert a.sentence_text("A1").startswith("US President Joe Biden will offer")
    for src in seed.sources:
        for sent in src.sentences:
            text = src.sentence_text(sent.id)
            assert "2021-12-30" not in text
            assert not text.lower().startswith("date")
    for claim in seed.claims:
        for sid in claim.all_sentence_ids():
            assert "date 2021" not in seed.source(sid[0]).sentence_text(sid)
    assert not any(t.text == "2021-12-30" for t in seed.times)


def test_mention_offsets_round_trip(seed: Comparison) -> None:
    """Every mention's offsets cut exactly its text out of its source."""
    for entity in seed.entities:
        for m in entity.mentions:
            assert seed.source(m.source).text[m.start : m.end] == m.text, (entity.id, m)


def test_sentence_offsets_are_inside_the_text(seed: Comparison) -> None:
    """Sentences are ordered, inside their source and hold words (not a lone quote mark)."""
    for src in seed.sources:
        assert src.sentences
        previous_end = 0
        for sent in src.sentences:
            assert previous_end <= sent.start < sent.end <= len(src.text), sent
            assert any(ch.isalnum() for ch in src.text[sent.start : sent.end]), sent
            previous_end = sent.end


def test_json_round_trip(seed: Comparison) -> None:
    """``--json`` output rebuilds the same Comparison."""
    assert Comparison.from_dict(json.loads(json.dumps(seed.to_dict()))) == seed
