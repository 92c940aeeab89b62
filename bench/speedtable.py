"""The table `make bench` prints: each row a size and a mode, Hugo beside us, ratios per pair."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """One timed build: wall and CPU seconds (the process tree), peak memory of the tree (MB)."""

    wall: float
    cpu: float
    memory: float


@dataclass
class Row:
    """Every run of one size and mode: ours, and Hugo's when Hugo ran (paired by index)."""

    stories: int
    mode: str
    ours: list[Run] = field(default_factory=list)
    hugo: list[Run] = field(default_factory=list)


def median(values: list[float]) -> float:
    """Return the median of VALUES (the mean of the middle two for an even count)."""
    return statistics.median(values)


def ratios(row: Row) -> list[float]:
    """Return our wall time over Hugo's for each pair of runs made side by side."""
    return [o.wall / h.wall for o, h in zip(row.ours, row.hugo) if h.wall > 0]


def seconds(value: float) -> str:
    """Return a time as the table shows it: '0.42 s', '13.1 s'."""
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def cell(runs: list[Run]) -> tuple[str, str, str]:
    """Return the median wall time, CPU time and peak memory of RUNS as text ('' when none ran)."""
    if not runs:
        return "", "", ""
    return (seconds(median([r.wall for r in runs])), seconds(median([r.cpu for r in runs])),
            f"{max(r.memory for r in runs):,.0f} MB")


def ratio_cell(row: Row) -> str:
    """Return the median ratio of the pairs, with their range and count when there are several."""
    found = ratios(row)
    if not found:
        return "no Hugo"
    text = f"{median(found):.2f}"
    if len(found) > 1:
        text += f" ({len(found)} pairs, {min(found):.2f}-{max(found):.2f})"
    return text


HEADER = ("| stories | mode | Hugo (median) | digest (median) | digest / Hugo (median of pairs) "
          "| CPU Hugo / digest | peak memory Hugo / digest |")


def table(rows: list[Row]) -> str:
    """Return the rows as a Markdown table."""
    lines = [HEADER, "|---|---|---|---|---|---|---|"]
    for row in rows:
        hugo, ours = cell(row.hugo), cell(row.ours)
        lines.append(f"| {row.stories:,} | {row.mode} | {hugo[0] or '-'} | {ours[0]} | {ratio_cell(row)} "
                     f"| {hugo[1] or '-'} / {ours[1]} | {hugo[2] or '-'} / {ours[2]} |")
    return "\n".join(lines)
