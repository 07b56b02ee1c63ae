"""User settings from config.toml (read-only) and UI preferences the app saves in ui.json."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import platformdirs

from newsdiff.frozen import Frozen
from newsdiff.fsutil import atomic_write_text

#: Largest size limit accepted (``max_file_mb``, ``--max-size``), in megabytes: far beyond any
#: article, and small enough that the byte count stays a valid read size.
MAX_FILE_MB = 10_000.0

#: Environment variable that overrides the configured pipeline (``--model`` still wins).
MODEL_ENV = "NEWSDIFF_MODEL"


class Config(Frozen):
    """Settings a user writes in ``config.toml``; newsdiff itself never writes that file."""

    __slots__ = ("model", "max_file_mb", "theme", "sidebar", "detail", "cache", "keymap")  # noqa: RUF023

    model: str | None
    """spaCy pipeline package to use, e.g. ``en_core_web_lg``; None picks the best installed."""
    max_file_mb: float
    """Largest input file accepted, in megabytes (``--max-size`` overrides it)."""
    theme: str | None
    """Textual theme name for the UI, e.g. ``nord``; None keeps the last one chosen in the app."""
    sidebar: bool
    """Show the entity sidebar when the UI starts."""
    detail: bool
    """Show the claim detail panel when the UI starts."""
    cache: bool
    """Reuse earlier analyses of the same articles (``--no-cache`` turns it off for one run)."""
    keymap: tuple[tuple[str, str], ...]
    """``[keymap]`` table: (binding id, keys) pairs, e.g. ``("quit", "x")``. Kept as plain
    strings here; the UI checks the key names (the engine knows nothing of keys)."""

    def __init__(
        self,
        model: str | None = None,
        max_file_mb: float = 5.0,
        theme: str | None = None,
        sidebar: bool = True,
        detail: bool = True,
        cache: bool = True,
        keymap: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self._init(
            model=model,
            max_file_mb=max_file_mb,
            theme=theme,
            sidebar=sidebar,
            detail=detail,
            cache=cache,
            keymap=keymap,
        )


class UiPrefs(Frozen):
    """Preferences the UI remembers between runs, saved by the app in ``ui.json``."""

    __slots__ = ("theme", "sidebar", "detail")  # noqa: RUF023

    theme: str | None
    """Theme last chosen in the app."""
    sidebar: bool
    """Whether the entity sidebar was open."""
    detail: bool
    """Whether the claim detail panel was open."""

    def __init__(self, theme: str | None = None, sidebar: bool = True, detail: bool = True) -> None:
        self._init(theme=theme, sidebar=sidebar, detail=detail)


def config_dir() -> Path:
    """Per-user config directory (``~/.config/newsdiff`` on Linux)."""
    return platformdirs.user_config_path("newsdiff", appauthor=False)


def config_path() -> Path:
    """Where ``load_config`` looks by default."""
    return config_dir() / "config.toml"


def ui_prefs_path() -> Path:
    """Where the UI keeps its own preferences (separate, so config.toml stays user-owned)."""
    return config_dir() / "ui.json"


def display_path(path: Path) -> str:
    """Path as users would type it: the home directory shown as ``~``."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


# type(default) is not enough: Optional fields have a None default.
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "model": (str,),
    "max_file_mb": (int, float),
    "theme": (str,),
    "sidebar": (bool,),
    "detail": (bool,),
    "cache": (bool,),
    "keymap": (dict,),
}
_TYPE_NAMES = {
    "model": "a string",
    "theme": "a string",
    "max_file_mb": "a number",
    "keymap": "a table ([keymap])",
}


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """Read the user's config, never failing: problems come back as warnings.

    A broken file must not stop someone from reading articles, so a file that is missing uses
    defaults silently, and a file that cannot be read or parsed, an unknown key or a value of
    the wrong type is reported as ``path:line: reason; using ...`` and replaced by defaults.
    ``NEWSDIFF_MODEL`` overrides the configured model.

    Args:
        path: Config file to read; defaults to :func:`config_path`.

    Returns:
        The config and the warnings to show the user.
    """
    path = config_path() if path is None else path
    shown = display_path(path)
    warnings: list[str] = []
    config = Config()
    raw: bytes | None = None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        warnings.append(f"{shown}: is a directory, not a file; using defaults")
    except OSError as exc:
        warnings.append(f"{shown}: cannot read it ({exc.strerror or exc}); using defaults")
    if raw is not None:
        config = _parse(raw, shown, warnings)
    env_model = os.environ.get(MODEL_ENV, "").strip()
    if env_model:
        config = config.replace(model=env_model)
    return config, warnings


