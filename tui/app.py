"""The newsdiff Textual app: reads preferences, hosts the comparison screen, exports reports."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

import platformdirs
from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

from newsdiff import config as config_module
from newsdiff import state
from newsdiff.config import Config, UiPrefs
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.model import Comparison, Source
from newsdiff.textsafe import visible
from tui.commands import NewsdiffCommands
from tui.screens.main import MainScreen


def _default_analyze(*args: Any, **kwargs: Any) -> Comparison:
    # Imported on first use so the text is on screen before the engine's imports run.
    from newsdiff.pipeline import analyze

    return analyze(*args, **kwargs)


def unused_path(directory: Path, stem: str, suffix: str) -> Path:
    """A path in ``directory`` that does not exist yet (``stem-2.md``, ...); never overwrites."""
    candidate = directory / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = directory / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


class NewsdiffApp(App[None]):
    """Compare sources side by side; the analysis runs in a worker while the text is shown."""

    CSS_PATH = "newsdiff.tcss"
    TITLE = "newsdiff"
    COMMANDS = App.COMMANDS | {NewsdiffCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit (the reading position is remembered)"),
        # Textual 8 turns Ctrl+C into "press ctrl+q to quit"; a reading tool should just quit,
        # as every terminal program does (Textual restores the terminal on the way out).
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        sources: Sequence[Source],
        *,
        model: str | None = None,
        config: Config | None = None,
        analyze: Callable[..., Comparison] | None = None,
    ) -> None:
        """Set up the app; ``analyze`` defaults to ``newsdiff.pipeline.analyze`` (tests inject)."""
        super().__init__()
        if not sources:
            raise NewsdiffError("no sources to compare", ExitCode.USAGE)
        self.sources = tuple(sources)
        self.config = config or Config()
        self.model = model if model is not None else self.config.model
        self._analyze = analyze or _default_analyze
        self.prefs = self._load_prefs()
        self._gc_paused = False
        self._position_key = state.position_key(self.sources)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app after moving every object alive now out of the garbage collector's way.

        The imports leave tens of thousands of long-lived objects (modules, classes, parsed
        CSS) that the collections triggered while building the first frame would scan again
        and again; freezing them cut App.run -> first paint from ~84 to ~68 ms. The collector
        also pauses until the first frame is drawn (on_mount turns it back on after it), and
        it is turned on then even if the caller paused it earlier: pausing it before importing
        this module saves ~20 ms more of start-up, and the app is where it ends.
        """
        gc.freeze()
        self._gc_paused = True
        gc.disable()
        try:
            return super().run(*args, **kwargs)
        finally:
            gc.enable()

    def _resume_gc(self) -> None:
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def _load_prefs(self) -> UiPrefs:
        """What the reader chose last time (ui.json), else the defaults of config.toml.

        ``load_ui_prefs`` never raises: a missing or broken ui.json reads as defaults and is
        rewritten on the next change.
        """
        if not config_module.ui_prefs_path().exists():
            return UiPrefs(sidebar=self.config.sidebar, detail=self.config.detail)
        return config_module.load_ui_prefs()

    def get_default_screen(self) -> MainScreen:
        """The comparison screen is the app's base screen."""
        return MainScreen(
            self.sources,
            analyze=self._analyze,
            model=self.model,
            sidebar=self.prefs.sidebar,
            detail=self.prefs.detail,
        )

    @property
    def main_screen(self) -> MainScreen:
        """The comparison screen, even while a modal is on top."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def comparison(self) -> Comparison | None:
        """The analysis, once it has arrived."""
        return self.main_screen.comparison

    def on_mount(self) -> None:
        """Apply the remembered theme and start remembering changes."""
        theme = self.prefs.theme or self.config.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            # The name comes from config.toml or ui.json: shown as plain, visible text.
            self.notify(
                f"unknown theme {visible(repr(theme))}; using {self.theme}",
                severity="warning",
                markup=False,
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._resume_gc)

    def _theme_changed(self, theme: Theme) -> None:
        self.save_prefs(theme=theme.name)

    def save_prefs(self, **changes: Any) -> None:
        """Remember UI preferences (theme, sidebar, detail) in ui.json."""
        prefs = replace(self.prefs, **changes)
        if prefs == self.prefs:
            return
        self.prefs = prefs
        try:
            config_module.save_ui_prefs(prefs)
        except (NewsdiffError, OSError) as err:
            self.notify(
                f"could not save preferences: {visible(str(err))}", severity="warning", markup=False
            )

    def load_position(self) -> dict[str, Any] | None:
        """Where the reader left these same articles last time."""
        try:
            return state.load_position(self._position_key)
        except (NewsdiffError, OSError) as err:
            self.notify(
                f"could not read last position: {visible(str(err))}",
                severity="warning",
                markup=False,
            )
            return None

    def save_position(self) -> None:
        """Remember the reading position for the next time these articles open."""
        if self.main_screen.comparison is None:
            return
        try:
            state.save_position(self._position_key, self.main_screen.position())
        except (NewsdiffError, OSError) as err:
            self.log.warning(f"could not save position: {err}")

    async def action_quit(self) -> None:
        """Save the position, then quit."""
        self.save_position()
        self.exit()

    def jump_to_actor(self, entity_id: str) -> None:
        """Palette: highlight an actor and jump to its first mentions."""
        self.main_screen.choose_entity(entity_id)

    def jump_to_talk(self, talk_id: str) -> None:
        """Palette: jump to a talk's evidence."""
        self.main_screen.choose_talk(talk_id)

    def action_export_report(self) -> None:
        """Write the Markdown report to the documents folder and say where."""
        from newsdiff.report import render_markdown

        comparison = self.comparison
        if comparison is None:
            self.notify("The analysis has not finished yet", severity="warning")
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            directory = platformdirs.user_documents_path()
            directory.mkdir(parents=True, exist_ok=True)
            path = unused_path(directory, f"newsdiff-report-{stamp}", ".md")
            with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
                handle.write(render_markdown(comparison))
        except OSError as err:
            self.notify(
                f"could not write report: {visible(str(err.strerror or err))}",
                severity="error",
                markup=False,
            )
            return
        self.notify(visible(str(path)), title="Report written", markup=False)
