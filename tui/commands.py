"""Command palette (Ctrl+P) entries: jump to an actor or talk, switch theme, export the report."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import NewsdiffApp


class NewsdiffCommands(Provider):
    """Everything the palette can do in newsdiff, rebuilt from the current analysis."""

    @property
    def newsdiff_app(self) -> NewsdiffApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.newsdiff_app
        commands: list[tuple[str, Callable[[], object], str]] = []
        comparison = app.comparison
        if comparison is not None:
            commands.append(
                ("Export report (Markdown)", app.action_export_report, "Write the report file")
            )
            for entity in comparison.entities:
                commands.append(
                    (
                        f"Jump to actor: {entity.name}",
                        partial(app.jump_to_actor, entity.id),
                        f"{entity.kind}, {len(entity.mentions)} mentions",
                    )
                )
            for talk in comparison.talks:
                commands.append(
                    (
                        f"Jump to talk: {talk.date or 'undated'} {talk.title}",
                        partial(app.jump_to_talk, talk.id),
                        talk.where or talk.status,
                    )
                )
        for theme in sorted(app.available_themes):
            commands.append(
                (f"Theme: {theme}", partial(setattr, app, "theme", theme), "Switch colour theme")
            )
        return commands

    async def discover(self) -> Hits:
        """Shown before typing: the report and the actors."""
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