def _parse(raw: bytes, shown: str, warnings: list[str]) -> Config:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        warnings.append(f"{shown}:{line}: not valid UTF-8; using defaults")
        return Config()
    import tomllib  # only when a config file exists: most runs have none

    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        warnings.append(f"{shown}: nested too deeply to be a config file; using defaults")
        return Config()
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 only puts the position in the message: "... (at line 3, column 7)".
        message = str(exc)
        match = re.search(r"\(at (?:line (\d+), column \d+|end of document)\)$", message)
        reason = message[: match.start()].strip() if match else message
        # "at end of document" means a truncated file: point at its last line.
        where = match.group(1) if match and match.group(1) else max(1, len(text.splitlines()))
        warnings.append(f"{shown}:{where}: {reason}; using defaults")
        return Config()
    defaults = Config()
    values: dict[str, Any] = {}
    known = list(Config.fields())
    value: Any
    for key, value in data.items():
        line = _line_of_key(text, key)
        if key not in _FIELD_TYPES:
            warnings.append(
                f"{shown}:{line}: unknown key {key!r} (known keys: {', '.join(known)}); ignored"
            )
            continue
        expected = _FIELD_TYPES[key]
        # bool is an int subclass: `max_file_mb = true` must not pass as a number.
        if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
            kind = _TYPE_NAMES.get(key, "true or false")
            warnings.append(
                f"{shown}:{line}: {key} must be {kind}, not {_toml_repr(value)}; "
                f"using the default ({_toml_repr(getattr(defaults, key))})"
            )
            continue
        if key == "max_file_mb" and isinstance(value, int | float):
            if not 0 < value <= MAX_FILE_MB:  # also rejects nan and inf
                warnings.append(
                    f"{shown}:{line}: max_file_mb must be a number of megabytes above 0 and at "
                    f"most {MAX_FILE_MB:g}, not {value}; using the default ({defaults.max_file_mb})"
                )
                continue
            value = float(value)
        if key in ("model", "theme") and not str(value).strip():
            continue  # an empty string means "not set", like leaving the key out
        if key == "keymap":
            value = _keymap_pairs(value, text, shown, warnings)
        values[key] = value
    return defaults.replace(**values)


def _keymap_pairs(
    table: dict[str, Any], text: str, shown: str, warnings: list[str]
) -> tuple[tuple[str, str], ...]:
    """``[keymap]`` entries as (binding id, keys) strings; anything else is warned about."""
    pairs: list[tuple[str, str]] = []
    for binding_id, keys in table.items():
        line = _line_of_key(text, binding_id)
        if not isinstance(keys, str) or not keys.strip():
            warnings.append(
                f'{shown}:{line}: keymap.{binding_id} must be a key name such as "x" or '
                f'"ctrl+x", not {_toml_repr(keys)}; ignored'
            )
            continue
        pairs.append((binding_id, keys.strip()))
    return tuple(pairs)


def _line_of_key(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _toml_repr(value: object) -> str:
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def load_ui_prefs(path: Path | None = None, *, defaults: UiPrefs | None = None) -> UiPrefs:
    """The UI's remembered preferences; anything missing or malformed falls back to defaults.

    The app wrote this file itself, so a broken one is not worth a warning: it is rewritten on
    the next save.

    Args:
        path: File to read; defaults to :func:`ui_prefs_path`.
        defaults: Values for keys the file does not have, e.g. the user's ``config.toml``
            choices (``UiPrefs(theme=config.theme, sidebar=config.sidebar, ...)``), so that
            what was changed in the app wins and the config fills in the rest.
    """
    path = ui_prefs_path() if path is None else path
    prefs = defaults if defaults is not None else UiPrefs()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # deeply nested JSON is corrupt too
        return prefs
    if not isinstance(data, dict):
        return prefs
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        prefs = prefs.replace(theme=theme)
    for key in ("sidebar", "detail"):
        if isinstance(data.get(key), bool):
            prefs = prefs.replace(**{key: data[key]})
    return prefs


def save_ui_prefs(prefs: UiPrefs, path: Path | None = None) -> None:
    """Save the UI's preferences atomically (two app windows may save at the same time)."""
    path = ui_prefs_path() if path is None else path
    atomic_write_text(path, json.dumps(prefs.as_dict(), indent=2, sort_keys=True) + "\n")
