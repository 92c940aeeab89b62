"""The GitHub workflows use the current major of each action, cache pip, and Pages builds only what is committed.

The majors below were looked up when this list was last changed; a newer major is a reason to
update both the workflows and this list, after reading its release notes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT

CURRENT = {  # action -> the major the workflows must use
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/setup-node": "v7",
    "actions/configure-pages": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml")) + sorted(
    (ROOT / "generator" / "skeleton" / ".github" / "workflows").glob("*.yml"))
PAGES = [p for p in WORKFLOWS if p.name == "pages.yml"]


def steps(path: Path) -> list[dict]:
    """Return every step of every job of a workflow."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_the_workflows_are_found() -> None:
    names = {str(p.relative_to(ROOT)) for p in WORKFLOWS}
    assert {".github/workflows/pages.yml", ".github/workflows/ci.yml", ".github/workflows/ingest.yml",
            "generator/skeleton/.github/workflows/pages.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_action_is_at_its_current_major(path: Path) -> None:
    used = [step["uses"] for step in steps(path) if "uses" in step]
    assert used
    for ref in used:
        action, _, version = ref.partition("@")
        assert action in CURRENT, f"{path.name}: {action} is not in this test's list: look up its major and add it"
        assert version == CURRENT[action], f"{path.name}: {ref}, but the current major is {CURRENT[action]}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_setups_cache_pip(path: Path) -> None:
    for step in steps(path):
        if step.get("uses", "").startswith("actions/setup-python@"):
            assert step["with"]["cache"] == "pip" and step["with"]["cache-dependency-path"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_builds_only_what_is_committed(path: Path) -> None:
    commands = " ".join(step.get("run", "") for step in steps(path))
    assert "digest build" in commands and "digest check" in commands
    assert "ingest" not in commands, "Pages must not ingest: it would undo unpublished and edited stories"
