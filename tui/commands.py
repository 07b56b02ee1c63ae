"""Command palette (Ctrl+P) entries: jump to an actor or talk, switch theme, export the report.

The provider is registered on the comparison screen (``MainScreen.COMMANDS``) and talks to
the screen it was opened from (``Provider.screen``), never to the app's internals.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class NewsdiffCommands(Provider):
    """Everything the palette can do in newsdiff, rebuilt from the current analysis."""

    @property
    def main_screen(self) -> MainScreen:
        """The comparison screen the palette was opened from, typed."""
        return self.screen  # type: ignore[return-value]

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen = self.main_screen
        app = self.app
        commands: list[tuple[str, Callable[[], object], str]] = []
        comparison = screen.comparison
        if comparison is not None:
            commands.append(
                (
                    "Export report (Markdown)",
                    partial(screen.action_export, ".md"),
                    "Write the Markdown report to a new file",
                )
            )
            commands.append(
                (
                    "Export analysis (JSON)",
                    partial(screen.action_export, ".json"),
                    "Write the --json output to a new file",
                )
            )
            for entity in comparison.entities:
                commands.append(
                    (
                        f"Jump to actor: {entity.name}",
                        partial(screen.choose_entity, entity.id),
                        f"{entity.kind}, {len(entity.mentions)} mentions",
                    )
                )
            for talk in comparison.talks:
                commands.append(
                    (
                        f"Jump to talk: {talk.date or 'undated'} {talk.title}",
                        partial(screen.choose_talk, talk.id),
                        talk.where or talk.status,
                    )
                )
        for theme in sorted(app.available_themes):
            commands.append(
                (f"Theme: {theme}", partial(setattr, app, "theme", theme), "Switch colour theme")
            )
        return commands

    async def discover(self) -> Hits:
        """Shown before typing: the exports and the actors."""
        for name, callback, help_text in self._commands():
            if not name.startswith("Theme:"):
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match every command."""
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
