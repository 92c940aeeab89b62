"""Incremental builds: after any edit, site/ is byte for byte what a clean build of the same project makes."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import png, write_config, write_story
from generator import changes
from generator.build import build
from generator.commit import FAULT, InjectedFault
from generator.config import load_config
from generator.search import same_bytes_expected

# Three days of stories sharing people, places and tags; paginate 2 in write_config makes lists paginate.
STORIES = [
    dict(slug="azam-khan-meets-akhilesh", date="2025-11-07T10:15:00+05:30", people=["Azam Khan", "Akhilesh Yadav"],
         places=["Lucknow"], tags=["Politics", "Samajwadi Party"], organisations=["Samajwadi Party"],
         body="Azam Khan met Akhilesh Yadav.\n\n\"It was cordial,\" he said."),
    dict(slug="bihar-campaign", date="2025-11-07T14:40:00+05:30", people=["Tejashwi Yadav", "Nitish Kumar"],
         places=["Patna", "Bihar"], tags=["Politics", "Bihar elections"], body="Campaigning entered its last week."),
    dict(slug="flood-relief", date="2025-11-07T18:05:00+05:30", people=["Azam Khan"], places=["Rampur"],
         tags=["Floods"], body="Relief reached 40 villages."),
    dict(slug="mayawati-candidates", date="2025-11-08T09:00:00+05:30", people=["Mayawati", "Akhilesh Yadav"],
         places=["Lucknow"], tags=["Politics", "By-elections"], body="Mayawati named three candidates."),
    dict(slug="patna-metro", date="2025-11-08T12:30:00+05:30", people=["Nitish Kumar"], places=["Patna"],
         tags=["Transport"], body="The metro completed a trial run."),
    dict(slug="yogi-reviews-law-and-order", date="2025-11-09T11:20:00+05:30", people=["Yogi Adityanath", "Mayawati"],
         places=["Lucknow", "Rampur"], tags=["Politics", "By-elections"], body="A review of law and order."),
    dict(slug="tejashwi-promises-jobs", date="2025-11-09T16:45:00+05:30", people=["Tejashwi Yadav", "Akhilesh Yadav"],
         places=["Patna"], tags=["Politics", "Bihar elections"], body="Ten lakh jobs, he promised."),
    dict(slug="same-day-same-time", date="2025-11-09T00:00:00+05:30", people=["Azam Khan"], places=["Rampur"],
         tags=["Politics"], body="A story dated by day only."),
]


def site_files(site: Path) -> dict[str, bytes]:
    """Return every file under SITE with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def clean_build(project: Path, elsewhere: Path) -> dict[str, bytes]:
    """Copy PROJECT's inputs to ELSEWHERE, build it from nothing, and return its site's files."""
    shutil.rmtree(elsewhere, ignore_errors=True)
    elsewhere.mkdir(parents=True)
    for name in ("config.yaml", "content", "templates", "static"):
        source = project / name
        if source.is_dir():
            shutil.copytree(source, elsewhere / name)
        elif source.is_file():
            shutil.copy(source, elsewhere / name)
    build(load_config(elsewhere), clean=True)
    return site_files(elsewhere / "site")


def rebuild(project: Path):
    """Build PROJECT incrementally, reading config.yaml afresh."""
    return build(load_config(project))


def assert_same_as_clean(project: Path, tmp_path: Path) -> None:
    """Fail, naming the files, unless PROJECT's site/ equals a clean build of its inputs.

    The search index's filter files are compared by number alone: Pagefind writes them in an
    order that changes from run to run (search.UNSTABLE); every other file, byte for byte.
    """
    incremental, clean = site_files(project / "site"), clean_build(project, tmp_path / "clean")
    assert clean, "the clean build made no files"
    unstable = [sorted(k for k in files if not same_bytes_expected(k)) for files in (incremental, clean)]
    assert len(unstable[0]) == len(unstable[1]), f"search index files: {unstable[0]} vs {unstable[1]}"
    incremental, clean = ({k: v for k, v in files.items() if same_bytes_expected(k)} for files in (incremental, clean))
    missing, extra = sorted(clean.keys() - incremental.keys()), sorted(incremental.keys() - clean.keys())
    differing = sorted(k for k in clean.keys() & incremental.keys() if clean[k] != incremental[k])
    assert not (missing or extra or differing), f"missing {missing[:5]}, extra {extra[:5]}, differ {differing[:5]}"
    assert not (project / ".site.new").exists(), "the staging folder was left behind"


