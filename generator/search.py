"""The search index: one Pagefind record per story, indexed by the Pagefind binary in memory.

The records are made from the model (no rendered page is parsed again): the story's text to
search, what a result shows (headline, date, dateline, summary) and the filters a reader narrows
by (people, places, organisations, tags, agency, year). Pagefind's own Python wrapper polls its
service once per 0.1 s for each answer (10,000 stories took 1,000 s); this client speaks the same
documented service protocol (base64 JSON messages ending in a comma) but streams them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

from generator.cache import PageRecord, PlanMemo, quick_digest
from generator.config import Config
from generator.errors import DigestError, Problem
from generator.models import Article, Site
from generator.render import RenderJob
from generator.urls import Urls
from generator.views import display_date

FOLDER = "pagefind"  # the bundle's folder in site/; its pagefind.js finds the rest beside itself
GROUP = "search-index"  # its key and files are kept among the page groups' in the cache
# what the site's search page needs of the bundle; Pagefind's own ready-made interfaces are left out
UNUSED = re.compile(r"pagefind-(component-|modular-)?ui\.|pagefind-highlight\.|playground/")
_TAG = re.compile(r"<[^>]+>")
# Pagefind writes its filter files (and so the meta file and entry that name them by hash) in the
# order of a Rust hash map, which changes from run to run: the same stories give the same filters
# in other bytes. Every other file of the bundle is the same bytes for the same stories.
UNSTABLE = re.compile(FOLDER + r"/(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)$")


def same_bytes_expected(path: str) -> bool:
    """Tell whether two builds of the same stories write PATH (in site/) with the same bytes."""
    return UNSTABLE.match(path) is None


def record(article: Article, url: str, body_html: str) -> dict[str, Any]:
    """Return the Pagefind record of one story: its text, what a result shows, its filters.

    URL is the story's path under the site's base path ('/2025/11/07/slug/'): the search page
    tells Pagefind the base path, so that one index serves any project path.
    """
    text = html.unescape(_TAG.sub(" ", body_html))
    meta = {"title": article.title, "date": display_date(article.day), "datetime": article.date.isoformat(),
            "summary": article.summary}
    if article.dateline:
        meta["dateline"] = article.dateline
    filters = {"person": list(article.people), "place": list(article.places),
               "organisation": list(article.organisations), "tag": list(article.tags),
               "agency": [article.agency] if article.agency else [], "year": [f"{article.day.year:04d}"]}
    # the names found in a story are searched too: a person in the people list may be named in the
    # text only by surname or title
    names = ". ".join(article.people + article.places + article.organisations + article.tags)
    return {"url": url, "content": " ".join(f"{article.title}. {article.summary} {text} {names}".split()),
            "meta": meta, "filters": {k: v for k, v in filters.items() if v},
            "sort": {"date": article.date.isoformat()}}


def records(articles: Mapping[str, Article], order: Sequence[str], urls: Urls,
            bodies: Mapping[str, str]) -> Iterator[dict[str, Any]]:
    """Yield the record of every story, newest first."""
    for key in order:
        article = articles[key]
        url = urls.article(article.day, article.slug)
        yield record(article, "/" + url[len(urls.base_path):], bodies[key])


def index(found: Iterable[dict[str, Any]], language: str) -> dict[str, bytes]:
    """Index the records with the Pagefind binary; return the bundle's files by path in site/."""
    with Service() as service:
        index_id = service.ask([{"type": "NewIndex", "config": {"force_language": language[:2]}}])[0]["index_id"]
        service.ask({"type": "AddRecord", "index_id": index_id, "language": language[:2], **r} for r in found)
        files = service.ask([{"type": "GetFiles", "index_id": index_id}])[0]["files"]
    return {f"{FOLDER}/{f['path']}": base64.b64decode(f["content"])
            for f in sorted(files, key=lambda f: f["path"]) if not UNUSED.match(f["path"])}


