"""Tier 2: ingest into small projects in tmp_path: fields, no clobber, same input same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import REAL_SEED, write_config, write_story
from generator import frontmatter
from generator.config import load_config
from generator.content import load_articles
from generator.ingest import ingest
from generator.ingestreport import Report
from generator.markup import make_converter, render

LEDE = ("Lucknow, Nov 7 (IANS) The state government on Friday announced a new bridge over the "
        "Gomti river in Lucknow.")
DAY = Path("content/articles/2025/11/07")


def new_project(root: Path, **settings: object) -> Path:
    """Make an empty project at ROOT and return it."""
    root.mkdir(parents=True, exist_ok=True)
    write_config(root, **settings)
    (root / "seeds").mkdir(exist_ok=True)
    return root


def add_seed(root: Path, name: str, text: str | bytes) -> Path:
    """Write seeds/NAME (text as UTF-8) and return its path."""
    path = root / "seeds" / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def story_text(lede: str = LEDE, *more: str) -> str:
    """Return a seed's text with a date line."""
    return "\n\n".join([f" date 2025-11-07 {lede}", *more]) + "\n"


def run(root: Path, *paths: Path | str, force: bool = False) -> Report:
    """Ingest PATHS (default seeds/) into the project at ROOT."""
    return ingest(load_config(root), [Path(p) for p in paths], force=force)


def stories(root: Path) -> dict[str, Path]:
    """Map each seed file name to the story ingest made of it."""
    found = {}
    for path in sorted((root / "content").rglob("*.md")):
        source = frontmatter.split(path.read_text(encoding="utf-8"), str(path)).meta.get("source") or {}
        found[source.get("file")] = path
    return found


def meta_of(path: Path) -> dict:
    """Return the front matter of a content file."""
    return dict(frontmatter.split(path.read_text(encoding="utf-8"), str(path)).meta)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Return the bytes and mtime of every file under content/ and seeds/."""
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for folder in ("content", "seeds") for p in sorted((root / folder).rglob("*")) if p.is_file()}


# --- the real seed, ingested once for the module -------------------------------------------------

@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report, Path]:
    """Ingest the real seed once; return the project, the report and the story's path."""
    root = new_project(tmp_path_factory.mktemp("real"))
    shutil.copy(REAL_SEED, root / "seeds" / REAL_SEED.name)
    report = run(root)
    (path,) = report.written
    return root, report, path


