"""Time `digest serve` from saving a story to the served page showing the change.

    .venv/bin/python bench/reload_latency.py PROJECT_DIR [--repeats 10] [--story content/.../x.md]

Starts `digest serve --port 0` over PROJECT_DIR, edits one story's body on disk N times and polls
the story's page over HTTP until the new text is served; prints each time, the median and the max.
The story is put back as it was at the end, and the server is stopped with Ctrl-C (SIGINT).
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import load_config  # noqa: E402
from generator.content import content_files, read_article  # noqa: E402
from generator.urls import Urls  # noqa: E402

START_TIMEOUT = 600.0  # a cold build of thousands of stories takes a while on two cores
CHANGE_TIMEOUT = 30.0
POLL = 0.02  # each look costs the server a request: poll gently, as a browser would not at all


def start_server(project: Path) -> tuple[subprocess.Popen, str]:
    """Start digest serve on a free port; return it and its root URL once it serves."""
    proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(project), "serve", "--port", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True, bufsize=1)
    deadline = time.monotonic() + START_TIMEOUT
    assert proc.stdout is not None
    for line in proc.stdout:
        match = re.search(r"serving (http://[^/\s]+)", line)
        if match:
            return proc, match.group(1)
        print("server: " + line.rstrip(), flush=True)
        if time.monotonic() > deadline:
            break
    stop_server(proc)
    raise SystemExit(f"digest serve did not start (exit code {proc.returncode})")


def echo_rebuilds(proc: subprocess.Popen) -> None:
    """Print the server's rebuild lines as they come (and the search index's catching up after them)."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(("rebuilt", "search index")):
            print("  server " + line.rstrip(), flush=True)


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server as Ctrl-C would; kill it if it hangs."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def fetch(url: str) -> str:
    """Return the page at URL, or '' while it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def time_one_edit(story: Path, original: str, url: str, marker: str) -> float | None:
    """Save the story with MARKER in its body; return the seconds until the page shows it."""
    start = time.perf_counter()
    story.write_text(original.rstrip("\n") + f"\n\nEdited for the latency bench: {marker}.\n", encoding="utf-8")
    while time.perf_counter() - start < CHANGE_TIMEOUT:
        if marker in fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def main() -> int:
    """Run the bench; print the times."""
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("project", type=Path, help="a digest project (config.yaml, content/)")
    args.add_argument("--repeats", type=int, default=10)
    args.add_argument("--story", type=Path, help="the story to edit (default: the first one)")
    opts = args.parse_args()
    project = opts.project.resolve()
    config = load_config(project)
    story = (project / opts.story) if opts.story else next(content_files(config))
    article = read_article(story, config)
    page = Urls(config.base_url, config.permalinks).article(article.day, article.slug)
    original = story.read_text(encoding="utf-8")
    count = sum(1 for _ in content_files(config))
    proc, origin = start_server(project)
    threading.Thread(target=echo_rebuilds, args=(proc,), daemon=True).start()
    times: list[float] = []
    try:
        for number in range(opts.repeats):
            seconds = time_one_edit(story, original, origin + page, f"m{number}-{uuid.uuid4().hex[:8]}")
            print(f"edit {number + 1}: " + (f"{seconds:.3f}s" if seconds is not None else "no change seen"),
                  flush=True)
            if seconds is not None:
                times.append(seconds)
            time.sleep(0.5)  # let the server settle, so each edit is timed on its own
    finally:
        story.write_text(original, encoding="utf-8")
        time.sleep(1)  # let the server rebuild the restored story before it stops
        stop_server(proc)
    if not times:
        print("no edit was seen on the page")
        return 1
    print(f"{count} stories; {len(times)}/{opts.repeats} edits seen: median {statistics.median(times):.3f}s, "
          f"max {max(times):.3f}s, min {min(times):.3f}s")
    return 0 if len(times) == opts.repeats else 1


if __name__ == "__main__":
    sys.exit(main())
