"""Jinja's side of a theme: templates found along the theme search path (theme.py), first match wins.

Apart from theme.py, so that a build with nothing to do finds and hashes the templates without
importing Jinja.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import jinja2

PARENT = "!parent/"


class ThemeLoader(jinja2.BaseLoader):
    """Load a template from the first folder that has it; '!parent/x' skips one match."""

    def __init__(self, folders: tuple[Path, ...]):
        self.folders = folders

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        skip = 0
        while template.startswith(PARENT):
            template, skip = template[len(PARENT):], skip + 1
        if ".." in Path(template).parts or Path(template).is_absolute() or "\\" in template:
            raise jinja2.TemplateNotFound(template)
        matches = [f / template for f in self.folders if (f / template).is_file()]
        if len(matches) <= skip:
            raise jinja2.TemplateNotFound(template)
        path = matches[skip]
        mtime = path.stat().st_mtime_ns
        return path.read_text(encoding="utf-8"), str(path), lambda: path.stat().st_mtime_ns == mtime

    def list_templates(self) -> list[str]:
        names = {str(p.relative_to(f)) for f in self.folders for p in f.rglob("*") if p.is_file()}
        return sorted(names)


class ThemeEnvironment(jinja2.Environment):
    """A Jinja environment in which '!parent/x' asked for by '!parent/x' goes one folder further."""

    def join_path(self, template: str, parent: str) -> str:
        if template.startswith(PARENT) and parent.startswith(PARENT):
            depth = 1
            while parent.startswith(PARENT * (depth + 1)):
                depth += 1
            return PARENT * depth + template
        return template
