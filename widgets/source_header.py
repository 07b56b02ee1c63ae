"""The heading of one source column: label, publication date and sentence counts."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from newsdiff.model import Source


class SourceHeader(Widget):
    """Label, date (marked when inferred) and counts for one source; dateline, byline and
    warnings in its tooltip.

    Counts stay ``None`` until the analysis arrives, so the header shows the text is not
    analysed yet rather than a misleading zero.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "source-header--label",
        "source-header--inferred",
        "source-header--differ",
        "source-header--only",
    }

    DEFAULT_CSS = """
    SourceHeader {
        height: 2;
        padding: 0 1;
    }
    """

    sentences: reactive[int | None] = reactive(None)
    differing: reactive[int | None] = reactive(None)
    only_here: reactive[int | None] = reactive(None)
    active: reactive[bool] = reactive(False)
    failed: reactive[bool] = reactive(False)
    """The analysis failed: say so instead of "analysing…"."""

    def __init__(self, source: Source, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        # The dateline and byline are cut from the article's text (they are not sentences);
        # the tooltip keeps them within reach. Plain Text: they come from the article.
        lines = []
        if source.dateline:
            lines.append(f"Dateline: {source.dateline}")
        if source.byline:
            lines.append(f"Byline: {source.byline}")
        lines.extend(source.warnings)
        if lines:
            self.tooltip = Text("\n".join(lines))

    def set_counts(self, sentences: int, differing: int, only_here: int) -> None:
        """Show the counts of the analysed source."""
        self.sentences = sentences
        self.differing = differing
        self.only_here = only_here

    def watch_active(self, active: bool) -> None:
        """Mark the header of the focused column (for the CSS)."""
        self.set_class(active, "-active")

    def render(self) -> Text:
        """Two lines (who; when and how much differs); warnings sit in the tooltip."""
        src = self.source
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{src.id} ", style="bold")
        if src.warnings:
            text.append("⚠ ", style=self.get_component_rich_style("source-header--inferred"))
        text.append(src.label, style=self.get_component_rich_style("source-header--label"))
        if src.title:
            text.append(f" — {src.title}")
        second = Text()
        self._second_line(second)
        width = max(1, self.size.width)
        text.truncate(width, overflow="ellipsis")
        second.truncate(width, overflow="ellipsis")
        return Text("\n").join([text, second])

    def _second_line(self, text: Text) -> None:
        src = self.source
        if src.published:
            text.append(src.published)
            if src.published_inferred:
                text.append(
                    " (inferred)", style=self.get_component_rich_style("source-header--inferred")
                )
        else:
            text.append("date unknown")
        if self.sentences is None:
            text.append(" · not analysed" if self.failed else " · analysing…")
        else:
            text.append(f" · {self.sentences} sent · ")
            text.append(
                f"{self.differing} differ",
                style=self.get_component_rich_style("source-header--differ"),
            )
            text.append(" · ")
            text.append(
                f"{self.only_here} only",
                style=self.get_component_rich_style("source-header--only"),
            )
