"""Literal, case-insensitive search over the shown text of every column, as pagers do it."""

from __future__ import annotations

import re

#: Matches kept per column: enough for any reader, bounded for a pathological query ("e").
MAX_MATCHES = 5000


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Character spans of ``query`` in ``text``, ignoring case, in reading order.

    Literal, not a regular expression: readers search for names and numbers ("$5,687.75"),
    where regex syntax would only surprise them. Runs of whitespace in the query match any
    whitespace, so a phrase still matches across a line break of the article.
    """
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            spans.append(match.span())
            if len(spans) >= MAX_MATCHES:
                break
    return spans
