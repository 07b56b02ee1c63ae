"""What one input is on its way from bytes to a Source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.ingest.dates import _Dateline


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input's bytes, read once and never more than the size limit.

    A pipe, a FIFO or ``<(process substitution)`` can be read only once, and ``/dev/zero``
    never ends: every consumer (the ``--json`` warm path's cache key, then ingest) works from
    these bytes instead of opening the path again.
    """

    path: str
    """As given on the command line; ``-`` is stdin."""
    data: bytes
    mtime_ns: int = 0
    """Modification time (0 for stdin): a dateline without a year borrows the file's year."""
    real_path: str | None = None


@dataclass(slots=True)
class _Raw:
    """One input between reading and building its Source."""

    id: str
    path: str
    label: str
    text: str
    title: str | None = None
    published: str | None = None
    dateline: _Dateline | None = None
    """The publication date the opening lines give (they are cut from ``text``)."""
    dateline_text: str | None = None
    byline: str | None = None
    mtime: float | None = None
    real_path: str | None = None
    digest: str = ""
    notes: list[str] = field(default_factory=list)
    """Warnings without their subject: "looks like Spanish, not English; ..."."""
