"""Tier 1: front matter written by ingest reads back the same, and hand edits are recognised."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest

from generator import frontmatter
from generator.errors import ContentError

IST = zoneinfo.ZoneInfo("Asia/Kolkata")
DATE = dt.datetime(2025, 11, 7, tzinfo=IST)


def stamped(**meta: object) -> str:
    """Return a stamped content file with META (plus a date and source) and a one-line body."""
    fields = {"title": "A title", "date": DATE, "slug": "a-title",
              "source": {"file": "000.txt", "sha256": "0" * 64}, **meta}
    return frontmatter.stamp(frontmatter.dump(fields) + "\nThe body.\n")


@pytest.mark.parametrize("value", [
    "---", "...", "key: value", "a: b: c", "# hash", "a #b", "'", '"', "null", "~", "yes", "no", "true",
    "1.0", "1e3", "0x1F", "0o7", "+1", "1_000", "12:30", ".inf", "NaN", "2025-11-07", " lead", "trail ",
    "[a, b]", "{a: 1}", "*alias", "&anchor", "!tag", "@at", "`tick", "%pct", "|", ">", "-", "- x", "?",
    "=", "<<", "a\\b", "tab\there", "“curly” ‘quotes’ café", "नई दिल्ली", "\U0001F600", "a\u2028b",
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "two\nlines", "a\n---\nb",
])
def test_any_text_reads_back_as_written(value: str) -> None:
    text = stamped(title=value, summary=value, people=[value, "Azam Khan"], dateline=value,
                   source={"file": value, "sha256": "f" * 64})
    doc = frontmatter.split(text, "x.md")
    assert doc.meta["title"] == value
    assert doc.meta["summary"] == value
    assert doc.meta["dateline"] == value
    assert doc.meta["people"] == [value, "Azam Khan"]
    assert doc.meta["source"]["file"] == value
    assert doc.body.strip() == "The body."
    assert not frontmatter.is_edited(text)


def test_canonical_order_flow_lists_and_iso_date() -> None:
    meta = {"source": {"file": "s.txt", "sha256": "a" * 64}, "tags": ["SP"], "slug": "s", "title": "T",
            "people": ["Azam Khan", "Akhilesh Yadav"], "date": DATE, "extra": 1, "places": [],
            "agency": "IANS", "dateline": "Lucknow", "summary": "S.", "organisations": ["Samajwadi Party"]}
    assert frontmatter.dump(meta) == (
        "---\n"
        "title: T\n"
        "date: 2025-11-07T00:00:00+05:30\n"
        "dateline: Lucknow\n"
        "agency: IANS\n"
        "summary: S.\n"
        "people: [Azam Khan, Akhilesh Yadav]\n"
        "places: []\n"
        "organisations: [Samajwadi Party]\n"
        "tags: [SP]\n"
        "slug: s\n"
        "source:\n"
        "  file: s.txt\n"
        "  sha256: " + "a" * 64 + "\n"
        "extra: 1\n"
        "---\n")


def test_date_reads_back_as_an_aware_datetime() -> None:
    when = frontmatter.split(stamped(), "x.md").meta["date"]
    assert when == DATE and when.utcoffset() == dt.timedelta(hours=5, minutes=30)


def test_none_is_written_as_null() -> None:
    assert frontmatter.split(stamped(dateline=None), "x.md").meta["dateline"] is None


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("title: A title", "title: A better title"),
    lambda t: t.replace("The body.", "The body, corrected."),
    lambda t: t + "One more line.\n",
    lambda t: t.replace("slug: a-title", "slug: b-title"),
    lambda t: t.replace("\n", "\r\n"),                      # an editor that saves CRLF
    lambda t: "\n".join(l for l in t.split("\n") if "fingerprint" not in l),  # stamp removed
    lambda t: t.replace("fingerprint: ", "fingerprint: 0"),  # stamp damaged
])
def test_any_hand_edit_is_recognised(edit) -> None:
    text = stamped()
    assert not frontmatter.is_edited(text)
    assert frontmatter.is_edited(edit(text))


def test_stamp_sits_under_source_and_is_stable() -> None:
    text = stamped()
    assert "\nsource:\n  fingerprint: " in text
    assert stamped() == text
    other_stamp = re.sub(r"fingerprint: [0-9a-f]{64}", "fingerprint: " + "0" * 64, text)
    assert other_stamp != text
    assert frontmatter.fingerprint(other_stamp) == frontmatter.fingerprint(text)  # the stamp is not hashed


def test_split_accepts_bom_crlf_and_a_file_ending_at_the_fence() -> None:
    assert frontmatter.split("\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n", "x.md").meta == {"title": "T"}
    assert frontmatter.split("---\ntitle: T\n---", "x.md").body == ""


@pytest.mark.parametrize("text, line, words", [
    ("title: T\n", 1, "no front matter"),
    ("", 1, "no front matter"),
    ("---\ntitle: T\nbody with no closing fence\n", 1, "not closed"),
    ("---\ntitle: T\npeople: [a, b\n---\nbody\n", 3, "not valid YAML"),
    ("---\ntitle: T\n  bad: indent\n---\n", 3, "not valid YAML"),
    ("---\n- a list\n---\nbody\n", 2, "must be a mapping"),
    ("---\njust text\n---\nbody\n", 2, "must be a mapping"),
])
def test_split_errors_name_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ContentError) as caught:
        frontmatter.split(text, "content/x.md")
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("content/x.md", line)
    assert words in problem.message
