"""Every value is checked where it is read: impossible dates and times, control characters and wrong
types in front matter and config.yaml, template runtime errors. Each is named PATH:LINE: key: what is
wrong; the other stories are still built; no traceback, from the command line or in the preview."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_config, write_story
from generator.build import build
from generator.config import load_config
from generator.errors import ConfigError, ThemeError
from generator.preview import Preview
from generator.serve import error_page

GOOD = """---
title: A good story
date: 2025-11-07T10:00:00+05:30
slug: bad
---
Body.
"""

FRONT_MATTER = [  # (what to put in place of the date or title line, the key named, words of the message)
    ("date: 2025-02-30", "date", "does not exist"),
    ("date: 2025-11-07T25:00:00+05:30", "date", "does not exist"),
    ("date: '2025-02-30'", "date", "2025-11-07"),
    ("title: A \x00 NUL", "title", "U+0000"),
    ("title: A \x08 backspace", "title", "U+0008"),
    ('title: "An escaped \\b backspace"', "title", "U+0008"),
    ("title: [a, list]", "title", "must be text"),
    ("title: 2025-11-07", "title", "must be text"),
]


@pytest.mark.parametrize("line, key, words", FRONT_MATTER)
def test_a_bad_value_in_front_matter_is_named_and_the_others_built(project: Path, line: str, key: str,
                                                                  words: str) -> None:
    write_story(project, "good-one", body="The good story.")
    path = project / "content/articles/2025/11/07/bad.md"
    field = key + ":"
    text = "\n".join(line if row.startswith(field) else row for row in GOOD.split("\n"))
    path.write_text(text, encoding="utf-8")
    (problem,) = build(load_config(project)).problems
    number = 3 if key == "date" else 2
    assert str(problem).startswith(f"content/articles/2025/11/07/bad.md:{number}: {key}: "), str(problem)
    assert words in problem.message
    assert (project / "site/2025/11/07/good-one/index.html").is_file()


@pytest.mark.parametrize("line, words", [
    ("description: 2025-02-30", "does not exist"),
    ("description: a \x00 NUL", "U+0000"),
    ('description: "a \\b backspace"', "U+0008"),
    ("feed_size: twenty", "whole number"),
])
def test_a_bad_value_in_config_is_named_with_its_line(project: Path, line: str, words: str) -> None:
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    number = config.read_text(encoding="utf-8").count("\n")
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    (problem,) = caught.value.problems
    key = line.split(":")[0]
    assert str(problem).startswith(f"config.yaml:{number}: {key}: ") and words in problem.message, str(problem)


@pytest.mark.parametrize("template, words", [
    ("{% extends '!parent/article.html' %}\n{% block main %}\n{{ 1/0 }}\n{% endblock %}\n", "division by zero"),
    ("{% extends '!parent/article.html' %}\n{% block main %}\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"
     "{% endblock %}\n", "calls itself"),
])
def test_a_template_runtime_error_names_the_template_and_line(project: Path, template: str, words: str) -> None:
    write_story(project, "a-story")
    (project / "templates").mkdir()
    (project / "templates" / "article.html").write_text(template, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        build(load_config(project))
    (problem,) = caught.value.problems
    assert problem.path.endswith("templates/article.html") and problem.line == 3 and words in problem.message


def test_the_command_line_names_each_bad_value_without_a_traceback(project: Path) -> None:
    write_story(project, "good-one")
    (project / "content/articles/2025/11/07/bad.md").write_text(GOOD.replace("2025-11-07T10:00:00+05:30",
                                                                              "2025-02-30"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "-C", str(project), "build"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "error: content/articles/2025/11/07/bad.md:3: date: 2025-02-30 reads as a date" in run.stderr
    write_config(project, description="x")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("description: x", "description: 2025-02-30"))
    run = subprocess.run([sys.executable, "-m", "generator", "-C", str(project), "build"],
                         capture_output=True, text=True, timeout=120)
    line = 1 + config.read_text(encoding="utf-8").split("\n").index("description: 2025-02-30")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(f"error: config.yaml:{line}: description: 2025-02-30 reads as a date"), run.stderr


def test_the_preview_shows_the_same_message(project: Path) -> None:
    write_story(project, "good-one")
    preview = Preview(load_config(project), out=io.StringIO(), err=io.StringIO())
    preview.start()
    bad = project / "content/articles/2025/11/07/bad.md"
    bad.write_text(GOOD.replace("2025-11-07T10:00:00+05:30", "2025-02-30"), encoding="utf-8")
    preview.rebuild([bad])
    (problem,) = preview.problems
    assert str(problem).startswith("content/articles/2025/11/07/bad.md:3: date: 2025-02-30 reads as a date")
    assert str(problem).encode() in error_page(preview.problems)
    assert "Traceback" not in preview.err.getvalue()
