"""Print the lead story of each daily edition, and why it leads: for an editor to read.

    .venv/bin/python bench/leads.py PROJECT [--latest 5] [--top 3]

PROJECT is a digest (e.g. one made by ingesting ../shared/corpus/wire). Each edition is listed newest
first with its lead and the next stories (--top), each with the parts of its news value
(newsvalue.Value.describe) and what it names.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.config import load_config  # noqa: E402
from generator.content import load_articles  # noqa: E402
from generator.newsvalue import archive_counts, values  # noqa: E402
from generator.taxonomy import organise  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--latest", type=int, default=0, help="only the latest N editions (0: all)")
    parser.add_argument("--top", type=int, default=1, help="stories shown per edition")
    args = parser.parse_args()
    articles, problems = load_articles(load_config(args.project))
    site = organise(articles)
    counts = archive_counts(site.articles.values())
    editions = site.editions[: args.latest] if args.latest else site.editions
    for edition in editions:
        day = [site.articles[k] for k in edition.articles]
        why = dict(zip((a.key for a in day), values(day, counts)))
        print(f"{edition.day} ({len(day)} stories)")
        for key in edition.articles[: args.top]:
            story = site.articles[key]
            names = "; ".join(filter(None, (", ".join(story.people[:4]), ", ".join(story.organisations[:4]),
                                            ", ".join(story.places[:4]))))
            print(f"  {story.title}\n    {why[key].describe()}\n    names: {names}")
    print(f"{len(site.editions)} editions, {len(site.articles)} stories; {len(problems)} files not read")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
