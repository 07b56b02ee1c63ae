"""Frozen dataclasses that are the whole contract between the engine, the UI, JSON and reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ClaimStatus = Literal["agree", "adds", "differ", "only"]
#: What a difference means to a fact-checker: incompatible values for one slot, something one
#: source says and the other omits, or the same fact in other words.
DifferenceClass = Literal["conflict", "addition", "wording"]
TalkStatus = Literal["scheduled", "ongoing", "past", "cancelled", "postponed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]

#: Labels that name real-world actors, places or things we cluster across sources.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})

#: How the sidebar groups entity labels; the UI reads this rather than guessing from labels.
KIND_OF_LABEL: Mapping[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "other",
    "LAW": "other",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a source; ids are the source id plus a 1-based index (``A3``)."""

    id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """One input article, as read from disk (``sentences`` is empty until analysed).

    ``text`` is the article without the metadata at its top (a ``date 2021-12-30`` line, the
    dateline, the byline): those are not sentences, so they are kept in their own fields and
    every offset of the analysis points into ``text``.
    """

    id: str
    path: str
    label: str
    title: str | None
    published: str | None
    """ISO date ``YYYY-MM-DD`` of publication, or None when no source had one."""
    published_inferred: bool
    """True when the date was borrowed from another source of the comparison."""
    text: str
    sentences: tuple[Sentence, ...] = ()
    warnings: tuple[str, ...] = ()
    """Non-fatal problems found while reading (encoding guessed, not English, ...)."""
    dateline: str | None = None
    """The wire dateline as written ("MOSCOW, Dec 30 (Reuters)"); it is not part of ``text``."""
    byline: str | None = None
    """The byline as written ("By Jane Doe, Associated Press"); it is not part of ``text``."""

    def sentence(self, sentence_id: str) -> Sentence:
        """Return the sentence with this id; raises KeyError for an unknown id."""
        for sent in self.sentences:
            if sent.id == sentence_id:
                return sent
        raise KeyError(sentence_id)

    def sentence_text(self, sentence_id: str) -> str:
        """Return the text of one sentence."""
        sent = self.sentence(sentence_id)
        return self.text[sent.start : sent.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence covering a character offset, if any."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return sent
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a source's text that names an entity; ``text == source.text[start:end]``."""

    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Words a source attributes to an entity (said, announced, added...)."""

    source: str
    sentence: str
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor, place or group, clustered across all sources."""

    id: str
    name: str
    label: str
    roles: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...] = ()
    aliases: tuple[str, ...] = ()
    """Every distinct surface form, so users see which spellings were merged."""
    related: tuple[str, ...] = ()
    """Ids of entities linked to this one but not the same ("the Obama administration" and
    Barack Obama): shown together, never merged."""

    @property
    def kind(self) -> str:
        """Sidebar group: person, organisation, place, group or other."""
        return KIND_OF_LABEL.get(self.label, "other")

    def mention_count(self, source_id: str) -> int:
        """Number of mentions in one source."""
        return sum(1 for m in self.mentions if m.source == source_id)


@dataclass(frozen=True, slots=True)
class Difference:
    """One specific way aligned sentences differ, with each source's value side by side."""

    kind: str
    """entity, actor, number, date, time, quote, attribution, predicate, polarity, modality
    or detail."""
    values: Mapping[str, str]
    cls: DifferenceClass = "wording"
    """conflict, addition or wording (``class`` in JSON)."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A group of aligned sentences (or one unmatched sentence) and how they compare."""

    id: str
    status: ClaimStatus
    sentences: Mapping[str, str]
    """Source id -> the main sentence id of that source in this claim."""
    score: float
    differences: tuple[Difference, ...] = ()
    extra: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Source id -> further sentence ids when one sentence aligns with several (one-to-many)."""
    similarity: float = 0.0
    """How similar the sources' statements are, 0-1, on the scale people judge it (0 for only)."""

    def all_sentence_ids(self) -> tuple[str, ...]:
        """Main and extra sentence ids, in source order."""
        ids: list[str] = []
        for src, sid in self.sentences.items():
            ids.append(sid)
            ids.extend(self.extra.get(src, ()))
        return tuple(ids)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression with a TIMEX3-style value resolved from the publication date."""

    source: str
    start: int
    end: int
    text: str
    type: TimeType
    value: str


@dataclass(frozen=True, slots=True)
class Talk:
    """A meeting, call, talks, summit or vote, merged across the sources that report it."""

    id: str
    title: str
    date: str | None
    date_text: Mapping[str, str]
    status: TalkStatus
    where: str | None
    participants: tuple[str, ...]
    topic: str | None
    sources: tuple[str, ...]
    evidence: tuple[str, ...]
    conflict: bool
    conflict_reason: str | None = None
    kind: str = "meeting"


@dataclass(frozen=True, slots=True)
class Comparison:
    """The whole analysis of 1+ sources: what the UI shows and ``--json`` prints."""

    version: str
    model: str
    sources: tuple[Source, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    talks: tuple[Talk, ...]
    times: tuple[TimeExpr, ...] = ()

    def source(self, source_id: str) -> Source:
        """Return the source with this id; raises KeyError for an unknown id."""
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with this id; raises KeyError for an unknown id."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)

    def claim_of_sentence(self, sentence_id: str) -> Claim | None:
        """Return the claim a sentence belongs to, if any."""
        for claim in self.claims:
            if sentence_id in claim.all_sentence_ids():
                return claim
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (field names are stable; new fields may be added)."""
        return {
            "version": self.version,
            "model": self.model,
            "sources": [_source_to_dict(s) for s in self.sources],
            "entities": [_entity_to_dict(e) for e in self.entities],
            "claims": [_claim_to_dict(c) for c in self.claims],
            "talks": [_talk_to_dict(t) for t in self.talks],
            "times": [_time_to_dict(x) for x in self.times],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Comparison:
        """Rebuild from :meth:`to_dict` output.

        Raises:
            KeyError, TypeError, ValueError: the data is not a Comparison (e.g. a corrupt cache).
        """
        return cls(
            version=str(data["version"]),
            model=str(data["model"]),
            sources=tuple(_source_from_dict(s) for s in data["sources"]),
            entities=tuple(_entity_from_dict(e) for e in data["entities"]),
            claims=tuple(_claim_from_dict(c, i) for i, c in enumerate(data["claims"])),
            talks=tuple(_talk_from_dict(t, i) for i, t in enumerate(data["talks"])),
            times=tuple(_time_from_dict(x) for x in data.get("times", ())),
        )


# -- JSON, one function per record type ---------------------------------------------------


def _source_to_dict(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "path": s.path,
        "label": s.label,
        "title": s.title,
        "published": s.published,
        "published_inferred": s.published_inferred,
        "dateline": s.dateline,
        "byline": s.byline,
        "warnings": list(s.warnings),
        "text": s.text,
        "sentences": [{"id": x.id, "start": x.start, "end": x.end} for x in s.sentences],
    }


def _entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "label": e.label,
        "kind": e.kind,
        "roles": list(e.roles),
        "aliases": list(e.aliases),
        "related": list(e.related),
        "sources": list(e.sources),
        "mentions": [
            {"source": m.source, "start": m.start, "end": m.end, "text": m.text} for m in e.mentions
        ],
        "quotes": [{"source": q.source, "sentence": q.sentence, "text": q.text} for q in e.quotes],
    }


