"""newsdiff: compare how different outlets report the same story."""

__version__ = "0.3.0"
