"""`digest serve` with search on: a save is shown before its story is indexed, and the index catches up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, write_config, write_story
from test_serve import LIVE_FLAG, Server, free_port

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "site"))
from test_incremental import assert_same_as_clean  # noqa: E402  (the fixture-site tests' comparison)

pytestmark = pytest.mark.browser


def gated_pagefind(folder: Path, gate: Path) -> Path:
    """Write a program that waits until GATE exists, then runs the real Pagefind: indexing on hold.

    Each time it starts it leaves FOLDER/waiting, so that a test can see an indexing has begun.
    """
    from pagefind_bin import get_executable

    program = folder / "gated-pagefind"
    program.write_text(f'#!/bin/sh\n: > "{folder}/waiting"\nwhile [ ! -e "{gate}" ]; do sleep 0.05; done\n'
                       f'exec "{get_executable()}" "$@"\n')
    program.chmod(0o755)
    return program


def status_of(page) -> str:
    return page.locator("#search-status").inner_text()


def test_a_save_reloads_before_its_story_is_indexed_and_the_search_page_catches_up(tmp_path, browser) -> None:
    from playwright.sync_api import expect

    port = free_port()
    root = tmp_path / "digest"
    root.mkdir()
    write_config(root, base_url=f"http://127.0.0.1:{port}/digest/", search=True)
    story = write_story(root, "a-story", title="A story to edit", body="The first version of the body.")
    write_story(root, "another-story", title="Another story", body="Stays as it is.")
    gate = tmp_path / "gate"
    gate.touch()
    env = {**os.environ, "DIGEST_PAGEFIND": str(gated_pagefind(tmp_path, gate))}
    server = Server(root, "--port", str(port), env=env)
    base = f"http://127.0.0.1:{port}/digest/"
    search, reading = browser.new_page(), browser.new_page()
    try:
        server.wait_for(r"^serving http://")
        server.wait_for(r"^search index caught up")
        for page in (search, reading):
            page.add_init_script(LIVE_FLAG)
        search.goto(base + "search/?q=zeppelin")
        expect(search.locator("#search-status")).to_contain_text("No stories found", timeout=30_000)
        reading.goto(base + "2025/11/07/a-story/")
        for page in (search, reading):
            page.wait_for_function("window.__digestLive === true", timeout=30_000)

        gate.unlink()  # from now on the index cannot change
        for page in (search, reading):
            page.evaluate("window.__before = true")
        write_story(root, "a-story", title="A story to edit", body="A zeppelin flew over the town.")
        expect(reading.get_by_text("A zeppelin flew over the town.")).to_be_visible(timeout=30_000)
        search.wait_for_function("window.__before === undefined && window.__digestLive === true", timeout=30_000)
        expect(search.locator("#search-status")).to_contain_text("No stories found", timeout=30_000)
        assert "search index caught up" not in server.output().split("rebuilt in")[-1]

        reading.evaluate("window.__before = true")
        gate.touch()  # the index catches up, and the open search page reloads by itself
        server.wait_for(r"^search index caught up")
        expect(search.locator("#search-status")).to_contain_text("1 story", timeout=30_000)
        assert search.locator("#search-results .card-title").all_inner_texts() == ["A story to edit"]
        assert reading.evaluate("window.__before") is True, "a page with no search on it is not reloaded again"
        assert story.read_text().count("zeppelin") == 1
        assert server.stop() == 0 and "Traceback" not in server.output()
    finally:
        gate.touch()
        search.close()
        reading.close()
        server.stop()


def test_a_preview_killed_while_it_indexes_leaves_a_site_the_next_build_completes(tmp_path) -> None:
    root = tmp_path / "digest"
    root.mkdir()
    write_config(root, base_url=f"http://127.0.0.1:{free_port()}/digest/", search=True)
    story = write_story(root, "a-story", title="A story to edit", body="The first version of the body.")
    write_story(root, "another-story", date="2024-05-02T00:00:00+05:30", title="Another story", body="Stays.")
    gate = tmp_path / "gate"
    gate.touch()
    env = {**os.environ, "DIGEST_PAGEFIND": str(gated_pagefind(tmp_path, gate))}
    server = Server(root, "--port", "0", env=env)
    try:
        server.wait_for(r"^search index caught up")
        gate.unlink()
        (tmp_path / "waiting").unlink()
        write_story(root, "a-story", title="A story to edit", body="A zeppelin flew over the town.")
        server.wait_for(r"^rebuilt in")
        for _ in range(1200):  # at most two minutes for the background indexing to begin
            if (tmp_path / "waiting").exists():
                break
            time.sleep(0.1)
        assert (tmp_path / "waiting").exists(), "the background indexing never began"
        server.proc.send_signal(signal.SIGKILL)  # killed while its background indexing waits at the gate
        server.proc.wait()
    finally:
        gate.touch()
        server.stop()
    page = root / "site" / "2025" / "11" / "07" / "a-story" / "index.html"
    assert "zeppelin" in page.read_text(), "the save was put in place before the indexing began"
    built = subprocess.run([sys.executable, "-m", "generator", "-C", str(root), "build"], cwd=ROOT,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert_same_as_clean(root, tmp_path)
    assert "zeppelin" in story.read_text()