def _claim_to_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "status": c.status,
        "sentences": dict(c.sentences),
        "extra_sentences": {k: list(v) for k, v in c.extra.items()},
        "score": round(c.score, 4),
        "similarity": round(c.similarity, 4),
        "differences": [
            {"kind": d.kind, "class": d.cls, "values": dict(d.values)} for d in c.differences
        ],
    }


def _talk_to_dict(t: Talk) -> dict[str, Any]:
    return {
        "id": t.id,
        "title": t.title,
        "kind": t.kind,
        "date": t.date,
        "date_text": dict(t.date_text),
        "status": t.status,
        "where": t.where,
        "participants": list(t.participants),
        "topic": t.topic,
        "sources": list(t.sources),
        "evidence": list(t.evidence),
        "conflict": t.conflict,
        "conflict_reason": t.conflict_reason,
    }


def _time_to_dict(x: TimeExpr) -> dict[str, Any]:
    return {
        "source": x.source,
        "start": x.start,
        "end": x.end,
        "text": x.text,
        "type": x.type,
        "value": x.value,
    }


def _source_from_dict(s: Mapping[str, Any]) -> Source:
    return Source(
        id=s["id"],
        path=s["path"],
        label=s.get("label") or s["path"],
        title=s["title"],
        published=s["published"],
        published_inferred=bool(s["published_inferred"]),
        text=s["text"],
        sentences=tuple(Sentence(x["id"], int(x["start"]), int(x["end"])) for x in s["sentences"]),
        warnings=tuple(s.get("warnings", ())),
        dateline=s.get("dateline"),
        byline=s.get("byline"),
    )


def _entity_from_dict(e: Mapping[str, Any]) -> Entity:
    return Entity(
        id=e["id"],
        name=e["name"],
        label=e["label"],
        roles=tuple(e["roles"]),
        sources=tuple(e["sources"]),
        mentions=tuple(
            Mention(m["source"], int(m["start"]), int(m["end"]), m["text"]) for m in e["mentions"]
        ),
        quotes=tuple(Quote(q["source"], q["sentence"], q["text"]) for q in e["quotes"]),
        aliases=tuple(e.get("aliases", ())),
        related=tuple(e.get("related", ())),
    )


def _claim_from_dict(c: Mapping[str, Any], i: int) -> Claim:
    return Claim(
        id=c.get("id") or f"c{i + 1}",
        status=c["status"],
        sentences=dict(c["sentences"]),
        score=float(c["score"]),
        differences=tuple(
            Difference(d["kind"], dict(d["values"]), d.get("class", "wording"))
            for d in c["differences"]
        ),
        extra={k: tuple(v) for k, v in c.get("extra_sentences", {}).items()},
        similarity=float(c.get("similarity", 0.0)),
    )


def _talk_from_dict(t: Mapping[str, Any], i: int) -> Talk:
    return Talk(
        id=t.get("id") or f"t{i + 1}",
        title=t["title"],
        date=t["date"],
        date_text=dict(t["date_text"]),
        status=t["status"],
        where=t["where"],
        participants=tuple(t["participants"]),
        topic=t["topic"],
        sources=tuple(t["sources"]),
        evidence=tuple(t["evidence"]),
        conflict=bool(t["conflict"]),
        conflict_reason=t.get("conflict_reason"),
        kind=t.get("kind", "meeting"),
    )


def _time_from_dict(x: Mapping[str, Any]) -> TimeExpr:
    return TimeExpr(x["source"], int(x["start"]), int(x["end"]), x["text"], x["type"], x["value"])
