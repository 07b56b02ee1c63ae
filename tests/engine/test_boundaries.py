"""The engine never loads the UI; warm paths never load spaCy (checked in fresh processes)."""

from __future__ import annotations

import importlib.util
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsdiff

#: Engine modules that must exist; every other module of the package is found and checked too.
CORE = ["model", "errors", "nlp", "ingest", "config", "cache", "state", "report", "cli", "fsutil"]


def _engine_modules() -> list[str]:
    found = {info.name for info in pkgutil.iter_modules(newsdiff.__path__)}
    missing = set(CORE) - found
    assert not missing, f"engine modules missing: {sorted(missing)}"
    return [f"newsdiff.{name}" for name in sorted(found - {"__main__"})]


def imported_after(statement: str, *, argv: list[str] | None = None) -> set[str]:
    """Run ``statement`` in a fresh interpreter and return the top-level modules it loaded."""
    code = (
        "import json, sys\n"
        f"sys.argv = {['newsdiff', *(argv or [])]!r}\n"
        f"{statement}\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.__stderr__)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    assert last.startswith("["), proc.stderr
    return set(json.loads(last))


@pytest.mark.parametrize("module", _engine_modules())
def test_engine_module_does_not_import_the_ui(module: str) -> None:
    loaded = imported_after(f"import {module}")
    assert module.split(".")[0] in loaded
    assert not loaded & {"textual", "rich", "tui", "widgets"}


@pytest.mark.parametrize("module", ["newsdiff.cache", "newsdiff.model", "newsdiff.cli"])
def test_cheap_modules_do_not_import_spacy(module: str) -> None:
    assert "spacy" not in imported_after(f"import {module}")


def test_input_errors_load_neither_spacy_nor_textual(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    loaded = imported_after(
        "from newsdiff.cli import main\nmain()", argv=[missing, missing, "--json"]
    )
    assert not loaded & {"spacy", "textual", "rich"}


@pytest.mark.skipif(
    importlib.util.find_spec("newsdiff.pipeline") is None,
    reason="newsdiff.pipeline not written yet",
)
def test_warm_json_run_does_not_import_spacy_or_textual(tmp_path: Path) -> None:
    """Second ``--json`` run on the same files is answered from the cache, without spaCy."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(
        "Published: 2021-12-30\nJoe Biden will call Vladimir Putin on Thursday, the White "
        "House said. The talks in Geneva are set for January 10.\n",
        encoding="utf-8",
    )
    b.write_text(
        "Biden and Putin spoke by phone on Thursday. Talks are due in Geneva on January 10, "
        "a Kremlin spokesman said.\n",
        encoding="utf-8",
    )
    statement = (
        "from newsdiff.cli import main\n"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main()\n"
        "assert code == 0, code"
    )
    argv = [str(a), str(b), "--json"]
    cold = imported_after(statement, argv=argv)
    assert "spacy" in cold  # proves the check would see spaCy if it were loaded
    warm = imported_after(statement, argv=argv)
    assert not warm & {"spacy", "textual", "rich", "thinc", "torch"}
