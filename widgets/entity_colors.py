"""Entity colours that mean identity: one palette slot per entity of a comparison, by rank.

Colours are handed out per comparison, most-mentioned entities first, so no two of the
entities a reader meets most share a colour while the palette lasts; entities beyond it reuse
colours but carry a marker (bold text, a hollow swatch). Terminals without true colour, the
ANSI themes and ``NO_COLOR`` get a palette of distinct ANSI colours and a text style on every
entity, so names stay visible when colours collapse or disappear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.style import Style
from textual.color import Color

from newsdiff.model import Entity

#: WCAG contrast of text against its background that counts as readable (AA, normal text).
MIN_CONTRAST = 4.5

#: Twelve distinct mid-luminance hues that stay readable on dark and light backgrounds.
ENTITY_PALETTE = (
    "#e4572e",  # vermilion
    "#17a398",  # teal
    "#3a86ff",  # blue
    "#c03fa5",  # magenta
    "#7f9c12",  # olive
    "#d68910",  # amber
    "#8e6cc0",  # violet
    "#2a9d3f",  # green
    "#b5651d",  # brown
    "#d6336c",  # raspberry
    "#0e9fd8",  # sky
    "#6f7fa0",  # slate
)

#: The terminal's own colours, for 16-colour terminals and ANSI themes: the hex palette would
#: be folded onto these anyway, several hues onto one, so they are handed out directly.
ANSI_PALETTE = (
    "red",
    "green",
    "blue",
    "magenta",
    "cyan",
    "yellow",
    "bright_red",
    "bright_green",
    "bright_blue",
    "bright_magenta",
    "bright_cyan",
    "bright_yellow",
)


@dataclass(frozen=True, slots=True)
class EntityLook:
    """How one entity is drawn: its colour, and whether it shares it (the palette ran out)."""

    color: str
    marked: bool

    def style(self, *, low_color: bool, background: str | None = None) -> Style:
        """The text style of a mention, its colour made readable on ``background`` (hex).

        With few or no colours every entity is also bold, so names stand out from the text
        even when colours are folded together or stripped (``NO_COLOR``).
        """
        color = self.color
        if background and color.startswith("#"):
            color = readable(color, background)
        return Style(color=color, bold=self.marked or low_color)

    @property
    def swatch(self) -> str:
        """The actors list's mark: a full dot, or a hollow one when the colour is shared."""
        return "◍" if self.marked else "●"


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two hex colours (1 to 21)."""
    high, low = sorted((_luminance(Color.parse(a)), _luminance(Color.parse(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


@lru_cache(maxsize=256)
def readable(color: str, background: str) -> str:
    """The hue of ``color``, darkened on light backgrounds or lightened on dark ones, until
    it reaches :data:`MIN_CONTRAST` against ``background``: the palette's mid tones read at
    about 2.5:1 on a light theme."""
    base = Color.parse(color)
    dark_background = _luminance(Color.parse(background)) < 0.18
    candidate = base
    for step in range(1, 11):
        if contrast(candidate.hex, background) >= MIN_CONTRAST:
            break
        amount = step / 10
        candidate = base.lighten(amount * 0.6) if dark_background else base.darken(amount * 0.6)
    return candidate.hex


def entity_looks(entities: Sequence[Entity], *, low_color: bool = False) -> dict[str, EntityLook]:
    """A look per entity id, palette slots in order of mentions (ties by name, then id).

    The result depends only on the analysis, so it is the same in every column and on every
    run of the same articles.
    """
    palette = ANSI_PALETTE if low_color else ENTITY_PALETTE
    ranked = sorted(entities, key=lambda e: (-len(e.mentions), e.name.casefold(), e.id))
    return {
        e.id: EntityLook(palette[rank % len(palette)], rank >= len(palette))
        for rank, e in enumerate(ranked)
    }


def entity_colors(entities: Sequence[Entity], *, low_color: bool = False) -> dict[str, str]:
    """Colour per entity id (see :func:`entity_looks`)."""
    return {eid: look.color for eid, look in entity_looks(entities, low_color=low_color).items()}


def is_low_color(app: object) -> bool:
    """Whether entity colours cannot carry identity alone: NO_COLOR, an ANSI theme, or a
    terminal with 16 colours or none."""
    if getattr(app, "no_color", False) or getattr(app, "native_ansi_color", False):
        return True
    if getattr(app, "is_headless", False):
        return False  # tests and snapshots: no terminal to ask, the theme decides
    console = getattr(app, "console", None)
    return getattr(console, "color_system", "truecolor") in (None, "standard", "windows")
