"""Where the reader was: the last cursor position for each set of articles, kept between runs."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import platformdirs

from newsdiff.fsutil import (
    OWNER_MARK,
    atomic_write_text,
    claim_directory,
    is_temporary_of,
    read_regular_file,
    stale_temporary_files,
)
from newsdiff.model import Source

#: Positions kept; the least recently saved are dropped beyond this.
MAX_POSITIONS = 500

#: The names :func:`_position_path` gives: the only files pruning may delete.
_POSITION_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}\.json")


def _is_ours(name: str) -> bool:
    return (
        _POSITION_NAME.fullmatch(name) is not None
        or name == OWNER_MARK
        or is_temporary_of(name, lambda target: _POSITION_NAME.fullmatch(target) is not None)
    )


def state_dir() -> Path:
    """Per-user state directory (``~/.local/state/newsdiff`` on Linux)."""
    return platformdirs.user_state_path("newsdiff", appauthor=False)


def position_key(sources: Sequence[Source]) -> str:
    """Identify a set of articles by their ids and texts, in order.

    Order matters because a stored position names source ids (``A3``), which follow the order
    of the arguments. Paths are left out so moving the files keeps the position.
    """
    digest = hashlib.sha256()
    for src in sources:
        digest.update(src.id.encode("utf-8"))
        digest.update(b"\0")
        digest.update(hashlib.sha256(src.text.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()[:32]


def _position_path(key: str) -> Path:
    # One small file per key: two app windows on different articles never rewrite each
    # other's positions, and a killed writer can only affect its own key.
    safe = "".join(ch for ch in key if ch.isalnum() or ch in "-_")[:64] or "default"
    return state_dir() / "positions" / f"{safe}.json"


def load_position(key: str) -> dict[str, Any] | None:
    """The saved position for this key, or None if there is none or it is unreadable.

    Deeply nested JSON (RecursionError) and undecodable bytes count as unreadable too.
    """
    try:
        data = json.loads(read_regular_file(_position_path(key), 1_000_000).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("position"), dict):
        return None
    position: dict[str, Any] = data["position"]
    return position


def save_position(key: str, position: Mapping[str, Any]) -> None:
    """Save a JSON-serialisable position atomically.

    Raises:
        TypeError: the position holds values JSON cannot store (a programming error).
    """
    payload = {"saved": time.time(), "position": dict(position)}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    path = _position_path(key)
    owned = claim_directory(path.parent, _is_ours)
    try:
        atomic_write_text(path, text)
    except OSError:
        return  # losing the reading position is not worth interrupting the reader for
    if owned:
        _prune()


def _prune() -> None:
    """Drop the oldest positions beyond MAX_POSITIONS and abandoned temporary files.

    Only for a folder newsdiff owns, and only names it wrote (see ``fsutil.claim_directory``).
    """
    folder = state_dir() / "positions"
    for tmp in stale_temporary_files(folder, _is_ours):
        with contextlib.suppress(OSError):
            tmp.unlink()
    try:
        files = [
            p for p in folder.iterdir() if _POSITION_NAME.fullmatch(p.name) and not p.is_symlink()
        ]
    except OSError:
        return
    if len(files) <= MAX_POSITIONS:
        return
    dated = []
    for path in files:
        with contextlib.suppress(OSError):
            dated.append((path.stat().st_mtime, path))
    dated.sort()
    for _, path in dated[: len(dated) - MAX_POSITIONS]:
        with contextlib.suppress(OSError):
            path.unlink()
