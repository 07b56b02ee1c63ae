"""Read articles (text, Markdown, HTML, stdin) into Sources; every bad input is a clear error."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsdiff.config import config_path, display_path
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.fetch import fetch, is_url, url_label
from newsdiff.frozen import Frozen
from newsdiff.lexicon.dates import MONTHS, WEEKDAY_NAMES
from newsdiff.textsafe import clean_text, has_unsafe, visible

if TYPE_CHECKING:  # built only in _finish: a warm --json run never needs the data model
    from newsdiff.model import Source

#: Default limit on one input; spaCy needs roughly 1 GB of memory per 1 MB of text.
DEFAULT_MAX_BYTES = 5_000_000

#: Ids beyond Z would read like sentence ids of another source (``AA3``); 26 is plenty.
MAX_SOURCES = 26

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})


class _Raw:
    """One input between reading and building its Source.

    A plain class rather than a dataclass: the ``--json`` warm path imports this module, and
    ``dataclasses`` (with ``inspect``) would be a fifth of that path's imports.
    """

    __slots__ = (
        "byline", "dateline", "dateline_text", "digest", "id", "label", "mtime", "notes", "path",
        "published", "real_path", "text", "title",
    )  # fmt: skip

    def __init__(
        self, *, id: str, path: str, label: str, text: str, notes: list[str] | None = None
    ) -> None:
        self.id = id
        self.path = path
        self.label = label
        self.text = text
        self.title: str | None = None
        self.published: str | None = None
        self.dateline: _Dateline | None = None
        """The publication date the opening lines give (they are cut from ``text``)."""
        self.dateline_text: str | None = None
        self.byline: str | None = None
        self.mtime: float | None = None
        self.real_path: str | None = None
        self.digest = ""
        self.notes: list[str] = notes if notes is not None else []
        """Warnings without their subject: "looks like Spanish, not English; ..."."""


class _Dateline(Frozen):
    """A date found at the start of the text; ``year`` is None for ``WASHINGTON, Dec 30 -``.

    ``start`` and ``end`` are offsets into the text it was found in, before the header was cut.
    """

    __slots__ = ("year", "month", "day", "start", "end", "text")  # noqa: RUF023

    year: int | None
    month: int
    day: int
    start: int
    end: int
    text: str

    def __init__(
        self, year: int | None, month: int, day: int, start: int, end: int, text: str
    ) -> None:
        self._init(year=year, month=month, day=day, start=start, end=end, text=text)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def demo_paths() -> list[str]:
    """The two bundled example articles, as paths on disk (they ship inside the wheel).

    A plain path next to this module: ``importlib.resources`` costs ~10 ms to import, paid on
    every warm run, and newsdiff is never installed as a zip.
    """
    data = Path(__file__).resolve().parent / "data"
    return [str(data / "example_a.txt"), str(data / "example_b.txt")]


def parse_date_option(value: str) -> tuple[str, str]:
    """Split ``--date SRC=YYYY-MM-DD`` into the source and a validated ISO date.

    ``SRC`` may be a source id (``B``), a file name or a path as given; it is matched in
    :func:`read_sources`, which knows the sources.

    Raises:
        NewsdiffError: BAD_DATE when the value is malformed or the date does not exist.
    """
    src, sep, date_text = value.rpartition("=")
    if not sep or not src.strip() or not date_text.strip():
        raise NewsdiffError(
            f"--date {value}: expected SRC=YYYY-MM-DD, e.g. --date B=2021-12-30",
            ExitCode.BAD_DATE,
        )
    return src.strip(), _validate_iso(date_text.strip(), f"--date {value}")


class RawInput(Frozen):
    """One input's bytes, read once and never more than the size limit.

    A pipe, a FIFO or ``<(process substitution)`` can be read only once, and ``/dev/zero``
    never ends: every consumer (the ``--json`` warm path's cache key, then ingest) works from
    these bytes instead of opening the path again.
    """

    __slots__ = ("path", "data", "mtime_ns", "real_path")  # noqa: RUF023

    path: str
    """As given on the command line; ``-`` is stdin."""
    data: bytes
    mtime_ns: int
    """Modification time (0 for stdin): a dateline without a year borrows the file's year."""
    real_path: str | None

    def __init__(
        self, path: str, data: bytes, mtime_ns: int = 0, real_path: str | None = None
    ) -> None:
        self._init(path=path, data=data, mtime_ns=mtime_ns, real_path=real_path)


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> list[RawInput]:
    """Read every path (``-`` is stdin) once, each up to ``max_bytes``.

    Raises:
        NewsdiffError: too many paths, stdin given twice or closed, a file is missing,
            unreadable, a directory or over the size limit.
    """
    if len(paths) > MAX_SOURCES:
        raise NewsdiffError(
            f"{len(paths)} articles given; newsdiff compares at most {MAX_SOURCES} "
            f"(they are named A to Z)",
            ExitCode.USAGE,
        )
    if sum(1 for p in paths if p == "-") > 1:
        raise NewsdiffError("stdin ('-') can only be given once", ExitCode.USAGE)
    return [_read_input(path, max_bytes=max_bytes, stdin=stdin) for path in paths]


def read_sources(
    paths: Sequence[str],
    *,
    dates: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> list[Source]:
    """Read each path (``-`` is stdin) into a Source with ids A, B, C... in argument order.

    Publication dates come from ``dates`` (``--date``), else the HTML or front-matter
    metadata, else a dateline at the start of the text; a source without one borrows the
    date of the others and is marked ``published_inferred``. Non-fatal problems (a guessed
    encoding, text that is not English, the same file twice) go into ``Source.warnings``.

    Args:
        paths: Files to read, or ``-`` for standard input (at most once).
        dates: Source (id, file name or path) -> ISO date, overriding anything found.
        max_bytes: Largest input accepted.
        stdin: Stream to read ``-`` from; defaults to ``sys.stdin.buffer``.

    Raises:
        NewsdiffError: a file is missing, unreadable, binary, empty, undecodable, too
            large, stdin is given twice, or a ``--date`` names no source.
    """
    inputs = read_inputs(paths, max_bytes=max_bytes, stdin=stdin)
    return sources_from_inputs(inputs, dates=dates)


def sources_from_inputs(
    inputs: Sequence[RawInput], *, dates: Mapping[str, str] | None = None
) -> list[Source]:
    """Build Sources from bytes already read by :func:`read_inputs` (see :func:`read_sources`).

    Raises:
        NewsdiffError: an input is binary, empty or undecodable, or a ``--date`` names no
            source.
    """
    raws = [_decode_input(chr(ord("A") + i), raw) for i, raw in enumerate(inputs)]
    _assign_labels(raws)
    _flag_duplicates(raws)
    overrides = _match_dates(raws, dates or {})
    return _finish(raws, overrides)


# --------------------------------------------------------------------------------------------
# Reading bytes
# --------------------------------------------------------------------------------------------


def _read_input(path: str, *, max_bytes: int, stdin: BinaryIO | None) -> RawInput:
    if path == "-":
        stream = stdin if stdin is not None else _stdin_buffer()
        try:
            data = stream.read(max_bytes + 1)
        except (OSError, ValueError) as exc:  # ValueError: the stream was closed
            raise NewsdiffError(
                f"cannot read stdin ('-'): {getattr(exc, 'strerror', None) or exc}",
                ExitCode.UNREADABLE,
            ) from None
        if len(data) > max_bytes:
            raise _too_large("stdin", None, max_bytes)
        return RawInput("-", data)
    if is_url(path):
        data = fetch(path, max_bytes=max_bytes)
        if len(data) > max_bytes:
            raise _too_large(visible(repr(path)), None, max_bytes)
        return RawInput(path, data)
    data, st = _read_file(path, max_bytes)
    return RawInput(path, data, st.st_mtime_ns, os.path.realpath(path))


def _stdin_buffer() -> BinaryIO:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # `newsdiff - <&-`: Python sets sys.stdin to None when fd 0 is closed
        raise NewsdiffError(
            "'-' reads the article from stdin, but stdin is closed; pipe the article in "
            "(e.g. cat a.txt | newsdiff - b.txt) or give its file name",
            ExitCode.UNREADABLE,
        )
    return stream  # type: ignore[no-any-return]


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


def _read_file(path: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise NewsdiffError(_not_found_message(path), ExitCode.NOT_FOUND) from None
    except PermissionError:
        raise NewsdiffError(
            f"cannot read {path!r}: permission denied on a folder in its path",
            ExitCode.UNREADABLE,
        ) from None
    except OSError as exc:
        raise NewsdiffError(
            f"cannot read {path!r}: {exc.strerror or exc}", ExitCode.UNREADABLE
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise NewsdiffError(
            f"{path!r} is a directory; give the article files inside it "
            f"(e.g. {os.path.join(path, '*.txt')})",
            ExitCode.IS_DIRECTORY,
        )
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise _too_large(repr(path), st.st_size, max_bytes)
    try:
        with open(path, "rb") as handle:
            # Pipes and process substitutions have no size: read one byte past the limit.
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise NewsdiffError(
            f"cannot read {path!r}: permission denied (check it with: ls -l {path})",
            ExitCode.UNREADABLE,
        ) from None
    except OSError as exc:
        raise NewsdiffError(
            f"cannot read {path!r}: {exc.strerror or exc}", ExitCode.UNREADABLE
        ) from None
    if len(data) > max_bytes:
        raise _too_large(repr(path), None, max_bytes)
    return data, st


def _not_found_message(path: str) -> str:
    if os.path.islink(path):
        return f"{path!r} is a broken symbolic link (it points to {os.readlink(path)!r})"
    message = f"no such file: {path!r}"
    parent = os.path.dirname(path) or "."
    try:
        siblings = os.listdir(parent)
    except OSError:
        return message
    close = difflib.get_close_matches(os.path.basename(path), siblings, n=1, cutoff=0.85)
    if close:
        message += f" (did you mean {os.path.join(os.path.dirname(path), close[0])!r}?)"
    return message


def _too_large(name: str, size: int | None, max_bytes: int) -> NewsdiffError:
    limit = f"{max_bytes / 1_000_000:g} MB"
    what = f"is {size / 1_000_000:.1f} MB" if size is not None else "is larger than"
    where = display_path(config_path())
    sep = ", over" if size is not None else ""
    return NewsdiffError(
        f"{name} {what}{sep} the {limit} limit; raise it with --max-size MB "
        f"or max_file_mb in {where}",
        ExitCode.TOO_LARGE,
    )


# --------------------------------------------------------------------------------------------
# Bytes -> text
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# HTML and Markdown
# --------------------------------------------------------------------------------------------


def _apply_html(raw: _Raw) -> None:
    # trafilatura (and lxml, htmldate) cost ~0.3 s to import; only HTML input pays for them.
    import logging

    import trafilatura

    for logger_name in ("trafilatura", "htmldate", "courlan"):
        # Without a handler, Python prints library warnings to stderr via logging.lastResort.
        logger = logging.getLogger(logger_name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
    html = raw.text
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        # Short pages fall under trafilatura's article heuristics; their whole text still
        # beats refusing the page.
        text = trafilatura.html2txt(html) or ""
        if text.strip():
            raw.notes.append("has no recognisable main article text; using all text of the page")
    raw.text = text.replace("\r\n", "\n")
    title = getattr(doc, "title", None)
    raw.title = title.strip() if isinstance(title, str) and title.strip() else None
    date = getattr(doc, "date", None)
    if isinstance(date, str):
        raw.published = _valid_iso_or_none(date[:10])
    author = getattr(doc, "author", None)
    if isinstance(author, str) and author.strip():
        # The page's author metadata; a byline in the text itself wins (see split_header).
        raw.byline = re.sub(r"\s+", " ", author).strip()


class _MarkdownPatterns(Frozen):
    """Markdown syntax, compiled on first use: most articles are plain text or HTML."""

    __slots__ = ("fence", "hrule", "ref_def", "table_sep", "setext", "heading", "inline")  # noqa: RUF023

    fence: re.Pattern[str]
    hrule: re.Pattern[str]
    ref_def: re.Pattern[str]
    table_sep: re.Pattern[str]
    setext: re.Pattern[str]
    heading: re.Pattern[str]
    inline: tuple[tuple[re.Pattern[str], str], ...]

    def __init__(
        self,
        fence: re.Pattern[str],
        hrule: re.Pattern[str],
        ref_def: re.Pattern[str],
        table_sep: re.Pattern[str],
        setext: re.Pattern[str],
        heading: re.Pattern[str],
        inline: tuple[tuple[re.Pattern[str], str], ...],
    ) -> None:
        self._init(
            fence=fence,
            hrule=hrule,
            ref_def=ref_def,
            table_sep=table_sep,
            setext=setext,
            heading=heading,
            inline=inline,
        )


@functools.cache
def _md() -> _MarkdownPatterns:
    return _MarkdownPatterns(
        fence=re.compile(r"^\s{0,3}(```|~~~)"),
        hrule=re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$"),
        ref_def=re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+"),
        table_sep=re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$"),
        setext=re.compile(r"^\s{0,3}(?:=+|-+)\s*$"),
        heading=re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$"),
        inline=(
            (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
            (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
            (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
            (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolinks
            (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
            (re.compile(r"`([^`]*)`"), r"\1"),
            (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
            (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
            (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
            (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
            (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),
        ),
    )


def strip_markdown(text: str) -> tuple[str, dict[str, str]]:
    """Turn Markdown into readable prose, plus front-matter and first-heading metadata.

    Headings, list items and quotes keep their words on their own lines; markup, link
    targets, code fences and tables' rules go. Offsets then refer to the cleaned text, which
    is what the UI shows.
    """
    meta: dict[str, str] = {}
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for j in range(1, min(len(lines), 200)):
            if lines[j].strip() in ("---", "..."):
                for item in lines[1:j]:
                    key, sep, value = item.partition(":")
                    if sep and key.strip().lower() in ("title", "date", "published"):
                        meta.setdefault(key.strip().lower(), value.strip().strip("\"'"))
                lines = lines[j + 1 :]
                break
    out: list[str] = []
    in_fence = False
    for line in lines:
        if _md().fence.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _md().ref_def.match(line) or _md().table_sep.match(line):
            continue
        if _md().hrule.match(line) or (_md().setext.match(line) and out and out[-1].strip()):
            out.append("")
            continue
        heading = _md().heading.match(line)
        if heading:
            line = heading.group(2)
            if heading.group(1) == "#" and "heading" not in meta:
                meta["heading"] = _inline(line).strip()
        line = re.sub(r"^\s{0,3}(?:>\s?)+", "", line)
        line = re.sub(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?", "", line)
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = "; ".join(c for c in cells if c)
        out.append(_inline(line).rstrip())
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    return cleaned, meta


def _inline(line: str) -> str:
    for pattern, repl in _md().inline:
        line = pattern.sub(repl, line)
    return line


def _apply_markdown(raw: _Raw) -> None:
    text, meta = strip_markdown(raw.text)
    raw.text = text
    raw.title = meta.get("title") or meta.get("heading") or None
    date = meta.get("date") or meta.get("published")
    if date:
        raw.published = _valid_iso_or_none(date[:10]) or _date_from_words(date)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"
    rf"|{_DAY}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
)
_WEEKDAY = "(?:(?i:" + "|".join(WEEKDAY_NAMES) + r"),?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?"
_AGENCY = r"(?:\s*\([A-Za-z][A-Za-z .&-]{0,30}\))?"
# "--" stands for a dash in plain-text wire copy ("MOSCOW, Dec. 30 (Xinhua) --").
_DASH = r"\s*(?:--|[-–—:|])"
#: A place written in capitals, as wire services and most papers set datelines ("NEW YORK",
#: "ST. PETERSBURG", "WASHINGTON, D.C."); at least two letters so "A —" is not one.
#: What follows a dateline's dash: the lead sentence, which starts like one.
_LEAD = r"(?=\s*(?:$|[\"“‘'(]?[A-Z0-9]))"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*){0,3}"
_MIXED_PLACE = r"[A-Z][A-Za-z.'’ -]{1,40}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'’ ]{1,30})?"
#: One name in a byline: capitalised words, with the lower-case particles of names.
_BYLINE_NAME = (
    r"(?:[Tt]he\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:[A-Z][\w'’.-]*|de|da|di|du|del|der|den|van|von|bin|al|el|la|le))*"
)


@functools.cache
def _datelines() -> tuple[re.Pattern[str], ...]:
    """Patterns of lines that carry a date, tried in this order at the start of a line.

    Compiled on first use (compiling them is most of this module's import).
    """
    return (
        # "date 2021-12-30", "Published: 30 December 2021", "Updated on Thursday, Dec 30, 2021"
        re.compile(
            rf"(?i:date|dated|published|posted|updated|last updated|first published)"
            rf"(?:\s+on)?\s*[:\-–—]?\s*{_WEEKDAY}(?P<date>{_DATE}){_TIME}"
        ),
        # "WASHINGTON, Dec 30 (Reuters) -", "KYIV, Ukraine, December 30, 2021 —"
        re.compile(
            rf"(?P<place>{_MIXED_PLACE}{_REGION}),\s*{_WEEKDAY}"
            rf"(?P<date>{_DATE}){_TIME}(?P<agency>{_AGENCY}){_DASH}{_LEAD}"
        ),
        # "December 30, 2021 —", "2021-12-30:" and "Thursday, 30 December 2021" on its own line
        re.compile(rf"{_WEEKDAY}(?P<date>{_DATE}){_TIME}{_AGENCY}(?:{_DASH}{_LEAD}|\s*$)"),
    )


@functools.cache
def _placelines() -> tuple[re.Pattern[str], ...]:
    """Datelines without a date: a place in capitals, or any place with its agency.

    ``WASHINGTON —``, ``MOSCOW (Reuters) -``, ``Geneva (AFP) --``. The text after the dash must
    start the lead sentence, with lower-case words in it: "UKRAINE - RUSSIA TALKS" is a
    headline and "NATO — the alliance said" is prose.
    """
    # A hyphen needs spaces around it ("UK-Russia talks" is not "UK -"); dashes and a colon
    # ("NEW DELHI: ...") do not.
    dash = r"(?:\s*[–—]|\s+(?:--|-)\s|\s*:\s)"
    lead = rf"{_LEAD}(?=[^\n]*[a-z])"
    return (
        re.compile(rf"(?P<place>{_CAPS_PLACE}{_REGION})(?P<agency>{_AGENCY}){dash}{lead}"),
        re.compile(
            rf"(?P<place>{_MIXED_PLACE}{_REGION})(?P<agency>\s*\([A-Za-z][A-Za-z .&-]{{0,30}}\))"
            rf"{dash}{lead}"
        ),
    )


@functools.cache
def _byline() -> re.Pattern[str]:
    """A byline on a line of its own: "By Jane Doe, Associated Press", "BY JOHN ROE and ..."."""
    sep = r"\s*(?:,|\band\b|&|\||\bfor\b|[-–—])\s*"
    return re.compile(rf"(?:By|BY)\s+{_BYLINE_NAME}(?:{sep}{_BYLINE_NAME})*\s*$")


def _parse_date_words(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of one ``_DATE`` match."""
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if iso:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    year_match = re.search(r"\b(\d{4})$", text)
    year = int(year_match.group(1)) if year_match else None
    month_match = re.search(r"[A-Za-z]{3}", text)
    day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text)
    if not month_match or not day_match:
        return None
    month = MONTHS.get(month_match.group(0).lower())
    if month is None:
        return None
    return year, month, int(day_match.group(1))


def _date_from_words(text: str) -> str | None:
    match = re.search(_DATE, text)
    parsed = _parse_date_words(match.group(0)) if match else None
    if parsed is None or parsed[0] is None:
        return None
    return _iso_or_none(parsed[0], parsed[1], parsed[2])


class Header(Frozen):
    """What the opening lines of an article say about it rather than in it.

    Attributes:
        body: The text without those lines and prefixes: what is read, parsed and shown.
        date: The publication date they give, with its offsets into the original text.
        dateline: The place dateline as written, without its dash ("MOSCOW (Reuters)").
        byline: The byline as written ("By Jane Doe, Associated Press").
    """

    __slots__ = ("body", "date", "dateline", "byline")  # noqa: RUF023

    body: str
    date: _Dateline | None
    dateline: str | None
    byline: str | None

    def __init__(
        self,
        body: str,
        date: _Dateline | None = None,
        dateline: str | None = None,
        byline: str | None = None,
    ) -> None:
        self._init(body=body, date=date, dateline=dateline, byline=byline)


def split_header(text: str) -> Header:
    """Separate the metadata at the top of an article (date line, dateline, byline) from its text.

    A line like ``date 2021-12-30`` or ``Published: 30 December 2021``, a wire dateline
    (``WASHINGTON, Dec 30 (Reuters) -``, ``MOSCOW (AP) —``) and a byline (``By Jane Doe``) are
    not sentences: parsed as text they become sentence A1, a claim "only in A", glue onto the
    headline, and lend their place and agency to the talks ("between Washington and
    Reuters"). So they are cut from the text, which keeps every offset of the analysis
    consistent with what is shown; the date becomes the publication date and the dateline
    and byline are kept on the Source.

    Only the opening lines are read: at most four non-empty lines, past short headline-like
    lines, stopping at the first line of prose. If nothing but metadata is left, the text is
    kept whole (an article of one date line is still that line).
    """
    cuts: list[tuple[int, int]] = []
    date: _Dateline | None = None
    datelines: list[str] = []
    byline: str | None = None
    pos = 0
    checked = 0
    while pos < len(text) and checked < 4 and pos <= 1500:
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = len(text)
        line = text[pos:line_end]
        stripped = line.lstrip()
        if not stripped:
            pos = line_end + 1
            continue
        checked += 1
        cur = pos + len(line) - len(stripped)
        while cur < line_end:
            # Datelines are short: 2000 characters is plenty and bounds the work on a huge line.
            rest = text[cur : min(line_end, cur + 2000)]
            found = _date_item(rest, cur)
            if found is not None:
                length, item_date, item_dateline = found
                if date is None:
                    date = item_date
                if item_dateline:
                    datelines.append(item_dateline)
            else:
                placed = _place_item(rest)
                if placed is not None:
                    length, item_dateline = placed
                    datelines.append(item_dateline)
                elif byline is None and len(rest) <= 150 and _byline().match(rest):
                    length = len(rest)
                    byline = re.sub(r"\s+", " ", rest).strip()
                else:
                    break
            cur += length
            cur += len(text[cur:line_end]) - len(text[cur:line_end].lstrip())
        if cur > pos + len(line) - len(stripped):  # something was cut from this line
            cuts.append((pos, line_end + 1 if cur >= line_end else cur))
        remainder = text[cur:line_end].strip()
        if remainder and (cur > pos + len(line) - len(stripped) or not _headline_like(remainder)):
            break  # the lead sentence has started: no metadata after it
        pos = line_end + 1
    if not cuts:
        return Header(text, date)
    pieces: list[str] = []
    last = 0
    for a, b in cuts:
        pieces.append(text[last:a])
        last = b
    pieces.append(text[last:])
    body = "".join(pieces)
    if cuts[0][0] == 0:
        body = body.lstrip()
    if not body.strip():
        return Header(text, date)
    return Header(
        body,
        date,
        "; ".join(datelines) if datelines else None,
        byline,
    )


def _headline_like(line: str) -> bool:
    """A short line without closing punctuation: a headline or standfirst, not prose."""
    return len(line) <= 150 and not re.search(r"[.!?:\"”]$", line)


def _date_item(rest: str, offset: int) -> tuple[int, _Dateline, str | None] | None:
    """A date line or dated dateline at the start of ``rest``: its length, date and place."""
    for pattern in _datelines():
        match = pattern.match(rest)
        if not match:
            continue
        parsed = _parse_date_words(match.group("date"))
        if parsed is None:
            continue
        year, month, day = parsed
        if year is not None and _iso_or_none(year, month, day) is None:
            continue
        if year is None and _iso_or_none(2000, month, day) is None:  # 2000 has Feb 29
            continue
        found = _Dateline(year, month, day, offset, offset + match.end(), rest[: match.end()])
        place = match.groupdict().get("place")
        dateline = None
        if place:
            dateline = _strip_dash(rest[: match.end()])
        return match.end(), found, dateline
    return None


def _place_item(rest: str) -> tuple[int, str] | None:
    for pattern in _placelines():
        match = pattern.match(rest)
        if match:
            return match.end(), _strip_dash(rest[: match.end()])
    return None


def _strip_dash(dateline: str) -> str:
    return re.sub(r"\s*(?:--|[-–—:|])\s*$", "", dateline.strip()).strip()


def find_dateline(text: str) -> _Dateline | None:
    """A publication date written at the start of the article, if there is one.

    Offsets are into ``text``; see :func:`split_header`, which also removes it.
    """
    return split_header(text).date


def _iso_or_none(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _valid_iso_or_none(text: str) -> str | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _validate_iso(text: str, context: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise NewsdiffError(
            f"{context}: {text!r} is not a date in the form YYYY-MM-DD", ExitCode.BAD_DATE
        )
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise NewsdiffError(
            f"{context}: {text} is not a real date (check the month and day)", ExitCode.BAD_DATE
        ) from None


def _match_dates(raws: Sequence[_Raw], dates: Mapping[str, str]) -> dict[str, str]:
    """Map each ``--date`` key (id, label, file name or path) to a source id."""
    resolved: dict[str, str] = {}
    for key, value in dates.items():
        iso = _validate_iso(value, f"--date {key}={value}")
        matches = [
            r.id
            for r in raws
            if key in (r.id, r.id.lower(), r.label, r.path)
            or (r.path != "-" and key == Path(r.path).name)
            or (key == "stdin" and r.path == "-")
        ]
        if not matches:
            known = ", ".join(f"{r.id}={r.label}" for r in raws) or "none"
            raise NewsdiffError(
                f"--date {key}={value}: no source {key!r} (sources: {known})", ExitCode.BAD_DATE
            )
        for sid in dict.fromkeys(matches):
            resolved[sid] = iso
    return resolved


def _reference_date(dated: Sequence[str]) -> str | None:
    """The date to lend: the most common among dated sources, the earliest on a tie."""
    if not dated:
        return None
    counts = Counter(dated)
    top = max(counts.values())
    return min(d for d, n in counts.items() if n == top)


# --------------------------------------------------------------------------------------------
# Titles, labels, duplicates, language
# --------------------------------------------------------------------------------------------


#: Words whose full stop ends an abbreviation, not the sentence: initialisms (U.S., U.N.) and
#: the titles and months written before a name or number.
_ABBREVIATION = re.compile(
    r"(?:^|[^\w.])(?:(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|"
    r"Sgt|Capt|Adm|Rev|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)$"
)


def _title_of(text: str) -> str | None:
    body = text[:8000]  # the title comes from the opening; no need to copy a long article
    body = re.sub(r"^[\s\-–—:|]+", "", body)
    first_line = body.split("\n", 1)[0].strip()
    rest = body[len(first_line) :].strip() if "\n" in body else ""
    if first_line and rest and len(first_line) <= 150 and not re.search(r"[.!?:]$", first_line):
        candidate = first_line  # a headline on its own line
    else:
        candidate = first_line
        for match in re.finditer(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(A-Z0-9])", first_line):
            word = first_line[: match.start()].rsplit(None, 1)[-1]
            if not _ABBREVIATION.search(word):  # "U.S. Secretary", "Mr. Biden" go on
                candidate = first_line[: match.start() + 1]
                break
        candidate = candidate.rstrip()
    candidate = re.sub(r"\s+", " ", candidate).strip()
    if not candidate:
        return None
    if len(candidate) > 100:
        cut = candidate[:100].rsplit(" ", 1)[0].rstrip(",;:-–— ")
        candidate = cut + "…"
    return candidate


def _assign_labels(raws: Sequence[_Raw]) -> None:
    groups: dict[str, list[_Raw]] = {}
    for raw in raws:
        groups.setdefault(raw.label, []).append(raw)
    for label, group in groups.items():
        if len(group) < 2:
            continue
        parts = {
            id(r): Path(os.path.abspath(r.path)).parts if r.path != "-" else ("stdin",)
            for r in group
        }
        longest = max(len(p) for p in parts.values())
        for depth in range(2, longest + 1):
            candidates = {id(r): "/".join(parts[id(r)][-depth:]) for r in group}
            if len(set(candidates.values())) == len(group):
                for r in group:
                    r.label = candidates[id(r)]
                break
        else:  # the same path twice: only the id tells them apart
            for r in group:
                r.label = f"{label} ({r.id})"


def _flag_duplicates(raws: Sequence[_Raw]) -> None:
    for i, raw in enumerate(raws):
        for earlier in raws[:i]:
            if raw.real_path is not None and raw.real_path == earlier.real_path:
                raw.notes.append(
                    f"is the same file as {earlier.id} ({earlier.label}); comparing an article "
                    f"with itself shows no differences"
                )
                break
            if raw.digest == earlier.digest:
                raw.notes.append(
                    f"has exactly the same content as {earlier.id} ({earlier.label}); "
                    f"comparing an article with itself shows no differences"
                )
                break


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: Mapping[str, frozenset[str]] = {
    "English": _words(
        "the of and to a in is that for it was on with as he be at by this had not are but "
        "from or have an they which you were her she his their has been will would its we "
        "said who more after than when what all about also there"
    ),
    "Spanish": _words(
        "de la que el en y los del se las por un para con una su al lo como más pero sus le "
        "ya fue este ha porque esta son entre cuando muy sin sobre también hasta hay donde "
        "desde durante todos les ni contra ante ellos esto"
    ),
    "French": _words(
        "de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce "
        "il sont avec ou son mais nous comme elle aux leur cette ses ont fait aussi été"
    ),
    "German": _words(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
        "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
        "einen zum war haben nur oder aber vor zur bis durch"
    ),
    "Italian": _words(
        "di e il la che in per un è del non una le si da sono con come al della gli anche più "
        "alla ma dei ha nel lo ci questo delle degli nella"
    ),
    "Portuguese": _words(
        "de o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao "
        "ele das tem à seu sua ou ser quando muito há nos já está também pelo pela até isso "
        "ela entre depois sem"
    ),
    "Dutch": _words(
        "de en van het een is dat die in te op niet zijn met voor als er maar om aan ook dan "
        "bij nog door naar over zo uit heeft hebben werd deze wordt kan hun worden"
    ),
}

_SCRIPTS = {
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "DEVANAGARI": "Devanagari",
    "THAI": "Thai",
}


def language_warning(text: str) -> str | None:
    """A warning when the text does not look like English (the pipelines are English-only).

    Cheap on purpose: counts the script of the letters, then the share of each language's most
    common function words. Texts under 30 words are not judged.
    """
    sample = text[:20000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    scripts: Counter[str] = Counter()
    for ch in letters[:5000]:
        if ch.isascii():
            continue
        first = unicodedata.name(ch, "").split(" ", 1)[0]
        if first in _SCRIPTS:
            scripts[_SCRIPTS[first]] += 1
    if scripts:
        script, count = scripts.most_common(1)[0]
        if count / min(len(letters), 5000) > 0.3:
            return f"looks like {script} text, not English; results will be poor"
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < 30:
        return None
    shares = {
        lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in _STOPWORDS.items()
    }
    english = shares.pop("English")
    if english >= 0.2:
        return None
    lang, share = max(shares.items(), key=lambda item: item[1])
    if share >= 0.15 and share > english * 1.5:
        return f"looks like {lang}, not English; results will be poor"
    if english < 0.1:
        return "does not look like English; results will be poor"
    return None


# --------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------


def _finish(raws: Sequence[_Raw], overrides: Mapping[str, str]) -> list[Source]:
    from newsdiff.model import Source

    for raw in raws:
        if raw.id in overrides:
            raw.published = overrides[raw.id]
        elif raw.published is None and raw.dateline is not None and raw.dateline.year:
            found = raw.dateline
            raw.published = _iso_or_none(found.year or 0, found.month, found.day)
    dated = [r.published for r in raws if r.published]
    reference = _reference_date(dated)
    for raw in raws:
        line = raw.dateline
        if raw.published is None and line is not None and line.year is None:
            year = _guess_year(line.month, line.day, reference, raw.mtime)
            raw.published = _iso_or_none(year, line.month, line.day)
            raw.notes.append(
                f"has a dateline without a year ({line.text.strip()!r}); assumed {year}"
            )
    dated = [r.published for r in raws if r.published]
    reference = _reference_date(dated)
    sources = []
    for raw in raws:
        inferred = raw.published is None and reference is not None
        title = raw.title or _title_of(raw.text)
        subject = f"{raw.id} ({raw.label})"
        sources.append(
            Source(
                id=raw.id,
                path=raw.path,
                label=raw.label,
                title=title,
                published=reference if inferred else raw.published,
                published_inferred=inferred,
                text=raw.text,
                warnings=tuple(f"{subject} {note}" for note in raw.notes),
                dateline=raw.dateline_text,
                byline=raw.byline,
            )
        )
    return sources


def _guess_year(month: int, day: int, reference: str | None, mtime: float | None) -> int:
    """Year for a dateline like ``Dec 30``: the one nearest the other sources' date.

    Without another date, the latest such day not after the file's modification time (or
    today for stdin), since articles are read after they are published.
    """
    if reference is not None:
        ref = dt.date.fromisoformat(reference)
        best_year = ref.year
        best_gap: int | None = None
        for year in (ref.year - 1, ref.year, ref.year + 1):
            iso = _iso_or_none(year, month, day)
            if iso is None:
                continue
            gap = abs((dt.date.fromisoformat(iso) - ref).days)
            if best_gap is None or gap < best_gap:
                best_year, best_gap = year, gap
        return best_year
    anchor = dt.date.fromtimestamp(mtime) if mtime is not None else dt.date.today()
    for year in (anchor.year, anchor.year - 1, anchor.year - 2, anchor.year - 3, anchor.year - 4):
        iso = _iso_or_none(year, month, day)
        if iso is not None and dt.date.fromisoformat(iso) <= anchor:
            return year
    return anchor.year