def story_path(project: Path, slug: str, date: str = "2025-11-07") -> Path:
    """Return the content file of a story written by write_story."""
    return project / "content" / "articles" / date.replace("-", "/") / f"{slug}.md"


def edit_meta(path: Path, **changes: object) -> None:
    """Change front matter fields of a content file, keeping its body."""
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    meta = yaml.safe_load(head)
    meta.update(changes)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


@pytest.fixture
def digest(project: Path) -> Path:
    """Return a project with the stories above, built once."""
    for story in STORIES:
        write_story(project, **story)
    rebuild(project)
    return project


def test_first_build_equals_clean_build(digest: Path, tmp_path: Path) -> None:
    assert_same_as_clean(digest, tmp_path)


def test_a_build_rendered_by_forked_workers_equals_one_in_one_process(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.cache import open_cache
    from generator.changes import hash_inputs

    for story in STORIES:
        write_story(project, **{**story, "body": story["body"] + "\n\n> A quoted *line*."})  # Python-Markdown
    monkeypatch.setattr("generator.build.PARALLEL_FROM", 1)  # fork workers even for these few pages
    monkeypatch.setattr("generator.parallel.cores", lambda: 2)
    rebuild(project)
    assert_same_as_clean(project, tmp_path)  # the clean build renders its few pages in one process
    cache = open_cache(project / ".cache", hash_inputs(load_config(project)).stamp)
    held = cache.read("markdown")
    assert len(held) == len(STORIES) and all("<blockquote>" in html for html in held.values())  # the workers' bodies
    path = story_path(project, "flood-relief")
    path.write_text(path.read_text(encoding="utf-8") + "\nBoats arrived on Saturday.\n", encoding="utf-8")
    assert made_by_text_edits(rebuild(project))  # reads the other bodies from the cache
    assert_same_as_clean(project, tmp_path)


def test_nothing_changed_writes_nothing(digest: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in (digest / "site").rglob("*") if p.is_file()}
    result = rebuild(digest)
    assert result.up_to_date and result.written == 0 and result.removed == 0 and result.changed == []
    statics = [p for p in before if "static" in p.relative_to(digest / "site").parts]
    assert statics and sum(result.pages.values()) == len(before) - len(statics)  # the rest are pages
    after = {p: p.stat().st_mtime_ns for p in (digest / "site").rglob("*") if p.is_file()}
    assert after == before


def test_body_edit_rewrites_the_story_and_the_site_feed_only(digest: Path, tmp_path: Path) -> None:
    path = story_path(digest, "flood-relief")
    path.write_text(path.read_text(encoding="utf-8") + "\nBoats arrived on Saturday.\n", encoding="utf-8")
    result = rebuild(digest)
    assert sorted(result.changed) == ["2025/11/07/flood-relief/index.html", "feed.xml"]  # the feed has the text
    assert b"Boats arrived" in (digest / "site/2025/11/07/flood-relief/index.html").read_bytes()
    assert_same_as_clean(digest, tmp_path)


def made_by_text_edits(result) -> bool:
    """Tell whether a build took the way of text edits alone (textedit.py), not the whole build."""
    return [name for name, _ in result.timings][-1] == "text edits"


def test_body_edit_reads_only_the_groups_of_its_text(digest: Path, tmp_path: Path) -> None:
    write_config(digest, feed_size=2)
    rebuild(digest)
    path = story_path(digest, "azam-khan-meets-akhilesh")
    path.write_text(path.read_text(encoding="utf-8") + "\nThe talks went on past midnight.\n", encoding="utf-8")
    result = rebuild(digest)
    assert made_by_text_edits(result) and result.planned == 1
    assert result.changed == ["2025/11/07/azam-khan-meets-akhilesh/index.html"]  # not in the feed's newest two
    assert b"past midnight" in (digest / "site/2025/11/07/azam-khan-meets-akhilesh/index.html").read_bytes()
    assert_same_as_clean(digest, tmp_path)
    assert rebuild(digest).up_to_date


def test_body_edit_with_full_text_term_feeds(digest: Path, tmp_path: Path) -> None:
    write_config(digest, term_feeds="full", feed_size=2)
    rebuild(digest)
    path = story_path(digest, "tejashwi-promises-jobs", "2025-11-09")
    path.write_text(path.read_text(encoding="utf-8") + "\nTwenty lakh, he said later.\n", encoding="utf-8")
    result = rebuild(digest)
    assert made_by_text_edits(result)
    assert {"2025/11/09/tejashwi-promises-jobs/index.html", "feed.xml", "people/tejashwi-yadav/feed.xml",
            "tags/politics/feed.xml"} <= set(result.changed)
    assert b"Twenty lakh" in (digest / "site/tags/politics/feed.xml").read_bytes()
    assert_same_as_clean(digest, tmp_path)


def test_body_edit_of_a_draft_changes_no_page(digest: Path, tmp_path: Path) -> None:
    path = story_path(digest, "flood-relief")
    edit_meta(path, draft=True)
    rebuild(digest)
    path.write_text(path.read_text(encoding="utf-8") + "\nNot yet for print.\n", encoding="utf-8")
    result = rebuild(digest)
    assert made_by_text_edits(result) and result.changed == []
    assert_same_as_clean(digest, tmp_path)


def test_body_edit_beside_stories_with_pictures(digest: Path, tmp_path: Path) -> None:
    story = write_story(digest, slug="floods", date="2025-11-07T19:00:00+05:30", image="floods.png",
                        people=["Azam Khan"], places=["Rampur"], tags=["Floods"], body="Water rose.")
    (story.parent / "floods.png").write_bytes(png(64, 36))
    rebuild(digest)
    path = story_path(digest, "flood-relief")  # its page shows the story with the picture, related and next
    path.write_text(path.read_text(encoding="utf-8") + "\nBoats arrived.\n", encoding="utf-8")
    result = rebuild(digest)
    assert made_by_text_edits(result) and "2025/11/07/flood-relief/index.html" in result.changed
    assert_same_as_clean(digest, tmp_path / "text")
    (story.parent / "floods.png").write_bytes(png(64, 40))  # a new picture: not for a text edit
    path.write_text(path.read_text(encoding="utf-8") + "\nMore boats.\n", encoding="utf-8")
    assert not made_by_text_edits(rebuild(digest))
    assert_same_as_clean(digest, tmp_path / "picture")


def test_body_and_people_edited_together_take_the_whole_build(digest: Path, tmp_path: Path) -> None:
    first, second = story_path(digest, "flood-relief"), story_path(digest, "bihar-campaign")
    first.write_text(first.read_text(encoding="utf-8") + "\nBoats arrived.\n", encoding="utf-8")
    edit_meta(second, people=["Mayawati"])
    result = rebuild(digest)
    assert not made_by_text_edits(result) and "people/mayawati/index.html" in result.changed
    assert_same_as_clean(digest, tmp_path)


def test_same_size_edit_right_after_a_build_is_seen(digest: Path, tmp_path: Path) -> None:
    # a write in the same clock tick as the last build can keep size and mtime: it must still count
    path = story_path(digest, "flood-relief")
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("40 villages", "41 villages"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    result = rebuild(digest)
    assert not result.up_to_date
    assert b"41 villages" in (digest / "site/2025/11/07/flood-relief/index.html").read_bytes()
    assert_same_as_clean(digest, tmp_path)


def test_people_change_updates_old_and_new_person_pages(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "flood-relief"), people=["Mayawati"])
    result = rebuild(digest)
    assert "people/mayawati/index.html" in result.changed
    assert "people/azam-khan/index.html" in result.changed
    assert_same_as_clean(digest, tmp_path)


def test_people_change_that_keeps_the_order_leaves_the_home_page(digest: Path, tmp_path: Path) -> None:
    # Yogi Adityanath is named in as many stories as Mayawati, beside whom he stands: no news value moves
    edit_meta(story_path(digest, "yogi-reviews-law-and-order", "2025-11-09"), people=["Yogi Adityanath"])
    result = rebuild(digest)
    assert "people/mayawati/index.html" in result.changed
    # the home page was made again (its card's story changed) but reads the same: it is not rewritten
    assert "index.html" not in result.changed and not any(p.startswith("page/") for p in result.changed)
    assert_same_as_clean(digest, tmp_path)


def day_in_order(digest: Path) -> str:
    """Return the pages of the edition of 7 November (three stories, two a page) one after the other."""
    return "".join((digest / f"site/2025/11/07/{page}index.html").read_text(encoding="utf-8")
                   for page in ("", "page/2/"))


def test_an_editors_lead_reorders_the_day_and_the_home_page(digest: Path, tmp_path: Path) -> None:
    before = day_in_order(digest)
    assert before.index("azam-khan-meets-akhilesh") < before.index("bihar-campaign")
    edit_meta(story_path(digest, "bihar-campaign"), lead=True)
    result = rebuild(digest)
    after = day_in_order(digest)
    assert after.index("bihar-campaign") < after.index("azam-khan-meets-akhilesh")
    assert "2025/11/07/index.html" in result.changed
    assert_same_as_clean(digest, tmp_path)
    edit_meta(story_path(digest, "bihar-campaign"), lead=False, priority=-1)  # and back below the others
    rebuild(digest)
    last = day_in_order(digest)
    assert last.index("flood-relief") < last.index("azam-khan-meets-akhilesh") < last.index("bihar-campaign")
    assert_same_as_clean(digest, tmp_path)


def test_organisation_change_updates_old_and_new_organisation_pages(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "azam-khan-meets-akhilesh"), organisations=["Bahujan Samaj Party"])
    result = rebuild(digest)
    changed = set(result.changed)
    assert {"organisations/bahujan-samaj-party/index.html", "organisations/bahujan-samaj-party/feed.xml",
            "organisations/index.html", "2025/11/07/azam-khan-meets-akhilesh/index.html",
            "2025/11/07/index.html", "sitemap-2025.xml"} <= changed
    assert not (digest / "site/organisations/samajwadi-party").exists()  # its one story left it
    assert not any(p.startswith(("people/", "places/", "tags/")) for p in changed), sorted(changed)
    assert_same_as_clean(digest, tmp_path)
    edit_meta(story_path(digest, "flood-relief"), organisations=["Bahujan Samaj Party"])
    result = rebuild(digest)
    page = (digest / "site/organisations/bahujan-samaj-party/index.html").read_text(encoding="utf-8")
    assert "2 stories" in page and "organisations/bahujan-samaj-party/index.html" in result.changed
    assert_same_as_clean(digest, tmp_path)


