"""The preview server's pure parts: request paths to site files, content types, the error page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Problem
from generator.locate import Located, content_type, locate
from generator.serve import error_page, site_url


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Return a small site/ beside a secret file, with symlinks inside and out."""
    site = tmp_path / "site"
    (site / "2025" / "11" / "07" / "a-story").mkdir(parents=True)
    (site / "index.html").write_text("<html>home</html>")
    (site / "2025" / "11" / "07" / "a-story" / "index.html").write_text("<html>story</html>")
    (site / "feed.xml").write_text("<feed/>")
    (site / "static").mkdir()
    (site / "static" / "site.1a2b.css").write_text("body{}")
    (tmp_path / "secret.txt").write_text("base_url: secret")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "index.html").write_text("outside")
    (site / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (site / "leakdir").symlink_to(tmp_path / "outside")
    (site / "alias.xml").symlink_to(site / "feed.xml")
    return site


@pytest.mark.parametrize("raw, redirect", [
    ("/", "/digest/"),
    ("", "/digest/"),
    ("/digest", "/digest/"),
    ("/digest/2025/11/07/a-story", "/digest/2025/11/07/a-story/"),
    ("/digest/2025", "/digest/2025/"),
])
def test_redirects_like_github_pages(site: Path, raw: str, redirect: str) -> None:
    assert locate(site, "/digest/", raw) == Located(redirect=redirect)


@pytest.mark.parametrize("raw, rel", [
    ("/digest/", "index.html"),
    ("/digest/index.html", "index.html"),
    ("/digest/2025/11/07/a-story/", "2025/11/07/a-story/index.html"),
    ("/digest/feed.xml", "feed.xml"),
    ("/digest/static/site.1a2b.css", "static/site.1a2b.css"),
    ("/digest/2025/11/07/a%2Dstory/", "2025/11/07/a-story/index.html"),  # percent-encoding is decoded
    ("/digest/alias.xml", "feed.xml"),  # a symlink that stays inside site/ is fine
])
def test_serves_files_inside_site(site: Path, raw: str, rel: str) -> None:
    assert locate(site, "/digest/", raw) == Located(file=(site / rel).resolve())


@pytest.mark.parametrize("raw", [
    "/digest/../secret.txt",
    "/digest/%2e%2e/secret.txt",
    "/digest/%2E%2E/secret.txt",
    "/digest/..%2fsecret.txt",
    "/digest/%2e%2e%2fsecret.txt",
    "/digest/2025/%2e%2e/%2e%2e/secret.txt",
    "/digest//etc/passwd",
    "/digest/%2fetc%2fpasswd",
    "/digest/leak.txt",  # a symlink out of site/
    "/digest/leakdir/",
    "/digest/leakdir/index.html",
    "/digest/leakdir",
    "/digest/secret.txt%00.html",
    "/digest/missing/",
    "/digest/feed.xml/",
    "/secret.txt",
    "/other/index.html",
])
def test_refuses_anything_outside_site(site: Path, raw: str) -> None:
    assert locate(site, "/digest/", raw) == Located()


def test_a_site_at_the_domain_root_has_no_redirect_for_slash(site: Path) -> None:
    assert locate(site, "/", "/") == Located(file=(site / "index.html").resolve())
    assert locate(site, "/", "//etc/passwd") == Located()
    assert locate(site, "/", "/../secret.txt") == Located()


@pytest.mark.parametrize("name, expected", [
    ("index.html", "text/html; charset=utf-8"),
    ("site.css", "text/css; charset=utf-8"),
    ("feed.xml", "application/xml; charset=utf-8"),
    ("robots.txt", "text/plain; charset=utf-8"),
    ("logo.png", "image/png"),
    ("no-suffix", "application/octet-stream"),
])
def test_content_types(name: str, expected: str) -> None:
    assert content_type(Path(name)) == expected


def test_error_page_names_the_file_and_escapes_the_message() -> None:
    page = error_page([Problem("content/articles/x.md", "slug: '<img src=x onerror=alert(1)>' is not a slug", 11)])
    text = page.decode("utf-8")
    assert "content/articles/x.md:11: slug: &#x27;&lt;img src=x onerror=alert(1)&gt;&#x27;" in text
    assert "<img" not in text
    assert "</head>" in text  # the reload script is added before it


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", "http://127.0.0.1:8000/digest/"),
    ("0.0.0.0", "http://127.0.0.1:8000/digest/"),
    ("::1", "http://[::1]:8000/digest/"),
    ("localhost", "http://localhost:8000/digest/"),
])
def test_site_url(host: str, expected: str) -> None:
    assert site_url(host, 8000, "/digest/") == expected
