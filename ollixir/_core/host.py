"""Turning whatever a user calls "the host" into one canonical base URL.

Pure: no I/O, no environment. ``_config`` reads ``OLLAMA_HOST`` and hands the value here.
"""

from __future__ import annotations

import ipaddress
import urllib.parse

from .._errors import RequestError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "parse_host"]

DEFAULT_PORT = 11434
DEFAULT_HOST = f"http://127.0.0.1:{DEFAULT_PORT}"

_SCHEME_PORTS = {"http": 80, "https": 443}


def _format_host(host: str) -> str:
    # IPv6 literals need brackets inside a URL; everything else goes in as is.
    if ":" in host:
        return f"[{host}]"
    return host


def _bad(value: str, why: str) -> RequestError:
    return RequestError(f"host {value!r} is not a valid Ollama address: {why}", param="host")


def parse_host(value: str | None) -> str:
    """Return ``scheme://host:port[/path]`` for an Ollama address, in the forms ``OLLAMA_HOST`` accepts.

    * no scheme: ``http`` and port 11434 (``"example.com"`` -> ``http://example.com:11434``);
    * a scheme without a port: 80 for http, 443 for https;
    * ``":11434"``: the loopback host (what a client should dial when the server binds everything);
    * IPv6 with or without brackets; a trailing ``/api`` (the seed's ``base_url``) and trailing slashes are dropped;
    * the bare string ``ollama.com`` means ``https://ollama.com:443``, as in Ollama's own CLI.

    Raises :class:`RequestError` for anything that cannot be a URL (bad port, spaces in the host, ...).
    """
    if value is None:
        return DEFAULT_HOST
    if not isinstance(value, str):
        raise RequestError(f"host must be a string, got {type(value).__name__}", param="host")
    text = value.strip().strip("\"'").strip()
    if not text:
        return DEFAULT_HOST
    if text == "ollama.com":
        return "https://ollama.com:443"

    scheme = "http"
    explicit_scheme = False
    if "://" in text:
        scheme, _, rest = text.partition("://")
        scheme = scheme.lower()
        explicit_scheme = True
        if scheme not in _SCHEME_PORTS:
            raise _bad(value, f"unsupported scheme {scheme!r} (use http or https)")
    else:
        rest = text

    hostport, slash, path = rest.partition("/")
    path = (slash + path) if slash else ""
    if "?" in path or "#" in path or "?" in hostport or "#" in hostport:
        raise _bad(value, "query strings and fragments are not allowed")
    if "@" in hostport:
        raise _bad(value, "credentials in the host are not supported (use headers= or api_key=)")

    host, port_text = _split_host_port(value, hostport)
    if not host or host in ("0.0.0.0", "::"):
        # A server bound to every interface is reached through loopback. An empty host is what
        # ":11434" means.
        host = "127.0.0.1" if host != "::" else "::1"
    if host.startswith("[") or host.endswith("]"):
        raise _bad(value, "unbalanced brackets")
    _check_hostname(value, host)

    if port_text is None or port_text == "":
        port = _SCHEME_PORTS[scheme] if explicit_scheme else DEFAULT_PORT
    else:
        if not port_text.isdigit() or not port_text.isascii():
            raise _bad(value, f"port {port_text!r} is not a number")
        port = int(port_text)
        if not 0 < port < 65536:
            raise _bad(value, f"port {port} is out of range")

    path = path.rstrip("/")
    if path.endswith("/api"):
        path = path[: -len("/api")]
    path = urllib.parse.quote(urllib.parse.unquote(path), safe="/-._~!$&'()*+,;=:@%")
    return f"{scheme}://{_format_host(host)}:{port}{path}"


def _split_host_port(value: str, hostport: str) -> tuple[str, str | None]:
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            raise _bad(value, "unbalanced brackets")
        host = hostport[1:end]
        tail = hostport[end + 1 :]
        if tail and not tail.startswith(":"):
            raise _bad(value, "unexpected text after the IPv6 address")
        _ipv6(value, host)
        return host, tail[1:] if tail else None
    if hostport.count(":") > 1:
        # A bare IPv6 literal such as "::1" or "fe80::1".
        _ipv6(value, hostport)
        return hostport, None
    host, colon, port = hostport.partition(":")
    return host, port if colon else None


def _ipv6(value: str, host: str) -> None:
    try:
        ipaddress.IPv6Address(host.split("%", 1)[0])
    except ValueError:
        raise _bad(value, f"{host!r} is not an IPv6 address") from None


def _check_hostname(value: str, host: str) -> None:
    if ":" in host:
        return  # validated as IPv6 already
    if len(host) > 253:
        raise _bad(value, "host name too long")
    for ch in host:
        if not (ch.isascii() and (ch.isalnum() or ch in "-._~")):
            raise _bad(value, f"character {ch!r} is not allowed in a host name")
