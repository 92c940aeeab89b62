"""`digest serve` as a user meets it: a real server process, raw HTTP, and a headless Chromium."""

from __future__ import annotations

import http.client
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT, write_config, write_story

STORY_URL = "/digest/2025/11/07/a-story/"
SECRET = "not-for-the-web-3f1c"
LIVE_FLAG = "document.addEventListener('LiveReloadConnect', () => { window.__digestLive = true; });"


def free_port() -> int:
    """Return a port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A `digest serve` process and the lines it printed."""

    def __init__(self, root: Path, *args: str, env: dict[str, str] | None = None):
        self.proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(root), "serve", *args],
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        for stream in (self.proc.stdout, self.proc.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout: float = 120) -> str:
        """Return the first new line matching PATTERN; fail with everything printed if none comes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"digest serve never printed /{pattern}/; it printed:\n" + "".join(self.seen))

    def stop(self) -> int:
        """Stop it as Ctrl-C does; kill it if it hangs. Return its exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def output(self) -> str:
        """Return everything printed so far."""
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return "".join(self.seen)


def make_project(root: Path, port: int) -> Path:
    """Write a two-story project whose base_url is the preview's address under /digest/."""
    write_config(root, base_url=f"http://127.0.0.1:{port}/digest/")
    (root / "seeds").mkdir()
    write_story(root, "a-story", title="A story to edit", body="The first version of the body.",
                people=["Azam Khan"], tags=["Politics"])
    write_story(root, "another-story", title="Another story", body="Stays as it is.", people=["Azam Khan"])
    (root / "secret.txt").write_text(SECRET)
    return root


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, int, Server]]:
    """Yield a project, its port and its running `digest serve`; stop the server afterwards."""
    port = free_port()
    root = make_project(tmp_path, port)
    server = Server(root, "--port", str(port))
    try:
        server.wait_for(r"^serving http://127\.0\.0\.1:\d+/digest/")
        yield root, port, server
    finally:
        server.stop()


def get(port: int, raw_path: str) -> tuple[int, dict[str, str], str]:
    """Send PATH exactly as given (no normalising) and return status, headers and body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest("GET", raw_path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def wait_for_status(port: int, path: str, status: int, timeout: float = 60) -> str:
    """Poll PATH until it answers STATUS; return the body."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code, _, body = get(port, path)
        if code == status:
            return body
        time.sleep(0.1)
    raise AssertionError(f"{path} never answered {status}; last: {code} {body[:300]}")


@pytest.mark.browser
def test_a_saved_story_reloads_the_open_page_and_errors_show_until_fixed(served, browser) -> None:
    from playwright.sync_api import expect

    root, port, server = served
    story = root / "content" / "articles" / "2025" / "11" / "07" / "a-story.md"
    page = browser.new_page()
    try:
        page.add_init_script(LIVE_FLAG)
        page.goto(f"http://127.0.0.1:{port}{STORY_URL}")
        expect(page.get_by_text("The first version of the body.")).to_be_visible(timeout=30_000)
        page.wait_for_function("window.__digestLive === true", timeout=30_000)

        write_story(root, "a-story", title="A story to edit", body="A second version, saved while it was open.",
                    people=["Azam Khan"], tags=["Politics"])
        expect(page.get_by_text("A second version, saved while it was open.")).to_be_visible(timeout=30_000)
        page.wait_for_function("window.__digestLive === true", timeout=30_000)

        good = story.read_text(encoding="utf-8")
        story.write_text(good.replace("title: ", "title: [unclosed ", 1), encoding="utf-8")
        error = page.locator("#digest-build-error")
        expect(error).to_contain_text("content/articles/2025/11/07/a-story.md:", timeout=30_000)
        expect(error).to_contain_text("front matter is not valid YAML")
        page.wait_for_function("window.__digestLive === true", timeout=30_000)

        story.write_text(good, encoding="utf-8")
        expect(page.get_by_text("A second version, saved while it was open.")).to_be_visible(timeout=30_000)
        expect(error).to_have_count(0)
        assert page.url == f"http://127.0.0.1:{port}{STORY_URL}"
        assert server.stop() == 0  # Ctrl-C with a page still connected
        assert "Traceback" not in server.output()
    finally:
        page.close()


