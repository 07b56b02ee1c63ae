"""Widget-level tests: wrapping, colours, diffs, search and rendering with hand-built analyses."""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from tui_fakes import fake_comparison, settled, split_sentences

from newsdiff.model import Claim, Comparison, Entity, Mention, Source
from tui.app import NewsdiffApp
from tui.export import unused_path
from tui.screens.search import search_sentences
from widgets.article_pane import (
    ArticlePane,
    wrap_offsets,
)
from widgets.claim_detail import ClaimDetail, changed_spans
from widgets.entity_colors import ANSI_PALETTE, ENTITY_PALETTE, entity_colors, entity_looks

DATA = Path(__file__).parent / "data"


class TestWrapping:
    @settings(max_examples=150, deadline=None)
    @given(
        text=st.text(
            alphabet=st.sampled_from(list("ab cd\n\t—“”é漢字")) | st.characters(),
            max_size=300,
        ),
        width=st.integers(min_value=1, max_value=40),
    )
    def test_lines_fit_and_cover_every_visible_character(self, text: str, width: int) -> None:
        lines = wrap_offsets(text, width)
        assert len(lines) >= text.count("\n") + 1
        covered: set[int] = set()
        previous_end = 0
        for start, end in lines:
            assert previous_end <= start <= end <= len(text)
            assert "\n" not in text[start:end]
            assert cell_len(text[start:end]) <= max(width, 2)  # one wide char may not fit in 1
            covered.update(range(start, end))
            previous_end = end
        for i, char in enumerate(text):
            if not char.isspace():
                assert i in covered

    def test_words_are_not_split_when_they_fit(self) -> None:
        text = "Blinken met with Zelenski on Wednesday."
        lines = [text[s:e] for s, e in wrap_offsets(text, 12)]
        assert lines == ["Blinken met", "with", "Zelenski on", "Wednesday."]

    def test_blank_lines_between_paragraphs_are_kept(self) -> None:
        lines = wrap_offsets("One.\n\nTwo.", 20)
        assert lines == [(0, 4), (5, 5), (6, 10)]


class TestColours:
    @staticmethod
    def entity(eid: str, name: str, mentions: int) -> Entity:
        found = tuple(Mention("A", i, i + 1, name) for i in range(mentions))
        return Entity(eid, name, "PERSON", (), ("A",), found)

    def test_colours_are_handed_out_by_rank_and_never_shared_while_the_palette_lasts(
        self,
    ) -> None:
        names = [f"Name {i:02d}" for i in range(len(ENTITY_PALETTE) + 3)]
        entities = [self.entity(f"e{i}", name, 40 - i) for i, name in enumerate(names)]
        looks = entity_looks(entities)
        first = [looks[f"e{i}"] for i in range(len(ENTITY_PALETTE))]
        assert [look.color for look in first] == list(ENTITY_PALETTE)
        assert not any(look.marked for look in first)
        # Beyond the palette, colours repeat but carry a marker.
        rest = [looks[f"e{i}"] for i in range(len(ENTITY_PALETTE), len(names))]
        assert all(look.marked for look in rest)
        assert all(look.style(low_color=False).bold for look in rest)
        assert entity_looks(list(reversed(entities))) == looks  # input order is irrelevant
        assert entity_colors(entities)["e0"] == ENTITY_PALETTE[0]

    def test_low_colour_uses_distinct_ansi_colours_and_a_text_style(self) -> None:
        entities = [self.entity(f"e{i}", f"N{i}", 10 - i) for i in range(6)]
        looks = entity_looks(entities, low_color=True)
        assert len({look.color for look in looks.values()}) == 6
        assert all(look.color in ANSI_PALETTE for look in looks.values())
        assert all(look.style(low_color=True).bold for look in looks.values())

    def test_on_the_bundled_example_the_main_actors_have_their_own_colours(
        self, demo_comparison: Comparison
    ) -> None:
        """Peskov and Russia shared a colour, and White House and Geneva (issue 14)."""
        colors = entity_colors(demo_comparison.entities)

        def color_of(name: str) -> str:
            return colors[next(e.id for e in demo_comparison.entities if e.name == name)]

        assert color_of("Dmitri Peskov") != color_of("Russia")
        assert color_of("White House") != color_of("Geneva")


class TestClaimDiff:
    def test_changed_words(self) -> None:
        a = "Blinken met with Zelenski on Wednesday."
        b = "Blinken spoke with Zelenski and his counterparts on Wednesday."
        assert [a[s:e] for s, e in changed_spans(a, b)] == ["met"]
        assert [b[s:e] for s, e in changed_spans(b, a)] == ["spoke", "and his counterparts"]


