"""`digest serve`: build, serve site/ under the base path with live reload, rebuild on every save."""

from __future__ import annotations

import asyncio
import errno
import html
import json
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.server import LiveScriptInjector
from livereload.watcher import Watcher as LivereloadWatcher
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets

from generator.config import Config
from generator.errors import Problem
from generator.hostcheck import host_allowed, origin_allowed
from generator.locate import content_type, locate
from generator.preview import WATCHED, Preview
from generator.watch import open_watcher

# livereload's own snippet, which finds the server from the page's address (so any name or port
# works), plus a check when it connects: a page served before the last rebuild, whose socket opened
# after that rebuild's reload message went out, reloads then. Added to responses only, never to site/.
RELOAD_SCRIPT = """<script>(function(){var b="%d",p=location.port||(location.protocol=="https:"?443:80),
s=document.createElement("script");s.src="//"+location.hostname+":"+p+"/livereload.js?port="+p;
document.addEventListener("LiveReloadConnect",function(){fetch("/livereload/build",{cache:"no-store"})
.then(function(r){return r.text()}).then(function(t){if(t!==b)location.reload()})});
document.head.appendChild(s);})();</script>"""
GENERATION_HEADER = "X-Digest-Build"
NOT_FOUND = b"<!doctype html><html><head><title>Not found</title></head><body>Not found</body></html>"


def error_page(problems: Iterable[Problem]) -> bytes:
    """Return the page shown instead of the site while it does not build; every message escaped."""
    items = "\n".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in problems)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed | digest serve</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}}
