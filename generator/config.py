"""Read config.yaml into a frozen Config, reporting every problem at once."""

from __future__ import annotations

import difflib
import zoneinfo
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

import yaml

from generator import yamlvalues
from generator.errors import ConfigError, Problem

CONFIG_NAME = "config.yaml"
DEFAULT_PERMALINKS = {
    "article": "{year}/{month}/{day}/{slug}/",
    "edition": "{year}/{month}/{day}/",
    "year": "{year}/",  # the archive of a year's editions
    "month": "{year}/{month}/",  # the archive of a month's editions
    "person": "people/{slug}/",
    "place": "places/{slug}/",
    "organisation": "organisations/{slug}/",
    "tag": "tags/{slug}/",
}
# what a pattern must contain: {slug} unless named here
PERMALINK_PARTS = {"edition": (), "year": ("year",), "month": ("year", "month")}

try:  # the C loader is ten times faster on front matter
    SafeLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    SafeLoader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Config:
    """The site's settings; every field has a default but base_url."""

    root: Path
    title: str = "News Digest"
    description: str = "The day's wire stories, with the people and places in them."
    base_url: str = "http://127.0.0.1:8000/"
    language: str = "en"
    timezone: str = "Asia/Kolkata"
    theme: str = "default"
    paginate: int = 20
    feed_size: int = 50
    term_feeds: str = "summary"  # what a person's, place's, organisation's or tag's feed carries: "summary" or "full" text
    related: int = 5
    cname: str | None = None
    permalinks: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_PERMALINKS))
    aliases: Mapping[str, str] = field(default_factory=dict)
    banned: tuple[str, ...] = ()
    drafts: bool = False  # show stories marked draft: true; only `digest serve --drafts` sets it, never config.yaml
    search: bool = True  # a Pagefind index of the stories and a search page
    logo: str | None = None  # the publisher's logo: a picture of the project (copied to site/) or an http(s) URL

    @property
    def base_path(self) -> str:
        """Return the path part of base_url, always with slashes at both ends."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def path(self, name: str) -> Path:
        """Return a project folder such as content/ or site/."""
        return self.root / name


def _is_str(v: Any) -> str | None:
    if not isinstance(v, str) or not v.strip():
        return "must be a non-empty string"
    return yamlvalues.control_character(v)


def _is_count(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 1000
    return None if ok else "must be a whole number from 1 to 1000"


def _is_url(v: Any) -> str | None:
    if not isinstance(v, str):
        return "must be a full URL such as https://user.github.io/digest/"
    parts = urlsplit(v)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"{v!r} is not a full http(s) URL such as https://user.github.io/digest/"
    return None


def _is_zone(v: Any) -> str | None:
    try:
        zoneinfo.ZoneInfo(str(v))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f"{v!r} is not a time zone name such as Asia/Kolkata or UTC"
    return None


def _is_mapping(v: Any) -> str | None:
    if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()):
        return "must be a mapping of names to names, e.g. {SP: Samajwadi Party}"
    return None


def _is_list(v: Any) -> str | None:
    ok = isinstance(v, list) and all(isinstance(x, str) for x in v)
    return None if ok else "must be a list of strings"


def _is_permalinks(v: Any) -> str | None:
    if not isinstance(v, dict):
        return f"must be a mapping with keys from {sorted(DEFAULT_PERMALINKS)}"
    problems = _permalink_problems(v)
    return problems[0][1] if problems else None


def _permalink_problems(v: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """Return (kind, message) for every bad entry of a permalinks mapping."""
    found = []
    for key, pattern in v.items():
        if key not in DEFAULT_PERMALINKS:
            near = difflib.get_close_matches(str(key), DEFAULT_PERMALINKS, n=1)
            hint = f"did you mean {near[0]!r}?" if near else f"known: {', '.join(sorted(DEFAULT_PERMALINKS))}"
            found.append((str(key), f"unknown page kind {key!r}; {hint}"))
        elif not isinstance(pattern, str) or not _fills(pattern, PERMALINK_PARTS.get(key, ("slug",))):
            parts = " and ".join(f"{{{part}}}" for part in PERMALINK_PARTS.get(key, ("slug",)))
            found.append((key, f"{key}: pattern must be a string" + (f" containing {parts}" if parts else "")
                          + (" and no other {...}" if key in ("year", "month") else "")))
        elif not pattern.endswith("/") or pattern.startswith("/") or ".." in pattern:
            found.append((key, f"{key}: pattern must be relative and end with '/', e.g. 'tags/{{slug}}/'"))
    return found


def _fills(pattern: str, parts: tuple[str, ...]) -> bool:
    """Tell whether PATTERN holds each of PARTS; a year's or month's pattern, nothing else to fill."""
    if any(f"{{{part}}}" not in pattern for part in parts):
        return False
    if parts and "slug" not in parts:  # an archive has no slug nor day to fill in
        try:
            pattern.format(**{part: "x" for part in parts})
        except (KeyError, IndexError, ValueError):
            return False
    return True


def _is_feed_content(v: Any) -> str | None:
    return None if v in ("summary", "full") else "must be summary (title and summary) or full (the whole story)"


def _is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def _is_domain(v: Any) -> str | None:
    ok = isinstance(v, str) and "." in v and "/" not in v and " " not in v
    return None if ok else "must be a bare domain such as news.example.org"


def _is_logo(v: Any) -> str | None:
    if not isinstance(v, str) or not v.strip():
        return "must be a picture of the project, e.g. logo: images/logo.png, or an http(s) URL"
    if v.startswith(("http://", "https://")):
        return None if not any(c in v for c in ' "<>\\`') else f"{v!r} is not a URL a page can use"
    if v.startswith("/") or ".." in v.split("/") or "\\" in v or "://" in v:
        return f"{v!r} must be a path inside the project, such as images/logo.png"
    if not v.lower().endswith((".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif")):
        return f"{v!r} is not a picture: use a png, jpg, webp, gif, avif or svg file"
    return None


def logo_is_url(logo: str) -> bool:
    """Tell whether the configured logo is a web address, not a file of the project."""
    return logo.startswith(("http://", "https://"))


CHECKS: dict[str, Callable[[Any], str | None]] = {
    "title": _is_str, "description": _is_str, "base_url": _is_url, "language": _is_str,
    "timezone": _is_zone, "theme": _is_str, "paginate": _is_count, "feed_size": _is_count,
    "term_feeds": _is_feed_content, "related": _is_count, "cname": _is_domain, "permalinks": _is_permalinks,
    "aliases": _is_mapping, "banned": _is_list, "search": _is_bool,
    "logo": _is_logo,
}
assert set(CHECKS) == {f.name for f in fields(Config)} - {"root", "drafts"}


def _key_lines(text: str) -> list[tuple[str, int]]:
    """List each key of a YAML mapping ('key', and 'key.sub' one level down) with its 1-based line."""
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return []
    found: list[tuple[str, int]] = []
    for key, value in node.value if isinstance(node, yaml.MappingNode) else ():
        if isinstance(key, yaml.ScalarNode):
            found.append((key.value, key.start_mark.line + 1))
            subkeys = value.value if isinstance(value, yaml.MappingNode) else ()
            found += [(f"{key.value}.{k.value}", k.start_mark.line + 1)
                      for k, _ in subkeys if isinstance(k, yaml.ScalarNode)]
    return found


def _duplicates(keys: list[tuple[str, int]]) -> list[Problem]:
    """Report keys written twice: YAML would silently keep the last one."""
    first: dict[str, int] = {}
    problems = []
    for key, line in keys:
        if key in first:
            problems.append(Problem(CONFIG_NAME, f"{key}: set twice (first on line {first[key]}); "
                                                 "keep one", line))
        first.setdefault(key, line)
    return problems


def yaml_error_line(exc: yaml.MarkedYAMLError) -> int | None:
    """Return the 0-based line a YAML syntax error is on, as an editor would point at it.

    An unclosed bracket or quote is found only where the next line starts; the line that opened it
    (the error's context) is the one to fix.
    """
    context = exc.context or ""
    if exc.context_mark is not None and ("flow" in context or "quoted" in context):
        return exc.context_mark.line
    return exc.problem_mark.line if exc.problem_mark is not None else None


def yaml_error_text(exc: yaml.MarkedYAMLError) -> str:
    """Return what is wrong, saying what was left open when that is the cause."""
    context = exc.context or ""
    if "flow sequence" in context:
        return f"{exc.problem}: a '[' is not closed"
    if "flow mapping" in context:
        return f"{exc.problem}: a '{{' is not closed"
    if "quoted" in context:
        return f"{exc.problem}: a quote is not closed"
    return str(exc.problem)


def load_yaml(path: Path, label: str) -> Any:
    """Load a YAML file, turning a syntax error or an impossible value into a named problem with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Problem(label, f"cannot be read: {exc}")) from None
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = yaml_error_line(exc)
        raise ConfigError(Problem(label, f"is not valid YAML: {yaml_error_text(exc)}",
                                  None if line is None else line + 1)) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:  # 2025-02-30, a NUL byte
        key, line, what = yamlvalues.unreadable(text, exc)
        raise ConfigError(Problem(label, f"{key}: {what}" if key else what, line)) from None


