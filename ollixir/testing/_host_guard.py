"""The ``Host`` header guard of the Ollama server (``allowedHostsMiddleware``), against DNS rebinding.

It is active only while the server listens on a loopback address (the default ``127.0.0.1``). Then the
host part of ``Host`` (``net.SplitHostPort``, or the whole value when that fails) must be

* an IP address (``netip.ParseAddr``) that is loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
  unspecified (``0.0.0.0``, ``::``) or one of this machine's interface addresses — the request goes on;
* or, compared case-insensitively, empty, ``localhost``, this machine's hostname, or a name ending in
  ``.localhost``, ``.local`` or ``.internal`` — the request goes on, except ``OPTIONS``, which is
  answered **204** at once.

Anything else is answered **403** with an empty body. Note the server's quirks, kept here: a bracketed
IPv6 host without a port (``[::1]``) is not an IP for this check and so is refused, and ``OPTIONS``
with an allowed IP host goes on to the router (and gets 404/405).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from collections.abc import Container
from http import HTTPMethod
from typing import Final, Literal

__all__ = ["HostGuard", "host_verdict", "split_host_port"]

_LOCAL_SUFFIXES: Final = (".localhost", ".local", ".internal")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Verdict = Literal["pass", "forbid", "no_content"]


def split_host_port(hostport: str) -> tuple[str, str] | None:
    """Go's ``net.SplitHostPort``: ``(host, port)``, or None where Go returns an error."""
    colon = hostport.rfind(":")
    if colon < 0:
        return None
    start, after = 0, 0
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0 or end + 1 != colon:
            return None
        host = hostport[1:end]
        start, after = 1, end + 1
    else:
        host = hostport[:colon]
        if ":" in host:
            return None
    if "[" in hostport[start:] or "]" in hostport[after:]:
        return None
    return host, hostport[colon + 1 :]


def _parse_addr(text: str) -> IPAddress | None:
    """``netip.ParseAddr``: dotted-quad IPv4 (no leading zeros) or IPv6 with an optional zone."""
    if not text or any(c.isspace() for c in text):
        return None
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _unmapped(ip: IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _is_loopback(ip: IPAddress) -> bool:
    ip = _unmapped(ip)
    if isinstance(ip, ipaddress.IPv4Address):
        return ip.packed[0] == 127
    return int(ip) == 1


def _is_private(ip: IPAddress) -> bool:
    # Go's definition (RFC 1918 and RFC 4193 only), narrower than Python's is_private.
    ip = _unmapped(ip)
    raw = ip.packed
    if isinstance(ip, ipaddress.IPv4Address):
        return raw[0] == 10 or (raw[0] == 172 and raw[1] & 0xF0 == 16) or raw[:2] == b"\xc0\xa8"
    return raw[0] & 0xFE == 0xFC


def _is_unspecified(ip: IPAddress) -> bool:
    # No unmapping here: ::ffff:0.0.0.0 is not unspecified for Go.
    return int(ip) == 0 and (isinstance(ip, ipaddress.IPv4Address) or ip.ipv4_mapped is None)


class _LocalAddresses(Container[IPAddress]):
    """This machine's interface addresses, looked up once on first need."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: frozenset[IPAddress] | None = None

    def __contains__(self, ip: object) -> bool:
        if not isinstance(ip, ipaddress.IPv4Address | ipaddress.IPv6Address):
            return False
        # Go compares the printed forms, so a zone or an IPv4-mapped form never matches.
        if isinstance(ip, ipaddress.IPv6Address) and (ip.scope_id or ip.ipv4_mapped is not None):
            return False
        with self._lock:
            if self._known is None:
                self._known = frozenset(_interface_addresses())
            return ip in self._known


def _interface_addresses() -> set[IPAddress]:
    found: set[IPAddress] = set()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None):
            address = _parse_addr(str(info[4][0]).split("%", 1)[0])
            if address is not None:
                found.add(address)
    # Linux lists every local IPv4 address as a "/32 host LOCAL" leaf of the routing trie.
    with contextlib.suppress(OSError), open("/proc/net/fib_trie") as trie:
        last = ""
        for line in trie:
            text = line.strip()
            if text.startswith(("|--", "+--")):
                last = text[3:].strip().split("/", 1)[0]
            elif text == "/32 host LOCAL":
                address = _parse_addr(last)
                if address is not None:
                    found.add(address)
    with contextlib.suppress(OSError, ValueError), open("/proc/net/if_inet6") as table:
        for line in table:
            fields = line.split()
            if fields and len(fields[0]) == 32:
                found.add(ipaddress.IPv6Address(int(fields[0], 16)))
    return found


def host_verdict(
    host_header: str, method: str, *, hostname: str, local: Container[IPAddress] = frozenset()
) -> Verdict:
    """The guard's answer for one request to a loopback-bound server (see the module docstring).

    ``local`` is a container of this machine's interface addresses.
    """
    split = split_host_port(host_header)
    host = split[0] if split is not None else host_header
    address = _parse_addr(host)
    if address is not None and (
        _is_loopback(address) or _is_private(address) or _is_unspecified(address) or address in local
    ):
        return "pass"
    lowered = host.lower()
    if lowered in ("", "localhost", hostname.lower()) or lowered.endswith(_LOCAL_SUFFIXES):
        return "no_content" if method == HTTPMethod.OPTIONS else "pass"
    return "forbid"


class HostGuard:
    """The guard of one server: active only when ``bound`` (the listening address) is loopback."""

    def __init__(self, bound: str) -> None:
        address = _parse_addr(bound)
        self.active = address is not None and _is_loopback(address)
        self._local = _LocalAddresses()

    def verdict(self, host_header: str, method: str) -> Verdict:
        if not self.active:
            return "pass"
        return host_verdict(host_header, method, hostname=socket.gethostname(), local=self._local)
