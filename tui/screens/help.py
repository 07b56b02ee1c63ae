"""The ``?`` screen: every key binding of the app, grouped by where it works."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

#: Keys Textual itself provides that the reader should also know about.
BUILTIN = (("ctrl+p", "Command palette: jump to actor or talk, theme, export report"),)


def binding_groups() -> list[tuple[str, list[BindingType]]]:
    """The app's bindings by where they work: the source of the help and of the keymap ids."""
    from tui.app import NewsdiffApp
    from tui.screens.export import ExportScreen
    from tui.screens.main_keys import MAIN_BINDINGS
    from tui.screens.search import SearchScreen
    from tui.screens.warnings import WarningsScreen
    from widgets.actor_list import ActorList
    from widgets.article_pane import ArticlePane
    from widgets.difference_list import DifferenceList

    filters: list[BindingType] = [
        b
        for b in DifferenceList.BINDINGS
        if isinstance(b, Binding) and (b.id or "").startswith("differences.filter")
    ]
    return [
        ("Reading", list(ArticlePane.BINDINGS)),
        ("Comparison", list(MAIN_BINDINGS)),
        ("Lists", list(ActorList.BINDINGS)),
        ("Differences list", filters),
        (
            "Dialogs",
            [
                *HelpScreen.BINDINGS,
                *WarningsScreen.BINDINGS,
                *ExportScreen.BINDINGS,
                *SearchScreen.BINDINGS,
            ],
        ),
        ("App", list(NewsdiffApp.BINDINGS)),
    ]


def binding_rows(keymap: Mapping[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """(where, keys, description, ids) for every binding, read from the classes themselves.

    Reading the real ``BINDINGS`` keeps this screen honest when a binding changes, and the
    keymap (``[keymap]`` in config.toml) replaces the keys of the bindings it names, as
    ``App.set_keymap`` does for the keys themselves.
    """
    keymap = keymap or {}
    rows: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for where, bindings in binding_groups():
        merged: dict[str, tuple[list[str], list[str]]] = {}
        for binding in bindings:
            if not isinstance(binding, Binding):
                continue
            key = keymap.get(binding.id, binding.key) if binding.id else binding.key
            keys = [_pretty(k.strip()) for k in key.split(",")]
            described = binding.tooltip or binding.description or binding.action
            entry = merged.setdefault(described, ([], []))
            entry[0].extend(keys)
            if binding.id:
                entry[1].append(binding.id)
        for description, (keys, ids) in merged.items():
            unique = list(dict.fromkeys(keys))
            if len(unique) > 2 and all(k.isdigit() for k in unique):
                label = f"{unique[0]}-{unique[-1]}"
                id_label = f"{ids[0]}…{ids[-1]}" if ids else ""
            else:
                label = " ".join(unique)
                id_label = " ".join(ids)
            if (where, label) not in seen:
                seen.add((where, label))
                rows.append((where, label, description, id_label))
    rows.extend(("App", key, text, "") for key, text in BUILTIN)
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
    if key in names:
        return names[key]
    if "+" in key:  # ctrl+f -> Ctrl+F, as the README writes keys
        *mods, last = key.split("+")
        return "+".join(
            [
                *(m.capitalize() for m in mods),
                _pretty(last).upper() if len(last) == 1 else _pretty(last),
            ]
        )
    return format_key(key)


class HelpScreen(ModalScreen[None]):
    """A modal table of bindings; Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 110;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        padding: 0 1;
    }
    """

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        """Show the bindings with ``keymap`` (binding id -> keys) applied."""
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        """The table of bindings."""
        table = Table(box=None, expand=True, show_edge=False, padding=(0, 1))
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Keys", style="bold", no_wrap=True)
        table.add_column("What it does", ratio=1)
        table.add_column("[keymap] id", style="dim", no_wrap=True)
        for where, keys, description, ids in binding_rows(self.keymap):
            table.add_row(Text(where), Text(keys), Text(description), Text(ids))
        self.table = table
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys  (Esc closes)"
            yield Static(table)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        """Close the help."""
        self.dismiss(None)
