"""Writing reports from the UI: a default path that never exists yet, and a no-overwrite write."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import platformdirs

from newsdiff.model import Comparison

#: Export formats the palette offers, by file suffix.
FORMATS = {".md": "Markdown", ".json": "JSON"}


def unused_path(directory: Path, stem: str, suffix: str) -> Path:
    """A path in ``directory`` that does not exist yet (``stem-2.md``, ...); never overwrites."""
    candidate = directory / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = directory / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def default_export_path(suffix: str) -> Path:
    """Where an export goes unless the reader says otherwise: the documents folder, stamped."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return unused_path(platformdirs.user_documents_path(), f"newsdiff-report-{stamp}", suffix)


def render(comparison: Comparison, suffix: str) -> str:
    """The report text in the format the suffix names (Markdown or the ``--json`` contract)."""
    if suffix == ".json":
        import json

        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    from newsdiff.report import render_markdown

    return render_markdown(comparison)


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to a file that must not exist yet.

    Raises:
        FileExistsError: the path exists; nothing the user wrote is ever overwritten.
        OSError: the folder cannot be created or written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
