"""The comparison screen's key bindings, each with an id that ``[keymap]`` in config.toml remaps."""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: Actions that need the analysis; check_action disables them until it arrives.
NEEDS_ANALYSIS = frozenset(
    {
        "next_difference",
        "prev_difference",
        "next_only",
        "next_mention",
        "prev_mention",
        "focus_actors",
        "focus_talks",
        "focus_differences",
        "fuzzy_search",
        "copy_sentence",
        "copy_claim",
    }
)

#: One description for J and K, so the help screen lists them on one row.
DETAIL_SCROLL = "Scroll the claim detail panel down / up (every source of a claim, its differences)"

MAIN_BINDINGS: list[BindingType] = [
    Binding(
        "question_mark", "help", "Help", key_display="?", tooltip="This list of keys", id="help"
    ),
    Binding("tab", "next_source", "Next source", priority=True, show=False, id="source.cycle"),
    Binding(
        "shift+tab",
        "prev_source",
        "Previous source",
        priority=True,
        show=False,
        id="source.cycle_back",
    ),
    Binding(
        "l", "next_source", "Source", key_display="h/l", tooltip="Next source", id="source.next"
    ),
    Binding("h", "prev_source", "Previous source", show=False, id="source.prev"),
    *[
        Binding(
            str(n),
            f"goto_source({n - 1})",
            f"Source {n}",
            show=False,
            tooltip="Go to source N",
            id=f"source.{n}",
        )
        for n in range(1, 10)
    ],
    Binding(
        "right_square_bracket",
        "next_difference",
        "Diff",
        key_display="[/]",
        tooltip="Next conflicting claim (conflicts first, then additions)",
        id="difference.next",
    ),
    Binding(
        "left_square_bracket",
        "prev_difference",
        "Previous difference",
        show=False,
        tooltip="Previous conflicting claim (then additions)",
        id="difference.prev",
    ),
    Binding(
        "u", "next_only", "Only here", tooltip="Next claim only this source reports", id="only.next"
    ),
    Binding(
        "m",
        "next_mention",
        "Mention",
        key_display="m/M",
        tooltip="Next mention of the chosen actor (was n before 0.3)",
        id="mention.next",
    ),
    Binding(
        "M",
        "prev_mention",
        "Previous mention",
        show=False,
        tooltip="Previous mention of the chosen actor (was N before 0.3)",
        id="mention.prev",
    ),
    Binding(
        "e",
        "focus_actors",
        "Actors",
        tooltip="Actors list (Enter highlights an actor)",
        id="actors",
    ),
    Binding(
        "t",
        "focus_talks",
        "Talks",
        tooltip="Talks timeline (Enter jumps to the evidence)",
        id="talks",
    ),
    Binding(
        "D",
        "focus_differences",
        "Differences",
        show=False,
        tooltip="Differences list",
        id="differences",
    ),
    Binding(
        "slash",
        "search",
        "Search",
        key_display="/",
        tooltip="Search every column: all matches are highlighted (Enter, then n/N)",
        id="search",
    ),
    Binding(
        "n",
        "next_match",
        "Next match",
        key_display="n/N",
        show=False,
        tooltip="Next search match in this column, with 'k of m'",
        id="match.next",
    ),
    Binding(
        "N",
        "prev_match",
        "Previous match",
        show=False,
        tooltip="Previous search match in this column",
        id="match.prev",
    ),
    Binding(
        "ctrl+f",
        "fuzzy_search",
        "Find sentence",
        show=False,
        tooltip="Fuzzy search: the sentences closest to what you type, in every source",
        id="search.fuzzy",
    ),
    Binding(
        "y", "copy_sentence", "Copy", key_display="y/Y", tooltip="Copy this sentence", id="copy"
    ),
    Binding(
        "Y",
        "copy_claim",
        "Copy claim",
        show=False,
        tooltip="Copy this claim as Markdown: every source's sentence and the differences",
        id="copy.claim",
    ),
    Binding(
        "exclamation_mark",
        "warnings",
        "Warnings",
        key_display="!",
        tooltip="Warnings about the sources: guessed years, borrowed dates, encodings",
        id="warnings",
    ),
    Binding("s", "toggle_sidebar", "Sidebar", tooltip="Show or hide the sidebar", id="sidebar"),
    Binding("d", "toggle_detail", "Detail", tooltip="Show or hide the claim detail", id="detail"),
    # The detail panel is never focused (focus stays in the text, where j/k read on), so its
    # scroll keys live on the screen; J/K as lazygit scrolls its main panel from elsewhere.
    Binding(
        "J",
        "scroll_detail(1)",
        "Scroll detail",
        key_display="J/K",
        show=False,
        tooltip=DETAIL_SCROLL,
        id="detail.scroll_down",
    ),
    Binding(
        "K",
        "scroll_detail(-1)",
        "Scroll detail up",
        show=False,
        tooltip=DETAIL_SCROLL,
        id="detail.scroll_up",
    ),
    Binding(
        "escape",
        "escape",
        "Close",
        show=False,
        tooltip="Cancel the running analysis, close the overlay or search, leave the sidebar, "
        "or clear the chosen actor",
        id="close",
    ),
    Binding(
        "ctrl+o",
        "open_source",
        "Open",
        show=False,
        tooltip="Open another file or URL as a new column (the analysis runs again)",
        id="open",
    ),
    Binding(
        "ctrl+r",
        "analyse",
        "Analyse",
        show=False,
        tooltip="Analyse again after the analysis was cancelled or failed",
        id="analyse",
    ),
]
