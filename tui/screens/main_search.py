"""The comparison screen's pager search: ``/`` highlights every match, ``n``/``N`` step."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import Input, Static

from tui.screens.main_base import ComparisonParts


class PagerSearch(ComparisonParts):
    """Search like a pager: every match in every column, then match by match with a count."""

    def action_search(self) -> None:
        """Open the search line, as a pager's ``/`` does."""
        bar = self.query_one("#search-bar", Input)
        bar.value = self._query
        bar.display = True
        bar.focus()

    @on(Input.Submitted, "#search-bar")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_search_bar()
        self.search_for(event.value)

    def _close_search_bar(self) -> None:
        bar = self.query_one("#search-bar", Input)
        if bar.display:
            bar.display = False
            self.focused_pane.focus()

    def search_for(self, query: str) -> None:
        """Highlight every match in every column and go to the first one after the cursor."""
        from tui.pager_search import find_matches

        self._query = query.strip()
        for pane in self.panes:
            pane.set_matches(find_matches(pane.source.text, self._query))
        if not self._query:
            self._show_search_status("")
            return
        self._match_index = -1
        pane = self.focused_pane
        sent = pane.cursor_sentence
        after = sent.start if sent is not None else 0
        following = [i for i, (start, _) in enumerate(pane.matches) if start >= after]
        if pane.matches:
            self._match_index = (following[0] if following else 0) - 1
        self._step_match(1)

    def _step_match(self, step: int) -> None:
        pane = self.focused_pane
        total = sum(len(p.matches) for p in self.panes)
        if not self._query:
            self.notify("No search yet: / starts one", timeout=3)
            return
        if not pane.matches:
            others = f" ({total} in the other columns)" if total else ""
            self._show_search_status(f"/{self._query}  no match in {pane.source.label}{others}")
            return
        count = len(pane.matches)
        index = (self._match_index + step) % count
        wrapped = (index < self._match_index) if step > 0 else (index > self._match_index)
        self._match_index = index
        pane.show_match(pane.matches[index])
        status = f"/{self._query}  match {index + 1} of {count} in {pane.source.label}"
        if total != count:
            status += f" · {total} in all columns"
        if wrapped and self._match_index >= 0 and count > 1:
            status += "  (wrapped)"
        self._show_search_status(status)

    def _show_search_status(self, line: str) -> None:
        label = self.query_one("#search-status", Static)
        label.update(Text(line))
        label.display = bool(line)

    def action_next_match(self) -> None:
        """Next search match in the current column."""
        self._step_match(1)

    def action_prev_match(self) -> None:
        """Previous search match in the current column."""
        self._step_match(-1)

    def action_fuzzy_search(self) -> None:
        """Fuzzy search across all sources."""
        from tui.screens.search import SearchScreen

        if self.comparison is None:
            return
        self.app.push_screen(SearchScreen(self.comparison), self.jump_to_sentence)
