"""Shared fixtures: small projects in tmp_path, the real seed, a headless Chromium."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from generator import frontmatter

ROOT = Path(__file__).resolve().parent.parent
REAL_SEED = ROOT / "seeds" / "000_27c04b6d610372fb.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
CHROMIUM = Path(os.environ.get("DIGEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def write_config(root: Path, **settings: object) -> Path:
    """Write ROOT/config.yaml with sensible test settings plus SETTINGS."""
    # search is off unless a test turns it on: Pagefind writes its filter files in another byte order
    # on each run, and most fixture sites are compared byte for byte (tests/site/test_search_index.py
    # and the browser tests build with it)
    values = {"title": "Test Digest", "base_url": "http://127.0.0.1:8000/digest/", "paginate": 2, "search": False}
    values.update(settings)
    import yaml
    (root / "config.yaml").write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    return root / "config.yaml"


def write_story(root: Path, slug: str = "a-story", date: str = "2025-11-07T00:00:00+05:30",
                body: str = "The story.", **meta: object) -> Path:
    """Write a content file the way ingest would, with META overriding the defaults."""
    fields = {"title": slug.replace("-", " ").capitalize(), "date": date, "dateline": "Lucknow",
              "agency": "IANS", "summary": f"Summary of {slug}.", "people": [], "places": [],
              "organisations": [], "tags": [], "slug": slug}
    fields.update(meta)
    day = str(fields["date"])[:10].replace("-", "/")
    path = root / "content" / "articles" / day / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(frontmatter.dump(fields) + "\n" + textwrap.dedent(body).strip() + "\n", encoding="utf-8")
    return path


def png(width: int = 1200, height: int = 675, colour: tuple[int, int, int] = (40, 90, 140)) -> bytes:
    """Return a PNG of one colour with a lighter band across it: a picture for a story, made here."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    band = tuple(min(255, c + 90) for c in colour)
    rows = b"".join(b"\0" + bytes(band if height // 3 <= y < height // 2 else colour) * width for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return an empty project folder with a config.yaml and a seeds/ folder."""
    write_config(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    return tmp_path


@pytest.fixture
def seeded_project(project: Path) -> Path:
    """Return a project whose seeds/ holds the real seed."""
    shutil.copy(REAL_SEED, project / "seeds" / REAL_SEED.name)
    return project


def require_corpus(name: str) -> Path:
    """Return ../shared/corpus/NAME or skip the test, saying why."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"optional corpus {path} is absent")
    return path


@pytest.fixture(scope="session")
def browser():
    """Yield a headless Chromium; in CI its absence fails instead of skipping."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Say in one line per reason how many browser tests were skipped, and what would run them."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        if "browser" in report.keywords and isinstance(report.longrepr, tuple):
            reason = report.longrepr[2].removeprefix("Skipped: ")
            reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"browser tests skipped: {count}, because {reason}", yellow=True, bold=True)
