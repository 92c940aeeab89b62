"""The table `make bench` prints (bench/speedtable.py): medians, ratios per pair, missing Hugo."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from speedtable import Row, Run, ratios, table  # noqa: E402  (bench/ is not a package)


def test_ratio_is_taken_per_pair_and_the_median_of_the_pairs_shown() -> None:
    row = Row(10000, "cold", ours=[Run(6.0, 9.0, 300), Run(3.0, 5.0, 310), Run(5.0, 8.0, 290)],
              hugo=[Run(10.0, 9.5, 690), Run(10.0, 9.0, 700), Run(5.0, 8.0, 650)])
    assert ratios(row) == [0.6, 0.3, 1.0]
    line = table([row]).splitlines()[2]
    assert line == ("| 10,000 | cold | 10.0 s | 5.00 s | 0.60 (3 pairs, 0.30-1.00) | 9.00 s / 8.00 s "
                    "| 700 MB / 310 MB |")


def test_a_row_without_hugo_says_so() -> None:
    text = table([Row(1000, "nothing changed", ours=[Run(0.31, 0.25, 80)])])
    header, rule, line = text.splitlines()
    assert header.startswith("| stories | mode | Hugo (median) | digest (median) |")
    assert rule.count("|") == header.count("|")
    assert line == "| 1,000 | nothing changed | - | 0.31 s | no Hugo | - / 0.25 s | - / 80 MB |"
