"""What one input is on its way from bytes to a Source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdiff.frozen import Frozen

if TYPE_CHECKING:
    from newsdiff.ingest.dates import _Dateline


class RawInput(Frozen):
    """One input's bytes, read once and never more than the size limit.

    A pipe, a FIFO or ``<(process substitution)`` can be read only once, and ``/dev/zero``
    never ends: every consumer (the ``--json`` warm path's cache key, then ingest) works from
    these bytes instead of opening the path again.
    """

    __slots__ = ("path", "data", "mtime_ns", "real_path")  # noqa: RUF023

    path: str
    """As given on the command line; ``-`` is stdin."""
    data: bytes
    mtime_ns: int
    """Modification time (0 for stdin): a dateline without a year borrows the file's year."""
    real_path: str | None

    def __init__(
        self, path: str, data: bytes, mtime_ns: int = 0, real_path: str | None = None
    ) -> None:
        self._init(path=path, data=data, mtime_ns=mtime_ns, real_path=real_path)


class _Raw:
    """One input between reading and building its Source.

    A plain class rather than a dataclass: the ``--json`` warm path imports this module, and
    ``dataclasses`` (with ``inspect``) would be a fifth of that path's imports.
    """

    __slots__ = (
        "byline", "dateline", "dateline_text", "digest", "id", "label", "mtime", "notes", "path",
        "published", "real_path", "text", "title",
    )  # fmt: skip

    def __init__(
        self, *, id: str, path: str, label: str, text: str, notes: list[str] | None = None
    ) -> None:
        self.id = id
        self.path = path
        self.label = label
        self.text = text
        self.title: str | None = None
        self.published: str | None = None
        self.dateline: _Dateline | None = None
        """The publication date the opening lines give (they are cut from ``text``)."""
        self.dateline_text: str | None = None
        self.byline: str | None = None
        self.mtime: float | None = None
        self.real_path: str | None = None
        self.digest = ""
        self.notes: list[str] = notes if notes is not None else []
        """Warnings without their subject: "looks like Spanish, not English; ..."."""
