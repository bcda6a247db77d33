"""Property-based check of the repository's openapi.yaml against the test server (schemathesis 4).

Only the checks that compare the server's answers with the spec run: status codes, content types,
headers and response bodies. Whether the spec *accepts* a request the server rejects (an empty model
name is schema-valid but a 400) says nothing about the server, so those acceptance checks are off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ollixir.testing import OllamaTestServer

SPEC = Path(__file__).resolve().parents[1] / "openapi.yaml"

if SPEC.exists():
    schema = schemathesis.openapi.from_path(SPEC)

    @schema.parametrize()
    @settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
    def test_openapi_conformance(case: schemathesis.Case[Any], ollama_server: OllamaTestServer) -> None:
        case.call_and_validate(
            base_url=ollama_server.url,
            headers={"Authorization": "Bearer test-key"},
            checks=[
                status_code_conformance,
                content_type_conformance,
                response_headers_conformance,
                response_schema_conformance,
            ],
        )

else:

    def test_openapi_conformance() -> None:
        pytest.skip("openapi.yaml is not written yet")
