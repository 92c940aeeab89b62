"""The front matter keys a story may have, checked the way config.yaml's keys are."""

from __future__ import annotations

import difflib
from typing import Any, Callable, Mapping

SOURCE_KEYS = ("file", "sha256", "fingerprint", "takes")


def _is_flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false, e.g. draft: true"


def _is_source(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be the mapping ingest wrote (file, sha256, fingerprint); restore it or delete it"
    bad = [k for k in value if k not in SOURCE_KEYS]
    return f"unknown key {bad[0]!r}; it holds only {', '.join(SOURCE_KEYS)}" if bad else None


def _is_names(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return None
    return "must be a list of seed files, e.g. split: [0002_26c72eb5.txt]"


def _any(value: Any) -> str | None:
    return None  # the story's reader checks these, naming the fix


# Every key a story may have: its check of the value (None: articlefields.make_article checks it).
KEYS: dict[str, Callable[[Any], str | None]] = {
    "title": _any, "date": _any, "dateline": _any, "agency": _any, "summary": _any,
    "people": _any, "places": _any, "organisations": _any, "tags": _any, "slug": _any,
    "source": _is_source, "draft": _is_flag, "priority": _any, "lead": _any,
    "updated": _any, "split": _is_names, "image": _any, "image_alt": _any,
}


def check_keys(meta: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Return (key, message, severity) for each unknown key (a warning) or badly typed value (an error)."""
    found = []
    for key, value in meta.items():
        key = str(key)
        check = KEYS.get(key)
        if check is None:
            near = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}?" if near else f"known keys: {', '.join(KEYS)}"
            found.append((key, f"{key}: unknown key, ignored; {hint}", "warning"))
        elif value is not None and (message := check(value)):
            found.append((key, f"{key}: {message}", "error"))
    return found
