"""The Actors sidebar list: entities grouped by kind, with roles and mentions per source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdiff.model import Comparison, Entity
from widgets.entity_colors import EntityLook, entity_looks, is_low_color

#: Sidebar groups in display order, keyed by ``Entity.kind``.
GROUPS = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("group", "Groups"),
    ("other", "Other"),
)


def actor_prompt(
    entity: Entity, source_ids: tuple[str, ...], look: EntityLook, background: str | None = None
) -> Text:
    """Two-line prompt: colour swatch and name, then roles and mentions per source."""
    text = Text()
    swatch = look.style(low_color=False, background=background)
    text.append(f"{look.swatch} ", style=Style(color=swatch.color))
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

    _comparison: Comparison | None = None
    _low_color: bool | None = None
    _background: str | None = None

    def notify_style_update(self) -> None:
        """An ANSI theme or NO_COLOR changes the palette: redraw the swatches."""
        super().notify_style_update()
        if self._comparison is not None and (
            self._low_color != is_low_color(self.app)
            or self._background != self.background_colors[1].hex
        ):
            keep = self.highlighted
            self.show(self._comparison)
            self.highlighted = keep

    def show(self, comparison: Comparison) -> None:
        """Fill the list from an analysis."""
        self._comparison = comparison
        self._low_color = is_low_color(self.app)
        source_ids = tuple(s.id for s in comparison.sources)
        looks = entity_looks(comparison.entities, low_color=self._low_color)
        background = self._background = self.background_colors[1].hex
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
                Option(actor_prompt(e, source_ids, looks[e.id], background), id=e.id)
                for e in members
            )
        self.clear_options()
        self.add_options(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.EntityChosen(self, event.option_id))
