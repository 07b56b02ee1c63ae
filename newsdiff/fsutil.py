"""Atomic file writes, so a crash or a second process never leaves a torn file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step.

    The data goes to a temporary file in the same directory (so ``os.replace`` is a rename on
    one filesystem, which POSIX and Windows make atomic), is fsynced, then renamed over the
    target. A process killed at any point leaves either the previous file or the new one, and
    two processes writing the same path each rename a complete file: the last one wins.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        # Any failure (disk full, KeyboardInterrupt) must not leave temporary files around.
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(target.parent)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 text atomically; see :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable after a power cut. Not possible on Windows, and not
    # worth failing a write for, so errors are ignored on purpose.
    if os.name != "posix":
        return
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    For files newsdiff reads without owning them outright (config.toml, ui.json, positions,
    cache entries): a FIFO put in their place would block a plain open for ever and
    ``/dev/zero`` would never end. The open does not block, and only a regular file is read.

    Raises:
        FileNotFoundError: there is no such file.
        IsADirectoryError: it is a directory.
        OSError: it is not a regular file, is larger than ``limit``, or cannot be read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
    return data


#: Written into every directory newsdiff creates for its own files (cache, positions). Pruning
#: deletes only in a directory that holds it, and only names newsdiff gives its files.
OWNER_MARK = ".newsdiff-owned"
_MARK_TEXT = (
    "newsdiff created this directory for its own files and may delete files it wrote here\n"
    "(names it chose, never anything else). Delete the directory to reset newsdiff.\n"
)

#: A temporary file of :func:`atomic_write_bytes` (``.<target name>.<random>.tmp``).
_TMP_NAME = re.compile(r"\.(?P<target>[^/]+)\.[A-Za-z0-9_]{6,}\.tmp")


def claim_directory(directory: Path, is_ours: Callable[[str], bool]) -> bool:
    """Create ``directory`` if needed; True when newsdiff owns it and may prune its own files.

    Owned means it holds :data:`OWNER_MARK`: newsdiff created it, or found it (a real directory,
    not a symbolic link) holding nothing but files named as newsdiff names them, which is how
    directories of earlier versions are adopted. A directory shared with anything else, or
    linked to one, is written to but never pruned.
    """
    marker = directory / OWNER_MARK
    if marker.is_file():
        return True
    try:
        directory.mkdir(parents=True)
    except FileExistsError:
        try:
            if directory.is_symlink() or not all(is_ours(name) for name in os.listdir(directory)):
                return False
        except OSError:
            return False
    except OSError:
        return False
    try:
        with open(marker, "x", encoding="utf-8") as handle:
            handle.write(_MARK_TEXT)
    except FileExistsError:
        return True  # another newsdiff process claimed it first
    except OSError:
        return False
    return True


def stale_temporary_files(
    directory: Path, is_ours: Callable[[str], bool], *, older_than: float = 3600.0
) -> list[Path]:
    """Temporary files of atomic writes to ``is_ours`` names that a killed process left behind.

    A write takes milliseconds, so one untouched for ``older_than`` seconds is abandoned
    (``kill -9`` between ``mkstemp`` and ``os.replace``).
    """
    found = []
    now = time.time()
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    for name in names:
        match = _TMP_NAME.fullmatch(name)
        if match is None or not is_ours(match.group("target")):
            continue
        path = directory / name
        with contextlib.suppress(OSError):
            if now - path.lstat().st_mtime > older_than:
                found.append(path)
    return found


def is_temporary_of(name: str, is_ours: Callable[[str], bool]) -> bool:
    """Whether ``name`` is an atomic write's temporary file for a name ``is_ours`` accepts."""
    match = _TMP_NAME.fullmatch(name)
    return match is not None and is_ours(match.group("target"))
