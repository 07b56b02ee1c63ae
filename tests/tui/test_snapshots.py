"""SVG snapshots of the comparison screen on the bundled example (read the diff before updating)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from tui_fakes import settled

from newsdiff.model import Comparison
from tui.app import NewsdiffApp
from widgets.article_pane import ArticlePane


async def analysed(pilot: Pilot[None]) -> None:
    """Wait until the analysis has arrived and been drawn (the worker starts after a paint)."""
    app = pilot.app
    assert isinstance(app, NewsdiffApp)
    await asyncio.wait_for(settled(app, pilot), timeout=120)
    await pilot.pause()
    await pilot.pause()


class TestMainScreen:
    def test_wide(self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp]) -> None:
        assert snap_compare(demo_app(), terminal_size=(160, 45), run_before=analysed)

    def test_narrow(self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp]) -> None:
        assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=analysed)

    def test_medium(self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp]) -> None:
        """100x30: the sidebar is an overlay, so both articles keep 40+ text columns."""
        assert snap_compare(demo_app(), terminal_size=(100, 30), run_before=analysed)

    def test_help(self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp]) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await analysed(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(demo_app(), terminal_size=(160, 45), run_before=run_before)


class TestThemes:
    """Colour means identity in every theme; statuses keep their non-colour cues."""

    @staticmethod
    def themed(theme: str) -> Callable[[Pilot[None]], Any]:
        async def run_before(pilot: Pilot[None]) -> None:
            await analysed(pilot)
            pilot.app.theme = theme
            await pilot.pause()
            await pilot.pause()

        return run_before

    def test_sixteen_colours(self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp]) -> None:
        """The ANSI theme: the terminal's 16 colours, entities bold, no colour on the cursor."""
        assert snap_compare(
            demo_app(), terminal_size=(160, 45), run_before=self.themed("ansi-dark")
        )

    def test_light(self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp]) -> None:
        """A light theme: entity colours darkened to 4.5:1, status labels restyled."""
        assert snap_compare(
            demo_app(), terminal_size=(160, 45), run_before=self.themed("textual-light")
        )


class TestClaimDetail:
    def test_blinken_met_with_versus_spoke_with(
        self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp], demo_comparison: Comparison
    ) -> None:
        """Navigate with ] to the claim whose predicates differ as met with / spoke with."""

        def is_target(sentence_id: str) -> bool:
            claim = demo_comparison.claim_of_sentence(sentence_id)
            return claim is not None and any(
                d.kind == "predicate" and "met with" in d.values.values() for d in claim.differences
            )

        async def run_before(pilot: Pilot[None]) -> None:
            await analysed(pilot)
            pane = pilot.app.focused
            assert isinstance(pane, ArticlePane)
            for _ in range(len(pane.sentences)):
                await pilot.press("right_square_bracket")
                sent = pane.cursor_sentence
                assert sent is not None
                if is_target(sent.id):
                    break
            else:
                raise AssertionError("no differing claim with 'met with'")
            await pilot.pause()

        assert snap_compare(demo_app(), terminal_size=(160, 45), run_before=run_before)
