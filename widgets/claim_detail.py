"""The bottom panel: the claim under the cursor, its counterparts word-diffed, and what differs."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdiff.model import Claim, Comparison

_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens with offsets, compared case-insensitively."""
    return [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text)]


def changed_spans(text: str, other: str) -> list[tuple[int, int]]:
    """Offsets of the tokens of ``text`` that ``other`` does not have (difflib on tokens)."""
    mine, theirs = tokens(text), tokens(other)
    matcher = SequenceMatcher(None, [t[2] for t in mine], [t[2] for t in theirs], autojunk=False)
    spans: list[tuple[int, int]] = []
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag in ("replace", "delete") and i2 > i1:
            spans.append((mine[i1][0], mine[i2 - 1][1]))
    return spans


class ClaimDetail(ScrollView):
    """Counterparts side by side with changed words marked, then differences by kind.

    It renders its content to strips itself (Line API) and keeps its virtual height steady
    while the content fits, so following the cursor repaints only this panel instead of
    forcing a layout of the whole screen on every key press.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claim-detail--changed",
        "claim-detail--title",
        "claim-detail--kind",
        "claim-detail--conflict",
        "claim-detail--addition",
        "claim-detail--wording",
    }

    DEFAULT_CSS = """
    ClaimDetail {
        height: 12;
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = False
        self.claim_id: str | None = None
        self.sentence_id: str | None = None
        self._content: RenderableType = Text("Analysing… the claim under the cursor appears here.")
        self._strips: list[Strip] = []
        self._strip_width = -1
        self._shown: tuple[Comparison, Claim | None, str, str] | None = None

    def show_message(self, message: str) -> None:
        """Show a plain line (pending analysis, errors, no claim)."""
        self._shown = None
        self.claim_id = None
        self._set_content(Text(message))

    def show(
        self, comparison: Comparison, claim: Claim | None, source_id: str, sentence_id: str
    ) -> None:
        """Show the claim of one sentence (``None``: it has none) as seen from ``source_id``."""
        self._shown = (comparison, claim, source_id, sentence_id)
        self.sentence_id = sentence_id
        if claim is None:
            self.claim_id = None
            self._set_content(Text(f"{sentence_id}: no claim (heading or fragment)", style="dim"))
            return
        self.claim_id = claim.id
        self._set_content(self._render_claim(comparison, claim, source_id, sentence_id))

    @property
    def text_lines(self) -> list[str]:
        """The rendered lines as plain text (what a screen reader or a test would read)."""
        return [strip.text.rstrip() for strip in self._strips]

    def _set_content(self, content: RenderableType) -> None:
        self._content = content
        self._strip_width = -1
        self._render_strips()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _render_strips(self, *, defer_size: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or not self.is_attached:
            return
        console = self.app.console
        options = console.options.update(width=width, height=None, highlight=False)
        base = self.rich_style
        lines = console.render_lines(self._content, options, style=base, pad=True)
        self._strips = [Strip(line, width) for line in lines]
        self._strip_width = width
        if defer_size:  # called while painting: change the layout after this frame
            self.call_after_refresh(self._sync_virtual_size)
        else:
            self._sync_virtual_size()

    def _sync_virtual_size(self) -> None:
        width = self._strip_width
        height = max(len(self._strips), self.scrollable_content_region.height)
        if width > 0 and self.virtual_size != Size(width, height):
            self.virtual_size = Size(width, height)

    def on_resize(self) -> None:
        """Re-render for the new width (side by side or stacked)."""
        if self._shown is not None:
            self.show(*self._shown)
        else:
            self._render_strips()

    def notify_style_update(self) -> None:
        """Theme changed: re-render with the new component styles."""
        super().notify_style_update()
        self._strip_width = -1
        if self.is_attached:
            self.call_after_refresh(self._refresh_content)

    def _refresh_content(self) -> None:
        self._render_strips()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One line of the pre-rendered content (Line API)."""
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if self._strip_width != width and width > 0:
            # The width changed without a resize (the scrollbar came or went once the content
            # was measured): render for the width there is now instead of painting blanks.
            if self._shown is not None:
                comparison, claim, source_id, sentence_id = self._shown
                if claim is not None:  # a claim's layout depends on the width
                    self._content = self._render_claim(comparison, claim, source_id, sentence_id)
            self._render_strips(defer_size=True)
        if self._strip_width != width:
            return Strip.blank(width, self.rich_style)
        if line < len(self._strips):
            return self._strips[line]
        return Strip.blank(width, self.rich_style)

    def _render_claim(
        self, comparison: Comparison, claim: Claim, source_id: str, sentence_id: str
    ) -> RenderableType:
        changed = self.get_component_rich_style("claim-detail--changed")
        title = Text(style=self.get_component_rich_style("claim-detail--title"))
        title.append(f"{claim.id} · {claim.status}")
        if claim.status != "only":
            title.append(f" · similarity {claim.similarity:.2f}")
        texts: dict[str, str] = {}
        for src_id in [source_id, *[s for s in claim.sentences if s != source_id]]:
            src = comparison.source(src_id)
            if src_id == source_id:
                ids: tuple[str, ...] = (sentence_id,)
            elif src_id in claim.sentences:
                ids = (claim.sentences[src_id], *claim.extra.get(src_id, ()))
            else:
                continue
            texts[src_id] = " ".join(" ".join(src.sentence_text(i).split()) for i in ids)
        if claim.status == "only":
            others = [s.id for s in comparison.sources if s.id != source_id]
            title.append(f" · not reported by {', '.join(others)}")
        # Side by side while each column keeps ~30 cells; stacked on narrow terminals.
        side_by_side = self.scrollable_content_region.width // max(1, len(texts)) >= 30
        table = Table.grid(padding=(0, 2), expand=True)
        for _ in texts if side_by_side else [None]:
            table.add_column(ratio=1)
        cells: list[Text] = []
        for src_id, text in texts.items():
            cell = Text(f"{src_id}  ", style="bold")
            body = Text(text)
            others = [t for other, t in texts.items() if other != src_id]
            for other in others:
                for start, end in changed_spans(text, other):
                    body.stylize(changed, start, end)
            cell.append_text(body)
            cells.append(cell)
        if side_by_side:
            table.add_row(*cells)
        else:
            for cell in cells:
                table.add_row(cell)
        parts: list[RenderableType] = [title, table]
        if claim.differences:
            diffs = Table(box=None, padding=(0, 2), expand=True, show_edge=False)
            diffs.add_column("class", style=self.get_component_rich_style("claim-detail--kind"))
            diffs.add_column("kind", style=self.get_component_rich_style("claim-detail--kind"))
            order = list(texts) + [s for s in claim.sentences if s not in texts]
            for src_id in order:
                diffs.add_column(src_id, ratio=1)
            for diff in claim.differences:  # conflicts first: the engine orders them so
                diffs.add_row(
                    Text(
                        diff.cls, style=self.get_component_rich_style(f"claim-detail--{diff.cls}")
                    ),
                    diff.kind,
                    *[Text(diff.values.get(s, "—")) for s in order],
                )
            parts.append(diffs)
        return Group(*parts)
