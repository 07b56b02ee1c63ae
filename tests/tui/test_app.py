"""Pilot tests: every binding of the comparison screen on the bundled example, and failure paths."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from tui_fakes import canned, fake_comparison, settled

from newsdiff.config import Config, load_ui_prefs
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.model import Comparison, Source
from tui.app import NewsdiffApp
from tui.messages import AnalysisProgress, AnalysisReady
from tui.screens.help import HelpScreen, binding_rows
from tui.screens.main import MainScreen, describe_error
from tui.screens.search import SearchScreen
from widgets.actor_list import ActorList
from widgets.article_pane import ArticlePane
from widgets.claim_detail import ClaimDetail
from widgets.difference_list import DifferenceList
from widgets.source_header import SourceHeader
from widgets.talk_list import TalkList

SIZE = (160, 45)


async def ready(app: NewsdiffApp, pilot: Pilot[None]) -> MainScreen:
    """Wait for the analysis result (or its error) to arrive (failing, not hanging).

    The worker starts only after the first paint, so waiting for workers alone can return
    before there is any worker to wait for.
    """
    await asyncio.wait_for(settled(app, pilot), timeout=120)
    await pilot.pause()
    await pilot.pause()
    return app.main_screen


def focused_widget(app: NewsdiffApp) -> Widget | None:
    """The focused widget, read fresh (keys change it between assertions)."""
    return app.focused


def panes(app: NewsdiffApp) -> list[ArticlePane]:
    return app.main_screen.panes


def claim_of(comparison: Comparison, pane: ArticlePane) -> Any:
    sent = pane.cursor_sentence
    assert sent is not None
    return comparison.claim_of_sentence(sent.id)


def assert_synced(
    comparison: Comparison, focused: ArticlePane, others: Sequence[ArticlePane]
) -> None:
    """Every other column shows the counterpart of the focused sentence, or no highlight."""
    claim = claim_of(comparison, focused)
    for other in others:
        counterpart = claim.sentences.get(other.source.id) if claim else None
        if counterpart is None:
            assert not other.aligned
        else:
            assert other.aligned
            assert other.cursor_sentence is not None
            assert other.cursor_sentence.id == counterpart
            region = other.visible_region_of(counterpart)
            assert region is not None
            top = other.scroll_offset.y
            assert top <= region.y < top + other.size.height, "counterpart scrolled into view"


class TestAnalysisFlow:
    async def test_real_pipeline_end_to_end(self, demo_sources: list[Source]) -> None:
        """The app the CLI builds, with the real engine: text first, then the analysis."""
        seen: list[Message] = []
        app = NewsdiffApp(demo_sources)
        async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
            screen = await ready(app, pilot)
            assert screen.comparison is not None
            assert any(isinstance(m, AnalysisProgress) for m in seen)
            assert len({id(m) for m in seen if isinstance(m, AnalysisReady)}) == 1
            a, b = panes(app)
            assert a.sentences
            assert b.sentences
            header = app.main_screen.query_one("#header-0", SourceHeader)
            assert header.sentences == len(a.sentences)
            assert header.differing is not None
            assert header.differing > 0
            assert not app.main_screen.query_one("#status").display

    async def test_text_is_shown_before_the_analysis(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        release = threading.Event()

        def slow(sources: Sequence[Source], **kwargs: Any) -> Comparison:
            kwargs["progress"]("Loading language model", 0.1)
            assert release.wait(10)
            return demo_comparison

        app = demo_app(analyze=slow)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.main_screen
            a = panes(app)[0]
            assert screen.comparison is None
            assert a.line_count > 10
            assert not a.sentences
            assert screen.query_one("#status").display
            # Navigation that needs the analysis is disabled, not broken.
            assert screen.check_action("next_difference", ()) is None
            await pilot.press("right_square_bracket", "j")
            assert a.cursor_index == -1
            release.set()
            await ready(app, pilot)
            assert screen.comparison is demo_comparison
            assert screen.check_action("next_difference", ()) is True

    async def test_quitting_cancels_the_analysis(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        from newsdiff.pipeline import AnalysisCancelled

        stopped = threading.Event()

        def endless(sources: Sequence[Source], **kwargs: Any) -> Comparison:
            while not kwargs["is_cancelled"]():
                time.sleep(0.01)
            stopped.set()
            raise AnalysisCancelled

        app = demo_app(analyze=endless)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("q")
        assert stopped.wait(5)
        assert app.return_code == 0

    async def test_failing_analysis_shows_error_and_keeps_text(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        expected = "no English spaCy pipeline is installed"

        def broken(sources: Sequence[Source], **kwargs: Any) -> Comparison:
            raise NewsdiffError(expected, ExitCode.MODEL)

        app = demo_app(analyze=broken)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            assert screen.error == expected
            panel = screen.query_one("#error-panel", Static)
            assert panel.display
            assert expected in str(panel.content)
            assert "Traceback" not in str(panel.content)
            assert any(n.message == expected for n in app._notifications)
            assert "not analysed" in str(screen.query_one(SourceHeader).render())
            a = panes(app)[0]
            assert a.line_count > 10  # the text stays readable
            await pilot.press("j")
            assert a.scroll_offset.y == 1
            assert screen.check_action("next_difference", ()) is None

    @pytest.mark.parametrize(
        ("error", "expected"),
        [
            (NewsdiffError("model missing", ExitCode.MODEL), "model missing"),
            (RuntimeError("boom\nsecond line"), "RuntimeError: boom"),
            (KeyError("A9"), "KeyError: 'A9'"),
            (MemoryError(), "MemoryError"),
        ],
    )
    def test_errors_become_one_line(self, error: Exception, expected: str) -> None:
        assert describe_error(error) == expected


class TestSources:
    async def test_tab_h_l_and_digits_move_between_sources(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            a, b = panes(app)
            assert app.focused is a
            await pilot.press("tab")
            assert app.focused is b
            assert screen.focused_source == 1
            await pilot.press("shift+tab")
            assert app.focused is a
            await pilot.press("l")
            assert app.focused is b
            await pilot.press("h")
            assert app.focused is a
            await pilot.press("2")
            assert app.focused is b
            assert screen.query_one("#header-1", SourceHeader).has_class("-active")
            await pilot.press("1")
            assert app.focused is a
            assert screen.focused_source == 0

    async def test_three_sources(
        self, harbour_sources: list[Source], harbour_comparison: Comparison
    ) -> None:
        app = NewsdiffApp(harbour_sources, analyze=canned(harbour_comparison))
        # Three columns of at least 40 text cells beside the sidebar need 180 cells.
        async with app.run_test(size=(180, 45)) as pilot:
            await ready(app, pilot)
            a, b, c = panes(app)
            assert all(col.display for col in app.main_screen.query(".column"))
            for _ in range(4):
                await pilot.press("j")
                assert_synced(harbour_comparison, a, [b, c])
            await pilot.press("3")
            assert app.focused is c
            await pilot.press("k")
            assert_synced(harbour_comparison, c, [a, b])
            await pilot.press("tab")
            assert app.focused is a  # wraps around

    async def test_many_sources_page_through_columns(self, demo_sources: list[Source]) -> None:
        texts = [s.text for s in demo_sources]
        sources = [
            Source(sid, f"{sid}.txt", f"{sid}.txt", None, None, False, texts[i % 2])
            for i, sid in enumerate("ABCDE")
        ]
        comparison = fake_comparison(sources)
        app = NewsdiffApp(sources, analyze=canned(comparison))
        async with app.run_test(size=(200, 45)) as pilot:  # room for three 40-cell columns
            screen = await ready(app, pilot)
            columns = list(screen.query(".column"))
            assert [c.display for c in columns] == [True, True, True, False, False]
            await pilot.press("5")
            assert [c.display for c in columns] == [False, False, False, True, True]
            assert "sources 4-5 of 5" in str(screen.sub_title)
            await pilot.resize_terminal(90, 30)
            await pilot.pause()
            assert [c.display for c in columns] == [False, False, False, True, True]
            await pilot.press("1")
            assert [c.display for c in columns] == [True, True, False, False, False]


class TestCursor:
    async def test_j_k_brackets_and_u_keep_the_columns_in_sync(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        seen: list[Message] = []
        app = demo_app()
        async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
            await ready(app, pilot)
            a, b = panes(app)
            assert a.cursor_index == 0
            for _ in range(8):
                await pilot.press("j")
                assert_synced(demo_comparison, a, [b])
            assert a.cursor_index == 8
            await pilot.press("k", "down", "up", "up")
            assert a.cursor_index == 6
            assert_synced(demo_comparison, a, [b])
            moved = [m for m in seen if isinstance(m, ArticlePane.CursorMoved)]
            assert moved
            assert all(m.pane is a for m in moved)  # the columns that follow stay quiet
            # ] and [ walk the conflicting claims first, then the additions.
            await pilot.press("g")
            visited = []
            statuses = []
            for _ in range(3):
                await pilot.press("right_square_bracket")
                claim = claim_of(demo_comparison, a)
                statuses.append(claim.status)
                assert claim.status in {"differ", "adds"}
                assert_synced(demo_comparison, a, [b])
                assert app.main_screen.query_one(ClaimDetail).claim_id == claim.id
                visited.append(a.cursor_index)
            assert statuses[0] == "differ", (statuses, visited)
            assert statuses == sorted(statuses, key=["differ", "adds"].index)
            assert len(set(visited)) == 3
            await pilot.press("left_square_bracket")
            assert a.cursor_index == visited[1]
            # u lands on a claim only this source reports; the other column has no highlight.
            await pilot.press("u")
            claim = claim_of(demo_comparison, a)
            assert claim.status == "only"
            assert list(claim.sentences) == ["A"]
            assert not b.aligned

    async def test_cursor_moves_replace_each_other(self) -> None:
        source = Source("A", "a", "a", None, None, False, "One. Two.")
        pane = ArticlePane(source)
        first = ArticlePane.CursorMoved(pane, "A1")
        assert ArticlePane.CursorMoved(pane, "A2").can_replace(first)
        assert not ArticlePane.CursorMoved(ArticlePane(source), "A2").can_replace(first)

    async def test_click_moves_the_cursor(self, demo_app: Callable[..., NewsdiffApp]) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            _a, b = panes(app)
            await pilot.click(b, offset=(5, 6))
            await pilot.pause()
            assert app.focused is b
            sent = b.cursor_sentence
            assert sent is not None
            region = b.visible_region_of(sent.id)
            assert region is not None
            assert region.y <= 6 < region.bottom

    async def test_resize_to_tiny_and_back_keeps_the_cursor(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            a, _ = panes(app)
            await pilot.press(*["j"] * 12)
            before = a.cursor_sentence
            await pilot.resize_terminal(40, 12)
            await pilot.pause()
            assert screen.narrow
            assert not screen.show_sidebar
            await pilot.press("s")
            assert screen.show_sidebar  # overlay over the text
            await pilot.press("escape")
            assert not screen.show_sidebar
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            await pilot.pause()
            assert not screen.narrow
            assert screen.show_sidebar
            assert a.cursor_sentence == before
            region = a.visible_region_of(before.id) if before else None
            assert region is not None
            assert a.scroll_offset.y <= region.y < a.scroll_offset.y + a.size.height


class TestSidebar:
    async def test_differences_list_puts_conflicts_first_and_filters_by_class_and_kind(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        by_id = {c.id: c for c in demo_comparison.claims}
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("D")
            listing = screen.query_one(DifferenceList)
            assert app.focused is listing

            def shown() -> list[str]:
                ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
                return [i for i in ids if i is not None]

            statuses = [by_id[i].status for i in shown()]
            assert statuses[0] == "differ"
            order = ["differ", "adds", "only"]
            assert statuses == sorted(statuses, key=order.index)
            await pilot.press("f")  # conflicts only
            assert listing.filter_class == "conflict"
            assert shown()
            assert all(any(d.cls == "conflict" for d in by_id[i].differences) for i in shown())
            await pilot.press("f")  # additions only
            assert shown()
            assert all(any(d.cls == "addition" for d in by_id[i].differences) for i in shown())
            await pilot.press("F")  # and one kind
            kind = listing.filter_kind
            assert kind is not None
            assert all(
                any(d.cls == "addition" and d.kind == kind for d in by_id[i].differences)
                for i in shown()
            )
            await pilot.press("f", "f")  # wording, then every claim again
            assert listing.filter_class is None

    async def test_detail_panel_names_each_difference_class(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("g", "right_square_bracket")
            detail = screen.query_one(ClaimDetail)
            claim = next(c for c in demo_comparison.claims if c.id == detail.claim_id)
            assert claim.status == "differ"
            text = "\n".join(detail.text_lines)
            for difference in claim.differences:
                assert difference.cls in text
            assert "conflict" in text

    async def test_actor_and_talk_selection_jump_in_every_column(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        entity = next(e for e in demo_comparison.entities if "Zelensk" in e.name)
        assert set(entity.sources) == {"A", "B"}
        talk = next(t for t in demo_comparison.talks if t.date == "2022-01-13")
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            assert screen.check_action("next_mention", ()) is False  # no actor chosen yet
            await pilot.press("e")
            actors = screen.query_one(ActorList)
            assert app.focused is actors
            actors.highlighted = actors.get_option_index(entity.id)
            await pilot.press("enter")
            assert screen.focus_entity == entity.id
            for pane in panes(app):
                assert pane.focus_entity == entity.id
                mentions = pane.mention_offsets(entity.id)
                assert mentions
                sent = pane.cursor_sentence
                assert sent is not None
                assert sent.start <= mentions[0][0] < sent.end
            # Enter moved focus to the column; m / M walk through the mentions there.
            a = panes(app)[0]
            assert focused_widget(app) is a
            first = a.cursor_index
            await pilot.press("m")
            assert a.cursor_index > first
            sent = a.cursor_sentence
            assert sent is not None
            assert any(sent.start <= s < sent.end for s, _ in a.mention_offsets(entity.id))
            await pilot.press("M")
            assert a.cursor_index == first
            await pilot.press("escape")
            assert screen.focus_entity is None
            assert a.focus_entity is None

            # The talk dated 2022-01-13 (both sources report it): both columns land on it.
            assert set(talk.sources) == {"A", "B"}
            await pilot.press("t")
            talks = screen.query_one(TalkList)
            assert app.focused is talks
            talks.highlighted = talks.get_option_index(talk.id)
            await pilot.press("enter")
            columns_with_evidence = 0
            for pane in panes(app):
                mine = [sid for sid in talk.evidence if pane.index_of(sid) >= 0]
                if mine:
                    columns_with_evidence += 1
                    assert pane.cursor_sentence is not None
                    assert pane.cursor_sentence.id in mine
            assert columns_with_evidence == 2

            # The Differences list: a claim jumps every column it names.
            await pilot.press("escape", "D")
            differences = screen.query_one(DifferenceList)
            assert app.focused is differences
            claim = next(c for c in demo_comparison.claims if c.status == "differ")
            differences.highlighted = differences.get_option_index(claim.id)
            await pilot.press("enter")
            for pane in panes(app):
                assert pane.cursor_sentence is not None
                assert pane.cursor_sentence.id == claim.sentences[pane.source.id]

    async def test_command_palette_jumps_to_an_actor(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        entity = next(e for e in demo_comparison.entities if "Zelensk" in e.name)
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*f"actor {entity.name}")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            assert screen.focus_entity == entity.id

    async def test_sidebar_detail_and_theme_are_remembered(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            sidebar = screen.query_one("#sidebar")
            detail = screen.query_one(ClaimDetail)
            assert sidebar.display
            assert detail.display
            await pilot.press("s", "d")
            assert not sidebar.display
            assert not detail.display
            app.theme = "nord"
            await pilot.pause()
        prefs = load_ui_prefs()
        assert (prefs.sidebar, prefs.detail, prefs.theme) == (False, False, "nord")
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            assert app.theme == "nord"
            assert not screen.query_one("#sidebar").display
            assert not screen.query_one(ClaimDetail).display
            await pilot.press("s")
            assert screen.query_one("#sidebar").display
            assert load_ui_prefs().sidebar

    async def test_config_defaults_apply_until_the_reader_chooses(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app(config=Config(sidebar=False, detail=False))
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            assert not screen.query_one("#sidebar").display
            assert not screen.query_one(ClaimDetail).display


class TestScreens:
    async def test_search_finds_geneva(self, demo_app: Callable[..., NewsdiffApp]) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            await pilot.press("ctrl+f", "escape")
            assert isinstance(app.screen, MainScreen)
            await pilot.press("ctrl+f")
            assert isinstance(app.screen, SearchScreen)
            assert isinstance(app.focused, Input)
            await pilot.press(*"Geneva")
            await pilot.pause()
            results = app.screen.query_one("#search-results", OptionList)
            assert results.option_count >= 2
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            focused = app.focused
            assert isinstance(focused, ArticlePane)
            assert focused.cursor_index >= 0
            assert "Geneva" in focused.sentence_text(focused.cursor_index)

    async def test_help_lists_every_binding_and_q_quits(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            described = {row[2] for row in binding_rows()}
            for binding in [*MainScreen.BINDINGS, *ArticlePane.BINDINGS, *NewsdiffApp.BINDINGS]:
                assert isinstance(binding, Binding)
                assert (binding.tooltip or binding.description) in described
            assert app.screen.table.row_count == len(binding_rows())
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)
            await pilot.press("q")
            await pilot.pause()
            assert app.return_code == 0
            assert not app.is_running


class TestPersistence:
    async def test_position_is_restored_on_reopen(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            await pilot.press(*["right_square_bracket"] * 5, "tab")
            a, b = panes(app)
            where = (a.cursor_sentence, b.cursor_sentence)
            assert a.cursor_index > 0
            await pilot.press("q")
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            a, b = panes(app)
            assert (a.cursor_sentence, b.cursor_sentence) == where
            assert app.focused is b
            for pane in (a, b):
                sent = pane.cursor_sentence
                assert sent is not None
                region = pane.visible_region_of(sent.id)
                assert region is not None
                top = pane.scroll_offset.y
                assert top <= region.y < top + pane.size.height, "restored cursor is in view"

    async def test_export_report_never_overwrites(
        self,
        demo_app: Callable[..., NewsdiffApp],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        docs = tmp_path / "documents"
        monkeypatch.setattr("platformdirs.user_documents_path", lambda: docs)
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            for _ in range(2):  # the default path is offered; Enter takes it
                app.main_screen.action_export(".md")
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
            files = sorted(docs.glob("newsdiff-report-*.md"))
            assert len(files) == 2
            assert all(f.read_text(encoding="utf-8").strip() for f in files)
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert all(str(f) in messages for f in files)


class TestCtrlC:
    async def test_ctrl_c_quits_like_q(self, demo_app: Callable[..., NewsdiffApp]) -> None:
        """A terminal program quits on Ctrl+C; Textual's default only tells you to use Ctrl+Q."""
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert not app.is_running
        assert app.return_code == 130  # as for Ctrl+C anywhere (README, exit codes)


class TestStartup:
    def test_run_turns_the_collector_back_on_after_the_first_frame(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        """run() pauses the GC until the first frame, even when the caller paused it before."""
        enabled_while_running: list[bool] = []

        async def auto_pilot(pilot: Pilot[None]) -> None:
            app = pilot.app
            assert isinstance(app, NewsdiffApp)
            await ready(app, pilot)
            await pilot.pause()
            enabled_while_running.append(gc.isenabled())
            app.exit()

        was_enabled = gc.isenabled()
        gc.disable()
        try:
            demo_app().run(headless=True, size=SIZE, auto_pilot=auto_pilot)
            assert enabled_while_running == [True]
            assert gc.isenabled()
        finally:
            if was_enabled:
                gc.enable()
            else:
                gc.disable()
