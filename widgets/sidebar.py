"""The sidebar: actors and talks stacked in one overview, the differences list, the legend."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.compose import compose
from textual.containers import Vertical
from textual.widgets import OptionList, Static, TabbedContent, TabPane

from newsdiff.model import Comparison
from widgets.actor_list import ActorList
from widgets.difference_list import DifferenceList
from widgets.legend import Legend
from widgets.talk_list import TalkList


class Sidebar(Vertical):
    """What the story is about at a glance: actors above, talks below, both always visible.

    The product promises a summary of the actors and the scheduled talks, so they share the
    first tab as two stacked sections (each scrolls on its own, and each shrinks on a short
    terminal) rather than hiding one behind a tab; the differences keep a tab of their own.
    """

    DEFAULT_CSS = """
    Sidebar TabbedContent {
        height: 1fr;
    }
    Sidebar TabPane {
        padding: 0;
        height: 1fr;
    }
    Sidebar .sidebar--section {
        height: 1;
        padding: 0 1;
        text-style: bold;
    }
    Sidebar #actors {
        height: 5fr;
        min-height: 3;
    }
    Sidebar #talks {
        height: 6fr;
        min-height: 3;
    }
    Sidebar #differences {
        height: 1fr;
    }
    """

    async def populate(self) -> None:
        """Mount the tabs and lists; the screen calls this once the article text is on screen.

        They are about half of the screen's widgets (and of its styling and rendering work),
        and nothing in them is useful before the analysis arrives, so the first frame leaves
        them out.
        """
        await self.mount_all(compose(self, self._children()))

    def _children(self) -> ComposeResult:
        """Overview (actors + talks) and Differences (with the legend) tabs."""
        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Actors & talks", id="tab-overview"):
                yield Static("Actors", id="actors-title", classes="sidebar--section")
                yield ActorList(id="actors")
                yield Static("Talks", id="talks-title", classes="sidebar--section")
                yield TalkList(id="talks")
            with TabPane("Differences", id="tab-differences"):
                yield DifferenceList(id="differences")
                # The key to the text styles sits with the differences it explains, so the
                # overview keeps every row for the actors and the talks.
                yield Legend(id="legend")

    @property
    def lists(self) -> tuple[ActorList, TalkList, DifferenceList]:
        """The three lists, in display order."""
        return self.query_one(ActorList), self.query_one(TalkList), self.query_one(DifferenceList)

    def show_message(self, message: str) -> None:
        """Put one disabled line in every list (before the analysis, or after a failure)."""
        for widget in self.lists:
            widget.clear_options()
            widget.add_option(message)

    def hold_choices(self, hold: bool) -> None:
        """Ignore Enter in the lists while they hold a placeholder line."""
        for widget in self.lists:
            if hold:
                widget.disable_messages(OptionList.OptionSelected)
            else:
                widget.enable_messages(OptionList.OptionSelected)

    def show(self, comparison: Comparison) -> None:
        """Fill every list from an analysis, with counts in the section titles."""
        for widget in self.lists:
            widget.show(comparison)
        upcoming = sum(1 for t in comparison.talks if t.status in ("scheduled", "ongoing"))
        self.query_one("#actors-title", Static).update(
            Text.assemble("Actors ", (f"({len(comparison.entities)})", "dim"))
        )
        self.query_one("#talks-title", Static).update(
            Text.assemble(
                "Talks ",
                (f"({upcoming} upcoming of {len(comparison.talks)})", "dim"),
            )
        )

    def open(self, tab: str) -> None:
        """Show one tab: ``overview`` or ``differences``."""
        self.query_one(TabbedContent).active = f"tab-{tab}"
