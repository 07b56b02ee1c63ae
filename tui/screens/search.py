"""The ``/`` screen: fuzzy search over every sentence of every source."""

from __future__ import annotations

from typing import ClassVar

from rapidfuzz import fuzz, process, utils
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsdiff.model import Comparison

#: Partial-ratio scores below this are noise: "generated" scores 83 against "Geneva".
SCORE_CUTOFF = 85
LIMIT = 50


def search_sentences(comparison: Comparison, query: str) -> list[tuple[str, float, str]]:
    """Best matching sentences as (sentence id, score, text), best first, then reading order."""
    if not utils.default_process(query):
        return []
    choices = {
        sent.id: source.text[sent.start : sent.end]
        for source in comparison.sources
        for sent in source.sentences
    }
    order = {sid: i for i, sid in enumerate(choices)}
    found = process.extract(
        query,
        choices,
        scorer=fuzz.partial_ratio,
        processor=utils.default_process,
        score_cutoff=SCORE_CUTOFF,
        limit=LIMIT,
    )
    found.sort(key=lambda hit: (-hit[1], order[hit[2]]))
    return [(sid, score, text) for text, score, sid in found]


class SearchScreen(ModalScreen[str | None]):
    """Type to search; Enter or a click jumps to the sentence; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="dialog.close"),
        Binding("down", "results", "Results", show=False, id="search.results"),
    ]

    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
    }
    SearchScreen > Vertical {
        width: 90%;
        max-width: 120;
        height: auto;
        max-height: 80%;
        margin-top: 2;
    }
    SearchScreen OptionList {
        height: auto;
        max-height: 20;
    }
    """

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        """Query box, hint and results."""
        with Vertical(id="search-box"):
            yield Input(placeholder="Search all sources…", id="search-input")
            yield Static("Type to search; Enter jumps to the best match.", id="search-hint")
            yield OptionList(id="search-results")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        hits = search_sentences(self.comparison, event.value)
        for sid, score, text in hits:
            prompt = Text()
            prompt.append(f"{sid:>5} ", style="bold")
            prompt.append(f"{score:3.0f} ", style="dim")
            prompt.append(" ".join(text.split()))
            results.add_option(Option(prompt, id=sid))
        hint = f"{len(hits)} matching sentences" if event.value.strip() else "Type to search."
        self.query_one("#search-hint", Static).update(hint)
        if hits:
            results.highlighted = 0

    @on(Input.Submitted)
    def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        option = results.highlighted_option
        if option is not None:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_results(self) -> None:
        """Arrow down from the query box into the results."""
        results = self.query_one("#search-results", OptionList)
        if results.option_count and not results.has_focus:
            results.focus()

    def action_close(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
