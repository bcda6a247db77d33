"""The generated operation table (``ollixir_api.api.OPERATIONS``) says what openapi.yaml says: every
operation, with its method, path, models, statuses and cloud flag. The spec is parsed here directly,
independently of the generator."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from ollixir_api import Operation, models
from ollixir_api.api import OPERATIONS

SPEC: dict[str, Any] = yaml.safe_load((Path(__file__).resolve().parent.parent / "openapi.yaml").read_text())
METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _resolve(obj: dict[str, Any]) -> dict[str, Any]:
    ref = obj.get("$ref")
    if ref is None:
        return obj
    target: Any = SPEC
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return _resolve(target)


def _schema_name(media: dict[str, Any] | None) -> str | None:
    """The model a body's schema generates: a named schema, unless it is just ``null``."""
    if media is None or "schema" not in media or "$ref" not in media["schema"]:
        return None
    if _resolve(media["schema"]).get("type") == "null":
        return None
    return str(media["schema"]["$ref"].rsplit("/", 1)[1])


def _expected() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path, item in SPEC["paths"].items():
        shared_params = item.get("parameters", [])
        for method, op in item.items():
            if method not in METHODS:
                continue
            params = [_resolve(p) for p in shared_params + op.get("parameters", [])]
            body = op.get("requestBody")
            content = _resolve(body)["content"] if body else {}
            if "application/json" in content:
                media, request_model = "json", _schema_name(content["application/json"])
            elif "application/octet-stream" in content:
                media, request_model = "octet-stream", None
            else:
                media, request_model = "none", None
            statuses = {int(code): _resolve(r) for code, r in op["responses"].items()}
            ok = sorted(code for code in statuses if 200 <= code < 300)
            response_model = stream_model = None
            for code in ok:
                answer = statuses[code].get("content", {})
                response_model = response_model or _schema_name(answer.get("application/json"))
                stream_model = stream_model or _schema_name(answer.get("application/x-ndjson"))
            out[_snake(op["operationId"])] = {
                "tag": op["tags"][0],
                "method": method.upper(),
                "path": path,
                "path_params": tuple(p["name"] for p in params if p["in"] == "path"),
                "request_model": request_model,
                "request_media": media,
                "response_model": response_model,
                "stream_model": stream_model,
                "success": tuple(ok),
                "not_found": tuple(code for code in sorted(statuses) if code == 404),
                "errors": tuple(code for code in sorted(statuses) if code >= 300 and code != 404),
                "cloud": bool(op.get("servers")) or bool(op.get("security")),
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
            }
    return out


EXPECTED = _expected()


def test_every_operation_and_nothing_else() -> None:
    assert sorted(OPERATIONS) == sorted(EXPECTED)
    assert len(OPERATIONS) >= 17  # every operation of the spec, not only the client's


@pytest.mark.parametrize("operation_id", sorted(EXPECTED))
def test_descriptor_matches_the_spec(operation_id: str) -> None:
    op = OPERATIONS[operation_id]
    assert isinstance(op, Operation)
    assert op.operation_id == operation_id
    actual = {key: getattr(op, key) for key in EXPECTED[operation_id]}
    assert actual == EXPECTED[operation_id]


def test_well_known_entries() -> None:
    # Spot checks that do not go through the spec parser above, so a bug shared by both would show.
    chat = OPERATIONS["chat"]
    assert (chat.method, chat.path, chat.request_model, chat.response_model, chat.stream_model) == (
        "POST",
        "/api/chat",
        "ChatRequest",
        "ChatResponse",
        "ChatStreamChunk",
    )
    assert chat.not_found == (404,) and 400 in chat.errors and not chat.cloud
    listing = OPERATIONS["list_models"]
    assert (listing.method, listing.request_media, listing.request_model, listing.stream_model) == (
        "GET",
        "none",
        None,
        None,
    )
    blob = OPERATIONS["create_blob"]
    assert (blob.path, blob.path_params, blob.request_media, blob.success) == (
        "/api/blobs/{digest}",
        ("digest",),
        "octet-stream",
        (200, 201),
    )
    assert OPERATIONS["check_blob"].method == "HEAD" and OPERATIONS["check_blob"].not_found == (404,)
    assert OPERATIONS["web_search"].cloud and OPERATIONS["web_fetch"].cloud
    assert OPERATIONS["pull_model"].stream_model == "ProgressResponse"


def test_model_accessors_resolve_the_generated_classes() -> None:
    chat: Operation[Any, Any, Any] = OPERATIONS["chat"]
    assert chat.request_type() is models.ChatRequest
    assert chat.response_type() is models.ChatResponse
    assert chat.chunk_type() is models.ChatStreamChunk
    for op in OPERATIONS.values():
        for name, accessor in (
            (op.request_model, op.request_type),
            (op.response_model, op.response_type),
            (op.stream_model, op.chunk_type),
        ):
            if name is None:
                with pytest.raises(LookupError, match=op.operation_id):
                    accessor()
            else:
                assert accessor() is getattr(models, name)


def test_the_accessors_are_typed() -> None:
    # Per-operation modules carry the model types, so the accessor's result type-checks as the class.
    from ollixir_api.api.inference.chat import OPERATION

    response: type[models.ChatResponse] = OPERATION.response_type()
    assert response is models.ChatResponse


def test_descriptors_are_frozen_values() -> None:
    chat = OPERATIONS["chat"]
    with pytest.raises(AttributeError, match="frozen"):
        chat.path = "/elsewhere"
    with pytest.raises(TypeError):
        OPERATIONS["x"] = chat  # type: ignore[index]
    from ollixir_api.api import operation

    assert operation("chat") is chat and operation("chat") == chat and hash(chat) == hash(operation("chat"))
    assert repr(chat) == "Operation('chat', POST /api/chat)"
