"""The editor's desk through the `digest` console script: init, check, rm, drafts, and the CLI itself."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REAL_SEED, write_config, write_story
from generator import __version__
from test_serve import Server, free_port, get

DIGEST = Path(sys.executable).parent / "digest"
COMMANDS = ("init", "ingest", "build", "serve", "check", "rm", "eval")
BRIDGE = (" date 2025-11-08 Patna, Nov 8 (IANS) The Bihar government on Saturday announced a new bridge "
          "over the Ganga at Patna.\n\nWork will begin in March, officials said.\n")


def digest(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed console script as a user types it."""
    assert DIGEST.is_file(), f"{DIGEST} is missing: `make .venv/.test` installs the console script"
    return subprocess.run([str(DIGEST), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def stories(root: Path) -> list[str]:
    """Return the story files of a project, relative to it."""
    return sorted(str(p.relative_to(root)) for p in (root / "content").rglob("*.md"))


def line_of(path: Path, key: str) -> int:
    """Return the line of a front matter key, counted from 1."""
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(key + ":"))


def test_version() -> None:
    done = digest("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"digest {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_says_what_it_does(command: str) -> None:
    listing = digest("--help").stdout
    assert re.search(rf"^\s+{command}\s+\w", listing, re.M), f"{command} has no line in digest --help"
    done = digest(command, "--help")
    description = done.stdout.split("\n\n")[1]
    assert done.returncode == 0 and len(description.split()) >= 8, done.stdout


def test_the_project_option_is_shown_as_root() -> None:
    usage = digest("--help").stdout
    assert "-C ROOT" in usage and "DIR" not in usage.split("options:")[1].split("--quiet")[0]


@pytest.mark.parametrize("typo, meant", [("buidl", "build"), ("ingset", "ingest"), ("chek", "check"),
                                         ("serv", "serve")])
def test_a_mistyped_command_gets_a_suggestion(typo: str, meant: str) -> None:
    done = digest(typo)
    assert done.returncode == 2 and f"unknown command '{typo}'; did you mean '{meant}'?" in done.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    write_config(tmp_path)
    write_story(tmp_path, "a-story")
    proc = subprocess.Popen([str(DIGEST), "-C", str(tmp_path), "build"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # as `| head` does once it has read enough
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141 and err == ""


def test_quiet_prints_nothing_when_all_is_well(tmp_path: Path) -> None:
    write_config(tmp_path)
    write_story(tmp_path, "a-story")
    done = digest("-C", str(tmp_path), "-q", "build")
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    assert (tmp_path / "site" / "index.html").is_file()


def test_quiet_may_follow_the_command_as_well(tmp_path: Path) -> None:
    write_config(tmp_path)
    write_story(tmp_path, "a-story")
    done = digest("-C", str(tmp_path), "build", "-q")
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    loud = digest("-C", str(tmp_path), "build")  # and without it, the summary is printed
    assert loud.returncode == 0 and "built" in loud.stdout + loud.stderr


def test_init_makes_a_digest_that_make_site_builds(tmp_path: Path) -> None:
    folder = tmp_path / "evening-news"
    done = digest("init", str(folder))
    assert done.returncode == 0, done.stderr
    for name in ("config.yaml", ".gitignore", "Makefile", "README.md", "requirements.txt",
                 ".github/workflows/pages.yml", "seeds", "content"):
        assert (folder / name).exists(), name
    config = (folder / "config.yaml").read_text()
    assert config.startswith("# ") and 'title: "Evening News"' in config
    assert "/site/" in (folder / ".gitignore").read_text()
    # installed from a folder GitHub cannot reach: no line that would fail in pip, and a warning
    assert "wire-digest==" not in (folder / "requirements.txt").read_text()
    assert "requirements.txt: names no generator" in done.stderr
    shutil.copy(REAL_SEED, folder / "seeds")
    made = subprocess.run(["make", "site"], cwd=folder, capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stdout + made.stderr
    assert (folder / "site" / "2025" / "11" / "07").is_dir()
    checked = digest("check", cwd=folder)
    assert checked.returncode == 0 and "0 errors" in checked.stdout, checked.stdout + checked.stderr


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    done = digest("init", str(tmp_path))
    assert done.returncode == 1 and "is not an empty folder" in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_an_unpublished_story_stays_gone_until_forced_back(tmp_path: Path) -> None:
    assert digest("init", str(tmp_path / "d")).returncode == 0
    root = tmp_path / "d"
    shutil.copy(REAL_SEED, root / "seeds")
    (root / "seeds" / "bridge.txt").write_text(BRIDGE)
    assert digest("-C", str(root), "ingest").returncode == 0
    azam, bridge = stories(root)

    (root / bridge).unlink()  # unpublished by deleting the file
    again = digest("-C", str(root), "ingest")
    assert again.returncode == 0 and "1 unpublished" in again.stdout
    assert stories(root) == [azam]
    listed = (root / "content" / "unpublished.txt").read_text()
    assert hashlib.sha256(BRIDGE.encode()).hexdigest() + " bridge.txt" in listed

    removed = digest("-C", str(root), "rm", azam)  # unpublished with the command
    assert removed.returncode == 0 and "unpublished" in removed.stdout and stories(root) == []
    assert digest("-C", str(root), "ingest", "--force").returncode == 0
    assert stories(root) == []  # --force alone re-ingests edited stories, not unpublished ones

    back = digest("-C", str(root), "ingest", "--force", "seeds/bridge.txt")
    assert back.returncode == 0 and "published again: bridge.txt" in back.stdout
    assert stories(root) == [bridge]
    assert "bridge.txt" not in (root / "content" / "unpublished.txt").read_text()
    built = digest("-C", str(root), "build")
    assert built.returncode == 0 and not (root / "site" / Path(azam).parent.relative_to("content/articles")).exists()


def test_check_reports_errors_and_warnings_with_lines_and_writes_nothing(tmp_path: Path) -> None:
    write_config(tmp_path)
    good = write_story(tmp_path, "a-story", peopel=["Azam Khan"])
    bad = write_story(tmp_path, "b-story", draft="yes")
    done = digest("-C", str(tmp_path), "check")
    assert done.returncode == 1
    assert (f"warning: {good.relative_to(tmp_path)}:{line_of(good, 'peopel')}: peopel: unknown key, ignored; "
            "did you mean 'people'?" in done.stderr)
    assert f"error: {bad.relative_to(tmp_path)}:{line_of(bad, 'draft')}: draft: must be true or false" in done.stderr
    assert not (tmp_path / "site").exists() and not (tmp_path / ".cache").exists()
    bad.unlink()
    assert digest("-C", str(tmp_path), "check").returncode == 0  # a warning alone does not fail


def test_check_finds_a_broken_link_in_the_built_site(tmp_path: Path) -> None:
    write_config(tmp_path)
    write_story(tmp_path, "a-story")
    assert digest("-C", str(tmp_path), "build").returncode == 0
    assert digest("-C", str(tmp_path), "check").returncode == 0
    page = tmp_path / "site" / "index.html"
    page.write_text(page.read_text().replace("</body>", '<a href="/digest/gone/">x</a></body>'))
    done = digest("-C", str(tmp_path), "check")
    assert done.returncode == 1 and "site/index.html:" in done.stderr and "'/digest/gone/'" in done.stderr


def test_a_draft_shows_only_in_the_preview_with_drafts(tmp_path: Path) -> None:
    port = free_port()
    write_config(tmp_path, base_url=f"http://127.0.0.1:{port}/digest/")
    write_story(tmp_path, "a-story", title="Published story")
    write_story(tmp_path, "draft-story", title="Unfinished draft", draft=True, people=["Azam Khan"])
    assert digest("-C", str(tmp_path), "build").returncode == 0
    site = tmp_path / "site"
    assert not (site / "2025/11/07/draft-story").exists() and not (site / "people/azam-khan").exists()
    everything = "".join(p.read_text() for p in site.rglob("*") if p.suffix in (".html", ".xml", ".txt"))
    assert "Published story" in everything and "Unfinished draft" not in everything and "draft-story" not in everything

    server = Server(tmp_path, "--port", str(port), "--drafts")
    try:
        server.wait_for(r"^serving http://")
        status, _, page = get(port, "/digest/2025/11/07/draft-story/")
        assert status == 200 and '<span class="draft-mark">Draft</span>' in page
        home = get(port, "/digest/")[2]
        cards = {re.search(r">([^<]+)</a></h\d>", c).group(1): c for c in home.split('<article class="card">')[1:]}
        assert "draft-mark" in cards["Unfinished draft"] and "draft-mark" not in cards["Published story"]
        assert "draft-mark" not in get(port, "/digest/2025/11/07/a-story/")[2]
    finally:
        server.stop()
    server = Server(tmp_path, "--port", str(port))
    try:
        server.wait_for(r"^serving http://")
        assert get(port, "/digest/2025/11/07/draft-story/")[0] == 404
    finally:
        server.stop()


def test_a_build_leaves_what_it_made_to_the_end_of_the_process(tmp_path: Path, monkeypatch) -> None:
    from generator import cli

    write_config(tmp_path)
    write_story(tmp_path, "a-story", people=["Azam Khan"])
    monkeypatch.setattr(cli, "_LEAVE", [])  # as run() sets it: the process ends when the command returns
    assert cli.main(["-C", str(tmp_path), "-q", "build"]) == 0
    (looked,) = cli._LEAVE
    assert looked.made and looked.cache  # the stories, pages and results, not freed one by one


@pytest.mark.parametrize("how", ["python -m generator", "digest"])
def test_a_build_that_ends_its_process_at_once_still_says_all(tmp_path: Path, how: str) -> None:
    write_config(tmp_path)
    write_story(tmp_path, "a-story")
    write_story(tmp_path, "bad-story", date="not a date")
    command = [sys.executable, "-m", "generator"] if how != "digest" else [str(DIGEST)]
    done = subprocess.run([*command, "-C", str(tmp_path), "build"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 1 and "built" in done.stdout  # the summary, through a pipe: flushed
    assert "bad-story" in done.stderr and "left out" in done.stderr
    assert (tmp_path / "site/2025/11/07/a-story/index.html").is_file()
