"""Score the entity extractor against a hand-labelled gold set (``digest eval GOLD``).

Scoring follows the gold set's README: distinct names per story, normalised (case, periods,
whitespace, quote style); a prediction hits a gold entity through its label, ``aliases`` or
``also_ok`` forms; ``optional`` strings count neither way; micro-averaged over stories and types.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence, TextIO

from generator.goldset import TYPES, GoldError, GoldStory, read_gold, select

_ENTITY_FIELD = {"persons": "people", "places": "places", "orgs": "organisations"}


@dataclass(frozen=True, slots=True)
class Score:
    """True positives, false positives and false negatives, with the names behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fps: tuple[str, ...] = ()
    fns: tuple[str, ...] = ()

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                     self.fps + other.fps, self.fns + other.fns)

    @property
    def precision(self) -> float:
        """Return TP / (TP + FP), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Return TP / (TP + FN), 0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise(name: str) -> str:
    """Fold case, periods, quote style and whitespace: 'J.P.  Nadda' -> 'jp nadda'."""
    name = name.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", name.replace(".", "")).strip().casefold()


def score_story(predicted: Iterable[str], gold: Sequence[str],
                aliases: Mapping[str, Sequence[str]], optional: Sequence[str],
                canon: Callable[[str], str] | None = None) -> Score:
    """Score one story's predictions of one type against its gold names.

    CANON, when given, names each string by its canonical form first (places: "U.S." and
    "United States" are one place), so that a canonical name hits the form the text used; gold
    names of one canonical form ("U.S." and "United States" both labelled) are one entity.
    """
    norm = (lambda name: normalise(canon(name))) if canon else normalise  # noqa: E731
    if canon:
        gold = list({norm(g): g for g in reversed(gold)}.values())[::-1]
    forms = [{norm(g), *(norm(a) for a in aliases.get(g, ()))} for g in gold]
    ignored = {norm(o) for o in optional}
    hit: set[int] = set()
    fps: list[str] = []
    seen: set[str] = set()
    for name in predicted:
        key = norm(name)
        if not key or key in seen:
            continue
        seen.add(key)
        matches = [i for i, f in enumerate(forms) if key in f]
        if matches:
            free = [i for i in matches if i not in hit]
            if free:
                hit.add(free[0])
        elif key not in ignored:
            fps.append(name)
    fns = tuple(g for i, g in enumerate(gold) if i not in hit)
    return Score(len(hit), len(fps), len(fns), tuple(fps), fns)


def score_all(gold: Sequence[GoldStory], predicted: Sequence[Mapping[str, Sequence[str]]],
              canon: Mapping[str, Callable[[str], str]] | None = None,
              acronyms: Sequence[Mapping[str, str]] | None = None) -> dict[str, list[Score]]:
    """Score every story and type; return type -> per-story scores.

    CANON maps a type to the function that names its entities canonically (see score_story).
    ACRONYMS, one map a story, names an acronym the story defines by its full name ("SDA" ->
    Party of Democratic Action): an organisation labelled under both is one organisation.
    """
    result: dict[str, list[Score]] = {t: [] for t in TYPES}
    for i, (story, guess) in enumerate(zip(gold, predicted)):
        own = dict(canon or {})
        if acronyms and acronyms[i]:
            table = {normalise(a): f for a, f in acronyms[i].items()}
            own["orgs"] = lambda name, table=table: table.get(normalise(name), name)
        for kind in TYPES:
            result[kind].append(score_story(guess.get(kind, ()), story.labels[kind],
                                            story.aliases, story.optional.get(kind, ()),
                                            own.get(kind)))
    return result


def total(scores: Iterable[Score]) -> Score:
    """Sum scores (micro-average)."""
    out = Score()
    for s in scores:
        out = out + s
    return out


def format_table(scores: Mapping[str, Sequence[Score]]) -> str:
    """Return the P/R/F1 table per type plus the micro-average."""
    rows = [f"{'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    sums = {kind: total(per_story) for kind, per_story in scores.items()}
    sums["micro"] = total(sums.values())
    for kind, s in sums.items():
        rows.append(f"{kind:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                    f"{s.tp:5d} {s.fp:5d} {s.fn:5d}")
    return "\n".join(rows)


def format_errors(gold: Sequence[GoldStory], scores: Mapping[str, Sequence[Score]]) -> str:
    """Return the false positives and negatives of each story, one line per type."""
    lines = []
    for i, story in enumerate(gold):
        for kind, per_story in scores.items():
            s = per_story[i]
            if s.fps or s.fns:
                lines.append(f"{story.id} {kind:<7} FP {list(s.fps)}  FN {list(s.fns)}")
    return "\n".join(lines)


def split_tables(gold: Sequence[GoldStory], scores: Mapping[str, Sequence[Score]]) -> str:
    """Return the tables of the odd- and even-numbered stories: tune on odd, check on even."""
    parts = []
    for half in ("odd", "even"):
        ids = {s.id for s in select(gold, half)}
        keep = {kind: [s for story, s in zip(gold, per) if story.id in ids] for kind, per in scores.items()}
        parts.append(f"{half} ids ({len(ids)} stories)\n{format_table(keep)}")
    return "\n".join(parts)


def run_many(golds: Sequence[Path], out: TextIO, processes: int = 1, errors: bool | None = None,
             split: str | None = None) -> int:
    """Score each gold set (see ``run``), then print one row per set and type; the worst exit code."""
    totals: dict[str, dict[str, Score]] = {}
    codes = [run(gold, out, processes, errors, split, totals.setdefault(str(gold), {})) for gold in golds]
    if len(golds) > 1:
        print(format_sets(totals), file=out)
    return max(codes)


def format_sets(totals: Mapping[str, Mapping[str, Score]]) -> str:
    """Return the P/R/F1 of each type of each gold set, one row each."""
    rows = [f"{'set':<28} {'type':<8} {'P':>6} {'R':>6} {'F1':>6}"]
    for gold, by_type in totals.items():
        name = Path(gold).parent.name or gold
        rows.extend(f"{name:<28} {kind:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
                    for kind, s in by_type.items())
    return "\n".join(rows)


def run(gold: Path, out: TextIO, processes: int = 1, errors: bool | None = None,
        split: str | None = None, totals: dict[str, Score] | None = None) -> int:
    """Extract entities from the gold set's seeds and print the scores; 0 ok, 2 bad gold.

    SPLIT (else $DIGEST_EVAL_SPLIT, else 'all') picks the stories: see ``select``. Scoring all
    of them also prints the odd and even halves, so tuning on one half is checked on the other.
    TOTALS, when given, receives the summed score of each type.
    """
    from generator.wire import geo
    from generator.wire.acronyms import initialisms, story_acronyms
    from generator.wire.extract import story_text
    from generator.wire.entities import Lexicon, Story
    from generator.wire.extract import extract_many
    from generator.wire.parse import SeedError, parse_seed

    if errors is None:
        errors = bool(os.environ.get("DIGEST_EVAL_ERRORS"))
    if split is None:
        split = os.environ.get("DIGEST_EVAL_SPLIT", "all")
    try:
        stories = select(read_gold(gold), split)
        inputs = []
        for record in stories:
            seed_path = gold.parent / "seeds" / f"{record.id}.txt"
            try:
                seed, _ = parse_seed(seed_path.read_bytes(), str(seed_path))
            except OSError as exc:
                raise GoldError(f"{gold}: cannot read the seed of story {record.id}: {exc}") from exc
            except SeedError as exc:
                raise GoldError(f"{gold}: story {record.id}: {exc.problem}") from exc
            line = seed.dateline
            inputs.append(Story(seed.paragraphs, line.city if line else None,
                                line.agency if line else None, line.region if line else None))
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    found = extract_many(inputs, Lexicon(), processes=processes)
    predicted = [{kind: getattr(e, _ENTITY_FIELD[kind]) for kind in TYPES} for e in found]
    acronyms = [{**initialisms(g.labels["orgs"]), **story_acronyms(story_text(s))} for g, s in zip(stories, inputs)]
    scores = score_all(stories, predicted, {"places": geo.canonical}, acronyms)
    if totals is not None:
        totals.update({kind: total(per_story) for kind, per_story in scores.items()})
    print(f"{gold}: {len(stories)} stories", file=out)
    print(format_table(scores), file=out)
    if split.strip() in ("", "all") and len(stories) > 1:
        print(split_tables(stories, scores), file=out)
    if errors:
        print(format_errors(stories, scores), file=out)
    print(headline_report(inputs, found, errors), file=out)
    return 0


def headline_report(stories: Sequence[Any], found: Sequence[Any], failures: bool = False) -> str:
    """Return the headline checks a program can make (verb, subject, ending, noise, length) for the set."""
    from generator.wire.headline import headline
    from generator.wire.rubric import format_tally, judge_all

    return format_tally(judge_all([headline(s, e) for s, e in zip(stories, found)]), failures)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``python -m generator.evaluate GOLD [GOLD ...] [--split odd|even|all|IDS] [--errors]``."""
    import argparse

    args = argparse.ArgumentParser(prog="python -m generator.evaluate", description=__doc__)
    args.add_argument("gold", type=Path, nargs="+", help="gold.jsonl files, each beside a seeds/ folder")
    args.add_argument("--split", default=None, help="all (default), odd, even, or ids like 1,7,12")
    args.add_argument("--errors", action="store_true", help="list each story's FPs and FNs")
    args.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    ns = args.parse_args(argv)
    return run_many(ns.gold, sys.stdout, ns.processes, ns.errors or None, ns.split)


if __name__ == "__main__":
    sys.exit(main())