def test_real_seed_story_has_every_field(real) -> None:
    root, report, path = real
    assert path.parent == root / DAY and path.suffix == ".md"
    meta = meta_of(path)
    assert list(meta) == ["title", "date", "dateline", "agency", "summary", "people", "places",
                          "organisations", "tags", "slug", "source"]
    assert isinstance(meta["title"], str) and meta["title"].strip()
    assert meta["date"] == dt.datetime(2025, 11, 7, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    assert "date: 2025-11-07T00:00:00+05:30\n" in path.read_text(encoding="utf-8")
    assert (meta["dateline"], meta["agency"]) == ("Lucknow", "IANS")
    assert meta["summary"].startswith("Senior Samajwadi Party (SP) leader Azam Khan met party President")
    assert meta["people"] == ["Azam Khan", "Akhilesh Yadav"]
    assert "Lucknow" in meta["places"]
    assert all(isinstance(meta[k], list) for k in ("places", "organisations", "tags"))
    assert meta["slug"] == path.stem and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", meta["slug"])
    assert meta["source"]["file"] == REAL_SEED.name
    assert meta["source"]["sha256"] == hashlib.sha256(REAL_SEED.read_bytes()).hexdigest()
    assert not report.problems and not report.failed


def test_real_seed_body_is_the_copy(real) -> None:
    _, _, path = real
    body = frontmatter.split(path.read_text(encoding="utf-8"), str(path)).body
    paragraphs = body.strip().split("\n\n")
    assert len(paragraphs) == 11
    assert paragraphs[0].startswith("Senior Samajwadi Party (SP) leader Azam Khan met")
    assert "Lucknow, Nov 7 (IANS)" not in body     # the dateline went to the front matter
    assert "“Perhaps what happened to me" in body  # curly quotes stay


def test_build_reads_what_ingest_wrote(real) -> None:
    root, _, path = real
    articles, problems = load_articles(load_config(root))
    assert problems == []
    (article,) = articles
    assert article.people == ("Azam Khan", "Akhilesh Yadav") and article.slug == path.stem


def test_second_run_changes_no_byte(real) -> None:
    root, _, _ = real
    before = snapshot(root)
    report = run(root)
    assert (report.written, report.kept, report.backups, report.problems) == ([], [], [], [])
    assert report.unchanged == 1
    assert snapshot(root) == before  # bytes and mtimes


@pytest.mark.parametrize("zone, offset", [("UTC", "+00:00"), ("America/New_York", "-05:00"),
                                          ("Asia/Kathmandu", "+05:45")])
def test_date_offset_follows_config_timezone(tmp_path: Path, zone: str, offset: str) -> None:
    root = new_project(tmp_path, timezone=zone)
    add_seed(root, "a.txt", story_text())
    (path,) = run(root).written
    assert f"date: 2025-11-07T00:00:00{offset}\n" in path.read_text(encoding="utf-8")


# --- edits are never lost ------------------------------------------------------------------------

@pytest.fixture
def edited(tmp_path: Path) -> tuple[Path, Path, str]:
    """A project whose one story was edited by hand; return root, story path and edited text."""
    root = new_project(tmp_path)
    add_seed(root, "a.txt", story_text(LEDE, "Work will begin in March."))
    (path,) = run(root).written
    text = path.read_text(encoding="utf-8")
    edited_text = re.sub(r"(?m)^title: .*$", "title: Gomti bridge, fixed by the desk", text)
    path.write_text(edited_text, encoding="utf-8")
    return root, path, edited_text


def test_edited_story_is_kept_and_reported(edited) -> None:
    root, path, text = edited
    report = run(root)
    assert report.kept == [path] and report.written == [] and not report.failed
    assert path.read_text(encoding="utf-8") == text


def test_edited_story_is_kept_when_its_seed_changes(edited) -> None:
    root, path, text = edited
    add_seed(root, "a.txt", story_text(LEDE, "Work will begin in April."))
    report = run(root)
    assert path.read_text(encoding="utf-8") == text
    assert report.kept == [path] and report.written == []
    (warning,) = report.problems
    assert warning.severity == "warning" and not report.failed
    assert warning.path == str(path.relative_to(root))
    assert "edited by hand" in warning.message and "a.txt" in warning.message and "--force" in warning.message


def test_force_saves_the_edit_beside_the_story_then_reingests(edited) -> None:
    root, path, text = edited
    add_seed(root, "a.txt", story_text(LEDE, "Work will begin in April."))
    report = run(root, force=True)
    backup = path.with_name(path.name + ".bak")
    assert report.backups == [backup] and report.written == [path]
    assert backup.read_text(encoding="utf-8") == text
    fresh = path.read_text(encoding="utf-8")
    assert "April" in fresh and "fixed by the desk" not in fresh
    assert not frontmatter.is_edited(fresh)
    # the .bak is no story: the build does not read it, and a later run leaves everything alone
    assert [a.source for a in load_articles(load_config(root))[0]] == [str(path.relative_to(root))]
    before = snapshot(root)
    again = run(root)
    assert (again.written, again.backups, again.kept) == ([], [], [])
    assert snapshot(root) == before


def test_force_never_overwrites_an_earlier_backup(edited) -> None:
    root, path, text = edited
    path.with_name(path.name + ".bak").write_text("an older backup", encoding="utf-8")
    report = run(root, force=True)
    assert report.backups == [path.with_name(path.name + ".bak2")]
    assert path.with_name(path.name + ".bak").read_text(encoding="utf-8") == "an older backup"
    assert path.with_name(path.name + ".bak2").read_text(encoding="utf-8") == text


def test_changed_seed_updates_its_story_in_place(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    add_seed(root, "a.txt", story_text(LEDE, "Work will begin in March."))
    (path,) = run(root).written
    seed = add_seed(root, "a.txt", story_text(LEDE, "Work will begin in April."))
    report = run(root)
    assert report.written == [path] and report.kept == []
    meta = meta_of(path)
    assert meta["source"]["sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert "April" in path.read_text(encoding="utf-8")


def test_hand_written_story_in_the_way_is_never_overwritten(tmp_path: Path) -> None:
    first = new_project(tmp_path / "first")
    add_seed(first, "a.txt", story_text())
    (planned,) = run(first).written
    root = new_project(tmp_path / "second")
    add_seed(root, "a.txt", story_text())
    mine = write_story(root, slug=planned.stem, title="Written by hand")  # same day, same slug
    assert mine.relative_to(root) == planned.relative_to(first)
    before = mine.read_bytes()
    (path,) = run(root).written
    assert mine.read_bytes() == before
    assert path != mine and path.stem.startswith(planned.stem + "-")


# --- slugs ----------------------------------------------------------------------------------------

def twin_seeds(root: Path) -> None:
    """Write two different seeds whose headlines are the same (same lede, same day)."""
    add_seed(root, "a.txt", story_text(LEDE, "Work will begin in March, the minister told the Assembly, "
                                             "and the contract goes to a firm from Kanpur."))
    add_seed(root, "b.txt", story_text(LEDE, "Farmers on the far bank said they had waited twenty years "
                                             "for a crossing and would hold a fair when it opens."))


def slugs_of(root: Path) -> dict[str, str]:
    """Map seed name to the content path of its story, relative to the project."""
    return {name: str(path.relative_to(root)) for name, path in stories(root).items()}


def test_same_headline_same_day_gives_distinct_stable_slugs(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    twin_seeds(root)
    run(root)
    slugs = slugs_of(root)
    assert sorted(slugs) == ["a.txt", "b.txt"]
    a, b = Path(slugs["a.txt"]), Path(slugs["b.txt"])
    assert a.parent == b.parent == DAY
    assert re.fullmatch(re.escape(a.stem) + r"-[0-9a-f]{6}", b.stem)  # same headline, hash suffix
    assert meta_of(root / b)["title"] == meta_of(root / a)["title"] + " (second story)"  # told apart
    assert meta_of(root / b)["slug"] == b.stem
    before = snapshot(root)
    run(root)
    assert snapshot(root) == before
    # a fresh project, the seeds named in the other order: the same slugs
    other = new_project(tmp_path / "q")
    twin_seeds(other)
    run(other, other / "seeds" / "b.txt", other / "seeds" / "a.txt")
    assert slugs_of(other) == slugs


# --- duplicates -----------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    lambda data: data,                                   # a byte-for-byte copy
    lambda data: data.replace(b"\n", b"\r\n"),           # the same text with CRLF
    lambda data: b"\xef\xbb\xbf" + data,                 # ... with a BOM
    lambda data: data.replace(b"\n", b"   \n"),          # ... with trailing spaces
])
@pytest.mark.parametrize("copy_name", ["0-copy.txt", "z-copy.txt"])  # before and after the original
def test_two_seeds_with_the_same_text_are_one_story(tmp_path: Path, variant, copy_name: str) -> None:
    data = story_text(LEDE, "Work will begin in March.").encode()
    both = new_project(tmp_path / "together")
    add_seed(both, "m.txt", data)
    add_seed(both, copy_name, variant(data))
    report = run(both)
    assert len(report.written) == 1 and len(stories(both)) == 1
    assert any("same text as" in note for note in report.notes)
    before = snapshot(both)
    run(both)
    assert snapshot(both) == before
    # the copy arrives after the original was ingested: still one story, on every later run
    later = new_project(tmp_path / "later")
    add_seed(later, "m.txt", data)
    run(later)
    add_seed(later, copy_name, variant(data))
    for _ in range(2):
        report = run(later)
        assert report.written == [] and list(stories(later)) == ["m.txt"]


# --- bad input ------------------------------------------------------------------------------------

BAD_SEEDS: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "is empty"),
    "nodate.txt": (b"The minister said.\n\nMore.\n", "has no date line"),
    "impossible.txt": (b" date 2025-02-30 Patna: The minister said.\n", "does not exist"),
    "notext.txt": (b" date 2025-11-07\n", "no story text"),
    "binary.txt": (bytes(range(256)) * 16, "binary"),
    "huge.txt": (b" date 2025-11-07 Delhi: " + b"word " * 1_000_000, "MB"),
}


