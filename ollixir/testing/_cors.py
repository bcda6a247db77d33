"""Cross-origin checks as the Ollama server configures gin-contrib/cors (v1.7.2).

Allowed origins are the configured ones (``OLLAMA_ORIGINS``, a comma list) followed by the built-in
list :data:`BUILTIN_ORIGINS`. An origin entry containing ``*`` is a wildcard: ``*`` stands for any text
(one ``*`` per entry; a lone ``"*"`` allows every origin). Other entries must start with ``http://``,
``https://`` or a browser-extension scheme, or the server refuses to start.

A request is affected only when it carries an ``Origin`` header that differs from ``http://<Host>`` and
``https://<Host>``:

* an origin that is not allowed gets **403** with an empty body, whatever the method or path;
* ``OPTIONS`` (a preflight) gets **204** with ``Access-Control-Allow-Methods``, ``-Headers``,
  ``-Max-Age`` and ``Vary`` (whether or not the path exists);
* any other method goes on to the route, and its answer carries ``Access-Control-Allow-Origin``
  (the request's origin echoed, or ``*`` when every origin is allowed) and ``Vary: Origin``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http import HTTPMethod
from typing import Final

__all__ = [
    "ALLOW_HEADERS",
    "ALLOW_METHODS",
    "BUILTIN_ORIGINS",
    "CorsDecision",
    "CorsPolicy",
    "origins_from_env",
]


def _builtin_origins() -> tuple[str, ...]:
    origins: list[str] = []
    for host in ("localhost", "127.0.0.1", "0.0.0.0"):
        origins += [f"http://{host}", f"https://{host}", f"http://{host}:*", f"https://{host}:*"]
    return (*origins, "app://*", "file://*", "tauri://*", "vscode-webview://*", "vscode-file://*")


BUILTIN_ORIGINS: Final = _builtin_origins()
"""Origins every server allows, after the configured ones (``envconfig.AllowedOrigins``)."""

# The server's configuration: gin-contrib's default methods, Ollama's own header list, 12 h max age.
_METHODS: Final = (
    HTTPMethod.GET,
    HTTPMethod.POST,
    HTTPMethod.PUT,
    HTTPMethod.PATCH,
    HTTPMethod.DELETE,
    HTTPMethod.HEAD,
    HTTPMethod.OPTIONS,
)
_HEADERS: Final = (
    "Authorization",
    "Content-Type",
    "User-Agent",
    "Accept",
    "X-Requested-With",
    "OpenAI-Beta",
    "x-stainless-arch",
    "x-stainless-async",
    "x-stainless-custom-poll-interval",
    "x-stainless-helper-method",
    "x-stainless-lang",
    "x-stainless-os",
    "x-stainless-package-version",
    "x-stainless-poll-helper",
    "x-stainless-retry-count",
    "x-stainless-runtime",
    "x-stainless-runtime-version",
    "x-stainless-timeout",
)
_MAX_AGE: Final = str(12 * 3600)
# Schemes an origin without "*" must start with (gin-contrib's defaults plus browser extensions).
_SCHEMES: Final = (
    "http://",
    "https://",
    "chrome-extension://",
    "safari-extension://",
    "moz-extension://",
    "ms-browser-extension://",
)


def _canonical_header(name: str) -> str:
    # Go's http.CanonicalHeaderKey on a lower-cased name: every hyphen-separated word capitalised.
    return "-".join(part[:1].upper() + part[1:] for part in name.lower().split("-"))


ALLOW_METHODS: Final = ",".join(_METHODS)
"""The ``Access-Control-Allow-Methods`` value of a preflight answer."""
ALLOW_HEADERS: Final = ",".join(_canonical_header(h) for h in _HEADERS)
"""The ``Access-Control-Allow-Headers`` value of a preflight answer."""


def origins_from_env(environ: Mapping[str, str] | None = None) -> list[str]:
    """The extra origins ``OLLAMA_ORIGINS`` names: the value trimmed of blanks and quotes, split on ``,``.

    Entries are not trimmed one by one (the server does not either), so ``"a, b"`` yields ``" b"``, which
    the server then refuses.
    """
    env = os.environ if environ is None else environ
    value = env.get("OLLAMA_ORIGINS", "").strip().strip("\"'")
    return value.split(",") if value else []


@dataclass(frozen=True)
class CorsDecision:
    """What the CORS middleware does with one request.

    ``status`` None lets the request go on (with ``headers`` added to its answer); otherwise the answer is
    ``status`` with an empty body and ``headers``.
    """

    status: int | None
    headers: tuple[tuple[str, str], ...] = ()


_PASS: Final = CorsDecision(None)


class CorsPolicy:
    """The allowed origins of one server; raises ValueError for an origin the server would refuse."""

    def __init__(self, extra_origins: Sequence[str]) -> None:
        configured = [*extra_origins, *BUILTIN_ORIGINS]
        for origin in configured:
            if not isinstance(origin, str):
                raise TypeError(f"origins must be strings, got {origin!r}")
            if "*" not in origin and not origin.startswith(_SCHEMES):
                raise ValueError(
                    f"bad origin {origin!r}: origins must contain '*' or start with one of "
                    + ", ".join(_SCHEMES)
                )
            if origin.count("*") > 1:
                raise ValueError(f"bad origin {origin!r}: only one * is allowed")
        self.origins: tuple[str, ...] = tuple(configured)
        self.allow_all = "*" in configured
        # Exact entries are compared trimmed and lower-cased; the request's Origin is compared as sent.
        self._exact = frozenset(o.strip().lower() for o in configured)
        self._wildcards = [tuple(o.split("*", 1)) for o in configured if "*" in o]

    def allows(self, origin: str) -> bool:
        if self.allow_all or origin in self._exact:
            return True
        for prefix, suffix in self._wildcards:
            # Prefix and suffix may overlap, as in gin-contrib's HasPrefix && HasSuffix test.
            if origin.startswith(prefix) and origin.endswith(suffix):
                return True
        return False

    def decide(self, method: str, origin: str | None, host: str) -> CorsDecision:
        if not origin or origin in (f"http://{host}", f"https://{host}"):
            return _PASS  # not a cross-origin request
        if not self.allows(origin):
            return CorsDecision(403)
        if self.allow_all:
            echo: list[tuple[str, str]] = [("Access-Control-Allow-Origin", "*")]
            vary: list[tuple[str, str]] = []
        else:
            echo = [("Access-Control-Allow-Origin", origin)]
            vary = [("Vary", "Origin")]
        if method == HTTPMethod.OPTIONS:
            preflight = [
                ("Access-Control-Allow-Headers", ALLOW_HEADERS),
                ("Access-Control-Allow-Methods", ALLOW_METHODS),
                *echo,
                ("Access-Control-Max-Age", _MAX_AGE),
            ]
            if vary:
                preflight += [
                    ("Vary", "Origin"),
                    ("Vary", "Access-Control-Request-Method"),
                    ("Vary", "Access-Control-Request-Headers"),
                ]
            return CorsDecision(204, tuple(preflight))
        return CorsDecision(None, (*echo, *vary))
