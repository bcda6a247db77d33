"""Helpers shared by the operation builders in ``_ops_inference`` and ``_ops_models``."""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

from ollixir_api.types import ShapeError

from .._core.call import raise_error_object, read_json
from .._core.jsonbody import JsonStream, encode_body
from .._errors import ProtocolError, RequestError, malformed_field
from . import validate as v

__all__ = [
    "encode",
    "endpoint",
    "hints_since",
    "identity",
    "model_name",
    "plain_json",
    "reader",
    "spans_reader",
    "true",
    "with_extra",
]


def encode(body: dict[str, Any]) -> bytes | JsonStream:
    return encode_body(body)


def identity(x: dict[str, Any]) -> dict[str, Any]:
    return x


def reader(operation: str, parse: Callable[[dict[str, Any]], Any]) -> Callable[[int, bytes], Any]:
    def read(status: int, body: bytes) -> Any:
        data = read_json(operation, status, body)
        if type(data) is not dict:
            raise ProtocolError(
                f"expected a JSON object, got {type(data).__name__}", status=status, operation=operation
            )
        try:
            return parse(data)
        except ShapeError as exc:
            raise malformed_field(operation, exc.path, exc.cause, status=status) from exc

    return read


def spans_reader(
    operation: str, parse: Callable[[dict[str, Any], str, dict[str, tuple[int, int]]], Any]
) -> Callable[[int, bytes], Any]:
    """:func:`reader` for a ``parse`` that also gets the JSON text and each top-level member's span in
    it (``_core.jsonspans``). Answers that are not plain objects take :func:`reader`'s path, with
    ``parse``'s spans empty."""
    from .._core.jsonspans import decode_object

    def fallback(data: dict[str, Any]) -> Any:
        return parse(data, "", {})

    plain = reader(operation, fallback)

    def read(status: int, body: bytes) -> Any:
        try:
            text = body.decode()
        except UnicodeDecodeError:
            return plain(status, body)
        decoded = decode_object(text)
        if decoded is None:
            return plain(status, body)
        data, spans = decoded
        raise_error_object(operation, status, body, data)
        try:
            return parse(data, text, spans)
        except ShapeError as exc:
            raise malformed_field(operation, exc.path, exc.cause, status=status) from exc

    return read


def true(status: int, body: bytes) -> bool:
    return True


def model_name(model: object, name: object, param: str = "model") -> str:
    # The seed (and old servers) say name=; the server now reads model. Accept both, send model.
    if model is not None and name is not None and model != name:
        raise RequestError("pass either model= or name=, not both", param=param)
    return v.check_model(model if model is not None else name, param)


def plain_json(value: object) -> object:
    """Mappings as dicts and sequences as lists, for a value sent as given."""
    if isinstance(value, Mapping):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(v) for v in value]
    return value


def with_extra(operation: str, request: Any, extra: Mapping[str, object]) -> dict[str, Any]:
    """The request's JSON body plus the fields its builder does not handle itself.

    The client methods are generated from openapi.yaml, so a field added to the spec reaches a builder
    before anyone teaches it that field: it is sent as given (mappings and sequences as JSON objects and
    arrays), once the generated request model accepts the whole body.
    """
    body: dict[str, Any] = request.to_dict()
    given = {key: plain_json(value) for key, value in extra.items() if value is not None}
    if not given:
        return body
    body.update(given)
    try:
        type(request).from_dict(body)
    except Exception as exc:  # the generated model's complaint, whatever its type
        param = next(iter(given))
        raise RequestError(f"{operation}: {exc}", param=param) from None
    return body


_ENDPOINTS: dict[str, tuple[str, str]] = {}


def endpoint(operation_id: str, **path_params: str) -> tuple[str, str]:
    """``(HTTP method, path)`` of an operation of openapi.yaml, from the generated operation table, with
    its path parameters filled in (``endpoint("check_blob", digest=...)``)."""
    known = _ENDPOINTS.get(operation_id)
    if known is None:
        # Only this operation's descriptor module: the whole table would cost a first call more.
        from ollixir_api.api import operation

        op = operation(operation_id)
        known = _ENDPOINTS[operation_id] = (op.method, op.path)
    method, path = known
    for name, value in path_params.items():
        # The server routes on the decoded path; a digest's colon goes raw, as Ollama's own clients send it.
        path = path.replace("{" + name + "}", urllib.parse.quote(value, safe=":"))
    return method, path


def hints_since(operation_id: str, version: str) -> dict[int, str]:
    """Error hints (``Call.hints``) for an operation Ollama added in ``version``: a 404 from an older
    server (a router's "404 page not found") says what the route needs."""
    method, path = endpoint(operation_id)
    return {404: f"this server has no {method} {path}; it needs Ollama {version} or later"}