def test_deleted_story_disappears_from_every_page(digest: Path, tmp_path: Path) -> None:
    story_path(digest, "patna-metro", "2025-11-08").unlink()
    result = rebuild(digest)
    assert result.removed >= 1
    site = digest / "site"
    assert not (site / "2025/11/08/patna-metro").exists()
    assert not (site / "tags/transport").exists()  # its only story is gone, and so is the empty folder
    for rel, data in site_files(site).items():
        assert b"patna-metro" not in data and b"metro completed" not in data, rel
    assert_same_as_clean(digest, tmp_path)


def test_slug_rename_moves_the_story(digest: Path, tmp_path: Path) -> None:
    old = story_path(digest, "bihar-campaign")
    edit_meta(old, slug="bihar-campaign-final-week")
    old.rename(old.with_name("bihar-campaign-final-week.md"))
    rebuild(digest)
    assert (digest / "site/2025/11/07/bihar-campaign-final-week/index.html").is_file()
    assert not (digest / "site/2025/11/07/bihar-campaign").exists()
    assert_same_as_clean(digest, tmp_path)


def test_date_change_moves_the_story_between_editions(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "flood-relief"), date="2025-11-09T08:00:00+05:30")
    rebuild(digest)
    assert (digest / "site/2025/11/09/flood-relief/index.html").is_file()
    assert_same_as_clean(digest, tmp_path)


