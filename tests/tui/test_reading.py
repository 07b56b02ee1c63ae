"""Pilot tests of the reading experience: the overview sidebar, jumps, copy, keys, search."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import OptionList
from tui_fakes import settled

from newsdiff.model import Comparison, Source
from tui.app import NewsdiffApp
from tui.screens.main import MainScreen
from widgets.actor_list import ActorList
from widgets.article_pane import ArticlePane
from widgets.talk_list import TalkList

SIZE = (160, 45)


async def ready(app: NewsdiffApp, pilot: Pilot[None]) -> MainScreen:
    """Wait for the analysis to arrive and be drawn."""
    await asyncio.wait_for(settled(app, pilot), timeout=120)
    await pilot.pause()
    await pilot.pause()
    return app.main_screen


def screen_lines(app: NewsdiffApp) -> list[str]:
    """The characters on the terminal, row by row, as a reader would see them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def region_text(app: NewsdiffApp, widget_id: str) -> str:
    """The on-screen characters inside one widget's region."""
    region = app.screen.query_one(widget_id).region
    lines = screen_lines(app)
    return "\n".join(line[region.x : region.right] for line in lines[region.y : region.bottom])


class TestOverview:
    async def test_actors_and_upcoming_talks_show_at_once(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        """160x45, no key pressed: both articles, Peskov among the actors, Jan 12 and 13."""
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            actors = region_text(app, "#actors")
            talks = region_text(app, "#talks")
            assert "Dmitri Peskov" in actors
            assert "Jan 12, 2022" in talks
            assert "Jan 13, 2022" in talks
            assert all(col.display for col in app.main_screen.query(".column"))
            assert isinstance(app.focused, ArticlePane)

    async def test_short_terminal_keeps_both_sections(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=(160, 24)) as pilot:
            screen = await ready(app, pilot)
            actors = screen.query_one(ActorList)
            talks = screen.query_one(TalkList)
            assert actors.region.height >= 3
            assert talks.region.height >= 3
            assert "Joe Biden" in region_text(app, "#actors")
            assert "Upcoming" in region_text(app, "#talks")


def in_view(pane: ArticlePane) -> bool:
    """Whether the pane's cursor sentence starts inside its viewport."""
    sent = pane.cursor_sentence
    assert sent is not None
    region = pane.visible_region_of(sent.id)
    assert region is not None
    top = pane.scroll_offset.y
    return top <= region.y < top + pane.scrollable_content_region.height


class TestJumps:
    async def test_enter_on_a_talk_lands_in_the_column_on_its_evidence(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        talk = next(t for t in demo_comparison.talks if t.date == "2022-01-13")
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("t")
            talks = screen.query_one(TalkList)
            talks.highlighted = talks.get_option_index(talk.id)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.focused, ArticlePane)
            for pane in screen.panes:
                sent = pane.cursor_sentence
                assert sent is not None
                assert sent.id in talk.evidence, "the focus change must not re-sync the columns"
                assert in_view(pane)
            # The cursor is drawn in every column: focused, or aligned as a counterpart.
            assert all(p.has_focus or p.aligned for p in screen.panes)

    async def test_enter_on_an_actor_and_on_a_difference_moves_focus_to_the_text(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        peskov = next(e for e in demo_comparison.entities if "Peskov" in e.name)
        claim = next(c for c in demo_comparison.claims if c.status == "differ")
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("e")
            actors = screen.query_one(ActorList)
            actors.highlighted = actors.get_option_index(peskov.id)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.focused, ArticlePane)
            for pane in screen.panes:
                sent = pane.cursor_sentence
                assert sent is not None
                assert "Peskov" in pane.source.text[sent.start : sent.end]
                assert in_view(pane)
            await pilot.press("D")
            differences = screen.query_one("#differences", OptionList)
            differences.highlighted = differences.get_option_index(claim.id)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.focused, ArticlePane)
            for pane in screen.panes:
                assert pane.cursor_sentence is not None
                assert pane.cursor_sentence.id == claim.sentences[pane.source.id]
                assert in_view(pane)

    async def test_the_sidebar_follows_palette_jumps(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        peskov = next(e for e in demo_comparison.entities if "Peskov" in e.name)
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"actor Dmitri Peskov")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause()
            actors = screen.query_one(ActorList)
            assert actors.highlighted == actors.get_option_index(peskov.id)
            assert isinstance(app.focused, ArticlePane)


