"""Run a shell command that opens the newsdiff UI in a pseudo-terminal, as a person would.

CI has no terminal, but the README's first command ends in ``newsdiff --demo``, which opens
the UI (and refuses to start without a terminal). This runs the command exactly as written
in a 160x45 pseudo-terminal, waits until the UI shows the bundled example analysed (the
column header's sentence count replaces "analysing…"), presses ``q`` and exits with the
command's own exit status. If the screen never gets there, it prints the last screen text
and fails. Standard library only: it runs before any virtual environment exists.

Usage: python3 .ci/in_terminal.py 'COMMAND' [TIMEOUT_SECONDS]
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

#: The UI is up and the analysis is done: a header reads "12 sent · 3 differ · 2 only".
READY = re.compile(r"\d+ sent · \d+ differ")
#: Escape sequences (CSI, OSC, two-byte): what is left is the text drawn on screen.
ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])")


def main() -> int:
    command = sys.argv[1]
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 900.0
    env = dict(os.environ)
    env.setdefault("TERM", "xterm-256color")
    env["COLUMNS"], env["LINES"] = "160", "45"
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, with the pseudo-terminal as its terminal
        os.execvpe("bash", ["bash", "-c", command], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    screen = ""
    deadline = time.monotonic() + timeout
    quit_sent_at: float | None = None
    status: int | None = None
    while status is None:
        if time.monotonic() > deadline:
            print(f"in_terminal: timed out after {timeout:.0f} s", file=sys.stderr)
            break
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal: it has exited
                chunk = b""
            if chunk:
                screen = (screen + ESCAPES.sub("", chunk.decode("utf-8", "replace")))[-20000:]
        if quit_sent_at is None and READY.search(screen):
            time.sleep(1.0)  # let the first frames settle, as a reader would
            os.write(fd, b"q")
            quit_sent_at = time.monotonic()
        elif quit_sent_at is not None and time.monotonic() - quit_sent_at > 60:
            print("in_terminal: q did not quit within 60 s", file=sys.stderr)
            break
        done, raw_status = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(raw_status)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print("in_terminal: last screen text:\n" + screen[-3000:], file=sys.stderr)
        return 1
    if quit_sent_at is None:
        print(
            f"in_terminal: the command exited ({status}) before the UI showed the analysis; "
            f"its output:\n{screen[-3000:]}",
            file=sys.stderr,
        )
        return status or 1
    print(f"in_terminal: the UI showed the analysed example; q quit it (exit {status})")
    return status


if __name__ == "__main__":
    sys.exit(main())
