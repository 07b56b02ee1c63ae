"""Size rules for the engine: no module over 700 lines, no function over 80 (DESIGN.md).

A module or function that grows past them is hard to review and to change one rule at a
time; split it the way ``newsdiff/times/`` is split. The word tables in ``newsdiff/lexicon/``
are exempt. ``ALLOWED`` lists what is over the limit today, each with the issue that will bring
it back under; an entry that is no longer needed fails too, so the list only shrinks.
"""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "newsdiff"
MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 80

#: Over the limit today: "module" or "module::function" -> the issue that fixes it.
ALLOWED: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "lexicon" not in p.relative_to(ENGINE).parts)


def _functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.ClassDef):
            found += _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            found.append((f"{prefix}{node.name}", node.end_lineno - node.lineno + 1))
            found += _functions(node, f"{prefix}{node.name}.")
    return found


def _oversized() -> dict[str, int]:
    over: dict[str, int] = {}
    for path in _modules():
        name = path.relative_to(ENGINE).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = len(source.splitlines())
        if lines > MAX_MODULE_LINES:
            over[name] = lines
        for function, length in _functions(ast.parse(source)):
            if length > MAX_FUNCTION_LINES:
                over[f"{name}::{function}"] = length
    return over


def test_no_module_or_function_over_the_limits() -> None:
    over = {k: v for k, v in _oversized().items() if k not in ALLOWED}
    assert not over, f"over {MAX_MODULE_LINES} lines (module) or {MAX_FUNCTION_LINES} (function)"


def test_every_allowance_is_still_needed() -> None:
    stale = sorted(set(ALLOWED) - set(_oversized()))
    assert not stale, "back under the limits: remove from ALLOWED"
