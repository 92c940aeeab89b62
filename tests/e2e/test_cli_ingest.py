"""Tier 3: `python -m generator -C DIR ingest` as a user runs it, on the real seed and on bad seeds."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REAL_SEED, write_config
from generator import frontmatter

DAY = Path("content/articles/2025/11/07")
GOOD = " date 2025-11-07 Patna: The state government on Friday announced a new bridge over the Ganga.\n"
MARKUP = (" date 2025-11-08 New Delhi, Nov. 8 (PTI) The *minister* said <script>alert(1)</script> and "
          "[x](javascript:alert(1)) _now_.\n\n# Not a heading\n")


@dataclass(frozen=True)
class Run:
    """What one command printed and returned."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        """Return the lines of stderr."""
        return self.err.splitlines()


def digest(root: Path, *args: str, cwd: Path | None = None) -> Run:
    """Run the digest command on the project at ROOT, as a user would from a shell."""
    done = subprocess.run([sys.executable, "-m", "generator", "-C", str(root), *args],
                          cwd=cwd or root.parent, capture_output=True, text=True, timeout=300)
    return Run(done.returncode, done.stdout, done.stderr)


def new_project(root: Path, **settings: object) -> Path:
    """Make an empty project at ROOT."""
    root.mkdir(parents=True)
    write_config(root, **settings)
    (root / "seeds").mkdir()
    return root


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Return the bytes and mtime of every file of the project (but the lock, taken by every run)."""
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and p.relative_to(root).as_posix() != ".cache/lock"}


def meta_of(path: Path) -> dict:
    """Return the front matter of a content file."""
    return dict(frontmatter.split(path.read_text(encoding="utf-8"), str(path)).meta)


# --- the real seed --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """Ingest the real seed with the CLI, once for the module."""
    root = new_project(tmp_path_factory.mktemp("cli") / "digest")
    shutil.copy(REAL_SEED, root / "seeds" / REAL_SEED.name)
    return root, digest(root, "ingest")


def real_story(root: Path) -> Path:
    """Return the one story of the real seed."""
    (path,) = (root / DAY).glob("*.md")
    return path


def test_real_seed_through_the_cli(real) -> None:
    root, run = real
    assert run.code == 0, run.err
    assert run.err == ""
    assert run.out == "ingested 1 story, 0 unchanged\n"
    path = real_story(root)
    meta = meta_of(path)
    assert path.stem == meta["slug"] and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem)
    for field in ("title", "date", "dateline", "agency", "summary", "people", "places", "organisations",
                  "tags", "slug", "source"):
        assert field in meta
    assert meta["title"].strip() and meta["summary"].strip()
    assert "\ndate: 2025-11-07T00:00:00+05:30\n" in path.read_text(encoding="utf-8")
    assert meta["date"].utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert meta["people"] == ["Azam Khan", "Akhilesh Yadav"]
    assert meta["agency"] == "IANS" and meta["dateline"] == "Lucknow"
    assert meta["source"] == {"file": REAL_SEED.name, "sha256": hashlib.sha256(REAL_SEED.read_bytes()).hexdigest(),
                              "fingerprint": meta["source"]["fingerprint"]}


