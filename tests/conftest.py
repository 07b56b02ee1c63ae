"""Shared fixtures: every test gets its own config, cache and state directories."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point platformdirs (XDG on Linux) at tmp_path so no test touches the user's files."""
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        d = tmp_path / var.lower()
        d.mkdir()
        monkeypatch.setenv(var, str(d))
    monkeypatch.delenv("NEWSDIFF_MODEL", raising=False)


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The installed small English pipeline, loaded once for the whole session."""
    from newsdiff.nlp import load_pipeline, resolve_pipeline

    return load_pipeline(resolve_pipeline())