def test_new_story_is_added_everywhere(digest: Path, tmp_path: Path) -> None:
    write_story(digest, slug="late-news", date="2025-11-10T08:00:00+05:30", people=["Azam Khan"],
                tags=["Politics"], body="Late news.")
    result = rebuild(digest)
    assert {"2025/11/10/late-news/index.html", "sitemap-2025.xml", "sitemap.xml", "news-sitemap.xml"} <= set(result.changed)
    assert_same_as_clean(digest, tmp_path)


def test_template_change_rerenders(digest: Path, tmp_path: Path) -> None:
    templates = digest / "templates"
    templates.mkdir()
    (templates / "article.html").write_text('{% extends "!parent/article.html" %}\n'
                                            '{% block main %}<p class="flag">local</p>{{ super() }}{% endblock %}\n',
                                            encoding="utf-8")
    rebuild(digest)
    assert b'class="flag"' in (digest / "site/2025/11/07/flood-relief/index.html").read_bytes()
    assert_same_as_clean(digest, tmp_path)
    (templates / "article.html").unlink()
    rebuild(digest)
    assert b'class="flag"' not in (digest / "site/2025/11/07/flood-relief/index.html").read_bytes()
    assert_same_as_clean(digest, tmp_path)


def test_static_css_change_renames_the_stylesheet_everywhere(digest: Path, tmp_path: Path) -> None:
    before = {p.name for p in (digest / "site/static/css").iterdir()}
    css = digest / "static" / "css"
    css.mkdir(parents=True)
    (css / "site.css").write_text("body { color: #123; }\n", encoding="utf-8")
    rebuild(digest)
    after = {p.name for p in (digest / "site/static/css").iterdir()}
    assert len(after) == 1 and after != before  # the old fingerprinted file is gone
    assert after.pop().encode() in (digest / "site/index.html").read_bytes()
    assert_same_as_clean(digest, tmp_path)


