"""The Talks sidebar list: meetings, calls and summits on a timeline, conflicts flagged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdiff.model import Comparison, Talk


def talk_order(talk: Talk) -> tuple[int, str, str]:
    """Dated talks first, by date; undated ones after, by title."""
    return (talk.date is None, talk.date or "", talk.title)


class TalkList(OptionList):
    """A timeline of the talks the sources report; scheduled and past talks look different."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "talk-list--scheduled",
        "talk-list--past",
        "talk-list--conflict",
    }

    DEFAULT_CSS = """
    TalkList {
        height: 1fr;
    }
    """

    @dataclass
    class TalkChosen(Message):
        """The reader chose a talk."""

        talk_list: TalkList
        talk_id: str

        @property
        def control(self) -> TalkList:
            """The list the talk was chosen in."""
            return self.talk_list

    def show(self, comparison: Comparison) -> None:
        """Fill the list from an analysis."""
        names = {e.id: e.name for e in comparison.entities}
        options: list[Option] = []
        for talk in sorted(comparison.talks, key=talk_order):
            options.append(Option(self._prompt(talk, names), id=talk.id))
        self.clear_options()
        if options:
            self.add_options(options)
        else:
            self.add_option(Option("No talks found", disabled=True))

    def _prompt(self, talk: Talk, names: dict[str, str]) -> Text:
        status_style = self.get_component_rich_style(
            "talk-list--past" if talk.status == "past" else "talk-list--scheduled"
        )
        text = Text()
        text.append(talk.date or "undated", style="bold")
        text.append(f" {talk.status}", style=status_style)
        text.append(f"\n  {talk.title}")
        if talk.where:
            text.append(f" · {talk.where}")
        if talk.participants:
            people = ", ".join(names.get(p, p) for p in talk.participants[:4])
            text.append(f"\n  {people}", style="dim")
        text.append(f"\n  in {' '.join(talk.sources)}", style="dim")
        if talk.conflict:
            reason = talk.conflict_reason or "sources disagree"
            text.append(
                f"\n  ⚠ {reason}", style=self.get_component_rich_style("talk-list--conflict")
            )
        return text

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.TalkChosen(self, event.option_id))
