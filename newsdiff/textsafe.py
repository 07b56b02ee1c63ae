"""The one policy for untrusted text on its way to a terminal: no escapes, controls or bidi tricks.

Article text, titles, file names, config values and messages that quote them all come from
outside. A terminal obeys what is written to it: ``ESC ] 52 ; c ; <base64> ESC \\`` sets the
clipboard, ``ESC ] 0 ; ...`` the window title, U+009B is an 8-bit CSI, and U+202E
(RIGHT-TO-LEFT OVERRIDE) makes ``txt.exe`` read as ``exe.txt``. Rich and Textual pass ESC
through unchanged, so the engine removes all of it where text enters (:func:`clean_text`,
used by ingest on every article, so every offset into ``Source.text`` already refers to the
cleaned text) and shows it as visible escapes where a name or message leaves
(:func:`visible`, used for labels, stderr and reports).
"""

from __future__ import annotations

import re

#: Characters no untrusted string may carry to a terminal: C0 controls except tab and line
#: feed, DEL, the C1 controls U+0080-U+009F (U+009B is CSI, U+009D OSC), and the bidi
#: embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). The marks U+200E/U+200F
#: stay: they cannot reorder text beyond one character and real Arabic and Hebrew use them.
UNSAFE_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"

_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
#: The same, plus tab and line feed: a name or message must stay on one line.
_UNSAFE_IN_LINE = re.compile(f"[{UNSAFE_CHARS}\t\n]")
#: Control characters that JSON leaves raw when ``ensure_ascii=False`` (it escapes C0 itself).
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: Whole escape sequences, so that ``ESC [ 1 m`` leaves nothing (not a stray ``[1m``) in the
#: text. String sequences (OSC, DCS, APC, PM, SOS) are removed only up to a terminator (BEL or
#: ST); an unterminated one loses only its introducer below, and its payload stays as plain,
#: harmless text rather than swallowing the rest of the article.
_SEQUENCE = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC ... BEL or ST
    r"|(?:\x1b[P_^X]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)"  # DCS/SOS/PM/APC ... ST
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI parameters, intermediates, final byte
    r"|\x1b[ -/]*[0-~]?"  # two- and three-byte escapes (charset, keypad, RIS)
)

#: Page breaks and vertical tabs separate text like line breaks do.
_LINE_LIKE = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n"})


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds anything :func:`clean_text` would change (cheap: one scan)."""
    return _UNSAFE.search(text) is not None


def clean_text(text: str) -> str:
    """Article text a terminal can show as is: escape sequences and unsafe characters removed.

    Removal rather than a replacement character, because the text is read: a headline with
    ``ESC ] 0 ; pwned BEL`` in it reads as the headline. Tab and line feed stay (they are the
    article's layout); vertical tab, form feed and the separators become line feeds.
    """
    if not has_unsafe(text):
        return text
    text = _SEQUENCE.sub("", text).translate(_LINE_LIKE)
    return _UNSAFE.sub("", text)


def visible(text: str) -> str:
    """A name or message as one safe line, every unsafe character shown as its escape.

    For file names, config values and messages that quote them: the reader must still be able
    to tell which file is meant (``evil\\x1b]52.txt``), so nothing is dropped, but nothing can
    act on the terminal either. Tab and line feed are escaped too: a one-line message stays
    one line.
    """
    return _UNSAFE_IN_LINE.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with DEL, C1 and bidi escaped.

    ``json.dumps`` already escapes C0 controls; the rest can only occur inside JSON strings,
    where ``\\uXXXX`` means the same character, so the data is unchanged for a parser.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
