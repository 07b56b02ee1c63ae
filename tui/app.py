"""The newsdiff Textual app: reads preferences, hosts the comparison screen, exports reports."""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

from newsdiff.config import Config
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.model import Comparison, Source
from newsdiff.textsafe import visible
from tui.background import analysis_running
from tui.screens.main import MainScreen
from tui.store import ReaderStore


def _default_analyze(*args: Any, **kwargs: Any) -> Comparison:
    # Imported on first use so the text is on screen before the engine's imports run.
    from newsdiff.pipeline import analyze

    return analyze(*args, **kwargs)


class NewsdiffApp(App[None]):
    """Compare sources side by side; the analysis runs in a worker while the text is shown."""

    CSS_PATH = "newsdiff.tcss"
    TITLE = "newsdiff"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q", "quit", "Quit", tooltip="Quit (the reading position is remembered)", id="quit"
        ),
        # Textual 8 turns Ctrl+C into "press ctrl+q to quit"; a reading tool should just quit,
        # as every terminal program does (Textual restores the terminal on the way out), with
        # exit code 130 as for Ctrl+C anywhere else (the README's exit code table). Not a
        # priority binding: with text selected, the screen's Ctrl+C copies it first (Textual
        # 8), and only without a selection does the key reach this binding.
        Binding("ctrl+c", "interrupt", "Quit", show=False, id="quit.interrupt"),
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
        self.store = ReaderStore(self.sources, self.config)
        self._gc_paused = False
        self._signals: list[int] = []
        self._keymap_warnings: list[str] = []
        if self.config.keymap:
            self._apply_keymap()

    def _apply_keymap(self) -> None:
        """Remap keys from ``[keymap]``; a bad entry is a one-line warning, never a crash."""
        from tui.keymap import binding_ids, check_keymap
        from tui.screens.help import binding_groups

        known = binding_ids(bindings for _, bindings in binding_groups())
        keymap, self._keymap_warnings = check_keymap(self.config.keymap, known)
        self.store.keymap = keymap
        self.set_keymap(keymap)

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

    def get_default_screen(self) -> MainScreen:
        """The comparison screen is the app's base screen."""
        return MainScreen(
            self.sources,
            analyze=self._analyze,
            model=self.model,
            store=self.store,
        )

    @property
    def main_screen(self) -> MainScreen:
        """The comparison screen, even while a modal is on top (for tests and tools)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        """Apply the remembered theme and start remembering changes."""
        theme = self.store.prefs.theme or self.config.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            # The name comes from config.toml or ui.json: shown as plain, visible text.
            self.notify(
                f"unknown theme {visible(repr(theme))}; using {self.theme}",
                severity="warning",
                markup=False,
            )
        for warning in self._keymap_warnings:
            # Key names come from config.toml: plain, visible text, never markup.
            self.notify(visible(warning), severity="warning", timeout=10, markup=False)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._resume_gc)
        self._handle_termination_signals()

    def _handle_termination_signals(self) -> None:
        """SIGTERM and SIGHUP end the app the normal way, so the terminal is restored.

        Python's default for both is to die on the spot, leaving the terminal in the
        alternate screen with mouse reporting on and the cursor hidden.
        """
        loop = asyncio.get_running_loop()
        for name, code in (("SIGTERM", 143), ("SIGHUP", 129)):
            signum = getattr(signal, name, None)
            if signum is None:  # Windows has no SIGHUP
                continue
            try:
                loop.add_signal_handler(signum, self._quit_with, code)
            except (NotImplementedError, RuntimeError, ValueError):
                continue  # not the main thread, or no signal support in this loop
            self._signals.append(signum)

    def on_unmount(self) -> None:
        """Give the signals back (tests run many apps in one process)."""
        loop = asyncio.get_running_loop()
        for signum in self._signals:
            loop.remove_signal_handler(signum)
        self._signals.clear()

    def _theme_changed(self, theme: Theme) -> None:
        error = self.store.save_prefs(theme=theme.name)
        if error:
            self.notify(error, severity="warning", markup=False)

    async def action_quit(self) -> None:
        """Save the reading position, then quit."""
        self._quit_with(int(ExitCode.OK))

    def action_interrupt(self) -> None:
        """Ctrl+C: save the reading position and quit with exit code 130."""
        self._quit_with(int(ExitCode.INTERRUPTED))

    def _quit_with(self, code: int) -> None:
        error = self.store.save_position()
        if error:
            self.log.warning(error)
        self.exit(return_code=code)

    @staticmethod
    def analysis_left_running() -> bool:
        """After run(): whether the reader quit while the engine was still working."""
        return analysis_running()
