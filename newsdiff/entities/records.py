"""The records clustering works on: mentions, surface forms, clusters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Score cut-offs (0-100) for rapidfuzz comparisons of transliteration-folded keys.
SURNAME_CUTOFF = 86.0
GIVEN_CUTOFF = 92.0
NAME_CUTOFF = 90.0


@dataclass(slots=True)
class RawMention:
    """A cleaned NER span of one source before clustering."""

    source: str
    start: int
    end: int
    text: str
    label: str
    doc_index: int
    token_start: int
    token_end: int
    demonym_of: str | None = None
    #: The place an abbreviation stands for ("Calif." -> "California"): it joins that place
    #: and nothing else.
    abbreviates: str | None = None
    #: Another person with the name of someone else in the story ("his father, also named
    #: Duncan Hunter"): never one entity with the other bearers of the name.
    namesake: bool = False
    #: A maker's name and a model's ("Toyota Camry"): a product, never one entity with its
    #: maker.
    product: bool = False


def respan(doc: Doc, m: RawMention, start: int, end: int, label: str | None = None) -> RawMention:
    """The mention ``m`` over another token range of its document (boundaries repaired)."""
    span = doc[start:end]
    keep = m.demonym_of if start == m.token_start else None
    return RawMention(
        m.source,
        span.start_char,
        span.end_char,
        span.text,
        label or m.label,
        m.doc_index,
        start,
        end,
        keep,
        None,
        m.namesake,
    )


@dataclass(slots=True)
class Form:
    """A distinct surface form (per label class); clustering works on forms, not mentions."""

    text: str
    is_person: bool
    namesake: bool = False
    #: Named in a sentence about family ("his father", "the elder"): a suffix or a middle
    #: initial may then tell two relatives apart.
    family: bool = False
    mentions: list[int] = field(default_factory=list)
    label_votes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Cluster:
    """Mentions (indices into the raw mention list) judged to name one real-world entity."""

    mentions: tuple[int, ...]
    name: str
    label: str
    aliases: tuple[str, ...]


def majority_label(form: Form) -> str:
    """The label most of a form's mentions got."""
    if not form.label_votes:
        return ""
    return max(form.label_votes, key=lambda k: form.label_votes[k])


def fold_spaces(text: str) -> str:
    """Collapse runs of whitespace (names can span a line break)."""
    return " ".join(text.split())
