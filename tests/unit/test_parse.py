"""Tier 1: the wire parser, table by table: date lines, datelines, paragraphs and bad input."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from conftest import CORPUS, REAL_SEED
from generator.wire.parse import (MAX_SEED_BYTES, Dateline, SeedError, decode, parse_dateline,
                                  parse_seed, split_paragraphs)

LEDE = "The minister said on Friday that the bridge would open."


def seed_of(data: bytes | str, name: str = "s.txt"):
    """Parse DATA (text is encoded as UTF-8) and return the Seed."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    seed, _ = parse_seed(raw, name)
    return seed


def error_of(data: bytes | str, name: str = "bad.txt") -> SeedError:
    """Return the SeedError that parsing DATA raises."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(SeedError) as caught:
        parse_seed(raw, name)
    return caught.value


# --- datelines --------------------------------------------------------------------------------

@pytest.mark.parametrize("lede, city, region, agency, rest", [
    ("Lucknow, Nov 7 (IANS) Senior leader met.", "Lucknow", None, "IANS", "Senior leader met."),
    ("New Delhi, Nov. 7 (PTI) The minister said.", "New Delhi", None, "PTI", "The minister said."),
    ("Portland, Ore., March 3 (Reuters) - A man said.", "Portland", "Ore.", "Reuters", "A man said."),
    ("Portland, Ore., March 3 (Reuters) A man said.", "Portland", "Ore.", "Reuters", "A man said."),
    ("Bhopal (Madhya Pradesh): The state said.", "Bhopal", "Madhya Pradesh", None, "The state said."),
    ("Ghatsila (Jharkhand), Nov 5 (PTI) The JMM said.", "Ghatsila", "Jharkhand", "PTI", "The JMM said."),
    ("Panaji (Goa) [India], March 3 (ANI): Goa CM said.", "Panaji", "Goa", "ANI", "Goa CM said."),
    ("Sri Vijaya Puram (Andaman and Nicobar Islands), Nov 7 (IANS) Text.",
     "Sri Vijaya Puram", "Andaman and Nicobar Islands", "IANS", "Text."),
    ("NEW DELHI, Nov 7 (IANS) The man said.", "New Delhi", None, "IANS", "The man said."),
    ("Mumbai, November 7 (IANS) The man said.", "Mumbai", None, "IANS", "The man said."),
    ("Chennai, Sept 7 (IANS) Text.", "Chennai", None, "IANS", "Text."),
    ("Kolkata, Nov 7 The man said.", "Kolkata", None, None, "The man said."),
    ("New Delhi, Nov 7: The man said.", "New Delhi", None, None, "The man said."),
    ("Lucknow (IANS) The man said.", "Lucknow", None, "IANS", "The man said."),
    ("Lucknow (IANS) - The man said.", "Lucknow", None, "IANS", "The man said."),
    ("Patna: Bihar's deputy CM said.", "Patna", None, None, "Bihar's deputy CM said."),
    ("KOCHI: Four activists were arrested.", "Kochi", None, None, "Four activists were arrested."),
    ('COIMBATORE: "Whether it is new parties," he said.', "Coimbatore", None, None,
     '"Whether it is new parties," he said.'),
    ("Jammu (Jammu and Kashmir): Union minister visited.", "Jammu", "Jammu and Kashmir", None,
     "Union minister visited."),
    # a dateline alone in its paragraph: the story follows in the next one
    ("KOCHI", "Kochi", None, None, ""),
    ("Chennai :", "Chennai", None, None, ""),
    ("Srinagar, Nov 7 (IANS)", "Srinagar", None, "IANS", ""),
    ("Srinagar, Nov 7", "Srinagar", None, None, ""),
])
def test_dateline_forms(lede: str, city: str, region: str | None, agency: str | None, rest: str) -> None:
    assert parse_dateline(lede) == (Dateline(city, region, agency), rest)


@pytest.mark.parametrize("lede", [
    "The minister said on Friday.",
    "Senior Samajwadi Party leader Azam Khan met party President Akhilesh Yadav.",
    "The CM said: this is it.",
    "Prime Minister Narendra Modi said: we will build it.",
    "He said (PTI) that the bridge would open.",
    "Note: the minister said.",          # lead-ins written like a dateline are not places
    "Earlier: It was a quiet day.",
    "BREAKING: Minister resigns.",
    "Meanwhile: The rain went on.",
    "Chennai : the rest is lower case, so this is no dateline.",
    "“Quoted” lede: nothing to find.",
])
def test_no_dateline(lede: str) -> None:
    assert parse_dateline(lede) == (None, lede)


def test_dateline_text_joins_region() -> None:
    assert Dateline("Portland", "Ore.", "Reuters").text == "Portland, Ore."
    assert Dateline("Lucknow", None, "IANS").text == "Lucknow"


# --- the date line ----------------------------------------------------------------------------

@pytest.mark.parametrize("data, date", [
    (f" date 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f"date 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f"     date 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f"\tdate 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f" date  2025-11-07   {LEDE}", dt.date(2025, 11, 7)),
    (f" date 2025-11-07\n{LEDE}", dt.date(2025, 11, 7)),
    (f" date 2025-11-07\n\n{LEDE}", dt.date(2025, 11, 7)),
    (f"\n\n date 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f" date: 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f" Date 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f" DATE: 2025-11-07 {LEDE}", dt.date(2025, 11, 7)),
    (f" date 2024-02-29 {LEDE}", dt.date(2024, 2, 29)),
    (f" date 1987-03-03 {LEDE}", dt.date(1987, 3, 3)),
])
def test_date_line_variants(data: str, date: dt.date) -> None:
    seed = seed_of(data)
    assert seed.date == date
    assert seed.paragraphs == (LEDE,)


@pytest.mark.parametrize("data, line, words", [
    ("", None, "is empty"),
    ("   \n \n\t\n", None, "is empty"),
    ("\ufeff", None, "is empty"),
    ("The minister said.\n", 1, "has no date line"),
    ("Lucknow, Nov 7 (IANS) The minister said.", 1, "has no date line"),
    ("Date palm farmers gathered.", 1, "has no date line"),
    ("\n\nThe minister said.", 3, "has no date line"),
    (" date", 1, "has a date line with no date"),
    (" date:  ", 1, "has a date line with no date"),
    (" date 2025-02-30 The minister said.", 1, "date 2025-02-30 does not exist"),
    (" date 2025-13-01 The minister said.", 1, "date 2025-13-01 does not exist"),
    ("\n\n date 2025-02-30 The minister said.", 3, "date 2025-02-30 does not exist"),
    (" date 2025/11/07 The minister said.", 1, "is not YYYY-MM-DD"),
    (" date 2025-11-7 The minister said.", 1, "is not YYYY-MM-DD"),
    (" date 07-11-2025 The minister said.", 1, "is not YYYY-MM-DD"),
    (" date 2025-11-07The minister said.", 1, "is not YYYY-MM-DD"),
    (" date Nov 7 The minister said.", 1, "is not YYYY-MM-DD"),
    (" date 0001-01-01 The minister said.", 1, "not a plausible wire date"),
    (" date 0000-01-01 The minister said.", 1, "does not exist"),
    (" date 2025-11-07", 1, "no story text"),
    (" date 2025-11-07   \n\n   \n", 1, "no story text"),
    (" date 2025-11-07 \u200b\u200b", 1, "no story text"),
    (" date 2025-11-07 KOCHI", 1, "has a dateline but no story text"),
    (" date 2025-11-07 Srinagar, Nov 7 (IANS)\n\n", 1, "has a dateline but no story text"),
])
def test_bad_seeds_name_the_file_and_line(data: str, line: int | None, words: str) -> None:
    problem = error_of(data).problem
    assert problem.path == "bad.txt"
    assert problem.line == line
    assert words in problem.message
    assert problem.severity == "error"
    text = str(problem)
    assert text.startswith(f"bad.txt:{line}: " if line else "bad.txt: ")
    assert "\n" not in text


def test_huge_single_line_file_is_refused_before_parsing() -> None:
    data = b" date 2025-11-07 Delhi: " + b"word " * 1_000_000  # 5 MB, one line
    problem = error_of(data).problem
    assert "5.0 MB" in problem.message and "KB" in problem.message
    assert len(data) > MAX_SEED_BYTES


def test_seed_just_under_the_limit_is_read() -> None:
    body = ("The minister said the bridge would open. " * 4000)[: MAX_SEED_BYTES - 100]
    assert seed_of(f" date 2025-11-07 {body}").date == dt.date(2025, 11, 7)


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"\x00\x01\x02 date 2025-11-07 text",
    b" date 2025-11-07 The minister\x00 said.",
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
])
def test_binary_junk_is_refused(data: bytes) -> None:
    assert "binary" in error_of(data).problem.message


# --- text normalisation -----------------------------------------------------------------------

@pytest.mark.parametrize("data, paragraphs", [
    # LF, CRLF, old-Mac CR and a BOM give the same story
    (b" date 2025-11-07 One.\n\nTwo.\n", ("One.", "Two.")),
    (b" date 2025-11-07 One.\r\n\r\nTwo.\r\n", ("One.", "Two.")),
    (b" date 2025-11-07 One.\r\rTwo.\r", ("One.", "Two.")),
    (b"\xef\xbb\xbf date 2025-11-07 One.\n\nTwo.", ("One.", "Two.")),
    # trailing spaces, tabs, whitespace-only lines, wrapped lines
    (b" date 2025-11-07 One.   \n \t \nTwo.\t\n", ("One.", "Two.")),
    (b" date 2025-11-07 One\nwrapped here.\n\n\n\nTwo.", ("One wrapped here.", "Two.")),
    (b" date 2025-11-07 One.\n\xc2\xa0\nTwo.", ("One.", "Two.")),
    # curly quotes and apostrophes stay as they are
    (" date 2025-11-07 “Perhaps,” he said. Akhilesh Yadav’s home.".encode(),
     ("“Perhaps,” he said. Akhilesh Yadav’s home.",)),
    # controls that would reach pages and terminals go; form feeds and U+2029 break paragraphs
    (b" date 2025-11-07 The\x1b[31m red\x7f text.\x0cNew page.", ("The[31m red text.", "New page.")),
    (" date 2025-11-07 a\u2028b\u2029c".encode(), ("a b", "c")),
    (" date 2025-11-07 zero\u200bwidth".encode(), ("zerowidth",)),
])
def test_paragraph_normalisation(data: bytes, paragraphs: tuple[str, ...]) -> None:
    assert seed_of(data).paragraphs == paragraphs


def test_line_ending_variants_have_one_text_hash() -> None:
    lf = b" date 2025-11-07 Lucknow, Nov 7 (IANS) One.\n\nTwo.\n"
    variants = [lf, lf.replace(b"\n", b"\r\n"), b"\xef\xbb\xbf" + lf, lf.replace(b"\n", b"  \n")]
    seeds = [seed_of(v) for v in variants]
    assert len({s.text_sha256 for s in seeds}) == 1
    assert len({s.sha256 for s in seeds}) == len(variants)  # the file hashes differ
    assert seeds[0].sha256 == hashlib.sha256(lf).hexdigest()


def test_markup_in_copy_is_kept_verbatim_by_the_parser() -> None:
    copy = "The *minister* said <script>alert(1)</script> and [x](javascript:alert(1)) _now_."
    assert seed_of(f" date 2025-11-07 {copy}").paragraphs == (copy,)


def test_split_paragraphs_alone() -> None:
    assert split_paragraphs("a\nb\n\n\n c \n\nd") == ("a b", "c", "d")
    assert split_paragraphs("\n \n") == ()


# --- decoding ---------------------------------------------------------------------------------

def test_cp1252_is_read_with_a_warning_naming_the_line() -> None:
    data = b" date 2025-11-07 Lucknow, Nov 7 (IANS) One.\n\nThe caf\xe9 owner said \x93hello\x94."
    seed, warnings = parse_seed(data, "old.txt")
    assert seed.paragraphs == ("One.", "The café owner said “hello”.")
    assert [(w.path, w.line, w.severity) for w in warnings] == [("old.txt", 3, "warning")]
    assert "UTF-8" in warnings[0].message and "Windows-1252" in warnings[0].message


def test_utf8_decodes_without_warning() -> None:
    text, warnings = decode(" date 2025-11-07 “Quoted” café".encode(), "ok.txt")
    assert text == " date 2025-11-07 “Quoted” café" and warnings == []


# --- the real seed and the corpus -------------------------------------------------------------

def test_real_seed() -> None:
    seed = seed_of(REAL_SEED.read_bytes(), REAL_SEED.name)
    assert seed.name == REAL_SEED.name
    assert seed.date == dt.date(2025, 11, 7)
    assert seed.dateline == Dateline("Lucknow", None, "IANS")
    assert seed.lede.startswith("Senior Samajwadi Party (SP) leader Azam Khan met party President")
    assert len(seed.paragraphs) == 11
    assert any("“Perhaps what happened to me" in p for p in seed.paragraphs)


@pytest.mark.corpus
def test_every_corpus_seed_parses() -> None:
    from conftest import require_corpus

    root = require_corpus("wire")
    files = sorted(root.glob("*.txt")) + sorted((CORPUS / "india-dev" / "seeds").glob("*.txt"))
    assert len(files) > 100
    seeds = [seed_of(p.read_bytes(), p.name) for p in files]
    with_dateline = [s for s in seeds if s.dateline is not None]
    assert len(with_dateline) / len(seeds) > 0.95
    assert all(s.paragraphs and all(s.paragraphs) for s in seeds)


def test_dates_with_one_offset_share_one_zone_and_keep_their_time() -> None:
    import datetime as dt

    from generator.articlefields import parse_date
    first, second = parse_date("2025-11-07T10:15:00+05:30", "UTC"), parse_date("2025-11-08T09:00:00+05:30", "UTC")
    assert first.tzinfo is second.tzinfo  # one object for the build cache to load, not one a story
    assert first.isoformat() == "2025-11-07T10:15:00+05:30"
    assert parse_date("2025-11-07T10:15:00Z", "UTC").tzinfo is dt.timezone.utc
    named = dt.datetime(2025, 11, 7, 10, tzinfo=dt.timezone(dt.timedelta(hours=1), "CET"))
    assert parse_date(named, "UTC").tzname() == "CET"  # a zone with a name of its own keeps it
