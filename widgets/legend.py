"""A key to the styles the article panes use, so readers need not guess."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class Legend(Horizontal):
    """Samples of each style; the samples use the same CSS classes as the panes' component classes.

    Colours live in the app's stylesheet next to the ``article-pane--*`` rules, so a theme
    restyles both at once.
    """

    DEFAULT_CSS = """
    Legend {
        height: auto;
        layout: grid;
        grid-size: 3;
        grid-gutter: 0 1;
        padding: 0 1;
    }
    Legend > Static {
        width: auto;
    }
    """

    def compose(self) -> ComposeResult:
        """One sample per style."""
        yield Static("agrees", classes="legend-sample legend--agree")
        yield Static("differs", classes="legend-sample legend--differ")
        yield Static("only here", classes="legend-sample legend--only")
        yield Static("cursor", classes="legend-sample legend--cursor")
        yield Static("aligned", classes="legend-sample legend--aligned")
        yield Static("actor", classes="legend-sample legend--entity-focus")
