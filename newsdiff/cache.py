"""Versioned on-disk cache of finished comparisons, so reopening the same articles is instant."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from newsdiff import __version__
from newsdiff.fsutil import (
    OWNER_MARK,
    atomic_write_text,
    claim_directory,
    is_temporary_of,
    read_regular_file,
    stale_temporary_files,
)

if TYPE_CHECKING:  # nlp imports spaCy lazily anyway; the cache only needs the name and version.
    from newsdiff.model import Comparison, Source
    from newsdiff.nlp import PipelineInfo

#: Bump when the stored layout changes; old files are then never looked up and get pruned.
#: 2: sources carry their dateline and byline, cut from the text (same bytes, new output).
CACHE_FORMAT = 2

#: Newest entries kept; older ones are deleted on save so the cache cannot grow without bound.
MAX_ENTRIES = 200

#: Largest entry read (an analysis of a 5 MB article is far below it); larger is corrupt.
MAX_ENTRY_BYTES = 512_000_000

#: The names newsdiff gives cache entries, of any format: the only files pruning may delete.
_ENTRY_NAME = re.compile(r"v\d+-(?:out-)?[0-9a-f]{64}\.json")

#: What a corrupt or hostile entry raises while being parsed and rebuilt: deeply nested JSON
#: raises RecursionError, wrong types TypeError/AttributeError/KeyError/IndexError.
_CORRUPT = (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError)


def _is_ours(name: str) -> bool:
    """An entry, a temporary file of one, or the ownership mark."""
    return (
        _ENTRY_NAME.fullmatch(name) is not None
        or name == OWNER_MARK
        or is_temporary_of(name, lambda target: _ENTRY_NAME.fullmatch(target) is not None)
    )


def cache_dir() -> Path:
    """Per-user cache directory (``~/.cache/newsdiff`` on Linux)."""
    return platformdirs.user_cache_path("newsdiff", appauthor=False)


@functools.cache
def code_fingerprint() -> str:
    """Hash of the engine's installed source files (name, size, modification time).

    The version number only changes at a release, while an install from a git checkout (or an
    edit to one) changes what the engine says without it: a cached result from other code
    would then be shown as this code's. Stat calls only (~100 files, about a millisecond).
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            st = path.stat()
            digest.update(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def cache_key(sources: Sequence[Source], pipeline: PipelineInfo) -> str:
    """Hash of everything that can change the output of an analysis.

    That is the newsdiff version and its code (any code change may change results; see
    :func:`code_fingerprint`), the pipeline name and
    version, and every field of each source that the comparison carries (the text, the id and
    the publication date drive the analysis; label, path, title and warnings are copied into
    the result, so a renamed file must not come back with its old name).
    """
    payload: dict[str, Any] = {
        "format": CACHE_FORMAT,
        "newsdiff": __version__,
        "code": code_fingerprint(),
        "pipeline": [pipeline.name, pipeline.version],
        "sources": [
            [
                s.id,
                s.path,
                s.label,
                s.title,
                s.published,
                s.published_inferred,
                list(s.warnings),
                s.dateline,
                s.byline,
                hashlib.sha256(s.text.encode("utf-8", "surrogatepass")).hexdigest(),
            ]
            for s in sources
        ],
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def entry_path(key: str) -> Path:
    """File of one entry; the format version is in the name so old layouts are never parsed."""
    return cache_dir() / f"v{CACHE_FORMAT}-{key}.json"


def load(key: str) -> Comparison | None:
    """Return the cached comparison, or None when there is no usable entry.

    A file that cannot be parsed, is from another newsdiff version or does not rebuild into a
    :class:`Comparison` is deleted, so the next analysis writes a good one in its place.
    """
    path = entry_path(key)
    raw = _read(path)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        if (
            not isinstance(data, dict)
            or data.get("format") != CACHE_FORMAT
            or data.get("newsdiff") != __version__
            or data.get("key") != key
        ):
            raise ValueError("stale or foreign cache entry")
        from newsdiff.model import Comparison

        return Comparison.from_dict(data["comparison"])
    except _CORRUPT:
        _discard(path)
        return None


def save(key: str, comparison: Comparison) -> None:
    """Store a comparison atomically; concurrent writers of one key each write a whole file.

    A cache that cannot be written (read-only home, disk full) only costs speed, so OS errors
    are ignored here rather than failing an analysis that already succeeded.
    """
    data = {
        "format": CACHE_FORMAT,
        "newsdiff": __version__,
        "key": key,
        "comparison": comparison.to_dict(),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    _write_and_prune(entry_path(key), text)


def input_key(
    inputs: Sequence[tuple[str, bytes, int]], options: dict[str, Any], pipeline: PipelineInfo
) -> str:
    """Hash of what a command line reads, before any of it is parsed.

    ``inputs`` are (path as given, bytes, modification time in ns: a dateline without a year
    borrows the file's year); ``options`` are the flags that change what is read (``--date``,
    the size limit). Same key, same bytes, same options: the same ``--json`` output.
    """
    digest = hashlib.sha256()
    header = {
        "format": CACHE_FORMAT,
        "newsdiff": __version__,
        "code": code_fingerprint(),
        "pipeline": [pipeline.name, pipeline.version],
        "options": options,
        "inputs": [[path, len(data), mtime] for path, data, mtime in inputs],
    }
    digest.update(json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for _, data, _ in inputs:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def output_path(key: str) -> Path:
    """File of one stored ``--json`` output."""
    return cache_dir() / f"v{CACHE_FORMAT}-out-{key}.json"


def load_output(key: str) -> tuple[str, dict[str, Any]] | None:
    """The stored ``--json`` text for an :func:`input_key`, and its parsed form.

    This is the warm path of ``newsdiff --json``: it needs neither the engine, the data model
    nor a second JSON encoding. An entry that does not parse into a comparison of this
    newsdiff version is deleted and rebuilt by the normal path.
    """
    path = output_path(key)
    text = _read(path)
    if text is None:
        return None
    try:
        data = json.loads(text)
        if (
            not isinstance(data, dict)
            or data.get("version") != __version__
            or not isinstance(data.get("sources"), list)
            or not all(_warnings_ok(source) for source in data["sources"])
        ):
            raise ValueError("stale or foreign output entry")
    except _CORRUPT:
        _discard(path)
        return None
    return text, data


def _warnings_ok(source: object) -> bool:
    """The warm path prints each source's warnings: they must be a list of strings."""
    if not isinstance(source, dict):
        return False
    warnings = source.get("warnings", [])
    return isinstance(warnings, list) and all(isinstance(w, str) for w in warnings)


def save_output(key: str, text: str) -> None:
    """Store a ``--json`` output atomically (OS errors only cost speed, as for :func:`save`)."""
    _write_and_prune(output_path(key), text)


def _write_and_prune(path: Path, text: str) -> None:
    owned = claim_directory(path.parent, _is_ours)
    try:
        atomic_write_text(path, text)
    except OSError:
        return
    if owned:
        _prune()


def clear() -> int:
    """Delete every cache entry; returns how many files were removed."""
    removed = 0
    for path in _entries():
        if _discard(path):
            removed += 1
    return removed


def _entries() -> list[Path]:
    """Entries newsdiff wrote, by their names; nothing else in the directory is touched."""
    try:
        return [
            p
            for p in cache_dir().iterdir()
            if _ENTRY_NAME.fullmatch(p.name) and not p.is_symlink() and p.is_file()
        ]
    except OSError:
        return []


def _prune() -> None:
    """Drop entries of old formats, the oldest beyond MAX_ENTRIES and abandoned temporaries.

    Only called for a directory newsdiff owns (see ``fsutil.claim_directory``).
    """
    for tmp in stale_temporary_files(cache_dir(), _is_ours):
        _discard(tmp)
    current = f"v{CACHE_FORMAT}-"
    entries = _entries()
    for path in entries:
        if not path.name.startswith(current):
            _discard(path)  # written by an older cache format; never read again
    fresh = [p for p in entries if p.name.startswith(current)]
    if len(fresh) <= MAX_ENTRIES:
        return
    dated = []
    for path in fresh:
        with contextlib.suppress(OSError):
            dated.append((path.stat().st_mtime, path))
    dated.sort()
    for _, path in dated[: len(dated) - MAX_ENTRIES]:
        _discard(path)


def _read(path: Path) -> str | None:
    """An entry's text; None when missing, and an unreadable one is removed."""
    try:
        return read_regular_file(path, MAX_ENTRY_BYTES).decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        _discard(path)
        return None


def _discard(path: Path) -> bool:
    # Another process may have removed or replaced it already: that is fine.
    try:
        path.unlink()
    except OSError:
        return False
    return True
