"""Say what is wrong with a YAML text that parses but cannot be read: the key, its line, and why.

PyYAML reads `2025-02-30` and `2025-11-07T25:00:00` as dates and then fails to make them
(ValueError, with no line), and refuses control characters such as NUL as it reads (ReaderError,
with a position but no key). These turn such failures into `KEY: what is wrong` at a line.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Unicode's control characters (category Cc: U+0000-001F and U+007F-009F) but tab and line feed, and
# the line and paragraph separators; one search at C speed (every value of every story is checked)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def control_character(text: str) -> str | None:
    """Return what is wrong with a control character in TEXT (but tabs and line breaks), or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return f"contains the control character U+{ord(found.group()):04X}, which no page can show; remove it"


def key_at(text: str, line: int) -> str:
    """Return the top-level key of the mapping entry that LINE (1-based) of TEXT belongs to."""
    lines = text.split("\n")[:line]
    for candidate in reversed(lines):
        if candidate[:1].isalnum() or candidate[:1] == "_":
            return candidate.split(":", 1)[0].strip()
    return ""


def unreadable(text: str, exc: Exception) -> tuple[str, int | None, str]:
    """Return (key, line, what is wrong) for EXC, raised while loading TEXT."""
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml's position may count bytes: find the character itself
        at = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        line = text.count("\n", 0, at if at >= 0 else exc.position) + 1
        return key_at(text, line), line, control_character(chr(exc.character)) or f"cannot be read: {exc.reason}"
    found = _bad_scalar(text)
    if found is None:
        return "", None, f"cannot be read: {exc}"
    key, node, why = found
    if node.tag == _TIMESTAMP:
        return key, node.start_mark.line + 1, (
            f"{node.value} reads as a date or time that does not exist ({why}); write a real one such as "
            f"2025-11-07 or 2025-11-07T09:30:00+05:30, or quote it if it is meant as text")
    return key, node.start_mark.line + 1, f"{node.value} cannot be read ({why})"


def _bad_scalar(text: str) -> tuple[str, yaml.ScalarNode, str] | None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    constructor = yaml.constructor.SafeConstructor()
    for key, node in _scalars(root, ""):
        try:
            constructor.construct_object(node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError) as exc:
            return key, node, str(exc)
    return None


def _scalars(node: Any, key: str) -> Iterator[tuple[str, yaml.ScalarNode]]:
    if isinstance(node, yaml.MappingNode):
        for sub_key, value in node.value:
            yield from _scalars(value, key or (sub_key.value if isinstance(sub_key, yaml.ScalarNode) else ""))
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            yield from _scalars(value, key)
    elif isinstance(node, yaml.ScalarNode):
        yield key, node
