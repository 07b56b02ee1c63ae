"""Pilot tests of the reading experience: the overview sidebar, jumps, copy, keys, search."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.pilot import Pilot
from tui_fakes import settled

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
