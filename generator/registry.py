"""The registry of known names (registry.yaml): read and check it, feed it to the extractor, grow it.

Editors curate ``people``, ``places`` and ``organisations`` (canonical name -> aliases) and
``not_people``. Ingest adds, never removes: names editors kept in hand-edited stories. It does not
add names on the extractor's word alone, however often it repeats them: a known name is always
recognised, so one repeated mistake ("Dow Jones" as a person) would spread to every later story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from generator import frontmatter
from generator.config import SafeLoader
from generator.errors import ContentError, DigestError, Problem
from generator.wire.entities import Lexicon
from generator.write import write_atomic

REGISTRY_NAME = "registry.yaml"
SECTIONS = ("people", "places", "organisations")
HEADER = (
    "# registry.yaml: known people, places and organisations (canonical name: [aliases]),\n"
    "# and not_people (names never to list as people). Editors curate it; `digest ingest`\n"
    "# adds names kept in hand-edited stories and people found in 3 or more stories.\n"
    "# Ingest rewrites this file when it adds names: your entries and their order are kept,\n"
    "# new names are appended in sorted order, but comments other than this header are lost.\n"
)
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"


class RegistryError(DigestError):
    """registry.yaml is unreadable or invalid."""


@dataclass(frozen=True, slots=True)
class Registry:
    """The known names: per section, canonical name -> aliases (in the editors' order)."""

    people: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    places: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    organisations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    not_people: tuple[str, ...] = ()

    def section(self, name: str) -> Mapping[str, tuple[str, ...]]:
        """Return one of the name sections: people, places or organisations."""
        return {"people": self.people, "places": self.places, "organisations": self.organisations}[name]

    def known(self) -> set[str]:
        """Return every name and alias of the registry, folded."""
        names = {fold(n) for s in SECTIONS for n in self.section(s)}
        names |= {fold(a) for s in SECTIONS for aliases in self.section(s).values() for a in aliases}
        return names | {fold(n) for n in self.not_people}


def fold(name: str) -> str:
    """Return the comparison form of a name: case, periods and spacing folded."""
    return " ".join(name.replace(".", " ").split()).casefold()


def registry_path(root: Path) -> Path:
    """Return where the registry of a project lives."""
    return root / REGISTRY_NAME


def load_registry(root: Path) -> Registry:
    """Read ROOT/registry.yaml (an empty registry when absent); raise RegistryError naming the line."""
    path = registry_path(root)
    if not path.exists():
        return Registry()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(Problem(REGISTRY_NAME, f"cannot be read ({exc}): fix or remove the file")) from None
    return parse_registry(text)


def parse_registry(text: str) -> Registry:
    """Parse and check the text of registry.yaml; raise RegistryError naming the line."""
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RegistryError(Problem(REGISTRY_NAME, f"is not valid YAML: {exc.problem}", line)) from None
    if node is None or node.tag == _NULL:
        return Registry()
    if not isinstance(node, yaml.MappingNode):
        _fail(node, "must be a mapping with people:, places:, organisations: and not_people:")
    found: dict[str, Any] = {}
    for key, value in node.value:
        name = _scalar(key, "a section name")
        if name in found:
            _fail(key, f"{name}: set twice; keep one")
        if name in SECTIONS:
            found[name] = _names(value, name)
        elif name == "not_people":
            found[name] = tuple(_scalar(v, "a name") for v in _sequence(value, name))
        else:
            _fail(key, f"unknown section {name!r}: use people, places, organisations or not_people")
    registry = Registry(**found)
    _check_clashes(registry, node)
    return registry


def _fail(node: yaml.Node, message: str) -> None:
    """Raise a RegistryError about NODE's line."""
    raise RegistryError(Problem(REGISTRY_NAME, message, node.start_mark.line + 1))


def _scalar(node: yaml.Node, what: str) -> str:
    """Return the non-empty string of a scalar node, else fail naming WHAT was expected."""
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR or not node.value.strip():
        shown = node.value if isinstance(node, yaml.ScalarNode) else "a list or mapping"
        _fail(node, f"{shown!r} is not {what}: write a name (in quotes if YAML reads it as a number or yes/no)")
    return " ".join(node.value.split())


def _sequence(node: yaml.Node, section: str) -> list[yaml.Node]:
    """Return the items of a list node (an empty value is an empty list)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        return []
    if not isinstance(node, yaml.SequenceNode):
        _fail(node, f"{section} must be a list of names, like [Chouhan, Mama]")
    return list(node.value)


def _names(node: yaml.Node, section: str) -> dict[str, tuple[str, ...]]:
    """Return a section's canonical names and aliases; fail on a repeated name."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        return {}
    if not isinstance(node, yaml.MappingNode):
        _fail(node, f"{section} must map each name to its aliases, like 'Samajwadi Party: [SP]'")
    names: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for key, value in node.value:
        name = _scalar(key, "a name")
        aliases = tuple(_scalar(a, "an alias") for a in _sequence(value, f"the aliases of {name}"))
        for form in (name, *aliases):
            if fold(form) in seen and seen[fold(form)] != name or form == name and name in names:
                _fail(key, f"{form!r} is listed twice in {section}: keep it under one name")
            seen[fold(form)] = name
        names[name] = aliases
    return names


def _check_clashes(registry: Registry, node: yaml.Node) -> None:
    """Fail when a name or alias stands in two sections, or is a person and in not_people."""
    owner: dict[str, str] = {}
    for section in SECTIONS:
        for name, aliases in registry.section(section).items():
            for form in (name, *aliases):
                other = owner.setdefault(fold(form), section)
                if other != section:
                    _fail(_line_of(node, form), f"{form!r} is in both {other} and {section}: keep it in one")
    for name in registry.not_people:
        if owner.get(fold(name)) == "people":
            _fail(_line_of(node, name), f"{name!r} is in both people and not_people: keep it in one")


def _line_of(node: yaml.Node, text: str) -> yaml.Node:
    """Return the last scalar node whose value is TEXT (for the line of a message), else NODE."""
    found = node
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and " ".join(current.value.split()) == text:
            if current.start_mark.line >= found.start_mark.line:
                found = current
        elif isinstance(current, yaml.MappingNode):
            stack += [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += list(current.value)
    return found


def with_registry(base: Lexicon, registry: Registry) -> Lexicon:
    """Return BASE (from config.yaml) with the registry's names; config.yaml's aliases win."""
    aliases = {alias: name for section in SECTIONS
               for name, forms in registry.section(section).items() for alias in forms}
    aliases.update(base.aliases)
    return replace(base, aliases=aliases,
                   people=base.people + tuple(registry.people),
                   places=base.places + tuple(registry.places),
                   organisations=base.organisations + tuple(registry.organisations),
                   not_people=base.not_people | frozenset(registry.not_people))


def archive_names(articles: Path, only: Iterable[Path] | None = None
                  ) -> tuple[dict[str, set[str]], Counter[str], dict[str, str]]:
    """Read the stories under ARTICLES: names in edited stories, story counts of people, and forms."""
    confirmed: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    if only is None:
        only = articles.rglob("*.md") if articles.is_dir() else ()
    for path in sorted(only):
        try:
            text = path.read_text(encoding="utf-8")
            meta = frontmatter.split(text, str(path)).meta
        except (OSError, UnicodeDecodeError, ContentError):
            continue  # the build reports broken content; the registry just learns nothing from it
        edited = frontmatter.is_edited(text)
        for section in SECTIONS:
            names = [n for n in meta.get(section) or () if isinstance(n, str) and n.strip()]
            if edited:
                confirmed[section].update(names)
            if section == "people":
                for name in {fold(n): n for n in names}.values():
                    counts[fold(name)] += 1
                    forms[fold(name)][name] += 1
    shown = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in forms.items()}
    return confirmed, counts, shown


def additions(registry: Registry, articles: Path, banned: Iterable[str] = (),
              only: Iterable[Path] | None = None) -> dict[str, list[str]]:
    """Return the names to add, per section, sorted: those editors kept in stories they edited."""
    confirmed, _, _ = archive_names(articles, only)
    skip = registry.known() | {fold(b) for b in banned}
    out: dict[str, list[str]] = {}
    for section in SECTIONS:
        wanted = set(confirmed.get(section, ()))
        chosen: dict[str, str] = {}
        for name in sorted(wanted):
            if fold(name) not in skip:
                chosen.setdefault(fold(name), name)
                skip.add(fold(name))
        if chosen:
            out[section] = sorted(chosen.values(), key=lambda n: (fold(n), n))
    return out


def grown(registry: Registry, added: Mapping[str, Iterable[str]]) -> Registry:
    """Return REGISTRY with ADDED names appended (no aliases) after the editors' entries."""
    changes = {s: {**registry.section(s), **{n: () for n in added.get(s, ()) if n not in registry.section(s)}}
               for s in SECTIONS}
    return replace(registry, **changes)


def dump_registry(registry: Registry) -> str:
    """Return registry.yaml's text: the header, then each section in the registry's order."""
    data: dict[str, Any] = {s: {n: list(a) for n, a in registry.section(s).items()} for s in SECTIONS}
    data["not_people"] = list(registry.not_people)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)
    return HEADER + body


def grow_registry(root: Path, articles: Path, banned: Iterable[str] = (),
                  only: Iterable[Path] | None = None) -> list[str]:
    """Add editor-confirmed names to ROOT/registry.yaml (written atomically); return them.

    ONLY, when given, names the stories to read (the edited ones): the others cannot confirm a name.
    """
    registry = load_registry(root)
    added = additions(registry, articles, banned, only)
    if not added:
        return []
    write_atomic(registry_path(root), dump_registry(grown(registry, added)).encode("utf-8"))
    return [name for section in SECTIONS for name in added.get(section, ())]
