"""HTML (through trafilatura) and Markdown to readable prose, with their title and date."""

from __future__ import annotations

import functools
import re

from newsdiff.frozen import Frozen
from newsdiff.ingest.dates import _date_from_words, _valid_iso_or_none
from newsdiff.ingest.raw import _Raw


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
