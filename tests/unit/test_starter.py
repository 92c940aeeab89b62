"""Tests for what `digest init` writes about the generator: the line that installs it for Pages."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.starter import SKELETON, checkout, names_generator, requirement

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def git_checkout(folder: Path, remote: str | None) -> str:
    """Make a git repository with one commit (and REMOTE as origin); return its commit."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                              text=True, env={**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
                                              "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}).stdout.strip()
    folder.mkdir(exist_ok=True)
    git("init", "-q")
    git("commit", "-q", "--allow-empty", "-m", "start")
    if remote:
        git("remote", "add", "origin", remote)
    return git("rev-parse", "HEAD")


@pytest.mark.parametrize("remote, url", [
    ("https://example.org/news/wire-digest.git", "https://example.org/news/wire-digest.git"),
    ("git@example.org:news/wire-digest.git", "https://example.org/news/wire-digest.git"),
])
def test_a_checkout_with_a_remote_is_named_by_its_url_and_commit(tmp_path: Path, remote: str, url: str) -> None:
    commit = git_checkout(tmp_path / "gen", remote)
    assert checkout(tmp_path / "gen") == (url, commit)


def test_a_checkout_without_a_remote_or_outside_git_is_not_named(tmp_path: Path) -> None:
    git_checkout(tmp_path / "gen", None)
    assert checkout(tmp_path / "gen") is None
    assert checkout(tmp_path / "nothing-here") is None


def test_an_unreachable_install_leaves_the_line_to_the_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    git_checkout(tmp_path / "gen", None)
    monkeypatch.setattr("generator.starter.direct_url", lambda: {"url": (tmp_path / "gen").as_uri()})
    line, note = requirement()
    assert line.startswith("# ") and not names_generator(line) and "Pages workflow stops" in note


def test_an_install_from_a_repository_is_pinned_to_its_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.starter.direct_url", lambda: {
        "url": "https://example.org/news/wire-digest.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    assert requirement()[0] == f"wire-digest @ git+https://example.org/news/wire-digest.git@{COMMIT}"


def install_step() -> str:
    """Return the script of the Pages workflow's step that installs the generator."""
    workflow = yaml.safe_load((SKELETON / ".github" / "workflows" / "pages.yml").read_text())
    return next(s["run"] for s in workflow["jobs"]["build"]["steps"] if "requirements.txt" in s.get("run", ""))


@pytest.mark.parametrize("named", [True, False])
def test_the_pages_workflow_stops_with_a_message_until_requirements_name_the_generator(
        tmp_path: Path, named: bool) -> None:
    line = f"wire-digest @ git+https://example.org/news/wire-digest.git@{COMMIT}" if named else \
        "# wire-digest @ git+https://github.com/OWNER/wire-digest@COMMIT"
    (tmp_path / "requirements.txt").write_text(f"# The generator.\n{line}\n")
    (tmp_path / "bin").mkdir()
    fake = tmp_path / "bin" / "python"  # stands for pip: records what it was asked to install
    fake.write_text('#!/bin/sh\necho "$@" > installed.txt\n')
    fake.chmod(0o755)
    done = subprocess.run(["bash", "-e", "-c", install_step()], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}"})
    if named:
        assert done.returncode == 0 and (tmp_path / "installed.txt").read_text().strip() == \
            "-m pip install -r requirements.txt"
    else:
        assert done.returncode == 1 and not (tmp_path / "installed.txt").exists()
        assert "::error file=requirements.txt::" in done.stdout and "names no generator" in done.stdout
