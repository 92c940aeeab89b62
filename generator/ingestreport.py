"""What one ingest run did: written, kept, edited, problems and notes, for the command line to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem


@dataclass(slots=True)
class Report:
    """What one ingest run did, for the command line to print."""

    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    kept: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)  # every story changed by hand, ingested or not
    backups: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unreadable: list[Path] = field(default_factory=list)  # content files whose seed cannot be told
    unpublished: list[str] = field(default_factory=list)  # seeds held back: their stories were unpublished
    restored: list[str] = field(default_factory=list)  # unpublished seeds published again (--force)

    @property
    def failed(self) -> bool:
        """Tell whether any seed could not be ingested."""
        return any(p.severity == "error" for p in self.problems)
