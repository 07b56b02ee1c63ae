"""The Ctrl+O prompt: a file path or URL to open as one more column."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class OpenSourceScreen(ModalScreen[str | None]):
    """Type a path or an http(s) URL; Enter opens it, Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="dialog.close")]

    DEFAULT_CSS = """
    OpenSourceScreen {
        align: center top;
    }
    OpenSourceScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        margin-top: 2;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        """The path box and a hint."""
        with Vertical(id="open-box") as box:
            box.border_title = "Open another article"
            yield Input(placeholder="a.txt, ~/news/b.html or https://…", id="open-input")
            yield Static("Enter opens it as a new column and analyses again; Esc closes.")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
