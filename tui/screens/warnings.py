"""The ``!`` screen: every warning about the sources (guessed years, borrowed dates, encodings)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from newsdiff.model import Source
from newsdiff.textsafe import visible


def source_warnings(sources: Sequence[Source]) -> list[tuple[str, str]]:
    """(source label, warning) for every source: ingest warnings and inferred dates.

    An inferred publication date moves every relative date of that source ("Thursday"), so it
    is listed with the warnings the reader should check, not only marked in the header.
    """
    rows: list[tuple[str, str]] = []
    for src in sources:
        label = f"{src.id} {visible(src.label)}"
        if src.published_inferred and src.published:
            rows.append(
                (
                    label,
                    f"no publication date of its own; {src.published} was borrowed from the "
                    "other sources, and its relative dates (Thursday, tomorrow) count from it",
                )
            )
        rows.extend((label, visible(w)) for w in src.warnings)
    return rows


class WarningsScreen(ModalScreen[None]):
    """A modal list of warnings; Escape, q or ! closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,exclamation_mark", "dismiss", "Close", id="warnings.close"),
    ]

    DEFAULT_CSS = """
    WarningsScreen {
        align: center middle;
    }
    WarningsScreen > VerticalScroll {
        width: 100;
        max-width: 100%;
        height: auto;
        max-height: 80%;
        padding: 0 1;
        border: round $warning;
        background: $surface;
    }
    """

    def __init__(self, sources: Sequence[Source]) -> None:
        """List the warnings of these sources (analysed ones, when the analysis is there)."""
        super().__init__()
        self.rows = source_warnings(sources)

    def compose(self) -> ComposeResult:
        """One paragraph per warning, plain text (warnings quote the articles)."""
        with VerticalScroll(id="warnings-body") as body:
            body.border_title = f"Warnings ({len(self.rows)})  Esc closes"
            if not self.rows:
                yield Static("No warnings: every source has its own date and read cleanly.")
            for label, line in self.rows:
                yield Static(Text.assemble((label, "bold"), "  ", line), classes="warning")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        """Close the list."""
        self.dismiss(None)
