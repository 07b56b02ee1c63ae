"""The Talks sidebar list: meetings, calls and summits on a timeline, conflicts flagged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdiff.model import Comparison, Talk
from widgets.comparison_list import ComparisonList

#: Statuses of talks that have not happened yet (or are happening), shown first. A postponed
#: talk is still ahead; a cancelled one is listed with the earlier ones, struck through.
UPCOMING = ("scheduled", "ongoing", "postponed")


def talk_order(talk: Talk) -> tuple[int, str, str]:
    """Dated talks first, by date; undated ones after, by title."""
    return (talk.date is None, talk.date or "", talk.title)


def display_date(value: str | None) -> str:
    """A TIMEX-style date as a reader says it: ``Wed Jan 12, 2022``, ``Jun 2021``.

    Anything that is not a plain day or month (weeks, seasons, ``PRESENT_REF``) is shown as is.
    """
    if not value:
        return "undated"
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return f"{day:%a %b} {day.day}, {day.year}"
        if len(value) == 7:
            return f"{date.fromisoformat(value + '-01'):%b %Y}"
    except ValueError:
        pass
    return value


class TalkList(ComparisonList):
    """A timeline of the talks the sources report; scheduled and past talks look different."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "talk-list--scheduled",
        "talk-list--past",
        "talk-list--cancelled",
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

    def _fill(self, comparison: Comparison) -> None:
        """Fill the list from an analysis."""
        names = {e.id: e.name for e in comparison.entities}
        talks = sorted(comparison.talks, key=talk_order)
        upcoming = [t for t in talks if t.status in UPCOMING]
        earlier = [t for t in talks if t.status not in UPCOMING]
        options: list[Option | None] = []
        for title, group in (("Upcoming", upcoming), ("Earlier", earlier)):
            if not group:
                continue
            if options:
                options.append(None)
            options.append(Option(Text(f"{title} ({len(group)})", style="bold"), disabled=True))
            options.extend(Option(self._prompt(t, names), id=t.id) for t in group)
        self.clear_options()
        if options:
            self.add_options(options)
        else:
            self.add_option(Option("No talks found", disabled=True))

    def _prompt(self, talk: Talk, names: dict[str, str]) -> Text:
        status_class = {"past": "talk-list--past", "cancelled": "talk-list--cancelled"}
        status_style = self.get_component_rich_style(
            status_class.get(talk.status, "talk-list--scheduled")
        )
        text = Text()
        text.append(display_date(talk.date), style="bold")
        text.append(f" {talk.status}", style=status_style)
        text.append(f"  in {' '.join(talk.sources)}", style="dim")
        text.append(f"\n  {talk.title}")
        if talk.where and talk.where not in talk.title:
            text.append(f" · {talk.where}")
        people = [names.get(p, p) for p in talk.participants]
        if any(name not in talk.title for name in people):
            text.append(f"\n  {', '.join(people[:4])}", style="dim")
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