def load_config(root: Path, overrides: Mapping[str, Any] | None = None) -> Config:
    """Read ROOT/config.yaml; raise ConfigError listing every problem in it."""
    path = root / CONFIG_NAME
    if not path.is_file():
        raise ConfigError(Problem(CONFIG_NAME, f"not found in {root}: run digest in the project "
                                               "folder or name it with -C DIR"))
    data = load_yaml(path, CONFIG_NAME) or {}
    if not isinstance(data, dict):
        raise ConfigError(Problem(CONFIG_NAME, "must be a mapping of settings (key: value)", 1))
    overrides = overrides or {}
    data = {**data, **overrides}
    keys = _key_lines(path.read_text(encoding="utf-8"))
    lines = dict(reversed(keys))  # the first line of each key
    problems = _duplicates(keys) + [
        Problem("--" + key.replace("_", "-"), msg.split(": ", 1)[-1]) if key in overrides
        else Problem(CONFIG_NAME, msg, lines.get(key) or lines.get(key.split(".")[0]))
        for key, msg in _check(data)]
    logo = data.get("logo")
    if isinstance(logo, str) and not _is_logo(logo) and not logo_is_url(logo) and not (root / logo).is_file():
        problems.append(Problem(CONFIG_NAME, f"logo: {logo} is not there; put the picture there or correct "
                                             "the path (from the project's folder)", lines.get("logo")))
    problems.sort(key=lambda p: (p.path != CONFIG_NAME, p.line or 0))  # in reading order
    if problems:
        raise ConfigError(problems)
    return _make(root, data)


def _check(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return (key, 'key: what is wrong') for every bad setting; nested keys as 'key.sub'."""
    found = []
    for key, value in data.items():
        key = str(key)
        check = CHECKS.get(key)
        if check is None:
            near = difflib.get_close_matches(key, CHECKS, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; known keys: {', '.join(sorted(CHECKS))}"
            found.append((key, f"{key}: unknown key{hint}"))
        elif key == "permalinks" and isinstance(value, dict):
            found += [(f"{key}.{kind}", f"{key}: {msg}") for kind, msg in _permalink_problems(value)]
        elif value is not None and (msg := check(value)):
            found.append((key, f"{key}: {msg}"))
    return found


def _make(root: Path, data: Mapping[str, Any]) -> Config:
    values = {k: v for k, v in data.items() if v is not None}
    if "permalinks" in values:
        values["permalinks"] = {**DEFAULT_PERMALINKS, **values["permalinks"]}
    if "base_url" in values and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    if "banned" in values:
        values["banned"] = tuple(values["banned"])
    return Config(root=root, **values)
