"""Measure how tall a built site's pages are on a phone, in headless Chromium, and report the tallest by kind.

    .venv/bin/python bench/page_heights.py PROJECT_DIR [--width 375] [--screen 667] [--per-kind 12] [--kinds edition,home]

Serves PROJECT_DIR/site/ under the path of its base_url, as GitHub Pages does, and loads in
Chromium (Debian's, at 375 px wide by default) the PER_KIND largest HTML files of each page kind
(the kind is the page's body class, page-KIND): the tallest page is among the largest. Prints,
kind by kind, the number of pages, the tallest measured, its height in px and in screens of SCREEN px.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import sys
import threading
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import load_config  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
KIND = re.compile(rb'<body class="page-([a-z0-9-]+)"')


def pages_by_kind(site: Path) -> dict[str, list[tuple[int, str]]]:
    """Return each kind's pages as (size in bytes, path under site/), largest first."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for path in site.rglob("*.html"):
        data = path.read_bytes()
        match = KIND.search(data)
        if match:
            found[match.group(1).decode()].append((len(data), path.relative_to(site).as_posix()))
    return {kind: sorted(pages, reverse=True) for kind, pages in sorted(found.items())}


def served(site: Path, prefix: str):
    """Serve SITE at PREFIX on a free port; return the server (a context manager) and its root URL."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            inside = path[len(prefix):] if path.startswith(prefix) else ".outside"
            return super().translate_path("/" + inside)

        def log_message(self, *args) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address) -> None:  # a page left before its last file came
            if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


def page_url(base: str, rel: str) -> str:
    """Return the URL a reader would use for REL: a folder's index.html as the folder."""
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--width", type=int, default=375)
    parser.add_argument("--screen", type=int, default=667)
    parser.add_argument("--per-kind", type=int, default=12)
    parser.add_argument("--kinds", default="", help="measure only these kinds, comma-separated (edition,home)")
    args = parser.parse_args()
    site = args.project / "site"
    prefix = urlsplit(load_config(args.project).base_url).path or "/"
    kinds = pages_by_kind(site)
    if args.kinds:
        kinds = {kind: pages for kind, pages in kinds.items() if kind in args.kinds.split(",")}
    from playwright.sync_api import sync_playwright

    server, base = served(site, prefix if prefix.endswith("/") else prefix + "/")
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": args.width, "height": args.screen}).new_page()
        print(f"{'kind':<14} {'pages':>6}  {'tallest (px)':>12} {'screens':>8}  page")
        for kind, pages in kinds.items():
            heights = []
            for _, rel in pages[: args.per_kind]:
                page.goto(page_url(base, rel), wait_until="load")
                heights.append((page.evaluate("document.scrollingElement.scrollHeight"), rel))
            height, rel = max(heights)
            print(f"{kind:<14} {len(pages):>6}  {height:>12,} {height / args.screen:>8.1f}  {rel}")
        browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