class TestSearch:
    def test_geneva_only_in_matching_sentences(self, demo_comparison: Comparison) -> None:
        hits = search_sentences(demo_comparison, "Geneva")
        assert hits
        assert all("geneva" in text.casefold() for _, _, text in hits)
        assert [score for _, score, _ in hits] == sorted((s for _, s, _ in hits), reverse=True)
        assert search_sentences(demo_comparison, "  ?! ") == []


def test_unused_path_never_overwrites(tmp_path: Path) -> None:
    first = unused_path(tmp_path, "report", ".md")
    first.write_text("x")
    second = unused_path(tmp_path, "report", ".md")
    assert second.name == "report-2.md"


def _source(sid: str, text: str) -> Source:
    return Source(sid, f"{sid}.txt", f"{sid}.txt", None, "2023-03-01", False, text)


class TestArticlePane:
    async def test_styles_follow_claims_entities_and_cursor(self) -> None:
        """A hand-built analysis: statuses and entity colours reach the rendered strips."""
        sources = [
            _source("A", "Ana Ruiz met Piet Lang in Lisbon. The talks lasted two hours."),
            _source("B", "Ana Ruiz spoke with Piet Lang. The weather was fine in Porto today."),
        ]
        comparison = fake_comparison(sources)
        app = NewsdiffApp(sources, analyze=lambda s, **k: comparison)
        async with app.run_test(size=(120, 30)) as pilot:
            await settled(app, pilot)
            await pilot.pause()
            pane = app.main_screen.panes[0]
            strip = pane.render_line(0)
            texts = [seg.text for seg in strip]
            ana = next(seg for seg in strip if seg.text == "Ana Ruiz")
            colors = entity_colors(comparison.entities)
            ana_id = next(e.id for e in comparison.entities if e.name == "Ana Ruiz")
            assert ana.style is not None
            assert ana.style.color is not None
            assert ana.style.color.name == colors[ana_id]
            assert "".join(texts).rstrip().startswith("Ana Ruiz met Piet Lang")
            statuses = pane.statuses()
            cursor_style = pane.get_component_rich_style("article-pane--cursor")
            assert pane.cursor_index == 0
            assert ana.style.bgcolor == cursor_style.bgcolor
            # B's only-here sentence gets the only style, not the cursor.
            other = app.main_screen.panes[1]
            only_ids = [sid for sid, status in other.statuses().items() if status == "only"]
            assert only_ids
            assert statuses
            region = other.visible_region_of(only_ids[0])
            assert region is not None
            only_style = other.get_component_rich_style("article-pane--only")
            line = other.render_line(region.y - other.scroll_offset.y)
            assert any(
                seg.style is not None and seg.style.bgcolor == only_style.bgcolor for seg in line
            )

    async def test_two_50000_word_articles_move_the_cursor_fast(self) -> None:
        """Line API: a cursor move costs a few visible lines, not a re-render of the article."""
        paragraphs = [p for p in (DATA / "harbour_a.txt").read_text().split("\n") if p.strip()]

        def article(sid: str, words: int = 50_000) -> Source:
            out: list[str] = []
            count = 0
            while count < words:
                para = paragraphs[len(out) % len(paragraphs)]
                out.append(para)
                count += len(para.split())
            return _source(sid, "\n\n".join(out))

        sources = [split_sentences(article("A")), split_sentences(article("B"))]
        a, b = sources
        claims = tuple(
            Claim(f"c{i}", ("agree", "differ")[i % 2], {"A": x.id, "B": y.id}, 0.8)
            for i, (x, y) in enumerate(zip(a.sentences, b.sentences, strict=False))
        )
        mentions = tuple(
            Mention(s.id, m.start(), m.end(), m.group())
            for s in sources
            for m in re.finditer("Okonkwo", s.text)
        )
        entity = Entity("e1", "Marta Okonkwo", "PERSON", (), ("A", "B"), mentions)
        comparison = Comparison("t", "t", tuple(sources), (entity,), claims, ())
        app = NewsdiffApp(sources, analyze=lambda s, **k: comparison)
        async with app.run_test(size=(160, 45)) as pilot:
            await settled(app, pilot)
            await pilot.pause()
            screen = app.main_screen
            left, right = screen.panes
            assert len(left.source.text.split()) >= 50_000
            timings = []
            for _ in range(100):
                start = time.perf_counter()
                left.action_cursor_down()
                screen._cursor_moved(ArticlePane.CursorMoved(left, left.cursor_sentence.id))  # type: ignore[union-attr]
                for pane in (left, right):
                    for y in range(pane.size.height):
                        pane.render_line(y)
                timings.append(time.perf_counter() - start)
            assert right.cursor_sentence is not None
            assert right.cursor_sentence.id == claims[100].sentences["B"]
            assert statistics.median(timings) < 0.030
            detail = screen.query_one(ClaimDetail)
            assert detail.claim_id == claims[100].id


