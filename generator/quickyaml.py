"""Read the plain YAML that front matter is usually made of, five times faster than PyYAML.

PyYAML's C loader parses in C but builds every value in Python: on a cold build of 10,000 stories
that was most of the time spent reading content. Front matter as ingest writes it, and as editors
keep it, is a flat mapping of one-line values: plain or quoted strings, a date, flow lists of
names, one nested mapping (source). `load` reads exactly that and answers None for anything else
(comments, block scalars, anchors, escapes, lines it does not know), so that the caller lets PyYAML
read the text. Where it answers, the answer is PyYAML's own: a scalar that could be anything but
a string is typed by PyYAML's resolver and constructor (dates, numbers, booleans, null).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?\Z")
_NESTED_LINE = re.compile(r"  ([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?\Z")
# words PyYAML (YAML 1.1) reads as booleans or null: as keys they would not be strings
_NOT_STRINGS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF "
                         "null Null NULL".split())
# what YAML reads as a line break, a tab, a control or other special character: PyYAML's business
_SPECIAL = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class _Unsure(Exception):
    """The text is not in the plain subset: PyYAML must read it."""


def load(text: str) -> dict[str, Any] | None:
    """Return the mapping TEXT holds, or None when it is not plain front matter."""
    if _SPECIAL.search(text):
        return None
    try:
        return _mapping(text)
    except _Unsure:
        return None


def _mapping(text: str) -> dict[str, Any] | None:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    found: dict[str, Any] = {}
    i = 0
    while i < len(lines):
        match = _KEY_LINE.match(lines[i].rstrip(" "))
        if match is None:
            raise _Unsure
        key, raw = match.group(1), match.group(2)
        i += 1
        if raw is None or raw.strip() == "":
            nested: dict[str, Any] = {}
            while i < len(lines) and lines[i].startswith("  "):
                sub = _NESTED_LINE.match(lines[i].rstrip(" "))
                if sub is None or sub.group(2) is None or sub.group(1) in nested:
                    raise _Unsure
                nested[_key(sub.group(1))] = _value(sub.group(2))
                i += 1
            value: Any = nested or None
        else:
            value = _value(raw)
        if key in found:
            raise _Unsure  # PyYAML keeps the last; let it, and let the caller warn
        found[_key(key)] = value
    if not found:
        raise _Unsure
    return found


def _key(key: str) -> str:
    if key in _NOT_STRINGS:
        raise _Unsure
    return key


def _value(raw: str) -> Any:
    raw = raw.strip(" ")
    if raw.startswith("[") and raw.endswith("]"):
        inner = raw[1:-1].strip(" ")
        if not inner:
            return []
        return [_scalar(item.strip(" "), flow=True) for item in inner.split(",")]
    return _scalar(raw, flow=False)


def _scalar(raw: str, flow: bool) -> Any:
    if not raw:
        raise _Unsure
    first = raw[0]
    if first == "'":
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != "'" or "'" in inner.replace("''", ""):
            raise _Unsure
        if flow and ("," in inner or "]" in inner):
            raise _Unsure  # the comma split this quoted item: let PyYAML read it whole
        return inner.replace("''", "'")
    if first == '"':
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != '"' or '"' in inner or "\\" in inner:
            raise _Unsure
        if flow and ("," in inner or "]" in inner):
            raise _Unsure
        return inner
    if not first.isalnum() or ": " in raw or " #" in raw or raw.endswith(":") or "\t" in raw:
        raise _Unsure
    if flow and any(c in raw for c in "[]{}"):
        raise _Unsure
    if first.isalpha() and raw not in _NOT_STRINGS:
        return raw  # no implicit type of PyYAML's starts with a letter, but these words
    tag = _RESOLVER.resolve(yaml.ScalarNode, raw, (True, False))
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, raw))
