"""Stage what a build makes besides the pages: the sitemaps, the theme's static files, the logo and
the stories' pictures; fail when two outputs would be written to one file."""

from __future__ import annotations

import hashlib

from generator import sitemaps
from generator.buildresult import BuildResult
from generator.cache import BuildCache, PageRecord
from generator.changes import Inputs
from generator.commit import Journal
from generator.config import Config, logo_is_url
from generator.errors import DigestError, Problem
from generator.images import Pictures
from generator.models import Site
from generator.pages import Group
from generator.render import Made, RenderJob
from generator.search import SearchMade
from generator.urls import Urls


def stage_site(config: Config, site: Site, inputs: Inputs, cache: BuildCache, job: RenderJob,
               groups: list[Group], made: Made, search: SearchMade,
               result: BuildResult, pictures: Pictures | None = None) -> tuple[dict[str, str], Journal]:
    """Make the sitemaps, stage the static files and pictures; return every output (with the search
    index), what is to move."""
    records = [r for g in groups for r in made.groups[g.name][1]] + search.records
    statics = [(PageRecord("static/" + out, "", "static", None, False, hashlib.sha1(data).hexdigest()), data)
               for out, data in inputs.assets.values()]
    maps = [(PageRecord(path, job.urls.file(path), kind, None, False, hashlib.sha1(data).hexdigest()), data)
            for path, (kind, data) in sitemap_files(config, site, job.urls, records).items()]
    files = statics + maps + logo_file(config, job.urls)
    copies = picture_records(site, job.urls, pictures)
    result.warnings += check_unique(records + [r for r, _ in files] + [r for r, _ in copies])
    written = made.written + search.written
    for record, data in files:
        if job.force or job.previous.get(record.path) != record.fingerprint:
            job.staging.write(record.path, data)
            written.append(record.path)
    for record, path in copies:  # read only when site/ does not hold it yet
        if job.force or job.previous.get(record.path) != record.fingerprint:
            job.staging.write(record.path, read_picture(config, path))
            written.append(record.path)
    outputs = {r.path: r.fingerprint for r in records + [r for r, _ in files + copies]}
    stale = [] if job.force else sorted((set(cache.read("outputs")) | set(job.previous)) - set(outputs))
    result.pages.update(r.kind for r in records + [r for r, _ in maps])
    result.written, result.removed, result.changed = len(written), len(stale), written
    result.planned = made.planned
    tree = job.staging.tree() if job.force else 0
    return outputs, Journal(job.force, tree, () if job.force else tuple(written), tuple(stale), ())


def picture_records(site: Site, urls: Urls, pictures: Pictures | None) -> list[tuple[PageRecord, str]]:
    """Return a record for the copy of each story's image file beside its page, with the file's path."""
    found = []
    for key, path in sorted((pictures.local if pictures else {}).items()):
        article, picture = site.articles[key], pictures.files[path]
        url = urls.article(article.day, article.slug) + picture.name
        found.append((PageRecord(urls.output_path(url), url, "image", None, False, picture.sha), path))
    return found


def read_picture(config: Config, path: str) -> bytes:
    """Return the bytes of a story's image file, naming it if it went away meanwhile."""
    try:
        return config.path(path).read_bytes()
    except OSError as exc:
        raise DigestError(Problem(path, f"cannot be read: {exc.strerror}; build again")) from None


def logo_file(config: Config, urls: Urls) -> list[tuple[PageRecord, bytes]]:
    """Return the copy of the site's logo, at its own path in site/, when config.yaml names a file."""
    if not config.logo or logo_is_url(config.logo):
        return []
    data = read_picture(config, config.logo)
    url = urls.file(config.logo)
    return [(PageRecord(urls.output_path(url), url, "logo", None, False, hashlib.sha1(data).hexdigest()), data)]


def sitemap_files(config: Config, site: Site, urls: Urls, records: list[PageRecord]) -> dict[str, tuple[str, bytes]]:
    """Return the sitemap index, a sitemap per year and the News sitemap: (kind, bytes) by path in site/.

    Made from the records of every page each build (a few milliseconds at 10,000 stories), and
    written only when their bytes changed.
    """
    years = sitemaps.split([(r.url, r.lastmod) for r in records if r.in_sitemap])
    found = {name: ("sitemap", sitemaps.urlset(entries, urls.absolute)) for name, entries in years.items()}
    found[sitemaps.INDEX] = ("sitemap", sitemaps.index({urls.file(n): e for n, e in years.items()}, urls.absolute))
    newest = [(urls.article(a.day, a.slug), a.title, a.date)
              for a in (site.articles[k] for k in site.order[:sitemaps.MAX_NEWS])]
    found[sitemaps.NEWS] = ("news-sitemap", sitemaps.news(sitemaps.recent(newest), config.title, config.language,
                                                          urls.absolute))
    return {urls.output_path(urls.file(name)): value for name, value in found.items()}


def check_unique(records: list[PageRecord]) -> list[Problem]:
    """Fail when two outputs would be written to one file, naming both; warn of two that differ in case only."""
    seen: dict[str, PageRecord] = {}
    folded: dict[str, PageRecord] = {}
    warnings = []
    for record in records:
        other = seen.setdefault(record.path, record)
        if other is not record:
            raise DigestError(Problem("config.yaml", f"permalinks: the {other.kind} page {other.url} and the "
                                                     f"{record.kind} page {record.url} would both be written "
                                                     f"to site/{record.path}; give them different patterns"))
        other = folded.setdefault(record.path.casefold(), record)
        if other is not record and not any(w.message.startswith(f"permalinks: site/{other.path.split('/')[0]}/")
                                           for w in warnings):  # once for each pair of folders
            warnings.append(Problem("config.yaml", f"permalinks: site/{other.path} and site/{record.path} differ "
                                                   "only in case: where file names ignore case (macOS, Windows, "
                                                   "some uploads) one overwrites the other; give them different "
                                                   "patterns", severity="warning"))
    return warnings
