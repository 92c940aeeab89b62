"""Progress bars for long work, drawn by tqdm on stderr, in a terminal only."""

from __future__ import annotations

import sys
from typing import Any


class Bar:
    """A progress bar of TOTAL steps, or nothing at all when SHOW is false."""

    def __init__(self, total: int, label: str, unit: str, show: bool):
        self.bar: Any = None
        if show:  # imported here: a small rebuild shows no bar, and importing tqdm took a tenth of its start
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc=label, unit=unit, file=sys.stderr, leave=False,
                            dynamic_ncols=True, mininterval=0.2)

    def advance(self, count: int) -> None:
        """Count COUNT more steps done."""
        if self.bar is not None:
            self.bar.update(count)

    def close(self) -> None:
        """Take the bar off the screen (the command prints its own summary line)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
