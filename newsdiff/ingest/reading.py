"""Reading each input once, never past the size limit, with a clear error for every failure."""

from __future__ import annotations

import difflib
import os
import stat
import sys
from typing import BinaryIO

from newsdiff.config import config_path, display_path
from newsdiff.errors import ExitCode, NewsdiffError
from newsdiff.fetch import fetch, is_url
from newsdiff.ingest.raw import RawInput
from newsdiff.textsafe import visible


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
        raise _unreadable(path, exc) from None
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
        raise _unreadable(path, exc) from None
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


def _unreadable(path: str, exc: OSError) -> NewsdiffError:
    return NewsdiffError(f"cannot read {path!r}: {exc.strerror or exc}", ExitCode.UNREADABLE)


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
