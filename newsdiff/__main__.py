"""``python -m newsdiff``: the same command as the ``newsdiff`` script."""

from newsdiff.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
