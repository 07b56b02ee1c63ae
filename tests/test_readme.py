"""The README is the newcomer's manual: its commands, keys and limits must match the code."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

from textual.binding import Binding

import tui
import widgets
from newsdiff.cli import build_parser
from newsdiff.ingest import MAX_SOURCES
from newsdiff.model import Comparison, Source

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: Textual key names as the README writes them.
KEY_NAMES = {
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "question_mark": "?",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "escape": "Esc",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "space": "Space",
    "home": "Home",
    "end": "End",
    "down": "↓",
    "up": "↑",
    "enter": "Enter",
    "ctrl+c": "Ctrl+C",
    "ctrl+p": "Ctrl+P",
    "ctrl+f": "Ctrl+F",
    "ctrl+q": "Ctrl+Q",
    "ctrl+r": "Ctrl+R",
    "ctrl+o": "Ctrl+O",
    "exclamation_mark": "!",
}


def section(title: str) -> str:
    """The README text under a heading, up to the next heading of any level."""
    match = re.search(rf"^#+ {re.escape(title)}\n(.*?)(?=^#)", README, re.S | re.M)
    assert match, title
    return match.group(1)


def ui_keys() -> set[str]:
    """Every key bound by the app, its screens and its widgets (plus Textual's palette key)."""
    keys = {"ctrl+p"}
    for package in (tui, widgets):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for obj in vars(module).values():
                if isinstance(obj, type) and obj.__module__ == module.__name__:
                    for binding in vars(obj).get("BINDINGS", ()):
                        key = binding.key if isinstance(binding, Binding) else binding[0]
                        keys.update(k.strip() for k in key.split(","))
    return keys


def test_readme_starts_with_the_two_commands_that_ci_runs() -> None:
    block = re.match(r"# newsdiff\n\n```sh\n(.*?)\n```\n", README, re.S)
    assert block, "the README must start with its set-up commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^RUN_(?:DEMO|TESTS)='(.*)'$", ci, re.M)
    assert block.group(1).split("\n") == commands
    assert commands[0].endswith(".venv/bin/newsdiff --demo")
    assert commands[1].endswith(".venv/bin/python -m pytest -q")
    assert "--upgrade" not in ci


def test_the_keys_table_lists_every_key() -> None:
    table = section("Keys in the UI")
    written = set(re.findall(r"`([^`]+)`", table))
    missing = []
    for key in sorted(ui_keys()):
        shown = "1`–`9" in table if key.isdigit() else KEY_NAMES.get(key, key) in written
        if not shown:
            missing.append(key)
    assert not missing, f"keys bound in tui/ or widgets/ but not in the README: {missing}"


def test_the_limit_on_sources_and_its_reason_are_documented() -> None:
    assert MAX_SOURCES == 26
    help_text = build_parser().format_help()
    assert f"at most {MAX_SOURCES}" in help_text
    assert "A to Z" in help_text
    assert re.search(rf"[Aa]t most\s+{MAX_SOURCES}\s+articles", README)
    assert "`A` to `Z`" in README


def test_the_screenshot_is_a_snapshot_the_tests_check() -> None:
    (path,) = re.findall(r"!\[[^\]]*\]\(([^)]+\.svg)\)", README)
    assert path.startswith("tests/tui/__snapshots__/")
    assert (ROOT / path).is_file()


def test_the_json_section_names_every_source_field() -> None:
    text = section("The JSON contract")
    source = Source("A", "a.txt", "a.txt", None, None, False, "Text.")
    fields = Comparison("0", "m", (source,), (), (), ()).to_dict()["sources"][0]
    for name in fields:
        assert re.search(rf"\b{name}\b", text), name


def test_the_readme_says_where_exports_go() -> None:
    assert "newsdiff-report-YYYYMMDD-HHMMSS.md" in README
    assert "~/Documents" in README
