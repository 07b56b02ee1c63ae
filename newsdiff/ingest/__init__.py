"""Read articles (text, Markdown, HTML, stdin) into Sources; every bad input is a clear error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.ingest.dates import (
    Header,
    _iso_or_none,
    _match_dates,
    _reference_date,
    _validate_iso,
    find_dateline,
    split_header,
)
from newsdiff.ingest.decoding import _decode_input
from newsdiff.ingest.labels import _assign_labels, _flag_duplicates, _title_of, language_warning
from newsdiff.ingest.markup import strip_markdown
from newsdiff.ingest.raw import RawInput, _Raw
from newsdiff.ingest.reading import _read_input

if TYPE_CHECKING:  # built only in _finish: a warm --json run never needs the data model
    from newsdiff.model import Source


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_SOURCES",
    "Header",
    "RawInput",
    "demo_paths",
    "find_dateline",
    "language_warning",
    "parse_date_option",
    "read_inputs",
    "read_sources",
    "sources_from_inputs",
    "split_header",
    "strip_markdown",
]

#: Default limit on one input; spaCy needs roughly 1 GB of memory per 1 MB of text.
DEFAULT_MAX_BYTES = 5_000_000

#: Ids beyond Z would read like sentence ids of another source (``AA3``); 26 is plenty.
MAX_SOURCES = 26


def demo_paths() -> list[str]:
    """The two bundled example articles, as paths on disk (they ship inside the wheel).

    A plain path in the newsdiff package: ``importlib.resources`` costs ~10 ms to import, paid on
    every warm run, and newsdiff is never installed as a zip.
    """
    data = Path(__file__).resolve().parent.parent / "data"
    return [str(data / "example_a.txt"), str(data / "example_b.txt")]


def parse_date_option(value: str) -> tuple[str, str]:
    """Split ``--date SRC=YYYY-MM-DD`` into the source and a validated ISO date.

    ``SRC`` may be a source id (``B``), a file name or a path as given; it is matched in
    :func:`read_sources`, which knows the sources.

    Raises:
        NewsdiffError: BAD_DATE when the value is malformed or the date does not exist.
    """
    src, sep, date_text = value.rpartition("=")
    if not sep or not src.strip() or not date_text.strip():
        raise NewsdiffError(
            f"--date {value}: expected SRC=YYYY-MM-DD, e.g. --date B=2021-12-30",
            ExitCode.BAD_DATE,
        )
    return src.strip(), _validate_iso(date_text.strip(), f"--date {value}")


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> list[RawInput]:
    """Read every path (``-`` is stdin) once, each up to ``max_bytes``.

    Raises:
        NewsdiffError: too many paths, stdin given twice or closed, a file is missing,
            unreadable, a directory or over the size limit.
    """
    if len(paths) > MAX_SOURCES:
        raise NewsdiffError(
            f"{len(paths)} articles given; newsdiff compares at most {MAX_SOURCES} "
            f"(they are named A to Z)",
            ExitCode.USAGE,
        )
    if sum(1 for p in paths if p == "-") > 1:
        raise NewsdiffError("stdin ('-') can only be given once", ExitCode.USAGE)
    return [_read_input(path, max_bytes=max_bytes, stdin=stdin) for path in paths]


def read_sources(
    paths: Sequence[str],
    *,
    dates: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> list[Source]:
    """Read each path (``-`` is stdin) into a Source with ids A, B, C... in argument order.

    Publication dates come from ``dates`` (``--date``), else the HTML or front-matter
    metadata, else a dateline at the start of the text; a source without one borrows the
    date of the others and is marked ``published_inferred``. Non-fatal problems (a guessed
    encoding, text that is not English, the same file twice) go into ``Source.warnings``.

    Args:
        paths: Files to read, or ``-`` for standard input (at most once).
        dates: Source (id, file name or path) -> ISO date, overriding anything found.
        max_bytes: Largest input accepted.
        stdin: Stream to read ``-`` from; defaults to ``sys.stdin.buffer``.

    Raises:
        NewsdiffError: a file is missing, unreadable, binary, empty, undecodable, too
            large, stdin is given twice, or a ``--date`` names no source.
    """
    inputs = read_inputs(paths, max_bytes=max_bytes, stdin=stdin)
    return sources_from_inputs(inputs, dates=dates)


def sources_from_inputs(
    inputs: Sequence[RawInput], *, dates: Mapping[str, str] | None = None
) -> list[Source]:
    """Build Sources from bytes already read by :func:`read_inputs` (see :func:`read_sources`).

    Raises:
        NewsdiffError: an input is binary, empty or undecodable, or a ``--date`` names no
            source.
    """
    raws = [_decode_input(chr(ord("A") + i), raw) for i, raw in enumerate(inputs)]
    _assign_labels(raws)
    _flag_duplicates(raws)
    overrides = _match_dates(raws, dates or {})
    return _finish(raws, overrides)


def _finish(raws: Sequence[_Raw], overrides: Mapping[str, str]) -> list[Source]:
    from newsdiff.model import Source

    for raw in raws:
        if raw.id in overrides:
            raw.published = overrides[raw.id]
        elif raw.published is None and raw.dateline is not None and raw.dateline.year:
            found = raw.dateline
            raw.published = _iso_or_none(found.year or 0, found.month, found.day)
    dated = [r.published for r in raws if r.published]
    reference = _reference_date(dated)
    for raw in raws:
        line = raw.dateline
        if raw.published is None and line is not None and line.year is None:
            year = _guess_year(line.month, line.day, reference, raw.mtime)
            raw.published = _iso_or_none(year, line.month, line.day)
            raw.notes.append(
                f"has a dateline without a year ({line.text.strip()!r}); assumed {year}"
            )
    dated = [r.published for r in raws if r.published]
    reference = _reference_date(dated)
    sources = []
    for raw in raws:
        inferred = raw.published is None and reference is not None
        title = raw.title or _title_of(raw.text)
        subject = f"{raw.id} ({raw.label})"
        sources.append(
            Source(
                id=raw.id,
                path=raw.path,
                label=raw.label,
                title=title,
                published=reference if inferred else raw.published,
                published_inferred=inferred,
                text=raw.text,
                warnings=tuple(f"{subject} {note}" for note in raw.notes),
                dateline=raw.dateline_text,
                byline=raw.byline,
            )
        )
    return sources


def _guess_year(month: int, day: int, reference: str | None, mtime: float | None) -> int:
    """Year for a dateline like ``Dec 30``: the one nearest the other sources' date.

    Without another date, the latest such day not after the file's modification time (or
    today for stdin), since articles are read after they are published.
    """
    if reference is not None:
        ref = dt.date.fromisoformat(reference)
        best_year = ref.year
        best_gap: int | None = None
        for year in (ref.year - 1, ref.year, ref.year + 1):
            iso = _iso_or_none(year, month, day)
            if iso is None:
                continue
            gap = abs((dt.date.fromisoformat(iso) - ref).days)
            if best_gap is None or gap < best_gap:
                best_year, best_gap = year, gap
        return best_year
    anchor = dt.date.fromtimestamp(mtime) if mtime is not None else dt.date.today()
    for year in (anchor.year, anchor.year - 1, anchor.year - 2, anchor.year - 3, anchor.year - 4):
        iso = _iso_or_none(year, month, day)
        if iso is not None and dt.date.fromisoformat(iso) <= anchor:
            return year
    return anchor.year
