"""Title-case headlines, which a tagger trained on prose reads badly."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span


def is_headline(sent: Span, common: frozenset[str] = frozenset()) -> bool:
    """Title Case lines ("Hawks Beat Rovers 23-20") defeat a tagger trained on prose.

    AP-style titles keep short function words in lower case ("Farmers Call on State
    Lawmakers to Scrap Walsh Rules"); such a line is a headline too when two or more
    of its capitalised words are ones the comparison writes in lower case (``common``):
    verbs and common nouns, which prose capitalises only at a sentence start, and when it
    does not end with a full stop.
    """
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) / len(words) < 0.75:
        return False
    # Prose writes "with", "into", "from" in lower case; headline style capitalises them.
    small = [t for t in sent[1:] if t.is_stop and t.is_alpha and len(t) >= 3]
    if small and all(t.text[0].isupper() for t in small):
        return True
    last = next((t.text for t in reversed(sent) if not t.is_space), "")
    if last in {".", "!", "?"}:
        return False  # a headline has no full stop; prose dense with names does
    return not small or sum(t.lower_ in common for t in words[1:] if t.text[0].isupper()) >= 2