def test_edit_keep_and_force_through_the_cli(real, tmp_path: Path) -> None:
    root = tmp_path / "digest"
    shutil.copytree(real[0], root)
    path = real_story(root)
    rel = str(path.relative_to(root))

    # unchanged seeds: not one byte, not one mtime changes
    before = snapshot(root)
    run = digest(root, "ingest")
    assert (run.code, run.out, run.err) == (0, "ingested 0 stories, 1 unchanged\n", "")
    assert snapshot(root) == before

    # an editor fixes the title: ingest keeps it and says so
    edited = re.sub(r"(?m)^title: .*$", "title: Azam Khan calls on Akhilesh Yadav",
                    path.read_text(encoding="utf-8"))
    path.write_text(edited, encoding="utf-8")
    run = digest(root, "ingest")
    assert run.code == 0 and f"kept 1 edited story: {rel}\n" in run.out
    assert path.read_text(encoding="utf-8") == edited

    # the seed changes too: still kept, with a warning naming the story and the way out
    seed = root / "seeds" / REAL_SEED.name
    seed.write_bytes(seed.read_bytes() + b"\nThe meeting lasted 45 minutes, party sources said.\n")
    run = digest(root, "ingest")
    assert run.code == 0 and f"kept 1 edited story: {rel}\n" in run.out
    (warning,) = run.lines
    assert warning.startswith(f"warning: {rel}: kept: edited by hand") and "--force" in warning
    assert path.read_text(encoding="utf-8") == edited

    # --force: the edit is saved beside the story, then the story is ingested afresh
    run = digest(root, "ingest", "--force")
    assert run.code == 0, run.err
    assert f"saved your edited version as {rel}.bak\n" in run.out
    assert (root / f"{rel}.bak").read_text(encoding="utf-8") == edited
    fresh = path.read_text(encoding="utf-8")
    assert "45 minutes, party sources said" in fresh and "calls on Akhilesh Yadav" not in fresh
    assert meta_of(path)["source"]["sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest()


# --- bad input, all in one run --------------------------------------------------------------------

BAD = {
    "empty.txt": (b"", "seeds/empty.txt: is empty"),
    "nodate.txt": (b"The minister said.\n\nMore.\n", "seeds/nodate.txt:1: has no date line"),
    "impossible.txt": (b" date 2025-02-30 Patna: The minister said.\n",
                       "seeds/impossible.txt:1: date 2025-02-30 does not exist"),
    "notext.txt": (b" date 2025-11-07   \n\n", "seeds/notext.txt:1: has a date line but no story text"),
    "binary.txt": (bytes(range(256)) * 16, "seeds/binary.txt: is binary"),
    "huge.txt": (b" date 2025-11-07 Delhi: " + b"word " * 1_000_000, "seeds/huge.txt: is 5.0 MB"),
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """Run ingest on good seeds mixed with every kind of bad one."""
    root = new_project(tmp_path_factory.mktemp("mixed") / "digest")
    for name, (data, _) in BAD.items():
        (root / "seeds" / name).write_bytes(data)
    shutil.copy(REAL_SEED, root / "seeds" / REAL_SEED.name)
    (root / "seeds" / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "seeds" / "markup.txt").write_text(MARKUP, encoding="utf-8")
    (root / "seeds" / "cp1252.txt").write_bytes(b" date 2025-11-07 Patna: The caf\xe9 owner said \x93hello\x94.\n")
    (root / "seeds" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    return root, digest(root, "ingest")


def test_bad_input_fails_at_the_end_without_a_traceback(mixed) -> None:
    _, run = mixed
    assert run.code == 1
    assert "Traceback" not in run.err and "Error:" not in run.err
    assert run.out.endswith(f"ingested 4 stories, 0 unchanged, {len(BAD)} failed\n")


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_seed_gets_one_line_naming_it(mixed, name: str) -> None:
    _, run = mixed
    lines = [line for line in run.lines if f"seeds/{name}" in line]
    assert lines == [line for line in lines if line.startswith(f"error: {BAD[name][1]}")]
    assert len(lines) == 1, run.err


def test_other_seeds_are_ingested_despite_bad_ones(mixed) -> None:
    root, run = mixed
    sources = sorted(meta_of(p)["source"]["file"] for p in (root / "content").rglob("*.md"))
    assert sources == sorted([REAL_SEED.name, "good.txt", "markup.txt", "cp1252.txt"])


def test_cp1252_seed_is_read_with_one_warning(mixed) -> None:
    root, run = mixed
    assert [line for line in run.lines if "cp1252.txt" in line] == [
        "warning: seeds/cp1252.txt:1: is not valid UTF-8; read it as Windows-1252: save it as UTF-8 to silence this"]
    (path,) = [p for p in (root / DAY).glob("*.md") if meta_of(p)["source"]["file"] == "cp1252.txt"]
    assert "The café owner said “hello”." in path.read_text(encoding="utf-8")


def test_non_txt_file_is_skipped_with_a_note(mixed) -> None:
    _, run = mixed
    assert "skipped seeds/photo.jpg: not a .txt seed\n" in run.out
    assert "photo.jpg" not in run.err


def test_markup_in_copy_is_ingested_escaped(mixed) -> None:
    root, _ = mixed
    (path,) = (root / "content/articles/2025/11/08").glob("*.md")
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "\\*minister\\*" in body and "&lt;script&gt;" in body and "\\[x\\](javascript:" in body
    assert "\n\\# Not a heading\n" in body


def test_stderr_has_one_line_per_problem_and_nothing_else(mixed) -> None:
    _, run = mixed
    assert len(run.lines) == len(BAD) + 1  # the bad seeds and the cp1252 warning
    assert all(re.match(r"(error|warning): seeds/[\w.]+(:\d+)?: \S", line) for line in run.lines)


# --- the command line itself ----------------------------------------------------------------------

def test_config_problems_are_listed_at_once(tmp_path: Path) -> None:
    root = new_project(tmp_path / "digest")
    (root / "config.yaml").write_text("title: T\nbase_ulr: https://x.org/\npaginate: 0\ntimezone: Mars\n",
                                      encoding="utf-8")
    (root / "seeds" / "good.txt").write_text(GOOD, encoding="utf-8")
    run = digest(root, "ingest")
    assert run.code == 1 and "Traceback" not in run.err
    assert run.lines == [
        "error: config.yaml:2: base_ulr: unknown key; did you mean 'base_url'?",
        "error: config.yaml:3: paginate: must be a whole number from 1 to 1000",
        "error: config.yaml:4: timezone: 'Mars' is not a time zone name such as Asia/Kolkata or UTC",
    ]
    assert not (root / "content").exists()


def test_paths_are_relative_to_the_project_and_missing_ones_named(tmp_path: Path) -> None:
    root = new_project(tmp_path / "digest")
    (root / "seeds" / "good.txt").write_text(GOOD, encoding="utf-8")
    run = digest(root, "ingest", "seeds/good.txt", "seeds/missing.txt", cwd=tmp_path)
    assert run.code == 1 and "Traceback" not in run.err
    assert run.lines == ["error: seeds/missing.txt: does not exist: name a seed file or folder"]
    assert run.out == "ingested 1 story, 0 unchanged, 1 failed\n"
    assert len(list((root / DAY).glob("*.md"))) == 1


def test_unwritable_content_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    root = new_project(tmp_path / "digest")
    (root / "seeds" / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "content").write_text("a file where the content folder should be", encoding="utf-8")
    run = digest(root, "ingest")
    assert run.code == 1 and "Traceback" not in run.err
    (line,) = run.lines
    assert line.startswith("error: ") and "content" in line


def test_seeds_that_are_not_regular_files_are_named_and_skipped(tmp_path: Path) -> None:
    root = new_project(tmp_path / "digest")
    seeds = root / "seeds"
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    (seeds / "dangling.txt").symlink_to(seeds / "gone.txt")
    (seeds / "folder.txt").mkdir()
    run = digest(root, "ingest")  # a FIFO opened would wait here for ever (the run's timeout)
    assert run.code == 0 and "ingested 1 story" in run.out, run.err
    for name, words in (("pipe.txt", "named pipe"), ("loop.txt", "loop"), ("dangling.txt", "does not exist"),
                        ("folder.txt", "folder")):
        assert any(line.startswith(f"warning: seeds/{name}: ") and words in line for line in run.lines), run.err
    named = digest(root, "ingest", str(seeds / "pipe.txt"))
    assert named.code == 1 and f"error: seeds/pipe.txt: is a named pipe" in named.err, named.err