def executable() -> str:
    """Return the Pagefind binary that the pagefind_bin wheel ships (nothing is downloaded)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise DigestError(Problem(FOLDER, "the Pagefind indexer is not installed: run make site (it installs "
                                          "pagefind[bin]) or set search: false in config.yaml")) from None
    return str(get_executable())


def indexer_version() -> str:
    """Return the version of the installed Pagefind binary's wheel ('' when there is none)."""
    import importlib.metadata  # only a build that indexes asks; importing it slowed every build's start

    try:
        return importlib.metadata.version("pagefind_bin")
    except importlib.metadata.PackageNotFoundError:
        return ""


class Service:
    """The Pagefind binary run as a service: requests go in on stdin, answers come out on stdout."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.next_id = 0

    def __enter__(self) -> Service:
        self.process = subprocess.Popen([executable(), "--service"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def ask(self, payloads: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send every payload (from a thread, so that neither pipe fills); return the answers in order."""
        assert self.process is not None
        messages = [base64.b64encode(json.dumps({"message_id": self.next_id + i, "payload": p}).encode()) + b","
                    for i, p in enumerate(payloads)]
        self.next_id += len(messages)
        if not messages:
            return []
        writer = threading.Thread(target=self._send, args=(messages,), daemon=True)
        writer.start()
        answers = []
        for answer in self._answers():
            answers.append(answer)
            if len(answers) == len(messages):
                break
        writer.join()
        if len(answers) < len(messages):
            raise DigestError(Problem(FOLDER, "the Pagefind search indexer stopped before it finished; "
                                              "reinstall it (make site) or set search: false in config.yaml"))
        return answers

    def _send(self, messages: list[bytes]) -> None:
        try:
            for message in messages:
                self.process.stdin.write(message)
            self.process.stdin.flush()
        except (OSError, ValueError):
            pass  # the service died: the reader finds its answers missing and says so

    def _answers(self) -> Iterator[dict[str, Any]]:
        """Yield each answer's payload as it comes; raise on an error from Pagefind."""
        buffer = b""
        while True:
            chunk = self.process.stdout.read1(1 << 20)
            if not chunk:
                return
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                payload = json.loads(base64.b64decode(message))["payload"]
                if payload.get("type") == "Error":
                    raise DigestError(Problem(FOLDER, f"Pagefind could not index a story: {payload.get('message')}"))
                yield payload


@dataclass(frozen=True, slots=True)
class SearchMade:
    """The search index's files this build: their records, the key of what they index, those written."""

    key: str
    records: list[PageRecord]
    written: list[str]


def index_stories(config: Config, site: Site, urls: Urls, bodies: Mapping[str, str], job: RenderJob,
                  memo: PlanMemo, stamp: str) -> SearchMade:
    """Index the stories again only when one of them changed since the last build; stage new files.

    Pagefind cannot update an index: a changed story re-indexes them all, while a build whose
    stories are as before (a template or a setting changed) costs one hash. STAMP is the hash of
    the generator's code.
    """
    if not config.search:
        return SearchMade("", [], [])
    settings = (stamp, indexer_version(), config.language, sorted(config.permalinks.items()))
    key = quick_digest((settings, "".join(job.metas[k] + job.body_hashes[k] for k in site.order)))
    old = memo.groups.get(GROUP)
    if not job.force and old is not None and old[0] == key and all(r.path in job.previous for r in old[1]):
        return SearchMade(key, old[1], [])
    files = index(records(site.articles, site.order, urls, bodies), config.language)
    made, written = [], []
    for path, data in files.items():
        fingerprint = hashlib.sha1(data).hexdigest()
        if job.force or job.previous.get(path) != fingerprint:
            job.staging.write(path, data)
            written.append(path)
        made.append(PageRecord(path, urls.file(path), "search-index", None, False, fingerprint))
    return SearchMade(key, made, written)
