"""What search costs: re-indexing (the whole archive against one part), and the search page a reader loads.

    .venv/bin/python bench/search_cost.py --index PROJECT [--repeats 3]
    .venv/bin/python bench/search_cost.py SITE [--compare OTHER_SITE] [--query WORDS ...] [--filter K=V ...]

--index reads PROJECT's stories as a build does (run `digest build` first: the Markdown comes from
its cache), makes their search records, and runs Pagefind on all of them (what every edit cost when
the archive was one index) and on the largest part (what an edit costs now), in turns, REPEATS times
each: wall time, CPU time (Pagefind and this process) and files and MB made. Nothing is written.

SITE is a built site/ whose base_url path is `/` (as `digest init` writes it). It is served on a
free port and searched in headless Chromium as a reader would: the search page opened with each
query (and each filter) in its URL. For each search it prints the requests and bytes the page
fetched from pagefind/ (the WebAssembly, the index's entries, metadata, filters, word chunks and the
result fragments shown), the time until the results were shown, and the count. The index itself:
files and MB on disk, by part. With --compare, both sites are searched and the headlines shown
first are compared: how many of the first 10 agree (the parts of an index rank by their own
statistics, so a merged index may order results otherwise than one index of everything).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import resource
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = ("oil", "coffee prices", "bank of japan", "trade deficit", "opec")
FILTERS = ("year=1987", "place=Japan")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve SITE at / on a free port from a thread; yield its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def index_size(site: Path) -> str:
    """Return the index's files and MB on disk, and its parts."""
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    listed = site / "pagefind" / "shards.json"
    parts = json.loads(listed.read_text()) if listed.is_file() else ["(one index)"]
    return (f"{len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB; "
            f"{len(parts)} parts: {', '.join(parts)}")


def search(browser, origin: str, params: str) -> dict:
    """Open the search page with PARAMS in a fresh page; return what it fetched, when, and what it showed."""
    page = browser.new_page()
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
    start = time.perf_counter()
    page.goto(origin + "search/?" + params)
    page.wait_for_function("() => /stor(y|ies)|No stories/.test(document.getElementById('search-status').textContent)"
                           " && !/Searching|Loading/.test(document.getElementById('search-status').textContent)",
                           timeout=120_000)
    seconds = time.perf_counter() - start
    shown = page.locator("#search-results .card-title").all_inner_texts()
    status = page.inner_text("#search-status")
    page.close()
    index = [(u, n) for u, n in fetched if "/pagefind/" in u]
    return {"params": params, "seconds": seconds, "requests": len(index), "kb": sum(n for _, n in index) / 1e3,
            "wasm_kb": sum(n for u, n in index if "wasm." in u) / 1e3, "status": status, "shown": shown}


def report(name: str, found: dict) -> None:
    print(f"  {name:8} {found['params']:24} {found['requests']:4} requests {found['kb']:8.0f} kB "
          f"(wasm {found['wasm_kb']:.0f} kB)  {found['seconds']:5.2f} s  {found['status']}", flush=True)


def stories_records(project: Path) -> dict[str, list[dict]]:
    """Return the search records of PROJECT's stories by part, made as a build makes them."""
    from generator import search, shards
    from generator.build import BuildResult, read_content
    from generator.markdownbodies import render_bodies
    from generator.cache import open_cache
    from generator.config import load_config
    from generator.changes import hash_inputs, scan_stories
    from generator.urls import Urls

    config = load_config(project)
    inputs = hash_inputs(config)
    cache = open_cache(config.path(".cache"), inputs.stamp)
    inputs = scan_stories(config, inputs, cache)
    content = read_content(config, inputs, cache, BuildResult())
    bodies = render_bodies(config, content, cache)
    site = content.site
    urls = Urls(config.base_url, config.permalinks, {name: slug for name, (slug, _) in site.clashes.items()})
    parts = shards.plan({k: site.articles[k].day for k in site.order})
    return {name: list(search.records(site.articles, keys, urls, bodies)) for name, keys in parts.items()}


def time_index(records: list[dict], language: str) -> tuple[float, float, int, float]:
    """Index RECORDS once; return wall seconds, CPU seconds (Pagefind's and ours), files and MB made."""
    from generator.indexer import index

    before = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    files = index(records, language)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before))
    return wall, cpu, len(files), sum(map(len, files.values())) / 1e6


def index_cost(project: Path, repeats: int) -> None:
    """Print what indexing the whole archive costs, and what indexing its largest part does."""
    from generator.config import load_config

    language = load_config(project).language
    parts = stories_records(project)
    every = [r for records in parts.values() for r in records]
    largest = max(parts, key=lambda name: len(parts[name]))
    print(f"{project}: {len(every)} stories in {len(parts)} parts "
          f"({', '.join(f'{n}: {len(r)}' for n, r in parts.items())})")
    runs: dict[str, list[tuple[float, float, int, float]]] = {"whole archive": [], f"part {largest}": []}
    for _ in range(repeats):
        runs["whole archive"].append(time_index(every, language))
        runs[f"part {largest}"].append(time_index(parts[largest], language))
    for name, found in runs.items():
        walls, cpus = [f[0] for f in found], [f[1] for f in found]
        print(f"  {name:18} wall median {statistics.median(walls):6.2f} s (max {max(walls):.2f}), CPU median "
              f"{statistics.median(cpus):6.2f} s; {found[0][2]} files, {found[0][3]:.1f} MB", flush=True)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    if "--index" in sys.argv:
        args.add_argument("--index", type=Path, required=True, metavar="PROJECT")
        args.add_argument("--repeats", type=int, default=3)
        opts = args.parse_args()
        index_cost(opts.index.resolve(), opts.repeats)
        return 0
    args.add_argument("site", type=Path)
    args.add_argument("--compare", type=Path, help="another build of the same stories (one index, say)")
    args.add_argument("--query", nargs="*", default=list(QUERIES))
    args.add_argument("--filter", nargs="*", default=list(FILTERS))
    opts = args.parse_args()
    sites = {"site": opts.site} | ({"compare": opts.compare} if opts.compare else {})
    for name, site in sites.items():
        print(f"{name}: {site}: {index_size(site)}")
    from playwright.sync_api import sync_playwright

    searches = [f"q={quote(q)}" for q in opts.query] + list(opts.filter)
    results: dict[str, dict[str, dict]] = {name: {} for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, site in sites.items():
            with serving(site) as origin:
                search(browser, origin, searches[0])  # warm the server and the disk cache
                for params in searches:
                    results[name][params] = search(browser, origin, params)
                    report(name, results[name][params])
        browser.close()
    if opts.compare:
        print("first 10 headlines shown, in common (site vs compare):")
        for params in searches:
            mine, theirs = results["site"][params]["shown"][:10], results["compare"][params]["shown"][:10]
            same_first = bool(mine and theirs and mine[0] == theirs[0])
            print(f"  {params:24} {len(set(mine) & set(theirs))}/{max(len(theirs), 1)} in common, "
                  f"same first: {'yes' if same_first else 'no'}, same order: {'yes' if mine == theirs else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
