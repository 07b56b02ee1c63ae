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

    def test_help(self, snap_compare: Any, demo_app: Callable[..., NewsdiffApp]) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await analysed(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(demo_app(), terminal_size=(160, 45), run_before=run_before)


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
