"""The export prompt: where to write the report, with the default shown; never overwrites."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from newsdiff.model import Comparison
from newsdiff.textsafe import visible
from tui.export import FORMATS, render, write_new


class ExportScreen(ModalScreen[Path | None]):
    """Edit the path (the default is filled in) and press Enter; an existing file is refused."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="dialog.close")]

    DEFAULT_CSS = """
    ExportScreen {
        align: center top;
    }
    ExportScreen > Vertical {
        width: 90%;
        max-width: 110;
        height: auto;
        margin-top: 2;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    ExportScreen #export-error {
        color: $error;
    }
    """

    def __init__(self, comparison: Comparison, suffix: str, default: Path) -> None:
        """Export ``comparison`` as ``suffix`` (.md or .json), offering ``default``."""
        super().__init__()
        self.comparison = comparison
        self.suffix = suffix
        self.default = default

    def compose(self) -> ComposeResult:
        """The path box, what Enter does, and where a refusal is explained."""
        with Vertical(id="export-box") as box:
            box.border_title = f"Export {FORMATS[self.suffix]}"
            yield Input(str(self.default), id="export-path")
            yield Static(
                Text(
                    f"Enter writes it (default: {visible(str(self.default))}); an existing "
                    "file is never overwritten. Esc cancels."
                )
            )
            yield Static("", id="export-error")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        path = Path(raw).expanduser() if raw else self.default
        if path.is_dir():
            path = path / self.default.name
        error = self.query_one("#export-error", Static)
        try:
            write_new(path, render(self.comparison, self.suffix))
        except FileExistsError:
            error.update(Text(f"{visible(str(path))} exists; choose another name"))
            return
        except OSError as err:
            error.update(Text(f"cannot write {visible(str(path))}: {err.strerror or err}"))
            return
        self.dismiss(path)

    def action_close(self) -> None:
        """Close without writing."""
        self.dismiss(None)
