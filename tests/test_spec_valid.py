"""openapi.yaml must be a valid OpenAPI 3.1 document."""

from pathlib import Path

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.readers import read_from_filename
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"


def test_spec_validates_against_the_openapi_3_1_meta_schema() -> None:
    spec, base_uri = read_from_filename(str(SPEC_PATH))
    assert spec["openapi"] == "3.1.0"
    validate(spec, base_uri=base_uri, cls=OpenAPIV31SpecValidator)


def test_validator_rejects_a_broken_copy() -> None:
    # Guards against a validator that accepts anything (wrong class, wrong version detection).
    spec, base_uri = read_from_filename(str(SPEC_PATH))
    spec["paths"]["/api/chat"]["post"]["responses"]["200"] = {"content": "not a map"}
    with pytest.raises(OpenAPIValidationError, match="description"):
        validate(spec, base_uri=base_uri, cls=OpenAPIV31SpecValidator)
