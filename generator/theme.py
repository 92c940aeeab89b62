"""Find templates and static files along the theme search path; fingerprint assets."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
import yaml

from generator.config import Config
from generator.errors import Problem, ThemeError

BUILTIN_THEMES = Path(__file__).parent / "themes"
HASHED_SUFFIXES = (".css", ".js")


@dataclass(frozen=True, slots=True)
class Theme:
    """The folders searched for templates and static files, first match wins."""

    template_dirs: tuple[Path, ...]
    static_dirs: tuple[Path, ...]


def theme_dir(config: Config, name: str) -> Path:
    """Return the folder of theme NAME: the project's themes/ first, then the built-in ones."""
    for base in (config.path("themes"), BUILTIN_THEMES):
        if (base / name).is_dir():
            return base / name
    raise ThemeError(Problem("config.yaml", f"theme: no theme {name!r} in themes/ or built in; "
                                            f"built in: {', '.join(sorted(p.name for p in BUILTIN_THEMES.iterdir()))}"))


def _parent(folder: Path) -> str | None:
    meta = folder / "theme.yaml"
    if not meta.is_file():
        return None
    try:
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ThemeError(Problem(str(meta), f"is not valid YAML: {exc}")) from None
    parent = data.get("extends") if isinstance(data, dict) else None
    return str(parent) if parent else None


def resolve(config: Config) -> Theme:
    """Return the search path: templates/, the theme, its parents, the built-in default."""
    chain, name = [], config.theme
    while name and len(chain) < 10:
        folder = theme_dir(config, name)
        if folder in chain:
            raise ThemeError(Problem(str(folder / "theme.yaml"), f"extends: {name!r} extends itself"))
        chain.append(folder)
        name = _parent(folder)
    default = BUILTIN_THEMES / "default"
    if default not in chain:
        chain.append(default)
    templates = [config.path("templates")] + [f / "templates" for f in chain]
    statics = [config.path("static")] + [f / "static" for f in chain]
    return Theme(tuple(p for p in templates if p.is_dir()), tuple(p for p in statics if p.is_dir()))


def static_files(theme: Theme) -> dict[str, Path]:
    """Map each static file's path under static/ to its source, first folder wins."""
    found: dict[str, Path] = {}
    for folder in theme.static_dirs:
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_file() and rel not in found and not path.name.startswith("."):
                found[rel] = path
    return found


def hashed_name(rel: str, data: bytes) -> str:
    """Return REL with a content hash before its suffix for CSS and JS ('site.1a2b3c4d.css')."""
    path = Path(rel)
    if path.suffix not in HASHED_SUFFIXES:
        return rel
    digest = hashlib.sha256(data).hexdigest()[:10]
    return path.with_name(f"{path.stem}.{digest}{path.suffix}").as_posix()


def digest_templates(theme: Theme) -> str:
    """Return one hash of every template file on the search path, for the build cache."""
    sha = hashlib.sha256()
    for folder in theme.template_dirs:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                sha.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()
