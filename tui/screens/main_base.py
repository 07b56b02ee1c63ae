"""What the comparison screen's parts (search, jumps, tools) share, declared once for typing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from newsdiff.model import Claim, Comparison, Source
    from tui.store import ReaderStore
    from widgets.article_pane import ArticlePane
    from widgets.sidebar import Sidebar


class ComparisonParts(Screen[None]):
    """The base of MainScreen's parts: each part is a class of its own (search in
    main_search.py, jumps in main_jumps.py, copy/export/open in main_tools.py) and MainScreen
    puts them together; this class only declares, for the type checker, what they use."""

    if TYPE_CHECKING:
        sources: tuple[Source, ...]
        comparison: Comparison | None
        focus_entity: str | None
        focused_source: int
        narrow: bool
        show_sidebar: bool
        _claim_of: dict[str, Claim]
        _store: ReaderStore
        _landing: ArticlePane | None
        _query: str
        _match_index: int
        _last_difference: str | None

        @property
        def panes(self) -> list[ArticlePane]: ...

        @property
        def focused_pane(self) -> ArticlePane: ...

        @property
        def sidebar(self) -> Sidebar: ...

        def _show_detail(self, pane: ArticlePane) -> None: ...

        def action_goto_source(self, index: int) -> None: ...

        def jump_to_sentence(self, sentence_id: str | None) -> None: ...

        async def add_source(self, source: Source) -> None: ...
