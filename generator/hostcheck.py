"""Which Host and Origin the preview answers: its own address and localhost, never another name.

A page on another site can make the browser ask 127.0.0.1 under a name of its own (DNS rebinding)
and read the answer, or open the live-reload socket: the Host header (and a socket's Origin) then
names that other site, and the preview refuses it. Bound to every interface (0.0.0.0, ::), the
preview answers any address written as digits, but still no other name.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
EVERY_INTERFACE = frozenset({"", "0.0.0.0", "::"})


def bare(host: str) -> str:
    """Return a host name without brackets, port, trailing dot or case: '[::1]:8000' -> '::1'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def host_allowed(host: str, served: str) -> bool:
    """Tell whether a request's HOST header names the preview bound to SERVED (its --host)."""
    name = bare(host)
    if name in LOCAL_NAMES or name.endswith(".localhost") or name == bare(served):
        return True
    if bare(served) in EVERY_INTERFACE:
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


def origin_allowed(origin: str | None, served: str) -> bool:
    """Tell whether a web socket's ORIGIN is a page of this preview (no Origin: not a browser, allowed)."""
    if not origin:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and host_allowed(parts.netloc, served)
