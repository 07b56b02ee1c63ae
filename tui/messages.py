"""App-level messages posted by the analysis worker (thread-safe via ``post_message``)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from newsdiff.model import Comparison, Source


@dataclass
class AnalysisProgress(Message):
    """The engine finished a stage; ``fraction`` runs from 0 to 1."""

    stage: str
    fraction: float

    def can_replace(self, message: Message) -> bool:
        """Only the latest progress matters when several queue up."""
        return isinstance(message, AnalysisProgress)


@dataclass
class AnalysisReady(Message):
    """The analysis arrived; highlights and the sidebar can fill in."""

    comparison: Comparison


@dataclass
class SourceOpened(Message):
    """One more article was read (Ctrl+O); the screen adds its column and analyses again."""

    source: Source
