"""Fetch an article given as a URL (``newsdiff https://... b.txt``) with trafilatura's fetcher."""

from __future__ import annotations

import re

from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.textsafe import visible

#: Seconds to wait for a server to connect and to answer; a reader is waiting.
TIMEOUT_S = 10

_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(path: str) -> bool:
    """Whether a command-line argument names a web page rather than a file."""
    return bool(_URL.match(path))


def url_label(url: str) -> str:
    """A short column label for a page: host and last path segment (``example.com/page.html``)."""
    from urllib.parse import urlsplit  # only for URLs: the warm path reads files

    parts = urlsplit(url)
    tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return f"{parts.netloc}/{tail}" if tail else parts.netloc or url


def _reason(messages: list[str]) -> str:
    """The useful end of urllib3's error text ("[Errno 111] Connection refused", a timeout)."""
    text = " ".join(messages)
    for pattern in (
        r"\[Errno -?\d+\] ([^'\")]+)",
        r"(timed out)",
        r"(SSRF protection[^'\")]*)",
        r"(certificate verify failed[^'\")]*)",
    ):
        match = re.search(pattern, text)
        if match:
            return match.group(1).strip().rstrip(".")
    return "no answer (offline, or the server is down)"


def fetch(url: str, *, max_bytes: int, timeout: int = TIMEOUT_S) -> bytes:
    """The page's bytes, at most ``max_bytes + 1`` of them (the caller enforces the limit).

    trafilatura's fetcher is the one its extractor is tuned for (headers, decompression,
    redirects, a size cap while streaming). Its server-side protections are set for a reader's
    tool: the reader typed the URL, so pages on their own machine or network are allowed, and a
    certificate error is an error rather than a silent retry without TLS verification.

    Raises:
        NewsdiffError: the page cannot be fetched (offline, refused, timeout, not HTTP 200).
    """
    import logging

    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    class _Collect(logging.Handler):
        """Keeps trafilatura's log lines: they hold the reason a download failed."""

        def __init__(self) -> None:
            super().__init__(logging.DEBUG)
            self.messages: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.messages.append(record.getMessage())

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(timeout))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes + 1))
    config.set("DEFAULT", "SSRF_PROTECTION", "off")
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    config.set("DEFAULT", "MAX_REDIRECTS", "5")
    shown = visible(url)
    logger = logging.getLogger("trafilatura")
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False  # its lines become our one line
    try:
        response = fetch_response(url, decode=False, config=config)
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    if response is None:
        raise NewsdiffError(
            f"cannot fetch {shown}: {_reason(collect.messages)}", ExitCode.UNREADABLE
        )
    if response.status != 200:
        raise NewsdiffError(
            f"cannot fetch {shown}: the server answered HTTP {response.status}",
            ExitCode.NOT_FOUND if response.status in (404, 410) else ExitCode.UNREADABLE,
        )
    data = response.data or b""
    return data if isinstance(data, bytes) else str(data).encode("utf-8")
