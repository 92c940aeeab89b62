"""Front matter keys checked as config keys are: unknown ones warned of, badly typed ones refused."""

from __future__ import annotations

import pytest

from generator.fields import KEYS, check_keys


def test_every_key_ingest_writes_is_known() -> None:
    from generator.frontmatter import FIELD_ORDER

    assert set(FIELD_ORDER) <= set(KEYS) and "draft" in KEYS


@pytest.mark.parametrize("key, hint", [("peopel", "did you mean 'people'?"), ("tag", "did you mean 'tags'?"),
                                       ("drafts", "did you mean 'draft'?"), ("titel", "did you mean 'title'?"),
                                       ("zzz", "known keys: title, date")])
def test_an_unknown_key_is_a_warning_with_a_suggestion(key: str, hint: str) -> None:
    ((name, message, severity),) = check_keys({"title": "T", key: ["x"]})
    assert (name, severity) == (key, "warning") and message.startswith(f"{key}: unknown key, ignored; {hint}")


@pytest.mark.parametrize("meta, message", [
    ({"draft": "yes"}, "draft: must be true or false"),
    ({"draft": 1}, "draft: must be true or false"),
    ({"source": "seed.txt"}, "source: must be the mapping ingest wrote"),
    ({"source": {"file": "a.txt", "shaa256": "x"}}, "source: unknown key 'shaa256'"),
])
def test_a_known_key_of_the_wrong_type_is_an_error(meta: dict, message: str) -> None:
    ((_, found, severity),) = check_keys(meta)
    assert severity == "error" and found.startswith(message)


def test_good_front_matter_has_nothing_to_say() -> None:
    meta = {"title": "T", "date": "2025-11-07", "draft": False, "people": ["A"], "priority": 2, "lead": True,
            "source": {"file": "a.txt", "sha256": "0" * 64, "fingerprint": "1" * 64}}
    assert check_keys(meta) == []