class TestCopy:
    async def test_y_copies_the_sentence_and_shift_y_the_claim_as_markdown(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            a = screen.panes[0]
            first = a.sentences[0]
            await pilot.press("y")
            expected = " ".join(a.source.text[first.start : first.end].split())
            assert app.clipboard == expected
            # Y on a claim the sources disagree on: both sentences and the differences.
            await pilot.press("right_square_bracket")
            sent = a.cursor_sentence
            assert sent is not None
            claim = demo_comparison.claim_of_sentence(sent.id)
            assert claim is not None
            assert claim.status == "differ"
            await pilot.press("Y")
            copied = app.clipboard
            assert copied.startswith(f"### Claim {claim.id}: differ")
            for source_id, sentence_id in claim.sentences.items():
                assert f"({sentence_id}" in copied
                words = demo_comparison.source(source_id).sentence_text(sentence_id).split()
                assert words[-1].rstrip('.”"') in copied
            assert "Differences:" in copied
            for difference in claim.differences:
                assert f"- {difference.cls} {difference.kind}:" in copied

    async def test_ctrl_c_copies_a_mouse_selection_and_quits_without_one(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        from textual.geometry import Offset
        from textual.selection import Selection

        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            a = screen.panes[0]
            line = a.render_line(0).text
            # A drag over the first line (as the screen records it from the mouse).
            await pilot.mouse_down(a, offset=(1, 0))
            await pilot.hover(a, offset=(12, 0))
            await pilot.mouse_up(a, offset=(12, 0))
            await pilot.pause()
            if not screen.selections:  # drags are not simulated on every platform
                screen.selections = {a: Selection(Offset(0, 0), Offset(11, 0))}
            await pilot.pause()
            selected = screen.get_selected_text()
            assert selected
            assert selected in line
            strip = a.render_line(0)
            assert any(seg.style and seg.style.bgcolor for seg in strip), "selection is drawn"
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert app.clipboard == selected
            assert app.is_running, "Ctrl+C with a selection copies, it does not quit"
            screen.clear_selection()
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert not app.is_running


class TestKeymap:
    async def test_keymap_remaps_quit_and_warns_about_bad_entries(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        from newsdiff.config import Config
        from tui.screens.help import HelpScreen

        keymap = (("quit", "x"), ("search", "ctrl+banana"), ("no.such.binding", "z"))
        app = demo_app(config=Config(keymap=keymap))
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            warnings = [n.message for n in app._notifications]
            assert any("ctrl+banana" in w and "not a key name" in w for w in warnings)
            assert any("no.such.binding" in w for w in warnings)
            assert all("\n" not in w for w in warnings)
            footer = "\n".join(screen_lines(app)[-1:])
            assert "x Quit" in footer
            assert "q Quit" not in footer
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.pause()
            app.screen.query_one("#help-body").scroll_end(animate=False, immediate=True)
            await pilot.pause()
            await pilot.pause()
            help_text = "\n".join(screen_lines(app))
            quit_row = next(line for line in help_text.splitlines() if " quit " in line)
            assert "Quit (the reading" in quit_row
            assert " x " in quit_row
            await pilot.press("escape")
            await pilot.press("q")  # no longer bound
            await pilot.pause()
            assert app.is_running
            await pilot.press("slash")  # the bad entry left search on its default key
            await pilot.pause()
            assert app.main_screen.query_one("#search-bar").display
            await pilot.press("escape")
            await pilot.press("x")
            await pilot.pause()
            assert not app.is_running


def test_config_reads_the_keymap_as_plain_strings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsdiff.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('[keymap]\nquit = "x"\nsearch = 3\n', encoding="utf-8")
    config, warnings = load_config(path)
    assert config.keymap == (("quit", "x"),)
    assert len(warnings) == 1
    assert "keymap.search" in warnings[0]


def entity_segments(pane: ArticlePane, line: int) -> list[tuple[str, object]]:
    """(text, style) of the segments of one rendered line that are entity mentions."""
    sent_text = pane.source.text
    strip = pane.render_line(line)
    names = {sent_text[s:e] for s, e, _ in pane._mentions}
    return [(seg.text, seg.style) for seg in strip if seg.text in names]


class TestColour:
    async def test_ansi_theme_keeps_entities_visible_and_the_cursor_line_readable(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            app.theme = "ansi-dark"
            await pilot.pause()
            a = screen.panes[0]
            cursor = a.get_component_rich_style("article-pane--cursor")
            top = a.visible_region_of(a.sentences[0].id)
            assert top is not None
            found = entity_segments(a, top.y - a.scroll_offset.y)
            assert any(text == "Joe Biden" for text, _ in found)
            for _text, style in found:
                assert style.bold, "entities keep a style when colours are few"
                assert style.color is None or style.color != cursor.bgcolor
            # Statuses keep their non-colour cues.
            differ = a.get_component_rich_style("article-pane--differ")
            only = a.get_component_rich_style("article-pane--only")
            assert differ.underline
            assert only.italic

    async def test_ansi_theme_marks_changed_words_and_differs_without_a_tinted_background(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        """16 colours: no ANSI yellow behind the default text (grey on yellow) in the detail
        panel, the panes or the legend; reverse, bold and underline carry the meaning."""
        from widgets.claim_detail import ClaimDetail

        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            app.theme = "ansi-dark"
            await pilot.pause()
            await pilot.pause()
            changed = screen.query_one(ClaimDetail).get_component_rich_style(
                "claim-detail--changed"
            )

            def tinted(style: Style) -> bool:
                return style.bgcolor is not None and not style.bgcolor.is_default

            assert not tinted(changed)
            assert changed.reverse
            assert changed.bold
            differ = screen.panes[0].get_component_rich_style("article-pane--differ")
            assert not tinted(differ)
            assert differ.underline
            sample = screen.query_one(".legend--differ").rich_style
            assert not tinted(sample)
            assert sample.underline
            detail = screen.query_one(ClaimDetail)
            segments = [seg for strip in detail._strips for seg in strip if seg.style]
            assert any(seg.style.reverse for seg in segments), "changed words are drawn reversed"
            assert not any(tinted(seg.style) for seg in segments)

    async def test_theme_switch_restyles_talk_labels_and_entities_for_light_themes(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        from widgets.entity_colors import MIN_CONTRAST, contrast

        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            talks = screen.query_one(TalkList)

            def label_style() -> object:
                prompt = talks.get_option_at_index(1).prompt
                assert "scheduled" in str(prompt) or "ongoing" in str(prompt)
                return [span.style for span in prompt.spans]

            dark = label_style()
            app.theme = "textual-light"
            await pilot.pause()
            await pilot.pause()
            assert label_style() != dark, "status labels follow the theme"
            a = screen.panes[0]
            background = a.background_colors[1].hex
            a.move_cursor(len(a.sentences) - 1)  # entities off the cursor line
            await pilot.pause()
            for y in range(a.scrollable_content_region.height):
                for _text, style in entity_segments(a, y):
                    if style.color is not None and style.bgcolor is None:
                        hexcolor = style.color.get_truecolor().hex
                        assert contrast(hexcolor, background) >= MIN_CONTRAST - 0.05

    async def test_theme_switch_redraws_both_status_lists_and_keeps_their_highlight(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        """The differences and talks lists share one restyle: new styles, same row highlighted."""
        from widgets.comparison_list import ComparisonList
        from widgets.difference_list import DifferenceList

        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            lists = [screen.query_one(DifferenceList), screen.query_one(TalkList)]
            before = []
            for widget in lists:
                assert isinstance(widget, ComparisonList)
                widget.highlighted = widget.option_count - 1
                before.append(widget._styles_seen)
            app.theme = "textual-light"
            await pilot.pause()
            await pilot.pause()
            for widget, seen in zip(lists, before, strict=True):
                assert widget._styles_seen != seen, f"{type(widget).__name__} was not redrawn"
                assert widget._styles_seen == widget._status_styles()
                assert widget.highlighted == widget.option_count - 1


class TestWarnings:
    async def test_bang_opens_the_warnings_with_inferred_dates_and_assumed_years(
        self, demo_sources: list[Source], demo_comparison: Comparison
    ) -> None:
        from dataclasses import replace

        from tui_fakes import canned

        from tui.screens.warnings import WarningsScreen

        assumed = "has a dateline without a year ('MOSCOW, Dec 30'); assumed 2021"
        first = replace(demo_comparison.sources[0], warnings=(assumed,))
        comparison = replace(demo_comparison, sources=(first, *demo_comparison.sources[1:]))
        app = NewsdiffApp(demo_sources, analyze=canned(comparison))
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            await pilot.press("exclamation_mark")
            await pilot.pause()
            assert isinstance(app.screen, WarningsScreen)
            shown = "\n".join(screen_lines(app))
            assert "assumed 2021" in shown
            inferred = [s for s in comparison.sources if s.published_inferred]
            assert inferred, "the bundled example has a source without its own date"
            assert "borrowed from the other sources" in shown
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)


class TestPagerSearch:
    async def test_slash_highlights_every_match_and_n_counts_them(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        from tui.pager_search import find_matches

        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("slash")
            await pilot.press(*"putin", "enter")
            await pilot.pause()
            a, b = screen.panes
            assert a.matches == find_matches(a.source.text, "Putin")
            assert b.matches == find_matches(b.source.text, "Putin")
            assert len(a.matches) >= 2
            assert len(b.matches) >= 2
            assert isinstance(app.focused, ArticlePane)
            status = region_text(app, "#search-status")
            total = len(a.matches) + len(b.matches)
            assert f"match 1 of {len(a.matches)} in {a.source.label}" in status
            assert f"{total} in all columns" in status
            # The first match is drawn with the match style in the column.
            match_style = a.get_component_rich_style("article-pane--match")
            sent = a.cursor_sentence
            assert sent is not None
            assert sent.start <= a.matches[0][0] < sent.end
            await pilot.press("n")
            assert "match 2 of" in region_text(app, "#search-status")
            sent = a.cursor_sentence
            assert sent is not None
            assert sent.start <= a.matches[1][0] < sent.end
            await pilot.press("N", "N")
            assert f"match {len(a.matches)} of" in region_text(app, "#search-status")
            # Matches are visible in the other column too.
            region = b.visible_region_of(b.source.sentence_at(b.matches[0][0]).id)
            assert region is not None
            b.scroll_to(y=region.y, animate=False, immediate=True)
            await pilot.pause()
            segments = [
                seg for y in range(b.scrollable_content_region.height) for seg in b.render_line(y)
            ]
            assert any(
                seg.style and seg.style.bgcolor == match_style.bgcolor and "Putin" in seg.text
                for seg in segments
            )
            await pilot.press("escape")
            assert a.matches == []
            assert not screen.query_one("#search-status").display

    def test_matches_ignore_case_and_line_breaks(self) -> None:
        from tui.pager_search import find_matches

        assert find_matches("Joe Biden met\nJOE  biden.", "joe biden") == [(0, 9), (14, 24)]
        assert find_matches("a+b a+b", "a+b") == [(0, 3), (4, 7)]
        assert find_matches("text", "   ") == []


class TestLayout:
    async def test_at_100x30_each_article_keeps_40_columns(
        self, demo_app: Callable[..., NewsdiffApp]
    ) -> None:
        app = demo_app()
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await ready(app, pilot)
            for pane in screen.panes:
                assert pane.scrollable_content_region.width >= 40
            assert screen.narrow
            await pilot.press("s")  # the sidebar is an overlay: the text keeps its width
            await pilot.pause()
            assert screen.show_sidebar
            for pane in screen.panes:
                assert pane.scrollable_content_region.width >= 40

    async def test_detail_shows_every_source_of_a_five_source_claim(
        self, demo_sources: list[Source]
    ) -> None:
        from tui_fakes import canned, fake_comparison

        from widgets.claim_detail import ClaimDetail

        texts = [s.text for s in demo_sources]
        sources = [
            Source(sid, f"{sid}.txt", f"{sid}.txt", None, None, False, texts[0]) for sid in "ABCDE"
        ]
        comparison = fake_comparison(sources)
        app = NewsdiffApp(sources, analyze=canned(comparison))
        # At 100x30 five sources no longer fit side by side: they stack, and the panel scrolls.
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await ready(app, pilot)
            detail = screen.query_one(ClaimDetail)
            claim = comparison.claim_of_sentence(screen.panes[0].sentences[0].id)
            assert claim is not None
            assert len(claim.sentences) == 5
            lines = detail.text_lines
            for sid in "ABCDE":
                assert any(line.lstrip().startswith(f"{sid}  ") for line in lines), sid
            assert detail.virtual_size.height > detail.scrollable_content_region.height
            detail.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            assert detail.scroll_offset.y > 0, "the panel scrolls to the last sources"

    async def test_j_and_k_capitals_scroll_the_detail_panel_from_the_keyboard(
        self, demo_sources: list[Source]
    ) -> None:
        """Five sources stack in the panel: J/K scroll it while focus stays in the text."""
        from tui_fakes import canned, fake_comparison

        from tui.screens.help import HelpScreen
        from widgets.claim_detail import ClaimDetail

        texts = [s.text for s in demo_sources]
        sources = [
            Source(sid, f"{sid}.txt", f"{sid}.txt", None, None, False, texts[0]) for sid in "ABCDE"
        ]
        app = NewsdiffApp(sources, analyze=canned(fake_comparison(sources)))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await ready(app, pilot)
            detail = screen.query_one(ClaimDetail)
            pane = app.focused
            assert isinstance(pane, ArticlePane)
            cursor = pane.cursor_sentence
            assert detail.max_scroll_y > 2
            await pilot.press("J", "J")
            await pilot.pause()
            assert detail.scroll_offset.y == 2
            assert app.focused is pane, "focus stays in the text"
            assert pane.cursor_sentence == cursor
            for _ in range(detail.max_scroll_y + 3):
                await pilot.press("J")
            await pilot.pause()
            assert detail.scroll_offset.y == detail.max_scroll_y
            assert "E  " in "\n".join(detail.text_lines[detail.scroll_offset.y :])
            await pilot.press("K")
            await pilot.pause()
            assert detail.scroll_offset.y == detail.max_scroll_y - 1
            await pilot.press("d")  # hidden: the keys are off (and fall through)
            await pilot.pause()
            assert screen.check_action("scroll_detail", (1,)) is False
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            help_screen = app.screen
            assert isinstance(help_screen, HelpScreen)
            keys, described = help_screen.table.columns[1], help_screen.table.columns[2]
            rows = dict(zip(map(str, keys.cells), map(str, described.cells), strict=True))
            assert rows["J K"].startswith("Scroll the claim detail panel down")

    async def test_the_wheel_scrolls_the_column_under_the_pointer_and_the_others_follow(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            a, b = screen.panes
            from textual.events import MouseScrollDown

            for _ in range(6):  # Pilot has no wheel helper: post what the driver would
                await pilot._post_mouse_events([MouseScrollDown], b, offset=(10, 5))
            await pilot.pause()
            await pilot.pause()
            assert b.scroll_offset.y > 0
            assert app.focused is b
            sent = b.cursor_sentence
            assert sent is not None
            assert b.cursor_index > 0
            claim = demo_comparison.claim_of_sentence(sent.id)
            if claim is not None and "A" in claim.sentences:
                assert a.cursor_sentence is not None
                assert a.cursor_sentence.id == claim.sentences["A"]
                assert in_view(a)


class TestLongWork:
    async def test_progress_moves_and_esc_cancels_keeping_the_text(
        self, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        import threading
        import time

        from textual.widgets import ProgressBar

        from newsdiff.pipeline import AnalysisCancelled

        runs = {"n": 0}
        halfway = threading.Event()

        def slow(sources: list[Source], **kwargs: object) -> Comparison:
            runs["n"] += 1
            progress = kwargs["progress"]
            is_cancelled = kwargs["is_cancelled"]
            assert callable(progress)
            assert callable(is_cancelled)
            if runs["n"] > 1:
                return demo_comparison
            progress("Reading sentences and names", 0.4)
            halfway.set()
            while not is_cancelled():
                time.sleep(0.01)
            raise AnalysisCancelled

        app = demo_app(analyze=slow)
        async with app.run_test(size=SIZE) as pilot:
            screen = app.main_screen
            for _ in range(200):
                await pilot.pause(0.02)
                if halfway.is_set() and screen.query("#progress"):
                    break
            await pilot.pause(0.1)
            bar = screen.query_one("#progress", ProgressBar)
            assert bar.progress == 0.4
            await pilot.press("escape")
            for _ in range(100):
                await pilot.pause(0.02)
                if screen.cancelled:
                    break
            assert screen.cancelled
            assert screen.comparison is None
            assert screen.error is None, "cancelling is not a failure"
            assert "cancelled" in str(screen.query_one("#status-label").render())
            assert screen.panes[0].line_count > 10, "the text stays"
            await pilot.press("ctrl+r")
            await ready(app, pilot)
            assert screen.comparison is demo_comparison


class TestOpenSource:
    async def test_ctrl_o_opens_a_file_as_a_new_column_and_analyses_again(
        self, demo_sources: list[Source]
    ) -> None:
        from pathlib import Path

        from tui_fakes import fake_comparison

        from tui.screens.open_source import OpenSourceScreen

        calls: list[list[str]] = []

        def analyze(sources: list[Source], **kwargs: object) -> Comparison:
            calls.append([s.id for s in sources])
            return fake_comparison(sources)

        path = Path(__file__).parent / "data" / "harbour_a.txt"
        app = NewsdiffApp(demo_sources, analyze=analyze)
        async with app.run_test(size=(200, 45)) as pilot:
            screen = await ready(app, pilot)
            await pilot.press("ctrl+o")
            assert isinstance(app.screen, OpenSourceScreen)
            await pilot.press(*str(path), "enter")
            for _ in range(200):
                await pilot.pause(0.02)
                if len(screen.panes) == 3 and screen.comparison is not None:
                    break
            assert [s.id for s in screen.sources] == ["A", "B", "C"]
            assert calls[-1] == ["A", "B", "C"]
            c = screen.panes[2]
            assert c.source.label == "harbour_a.txt"
            assert c.sentences, "the new column is analysed"
            assert app.focused is c
            # A bad path is one notification, not a crash.
            await pilot.press("ctrl+o")
            await pilot.press(*"/no/such/file.txt", "enter")
            for _ in range(100):
                await pilot.pause(0.02)
                if any("Could not open" in (n.title or "") for n in app._notifications):
                    break
            titles = [n.title for n in app._notifications]
            assert "Could not open" in titles
            assert len(screen.panes) == 3


class TestExport:
    async def test_palette_exports_json_to_a_chosen_path_and_never_overwrites(
        self,
        demo_app: Callable[..., NewsdiffApp],
        tmp_path,
        monkeypatch,  # type: ignore[no-untyped-def]
    ) -> None:
        import json

        from tui.screens.export import ExportScreen

        docs = tmp_path / "documents"
        monkeypatch.setattr("platformdirs.user_documents_path", lambda: docs)
        target = tmp_path / "mine.json"
        target.write_text("keep me", encoding="utf-8")
        app = demo_app()
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"Export analysis JSON")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            box = app.screen.query_one("#export-path")
            assert str(docs) in box.value, "the default path is shown"
            assert box.value.endswith(".json")
            box.value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen), "an existing file is refused"
            assert target.read_text(encoding="utf-8") == "keep me"
            assert "exists" in "\n".join(screen_lines(app))
            box.value = str(tmp_path / "new.json")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            data = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
            assert [s["id"] for s in data["sources"]] == ["A", "B"]

    async def test_in_a_browser_the_export_downloads_through_deliver_text(
        self,
        demo_app: Callable[..., NewsdiffApp],
        tmp_path,
        monkeypatch,  # type: ignore[no-untyped-def]
    ) -> None:
        docs = tmp_path / "documents"
        monkeypatch.setattr("platformdirs.user_documents_path", lambda: docs)
        monkeypatch.setattr(NewsdiffApp, "is_web", property(lambda self: True))
        delivered: list[tuple[str, str | None]] = []

        def deliver_text(file, *, save_filename=None, **kwargs):  # type: ignore[no-untyped-def]
            delivered.append((file.read(), save_filename))

        app = demo_app()
        monkeypatch.setattr(app, "deliver_text", deliver_text)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(app, pilot)
            screen.action_export(".md")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen), "no path prompt in a browser"
        assert len(delivered) == 1
        text, name = delivered[0]
        assert name is not None
        assert name.endswith(".md")
        assert text.startswith("#")
        assert not docs.exists() or not list(docs.iterdir()), "nothing is written on the server"