@pytest.mark.parametrize("change", [dict(title="Another Digest"), dict(paginate=3),
                                    dict(base_url="https://example.org/news/"), dict(term_feeds="full")])
def test_config_change(digest: Path, tmp_path: Path, change: dict) -> None:
    write_config(digest, **change)
    rebuild(digest)
    assert_same_as_clean(digest, tmp_path)


@pytest.mark.parametrize("looked_for", ["here", "by a second process"])
def test_deleted_output_file_comes_back(digest: Path, tmp_path: Path, monkeypatch, looked_for: str) -> None:
    if looked_for != "here":  # as in a large site: forked at the build's start (changes.FORK_FROM)
        monkeypatch.setattr(changes, "FORK_FROM", 0)
    assert rebuild(digest).up_to_date
    (digest / "site/people/mayawati/index.html").unlink()
    result = rebuild(digest)
    assert result.changed == ["people/mayawati/index.html"]
    assert_same_as_clean(digest, tmp_path)
    assert rebuild(digest).up_to_date


@pytest.mark.parametrize("lose", ["cache folder", "--clean"])
def test_without_a_cache_site_is_compared_by_its_bytes(digest: Path, tmp_path: Path, lose: str) -> None:
    site = digest / "site"
    page = site / "2025/11/07/flood-relief/index.html"
    stamp = page.stat().st_mtime_ns
    (site / "people/mayawati/index.html").write_text("edited by hand", encoding="utf-8")
    (site / "stray").mkdir()
    (site / "stray/old.html").write_text("not ours", encoding="utf-8")
    (site / "link.html").symlink_to(page)
    if lose == "cache folder":
        shutil.rmtree(digest / ".cache")
        result = rebuild(digest)
    else:
        result = build(load_config(digest), clean=True)
    # what site/ held already is not written again; what differs is, and what is not ours goes
    assert sorted(result.changed) == ["people/mayawati/index.html"]
    assert page.stat().st_mtime_ns == stamp
    assert not (site / "stray").exists() and not (site / "link.html").is_symlink()
    assert_same_as_clean(digest, tmp_path)
    assert rebuild(digest).up_to_date


def test_bad_story_is_left_out_and_comes_back_when_fixed(digest: Path, tmp_path: Path) -> None:
    bad = story_path(digest, "flood-relief")
    good_text = bad.read_text(encoding="utf-8")
    bad.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    (problem,) = rebuild(digest).problems
    assert problem.path.endswith("flood-relief.md") and problem.line
    assert_same_as_clean(digest, tmp_path)  # the others built as a clean build builds them
    assert not any("flood-relief" in name for name in site_files(digest / "site"))
    bad.write_text(good_text.replace("Relief reached", "Help reached"), encoding="utf-8")
    rebuild(digest)
    assert_same_as_clean(digest, tmp_path)


