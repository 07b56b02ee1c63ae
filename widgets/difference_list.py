"""The Differences sidebar list: conflicts first, then additions, then claims only one reports."""

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
from widgets.comparison_list import ComparisonList

SNIPPET = 60
#: The order a fact-checker reads in: what conflicts, what one source adds, what only one has.
STATUS_ORDER = {"differ": 0, "adds": 1, "only": 2}
#: Class filters, in the order ``f`` cycles through them (None: every claim).
CLASS_FILTERS: tuple[str | None, ...] = (None, "conflict", "addition", "wording")


def claim_snippet(comparison: Comparison, claim: Claim) -> str:
    """The first sentence of a claim, shortened, so the list reads like a table of contents."""
    for source_id, sentence_id in claim.sentences.items():
        text = " ".join(comparison.source(source_id).sentence_text(sentence_id).split())
        return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"
    return ""


def claim_matches(claim: Claim, cls: str | None, kind: str | None) -> bool:
    """Whether a claim has a difference of this class and kind (None: any)."""
    if cls is None and kind is None:
        return True
    return any(
        (cls is None or d.cls == cls) and (kind is None or d.kind == kind)
        for d in claim.differences
    )


def listed_claims(comparison: Comparison, cls: str | None, kind: str | None) -> list[Claim]:
    """Claims the list shows: conflicts, then additions, then only-here, each in reading order."""
    shown = [
        c
        for c in comparison.claims
        if c.status in STATUS_ORDER
        and (claim_matches(c, cls, kind) or (c.status == "only" and cls is None and kind is None))
    ]
    return sorted(shown, key=lambda c: STATUS_ORDER[c.status])


class DifferenceList(ComparisonList):
    """Claims that differ, add or appear once: conflicts first, with a filter by class and kind."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding(
            "f",
            "cycle_class",
            "Filter class",
            tooltip="Show all claims, only conflicts, additions or wording",
            id="differences.filter_class",
        ),
        Binding(
            "F",
            "cycle_kind",
            "Filter kind",
            tooltip="Show differences of one kind (number, date, quote, ...)",
            id="differences.filter_kind",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "difference-list--differ",
        "difference-list--adds",
        "difference-list--only",
    }

    filter_class: str | None = None
    filter_kind: str | None = None

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

    def _fill(self, comparison: Comparison) -> None:
        """Fill the list from an analysis (with the current filter)."""
        options: list[Option] = []
        marks = {"differ": "≠ ", "adds": "+ ", "only": "◆ "}
        for claim in listed_claims(comparison, self.filter_class, self.filter_kind):
            text = Text()
            sids = " ↔ ".join(claim.all_sentence_ids())
            style = self.get_component_rich_style(f"difference-list--{claim.status}")
            text.append(marks[claim.status], style=style)
            text.append(sids, style="bold")
            if claim.status == "only":
                text.append("  only here", style="italic")
            else:
                cls = "conflict" if claim.status == "differ" else "addition"
                kinds = sorted({d.kind for d in claim.differences if d.cls == cls})
                label = "conflict" if claim.status == "differ" else "adds"
                text.append(f"  {label}: {', '.join(kinds)}", style="italic")
            text.append(f"\n  {claim_snippet(comparison, claim)}", style="dim")
            options.append(Option(text, id=claim.id))
        self.border_subtitle = self._filter_label()
        self.clear_options()
        if options:
            self.add_options(options)
        elif self.filter_class or self.filter_kind:
            self.add_option(Option(f"No claim with {self._filter_label()}", disabled=True))
        else:
            self.add_option(Option("The sources agree on every claim", disabled=True))

    def _filter_label(self) -> str:
        parts = [p for p in (self.filter_class, self.filter_kind) if p]
        return " · ".join(parts) if parts else ""

    def action_cycle_class(self) -> None:
        """Next class filter: all, conflicts, additions, wording."""
        index = CLASS_FILTERS.index(self.filter_class)
        self.filter_class = CLASS_FILTERS[(index + 1) % len(CLASS_FILTERS)]
        self._refilter()

    def action_cycle_kind(self) -> None:
        """Next kind filter among the kinds this analysis has (number, date, quote, ...)."""
        if self._comparison is None:
            return
        kinds: list[str | None] = [None]
        kinds += sorted({d.kind for c in self._comparison.claims for d in c.differences})
        index = kinds.index(self.filter_kind) if self.filter_kind in kinds else 0
        self.filter_kind = kinds[(index + 1) % len(kinds)]
        self._refilter()

    def _refilter(self) -> None:
        if self._comparison is not None:
            self.show(self._comparison)
            self.highlighted = 0 if self.option_count else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.DifferenceChosen(self, event.option_id))
