"""The comparison screen: one column per source, the sidebar, the claim detail and the analysis."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from newsdiff import textsafe
from newsdiff.errors import NewsdiffError
from newsdiff.model import Claim, Comparison, Source
from newsdiff.textsafe import visible
from tui.background import run_abandonable
from tui.commands import NewsdiffCommands
from tui.messages import AnalysisProgress, AnalysisReady
from tui.screens.main_jumps import Jumps
from tui.screens.main_keys import MAIN_BINDINGS, NEEDS_ANALYSIS
from tui.screens.main_search import PagerSearch
from tui.screens.main_tools import Tools
from widgets.article_pane import ArticlePane
from widgets.claim_detail import ClaimDetail
from widgets.sidebar import Sidebar
from widgets.source_header import SourceHeader

if TYPE_CHECKING:
    from tui.store import ReaderStore

#: Columns of text an article keeps at the least: below it lines get too short to read.
ARTICLE_MIN = 40
#: Width of a source column around its text (padding, scrollbar, border).
COLUMN_CHROME = 4
#: Width a source column needs to be worth showing side by side.
COLUMN_MIN = ARTICLE_MIN + COLUMN_CHROME
SIDEBAR_WIDTH = 42
#: Below this many columns the sidebar becomes an overlay (two articles of ARTICLE_MIN text
#: columns do not fit beside it) and only two sources show.
NARROW = 2 * COLUMN_MIN + SIDEBAR_WIDTH
#: Below this many columns the footer packs its keys tighter.
COMPACT = 100
#: Below this many rows the detail panel and the legend shrink so the text keeps some room.
SHORT = 20
#: Below this many rows the legend gives its rows to the actors and talks sections.
LOW = 34


def describe_error(error: BaseException | None) -> str:
    """One line for the reader: a NewsdiffError's own message, else the type and message."""
    if error is None:
        return "analysis failed"
    if isinstance(error, NewsdiffError):
        line = str(error)
    else:
        line = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    first = line.strip().splitlines()[0] if line.strip() else type(error).__name__
    return textsafe.visible(first)  # it may quote a file name or article text


