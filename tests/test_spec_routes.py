"""openapi.yaml describes every native route the Ollama server registers (tests/ollama_routes.py).

The route table is transcribed from ``GenerateRoutes`` at the tag named there; a native route missing
from the spec fails here by name, and so does a spec operation the server does not register (other
than ollama.com's own endpoints).
"""

import pytest

from tests.ollama_routes import CLOUD_ROUTES, COMPAT_ROUTES, NATIVE_ROUTES, OLLAMA_TAG, openapi_path
from tests.spec_coverage_table import ENDPOINTS
from tests.spec_walk import load_spec, operations

SPEC = load_spec()
SPEC_OPERATIONS = {(method, path) for method, path, _ in operations(SPEC)}


def test_route_table_is_well_formed() -> None:
    everything = NATIVE_ROUTES + COMPAT_ROUTES
    assert len(set(everything)) == len(everything), "a route is listed twice"
    assert all(path.startswith("/v1/") for _, path in COMPAT_ROUTES)
    assert not any(path.startswith("/v1/") for _, path in NATIVE_ROUTES)
    assert not set(CLOUD_ROUTES) & set(everything), "ollama.com routes are not registered locally"
    assert OLLAMA_TAG in SPEC["info"]["description"], "the spec and the route table name different releases"


def test_openapi_path() -> None:
    assert openapi_path("/api/blobs/:digest") == "/api/blobs/{digest}"
    assert openapi_path("/api/user/keys/:encodedKey") == "/api/user/keys/{encodedKey}"
    assert openapi_path("/") == "/"


@pytest.mark.parametrize(("method", "path"), NATIVE_ROUTES, ids=[f"{m} {p}" for m, p in NATIVE_ROUTES])
def test_native_route_is_in_the_spec(method: str, path: str) -> None:
    assert (method, openapi_path(path)) in SPEC_OPERATIONS, f"openapi.yaml lacks {method} {path}"


def test_no_native_route_is_missing() -> None:
    # The same check in one list, so a missing route's name shows up at a glance.
    missing = [(m, p) for m, p in NATIVE_ROUTES if (m, openapi_path(p)) not in SPEC_OPERATIONS]
    assert missing == []


def test_spec_has_nothing_the_server_does_not_register() -> None:
    registered = {(m, openapi_path(p)) for m, p in NATIVE_ROUTES} | set(CLOUD_ROUTES)
    assert SPEC_OPERATIONS - registered == set()


def test_compat_routes_stay_out_of_the_spec() -> None:
    assert not {(m, openapi_path(p)) for m, p in COMPAT_ROUTES} & SPEC_OPERATIONS
    assert not any(path.startswith("/v1") for path in SPEC["paths"])


def test_coverage_table_lists_every_route() -> None:
    # The field/status tables in spec_coverage_table.py must not skip a route either.
    expected = {(m, openapi_path(p)) for m, p in NATIVE_ROUTES} | set(CLOUD_ROUTES)
    assert set(ENDPOINTS) == expected
