"""`digest check`: every validation a build makes, and the links of site/, without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2

from generator import images
from generator.config import Config
from generator.content import read_sources, scan
from generator.errors import DigestError, Problem, display_path
from generator.links import broken_links
from generator.theme import resolve
from generator.unpublish import load_desk


@dataclass(slots=True)
class Checked:
    """What was checked, and every problem found."""

    problems: list[Problem] = field(default_factory=list)
    stories: int = 0
    drafts: int = 0
    templates: int = 0
    pages: int = 0

    def summary(self) -> str:
        """Return what was checked, for the closing line."""
        drafts = f" ({self.drafts} draft{'s' * (self.drafts != 1)})" if self.drafts else ""
        site = f", links of {self.pages} pages in site/" if self.pages else ", no site/ to check links in"
        stories = f"{self.stories} stor{'y' if self.stories == 1 else 'ies'}"
        return f"{stories}{drafts}, {self.templates} templates{site}"


def check(config: Config) -> Checked:
    """Check content, the editors' lists, templates and the built site; collect every problem."""
    found = Checked()
    reading = read_sources(config, scan(config), {})
    found.problems += reading.problems
    pictures = images.find(config.root, (s.article for s in reading.sources.values()), {})
    found.problems += pictures.problems + pictures.warnings
    found.stories = len(reading.sources)
    found.drafts = sum(s.article.draft for s in reading.sources.values())
    found.problems += load_desk(config.path("content"), config.root)[1]
    check_templates(config, found)
    if config.path("site").is_dir():
        found.pages, broken = broken_links(config.path("site"), config.base_url)
        found.problems += broken
    return found


def check_templates(config: Config, found: Checked) -> None:
    """Parse every template along the theme's search path; report each syntax error with its line."""
    try:
        theme = resolve(config)
    except DigestError as exc:
        found.problems += exc.problems
        return
    env = jinja2.Environment()
    for folder in theme.template_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            found.templates += 1
            try:
                env.parse(path.read_text(encoding="utf-8"))
            except jinja2.TemplateSyntaxError as exc:
                found.problems.append(Problem(display_path(path, config.root), f"template: {exc.message}",
                                              exc.lineno))
            except UnicodeDecodeError:
                found.problems.append(Problem(display_path(path, config.root), "is not UTF-8 text"))
