"""A scrollable, sentence-aware view of one source's text, rendered line by line (Line API)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from newsdiff.model import ClaimStatus, Comparison, Entity, Sentence, Source
from widgets.entity_colors import entity_looks, is_low_color

_WORD = re.compile(r"\s*\S+\s*")
# Control characters would break cell widths; each maps to one space so offsets stay put.
_SANITIZE = {c: " " for c in [*range(0, 32), 127]}


def _width_of(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap text to ``width`` cells as (start, end) character offsets, one pair per line.

    Offsets rather than strings let every line be mapped back to sentences and mentions, and
    one empty pair per blank line keeps the paragraph layout of the source.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    length = len(text)
    while pos <= length:
        newline = text.find("\n", pos)
        para_end = length if newline == -1 else newline
        line_start = pos
        line_width = 0
        for match in _WORD.finditer(text, pos, para_end):
            word_start, word_end = match.span()
            visible_end = word_end
            while visible_end > word_start and text[visible_end - 1].isspace():
                visible_end -= 1
            word_width = _width_of(text[word_start:visible_end])
            if line_width and line_width + word_width > width:
                lines.append((line_start, _rstrip(text, line_start, word_start)))
                # A continuation line starts at the word itself, not at its leading spaces.
                while word_start < visible_end and text[word_start].isspace():
                    word_start += 1
                line_start = word_start
                line_width = 0
                word_width = _width_of(text[word_start:visible_end])
            while word_width > width:  # a word longer than the line: hard break
                cut = word_start + _fit(text, word_start, visible_end, width)
                if line_width:
                    lines.append((line_start, _rstrip(text, line_start, word_start)))
                lines.append((word_start, cut))
                word_start = line_start = cut
                line_width = 0
                word_width = _width_of(text[word_start:visible_end])
            line_width += word_width + (word_end - visible_end)
        lines.append((line_start, _rstrip(text, line_start, para_end)))
        if newline == -1:
            break
        pos = newline + 1
    return lines


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _fit(text: str, start: int, end: int, width: int) -> int:
    """Number of characters from ``start`` that fit in ``width`` cells (at least one)."""
    used = 0
    for i in range(start, end):
        used += _width_of(text[i])
        if used > width:
            return max(1, i - start)
    return end - start


class ArticlePane(ScrollView, can_focus=True):
    """One source's text with claim, entity and cursor styling; only visible lines are rendered.

    The text is wrapped to the pane width by offsets (cached per width, as Toolong does), so a
    50,000-word article costs one wrap per width and a handful of strips per cursor move.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor_down",
            "Sentence",
            key_display="j/k",
            tooltip="Next sentence (the other columns follow)",
            id="sentence.next",
        ),
        Binding("k,up", "cursor_up", "Previous sentence", show=False, id="sentence.prev"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="page.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page.up"),
        Binding("home,g", "cursor_first", "First sentence", show=False, id="sentence.first"),
        Binding("end,G", "cursor_last", "Last sentence", show=False, id="sentence.last"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-pane--cursor",
        "article-pane--aligned",
        "article-pane--differ",
        "article-pane--only",
        "article-pane--entity",
        "article-pane--entity-focus",
        "article-pane--match",
    }

    DEFAULT_CSS = """
    ArticlePane {
        width: 1fr;
        height: 1fr;
        padding: 0 1;
        scrollbar-gutter: stable;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    @dataclass
    class CursorMoved(Message):
        """The cursor landed on a sentence (by key, click or jump); bursts collapse to the last."""

        pane: ArticlePane
        sentence_id: str | None

        @property
        def control(self) -> ArticlePane:
            """The pane whose cursor moved."""
            return self.pane

        def can_replace(self, message: Message) -> bool:
            """Only the newest position of a pane matters when moves queue up."""
            return isinstance(message, ArticlePane.CursorMoved) and message.pane is self.pane

    def __init__(
        self,
        source: Source,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.source = source
        self._sentences: tuple[Sentence, ...] = source.sentences
        self._sentence_starts: list[int] = [s.start for s in self._sentences]
        self._index: dict[str, int] = {s.id: i for i, s in enumerate(self._sentences)}
        self._status: dict[str, ClaimStatus] = {}
        self._mentions: list[tuple[int, int, str]] = []
        self._mention_ends: list[int] = []
        self._entities: tuple[Entity, ...] = ()
        self._entity_styles: dict[str, Style] = {}
        self._low_color = False
        self._wrap_cache: LRUCache[int, list[tuple[int, int]]] = LRUCache(4)
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrap_width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(512)
        self._pane_styles: dict[str, Style] = {}
        self._cursor = -1
        self._aligned = False
        self._extra: frozenset[str] = frozenset()
        self._focus_entity: str | None = None
        self._matches: list[tuple[int, int]] = []
        self._match_ends: list[int] = []
        self._current_match: tuple[int, int] | None = None

    # ----------------------------------------------------------------- data down

    @property
    def cursor_index(self) -> int:
        """Index of the sentence under the cursor, or -1 before the analysis arrives."""
        return self._cursor

    @property
    def cursor_sentence(self) -> Sentence | None:
        """The sentence under the cursor, if any."""
        return self._sentences[self._cursor] if 0 <= self._cursor < len(self._sentences) else None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences known to this pane (empty until the analysis arrives)."""
        return self._sentences

    @property
    def aligned(self) -> bool:
        """Whether the cursor is drawn while unfocused, as the counterpart of another column."""
        return self._aligned

    @property
    def focus_entity(self) -> str | None:
        """The entity whose mentions are highlighted."""
        return self._focus_entity

    @property
    def line_count(self) -> int:
        """Wrapped lines at the current width."""
        return len(self._lines)

    def set_comparison(self, comparison: Comparison) -> None:
        """Take sentences, claim statuses and entity mentions for this source from the analysis."""
        analysed = comparison.source(self.source.id)
        if analysed.text != self.source.text:  # offsets refer to the analysed text: re-wrap it
            self._wrap_cache.clear()
            self._wrap_width = 0
            self._lines = []
        self.source = analysed
        self._sentences = analysed.sentences
        self._sentence_starts = [s.start for s in self._sentences]
        self._index = {s.id: i for i, s in enumerate(self._sentences)}
        self._status = {}
        for claim in comparison.claims:
            for sid in claim.all_sentence_ids():
                if sid not in self._index or (sid in self._status and claim.status == "agree"):
                    continue
                self._status[sid] = claim.status
        mentions: list[tuple[int, int, str]] = []
        self._entities = comparison.entities
        self._entity_styles = {}
        for entity in comparison.entities:
            mentions.extend(
                (m.start, m.end, entity.id) for m in entity.mentions if m.source == analysed.id
            )
        mentions.sort()
        kept: list[tuple[int, int, str]] = []
        for mention in mentions:  # overlapping spans would confuse the bisect below
            if not kept or mention[0] >= kept[-1][1]:
                kept.append(mention)
        self._mentions = kept
        self._mention_ends = [m[1] for m in kept]
        if self._sentences and self._cursor < 0:
            self._cursor = self._first_visible_sentence()
        self._cursor = min(self._cursor, len(self._sentences) - 1)
        if not self._lines:
            self._rewrap()
        self._strips.clear()
        self.refresh()

    def set_focus_entity(self, entity_id: str | None) -> None:
        """Highlight every mention of one entity (or none)."""
        if entity_id != self._focus_entity:
            self._focus_entity = entity_id
            self._strips.clear()
            self.refresh()

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Character spans of the search matches shown in this pane."""
        return self._matches

    def set_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlight every search match (spans into the shown text), or none."""
        self._matches = sorted(spans)
        self._match_ends = [end for _, end in self._matches]
        self._current_match = None
        self._strips.clear()
        self.refresh()

    def show_match(self, span: tuple[int, int]) -> None:
        """Bring one match into view: the cursor goes to its sentence, once there are any."""
        self._current_match = span
        self._strips.clear()
        self.refresh()
        sent = self.source.sentence_at(span[0]) if self._sentences else None
        if sent is not None:
            self.move_cursor_to_id(sent.id, center=True)
        elif self._lines:
            line = self._line_of(span[0])
            height = max(1, self.scrollable_content_region.height)
            if not self.scroll_offset.y <= line < self.scroll_offset.y + height:
                self.scroll_to(y=max(0, line - height // 2), animate=False)

    def set_aligned(self, aligned: bool, extra: Iterable[str] = ()) -> None:
        """Show or hide the counterpart highlight, plus further aligned sentences (one-to-many)."""
        extra_ids = frozenset(extra)
        if aligned != self._aligned or extra_ids != self._extra:
            self._refresh_sentences(self._extra)
            self._aligned = aligned
            self._extra = extra_ids
            self._refresh_sentences(self._extra)
            self._refresh_sentence(self._cursor)

    def mention_offsets(self, entity_id: str) -> list[tuple[int, int]]:
        """Offsets of one entity's mentions in this source, in reading order."""
        return [(s, e) for s, e, eid in self._mentions if eid == entity_id]

    def status_of(self, sentence_id: str) -> ClaimStatus | None:
        """Claim status of one of this pane's sentences."""
        return self._status.get(sentence_id)

    # ------------------------------------------------------------------ cursor

    def index_of(self, sentence_id: str) -> int:
        """Index of a sentence id in this source, or -1."""
        return self._index.get(sentence_id, -1)

    def move_cursor(
        self, index: int, *, post: bool = True, center: bool = False, scroll: bool = True
    ) -> None:
        """Put the cursor on a sentence, scroll it into view and (optionally) tell the screen."""
        if not self._sentences:
            return
        index = max(0, min(index, len(self._sentences) - 1))
        old = self._cursor
        self._cursor = index
        if old != index:
            self._refresh_sentence(old)
            self._refresh_sentence(index)
        if scroll:
            self.scroll_to_sentence(index, center=center)
        if post:
            self.post_message(self.CursorMoved(self, self._sentences[index].id))

    def move_cursor_to_id(
        self, sentence_id: str, *, post: bool = True, center: bool = False
    ) -> bool:
        """Move the cursor to a sentence id; returns False when this source has no such id."""
        index = self.index_of(sentence_id)
        if index >= 0:
            self.move_cursor(index, post=post, center=center)
        return index >= 0

    def scroll_to_sentence(self, index: int, *, center: bool = False) -> None:
        """Bring a whole sentence into view, scrolling as little as possible.

        With ``center``, a sentence that is out of view lands in the middle instead, which is
        easier to find after a jump; one already in view never moves.
        """
        if not (0 <= index < len(self._sentences)) or not self._lines:
            return
        first, last = self._sentence_lines(self._sentences[index])
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if first >= top and last < top + height:
            return
        span = last - first + 1
        if span >= height:
            target = first
        elif center:
            target = first - (height - span) // 2
        elif first < top:
            target = first
        else:
            target = last - height + 1
        target = max(0, target)
        if target > self.max_scroll_y:
            # The layout has not caught up with a new wrap yet; scrolling now would clamp.
            self.call_after_refresh(self.scroll_to, y=target, animate=False)
        else:
            self.scroll_to(y=target, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        """Next sentence (or next line before the analysis arrives)."""
        if self._sentences:
            self.move_cursor(self._cursor + 1)
        else:
            self.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        """Previous sentence (or previous line before the analysis arrives)."""
        if self._sentences:
            self.move_cursor(self._cursor - 1)
        else:
            self.scroll_up(animate=False)

    def action_cursor_first(self) -> None:
        """First sentence."""
        if self._sentences:
            self.move_cursor(0)
        else:
            self.scroll_home(animate=False)

    def action_cursor_last(self) -> None:
        """Last sentence."""
        if self._sentences:
            self.move_cursor(len(self._sentences) - 1)
        else:
            self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        """Scroll a page and put the cursor on the first sentence in view."""
        self.scroll_page_down(animate=False)
        self._cursor_to_view(self.scroll_offset.y + self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        """Scroll a page back and put the cursor on the first sentence in view."""
        self.scroll_page_up(animate=False)
        self._cursor_to_view(self.scroll_offset.y - self.scrollable_content_region.height)

    def _cursor_to_view(self, top_line: int) -> None:
        if not self._sentences or not self._lines:
            return
        top_line = max(0, min(top_line, len(self._lines) - 1))
        offset = self._lines[top_line][0]
        index = max(0, bisect_right(self._sentence_starts, offset) - 1)
        if self._sentences[index].end <= offset and index + 1 < len(self._sentences):
            index += 1
        self.move_cursor(index, scroll=False)

    def _first_visible_sentence(self) -> int:
        if not self._lines:
            return 0
        offset = self._lines[min(self.scroll_offset.y, len(self._lines) - 1)][0]
        index = max(0, bisect_right(self._sentence_starts, offset) - 1)
        return index

    # ----------------------------------------------------------------- layout

    def _sentence_lines(self, sent: Sentence) -> tuple[int, int]:
        first = self._line_of(sent.start)
        last = self._line_of(max(sent.start, sent.end - 1))
        return first, last

    def _line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def _refresh_sentence(self, index: int) -> None:
        if 0 <= index < len(self._sentences) and self._lines:
            first, last = self._sentence_lines(self._sentences[index])
            for y in range(first, last + 1):
                self._strips.discard(y)
            # Repaint only what is on screen: an off-screen region would still widen the
            # compositor's update to rows of unrelated widgets.
            top = self.scroll_offset.y
            first = max(first, top)
            last = min(last, top + self.scrollable_content_region.height - 1)
            if first <= last:
                self.refresh_lines(first, last - first + 1)

    def _refresh_sentences(self, ids: Iterable[str]) -> None:
        for sid in ids:
            self._refresh_sentence(self.index_of(sid))

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrap_width:
            return
        had_lines = bool(self._lines)
        top = min(self.scroll_offset.y, len(self._lines) - 1)
        anchor = self._lines[top][0] if had_lines else 0
        lines = self._wrap_cache.get(width)
        if lines is None:
            lines = wrap_offsets(self.source.text, width)
            self._wrap_cache[width] = lines
        self._lines = lines
        self._line_starts = [start for start, _ in lines]
        self._wrap_width = width
        self._strips.clear()
        self.virtual_size = Size(width, len(lines))
        if had_lines:  # a re-wrap (resize): keep the reader's place once the layout settles
            self.call_after_refresh(self._keep_place, anchor)

    def _keep_place(self, anchor: int) -> None:
        # Decided when it runs, not when scheduled: the cursor may have moved in between.
        if self.cursor_sentence is not None:
            self.scroll_to_sentence(self._cursor, center=True)
        else:
            self.scroll_to(y=self._line_of(anchor), animate=False)

    def on_mount(self) -> None:
        """Wrap once the pane has a width."""
        self._rewrap()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for the new width; the cursor sentence stays in view."""
        self._rewrap()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: forget cached styles and strips (entity colours too, since an
        ANSI theme changes the palette)."""
        super().notify_style_update()
        self._pane_styles = {}
        self._entity_styles = {}
        self._strips.clear()

    def _entity_style(self, entity_id: str) -> Style:
        if not self._entity_styles and self._entities:
            low = is_low_color(self.app)
            self._low_color = low
            background = self.background_colors[1].hex
            self._entity_styles = {
                eid: look.style(low_color=low, background=background)
                for eid, look in entity_looks(self._entities, low_color=low).items()
            }
        return self._entity_styles.get(entity_id, Style())

    def on_focus(self) -> None:
        """The cursor changes style when the pane gains focus."""
        self._refresh_sentence(self._cursor)

    def on_blur(self) -> None:
        """The cursor changes style when the pane loses focus."""
        self._refresh_sentence(self._cursor)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls this column (Textual does that); the cursor follows."""
        self.call_after_refresh(self._cursor_follows_wheel)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls this column (Textual does that); the cursor follows."""
        self.call_after_refresh(self._cursor_follows_wheel)

    def _cursor_follows_wheel(self) -> None:
        """Put the cursor on the first sentence in view, so the other columns follow as with
        j/k; the column under the pointer becomes the current one."""
        if not self._sentences:
            return
        if not self.has_focus:
            self.focus()
        self._cursor_to_view(self.scroll_offset.y)

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked sentence."""
        offset = event.get_content_offset(self)
        if offset is None or not self._sentences or not self._lines:
            return
        y = offset.y + self.scroll_offset.y
        if y >= len(self._lines):
            return
        start, end = self._lines[y]
        char = (
            start + _fit(self.source.text, start, end, offset.x + 1) - 1 if end > start else start
        )
        char = min(char, max(start, end - 1))
        index = max(0, bisect_right(self._sentence_starts, char) - 1)
        self.focus()
        self.move_cursor(index, scroll=False)

    # ----------------------------------------------------------------- render

    def _style(self, name: str) -> Style:
        style = self._pane_styles.get(name)
        if style is None:
            # Text attributes from the component alone, so layers combine (entity colour under
            # a cursor background); colours it declares are taken blended, since Rich styles
            # cannot carry the alpha of ``$accent 40%``.
            partial = self.get_component_rich_style(name, partial=True)
            full = self.get_component_rich_style(name)
            style = partial + Style.from_color(
                full.color if partial.color is not None else None,
                full.bgcolor if partial.bgcolor is not None else None,
            )
            self._pane_styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        """Render one visible line (Line API)."""
        if not self._lines:
            self._rewrap()
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        base = self.rich_style
        if line >= len(self._lines) or width <= 0:
            return Strip.blank(width, base)
        strip = self._strips.get(line)
        if strip is None:
            # Offsets let the screen map a mouse drag to (column, line) for text selection.
            strip = self._render_text_line(line, width, base).apply_offsets(0, line)
            self._strips[line] = strip
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(line)) is not None:
            strip = self._select(strip, span, width)
        return strip

    def _select(self, strip: Strip, span: tuple[int, int], width: int) -> Strip:
        """Draw the selection over part of a line (never cached: selections come and go)."""
        start, end = span
        end = width if end == -1 else min(end, width)
        if end <= start:
            return strip
        before, middle, after = strip.divide([start, end, width])[:3]
        selected = self.screen.get_component_rich_style("screen--selection")
        middle = Strip(
            [
                Segment(text, (style or Style()) + selected, control)
                for text, style, control in middle
            ],
            middle.cell_length,
        )
        return Strip.join([before, middle, after])

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected article text, line by line as wrapped on screen (Ctrl+C copies it)."""
        if not self._lines:
            return None
        text = self.source.text
        lines = "\n".join(text[a:b].translate(_SANITIZE) for a, b in self._lines)
        return selection.extract(lines), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        """Repaint the selection as it grows or goes away."""
        self.refresh()

    def _render_text_line(self, line: int, width: int, base: Style) -> Strip:
        start, end = self._lines[line]
        text = self.source.text
        if end <= start:
            return Strip.blank(width, base)
        cuts = {start, end}
        sentences = self._sentences
        si = max(0, bisect_right(self._sentence_starts, start) - 1)
        k = si
        while k < len(sentences) and sentences[k].start < end:
            cuts.update(c for c in (sentences[k].start, sentences[k].end) if start < c < end)
            k += 1
        mi = bisect_right(self._mention_ends, start)
        m = mi
        while m < len(self._mentions) and self._mentions[m][0] < end:
            cuts.update(c for c in self._mentions[m][:2] if start < c < end)
            m += 1
        if self._matches:
            k = bisect_right(self._match_ends, start)
            while k < len(self._matches) and self._matches[k][0] < end:
                cuts.update(c for c in self._matches[k] if start < c < end)
                k += 1
        points = sorted(cuts)
        segments: list[Segment] = []
        cursor_id = self.cursor_sentence.id if self.cursor_sentence else None
        show_cursor = self.has_focus or self._aligned
        for a, b in pairwise(points):
            while si + 1 < len(sentences) and sentences[si + 1].start <= a:
                si += 1
            style = base
            sent = (
                sentences[si]
                if sentences and sentences[si].start <= a < sentences[si].end
                else None
            )
            on_cursor = False
            if sent is not None:
                status = self._status.get(sent.id)
                if status == "differ":
                    style += self._style("article-pane--differ")
                elif status == "only":
                    style += self._style("article-pane--only")
                if show_cursor and sent.id == cursor_id:
                    on_cursor = True
                    style += self._style(
                        "article-pane--cursor" if self.has_focus else "article-pane--aligned"
                    )
                elif sent.id in self._extra:
                    on_cursor = True
                    style += self._style("article-pane--aligned")
            while mi < len(self._mentions) and self._mentions[mi][1] <= a:
                mi += 1
            if mi < len(self._mentions) and self._mentions[mi][0] <= a:
                entity_id = self._mentions[mi][2]
                style += self._style("article-pane--entity")
                look = self._entity_style(entity_id)
                if self._low_color and (on_cursor or style.bgcolor != base.bgcolor):
                    # With 16 colours a status or cursor background is one of the entity
                    # colours (green on green): keep the text's own colour on any tinted
                    # line, and the bold that marks entities.
                    look = Style(bold=look.bold)
                style += look
                if entity_id == self._focus_entity:
                    style += self._style("article-pane--entity-focus")
            if self._matches:
                k = bisect_right(self._match_ends, a)
                if k < len(self._matches) and self._matches[k][0] <= a:
                    style += self._style("article-pane--match")
                    if self._matches[k] == self._current_match:
                        style += Style(underline=True)
            segments.append(Segment(text[a:b].translate(_SANITIZE), style))
        strip = Strip(segments)
        return strip.crop_extend(0, width, base)

    # ----------------------------------------------------------------- helpers

    def sentence_text(self, index: int) -> str:
        """Text of the sentence at an index."""
        sent = self._sentences[index]
        return self.source.text[sent.start : sent.end]

    def visible_region_of(self, sentence_id: str) -> Region | None:
        """Virtual region (lines) a sentence occupies at the current width, for tests and jumps."""
        index = self.index_of(sentence_id)
        if index < 0 or not self._lines:
            return None
        first, last = self._sentence_lines(self._sentences[index])
        return Region(0, first, self._wrap_width, last - first + 1)

    def statuses(self) -> Mapping[str, ClaimStatus]:
        """Claim status per sentence id of this source."""
        return self._status
