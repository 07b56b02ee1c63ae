"""A sidebar list filled from one analysis, whose status labels follow a live theme switch."""

from __future__ import annotations

from textual.widgets import OptionList

from newsdiff.model import Comparison


class ComparisonList(OptionList):
    """An option list whose prompts carry component styles, refilled when the theme changes.

    Prompts are ``Text`` built once with the styles of the time, so a theme switch would leave
    the old colours behind; this base remembers the analysis and the styles it drew with, and
    draws again (keeping the highlighted row) only when those styles really changed.
    """

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
        """Fill the list from an analysis, with the styles of the current theme."""
        self._comparison = comparison
        self._styles_seen = self._status_styles()
        self._fill(comparison)

    def _fill(self, comparison: Comparison) -> None:
        """Replace the options with those of ``comparison`` (each list says which)."""
        raise NotImplementedError
