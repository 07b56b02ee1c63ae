"""What the reader's session keeps between runs: UI preferences and the reading position.

The app builds one store and hands it to the comparison screen, so neither has to call the
other: the screen saves a preference or reports where the reader is, and the app flushes the
position when it quits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newsdiff import config as config_module
from newsdiff import state
from newsdiff.config import Config, UiPrefs
from newsdiff.errors import NewsdiffError
from newsdiff.model import Source
from newsdiff.textsafe import visible


class ReaderStore:
    """UI preferences (ui.json, falling back to config.toml) and the reading position.

    Failures come back as one-line strings for the caller to show, never as exceptions: losing
    a preference is not worth interrupting the reader for.
    """

    def __init__(self, sources: Sequence[Source], config: Config) -> None:
        self.config = config
        self.prefs = self._load_prefs()
        self._position_key = state.position_key(sources)
        self._position_of: Callable[[], dict[str, Any] | None] = lambda: None
        #: The checked ``[keymap]`` (binding id -> keys) the app applied, for the help screen.
        self.keymap: dict[str, str] = {}

    def _load_prefs(self) -> UiPrefs:
        """What the reader chose last time (ui.json), else the defaults of config.toml.

        ``load_ui_prefs`` never raises: a missing or broken ui.json reads as defaults and is
        rewritten on the next change.
        """
        if not config_module.ui_prefs_path().exists():
            return UiPrefs(sidebar=self.config.sidebar, detail=self.config.detail)
        return config_module.load_ui_prefs()

    def save_prefs(self, **changes: Any) -> str | None:
        """Remember UI preferences (theme, sidebar, detail); returns an error line or None."""
        prefs = self.prefs.replace(**changes)
        if prefs == self.prefs:
            return None
        self.prefs = prefs
        try:
            config_module.save_ui_prefs(prefs)
        except (NewsdiffError, OSError) as err:
            return f"could not save preferences: {visible(str(err))}"
        return None

    def load_position(self) -> tuple[dict[str, Any] | None, str | None]:
        """Where the reader left these same articles last time, and an error line if any."""
        try:
            return state.load_position(self._position_key), None
        except (NewsdiffError, OSError) as err:
            return None, f"could not read last position: {visible(str(err))}"

    def track_position(self, position_of: Callable[[], dict[str, Any] | None]) -> None:
        """Tell the store how to ask for the current position (the screen registers itself)."""
        self._position_of = position_of

    def save_position(self) -> str | None:
        """Remember the reading position for the next run; returns an error line or None."""
        position = self._position_of()
        if position is None:
            return None
        try:
            state.save_position(self._position_key, position)
        except (NewsdiffError, OSError) as err:
            return f"could not save position: {visible(str(err))}"
        return None
