"""The one exception type users see, with a distinct exit code per kind of bad input."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in ``--help`` and the README's Troubleshooting section."""

    OK = 0
    USAGE = 2
    NOT_FOUND = 3
    IS_DIRECTORY = 4
    UNREADABLE = 5
    BINARY = 6
    EMPTY = 7
    ENCODING = 8
    TOO_LARGE = 9
    TOO_FEW_SOURCES = 10
    MODEL = 11
    BAD_DATE = 12
    CONFIG = 13
    ANALYSIS = 14
    INTERRUPTED = 130


class NewsdiffError(Exception):
    """A problem the user can fix; ``str(err)`` is the one-line message shown to them."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message
