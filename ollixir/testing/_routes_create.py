"""``POST /api/create`` from an existing model (``from``) or from uploaded blobs (``files``).

Capabilities of a created model: ``info.capabilities`` if given; else the base model's (``from``) or
``completion`` (files; ``embedding`` when the GGUF has a ``*.pooling_type`` key); a new ``template``
adds ``tools`` / ``insert`` / ``thinking`` when it mentions ``.Tools`` / ``.Suffix`` / ``.Thinking``. It
answers with the base model's fake behaviour (or the default rules for models built from files).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator, Mapping

from ._app import App, operation_route
from ._exchange import Exchange, StreamError
from ._fake import FakeModel
from ._gguf import FILE_TYPES, read_gguf
from ._gojson import go_dumps
from ._names import parse_name
from ._routes_transfer import pull_events, respond_progress
from ._state import MEDIA, Installed, Layer, text_layer
from ._template import template_error

__all__: list[str] = []

_QUANT_TYPES = ("F32", "F16", "Q4_K_S", "Q4_K_M", "Q8_0")
_INFO_STRINGS = ("model_family", "base_name", "quantization_level", "parameter_size")
_INFO_INTS = ("context_length", "embedding_length")


def _valid_path(path: str) -> bool:
    # io/fs.ValidPath: slash-separated, no empty, "." or ".." elements, no leading/trailing slash.
    if path == ".":
        return True
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _info_error(info: Mapping[str, object]) -> str | None:
    for key, value in info.items():
        if key in _INFO_STRINGS and not isinstance(value, str):
            return f'info field "{key}" must be a string'
        if key in _INFO_INTS:
            if not isinstance(value, int | float) or isinstance(value, bool):
                return f'info field "{key}" must be a number'
            if value < 0 or value != int(value):
                return f'info field "{key}" must be a non-negative integer'
        if key == "capabilities" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f'info field "{key}" must be an array of strings'
    return None


def _sync_checks(req: Mapping[str, object]) -> str | None:
    for field in ("files", "draft_files"):
        if any(not _valid_path(key) for key in _mapping(req.get(field))):
            return "file path must be relative"
    for field in ("files", "adapters", "draft_files"):
        if any(not digest for digest in _mapping(req.get(field)).values()):
            return "invalid digest format"
    if req.get("draft_quantize") and not req.get("draft_files"):
        return "--draft-quantize requires a DRAFT model"
    if not parse_name(str(req.get("model") or req.get("name") or "")).valid:
        return "invalid model name"
    template = req.get("template")
    if isinstance(template, str) and template:
        error = template_error(template)
        if error is not None:
            return f"template error: {error}"
    info = req.get("info")
    return _info_error(info) if isinstance(info, dict) else None


def _mapping(value: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _kind_of(app: App, files: Mapping[str, str]) -> str:
    for filename, digest in files.items():
        if filename.endswith(".safetensors"):
            return "safetensors"
        if filename.endswith(".gguf"):
            return "gguf"
        path = app.state.blobs.path(digest)
        if not os.path.isfile(path):
            return ""
        with open(path, "rb") as f:
            if f.read(4) == b"GGUF":
                return "gguf"
            return ""
    return ""


class _Build:
    """Accumulates the layers and metadata of the model being created."""

    def __init__(self, app: App, req: Mapping[str, object]) -> None:
        self.app = app
        self.req = req
        self.name = parse_name(str(req.get("model") or req.get("name") or ""))
        self.base: Installed | None = None
        self.layers: list[tuple[Layer, bool]] = []  # (layer, reused from the base model)
        self.gguf_kv: dict[str, object] = {}
        self.tensors: list[dict[str, object]] = []

    def from_files(self, files: Mapping[str, str], media: str) -> Iterator[object]:
        kind = _kind_of(self.app, files)
        if not kind:
            yield StreamError("unknown type", 400)
            return
        if media == MEDIA["adapter"] and kind == "gguf" and len(files) > 1:
            yield StreamError("only one adapter is currently supported", 400)
            return
        if kind == "safetensors":
            yield {"status": "converting adapter" if media == MEDIA["adapter"] else "converting model"}
        for digest in files.values():
            path = self.app.state.blobs.path(digest)
            if kind == "gguf":
                yield {"status": "parsing GGUF"}
            if not os.path.isfile(path):
                yield StreamError(f"open {path}: no such file or directory")
                return
            if kind == "gguf":
                info = read_gguf(path)
                if info is None:
                    yield StreamError("supplied file was not in GGUF format", 400)
                    return
                if media == MEDIA["model"]:
                    self.gguf_kv.update(info.kv)
                    self.tensors.extend(info.tensors)
        if kind == "gguf":
            for digest in files.values():
                # An uploaded GGUF blob becomes the layer as is ("using existing layer").
                self.layers.append(
                    (Layer(media, digest, os.path.getsize(self.app.state.blobs.path(digest))), True)
                )
        else:
            joined = "".join(sorted(files.values())).encode()
            size = sum(os.path.getsize(self.app.state.blobs.path(d)) for d in files.values())
            self.layers.append((Layer(media, "sha256:" + hashlib.sha256(joined).hexdigest(), size), False))

    def set_text(self, kind: str, text: str) -> None:
        media = MEDIA[kind]
        self.layers = [(layer, reused) for layer, reused in self.layers if layer.media_type != media]
        self.layers.append((text_layer(kind, text), False))

    def _capabilities(self, template: str) -> list[str]:
        base, req = self.base, self.req
        if base is not None:
            caps = list(base.capabilities)
        else:
            caps = ["embedding"] if any(k.endswith(".pooling_type") for k in self.gguf_kv) else ["completion"]
        if req.get("template"):
            for marker, cap in ((".Tools", "tools"), (".Suffix", "insert"), (".Thinking", "thinking")):
                if marker in template and cap not in caps:
                    caps.append(cap)
        declared = _info(req).get("capabilities")
        return [str(c) for c in declared] if isinstance(declared, list) else caps

    def _quantization_source(self) -> str:
        if self.base is not None:
            return self.base.quantization_level.upper()
        file_type = self.gguf_kv.get("general.file_type", 1)
        return FILE_TYPES.get(file_type, "F16") if isinstance(file_type, int) else "F16"

    def _quantization(self) -> str:
        req, base = self.req, self.base
        declared = _info(req).get("quantization_level")
        if isinstance(declared, str) and declared:
            return declared
        quant = req.get("quantize") or req.get("quantization")
        if quant:
            return str(quant).upper()
        file_type = self.gguf_kv.get("general.file_type")
        if isinstance(file_type, int) and file_type in FILE_TYPES:
            return FILE_TYPES[file_type]
        return base.quantization_level if base else "unknown"

    def finish(self) -> Installed:
        req, base, kv = self.req, self.base, self.gguf_kv
        info = _info(req)
        arch = str(kv.get("general.architecture") or (base.family if base else "llama"))
        template = str(req.get("template") or (base.template if base else "{{ .Prompt }}"))
        parameters = dict(base.parameters) if base else {}
        new_parameters = req.get("parameters")
        if isinstance(new_parameters, dict):
            parameters.update(new_parameters)
        licenses = list(base.licenses) if base else []
        license_value = req.get("license")
        if isinstance(license_value, str):
            licenses = [license_value]
        elif isinstance(license_value, list):
            licenses = [str(v) for v in license_value]
        messages = list(base.messages) if base else []
        new_messages = req.get("messages")
        if isinstance(new_messages, list) and new_messages:
            messages = [
                {"role": str(m.get("role", "")), "content": str(m.get("content", ""))} for m in new_messages
            ]
        return Installed(
            name=self.name,
            spec=base.spec if base else FakeModel(self.name.short),
            capabilities=tuple(self._capabilities(template)),
            layers=tuple(layer for layer, _ in self.layers),
            template=template,
            system=str(req.get("system") or (base.system if base else "")),
            parameters=parameters,
            messages=messages,
            licenses=licenses,
            modified_ns=time.time_ns(),
            family=str(info.get("model_family") or arch),
            families=base.families if base else [arch],
            parameter_size=str(info.get("parameter_size") or (base.parameter_size if base else "unknown")),
            quantization_level=self._quantization(),
            context_length=_first_int(
                info.get("context_length"),
                kv.get(f"{arch}.context_length"),
                base.context_length if base else 4096,
            ),
            embedding_length=_first_int(
                info.get("embedding_length"),
                kv.get(f"{arch}.embedding_length"),
                base.embedding_length if base else 256,
            ),
            requires=str(req.get("requires") or (base.requires if base else "")),
            parent=base.name.short if base else "",
            model_info=dict(kv) if kv else (dict(base.model_info) if base else {}),
            tensors=list(self.tensors) if self.tensors else (list(base.tensors) if base else []),
        )


def _info(req: Mapping[str, object]) -> dict[str, object]:
    info = req.get("info")
    return info if isinstance(info, dict) else {}


def _first_int(*values: object) -> int:
    for value in values:
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            return int(value)
    return 0


def _create_events(app: App, req: Mapping[str, object]) -> Iterator[object]:
    build = _Build(app, req)
    source = req.get("from")
    if source:
        from_name = parse_name(str(source))
        if not from_name.valid:
            yield StreamError("invalid model name", 400)
            return
        base = app.state.get(from_name)
        if base is None:
            for event in pull_events(app, from_name):
                yield event
                if isinstance(event, StreamError):
                    return
            base = app.state.get(from_name)
            assert base is not None
        build.base = base
        build.layers = [(layer, True) for layer in base.layers]
    elif req.get("files") is not None:
        for event in build.from_files(_mapping(req.get("files")), MEDIA["model"]):
            yield event
            if isinstance(event, StreamError):
                return
    else:
        yield StreamError("neither 'from' or 'files' was specified", 400)
        return
    if req.get("adapters"):
        for event in build.from_files(_mapping(req.get("adapters")), MEDIA["adapter"]):
            yield event
            if isinstance(event, StreamError):
                return
    quantize = str(req.get("quantize") or req.get("quantization") or "").upper()
    if quantize:
        level = build._quantization_source()
        if level not in ("F16", "BF16", "F32"):
            yield StreamError("quantization is only supported for F16, BF16 and F32 models")
            return
        quantize = "Q4_K_M" if quantize == "Q4_K" else quantize
        if quantize not in _QUANT_TYPES:
            yield StreamError(
                f"unsupported quantization type {quantize} - supported types are F32, F16, Q4_K_S, Q4_K_M, Q8_0"
            )
            return
        total = sum(layer.size for layer, _ in build.layers if layer.media_type == MEDIA["model"])
        yield {
            "status": f"quantizing {level} model to {quantize}",
            "digest": "0000000000000000000",
            "total": total,
            "completed": total,
        }
    for kind, key in (("template", "template"), ("system", "system")):
        if req.get(key):
            build.set_text(kind, str(req[key]))
    license_value = req.get("license")
    if isinstance(license_value, str | list):
        build.set_text(
            "license", license_value if isinstance(license_value, str) else "\n".join(map(str, license_value))
        )
    if req.get("parameters"):
        build.set_text("params", go_dumps(req["parameters"]))
    if req.get("messages"):
        build.set_text("messages", go_dumps(req["messages"]))
    known = app.state.known_layers()
    for layer, reused in build.layers:
        verb = "using existing layer" if reused or layer.digest in known else "creating new layer"
        yield {"status": f"{verb} {layer.digest}"}
    yield {"status": "writing manifest"}
    created = build.finish()
    app.state.install(created)
    yield {"status": "success"}


@operation_route("create_model")
def create(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "CreateRequest")
    if req is None:
        return
    error = _sync_checks(req)
    if error is not None:
        ex.send_error(400, error)
        return
    respond_progress(ex, req, _create_events(app, req))
