"""The comparison screen's tools: warnings, copy, export and opening one more article."""

from __future__ import annotations

from pathlib import Path

from textual import on, work

from newsdiff.textsafe import visible
from tui.messages import SourceOpened
from tui.screens.main_base import ComparisonParts


class Tools(ComparisonParts):
    """Actions that take the comparison out of the screen or bring more into it."""

    def action_warnings(self) -> None:
        """List the warnings about the sources (the analysed ones once they are there)."""
        from tui.screens.warnings import WarningsScreen

        sources = self.comparison.sources if self.comparison is not None else self.sources
        self.app.push_screen(WarningsScreen(sources))

    def action_open_source(self) -> None:
        """Ask for a file or URL and open it as one more column."""
        from tui.screens.open_source import OpenSourceScreen

        self.app.push_screen(OpenSourceScreen(), self._open_requested)

    def _open_requested(self, path: str | None) -> None:
        if path:
            self.notify(f"Opening {visible(path)}…", timeout=3, markup=False)
            self.read_source(path)

    @work(thread=True, group="open", exit_on_error=False)
    def read_source(self, path: str) -> None:
        """Read (or fetch) one more article off the UI thread; only messages cross back."""
        import os

        from newsdiff.ingest import read_sources

        max_bytes = int(self._store.config.max_file_mb * 1_000_000)
        source = read_sources([os.path.expanduser(path)], max_bytes=max_bytes)[0]
        self.post_message(SourceOpened(source))

    @on(SourceOpened)
    async def _source_opened(self, event: SourceOpened) -> None:
        await self.add_source(event.source)

    def action_copy_sentence(self) -> None:
        """Copy the sentence under the cursor (OSC 52: works over SSH and in tmux)."""
        from tui.copying import plain

        pane = self.focused_pane
        if pane.cursor_sentence is None:
            return
        self.app.copy_to_clipboard(plain(pane.sentence_text(pane.cursor_index)))
        self.notify("Sentence copied", timeout=2)

    def action_copy_claim(self) -> None:
        """Copy the claim under the cursor as Markdown: each source's sentence, the differences."""
        from tui.copying import claim_markdown

        pane = self.focused_pane
        sent = pane.cursor_sentence
        if self.comparison is None or sent is None:
            return
        claim = self._claim_of.get(sent.id)
        self.app.copy_to_clipboard(claim_markdown(self.comparison, claim, pane.source.id, sent.id))
        self.notify("Claim copied as Markdown", timeout=2)

    def action_export(self, suffix: str = ".md") -> None:
        """Export the report (``.md``) or the analysis (``.json``).

        In a terminal the reader chooses the path (the default is shown) and nothing is ever
        overwritten; in a browser (``--serve``) the file downloads through ``deliver_text``.
        """
        import io

        from tui.export import default_export_path, render
        from tui.screens.export import ExportScreen

        if self.comparison is None:
            self.notify("The analysis has not finished yet", severity="warning")
            return
        try:
            default = default_export_path(suffix)
        except OSError as err:
            self.notify(
                f"could not find a folder for exports: {visible(str(err.strerror or err))}",
                severity="error",
                markup=False,
            )
            return
        if self.app.is_web:
            self.app.deliver_text(
                io.StringIO(render(self.comparison, suffix)), save_filename=default.name
            )
            self.notify(visible(default.name), title="Report downloading", markup=False)
            return
        self.app.push_screen(ExportScreen(self.comparison, suffix, default), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path is not None:
            self.notify(visible(str(path)), title="Report written", markup=False)