def random_edit(project: Path, rng: random.Random, number: int) -> str:
    """Make one random change to PROJECT's stories; return what it was."""
    paths = sorted((project / "content").rglob("*.md"))
    path = rng.choice(paths)
    action = rng.choice(["body", "people", "organisations", "tags", "delete", "add", "date", "title", "rename"])
    if action == "body":
        path.write_text(path.read_text(encoding="utf-8") + f"\nMore news {number}.\n", encoding="utf-8")
    elif action == "people":
        edit_meta(path, people=rng.sample(["Azam Khan", "Mayawati", "Nitish Kumar", "Rahul Gandhi", "Sonia Gandhi"],
                                          rng.randint(0, 3)))
    elif action == "organisations":
        edit_meta(path, organisations=rng.sample(["Samajwadi Party", "Bahujan Samaj Party", "Election Commission"],
                                                 rng.randint(0, 2)))
    elif action == "tags":
        edit_meta(path, tags=rng.sample(["Politics", "Floods", "Transport", "Economy", "Courts"], rng.randint(1, 3)))
    elif action == "delete" and len(paths) > 3:
        path.unlink()
    elif action == "date":
        edit_meta(path, date=f"2025-11-{rng.randint(6, 10):02d}T{rng.randint(0, 23):02d}:00:00+05:30")
    elif action == "title":
        edit_meta(path, title=f"A new title {number}", summary=f"Summary {number}.")
    elif action == "rename":
        edit_meta(path, slug=f"renamed-{number}")
        path.rename(path.with_name(f"renamed-{number}.md"))
    else:
        action = "add"
        write_story(project, slug=f"added-{number}", date=f"2025-11-{rng.randint(6, 10):02d}T09:{number:02d}:00+05:30",
                    people=rng.sample(["Azam Khan", "Mayawati", "Rahul Gandhi"], 2), tags=["Politics"],
                    body=f"Added story {number}.")
    return f"{action} {path.name}"


def test_any_sequence_of_edits_equals_a_clean_build(digest: Path, tmp_path: Path) -> None:
    rng = random.Random(20251107)
    done = []
    for number in range(12):
        done.append(random_edit(digest, rng, number))
        if number % 3 == 2:
            write_config(digest, paginate=rng.choice([1, 2, 3]), related=rng.choice([2, 3]))
        rebuild(digest)
        if number % 4 == 3:
            assert_same_as_clean(digest, tmp_path / str(number))
    assert len({d.split()[0] for d in done}) >= 4, done  # the sequence mixed several kinds of edit
    assert_same_as_clean(digest, tmp_path / "end")


@pytest.mark.parametrize("lost", ["markdown-*.pickle", "sources-*.pickle", "readers-*.pickle", "groups-*.pickle", "outputs.pickle",
                                  "plan.pickle", "state.pickle", "*"])
def test_lost_cache_files_cost_time_not_correctness(digest: Path, tmp_path: Path, lost: str) -> None:
    gone = list((digest / ".cache").glob(lost))
    assert gone
    for path in gone:
        path.unlink()
    path = story_path(digest, "flood-relief")
    path.write_text(path.read_text(encoding="utf-8") + "\nA line after the loss.\n", encoding="utf-8")
    rebuild(digest)
    assert b"A line after the loss" in (digest / "site/2025/11/07/flood-relief/index.html").read_bytes()
    assert_same_as_clean(digest, tmp_path)
    assert rebuild(digest).up_to_date


def test_people_change_leaves_later_pages_of_its_tags_alone(digest: Path, tmp_path: Path) -> None:
    # who is mentioned with a tag shows on its first page only: later pages read their own stories
    pages = sorted(p.relative_to(digest / "site").as_posix() for p in (digest / "site/tags/politics").rglob("*.html"))
    assert len(pages) == 3, pages
    edit_meta(story_path(digest, "azam-khan-meets-akhilesh"), people=["Azam Khan", "Nitish Kumar"])
    result = rebuild(digest)
    assert "tags/politics/index.html" in result.changed
    assert "Nitish Kumar" in (digest / "site/tags/politics/index.html").read_text(encoding="utf-8")
    middle = [p for p in pages if p != "tags/politics/index.html"
              and "azam-khan-meets-akhilesh" not in (digest / "site" / p).read_text(encoding="utf-8")]
    assert middle and not set(middle) & set(result.changed)
    assert "together-heading" not in (digest / "site" / middle[0]).read_text(encoding="utf-8")
    assert_same_as_clean(digest, tmp_path)


