"""Bytes to clean text: binary refused, encodings recognised, escapes removed, markup applied."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.fetch import is_url, url_label
from newsdiff.ingest.dates import split_header
from newsdiff.ingest.labels import language_warning
from newsdiff.ingest.markup import _apply_html, _apply_markdown
from newsdiff.ingest.raw import RawInput, _Raw
from newsdiff.textsafe import clean_text, has_unsafe, visible

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})


#: (magic bytes, what it looks like, what to do). Checked before any decoding.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", "convert it to text first (e.g. pdftotext FILE out.txt)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "newsdiff reads text, Markdown and HTML articles"),
    (b"\xff\xd8\xff", "a JPEG image", "newsdiff reads text, Markdown and HTML articles"),
    (b"GIF87a", "a GIF image", "newsdiff reads text, Markdown and HTML articles"),
    (b"GIF89a", "a GIF image", "newsdiff reads text, Markdown and HTML articles"),
    (
        b"PK\x03\x04",
        "a ZIP archive (.docx, .odt and .epub files are ZIP archives too)",
        "extract it or save the article as plain text first",
    ),
    (b"PK\x05\x06", "an empty ZIP archive", "save the article as plain text first"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first (e.g. gunzip)"),
    (b"\xfd7zXZ\x00", "an xz archive", "decompress it first (e.g. unxz)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it first"),
    (b"\x7fELF", "an executable (ELF)", "give a text, Markdown or HTML article"),
    (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)", "give a text, Markdown or HTML article"),
    (b"\xce\xfa\xed\xfe", "an executable (Mach-O)", "give a text, Markdown or HTML article"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office document (.doc/.xls)",
        "save the article as plain text first",
    ),
    (b"SQLite format 3\x00", "an SQLite database", "give a text, Markdown or HTML article"),
    (b"OggS", "an Ogg media file", "give a text, Markdown or HTML article"),
    (b"ID3", "an MP3 audio file", "give a text, Markdown or HTML article"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def _sniff_binary(data: bytes) -> tuple[str, str] | None:
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            return what, hint
    if data.startswith(b"MZ") and b"\x00" in data[:512]:
        return "a Windows executable", "give a text, Markdown or HTML article"
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime media file", "give a text, Markdown or HTML article"
    if data.startswith(b"RIFF") and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a RIFF media file (WAV/AVI/WebP)", "give a text, Markdown or HTML article"
    return None


def _bomless_utf16(sample: bytes) -> str | None:
    """Name the UTF-16 byte order of BOM-less text whose ASCII letters leave every other byte 0."""
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decode(name: str, data: bytes) -> tuple[str, list[str]]:
    """Decode bytes to text; returns the text and warnings (guessed encoding, stray NULs)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), []
            except UnicodeDecodeError:
                raise NewsdiffError(
                    f"{name} starts with a {label} byte-order mark but is not valid {label}; "
                    f"re-save it as UTF-8",
                    ExitCode.ENCODING,
                ) from None
    if b"\x00" in data[:8192]:
        codec16 = _bomless_utf16(data[:8192])
        if codec16 is not None:
            try:
                return data.decode(codec16), [f"has no byte-order mark; read it as {codec16}"]
            except UnicodeDecodeError:
                pass
    notes: list[str] = []
    nuls = data.count(0)
    if nuls > max(2, len(data) // 1000):
        raise NewsdiffError(
            f"{name} looks like binary data, not a text article "
            f"({nuls} NUL bytes); give a text, Markdown or HTML file",
            ExitCode.BINARY,
        )
    if nuls:
        # A stray NUL or two (a bad copy-paste, a cut download) is not worth refusing an
        # article over, and no reader wants to see them.
        data = data.replace(b"\x00", b"")
        notes.append(f"had {nuls} stray NUL byte{'s' if nuls > 1 else ''}; removed")
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    encoding, text = _guess_encoding(name, data)
    notes.append(f"is not UTF-8; read it as {encoding} (a guess: check its quotes and accents)")
    return text, notes


def _guess_encoding(name: str, data: bytes) -> tuple[str, str]:
    # Mostly-ASCII text with a few high bytes is almost always Windows-1252 (smart quotes,
    # accents). Detectors guess wildly on so little evidence (UTF-16, cp1006, mac_iceland),
    # so this common case is settled first. Cyrillic or Greek code pages have far more high
    # bytes and go to the detector, unless the text is too short for it to judge.
    high = sum(1 for byte in data if byte >= 0x80)
    if high / len(data) < 0.2 or len(data) < 64:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if not any(unicodedata.category(ch) == "Cc" for ch in text if ord(ch) >= 0x80):
                return "cp1252", text
    import charset_normalizer  # only non-UTF-8 input pays for the detector

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NewsdiffError(
            f"{name} is not UTF-8 and its encoding could not be recognised; convert it "
            f"to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.txt)",
            ExitCode.ENCODING,
        )
    text = str(best)
    encoding = best.encoding
    # Single-byte Western code pages often decode English identically; name the usual one.
    if encoding != "cp1252":
        try:
            if data.decode("cp1252") == text:
                encoding = "cp1252"
        except UnicodeDecodeError:
            pass
    return encoding, text


def _check_text_is_text(name: str, text: str) -> None:
    sample = text[:20000]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    if sample and controls / len(sample) > 0.02:
        raise NewsdiffError(
            f"{name} looks like binary data, not a text article "
            f"({controls} control characters); give a text, Markdown or HTML file",
            ExitCode.BINARY,
        )


def _decode_and_clean(sid: str, path: str, label: str, data: bytes, *, suffix: str) -> _Raw:
    name = "stdin" if path == "-" else repr(path)  # as shown in messages
    if not data:
        raise NewsdiffError(f"{name} is empty; give a file with the article's text", ExitCode.EMPTY)
    found = _sniff_binary(data)
    if found is not None:
        what, hint = found
        raise NewsdiffError(
            f"{name} looks like {what}, not a text article; {hint}", ExitCode.BINARY
        )
    text, notes = _decode(name, data)
    _check_text_is_text(name, text)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NewsdiffError(
            f"{name} contains only whitespace; give a file with the article's text",
            ExitCode.EMPTY,
        )
    # The label is shown as a column header and in messages: a file name can hold anything.
    raw = _Raw(id=sid, path=path, label=visible(label), text=text, notes=notes)
    kind = _format_of(suffix.lower(), text)
    if kind == "html":
        _apply_html(raw)
    elif kind == "markdown":
        _apply_markdown(raw)
    # Once, after markup is gone (HTML entities such as &#27; decode to ESC), and before any
    # offset is taken: every offset into Source.text refers to the cleaned text.
    if has_unsafe(raw.text):
        raw.text = clean_text(raw.text)
        raw.notes.append("held terminal control characters or bidi overrides; they were removed")
    if raw.title is not None:
        raw.title = " ".join(clean_text(raw.title).split()) or None
    if not raw.text.strip():
        what = {"html": "an HTML page", "markdown": "a Markdown file"}.get(kind, "a file")
        removed = "its markup is" if kind != "text" else "terminal control characters are"
        raise NewsdiffError(
            f"{name} is {what} with no readable text once {removed} removed",
            ExitCode.EMPTY,
        )
    header = split_header(raw.text)
    raw.text = header.body
    raw.dateline = header.date
    raw.dateline_text = header.dateline
    raw.byline = header.byline or raw.byline
    language_note = language_warning(raw.text)
    if language_note:
        raw.notes.append(language_note)
    return raw


def _format_of(suffix: str, text: str) -> str:
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:5000].lower():
        return "html"
    if head.startswith("<") and ("<body" in head or head.count("<p") >= 2):
        return "html"
    if not suffix and re.match(r"(?:---\n|#{1,6} \S)", text.lstrip(" \t")):
        return "markdown"  # stdin or an extension-less file that opens like Markdown
    return "text"


def _decode_input(sid: str, raw_input: RawInput) -> _Raw:
    path = raw_input.path
    if path == "-":
        raw = _decode_and_clean(sid, "-", "stdin", raw_input.data, suffix="")
    elif is_url(path):  # a web page is read as HTML whatever its URL ends with
        raw = _decode_and_clean(sid, path, url_label(path), raw_input.data, suffix=".html")
    else:
        name = Path(path).name or path
        raw = _decode_and_clean(sid, path, name, raw_input.data, suffix=Path(path).suffix)
        raw.mtime = raw_input.mtime_ns / 1e9
        raw.real_path = raw_input.real_path
    raw.digest = hashlib.sha256(raw_input.data).hexdigest()
    return raw
