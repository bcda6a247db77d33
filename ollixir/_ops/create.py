"""Preparing /api/create: Modelfile parsing, local files to upload, field validation.

Pure: it returns a plan (fields plus local files whose digests the executor must compute and upload).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._core.blob import BlobSource, blob_source
from .._errors import RequestError
from . import validate as v
from .base import plain_json
from .convert import to_messages

__all__ = ["CreatePlan", "plan_create"]


@dataclass(slots=True)
class CreatePlan:
    fields: dict[str, Any]
    # field ("files", "adapters", "draft_files") -> name -> local source to hash and upload
    uploads: dict[str, dict[str, BlobSource]] = field(default_factory=dict)


def _file_map(value: object, param: str, plan: CreatePlan) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise RequestError(f"{param} must map file names to digests or local paths", param=param)
    digests: dict[str, str] = {}
    for name, ref in value.items():
        if not isinstance(name, str) or not name:
            raise RequestError(f"{param} keys must be non-empty file names", param=param)
        if isinstance(ref, str) and ref.startswith("sha256:"):
            digests[name] = v.check_digest(ref, f"{param}[{name!r}]")
        elif isinstance(ref, str | os.PathLike):
            plan.uploads.setdefault(param, {})[name] = blob_source(ref)
        else:
            raise RequestError(
                f"{param}[{name!r}] must be a 'sha256:...' digest or a local path", param=param
            )
    return digests


def plan_create(
    model: object,
    *,
    name: object = None,
    modelfile: object = None,
    from_: object = None,
    files: object = None,
    adapters: object = None,
    template: object = None,
    license: object = None,
    system: object = None,
    parameters: object = None,
    messages: object = None,
    quantize: object = None,
    renderer: object = None,
    parser: object = None,
    requires: object = None,
    draft_files: object = None,
    **extra: object,
) -> CreatePlan:
    """``extra``: request fields added to the spec after this was written, sent as given."""
    if model is not None and name is not None and model != name:
        raise RequestError("pass either model= or name=, not both", param="model")
    target = v.check_model(model if model is not None else name)
    plan = CreatePlan(fields={"model": target})
    fields = plan.fields

    if modelfile is not None:
        from ..modelfile import Modelfile

        if isinstance(modelfile, Modelfile):
            parsed = modelfile
        elif isinstance(modelfile, os.PathLike) or (
            isinstance(modelfile, str) and "\n" not in modelfile and Path(modelfile).expanduser().is_file()
        ):
            parsed = Modelfile.from_path(os.fspath(modelfile))
        elif isinstance(modelfile, str):
            parsed = Modelfile.parse(modelfile)
        else:
            raise RequestError("modelfile must be Modelfile text, a path or a Modelfile", param="modelfile")
        resolved = parsed.to_create_fields()
        fields.update(resolved.fields)
        for key in ("files", "adapters", "draft_files"):
            local: Mapping[str, Path] = getattr(resolved, key)
            for fname, path in local.items():
                plan.uploads.setdefault(key, {})[fname] = blob_source(path)

    if from_ is not None:
        fields["from"] = v.check_str(from_, "from_")
    if files is not None:
        fields["files"] = {**fields.get("files", {}), **_file_map(files, "files", plan)}
    if adapters is not None:
        fields["adapters"] = {**fields.get("adapters", {}), **_file_map(adapters, "adapters", plan)}
    if draft_files is not None:
        fields["draft_files"] = {
            **fields.get("draft_files", {}),
            **_file_map(draft_files, "draft_files", plan),
        }
    for key, value in extra.items():
        if value is not None:
            fields[key] = plain_json(value)
    for key, value in (
        ("template", template),
        ("system", system),
        ("quantize", quantize),
        ("renderer", renderer),
        ("parser", parser),
        ("requires", requires),
    ):
        if value is not None:
            fields[key] = v.check_str(value, key)
    if license is not None:
        fields["license"] = license if isinstance(license, str) else v.check_str_list(license, "license")
    if parameters is not None:
        from .._options import validate_options

        fields["parameters"] = validate_options(parameters, param="parameters")
    if messages is not None:
        if isinstance(messages, str) or not isinstance(messages, Sequence):
            raise RequestError("messages must be a list of messages", param="messages")
        fields["messages"] = [m.to_dict() for m in to_messages(messages)]
    if "from" not in fields and not fields.get("files") and "files" not in plan.uploads:
        raise RequestError(
            "create_model needs a source: from_= (a model name), files= (GGUF/safetensors) or a modelfile= with FROM",
            param="from_",
        )
    return plan