@pytest.mark.parametrize("step", ["before-journal", "after-journal", "moving", "after-pages"])
def test_a_build_stopped_anywhere_in_its_commit_then_reverted_repairs_itself(
        digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    before = site_files(digest / "site")
    path = story_path(digest, "flood-relief")
    original = path.read_text(encoding="utf-8")
    edit_meta(path, people=["Mayawati"], title="Relief, and a new title")
    monkeypatch.setenv(FAULT, step)
    with pytest.raises(InjectedFault):
        rebuild(digest)
    monkeypatch.delenv(FAULT)
    stopped = site_files(digest / "site")
    if step == "before-journal":
        assert stopped == before  # nothing was in force yet: site/ is the last build's
    path.write_text(original, encoding="utf-8")  # the editor reverts
    repaired = rebuild(digest)
    assert repaired.recovered and not repaired.up_to_date
    assert site_files(digest / "site") == before
    assert_same_as_clean(digest, tmp_path)
    assert rebuild(digest).up_to_date


@pytest.mark.parametrize("step", ["before-journal", "after-journal", "after-pages"])
def test_a_cold_build_stopped_in_its_commit_leaves_a_whole_site(
        digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    before = site_files(digest / "site")
    edit_meta(story_path(digest, "flood-relief"), title="Relief, and a new title")
    monkeypatch.setenv(FAULT, step)
    with pytest.raises(InjectedFault):
        build(load_config(digest), clean=True)
    monkeypatch.delenv(FAULT)
    stopped = site_files(digest / "site")
    assert stopped == before or stopped == clean_build(digest, tmp_path / "clean")
    rebuild(digest)
    assert_same_as_clean(digest, tmp_path)
    assert not (digest / ".site.old").exists()


def test_cache_parts_wait_beside_the_cache_until_the_build_commits(
        digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_meta(story_path(digest, "flood-relief"), title="Relief, and a new title")
    monkeypatch.setenv(FAULT, "before-journal")
    with pytest.raises(InjectedFault):
        build(load_config(digest), clean=True)
    monkeypatch.delenv(FAULT)
    names = [p.name for p in (digest / ".cache").iterdir()]
    waiting = [n for n in names if n.endswith(".pickle.next")]
    assert "state.pickle.next" in waiting and len(waiting) > 4  # written whole, straight to their names
    assert not [n for n in names if n.endswith(".tmp")]
    assert rebuild(digest).recovered
    assert not [p for p in (digest / ".cache").iterdir() if p.name.endswith((".next", ".tmp"))]
    assert_same_as_clean(digest, tmp_path)
    assert rebuild(digest).up_to_date


@pytest.fixture
def split_indexes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split every index with more than two names by letter, as a big archive's are."""
    monkeypatch.setattr("generator.indexes.ROWS_PER_PAGE", 2)


def test_split_index_pages_follow_an_edit_letter_by_letter(split_indexes: None, digest: Path, tmp_path: Path) -> None:
    site = digest / "site"
    assert (site / "people/letter/y/index.html").is_file() and (site / "people/2-or-more/letter/k/index.html").is_file()
    edit_meta(story_path(digest, "patna-metro", "2025-11-08"), people=["Nitish Kumar", "Mayawati"])
    result = rebuild(digest)
    changed = set(result.changed)
    assert {"people/letter/m/index.html", "people/2-or-more/letter/m/index.html", "people/index.html"} <= changed
    assert not {"people/letter/k/index.html", "people/letter/y/index.html", "places/index.html"} & changed
    assert_same_as_clean(digest, tmp_path / "one")
    write_story(digest, slug="spectrum", date="2025-11-10T09:00:00+05:30", people=["Shinzō Abe"],
                tags=["2G case", "Ōsaka"], body="A story with names outside A to Z.")
    changed = set(rebuild(digest).changed)
    assert "people/letter/a/index.html" in changed and "people/index.html" in changed  # the front's totals
    assert not any(p.startswith(("people/letter/k/", "people/letter/y/")) for p in changed), sorted(changed)
    assert "Shinzō Abe" in (site / "people/letter/a/index.html").read_text(encoding="utf-8")
    assert "2G case" in (site / "tags/letter/other/index.html").read_text(encoding="utf-8")
    assert "Ōsaka" in (site / "tags/letter/o/index.html").read_text(encoding="utf-8")
    assert_same_as_clean(digest, tmp_path / "two")
    story_path(digest, "spectrum", "2025-11-10").unlink()
    rebuild(digest)
    assert not (site / "tags/letter/other").exists()
    assert_same_as_clean(digest, tmp_path / "three")


def test_any_sequence_of_edits_with_split_indexes_equals_a_clean_build(split_indexes: None, digest: Path,
                                                                       tmp_path: Path) -> None:
    test_any_sequence_of_edits_equals_a_clean_build(digest, tmp_path)
