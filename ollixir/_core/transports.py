"""Optional transports.

httpx's own asyncio transport spends a few milliseconds of CPU per request once hundreds are in
flight; driving httpx with aiohttp's connection handling (the ``httpx-aiohttp`` package) cuts that
by an order of magnitude (bench/README.md). It stays opt-in: it adds aiohttp to the dependency
tree, and error texts come from aiohttp. The public API is unchanged: it is an ordinary
``httpx.AsyncBaseTransport``.
"""

from __future__ import annotations

from typing import Any

import httpx

from .._errors import RequestError

__all__ = ["aiohttp_transport"]


def aiohttp_transport(**kwargs: Any) -> httpx.AsyncBaseTransport:
    """An ``httpx`` async transport backed by aiohttp, for many concurrent calls::

        client = ollixir.init_async(transport=ollixir.aiohttp_transport())

    Needs the ``aiohttp`` extra (``pip install "ollixir[aiohttp]"``).
    """
    try:
        from httpx_aiohttp import AiohttpTransport
    except ImportError:
        raise RequestError(
            'aiohttp_transport() needs the httpx-aiohttp package: pip install "ollixir[aiohttp]"',
            param="transport",
        ) from None
    transport: httpx.AsyncBaseTransport = AiohttpTransport(**kwargs)
    return transport
