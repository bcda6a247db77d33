"""Request dispatch: gin-like routing (404/405/trailing-slash redirect), the request log, early faults."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPMethod
from typing import Final

from ollixir_api.api import operation

from ._account import AccountState
from ._catalogue import FakeRecommendation
from ._cors import CorsPolicy
from ._exchange import Exchange, Tracker
from ._faults import PRE_KINDS, FaultKind, Faults, RecordedRequest
from ._gobind import bind_request
from ._gojson import go_dumps, go_time
from ._goscan import GoJSONError, decode_first_value
from ._host_guard import HostGuard
from ._state import ServerState

__all__ = ["ERROR_SHAPES", "App", "Config", "Handler", "gin_path", "operation_route", "route", "routes"]

Handler = Callable[["App", Exchange], None]
_EXACT: dict[str, dict[str, Handler]] = {}
_PARAM: dict[str, dict[str, Handler]] = {}  # prefix ending in "/" -> one trailing path segment
_ROUTES: list[tuple[HTTPMethod, str]] = []
# Handlers of raw (octet-stream) uploads: they stream and record the body themselves.
_OWN_BODY: set[Handler] = set()
# Path prefix -> the error body of another protocol (the /v1 routes); the longest prefix wins.
ERROR_SHAPES: dict[str, Callable[[int, str], object]] = {}


def route(method: HTTPMethod, path: str) -> Callable[[Handler], Handler]:
    """Register a handler for a route openapi.yaml does not describe (the /v1 compatibility layer).

    ``/prefix/:param`` routes (gin's spelling) take one non-empty path segment, found in ``ex.param``.
    """

    def register(fn: Handler) -> Handler:
        table = (
            _PARAM.setdefault(path[: path.index(":")], {}) if "/:" in path else _EXACT.setdefault(path, {})
        )
        if method in table:
            raise ValueError(f"{method} {path} is registered twice")
        table[method] = fn
        _ROUTES.append((method, path))
        return fn

    return register


def operation_route(operation_id: str) -> Callable[[Handler], Handler]:
    """Register a handler for an operation of openapi.yaml: its method and path come from the
    generated operation table, the same descriptors the client builds its requests from."""
    op = operation(operation_id)
    registered = route(HTTPMethod(op.method), gin_path(op.path))

    def register(fn: Handler) -> Handler:
        registered(fn)
        if op.request_media == "octet-stream":
            _OWN_BODY.add(fn)  # a raw upload: the handler streams it rather than holding it
        return fn

    return register


def gin_path(path: str) -> str:
    """An OpenAPI path in gin's spelling: ``/api/blobs/{digest}`` -> ``/api/blobs/:digest``."""
    return "/".join(f":{part[1:-1]}" if part.startswith("{") else part for part in path.split("/"))


def routes() -> list[tuple[HTTPMethod, str]]:
    """Every registered route as (method, gin path), in registration order."""
    return list(_ROUTES)


def _match(path: str) -> tuple[dict[str, Handler], str] | None:
    table = _EXACT.get(path)
    if table is not None:
        return table, ""
    for prefix, params in _PARAM.items():
        rest = path[len(prefix) :]
        if path.startswith(prefix) and rest and "/" not in rest:
            return params, rest
    return None


@dataclass
class Config:
    api_key: str
    version: str
    offset_seconds: int
    registry_user: str
    cloud_url: str = ""  # where the experimental web proxy sends its calls; the server itself by default
    recommendations: tuple[FakeRecommendation, ...] = ()


_NOT_FOUND: Final = b"404 page not found"
_NOT_ALLOWED: Final = b"405 method not allowed"


class App:
    """Everything a route handler needs: state, config, the request log and faults."""

    def __init__(
        self,
        state: ServerState,
        faults: Faults,
        config: Config,
        cors: CorsPolicy,
        account: AccountState | None = None,
    ) -> None:
        self.state = state
        self.faults = faults
        self.config = config
        self.cors = cors
        self.host_guard = HostGuard("")  # inactive until the server knows its bound address
        self.account = account if account is not None else AccountState(None, True, None)
        self.tracker: Tracker | None = None
        self._log_lock = threading.Lock()
        self.requests: list[RecordedRequest] = []

    # -- time ------------------------------------------------------------------------------------------
    @staticmethod
    def created_at() -> str:
        return go_time(time.time_ns(), 0)

    def local_time(self, ns: int) -> str:
        return go_time(ns, self.config.offset_seconds)

    # -- log -------------------------------------------------------------------------------------------
    def record(self, ex: Exchange, body: bytes | None, size: int | None = None) -> None:
        parsed: object | None = None
        if body:
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = None
        headers: dict[str, str] = {}
        for key, value in ex.headers.items():
            lower = key.lower()
            headers[lower] = f"{headers[lower]}, {value}" if lower in headers else value
        entry = RecordedRequest(
            ex.method, ex.path, ex.query, headers, parsed, size if size is not None else len(body or b"")
        )
        ex.entry = entry
        with self._log_lock:
            self.requests.append(entry)

    def clear_log(self) -> None:
        with self._log_lock:
            self.requests.clear()

    # -- request body helpers --------------------------------------------------------------------------
    def bind(self, ex: Exchange, struct: str) -> dict[str, object] | None:
        """Decode the body onto ``api.<struct>``; on failure answer 400 and return None."""
        try:
            return bind_request(decode_first_value(ex.body), struct)
        except GoJSONError as exc:
            ex.send_error(400, "missing request body" if exc.eof else str(exc))
            return None

    # -- dispatch --------------------------------------------------------------------------------------
    def dispatch(self, ex: Exchange) -> None:
        # gin redirects a trailing slash before any middleware runs; everything else passes the
        # server's middleware (CORS, then the Host guard) first, even unknown paths.
        redirected = _match(ex.path) is None and _redirect_location(ex) is not None
        if not redirected and not self._middleware(ex):
            return
        for fault in self.faults.take(PRE_KINDS, ex.method, ex.path):
            if fault.kind is FaultKind.DELAY_HEADERS:
                if not ex.wait(fault.delay):
                    return
                continue
            self.record(ex, None, ex.discard_body())
            if fault.kind is FaultKind.CLOSE_BEFORE_HEADERS:
                ex.abort()
            elif fault.kind is FaultKind.ERROR_BODY:
                ex.send_error(200, fault.message or "error")
            else:
                _send_fault(ex, fault.status, fault.message or "", fault.body, fault.retry_after)
            return
        matched = _match(ex.path)
        if matched is None:
            self._unrouted(ex)
            return
        table, param = matched
        handler = table.get(ex.method)
        if handler is None:
            self.record(ex, None, ex.content_length or 0)
            allowed = ", ".join(sorted(table))
            ex.send(405, _NOT_ALLOWED, "text/plain", [("Allow", allowed)])
            return
        ex.param = param
        if handler in _OWN_BODY:
            handler(self, ex)
            return
        ex.body = ex.read_body()
        self.record(ex, ex.body)
        handler(self, ex)

    def _middleware(self, ex: Exchange) -> bool:
        """CORS and the Host guard; False when they answered the request themselves."""
        host = ex.headers.get("Host", "")
        decision = self.cors.decide(ex.method, ex.headers.get("Origin"), host)
        ex.extra_headers.extend(decision.headers)
        status = decision.status
        if status is None:
            verdict = self.host_guard.verdict(host, ex.method)
            status = None if verdict == "pass" else 403 if verdict == "forbid" else 204
        if status is None:
            return True
        self.record(ex, None, ex.content_length or 0)
        ex.send(status)
        return False

    def _unrouted(self, ex: Exchange) -> None:
        self.record(ex, None, ex.content_length or 0)
        location = _redirect_location(ex)
        if location is not None:
            if ex.method == HTTPMethod.GET:
                body = f'<a href="{location}">Moved Permanently</a>.\n\n'.encode()
                ex.send(301, body, "text/html; charset=utf-8", [("Location", location)])
            else:
                content_type = "text/html; charset=utf-8" if ex.method == HTTPMethod.HEAD else None
                ex.send(307, b"", content_type, [("Location", location)])
            return
        ex.send(404, _NOT_FOUND, "text/plain")


def _redirect_location(ex: Exchange) -> str | None:
    """Where gin's trailing-slash redirect sends an unrouted request, if anywhere."""
    if ex.path.endswith("/") and len(ex.path) > 1:
        target = _match(ex.path[:-1])
        if target is not None and ex.method in target[0]:
            return ex.raw_path[:-1] + (f"?{ex.query}" if ex.query else "")
    return None


def _send_fault(ex: Exchange, status: int, message: str, body: str, retry_after: str | None) -> None:
    headers = [("Retry-After", retry_after)] if retry_after is not None else []
    shape = max((p for p in ERROR_SHAPES if ex.path.startswith(p)), key=len, default=None)
    if body == "json" and shape is not None:
        error = go_dumps(ERROR_SHAPES[shape](status, message)) + "\n"
        ex.send(status, error.encode(), "application/json", headers)
    elif body == "json":
        ex.send(status, go_dumps({"error": message}).encode(), "application/json; charset=utf-8", headers)
    elif body == "text":
        ex.send(status, message.encode(), "text/plain; charset=utf-8", headers)
    else:
        ex.send(status, b"", None, headers)
