"""The ``?`` screen: every key binding of the app, grouped by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: Keys Textual itself provides that the reader should also know about.
BUILTIN = (("ctrl+p", "Command palette: jump to actor or talk, theme, export report"),)


def binding_rows() -> list[tuple[str, str, str]]:
    """(where, keys, description) for every binding, read from the classes themselves.

    Reading the real ``BINDINGS`` keeps this screen honest when a binding changes.
    """
    from tui.app import NewsdiffApp
    from tui.screens.main import MainScreen
    from widgets.article_pane import ArticlePane

    rows: list[tuple[str, str, str]] = []
    groups: list[tuple[str, list[BindingType]]] = [
        ("Reading", list(ArticlePane.BINDINGS)),
        ("Comparison", list(MainScreen.BINDINGS)),
        ("App", list(NewsdiffApp.BINDINGS)),
    ]
    seen: set[tuple[str, str]] = set()
    for where, bindings in groups:
        merged: dict[str, list[str]] = {}
        for binding in bindings:
            if not isinstance(binding, Binding):
                continue
            keys = [_pretty(k) for k in binding.key.split(",")]
            described = binding.tooltip or binding.description or binding.action
            merged.setdefault(described, []).extend(keys)
        for description, keys in merged.items():
            unique = list(dict.fromkeys(keys))
            if len(unique) > 2 and all(k.isdigit() for k in unique):
                label = f"{unique[0]}-{unique[-1]}"
            else:
                label = " ".join(unique)
            if (where, label) not in seen:
                seen.add((where, label))
                rows.append((where, label, description))
    rows.extend(("App", key, text) for key, text in BUILTIN)
    return rows


def _pretty(key: str) -> str:
    names = {
        "right_square_bracket": "]",
        "left_square_bracket": "[",
        "slash": "/",
        "question_mark": "?",
        "shift+tab": "Shift+Tab",
        "tab": "Tab",
        "escape": "Esc",
        "down": "↓",
        "up": "↑",
    }
    return names.get(key, key)


class HelpScreen(ModalScreen[None]):
    """A modal table of bindings; Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        """The table of bindings."""
        table = Table(box=None, expand=True, show_edge=False, padding=(0, 1))
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Keys", style="bold", no_wrap=True)
        table.add_column("What it does", ratio=1)
        for where, keys, description in binding_rows():
            table.add_row(where, keys, description)
        self.table = table
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys  (Esc closes)"
            yield Static(table)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        """Close the help."""
        self.dismiss(None)
