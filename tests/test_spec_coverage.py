"""openapi.yaml covers every endpoint and every field that ollama-api.md names.

The contract is the hand-written tables in spec_coverage_table.py. Deleting an endpoint, a field, a
documented status or a required/nullable flag from the spec fails a test here; so does adding a
field without listing it.
"""

from collections.abc import Iterable

import pytest

from tests.spec_coverage_table import (
    DATE_TIMES,
    ENDPOINTS,
    NULL_BODIES,
    NULLABLE,
    OPERATION_IDS,
    REQUIRED,
    STREAMING,
    TEXT_BODIES,
)
from tests.spec_walk import (
    Schema,
    field_paths,
    find,
    load_spec,
    members,
    operation,
    operations,
    reachable,
    request_schema,
    resolve,
    response,
    response_schema,
    with_parents,
)

SPEC = load_spec()


def _op(key: tuple[str, str]) -> Schema:
    op = operation(SPEC, *key)
    assert op is not None, f"{key[0]} {key[1]} is missing from openapi.yaml"
    return op


def _bodies(key: tuple[str, str]) -> list[tuple[str, Schema]]:
    op = _op(key)
    if key in NULL_BODIES:
        return []  # checked by test_null_and_text_bodies
    found = [
        (m, s)
        for m in ("application/json", "application/x-ndjson")
        if (s := response_schema(SPEC, op, "200", m))
    ]
    if key in STREAMING:
        assert [m for m, _ in found] == ["application/json", "application/x-ndjson"], key
    return found


