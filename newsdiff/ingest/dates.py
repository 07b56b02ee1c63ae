"""Publication dates: date, dateline and byline lines at the top, --date values, borrowed dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.frozen import Frozen
from newsdiff.lexicon.dates import MONTHS, WEEKDAY_NAMES

if TYPE_CHECKING:
    from newsdiff.ingest.raw import _Raw


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
