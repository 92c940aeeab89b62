"""Tier 1: the quick front matter reader answers as PyYAML does, or not at all."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import yaml

from generator import frontmatter, quickyaml
from generator.config import SafeLoader

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def typed(value: object) -> object:
    """Return VALUE with the type of every part spelled out: 1, 1.0 and True compare equal."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, repr(value))


def pyyaml(text: str) -> object:
    """Return what PyYAML reads from TEXT, or the name of the error it raises."""
    try:
        return typed(yaml.load(text, Loader=SafeLoader))
    except yaml.YAMLError as exc:
        return type(exc).__name__


def test_front_matter_as_ingest_writes_it_is_read_quickly_and_the_same() -> None:
    meta = {"title": "Azam Khan meets Akhilesh Yadav in Lucknow", "date": dt.datetime(2025, 11, 7, tzinfo=IST),
            "dateline": "Lucknow", "agency": "IANS", "summary": "Senior Samajwadi Party (SP) leader Azam Khan met "
            "party President Akhilesh Yadav in Lucknow on Friday.", "people": ["Azam Khan", "Akhilesh Yadav"],
            "places": ["Lucknow", "Bihar"], "organisations": [], "tags": ["Bihar Assembly elections"],
            "slug": "azam-khan-meets-akhilesh-yadav-in-lucknow",
            "source": {"file": "000_27c04b6d610372fb.txt", "sha256": "19fae09e" * 8}}
    text = frontmatter.stamp(frontmatter.dump(meta) + "\nBody.\n")
    head = text.split("---\n")[1]
    quick = quickyaml.load(head)
    assert quick is not None, "ingest's own front matter must take the quick path"
    assert typed(quick) == pyyaml(head)
    assert quick["date"] == meta["date"] and quick["source"]["file"] == meta["source"]["file"]


@pytest.mark.parametrize("text", [
    "title: A\ntitle: B\n",  # PyYAML keeps the last: the caller warns
    "# a comment\ntitle: A\n", "title: A # note\n", "summary: one\n  two\n", "summary: |\n  block\n",
    "people:\n- A\n- B\n", "people:\n  - A\n", "title: \"a \\\" quote\"\n", "title: 'open\n", "x: &a 1\ny: *a\n",
    "title: a: b\n", "title: [a, [b]]\n", "title: {a: 1}\n", "yes: 1\n", "title: ~\n", "title:\ttab\n",
    "title: a\r\n", "title: a\u2028b\n", "title: \x01\n", "", "\n", "- a\n", "title: ['a, b', c]\n", "title: [a, , b]\n",
    "source:\n    file: a\n", "source:\n  file:\n", "title: -1\n", "title: .5\n", "%YAML 1.1\n---\ntitle: a\n",
])
def test_anything_outside_the_plain_subset_is_left_to_pyyaml(text: str) -> None:
    assert quickyaml.load(text) is None


@pytest.mark.parametrize("text", [
    "title: A title\n", "date: 2025-11-07T00:00:00+05:30\n", "date: '2025-11-07T00:00:00+05:30'\n",
    "date: 2025-11-07\n", "date: 2025-11-07 10:15:00\n", "n: 12\n", "n: 0x1F\n", "n: 12:30\n", "n: 1_000\n",
    "f: 1.5\n", "f: 1e3\n", "b: yes\n", "b: No\n", "b: off\n", "z: null\n", "z: Null\n", "s: 2023 floods\n",
    "s: 'it''s'\n", 's: "quoted"\n', "s: http://example.org/a#b\n", "s: a:b\n", "s: Foo [bar] {baz}\n",
    "s: नई दिल्ली\n", "s: Café “curly”\n", "l: []\n", "l: [A, B c, 'D, e']\n", "l: [A, 'it''s']\n",
    "l: [1, yes, null, 2025-11-07]\n", "source:\n  file: a.txt\n  sha256: abc\ntitle: t\n", "source:\ntitle: t\n",
    "title: trailing   \n", "title:    spaced\n", "k-1: v\n", "k_2: v\n",
])
def test_what_it_reads_is_what_pyyaml_reads(text: str) -> None:
    quick = quickyaml.load(text)
    if quick is not None:
        assert typed(quick) == pyyaml(text)


WORDS = ["Azam", "Khan", "yes", "No", "null", "~", "1", "2.5", "0x1F", "12:30", "2025-11-07", "a:b", "a: b",
         "#x", "a #x", "[", "]", "{", "}", ",", "'", "''", '"', "\\", "-", "- ", "?", "&a", "*a", "!t", "|", ">",
         "%", "@", "`", "é", "नई", "\t", " ", "  ", ".inf", "+1", "=", "<<", "http://x/y#z", "”"]


def random_text(rng: random.Random) -> str:
    """Return a front matter-like text made of words that YAML treats in many ways."""
    def value() -> str:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        shape = rng.random()
        if shape < 0.2:
            return "[" + ", ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 3))) + "]"
        if shape < 0.3:
            return "'" + words + "'"
        if shape < 0.4:
            return '"' + words + '"'
        return words

    lines = []
    for _ in range(rng.randint(1, 5)):
        key = rng.choice(["title", "people", "date", "yes", "source", "k"])
        if rng.random() < 0.15:
            lines.append(f"{key}:")
            lines += [f"  {rng.choice(['file', 'sha256'])}: {value()}" for _ in range(rng.randint(0, 2))]
        else:
            lines.append(f"{key}: {value()}")
    return "\n".join(lines) + "\n"


def test_on_thousands_of_awkward_texts_it_agrees_with_pyyaml_whenever_it_answers() -> None:
    rng = random.Random(7)
    answered = 0
    for _ in range(20000):
        text = random_text(rng)
        quick = quickyaml.load(text)
        if quick is not None:
            answered += 1
            assert typed(quick) == pyyaml(text), text
    assert answered > 1500  # the comparison means something only if the quick path answers often
