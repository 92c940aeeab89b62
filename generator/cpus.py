"""How many cores this process may use: asked by the workers' pools and by the second process that looks at site/."""

from __future__ import annotations

import os


def cores() -> int:
    """Return how many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