def _ids(keys: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{m} {p}" for m, p in keys]


def test_every_endpoint_and_nothing_else() -> None:
    assert {(m, p) for m, p, _ in operations(SPEC)} == set(ENDPOINTS)


@pytest.mark.parametrize("key", list(ENDPOINTS), ids=_ids(ENDPOINTS))
def test_request_fields(key: tuple[str, str]) -> None:
    expected = ENDPOINTS[key]["request"]
    schema = request_schema(SPEC, _op(key))
    if not expected:
        return
    assert schema is not None, f"{key}: no application/json request body"
    missing = [path for path in expected if find(SPEC, schema, path) is None]
    assert missing == []
    assert field_paths(SPEC, schema) <= with_parents(set(expected)), "field not in the coverage table"


@pytest.mark.parametrize("key", list(ENDPOINTS), ids=_ids(ENDPOINTS))
def test_response_fields(key: tuple[str, str]) -> None:
    expected = ENDPOINTS[key]["response"]
    bodies = _bodies(key)
    assert bool(bodies) == bool(expected), f"{key}: 200 body presence"
    for media_type, schema in bodies:
        missing = [path for path in expected if find(SPEC, schema, path) is None]
        assert missing == [], media_type
        assert field_paths(SPEC, schema) <= with_parents(set(expected)), media_type


@pytest.mark.parametrize("key", list(ENDPOINTS), ids=_ids(ENDPOINTS))
def test_documented_statuses_and_error_bodies(key: tuple[str, str]) -> None:
    op = _op(key)
    assert sorted(op["responses"]) == ENDPOINTS[key]["statuses"]
    for status in op["responses"]:
        if status.startswith(("4", "5")) and key[0] != "HEAD":
            schema = response_schema(SPEC, op, status, "application/json")
            assert schema is not None, f"{key} {status}: JSON error body expected"
            assert resolve(SPEC, schema) is SPEC["components"]["schemas"]["ErrorResponse"]


def test_error_response_fields() -> None:
    error = SPEC["components"]["schemas"]["ErrorResponse"]
    assert set(error["properties"]) == {"error", "signin_url"}


def test_bodiless_answers() -> None:
    for key, statuses in [
        (("POST", "/api/copy"), ["200"]),
        (("DELETE", "/api/delete"), ["200"]),
        (("HEAD", "/api/blobs/{digest}"), ["200", "400", "404"]),
        (("POST", "/api/blobs/{digest}"), ["200", "201"]),
    ]:
        for status in statuses:
            found = response(SPEC, _op(key), status)
            assert found is not None and "content" not in found, (key, status)


def test_head_twins_have_no_body() -> None:
    for key in [k for k in ENDPOINTS if k[0] == "HEAD"]:
        for status in _op(key)["responses"]:
            found = response(SPEC, _op(key), status)
            assert found is not None and "content" not in found, (key, status)


def test_null_and_text_bodies() -> None:
    for key in NULL_BODIES:
        found = response(SPEC, _op(key), "200")
        assert found is not None and list(found["content"]) == ["application/json"], key
        assert resolve(SPEC, found["content"]["application/json"]["schema"])["type"] == "null", key
    for key in TEXT_BODIES:
        found = response(SPEC, _op(key), "200")
        assert found is not None and list(found["content"]) == ["text/plain"], key
        assert found["content"]["text/plain"]["schema"]["type"] == "string", key


def test_user_key_parameter() -> None:
    item = SPEC["paths"]["/api/user/keys/{encodedKey}"]
    [param] = [resolve(SPEC, p) for p in item["parameters"]]
    assert (param["name"], param["in"], param["required"]) == ("encodedKey", "path", True)
    assert item["delete"]["deprecated"] is True


def test_blob_upload_and_digest_parameter() -> None:
    item = SPEC["paths"]["/api/blobs/{digest}"]
    [param] = [resolve(SPEC, p) for p in item["parameters"]]
    assert (param["name"], param["in"], param["required"]) == ("digest", "path", True)
    assert param["schema"]["pattern"] == "^sha256[:-][0-9a-fA-F]{64}$"
    body = item["post"]["requestBody"]["content"]["application/octet-stream"]["schema"]
    assert body == {"type": "string", "format": "binary"}


@pytest.mark.parametrize("key", list(OPERATION_IDS), ids=_ids(OPERATION_IDS))
def test_operation_ids_and_tags(key: tuple[str, str]) -> None:
    op = _op(key)
    assert (op["operationId"], op["tags"]) == (OPERATION_IDS[key][0], [OPERATION_IDS[key][1]])


def test_cloud_operations_need_a_bearer_token_and_local_ones_do_not() -> None:
    assert SPEC["security"] == []
    assert SPEC["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": SPEC["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    for _method, path, op in operations(SPEC):
        cloud = path in ("/api/web_search", "/api/web_fetch")
        assert (op.get("security") == [{"bearerAuth": []}]) is cloud, path
        assert (op.get("servers") == [{"url": "https://ollama.com"}]) is cloud, path


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_required_fields(name: str) -> None:
    assert set(SPEC["components"]["schemas"][name].get("required", [])) == REQUIRED[name]


def test_nullable_fields() -> None:
    for name, field in NULLABLE:
        prop = SPEC["components"]["schemas"][name]["properties"][field]
        kinds = [m.get("type") for m in members(SPEC, prop)]
        assert any(k == "null" or (isinstance(k, list) and "null" in k) for k in kinds), (name, field)


@pytest.mark.parametrize(("method", "path", "field"), DATE_TIMES)
def test_timestamps_are_date_time(method: str, path: str, field: str) -> None:
    for _, schema in _bodies((method, path)):
        found = find(SPEC, schema, field)
        assert found is not None and found.get("format") == "date-time"


@pytest.mark.parametrize("key", sorted(STREAMING))
def test_stream_defaults_to_false_and_says_the_server_streams(key: tuple[str, str]) -> None:
    schema = request_schema(SPEC, _op(key))
    assert schema is not None
    stream = find(SPEC, schema, "stream")
    assert stream is not None
    assert (stream["type"], stream["default"]) == ("boolean", False)
    assert "SERVER streams when this is omitted" in stream["description"]


def test_named_union_members_and_no_const() -> None:
    schemas = SPEC["components"]["schemas"]
    assert schemas["FormatJson"] == {
        "type": "string",
        "enum": ["json"],
        "description": schemas["FormatJson"]["description"],
    }
    assert schemas["ThinkLevel"]["enum"] == ["high", "medium", "low", "max"]
    refs = {
        name: [m.get("$ref", m.get("type")) for m in schemas[name]["anyOf"]] for name in ("Format", "Think")
    }
    assert refs == {
        "Format": ["#/components/schemas/FormatJson", "#/components/schemas/JsonSchema"],
        "Think": ["boolean", "#/components/schemas/ThinkLevel"],
    }
    for node in reachable(SPEC, SPEC):
        assert "const" not in node
        if "enum" in node:
            assert node.get("type") == "string", "enums must be plain string enums"


def test_no_enums_in_responses() -> None:
    # A new server value must never make parsing fail, so response strings are open-ended.
    for method, path, op in operations(SPEC):
        for status in op["responses"]:
            for media_type in ("application/json", "application/x-ndjson"):
                schema = response_schema(SPEC, op, status, media_type)
                if schema is not None:
                    assert all("enum" not in n for n in reachable(SPEC, schema)), (method, path, status)


def test_every_schema_and_field_is_described() -> None:
    undescribed = []
    for name, schema in SPEC["components"]["schemas"].items():
        if not schema.get("description"):
            undescribed.append(name)
        for field, prop in schema.get("properties", {}).items():
            if not (prop.get("description") or resolve(SPEC, prop).get("description")):
                undescribed.append(f"{name}.{field}")
    assert undescribed == []
