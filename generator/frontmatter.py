"""Split a content file into YAML front matter and body, and write one back."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any, Mapping

import yaml

from generator import quickyaml, yamlvalues
from generator.config import SafeLoader, yaml_error_line, yaml_error_text
from generator.errors import ContentError, Problem

FENCE = "---"
FIELD_ORDER = ("title", "date", "updated", "dateline", "agency", "summary", "people", "places",
               "organisations", "tags", "image", "image_alt", "slug", "split", "source")
_FINGERPRINT = re.compile(r"^  fingerprint: [0-9a-f]{64}\n", re.M)


@dataclass(frozen=True, slots=True)
class Document:
    """A content file: its front matter mapping, its body, and where the body starts."""

    meta: Mapping[str, Any]
    body: str
    body_line: int


def split(text: str, path: str) -> Document:
    """Split TEXT into front matter and body; raise ContentError naming the line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith(FENCE + "\n"):
        raise ContentError(Problem(path, "has no front matter: start the file with a '---' line", 1))
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end < 0 and text.endswith("\n" + FENCE):
        end = len(text) - len(FENCE) - 1
    if end < 0:
        raise ContentError(Problem(path, "front matter is not closed: add a '---' line after it", 1))
    head = text[len(FENCE) + 1: end + 1]
    try:
        meta = quickyaml.load(head)
        if meta is None:  # not plain front matter: PyYAML reads it (and names the line of an error)
            meta = yaml.load(head, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = yaml_error_line(exc)  # 0-based in the front matter, which starts on line 2
        raise ContentError(Problem(path, f"front matter is not valid YAML: {yaml_error_text(exc)}",
                                   1 if line is None else line + 2)) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:  # 2025-02-30, a NUL byte
        key, line, what = yamlvalues.unreadable(head, exc)
        raise ContentError(Problem(path, f"{key}: {what}" if key else what, line + 1 if line else 1)) from None
    if not isinstance(meta, dict):
        raise ContentError(Problem(path, "front matter must be a mapping of fields (key: value)", 2))
    body_line = head.count("\n") + 3
    return Document(meta, text[end + len(FENCE) + 2:], body_line)


def _scalar(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style=None).removesuffix("\n...\n").strip()


def _flow(value: list | tuple) -> str:
    return yaml.safe_dump(list(value), default_flow_style=True, allow_unicode=True, width=10_000).strip()


def dump(meta: Mapping[str, Any]) -> str:
    """Return front matter as YAML in the canonical field order, lists in flow style."""
    lines = [FENCE]
    for key in sorted(meta, key=lambda k: (FIELD_ORDER.index(k) if k in FIELD_ORDER else 99, k)):
        value = meta[key]
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {_flow(v) if isinstance(v, (list, tuple)) else _scalar(v)}" for k, v in value.items()]
        elif isinstance(value, (list, tuple)):
            lines.append(f"{key}: {_flow(value)}")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append(FENCE)
    return "\n".join(lines) + "\n"


def fingerprint(text: str) -> str:
    """Return the hash of a content file's text without its fingerprint line."""
    return hashlib.sha256(_FINGERPRINT.sub("", text, count=1).encode("utf-8")).hexdigest()


def stamp(text: str) -> str:
    """Add a fingerprint line under 'source:' so later hand edits can be recognised."""
    marker = "\nsource:\n"
    at = text.index(marker) + len(marker)
    return f"{text[:at]}  fingerprint: {fingerprint(text)}\n{text[at:]}"


def is_edited(text: str) -> bool:
    """Tell whether a stamped content file was changed after ingest wrote it."""
    match = _FINGERPRINT.search(text)
    return match is None or match.group(0).split()[1] != fingerprint(text)
