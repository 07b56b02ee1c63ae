"""The Differences sidebar list: every claim the sources disagree on or only one reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdiff.model import Claim, Comparison

SNIPPET = 60


def claim_snippet(comparison: Comparison, claim: Claim) -> str:
    """The first sentence of a claim, shortened, so the list reads like a table of contents."""
    for source_id, sentence_id in claim.sentences.items():
        text = " ".join(comparison.source(source_id).sentence_text(sentence_id).split())
        return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"
    return ""


class DifferenceList(OptionList):
    """Claims with status ``differ`` or ``only``, in reading order of the first source."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"difference-list--differ", "difference-list--only"}

    DEFAULT_CSS = """
    DifferenceList {
        height: 1fr;
    }
    """

    @dataclass
    class DifferenceChosen(Message):
        """The reader chose a claim."""

        difference_list: DifferenceList
        claim_id: str

        @property
        def control(self) -> DifferenceList:
            """The list the claim was chosen in."""
            return self.difference_list

    _comparison: Comparison | None = None
    _styles_seen: tuple[object, ...] = ()

    def _status_styles(self) -> tuple[object, ...]:
        return tuple(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES))

    def notify_style_update(self) -> None:
        """A theme switch restyles the status labels, which are baked into the prompts."""
        super().notify_style_update()
        if self._comparison is not None and self._status_styles() != self._styles_seen:
            keep = self.highlighted
            self.show(self._comparison)
            self.highlighted = keep

    def show(self, comparison: Comparison) -> None:
        """Fill the list from an analysis."""
        self._comparison = comparison
        self._styles_seen = self._status_styles()
        options: list[Option] = []
        for claim in comparison.claims:
            if claim.status == "agree":
                continue
            text = Text()
            sids = " ↔ ".join(claim.all_sentence_ids())
            if claim.status == "differ":
                text.append("≠ ", style=self.get_component_rich_style("difference-list--differ"))
                kinds = sorted({d.kind for d in claim.differences})
                text.append(sids, style="bold")
                if kinds:
                    text.append(f"  {', '.join(kinds)}", style="italic")
            else:
                text.append("◆ ", style=self.get_component_rich_style("difference-list--only"))
                text.append(sids, style="bold")
                text.append("  only here", style="italic")
            text.append(f"\n  {claim_snippet(comparison, claim)}", style="dim")
            options.append(Option(text, id=claim.id))
        self.clear_options()
        if options:
            self.add_options(options)
        else:
            self.add_option(Option("The sources agree on every claim", disabled=True))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.DifferenceChosen(self, event.option_id))
