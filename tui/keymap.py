"""The ``[keymap]`` table of config.toml checked against Textual's key names and our binding ids."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from textual.binding import Binding, BindingType
from textual.keys import Keys, key_to_character

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED_KEYS = frozenset(k.value for k in Keys)


def binding_ids(groups: Iterable[Sequence[BindingType]]) -> set[str]:
    """Every binding id in these ``BINDINGS`` lists."""
    return {b.id for group in groups for b in group if isinstance(b, Binding) and b.id}


def is_key_name(key: str) -> bool:
    """Whether Textual can ever deliver this key: ``x``, ``ctrl+x``, ``f5``, ``question_mark``."""
    *modifiers, name = key.split("+")
    if not name or not set(modifiers) <= MODIFIERS:
        return False
    if len(name) == 1 or name in _NAMED_KEYS:
        return True
    # Unicode names reach far ("banana" is U+1F34C): only keys a keyboard types, i.e. ASCII
    # punctuation (question_mark) and letters of any script.
    char = key_to_character(name)
    return char is not None and (char.isascii() or unicodedata.category(char).startswith("L"))


def check_keymap(
    pairs: Iterable[tuple[str, str]], known_ids: set[str]
) -> tuple[dict[str, str], list[str]]:
    """The usable part of a keymap, and one warning line per entry that is not usable.

    Args:
        pairs: (binding id, comma-separated keys) as read from config.toml.
        known_ids: The ids of the app's bindings.

    Returns:
        The keymap to pass to ``App.set_keymap`` and the warnings to show.
    """
    keymap: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in pairs:
        if binding_id not in known_ids:
            warnings.append(
                f"keymap: unknown binding {binding_id!r} (the help, ?, lists the ids); ignored"
            )
            continue
        names = [k.strip() for k in keys.split(",")]
        bad = [k for k in names if not is_key_name(k)]
        if bad:
            warnings.append(
                f"keymap: {binding_id} = {keys!r}: {bad[0]!r} is not a key name; ignored"
            )
            continue
        keymap[binding_id] = ",".join(names)
    return keymap, warnings
