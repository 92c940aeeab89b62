"""Render planned pages to bytes, in the build's one Jinja environment (jinjaenv.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import jinja2
from markupsafe import Markup

from generator import feeds
from generator.bodies import Bodies
from generator.cache import PageRecord, quick_digest
from generator.errors import DigestError, Problem, ThemeError
from generator.jinjaenv import GENERATOR
from generator.pages import Group, Page, in_sitemap
from generator.urls import Urls
from generator.write import Staging


@dataclass(frozen=True, slots=True)
class Output:
    """One rendered file: where it goes in site/ and its bytes."""

    path: str
    data: bytes


def render_page(env: jinja2.Environment, page: Page, urls: Urls, bodies: Mapping[str, str],
                summaries: dict[str, list[str]] | None = None) -> Output:
    """Render one page; raise ThemeError naming the template and line on failure.

    SUMMARIES keeps feed entries without text for the caller's other feeds (feeds.atom).
    """
    path = urls.output_path(page.url)
    if page.template == "atom":
        return Output(path, feeds.atom(page.context, urls.absolute, bodies, GENERATOR, summaries))
    if page.template == "sitemap":
        return Output(path, feeds.sitemap(page.context["pages"], urls.absolute))
    if page.template == "text":
        return Output(path, page.context["text"].encode("utf-8"))
    context = dict(page.context)
    if "body" in context:
        context["body"] = Markup(context["body"])
    try:
        html = env.get_template(page.template).render(context, page_kind=page.kind)
    except jinja2.TemplateSyntaxError as exc:
        raise ThemeError(Problem(exc.filename or page.template, f"template syntax error: {exc.message}",
                                 exc.lineno)) from None
    except jinja2.TemplateNotFound as exc:
        raise ThemeError(Problem(page.template, f"template {exc.name!r} not found on the theme "
                                                "search path (templates/, the theme, its parents)")) from None
    except RecursionError as exc:
        raise ThemeError(Problem(_template_where(exc, page.template), "a macro or include calls itself "
                                 f"without end (rendering {page.url})", _template_line(exc))) from None
    except Exception as exc:  # noqa: BLE001 - {{ 1/0 }}, a filter given the wrong value: the theme's error
        what = str(exc) if isinstance(exc, (jinja2.UndefinedError, TypeError, ValueError)) else \
            f"{type(exc).__name__}: {exc}"
        raise ThemeError(Problem(_template_where(exc, page.template), f"{what} (rendering {page.url})",
                                 _template_line(exc))) from None
    return Output(path, html.encode("utf-8"))


def _traceback_frame(exc: BaseException):
    tb, found = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".html"):
            found = tb
        tb = tb.tb_next
    return found


def _template_where(exc: BaseException, default: str) -> str:
    frame = _traceback_frame(exc)
    return frame.tb_frame.f_code.co_filename if frame else default


def _template_line(exc: BaseException) -> int | None:
    frame = _traceback_frame(exc)
    return frame.tb_lineno if frame else None


@dataclass(frozen=True, slots=True)
class GroupResult:
    """What rendering one group made: a record per page, and which of them were written.

    A group a cold build split into its parts on the worker has no pages of its own: PARTS holds
    each part's name and result. BODIES: the stories' HTML a forked worker converted, by hash.
    """

    key: str
    records: list[PageRecord]
    written: list[str]
    parts: list[tuple[str, GroupResult]] | None = None
    bodies: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Made:
    """What rendering made: every group's key and pages, and the files written to staging."""

    groups: dict[str, tuple[str, list[PageRecord]]]
    parts: dict[str, list[str]]  # groups made in parts -> the parts' names
    written: list[str]
    planned: int  # pages made and fingerprinted



@dataclass(frozen=True, slots=True)
class RenderJob:
    """Plan and render page groups, writing the pages that changed to a staging folder.

    A group is planned again only when its key (the hash of all it reads) changed; a page's
    fingerprint is the hash of its bytes, so a page rendered as before is not written again.
    """

    groups: Sequence[Group]  # the groups to render
    keys: Sequence[str | None]  # each group's key; None: key it while rendering (a cold build)
    env: jinja2.Environment
    urls: Urls
    shared: str  # hash of config, code, templates and asset names: what every page reads
    bodies: Bodies  # story key -> HTML
    metas: Mapping[str, str]  # story key -> hash of its front matter
    body_hashes: Mapping[str, str]  # story key -> hash of its Markdown
    previous: Mapping[str, str]  # output path -> the hash of its bytes in the last build
    staging: Staging
    force: bool  # write every page, whatever its fingerprint
    summaries: dict[str, list[str]] = field(default_factory=dict)  # feed entries without text, by story

    def __call__(self, indexes: Sequence[int]) -> list[GroupResult] | list[Problem]:
        """Render the groups at INDEXES; return their results, or the problems that stopped them."""
        try:
            return [self.render_group(i) for i in indexes]
        except DigestError as exc:  # its problems cross back from a worker; the exception would not
            return exc.problems

    def render_group(self, index: int) -> GroupResult:
        """Make and render one group's pages, staging those whose bytes changed.

        A group with no key yet is keyed here, on a worker, and made in its parts if it has
        them, each part keyed too, so that the next build can remake one part alone.
        """
        group, key = self.groups[index], self.keys[index]
        if key is None:
            key = group_keys(self, [group])[0]
            if group.parts is not None:
                parts = group.parts()
                return GroupResult(key, [], [], [(part.name, self.make(part, part_key))
                                                 for part, part_key in zip(parts, group_keys(self, parts))])
        return self.make(group, key)

    def make(self, group: Group, key: str) -> GroupResult:
        """Make and render GROUP's pages; stage those whose bytes are not what site/ holds."""
        records, written = [], []
        for page in group.make():
            output = render_page(self.env, page, self.urls, self.bodies, self.summaries)
            path, fingerprint = output.path, hashlib.sha1(output.data).hexdigest()
            if self.force or self.previous.get(path) != fingerprint:
                self.staging.write(path, output.data)
                written.append(path)
            records.append(PageRecord(path, page.url, page.kind, page.lastmod, in_sitemap(page),
                                      fingerprint))
        return GroupResult(key, records, written, bodies=self.bodies.take())


def group_keys(job: RenderJob, groups: Sequence[Group]) -> list[str]:
    """Return each group's key: the hash of all it reads."""
    seen: dict[tuple[int, int], str] = {}  # several groups read the whole site.order: hash it once

    def hashes(keys: tuple[str, ...], table: Mapping[str, str]) -> str:
        if len(keys) < 64:
            return "".join([table[k] for k in keys])  # fixed-length hashes: joined, they stay apart
        at = (id(keys), id(table))  # the groups keep KEYS alive, so no other tuple takes its id
        if at not in seen:
            seen[at] = quick_digest("".join([table[k] for k in keys]))
        return seen[at]

    return [quick_digest((job.shared, g.name, g.extra, hashes(g.shows, job.metas),
                          hashes(g.bodies, job.body_hashes))) for g in groups]


def shared_key(shared: str, clashes: Mapping) -> str:
    """Return what every page reads: SHARED (config, code, templates), and Site.clashes.

    A clash (a name that took another's slug) moves a name's URL on every page that links it.
    """
    return quick_digest((shared, sorted(clashes.items()))) if clashes else shared


def meta_key(meta: str, picture: str | None) -> str:
    """Return what lists show of a story: the hash of its front matter, with its picture if it has one.

    A story's picture shows on every page its card is on, and an edited image file gets a new name.
    """
    return meta if picture is None else quick_digest((meta, picture))