def test_bad_seeds_are_reported_and_the_others_ingested(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    for name, (data, _) in BAD_SEEDS.items():
        add_seed(root, name, data)
    add_seed(root, "good.txt", story_text())
    add_seed(root, "cp1252.txt", b" date 2025-11-07 Patna: The caf\xe9 owner said \x93hello\x94 to all.\n")
    add_seed(root, "markup.txt", story_text("New Delhi, Nov. 7 (PTI) The *minister* said <script>alert(1)</script> "
                                            "and [x](javascript:alert(1)) _now_."))
    add_seed(root, "notes.md", "not a seed")
    add_seed(root, "README.md", "about these seeds")
    report = run(root)
    assert report.failed
    errors = {p.path: p for p in report.problems if p.severity == "error"}
    assert sorted(errors) == sorted(f"seeds/{name}" for name in BAD_SEEDS)
    for name, (_, words) in BAD_SEEDS.items():
        assert words in errors[f"seeds/{name}"].message
    (warning,) = [p for p in report.problems if p.severity == "warning"]
    assert (warning.path, warning.line) == ("seeds/cp1252.txt", 1) and "Windows-1252" in warning.message
    assert report.notes == ["skipped seeds/notes.md: not a .txt seed"]
    assert sorted(stories(root)) == ["cp1252.txt", "good.txt", "markup.txt"]
    assert "The café owner said “hello” to all." in stories(root)["cp1252.txt"].read_text(encoding="utf-8")


def test_markup_in_copy_is_stored_escaped_and_renders_literally(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    copy = "The *minister* said <script>alert(1)</script> and [x](javascript:alert(1)) _now_."
    add_seed(root, "markup.txt", story_text(f"New Delhi, Nov. 7 (PTI) {copy}", "# Not a heading", "1. Not a list"))
    (path,) = run(root).written
    doc = frontmatter.split(path.read_text(encoding="utf-8"), str(path))
    assert "<script>" not in doc.body
    html = render(make_converter(), doc.body)
    assert "<script>" not in html and "<a" not in html and "<em>" not in html and "<h1" not in html
    assert "<ol>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "*minister*" in html
    assert doc.meta["summary"].startswith("The *minister* said <script>")  # plain text, escaped by templates


def test_two_seeds_with_one_name_are_refused(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    add_seed(root, "a.txt", story_text())
    other = root / "more"
    other.mkdir()
    (other / "a.txt").write_text(story_text("Patna: A different story about the river."), encoding="utf-8")
    report = run(root, root / "seeds", other, root / "seeds" / "a.txt")
    assert [str(p) for p in report.problems] == ["seeds/a.txt: has the same name as more/a.txt: rename one"]
    assert len(report.written) == 1


def test_missing_path_and_empty_seeds_folder(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    report = run(root, root / "nope.txt")
    assert [str(p) for p in report.problems] == ["nope.txt: does not exist: name a seed file or folder"]
    report = run(root)
    assert not report.failed and report.notes == ["no seeds to ingest: put wire stories in seeds/ as .txt files"]


def test_a_failed_write_keeps_the_old_story_and_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    root = new_project(tmp_path)
    add_seed(root, "a.txt", story_text(LEDE, "Work will begin in March."))
    (path,) = run(root).written
    old = path.read_bytes()
    add_seed(root, "a.txt", story_text(LEDE, "Work will begin in April."))

    def refuse(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        run(root)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in (root / "content").rglob("*") if p.is_file()) == ["ingested.txt", path.name]


def test_a_colliding_long_slug_still_fits_and_builds(tmp_path: Path) -> None:
    from generator.config import load_config
    from generator.content import read_article
    from generator.ingest import target_path
    from generator.urls import MAX_SLUG
    from generator.wire.parse import parse_seed

    root = new_project(tmp_path / "p")
    config = load_config(root)
    seed, _ = parse_seed(story_text(LEDE, "Work will begin in March.").encode(), "a.txt")
    title = "Chief minister announces a sweeping programme of road repairs across every district of the state"
    first, slug = target_path(config, seed, title, set())
    second, other = target_path(config, seed, title, {first})
    assert len(slug) <= MAX_SLUG and len(other) <= MAX_SLUG and other != slug
    second.parent.mkdir(parents=True, exist_ok=True)
    second.write_text(f"---\ntitle: T\ndate: 2025-11-07\nslug: {other}\n---\nBody.\n", encoding="utf-8")
    assert read_article(second, config).slug == other  # content accepts what ingest chose


def test_a_lone_surname_takes_the_full_name_the_archive_agrees_on(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "a.txt", story_text("Lucknow, Nov 7 (IANS) Chief Minister Yogi Adityanath opened a bridge "
                                       "over the Gomti river on Friday.", "Adityanath said it would ease traffic."))
    add_seed(root, "b.txt", story_text("Gorakhpur, Nov 7 (IANS) Chief Minister Yogi Adityanath inaugurated a "
                                       "hospital in Gorakhpur on Friday.", "The hospital has 500 beds."))
    run(root)
    add_seed(root, "c.txt", story_text("Varanasi, Nov 7 (IANS) Chief Minister Adityanath reviewed flood relief "
                                       "work in Varanasi on Friday.", "Officials briefed him on the damage."))
    run(root)
    assert meta_of(stories(root)["c.txt"])["people"] == ["Yogi Adityanath"]
