"""Client configuration shared by :class:`Client` and :class:`AsyncClient`: where to connect, which
headers and credentials to send, timeouts, retries and the result format."""

from __future__ import annotations

import ipaddress
import os
import sys
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from .._errors import RequestError
from .._version import __version__
from .host import parse_host
from .options import HeadersLike
from .retry import RetryPolicy

__all__ = ["DEFAULT_TIMEOUT", "Config", "ResponseFormat", "WebRoute", "make_config", "make_timeout"]

ResponseFormat = Literal["typed", "dict"]
# Where web search and fetch go: ollama.com (cloud_url) with the API key, or the configured server's
# experimental proxy, which signs the call with the server's own key (see ollixir._ops.web).
WebRoute = Literal["ollama.com", "local proxy"]

# LLM calls can think for minutes before the first byte and pause between chunks: only connecting
# has a deadline by default.
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=None, write=None, pool=None)
DEFAULT_CLOUD_URL = "https://ollama.com"
USER_AGENT = f"ollixir/{__version__} (Python {sys.version_info.major}.{sys.version_info.minor})"


@dataclass(slots=True)
class Config:
    base_url: str
    headers: dict[str, str]
    cloud_url: str
    timeout: httpx.Timeout
    retry: RetryPolicy | None
    typed: bool
    api_key: str | None = field(default=None, repr=False)
    httpx_kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def web_route(self) -> WebRoute:
        return "ollama.com" if self.api_key else "local proxy"

    def cloud_headers(self, operation: str) -> dict[str, str]:
        if not self.api_key:
            raise RequestError(
                f"{operation} calls ollama.com and needs an API key: pass api_key= or set OLLAMA_API_KEY",
                param="api_key",
            )
        url = urllib.parse.urlsplit(self.cloud_url)
        if url.scheme != "https" and not _is_loopback(url.hostname or ""):
            raise RequestError(
                f"{operation}: refusing to send the API key over plain HTTP to {self.cloud_url}; use https",
                param="cloud_url",
            )
        return {"Authorization": f"Bearer {self.api_key}"}


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_timeout(timeout: object = None, receive_timeout: object = None) -> httpx.Timeout:
    if timeout is not None and receive_timeout is not None:
        raise RequestError(
            "pass either timeout= (seconds) or receive_timeout= (milliseconds), not both", param="timeout"
        )
    if receive_timeout is not None:
        if (
            isinstance(receive_timeout, bool)
            or not isinstance(receive_timeout, int | float)
            or receive_timeout <= 0
        ):
            raise RequestError(
                "receive_timeout must be a positive number of milliseconds", param="receive_timeout"
            )
        return httpx.Timeout(
            connect=DEFAULT_TIMEOUT.connect, read=receive_timeout / 1000, write=None, pool=None
        )
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise RequestError(
            "timeout must be a positive number of seconds or an httpx.Timeout", param="timeout"
        )
    return httpx.Timeout(float(timeout))


def _headers(headers: HeadersLike | None) -> dict[str, str]:
    if headers is None:
        return {}
    items = headers.items() if isinstance(headers, Mapping) else headers
    out: dict[str, str] = {}
    for pair in items:
        try:
            key, value = pair
        except (TypeError, ValueError):
            raise RequestError(
                "headers must be a mapping or a list of (name, value) pairs", param="headers"
            ) from None
        if not isinstance(key, str) or not isinstance(value, str):
            raise RequestError("header names and values must be strings", param="headers")
        out[key] = value
    return out


