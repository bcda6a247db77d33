"""What the /v1 compatibility routes share: the adapter base, running a native handler, Go map order.

Real Ollama serves ``/v1/*`` with gin middleware in front of the native handlers: the middleware binds
the OpenAI or Anthropic request, converts it to a native request body, swaps the response writer and
calls the native handler, whose every write is decoded and re-encoded in the other protocol. The test
server does the same: a route here converts the request, sets :attr:`Exchange.adapter` and calls the
native handler of ``_routes_*``, so one fake model answers both protocols. The native checks, model
lookup, error messages and statuses therefore hold unchanged; only their shape changes.

Where the test server differs from Ollama:

* Built-in web search (the Responses ``{"type": "web_search"}`` tool, Anthropic ``web_search_*`` tools)
  is refused with 400 ``the test server does not run the built-in web_search tool``: Ollama runs those
  searches itself through ollama.com.
* Explicit cloud models (``:cloud`` / ``-cloud`` tags) answer 401 ``unauthorized`` in the protocol's error
  shape: Ollama passes those requests on to ollama.com unchanged, and the test server is never signed in.
* ``POST /v1/audio/transcriptions`` is not served (404), and zstd-compressed request bodies
  (``Content-Encoding: zstd``) are not decompressed.
* Anthropic's first ``input_tokens`` estimate counts each tool's ``input_schema`` as compact JSON;
  Ollama counts the bytes as received (spaces included).
* Headers: no ``Connection: keep-alive`` on the streams (the connection handling is the server's own).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from typing import Final

from ._app import App, Handler
from ._compat_bind import Struct, bind_body
from ._exchange import Exchange, StreamError
from ._gojson import go_dumps
from ._goscan import GoJSONError
from ._sse import SSE

__all__ = ["Compat", "ErrorShape", "bind", "go_map", "run_native", "send_error", "unix_seconds"]

_STAMP: Final = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|([+-])(\d\d):(\d\d))")


def unix_seconds(stamp: object) -> int:
    """``time.Time.Unix()`` of an RFC 3339 timestamp from a native answer (0 for Go's zero time)."""
    match = _STAMP.fullmatch(stamp) if isinstance(stamp, str) else None
    if match is None:
        return -62135596800  # what Go's zero time.Time gives
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    seconds = calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))
    if match.group(7) != "Z":
        offset = int(match.group(9)) * 3600 + int(match.group(10)) * 60
        seconds -= offset if match.group(8) == "+" else -offset
    return seconds


def go_map(value: object) -> object:
    """A decoded JSON value as ``json.Marshal`` prints a Go ``map[string]any``: keys sorted, deeply."""
    if isinstance(value, Mapping):
        return {key: go_map(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [go_map(item) for item in value]
    return value


class Compat(SSE):
    """A /v1 adapter: converts the native handler's answers, and frames its stream as SSE.

    Subclasses give the protocol's error body, the non-streamed conversion and the stream conversion of
    one native chunk (stateful, in order). A native ``{"error"}`` line after the stream started is
    decoded by Ollama's writers as an all-empty chunk, so it is converted like one.
    """

    relax_thinking = False

    def __init__(self, stream: bool) -> None:
        self.streaming = stream

    # -- the protocol ----------------------------------------------------------------------------------
    def error_body(self, status: int, message: str) -> object:
        raise NotImplementedError

    def single(self, native: Mapping[str, object]) -> object:
        raise NotImplementedError

    def convert(self, native: Mapping[str, object]) -> Iterable[object]:
        raise NotImplementedError

    # -- the Adapter interface -------------------------------------------------------------------------
    def fail(self, ex: Exchange, status: int, message: str) -> None:
        send_error(ex, self.error_body, status, message)

    def json(self, ex: Exchange, status: int, obj: object) -> None:
        native = obj if isinstance(obj, Mapping) else {}
        if status != 200:
            # api.StatusError: the "error" key is the message ("Status" is never set by the handlers).
            error = native.get("error")
            message = error if isinstance(error, str) and error else _NO_MESSAGE
            self.fail(ex, status, message)
        elif self.streaming:
            # A single native object while streaming (a load answer): its events, written at once.
            body = b"".join(self.encode(item) for item in self.convert(native))
            ex.send(200, body, self.content_type, self.headers)
        else:
            ex.write_json(200, self.single(native), "application/json", newline=True)

    def stream(self, ex: Exchange, events: Iterator[object]) -> None:
        first = next(events, None)
        if isinstance(first, StreamError):
            self.fail(ex, first.status, first.message)
            return
        items = self._items(chain([first] if first is not None else [], events))
        head = next(items, None)
        if head is None:
            ex.send(200, b"", self.content_type, self.headers)
            return
        ex.write_stream(head, items, self)

    def _items(self, events: Iterator[object]) -> Iterator[object]:
        for event in events:
            if isinstance(event, StreamError):
                yield from self.convert({})
                return
            yield from self.convert(event if isinstance(event, Mapping) else {})

    def error(self, message: str | None) -> bytes:
        """An error line injected mid-stream: what Ollama's writer makes of ``{"error": ...}``."""
        return b"".join(self.encode(item) for item in self.convert({}))


_NO_MESSAGE: Final = "something went wrong, please see the ollama server logs for details"
ErrorShape = Callable[[int, str], object]


def send_error(ex: Exchange, shape: ErrorShape, status: int, message: str) -> None:
    """An error in the protocol's shape; Ollama's middleware encodes it with a trailing newline."""
    ex.write_json(status, shape(status, message), "application/json", newline=True)


def bind(ex: Exchange, struct: Struct, shape: ErrorShape) -> dict[str, object] | None:
    """The /v1 body bound onto ``struct``, or None after answering 400 with Go's message."""
    try:
        return bind_body(ex.body, struct)
    except GoJSONError as exc:
        send_error(ex, shape, 400, str(exc))
        return None


def run_native(
    app: App, ex: Exchange, adapter: Compat, native: Mapping[str, object], handler: Handler
) -> None:
    """Hand the converted request to a native handler whose answers go through ``adapter``."""
    ex.body = go_dumps(native).encode()
    ex.adapter = adapter
    handler(app, ex)
