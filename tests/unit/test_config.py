"""Tier 1: config.yaml is validated all at once, every problem as config.yaml:LINE: key: what."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.config import DEFAULT_PERMALINKS, Config, load_config
from generator.errors import ConfigError


def problems_of(root: Path, text: str, **overrides: object) -> list[str]:
    """Write TEXT as ROOT/config.yaml and return the problems load_config reports, as printed."""
    (root / "config.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(root, overrides)
    return [str(p) for p in caught.value.problems]


def config_of(root: Path, text: str) -> Config:
    """Write TEXT as ROOT/config.yaml and load it."""
    (root / "config.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_config(root)


def test_defaults(tmp_path: Path) -> None:
    config = config_of(tmp_path, "title: My Digest\n")
    assert config.title == "My Digest"
    assert config.timezone == "Asia/Kolkata"
    assert config.base_url == "http://127.0.0.1:8000/"
    assert dict(config.permalinks) == DEFAULT_PERMALINKS
    assert config.root == tmp_path and config.path("seeds") == tmp_path / "seeds"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "title:\n"])
def test_empty_config_and_null_values_take_defaults(tmp_path: Path, text: str) -> None:
    assert config_of(tmp_path, text).title == "News Digest"


def test_values_are_normalised(tmp_path: Path) -> None:
    config = config_of(tmp_path, """\
        base_url: https://user.github.io/digest
        timezone: UTC
        permalinks:
          tag: topics/{slug}/
        banned: [Friday]
        aliases: {SP: Samajwadi Party}
        """)
    assert config.base_url == "https://user.github.io/digest/"
    assert config.base_path == "/digest/"
    assert config.permalinks["tag"] == "topics/{slug}/"
    assert config.permalinks["person"] == DEFAULT_PERMALINKS["person"]
    assert config.banned == ("Friday",) and dict(config.aliases) == {"SP": "Samajwadi Party"}


@pytest.mark.parametrize("line, expected", [
    ("titel: X", "config.yaml:2: titel: unknown key; did you mean 'title'?"),
    ("base_ulr: https://x.org/", "config.yaml:2: base_ulr: unknown key; did you mean 'base_url'?"),
    ("time_zone: UTC", "config.yaml:2: time_zone: unknown key; did you mean 'timezone'?"),
    ("paginnate: 3", "config.yaml:2: paginnate: unknown key; did you mean 'paginate'?"),
    ("zzz: 1", "config.yaml:2: zzz: unknown key; known keys: aliases, banned, base_url, cname, "
               "description, feed_size, language, logo, paginate, permalinks, related, search, term_feeds, theme, timezone, title"),
    ("1: x", "config.yaml:2: 1: unknown key; known keys:"),
    ("paginate: 0", "config.yaml:2: paginate: must be a whole number from 1 to 1000"),
    ("paginate: '20'", "config.yaml:2: paginate: must be a whole number"),
    ("paginate: true", "config.yaml:2: paginate: must be a whole number"),
    ("feed_size: 1001", "config.yaml:2: feed_size: must be a whole number"),
    ("term_feeds: yes", "config.yaml:2: term_feeds: must be summary (title and summary) or full"),
    ("related: -1", "config.yaml:2: related: must be a whole number"),
    ("timezone: Mars/Olympus", "config.yaml:2: timezone: 'Mars/Olympus' is not a time zone name"),
    ("timezone: ../etc/passwd", "config.yaml:2: timezone: '../etc/passwd' is not a time zone name"),
    ("timezone: ''", "config.yaml:2: timezone: '' is not a time zone name"),
    ("base_url: ftp://x.org/", "config.yaml:2: base_url: 'ftp://x.org/' is not a full http(s) URL"),
    ("base_url: /digest/", "config.yaml:2: base_url: '/digest/' is not a full http(s) URL"),
    ("base_url: [a]", "config.yaml:2: base_url: must be a full URL"),
    ("description: ''", "config.yaml:2: description: must be a non-empty string"),
    ("theme: 3", "config.yaml:2: theme: must be a non-empty string"),
    ("logo: ../logo.png", "config.yaml:2: logo: '../logo.png' must be a path inside the project"),
    ("logo: logo.txt", "config.yaml:2: logo: 'logo.txt' is not a picture"),
    ("logo: images/missing.png", "config.yaml:2: logo: images/missing.png is not there"),
    ("cname: https://news.example.org/", "config.yaml:2: cname: must be a bare domain"),
    ("banned: Friday", "config.yaml:2: banned: must be a list of strings"),
    ("banned: [1, 2]", "config.yaml:2: banned: must be a list of strings"),
    ("aliases: [SP]", "config.yaml:2: aliases: must be a mapping of names to names"),
    ("permalinks: tags/", "config.yaml:2: permalinks: must be a mapping with keys from"),
    ("permalinks: {tagz: 'x/{slug}/'}", "config.yaml:2: permalinks: unknown page kind 'tagz'; "
                                        "did you mean 'tag'?"),
    ("permalinks: {tag: '/tags/{slug}/'}", "config.yaml:2: permalinks: tag: pattern must be relative"),
    ("permalinks: {tag: '../{slug}/'}", "config.yaml:2: permalinks: tag: pattern must be relative"),
    ("permalinks: {tag: 'tags/{slug}'}", "config.yaml:2: permalinks: tag: pattern must be relative"),
    ("permalinks: {tag: 'tags/'}", "config.yaml:2: permalinks: tag: pattern must be a string containing {slug}"),
])
def test_each_problem_names_line_and_key(tmp_path: Path, line: str, expected: str) -> None:
    (problem,) = problems_of(tmp_path, f"title: T\n{line}\n")
    assert problem.startswith(expected)


def test_every_problem_at_once_in_reading_order(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, """\
        title: T
        base_ulr: http://x/
        paginate: 0
        timezone: Mars/Olympus
        permalinks:
          article: "/abs/{slug}"
          tagz: "x/{slug}/"
        cname: "http://x.org/"
        title: again
        """)
    assert [p.split(": ")[0:2] for p in problems] == [
        ["config.yaml:2", "base_ulr"],
        ["config.yaml:3", "paginate"],
        ["config.yaml:4", "timezone"],
        ["config.yaml:6", "permalinks"],   # each nested problem on its own line
        ["config.yaml:7", "permalinks"],
        ["config.yaml:8", "cname"],
        ["config.yaml:9", "title"],        # set twice
    ]
    assert "did you mean 'base_url'?" in problems[0]
    assert "did you mean 'tag'?" in problems[4]
    assert "set twice (first on line 1)" in problems[6]


def test_a_key_set_twice_is_refused(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "paginate: 5\ntitle: T\npaginate: 6\n") == [
        "config.yaml:3: paginate: set twice (first on line 1); keep one"]


@pytest.mark.parametrize("text, expected", [
    ("title: [unclosed\n", "config.yaml:1: is not valid YAML"),
    ("title: T\n  base_url: x\n", "config.yaml:2: is not valid YAML"),
    ("- a\n- list\n", "config.yaml:1: must be a mapping of settings"),
    ("just a string\n", "config.yaml:1: must be a mapping of settings"),
])
def test_unreadable_config(tmp_path: Path, text: str, expected: str) -> None:
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith(expected)


def test_config_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_bytes(b"title: caf\xe9\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith("config.yaml: cannot be read")


def test_missing_config_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert "config.yaml: not found in" in str(caught.value) and "-C DIR" in str(caught.value)


def test_command_line_override_is_blamed_on_the_option(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, "title: T\nbase_url: https://ok.example/\n", base_url="ftp://x/")
    assert problems == ["--base-url: 'ftp://x/' is not a full http(s) URL such as "
                        "https://user.github.io/digest/"]


def test_override_wins(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("base_url: https://a.example/\n", encoding="utf-8")
    assert load_config(tmp_path, {"base_url": "https://b.example/x"}).base_url == "https://b.example/x/"
