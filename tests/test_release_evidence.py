"""Response schemas require only what every Ollama release since v0.4.0 sends, and say why.

openapi.yaml records, on every schema reachable from a 2xx response, an `x-release-evidence`
mapping with one entry per required field (written by `scripts/release-evidence` from an ollama
clone, which CI does not have). These tests check the recorded evidence against the required lists
without the clone: a field added to a `required:` list without evidence fails here, as does an
entry for a field that is not required or an entry whose tag range does not start at v0.4.0.
"""

from __future__ import annotations

import copy
import importlib.machinery
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openapi_spec_validator.readers import read_from_filename

from tests.spec_walk import SPEC_PATH, load_spec

ROOT = Path(__file__).resolve().parent.parent
FIRST_TAG = "v0.4.0"
KEY = "x-release-evidence"

# "<file> <Struct.Field or handler line> ... <first>..<last> (<N> releases[; notes])"
ENTRY = re.compile(
    r"^(?P<source>(?:api|server)/\S+\.go) (?P<what>.+) "
    r"(?P<first>v\d+\.\d+\.\d+)\.\.(?P<last>v\S+) \((?P<count>\d+) releases(?:; (?P<notes>.+))?\)$"
)

Spec = dict[str, Any]


def load() -> Spec:
    return copy.deepcopy(load_spec())  # a private copy: some tests mutate it


def response_schemas(spec: Spec) -> set[str]:
    """Component schemas reachable from any 2xx response body (JSON or NDJSON), refs followed."""
    comps = spec["components"]["schemas"]
    found: set[str] = set()
    stack: list[object] = [
        resp.get("content", {})
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
        for code, resp in op.get("responses", {}).items()
        if str(code).startswith("2")
    ]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in found:
                    found.add(name)
                    stack.append(comps[name])
            stack.extend(v for k, v in node.items() if k not in ("$ref", KEY))
    return found


def problems(spec: Spec) -> list[str]:
    """Every way the spec breaks the evidence rule; empty when it holds."""
    out: list[str] = []
    last = "v" + str(spec["info"]["version"])
    counts: set[int] = set()
    for name in sorted(response_schemas(spec)):
        schema = spec["components"]["schemas"][name]
        if not schema.get("properties"):
            continue  # free-form objects (ModelInfo, ...) require nothing
        evidence = schema.get(KEY)
        if not isinstance(evidence, dict):
            out.append(f"{name}: no {KEY} mapping")
            continue
        required = set(schema.get("required", []))
        out += [f"{name}.{f}: required without evidence" for f in sorted(required - set(evidence))]
        out += [
            f"{name}.{f}: evidence for a field that is not required" for f in sorted(set(evidence) - required)
        ]
        for field, entry in evidence.items():
            m = ENTRY.match(entry) if isinstance(entry, str) else None
            if m is None:
                out.append(f"{name}.{field}: evidence {entry!r} is not in the recorded form")
                continue
            if m["first"] != FIRST_TAG:
                out.append(f"{name}.{field}: tag range starts at {m['first']}, not {FIRST_TAG}")
            if m["last"] != last:
                out.append(f"{name}.{field}: tag range ends at {m['last']}, not the spec's {last}")
            # The quoted source must be about this very field: its json tag or the key a handler sets.
            if not re.search(rf'json:"{re.escape(field)}[",]|"{re.escape(field)}": ', m["what"]):
                out.append(f"{name}.{field}: evidence {m['what']!r} does not quote the field's key")
            counts.add(int(m["count"]))
    if len(counts) > 1:
        out.append(f"evidence entries disagree on the number of tags checked: {sorted(counts)}")
    if f"{FIRST_TAG}..{last}" not in spec["info"]["description"]:
        out.append(f"info.description does not state the checked range {FIRST_TAG}..{last}")
    return out


def test_every_required_response_field_has_release_evidence() -> None:
    assert problems(load()) == []


def test_the_walk_sees_the_response_schemas() -> None:
    names = response_schemas(load())
    # Nested ones are only reachable through refs; the walk must find them, not just the roots.
    assert {"ChatStreamChunk", "ResponseMessage", "ToolCallFunction", "TokenLogprob", "Tensor"} <= names
    assert {"ModelDetails", "RunningModel", "ModelSummary", "DebugInfo", "VersionResponse"} <= names
    assert not {"ChatRequest", "Message", "Options", "ErrorResponse"} & names


def test_required_fields_missing_from_older_releases_stay_optional() -> None:
    schemas = load()["components"]["schemas"]
    # Sent only by newer releases (context_length since v0.10.0) or omitted when empty before
    # v0.15.0 (model_info): requiring them would break parsing of older servers' answers.
    assert "context_length" not in schemas["RunningModel"].get("required", [])
    assert "model_info" not in schemas["ShowResponse"].get("required", [])
    for name in ("WebSearchResponse", "WebSearchResult", "WebFetchResponse"):
        assert schemas[name].get("required", []) == [] and schemas[name][KEY] == {}