class MainScreen(PagerSearch, Jumps, Tools):
    """Columns of sources with synchronised cursors; the screen owns the shared state.

    Widgets post messages up (cursor moved, actor chosen...) and the screen pushes state down
    (cursor positions, the focused entity, the analysis) through their methods.
    """

    COMMANDS = Screen.COMMANDS | {NewsdiffCommands}

    BINDINGS: ClassVar[list[BindingType]] = MAIN_BINDINGS

    comparison: reactive[Comparison | None] = reactive(None, init=False)
    focused_source: reactive[int] = reactive(0, init=False)
    focus_entity: reactive[str | None] = reactive(None, init=False)
    show_sidebar: reactive[bool] = reactive(True, init=False)
    show_detail: reactive[bool] = reactive(True, init=False)
    narrow: reactive[bool] = reactive(False, init=False)

    def __init__(
        self,
        sources: Sequence[Source],
        *,
        analyze: Callable[..., Comparison],
        store: ReaderStore,
        model: str | None = None,
    ) -> None:
        """Set up the screen; ``store`` keeps preferences and the position between runs."""
        super().__init__()
        self.sources = tuple(sources)
        self._analyze = analyze
        self._model = model
        self._store = store
        sidebar = store.prefs.sidebar
        detail = store.prefs.detail
        self._claim_of: dict[str, Claim] = {}
        self._last_difference: str | None = None
        self._sidebar_pref = sidebar
        self._detail_pref = detail
        self._restored = False
        #: The pane a jump is moving focus to; its focus event must not re-sync the columns.
        self._landing: ArticlePane | None = None
        self._sidebar_ready = False
        self._progress_fraction = 0.0
        self._early_comparison: Comparison | None = None
        #: A failure reported before the sidebar was mounted (a tuple: the error may be None).
        self._early_failure: tuple[BaseException | None] | None = None
        self.error: str | None = None
        #: The reader cancelled the analysis (Esc); Ctrl+R starts it again.
        self.cancelled = False
        self._analysis_worker: Worker[Comparison] | None = None
        self._query = ""
        self._match_index = -1
        self.set_reactive(MainScreen.show_sidebar, sidebar)
        self.set_reactive(MainScreen.show_detail, detail)

    def _save_prefs(self, **changes: Any) -> None:
        error = self._store.save_prefs(**changes)
        if error:
            self.notify(error, severity="warning", markup=False)

    # ------------------------------------------------------------------ compose

    def compose(self) -> ComposeResult:
        """Header, progress, columns + sidebar, detail, footer."""
        yield Header()
        with Horizontal(id="status"):
            yield Static("Analysing…", id="status-label")
            # The progress bar (four widgets) joins after the first frame, in _mount_deferred.
        yield Static("", id="error-panel")
        with Horizontal(id="body"):
            with Horizontal(id="columns"):
                for i, src in enumerate(self.sources):
                    yield self._column(i, src)
            # Filled by _mount_deferred after the first frame; its fixed width is already here,
            # so the columns are laid out (and their text wrapped) once, at their final width.
            yield Sidebar(id="sidebar")
        yield ClaimDetail(id="detail")
        yield Input(placeholder="Search every column (Enter: go, Esc: cancel)", id="search-bar")
        yield Static("", id="search-status")
        yield Footer()

    @staticmethod
    def _column(index: int, source: Source) -> Vertical:
        return Vertical(
            SourceHeader(source, id=f"header-{index}"),
            ArticlePane(source, id=f"pane-{index}"),
            classes="column",
            id=f"column-{index}",
        )

    def on_mount(self) -> None:
        """Show the text at once, then analyse in a thread."""
        self.sub_title = " vs ".join(s.label for s in self.sources)
        self.query_one("#error-panel").display = False
        self.query_one("#search-bar").display = False
        self.query_one("#search-status").display = False
        self._apply_layout(self.size.width)
        self.query_one("#sidebar").display = self.show_sidebar
        self.query_one(ClaimDetail).display = self.show_detail
        self.panes[0].focus()
        self._store.track_position(self.position)
        self._analysis_worker = self.run_analysis()
        self.call_after_refresh(self._mount_deferred)

    async def _mount_deferred(self) -> None:
        """Mount the progress bar and the sidebar's tabs and lists once the text is on screen.

        They are about half of the screen's widgets (and of its styling and rendering work),
        and nothing in them is useful before the analysis arrives, so the first frame leaves
        them out. An analysis (or failure) that arrives earlier waits for them.
        """
        status = self.query_one("#status")
        if not status.is_attached:  # quit (or SIGTERM) before the first frame: nothing to add
            return
        bar = ProgressBar(total=1.0, show_eta=False, id="progress")
        await status.mount(bar)
        bar.update(progress=self._progress_fraction)
        sidebar = self.sidebar
        if not sidebar.is_attached:
            return
        await sidebar.populate()
        sidebar.show_message("Analysing…")
        sidebar.hold_choices(True)
        self._sidebar_ready = True
        if self._early_comparison is not None:
            self.comparison = self._early_comparison
        elif self._early_failure is not None:
            self._show_failure(self._early_failure[0])

    # ---------------------------------------------------------------- analysis

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def run_analysis(self) -> Comparison:
        """Run the engine off the UI thread; only messages cross back."""
        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            self.post_message(AnalysisProgress(stage, fraction))

        def is_cancelled() -> bool:
            return worker.is_cancelled

        # In a thread of its own, so that quitting never waits for spaCy (tui/background.py).
        result = run_abandonable(
            lambda: self._analyze(
                self.sources, model=self._model, progress=progress, is_cancelled=is_cancelled
            ),
            is_cancelled,
        )
        if not worker.is_cancelled:
            self.post_message(AnalysisReady(result))
        return result

    @on(AnalysisProgress)
    def _progress(self, event: AnalysisProgress) -> None:
        self.query_one("#status-label", Static).update(f"Analysing: {event.stage}")
        self._progress_fraction = max(0.0, min(1.0, event.fraction))
        for bar in self.query("#progress").results(ProgressBar):  # none before the first frame
            bar.update(progress=self._progress_fraction)

    @on(AnalysisReady)
    def _ready(self, event: AnalysisReady) -> None:
        if self._sidebar_ready:
            self.comparison = event.comparison
        else:
            self._early_comparison = event.comparison

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures turn into something the reader sees."""
        if event.worker.group == "open" and event.state == WorkerState.ERROR:
            self.notify(
                visible(describe_error(event.worker.error)),
                title="Could not open",
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        if event.worker.group != "analysis" or event.worker is not self._analysis_worker:
            return  # a replaced analysis (Ctrl+O) reports nothing
        if event.state == WorkerState.ERROR and not self._was_cancelled(event.worker.error):
            if self._sidebar_ready:
                self._show_failure(event.worker.error)
            else:
                self._early_failure = (event.worker.error,)
        elif event.state in (WorkerState.CANCELLED, WorkerState.ERROR):
            self._show_cancelled()

    @staticmethod
    def _was_cancelled(error: BaseException | None) -> bool:
        if error is None:
            return False
        from newsdiff.pipeline import AnalysisCancelled  # the worker has imported it already

        return isinstance(error, AnalysisCancelled)

    def _analysis_running(self) -> bool:
        return any(w.group == "analysis" and w.is_running for w in self.workers if w.node is self)

    def _show_cancelled(self) -> None:
        """The reader stopped the analysis: the text stays, Ctrl+R starts it again."""
        self.cancelled = True
        self.query_one("#status-label", Static).update(
            "Analysis cancelled: the text stays readable; Ctrl+R analyses again"
        )
        for bar in self.query("#progress").results(ProgressBar):
            bar.display = False
        if self._sidebar_ready:
            self.sidebar.show_message("Analysis cancelled (Ctrl+R runs it again)")

    def action_cancel_analysis(self) -> bool:
        """Stop a running analysis (Esc while it runs); returns whether there was one."""
        if self.comparison is not None or not self._analysis_running():
            return False
        self.workers.cancel_group(self, "analysis")
        return True

    def action_analyse(self) -> None:
        """Run the analysis again after it was cancelled (or failed)."""
        if self.comparison is not None or self._analysis_running():
            return
        self._restart_analysis()

    def _restart_analysis(self) -> None:
        """Start a fresh analysis of the current sources (one running is replaced)."""
        self.cancelled = False
        self.error = None
        self._early_failure = None
        self.query_one("#error-panel").display = False
        self.query_one("#status").display = True
        self.query_one("#status-label", Static).update("Analysing…")
        for bar in self.query("#progress").results(ProgressBar):
            bar.display = True
            bar.update(progress=0)
        if self._sidebar_ready:
            self.sidebar.show_message("Analysing…")
        for header in self.query(SourceHeader):
            header.failed = False
        self._analysis_worker = self.run_analysis()

    def _show_failure(self, error: BaseException | None) -> None:
        """Say why there is no analysis, everywhere it would have shown."""
        self.error = describe_error(error)
        self.query_one("#status").display = False
        panel = self.query_one("#error-panel", Static)
        panel.update(Text(f"Analysis failed: {self.error}  (the text stays readable)"))
        panel.display = True
        self.query_one(ClaimDetail).show_message(f"No analysis: {self.error}")
        for header in self.query(SourceHeader):
            header.failed = True
        self.sidebar.show_message("No analysis (see the error above)")
        self.notify(self.error, title="Analysis failed", severity="error", timeout=10, markup=False)

    def watch_comparison(self, comparison: Comparison | None) -> None:
        """Push the analysis down to every widget."""
        if comparison is None:
            return
        self.query_one("#status").display = False
        self._claim_of = {sid: c for c in comparison.claims for sid in c.all_sentence_ids()}
        for i, pane in enumerate(self.panes):
            pane.set_comparison(comparison)
            if self._query:  # the analysed text may differ from the raw text: match it again
                from tui.pager_search import find_matches

                pane.set_matches(find_matches(pane.source.text, self._query))
            src = pane.source
            statuses = [
                self._claim_of[s.id].status for s in src.sentences if s.id in self._claim_of
            ]
            self.query_one(f"#header-{i}", SourceHeader).set_counts(
                len(src.sentences), statuses.count("differ"), statuses.count("only")
            )
        self.sidebar.hold_choices(False)
        self.sidebar.show(comparison)
        self._restore_position()
        self.refresh_bindings()
        self._sync_from(self.focused_pane)

    # ----------------------------------------------------------------- helpers

    @property
    def sidebar(self) -> Sidebar:
        """The sidebar (its lists are mounted after the first frame)."""
        return self.query_one(Sidebar)

    @property
    def panes(self) -> list[ArticlePane]:
        """Article panes in source order."""
        return list(self.query(ArticlePane))

    @property
    def focused_pane(self) -> ArticlePane:
        """The pane of the current source."""
        return self.panes[self.focused_source]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Disable analysis-dependent navigation until the analysis has arrived.

        ``None`` keeps the binding in the footer, greyed out, so readers see what is coming.
        """
        if action in NEEDS_ANALYSIS and self.comparison is None:
            return None  # shown greyed out in the footer until the analysis arrives
        if action == "scroll_detail":
            return self.show_detail  # a hidden panel has nothing to scroll
        return not (action in ("next_mention", "prev_mention") and self.focus_entity is None)

    def _sync_from(self, pane: ArticlePane) -> None:
        """Move the other columns to the counterparts of the pane's cursor sentence."""
        if self.comparison is None:
            return
        sent = pane.cursor_sentence
        if sent is None:
            return
        claim = self._claim_of.get(sent.id)
        for other in self.panes:
            if other is pane:
                other.set_aligned(False)
                continue
            sid = claim.sentences.get(other.source.id) if claim else None
            if sid is not None and other.move_cursor_to_id(sid, post=False, center=True):
                other.set_aligned(True, claim.extra.get(other.source.id, ()) if claim else ())
            else:
                other.set_aligned(False)
        self._show_detail(pane)

    def _show_detail(self, pane: ArticlePane) -> None:
        sent = pane.cursor_sentence
        if self.comparison is not None and sent is not None:
            claim = self._claim_of.get(sent.id)
            self.query_one(ClaimDetail).show(self.comparison, claim, pane.source.id, sent.id)

    @on(ArticlePane.CursorMoved)
    def _cursor_moved(self, event: ArticlePane.CursorMoved) -> None:
        if event.pane is self.focused_pane:
            self._sync_from(event.pane)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Focusing a pane (click, Tab, digits) makes it the current source."""
        if isinstance(event.widget, ArticlePane):
            index = self.panes.index(event.widget)
            if index != self.focused_source:
                self.focused_source = index
            if event.widget is self._landing:
                # A jump already put every column on its evidence: keep it there.
                self._landing = None
                self._show_detail(event.widget)
            else:
                self._sync_from(event.widget)

    def watch_focused_source(self, index: int) -> None:
        """Mark the header and page the columns so the current source is visible."""
        for i, header in enumerate(self.query(SourceHeader)):
            header.active = i == index
        self._apply_layout(self.size.width)

    def watch_focus_entity(self, entity_id: str | None) -> None:
        """Highlight (or clear) the chosen actor's mentions in every column."""
        for pane in self.panes:
            pane.set_focus_entity(entity_id)
        self.refresh_bindings()

    def watch_show_sidebar(self, show: bool) -> None:
        """Show or hide the sidebar and remember the choice."""
        self.query_one("#sidebar").display = show
        if (
            not show
            and self.focused is not None
            and self.query_one("#sidebar") in self.focused.ancestors
        ):
            self.focused_pane.focus()
        if not self.narrow:
            self._save_prefs(sidebar=show)
        self._apply_layout(self.size.width)

    def watch_show_detail(self, show: bool) -> None:
        """Show or hide the claim detail and remember the choice."""
        self.query_one(ClaimDetail).display = show
        self._save_prefs(detail=show)

    def on_resize(self, event: Resize) -> None:
        """Switch between wide and narrow layouts."""
        self._apply_layout(event.size.width)

    def watch_narrow(self, narrow: bool) -> None:
        """Narrow: the sidebar is an overlay, hidden until asked for."""
        self.set_class(narrow, "-narrow")
        self.show_sidebar = False if narrow else self._sidebar_pref

    def _apply_layout(self, width: int) -> None:
        """Show the page of columns that holds the current source."""
        if not self.is_mounted:
            return
        self.set_class(self.size.height < SHORT, "-short")
        self.set_class(self.size.height < LOW, "-low")
        self.query_one(Footer).compact = width < COMPACT
        narrow = width < NARROW
        if narrow != self.narrow:
            if narrow:  # remember the wide-layout choice; the overlay starts hidden
                self._sidebar_pref = self.show_sidebar
            self.narrow = narrow
        count = len(self.sources)
        current = self.focused_source
        if narrow:
            partner = current + 1 if current + 1 < count else current - 1
            visible = {current, partner} if count > 1 else {current}
        else:
            room = width - (SIDEBAR_WIDTH if self.show_sidebar else 0)
            page = max(2, min(4, room // COLUMN_MIN))
            start = (current // page) * page
            visible = set(range(start, min(count, start + page)))
        for i, column in enumerate(self.query(".column")):
            column.display = i in visible
            column.set_class(i == max(visible), "-last-visible")
        pages = ""
        if len(visible) < count:
            pages = f"  [sources {min(visible) + 1}-{max(visible) + 1} of {count}]"
        self.sub_title = " vs ".join(s.label for s in self.sources) + pages

    # ----------------------------------------------------------------- actions

    def action_next_source(self) -> None:
        """Focus the next source column."""
        self.action_goto_source((self.focused_source + 1) % len(self.sources))

    def action_prev_source(self) -> None:
        """Focus the previous source column."""
        self.action_goto_source((self.focused_source - 1) % len(self.sources))

    def action_goto_source(self, index: int) -> None:
        """Focus source number ``index`` (0-based)."""
        if 0 <= index < len(self.sources):
            self.focused_source = index
            self.panes[index].focus()

    def _focus_list(self, tab: str, widget_id: str) -> None:
        self.show_sidebar = True
        self.sidebar.open(tab)
        self.query_one(f"#{widget_id}").focus()

    def action_focus_actors(self) -> None:
        """Focus the Actors section."""
        self._focus_list("overview", "actors")

    def action_focus_talks(self) -> None:
        """Focus the Talks section."""
        self._focus_list("overview", "talks")

    def action_focus_differences(self) -> None:
        """Open the Differences list."""
        self._focus_list("differences", "differences")

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar (an overlay on narrow terminals)."""
        self.show_sidebar = not self.show_sidebar

    def action_toggle_detail(self) -> None:
        """Show or hide the claim detail panel."""
        self.show_detail = not self.show_detail

    def action_scroll_detail(self, lines: int) -> None:
        """Scroll the claim detail by ``lines`` (negative: up), keeping focus in the text."""
        self.query_one(ClaimDetail).scroll_relative(y=lines, animate=False, immediate=True)

    def action_help(self) -> None:
        """List every key binding."""
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self._store.keymap))

    def action_escape(self) -> None:
        """Close the overlay sidebar, or leave the sidebar, or clear the chosen actor."""
        focused = self.focused
        sidebar = self.query_one("#sidebar")
        if self.query_one("#search-bar").display:
            self._close_search_bar()
        elif self.action_cancel_analysis():
            self.notify("Analysis cancelled; the text stays (Ctrl+R analyses again)", timeout=4)
        elif self.narrow and self.show_sidebar:
            self.show_sidebar = False
        elif focused is not None and sidebar in focused.ancestors:
            self.focused_pane.focus()
        elif self.focus_entity is not None:
            self.focus_entity = None
        elif self._query:
            self.search_for("")

    # ------------------------------------------------------------- open source

    async def add_source(self, source: Source) -> None:
        """Add a column for ``source`` and analyse every source again (the text shows first)."""
        import dataclasses

        taken = {s.id for s in self.sources}
        letter = next((chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) not in taken), None)
        if letter is None:
            self.notify("newsdiff compares at most 26 articles", severity="warning")
            return
        source = dataclasses.replace(source, id=letter)
        self.sources = (*self.sources, source)
        index = len(self.sources) - 1
        await self.query_one("#columns").mount(self._column(index, source))
        self.set_reactive(MainScreen.comparison, None)
        self._claim_of = {}
        self.sub_title = " vs ".join(s.label for s in self.sources)
        self.refresh_bindings()
        self.action_goto_source(index)
        self._restart_analysis()

    # ------------------------------------------------------------- persistence

    def position(self) -> dict[str, Any] | None:
        """Where the reader is: the current source and each column's sentence (None before
        the analysis, when there are no sentences to name)."""
        if self.comparison is None:
            return None
        return {
            "source": self.sources[self.focused_source].id,
            "cursors": {
                pane.source.id: pane.cursor_sentence.id
                for pane in self.panes
                if pane.cursor_sentence is not None
            },
        }

    def _restore_position(self) -> None:
        if self._restored:
            return
        self._restored = True
        position, error = self._store.load_position()
        if error:
            self.notify(error, severity="warning", markup=False)
        if not position:
            return
        cursors = position.get("cursors", {})
        for pane in self.panes:
            sid = cursors.get(pane.source.id) if isinstance(cursors, dict) else None
            if isinstance(sid, str):
                pane.move_cursor_to_id(sid, post=False, center=True)
        ids = [s.id for s in self.sources]
        if position.get("source") in ids:
            self.action_goto_source(ids.index(position["source"]))