def make_config(
    target: str | None,
    *,
    host: str | None = None,
    base_url: str | None = None,
    headers: HeadersLike | None = None,
    receive_timeout: float | None = None,
    timeout: float | httpx.Timeout | None = None,
    api_key: str | None = None,
    cloud_url: str | None = None,
    retry: RetryPolicy | bool | None = None,
    response_format: ResponseFormat = "typed",
    **httpx_kwargs: Any,
) -> Config:
    given = [x for x in (target, host, base_url) if x is not None]
    if len(given) > 1:
        raise RequestError(
            "give the server address once: as the first argument, host= or base_url=", param="host"
        )
    address = given[0] if given else os.environ.get("OLLAMA_HOST")
    if response_format not in ("typed", "dict"):
        raise RequestError(
            f"response_format must be 'typed' or 'dict', got {response_format!r}", param="response_format"
        )
    merged = {"User-Agent": USER_AGENT, "Accept": "application/json", "Content-Type": "application/json"}
    user_headers = _headers(headers)
    merged.update(user_headers)
    key = api_key if api_key is not None else os.environ.get("OLLAMA_API_KEY") or None
    if key and not any(k.lower() == "authorization" for k in user_headers):
        merged["Authorization"] = f"Bearer {key}"
    cloud = cloud_url or os.environ.get("OLLAMA_WEB_BASE_URL") or DEFAULT_CLOUD_URL
    parsed_cloud = urllib.parse.urlsplit(cloud)
    if parsed_cloud.scheme not in ("http", "https") or not parsed_cloud.hostname:
        raise RequestError(f"cloud_url {cloud!r} is not an http(s) URL", param="cloud_url")
    if retry is True:
        policy: RetryPolicy | None = RetryPolicy()
    elif retry is False or retry is None:
        policy = None
    elif isinstance(retry, RetryPolicy):
        policy = retry
    else:
        raise RequestError("retry must be a RetryPolicy, True or False", param="retry")
    return Config(
        base_url=parse_host(address),
        headers=merged,
        cloud_url=cloud.rstrip("/"),
        timeout=make_timeout(timeout, receive_timeout),
        retry=policy,
        typed=response_format == "typed",
        api_key=key,
        httpx_kwargs=httpx_kwargs,
    )


class ClientBase:
    """What :class:`~ollixir.Client` and :class:`~ollixir.AsyncClient` share besides their operations."""

    _config: Config
    _view: bool

    @staticmethod
    def _configure(target: object, http_type: type[Any], options: dict[str, Any]) -> tuple[Config, Any]:
        """The configuration, and the caller's own httpx client when ``target`` is one."""
        http = None
        if isinstance(target, http_type):
            http, target = target, (str(target.base_url).rstrip("/") or None)
        return make_config(target, **options), http  # type: ignore[arg-type]

    @property
    def base_url(self) -> str:
        return self._config.base_url

    @property
    def web_route(self) -> WebRoute:
        """Where :meth:`web_search` and :meth:`web_fetch` go: ``"ollama.com"`` (``cloud_url``, with the API
        key) when the client has an API key, else ``"local proxy"`` (the server's
        ``/api/experimental/web_search|web_fetch``, signed with the server's own ollama.com key)."""
        return self._config.web_route

    # -- pickling: the configuration travels, connections do not -----------------------------------

    def _owns_http(self) -> bool:
        raise NotImplementedError

    def _start(self, config: Config, http: Any) -> None:
        """Set the client up on ``config`` (and the caller's httpx client, or None for a new pool)."""
        raise NotImplementedError

    @classmethod
    def _from_config(cls, config: Config) -> Any:
        """A client with this configuration and a fresh connection pool (used by unpickling)."""
        client = cls.__new__(cls)
        client._start(config, None)
        return client

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the configuration only; unpickling builds an equal client with a fresh connection pool.

        This is what lets a client go to worker processes (multiprocessing, Ray). The pickle holds the
        API key, as the client itself does. A client built on your own ``httpx`` client, or given a
        ``transport=``/``mounts=``, cannot be rebuilt elsewhere and refuses to pickle.
        """
        name = type(self).__name__
        if not self._owns_http():
            raise TypeError(
                f"cannot pickle a {name} built on your own httpx client: it cannot be rebuilt in another "
                f"process; build the {name} from a URL and options instead"
            )
        live = sorted(k for k in ("transport", "mounts") if k in self._config.httpx_kwargs)
        if live:
            raise TypeError(
                f"cannot pickle a {name} given {'/'.join(live)}=: a transport holds live connections; "
                "build the client in the worker instead"
            )
        return (_rebuild, (type(self), self._config))

    def __copy__(self) -> Any:
        # copy.copy would otherwise go through __reduce__ and open a new pool; a copy (such as a
        # with_options view) shares this client's executor.
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        return clone

    def __repr__(self) -> str:
        config = self._config
        fmt = "typed" if config.typed else "dict"
        # The web route says where queries go; cloud_url only matters on the ollama.com route.
        web = f"web={config.web_route!r}"
        if config.web_route == "ollama.com":
            web += f", cloud_url={config.cloud_url!r}"
        return f"{type(self).__name__}(base_url={config.base_url!r}, {web}, response_format={fmt!r})"


def _rebuild(cls: type[ClientBase], config: Config) -> Any:
    return cls._from_config(config)
