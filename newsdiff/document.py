"""The per-document record: everything the stages know about one source, filled stage by stage.

The pipeline makes one :class:`SourceDoc` per source after spaCy and hands the list to every
stage. A stage reads what earlier stages left on the records and either fills in its own
per-document facts (sentences, times, entity mentions, roles, quotes) or returns a result that
spans the sources (entities, claims, talks). No stage keeps a dict keyed by source next to the
records: what belongs to one source lives on its record, the way spaCy components fill a Doc.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsdiff.model import Quote, Sentence, Source, TimeExpr


@dataclass(slots=True)
class SourceDoc:
    """One analysed source.

    Attributes:
        index: Position among the sources (the order of the comparison).
        source: The ingested source (id, text, publication date).
        doc: Its spaCy parse.
        sentences: Sentence records without surrounding whitespace (ids ``A1``, ``A2``...).
        sentence_ids: The sentence id of each spaCy sentence, in order; a fragment spaCy split
            off (a closing quote) shares the id of the sentence it belongs to.
        times: Time expressions with their TIMEX3 values (``times`` stage).
        token_entity: Token index -> entity id, for tokens inside an entity mention
            (``entities`` stage).
        roles: Entity id -> roles this source gives that person, in mention order.
        quotes: Entity id -> what this source quotes that entity as saying.
    """

    index: int
    source: Source
    doc: Doc
    sentences: list[Sentence]
    sentence_ids: list[str]
    times: list[TimeExpr] = field(default_factory=list)
    token_entity: dict[int, str] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)

    @property
    def source_id(self) -> str:
        """The source's id (``A``, ``B``...)."""
        return self.source.id

    @property
    def published(self) -> str | None:
        """The source's publication date (ISO), if known."""
        return self.source.published