def _mutated(change: str) -> Spec:
    spec = load()
    schemas = spec["components"]["schemas"]
    if change == "require without evidence":
        schemas["ChatResponse"]["required"] = [*schemas["ChatResponse"]["required"], "done_reason"]
    elif change == "drop an entry":
        del schemas["ProgressResponse"][KEY]["status"]
    elif change == "entry for an optional field":
        schemas["ProgressResponse"][KEY]["digest"] = schemas["ProgressResponse"][KEY]["status"].replace(
            'json:"status"', 'json:"digest,omitempty"'
        )
    elif change == "range from a later tag":
        entry = schemas["VersionResponse"][KEY]["version"]
        schemas["VersionResponse"][KEY]["version"] = entry.replace(f"{FIRST_TAG}..", "v0.5.0..")
    elif change == "no evidence block":
        del schemas["ModelDetails"][KEY]
    elif change == "evidence about another field":
        schemas["Tensor"][KEY]["shape"] = schemas["Tensor"][KEY]["name"]
    elif change == "free text":
        schemas["DebugInfo"][KEY]["rendered_template"] = "always there, trust me"
    return spec


@pytest.mark.parametrize(
    ("change", "reported"),
    [
        ("require without evidence", "ChatResponse.done_reason: required without evidence"),
        ("drop an entry", "ProgressResponse.status: required without evidence"),
        ("entry for an optional field", "ProgressResponse.digest: evidence for a field that is not required"),
        ("range from a later tag", "VersionResponse.version: tag range starts at v0.5.0"),
        ("no evidence block", "ModelDetails: no x-release-evidence mapping"),
        ("evidence about another field", "Tensor.shape: evidence"),
        (
            "free text",
            "DebugInfo.rendered_template: evidence 'always there, trust me' is not in the recorded form",
        ),
    ],
)
def test_the_check_rejects_unsupported_strictness(change: str, reported: str) -> None:
    found = problems(_mutated(change))
    assert len(found) == 1 and found[0].startswith(reported), found


# ------------------------------------------------------------------ scripts/release-evidence itself


def _script() -> ModuleType:
    path = ROOT / "scripts" / "release-evidence"
    loader = importlib.machinery.SourceFileLoader("release_evidence", str(path))
    spec = importlib.util.spec_from_loader("release_evidence", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["release_evidence"] = module  # dataclasses look their module up here
    loader.exec_module(module)
    return module


def test_script_rewrite_reproduces_the_spec_from_its_own_evidence(tmp_path: Path) -> None:
    """--write with the recorded verdicts changes nothing: the spec is exactly what the script writes."""
    rev = _script()
    spec = load()
    names = rev.response_schemas(spec)
    assert set(names) == {
        n for n in response_schemas(spec) if spec["components"]["schemas"][n].get("properties")
    }
    verdicts = [
        rev.Verdict(name, field, True, why)
        for name in names
        for field, why in spec["components"]["schemas"][name][KEY].items()
    ]
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert rev.rewrite(text, names, verdicts) == text
    # And it does rewrite: dropping a verdict drops the field from the required list.
    fewer = [v for v in verdicts if (v.schema, v.field) != ("ProgressResponse", "status")]
    (tmp_path / "openapi.yaml").write_text(rev.rewrite(text, names, fewer), encoding="utf-8")
    rewritten, _ = read_from_filename(str(tmp_path / "openapi.yaml"))
    changed = rewritten["components"]["schemas"]["ProgressResponse"]
    assert "required" not in changed and changed[KEY] == {}


GO = """
package api

type Metrics struct {
	TotalDuration time.Duration `json:"total_duration,omitempty"`
}

type Args map[string]any

type Inner struct {
	Name string `json:"name"`
}

type Outer struct {
	Model   string    `json:"model"` // a comment with a } brace
	When    time.Time `json:"when,omitempty"`
	Inner   Inner     `json:"inner,omitempty"`
	List    []Inner   `json:"list"`
	Args    Args      `json:"args"`
	Skip    string    `json:"-"`
	Nested  struct {
		Deep string `json:"deep"`
	} `json:"nested"`
	Metrics
}

type Unused struct {
	X int `json:"x"`
}
"""


def test_script_reads_go_structs_as_encoding_json_does() -> None:
    go = _script().GoFile.parse(GO)
    fields = {f.json_name: f for f in go.fields("Outer")}
    assert list(fields) == ["model", "when", "inner", "list", "args", "nested", "total_duration"]
    assert fields["total_duration"].owner == "Metrics" and fields["total_duration"].omitempty
    assert not fields["model"].omitempty and fields["model"].tag == 'json:"model"'
    # omitempty on a struct omits nothing; slices and named maps can be nil (null).
    assert [go.kind(fields[k].go_type) for k in ("model", "when", "inner", "list", "args")] == [
        "scalar",
        "struct",
        "struct",
        "nilable",
        "nilable",
    ]
    assert go.reachable(["Outer"]) == {"Outer", "Inner", "Metrics"}
