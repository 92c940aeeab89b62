"""The preview answers only to its own address: Host and Origin checks (DNS rebinding)."""

from __future__ import annotations

import pytest

from generator.hostcheck import bare, host_allowed, origin_allowed


@pytest.mark.parametrize("host, name", [
    ("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"), ("LocalHost.", "localhost"), ("[::1]", "::1"),
    ("example.org", "example.org"),
])
def test_bare_names(host: str, name: str) -> None:
    assert bare(host) == name


@pytest.mark.parametrize("host, served, allowed", [
    ("127.0.0.1:8000", "127.0.0.1", True),
    ("localhost:8000", "127.0.0.1", True),
    ("app.localhost:8000", "127.0.0.1", True),
    ("[::1]:8000", "127.0.0.1", True),
    ("attacker.example:8000", "127.0.0.1", False),
    ("127.0.0.1.nip.io:8000", "127.0.0.1", False),
    ("192.168.1.5:8000", "127.0.0.1", False),
    ("192.168.1.5:8000", "0.0.0.0", True),  # every interface: any address written as digits
    ("attacker.example:8000", "0.0.0.0", False),
    ("digest.lan:8000", "digest.lan", True),  # the name it was told to serve
])
def test_host_allowed(host: str, served: str, allowed: bool) -> None:
    assert host_allowed(host, served) is allowed


@pytest.mark.parametrize("origin, allowed", [
    ("http://127.0.0.1:8000", True), ("http://localhost:8000", True), (None, True),
    ("http://attacker.example", False), ("null", False), ("file://", False),
])
def test_origin_allowed(origin: str | None, allowed: bool) -> None:
    assert origin_allowed(origin, "127.0.0.1") is allowed
