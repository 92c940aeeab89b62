"""Errors that know which file (and line) they are about."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input file."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class DigestError(Exception):
    """A failure that carries the problems that caused it."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("digest", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(DigestError):
    """config.yaml is missing, unreadable or invalid."""


class ContentError(DigestError):
    """A content file cannot be turned into an article."""


class ThemeError(DigestError):
    """A template is missing or does not compile or render."""


def display_path(path: Path | str, root: Path | None = None) -> str:
    """Return PATH relative to ROOT when it lies inside it, for messages."""
    path = Path(path)
    if root is not None:
        for pair in (lambda: (path, root), lambda: (path.resolve(), root.resolve())):  # cheap first
            try:
                inside, top = pair()
                return str(inside.relative_to(top))
            except (ValueError, OSError, RuntimeError):  # elsewhere, or a symbolic link loop
                pass
    return str(path)