def test_the_app_module_does_not_load_the_engine() -> None:
    """Text first: importing the UI must not pay for spaCy; the worker imports the pipeline."""
    import subprocess
    import sys

    code = (
        "import sys, tui.app; "
        "print(sorted(m for m in ('spacy', 'newsdiff.pipeline', 'rapidfuzz') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


async def test_pane_rewraps_when_the_analysed_text_differs() -> None:
    """Offsets refer to the analysed text, so the pane must show that text, not the raw one."""
    raw = [_source("A", "One  two.\r\nThree."), _source("B", "One two. Three.")]
    analysed = [_source("A", "One two.\nThree."), raw[1]]
    comparison = fake_comparison(analysed)
    app = NewsdiffApp(raw, analyze=lambda s, **k: comparison)
    async with app.run_test(size=(100, 24)) as pilot:
        await settled(app, pilot)
        await pilot.pause()
        pane = app.main_screen.panes[0]
        assert pane.source.text == "One two.\nThree."
        assert pane.render_line(0).text.rstrip() == "One two."
        assert pane.render_line(1).text.rstrip() == "Three."


class TestSourceHeader:
    def test_dateline_and_byline_are_in_the_tooltip_as_plain_text(self) -> None:
        from rich.text import Text

        from widgets.source_header import SourceHeader

        src = Source(
            "A",
            "a.txt",
            "a.txt",
            None,
            None,
            False,
            "Biden spoke.",
            dateline="MOSCOW (Reuters)",
            byline="By [bold]Jane[/bold] Doe",
        )
        tooltip = SourceHeader(src).tooltip
        assert isinstance(tooltip, Text)
        assert tooltip.plain == "Dateline: MOSCOW (Reuters)\nByline: By [bold]Jane[/bold] Doe"
        assert tooltip.spans == []

    def test_no_metadata_no_tooltip(self) -> None:
        from widgets.source_header import SourceHeader

        src = Source("A", "a.txt", "a.txt", None, None, False, "Biden spoke.")
        assert SourceHeader(src).tooltip is None


def test_the_screen_and_the_app_do_not_import_each_other() -> None:
    """The app builds the screen with a store; the screen never imports or calls the app."""
    import ast

    root = Path(__file__).parents[2]

    def runtime_imports(path: Path) -> set[str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped.update(id(n) for n in ast.walk(node))
        names: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        return names

    screens = root / "tui" / "screens"
    for path in [screens / "main.py", *screens.glob("main_*.py"), root / "tui" / "commands.py"]:
        assert "tui.app" not in runtime_imports(path), path
    source = (screens / "main.py").read_text(encoding="utf-8")
    assert "newsdiff_app" not in source
    from tui.commands import NewsdiffCommands
    from tui.screens.main import MainScreen

    assert NewsdiffCommands in MainScreen.COMMANDS
    assert NewsdiffCommands not in NewsdiffApp.COMMANDS


class TestTalkList:
    async def test_status_conflict_and_participants_are_shown(self) -> None:
        """A cancelled summit with a date conflict lists its parties; it is not 'upcoming'."""
        from dataclasses import replace

        from newsdiff.model import Talk
        from widgets.talk_list import TalkList

        sources = [
            _source("A", "Ana Ruiz cancelled the summit with Piet Lang on Friday."),
            _source("B", "The summit of Ana Ruiz and Piet Lang on Saturday was called off."),
        ]
        comparison = fake_comparison(sources)
        ana, piet = (e.id for e in comparison.entities if e.name in {"Ana Ruiz", "Piet Lang"})
        summit = Talk(
            id="t1",
            title="Summit",
            date="2024-03-08",
            date_text={"A": "Friday", "B": "Saturday"},
            status="cancelled",
            where=None,
            participants=(ana, piet),
            topic=None,
            sources=("A", "B"),
            evidence=("A1", "B1"),
            conflict=True,
            conflict_reason="dates differ (A: 2024-03-08; B: 2024-03-09)",
            kind="summit",
        )
        comparison = replace(comparison, talks=(summit,))
        app = NewsdiffApp(sources, analyze=lambda s, **k: comparison)
        async with app.run_test(size=(120, 30)) as pilot:
            await settled(app, pilot)
            talks = app.main_screen.query_one(TalkList)
            prompts = [str(talks.get_option_at_index(i).prompt) for i in range(talks.option_count)]
        text = "\n".join(prompts)
        assert "Earlier (1)" in text
        assert "Upcoming" not in text
        assert "cancelled" in text
        assert "Ana Ruiz, Piet Lang" in text
        assert "dates differ (A: 2024-03-08; B: 2024-03-09)" in text