h1{{color:#a00}} li{{margin:.5rem 0}} code{{white-space:pre-wrap;word-break:break-word}}</style>
</head><body><main id="digest-build-error"><h1>The site did not build</h1>
<ul>
{items}
</ul>
<p>Fix the file and save it: this page reloads by itself.</p></main></body></html>
""".encode("utf-8")


class OwnHost:
    """Refuse a request whose Host is not the preview's own address (hostcheck.py)."""

    def prepare(self) -> None:
        served = self.settings["served_host"]
        if not host_allowed(self.request.host, served):
            self.set_status(403)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish(f"digest serve answers to its own address ({served or 'every interface'}) and "
                        "localhost only, not to the name in this request's Host header\n")


class ReloadSocket(OwnHost, LiveReloadHandler):
    """livereload's socket, opened only from the preview's own pages; it knows which page opened it."""

    page = ""  # the path of the page, from the 'info' message of livereload's handshake

    def check_origin(self, origin: str) -> bool:
        return origin_allowed(origin, self.settings["served_host"])

    def on_message(self, message: str) -> None:
        try:
            found = json.loads(message)
            if isinstance(found, dict) and isinstance(found.get("url"), str):
                self.page = urlsplit(found["url"]).path
        except ValueError:
            pass
        super().on_message(message)


def reload_pages(path: str) -> None:
    """Tell the open pages at PATH (on the HTTP thread) to reload themselves, and no others."""
    for waiter in list(LiveReloadHandler.waiters):
        if getattr(waiter, "page", None) == path:
            waiter.write_message({"command": "reload", "path": path, "liveCSS": False, "liveImg": True})


class ReloadScript(OwnHost, LiveReloadJSHandler):
    """livereload's script, to the preview's own address only."""


class SiteHandler(OwnHost, web.RequestHandler):
    """Serve files of site/ under the base path; while the site does not build, the error page."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def compute_etag(self) -> str | None:
        return None  # every reload must fetch the page again

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")

    def get(self) -> None:
        # the generation is read first: a rebuild that ends while we answer costs one more reload
        if not self.preview.config.path("site").is_dir():
            self.preview.restore()  # deleted (make clean) since the last build: build it again
        self.set_header(GENERATION_HEADER, str(self.preview.generation))
        config, problems = self.preview.config, self.preview.problems
        site = config.path("site")
        found = locate(site, config.base_path, self.request.path)
        if found.redirect:
            self.redirect(found.redirect)
        elif problems and (found.file is None or found.file.suffix == ".html"):
            self._send(500, "text/html; charset=utf-8", error_page(problems))
        elif found.file is not None and (data := _read(found.file)) is not None:
            self._send(200, content_type(found.file), data)
        else:
            page = locate(site, config.base_path, config.base_path + "404.html").file
            self._send(404, "text/html; charset=utf-8", (_read(page) if page else None) or NOT_FOUND)

    head = get

    def _send(self, status: int, kind: str, data: bytes) -> None:
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.finish(data)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # removed by a rebuild between finding and reading it
        return None


class GenerationHandler(OwnHost, web.RequestHandler):
    """Answer which rebuild the site is at, for pages that were served before it."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def get(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(str(self.preview.generation))


class ReloadInjector(LiveScriptInjector):
    """livereload's transform that adds the script to HTML responses, told which build they show."""

    script = b""

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        self.script = (RELOAD_SCRIPT % int(headers.get(GENERATION_HEADER, "0"))).encode("utf-8")
        return super().transform_first_chunk(status_code, headers, chunk, finishing)


def application(preview: Preview, host: str = "127.0.0.1") -> web.Application:
    """Return the web app: livereload's socket and script, then the site; for requests to HOST only."""
    LiveReloadHandler.watcher = LivereloadWatcher()  # reload_waiters() logs its .filepath
    LiveReloadHandler.live_css = False
    return web.Application([
        (r"/livereload", ReloadSocket),
        (r"/livereload\.js", ReloadScript),
        (r"/livereload/build", GenerationHandler, {"preview": preview}),
        (r".*", SiteHandler, {"preview": preview}),
    ], transforms=[ReloadInjector], log_function=lambda handler: None, served_host=host)


class HttpThread:
    """Run the HTTP server on its own thread; the main thread watches, rebuilds and takes Ctrl-C."""

    def __init__(self, app: web.Application, sockets: list[socket.socket]):
        self.app, self.sockets = app, sockets
        self.ready = threading.Event()
        self.loop: IOLoop | None = None
        self.done: asyncio.Event | None = None
        self.thread = threading.Thread(target=lambda: asyncio.run(self._main()), name="http", daemon=True)

    async def _main(self) -> None:
        server = HTTPServer(self.app)
        server.add_sockets(self.sockets)
        self.loop, self.done = IOLoop.current(), asyncio.Event()
        self.ready.set()
        await self.done.wait()
        server.stop()
        for waiter in list(LiveReloadHandler.waiters):
            waiter.close()

    def start(self) -> None:
        """Start serving; return once requests are being answered."""
        self.thread.start()
        self.ready.wait()

    def reload_browsers(self) -> None:
        """Tell every open page to reload itself."""
        if self.loop is not None:
            self.loop.add_callback(LiveReloadHandler.reload_waiters, "*")

    def reload_pages(self, path: str) -> None:
        """Tell the open pages at PATH to reload themselves."""
        if self.loop is not None:
            self.loop.add_callback(reload_pages, path)

    def stop(self) -> None:
        """Stop serving and wait a moment for the thread to finish."""
        if self.loop is not None and self.done is not None:
            self.loop.add_callback(self.done.set)
            self.thread.join(timeout=2)
        for sock in self.sockets:
            sock.close()


def listen(host: str, port: int) -> list[socket.socket]:
    """Bind the server's sockets; raise OSError with a one-line reason when that cannot be done."""
    try:
        return bind_sockets(port, address=host)
    except OSError as exc:
        where = f"{host}:{port}"
        if exc.errno == errno.EADDRINUSE:
            reason = (f"port {port} is already in use on {host} (another digest serve?); "
                      "stop that server or choose another port with --port")
        elif exc.errno == errno.EACCES:
            reason = f"no permission to use port {port}; choose one above 1023 with --port"
        else:
            reason = f"{exc.strerror or exc}; check --host and --port"
        raise OSError(exc.errno, f"cannot serve on {where}: {reason}") from None


def site_url(host: str, port: int, base_path: str) -> str:
    """Return the address to open in a browser."""
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else "[::1]" if host == "::" else host
    shown = f"[{shown}]" if ":" in shown and not shown.startswith("[") else shown
    return f"http://{shown}:{port}{base_path}"


def serve(config: Config, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False,
          overrides: Mapping[str, Any] | None = None) -> int:
    """Build, then serve with live reload until Ctrl-C; return the exit code."""
    try:
        sockets = listen(host, port)
    except OSError as exc:
        print(f"error: {exc.strerror}", file=sys.stderr)
        return 1
    port = sockets[0].getsockname()[1]  # the real one when asked for port 0
    preview = Preview(config, overrides, background=True)
    watcher = open_watcher(config.root, WATCHED)
    http, stop = HttpThread(application(preview, host), sockets), threading.Event()
    # an open search page reloads once the index caught up with the saves it searches
    preview.on_indexed = lambda: http.reload_pages(preview.config.base_path + "search/")
    try:
        preview.start()
        http.start()
        url = site_url(host, port, preview.config.base_path)
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"warning: listening on {host}: other machines can see this preview", file=sys.stderr)
        print(f"serving {url} with live reload (Ctrl-C to stop)", flush=True)
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        preview.catch_up()
        while True:
            changes = watcher.wait(stop)
            preview.rebuild(changes)
            http.reload_browsers()
            preview.catch_up()  # the search index, once the pages are shown
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr, flush=True)
    finally:
        watcher.close()
        preview.close()
        http.stop()
    return 0
