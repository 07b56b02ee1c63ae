"""The Actors sidebar list: entities grouped by kind, with roles and mentions per source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdiff.model import Comparison, Entity
from widgets.article_pane import entity_colors

#: Sidebar groups in display order, keyed by ``Entity.kind``.
GROUPS = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("group", "Groups"),
    ("other", "Other"),
)


def actor_prompt(entity: Entity, source_ids: tuple[str, ...], color: str) -> Text:
    """Two-line prompt: colour swatch and name, then roles and mentions per source."""
    text = Text()
    text.append("● ", style=color)
    text.append(entity.name, style="bold")
    if len(source_ids) > 1 and len(entity.sources) == 1:
        text.append(f"  only {entity.sources[0]}", style="italic reverse")
    counts = "  ".join(f"{sid}:{entity.mention_count(sid)}" for sid in source_ids)
    text.append(f"\n  {counts}", style="dim")
    if entity.roles:
        text.append(f"  {', '.join(entity.roles[:2])}", style="italic")
    return text


class ActorList(OptionList):
    """Actors grouped by kind; choosing one highlights its mentions in every column."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]

    DEFAULT_CSS = """
    ActorList {
        height: 1fr;
    }
    """

    @dataclass
    class EntityChosen(Message):
        """The reader chose an actor."""

        actor_list: ActorList
        entity_id: str

        @property
        def control(self) -> ActorList:
            """The list the actor was chosen in."""
            return self.actor_list

    def show(self, comparison: Comparison) -> None:
        """Fill the list from an analysis."""
        source_ids = tuple(s.id for s in comparison.sources)
        colors = entity_colors(comparison.entities)
        options: list[Option | None] = []
        for kind, title in GROUPS:
            members = [e for e in comparison.entities if e.kind == kind]
            if not members:
                continue
            members.sort(key=lambda e: (-len(e.mentions), e.name.casefold()))
            if options:
                options.append(None)
            options.append(Option(Text(f"{title} ({len(members)})", style="bold"), disabled=True))
            options.extend(
                Option(actor_prompt(e, source_ids, colors[e.id]), id=e.id) for e in members
            )
        self.clear_options()
        self.add_options(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.EntityChosen(self, event.option_id))