@pytest.mark.browser
def test_a_page_served_before_a_rebuild_reloads_once_it_connects(served, browser) -> None:
    from playwright.sync_api import expect

    root, port, _ = served
    page = browser.new_page()
    held: list = []

    def hold(route) -> None:  # the first is answered late: the page connects after the reload went out
        if held:
            route.continue_()
        else:
            held.append(route)

    try:
        page.route("**/livereload.js*", hold)
        page.goto(f"http://127.0.0.1:{port}{STORY_URL}", wait_until="domcontentloaded")
        while not held:
            page.wait_for_timeout(50)
        shown = page.evaluate("document.documentElement.outerHTML")
        assert "The first version of the body." in shown
        before = get(port, "/livereload/build")[2]
        write_story(root, "a-story", title="A story to edit", body="Saved before the page connected.")
        deadline = time.monotonic() + 60
        while get(port, "/livereload/build")[2] == before and time.monotonic() < deadline:
            time.sleep(0.1)
        held[0].continue_()
        expect(page.get_by_text("Saved before the page connected.")).to_be_visible(timeout=30_000)
    finally:
        page.close()


def test_the_reload_script_is_only_in_served_pages_never_in_site(served) -> None:
    root, port, _ = served
    status, headers, body = get(port, STORY_URL)
    assert status == 200 and "livereload.js" in body
    assert int(headers["Content-Length"]) == len(body.encode("utf-8"))
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 5
    assert [p for p in pages if "livereload" in p.read_text(encoding="utf-8")] == []
    assert "livereload" not in get(port, "/digest/feed.xml")[2]


def test_pages_are_served_under_the_base_path_as_on_github_pages(served) -> None:
    _, port, _ = served
    for path, target in (("/", "/digest/"), ("/digest", "/digest/"), ("/digest/2025/11/07/a-story", STORY_URL)):
        status, headers, _ = get(port, path)
        assert (status, headers["Location"]) == (302, target)
    assert get(port, "/digest/")[0] == 200
    status, _, body = get(port, "/digest/no-such-page/")
    assert status == 404 and "livereload.js" in body
    assert get(port, "/2025/11/07/a-story/")[0] == 404  # only under the base path


@pytest.mark.parametrize("raw", [
    "/digest/../secret.txt",
    "/digest/%2e%2e/secret.txt",
    "/digest/%2E%2E%2Fsecret.txt",
    "/digest/..%2fsecret.txt",
    "/digest/2025/%2e%2e/%2e%2e/secret.txt",  # site/2025/../.. is the project folder
    "/digest/%2fetc%2fpasswd",
    "/digest//etc/passwd",
    "/../secret.txt",
    "/digest/out/secret.txt",  # site/out -> the project folder
    "/digest/secret-link.txt",  # site/secret-link.txt -> secret.txt
])
def test_only_files_inside_site_are_served(served, raw: str) -> None:
    root, port, _ = served
    (root / "site" / "out").symlink_to(root)
    (root / "site" / "secret-link.txt").symlink_to(root / "secret.txt")
    assert get(port, "/digest/robots.txt")[0] == 200  # the server does serve files
    status, _, body = get(port, raw)
    assert status == 404
    assert SECRET not in body and "root:" not in body


def test_it_listens_on_loopback_only(served) -> None:
    _, port, server = served
    listening = listening_addresses(port)
    assert listening, f"nothing is listening on port {port}"
    assert listening <= {"127.0.0.1", "::1"}, listening


def listening_addresses(port: int) -> set[str]:
    """Return the local addresses of the sockets listening on PORT, from /proc/net/tcp{,6}."""
    found = set()
    for table, size in (("tcp", 4), ("tcp6", 16)):
        path = Path("/proc/net") / table
        if not path.exists():
            pytest.skip("no /proc/net/tcp: not Linux")
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, size, 4))  # kernel byte order
                found.add(socket.inet_ntop(socket.AF_INET if size == 4 else socket.AF_INET6, words))
    return found


