"""Any operation of openapi.yaml by its id, built from the generated operation table alone.

``client.request("server_status")`` makes an operation callable the moment ``scripts/generate`` has put
it in the table, before a named method exists for it. The fields go in the JSON body (path parameters
into the path), checked by the generated request model before any traffic; the answer is the response
model (or a dict in dict mode), the text of a non-JSON answer, or None for an empty one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.call import Call
from .._errors import RequestError
from .base import encode, endpoint, identity, plain_json, reader

__all__ = ["request"]


def request(typed: bool, operation_id: object, fields: Mapping[str, object]) -> Call:
    from ollixir_api.api import OPERATIONS

    if not isinstance(operation_id, str) or operation_id not in OPERATIONS:
        known = ", ".join(sorted(OPERATIONS))
        raise RequestError(f"unknown operation {operation_id!r}; the spec has: {known}", param="operation_id")
    op = OPERATIONS[operation_id]
    given = {key: value for key, value in fields.items() if value is not None}
    path: dict[str, str] = {}
    for name in op.path_params:
        value = given.pop(name, None)
        if not isinstance(value, str) or not value:
            raise RequestError(f"{operation_id} needs {name}= (a path parameter)", param=name)
        path[name] = value
    body = None
    if op.request_model is not None and op.request_media == "json":
        data = {key: plain_json(value) for key, value in given.items()}
        model = op.request_type()
        if "stream" in getattr(model, "__annotations__", {}):
            data["stream"] = False  # streaming answers come through the named methods
        try:
            model.from_dict(data)
        except Exception as exc:  # the generated model's complaint, whatever its type
            raise RequestError(f"{operation_id}: {exc}", param=next(iter(given), "fields")) from None
        body = encode(data)
    elif given:
        raise RequestError(f"{operation_id} takes no fields, got {sorted(given)}", param=next(iter(given)))

    if op.response_model is not None:
        read = reader(operation_id, op.response_type().from_dict if typed else identity)
    else:

        def read(status: int, content: bytes) -> Any:
            return content.decode("utf-8", "replace") if content else None

    return Call(operation_id, *endpoint(operation_id, **path), body=body, read=read, cloud=op.cloud)