def test_the_error_page_escapes_what_it_quotes(served) -> None:
    root, port, server = served
    story = root / "content" / "articles" / "2025" / "11" / "07" / "another-story.md"
    good = story.read_text(encoding="utf-8")
    story.write_text(good.replace("slug: another-story", "slug: <img src=x onerror=alert(1)>"), encoding="utf-8")
    body = wait_for_status(port, STORY_URL, 500)
    assert "content/articles/2025/11/07/another-story.md:" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "<img" not in body
    server.wait_for(r"^error: content/articles/2025/11/07/another-story\.md:\d+: slug:")
    assert get(port, "/digest/robots.txt")[0] == 200  # files other than pages are still served
    story.write_text(good, encoding="utf-8")
    assert "A story to edit" in wait_for_status(port, STORY_URL, 200)


def test_a_template_or_config_error_keeps_the_server_running(served) -> None:
    root, port, server = served
    template = root / "templates" / "article.html"
    template.parent.mkdir()
    template.write_text("{% extends '!parent/article.html' %}\n{% block main %}{% if %}{% endblock %}\n")
    assert "templates/article.html:2: template syntax error" in wait_for_status(port, STORY_URL, 500)
    template.unlink()
    wait_for_status(port, STORY_URL, 200)
    config = root / "config.yaml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "paginate: [\n", encoding="utf-8")
    assert "config.yaml:" in wait_for_status(port, STORY_URL, 500)
    config.write_text(good.replace("Test Digest", "Renamed Digest"), encoding="utf-8")
    assert "Renamed Digest" in wait_for_status(port, STORY_URL, 200)
    assert server.proc.poll() is None


def test_ctrl_c_stops_cleanly(served) -> None:
    _, port, server = served
    assert get(port, STORY_URL)[0] == 200
    assert server.stop() == 0
    output = server.output()
    assert "stopped" in output
    assert "Traceback" not in output


def test_a_taken_port_is_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        root = make_project(tmp_path, port)
        proc = subprocess.run([sys.executable, "-m", "generator", "-C", str(root), "serve", "--port", str(port)],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert f"port {port} is already in use" in lines[0] and "--port" in lines[0]
    assert not (root / "site").exists()  # it said so before building anything


def request(port: int, path: str, headers: dict[str, str]) -> tuple[int, str]:
    """Send GET PATH with HEADERS (Host among them) and return status and body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest("GET", path, skip_host="Host" in headers, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.mark.parametrize("host, status", [
    (None, 200), ("localhost", 200), ("127.0.0.1", 200), ("[::1]", 200),
    ("attacker.example", 403), ("127.0.0.1.attacker.example", 403), ("localhost.attacker.example", 403),
])
def test_only_requests_for_its_own_address_are_answered(served, host: str | None, status: int) -> None:
    _, port, _ = served
    headers = {} if host is None else {"Host": f"{host}:{port}"}
    code, body = request(port, STORY_URL, headers)
    assert code == status, body[:300]
    if status == 403:
        assert "A story to edit" not in body and "Host" in body
        assert request(port, "/livereload.js", headers)[0] == 403
        assert request(port, "/livereload/build", headers)[0] == 403


def socket_upgrade(port: int, origin: str) -> int:
    """Ask to open the live-reload web socket from ORIGIN; return the status of the answer."""
    return request(port, "/livereload", {"Host": f"127.0.0.1:{port}", "Origin": origin, "Upgrade": "websocket",
                                         "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
                                         "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})[0]


def test_the_reload_socket_opens_only_from_its_own_pages(served) -> None:
    _, port, _ = served
    assert socket_upgrade(port, f"http://127.0.0.1:{port}") == 101
    assert socket_upgrade(port, f"http://localhost:{port}") == 101
    assert socket_upgrade(port, "http://attacker.example") == 403
    assert socket_upgrade(port, "null") == 403


def test_after_make_clean_the_preview_builds_the_site_again(served) -> None:
    root, port, server = served
    shutil.rmtree(root / "site")
    shutil.rmtree(root / ".cache", ignore_errors=True)
    code, _, body = get(port, STORY_URL)
    assert code == 200 and "The first version of the body." in body
    server.wait_for(r"site/ was deleted: building it again")
