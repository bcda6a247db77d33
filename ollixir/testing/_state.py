"""Server state: installed models, the fake registry, loaded ("running") models and the blob store."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from ._catalogue import DEFAULT_MODELS, REGISTRY_ONLY
from ._fake import FakeModel
from ._gojson import go_dumps
from ._names import ModelName, parse_name
from ._script import ScriptedReplies

__all__ = [
    "MEDIA",
    "BlobStore",
    "Installed",
    "Layer",
    "Running",
    "ServerState",
    "initial_models",
    "text_layer",
]

MEDIA: Final = {
    kind: f"application/vnd.ollama.image.{kind}"
    for kind in ("model", "adapter", "projector", "template", "system", "params", "messages", "license")
}
DEFAULT_KEEP_ALIVE_NS: Final = 5 * 60 * 1_000_000_000
DEFAULT_NUM_CTX: Final = 4096
# Fixed times for the built-in models so listings are reproducible: 2026-08-01T10:00:00Z minus i hours.
_BASE_MODIFIED_NS: Final = 1_785_578_400 * 1_000_000_000


@dataclass(frozen=True)
class Layer:
    media_type: str
    digest: str
    size: int


def text_layer(kind: str, text: str) -> Layer:
    raw = text.encode()
    return Layer(MEDIA[kind], "sha256:" + hashlib.sha256(raw).hexdigest(), len(raw))


@dataclass
class Installed:
    """One model in the local store (what a manifest plus its config describe)."""

    name: ModelName
    spec: FakeModel
    capabilities: tuple[str, ...]
    layers: tuple[Layer, ...]
    template: str
    system: str
    parameters: dict[str, object]
    messages: list[dict[str, str]]
    licenses: list[str]
    modified_ns: int
    family: str
    families: list[str] | None
    parameter_size: str
    quantization_level: str
    context_length: int
    embedding_length: int
    requires: str = ""
    parent: str = ""
    model_info: dict[str, object] = field(default_factory=dict)
    tensors: list[dict[str, object]] = field(default_factory=list)

    @property
    def config_layer(self) -> Layer:
        config = {
            "model_format": "gguf",
            "model_family": self.family,
            "capabilities": list(self.capabilities),
        }
        raw = go_dumps(config).encode()
        return Layer(
            "application/vnd.docker.container.image.v1+json",
            "sha256:" + hashlib.sha256(raw).hexdigest(),
            len(raw),
        )

    @property
    def manifest(self) -> str:
        def entry(layer: Layer) -> dict[str, object]:
            return {"mediaType": layer.media_type, "digest": layer.digest, "size": layer.size}

        return go_dumps(
            {
                "schemaVersion": 2,
                "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": entry(self.config_layer),
                "layers": [entry(layer) for layer in self.layers],
            }
        )

    @property
    def digest(self) -> str:
        """The manifest's sha256 (64 hex, no prefix): what ``/api/tags`` and ``/api/ps`` show."""
        return hashlib.sha256(self.manifest.encode()).hexdigest()

    @property
    def size(self) -> int:
        return sum(layer.size for layer in self.layers)

    def details(self, *, with_lengths: bool) -> dict[str, object]:
        out: dict[str, object] = {
            "parent_model": self.parent,
            "format": "gguf",
            "family": self.family,
            "families": self.families,
            "parameter_size": self.parameter_size,
            "quantization_level": self.quantization_level,
        }
        if with_lengths:
            out["context_length"] = self.context_length
            out["embedding_length"] = self.embedding_length
        return out


def from_spec(spec: FakeModel, modified_ns: int) -> Installed:
    """The installed form of a catalogue model, with deterministic layers."""
    name = parse_name(spec.name)
    model_digest = "sha256:" + hashlib.sha256(f"ollixir-fake-gguf:{name.full}".encode()).hexdigest()
    layers = [Layer(MEDIA["model"], model_digest, spec.model_size)]
    if spec.template:
        layers.append(text_layer("template", spec.template))
    if spec.system:
        layers.append(text_layer("system", spec.system))
    if spec.license:
        layers.append(text_layer("license", spec.license))
    if spec.parameters:
        layers.append(text_layer("params", go_dumps(dict(spec.parameters))))
    return Installed(
        name=name,
        spec=spec,
        capabilities=tuple(spec.capabilities),
        layers=tuple(layers),
        template=spec.template,
        system=spec.system,
        parameters=dict(spec.parameters),
        messages=[],
        licenses=[spec.license] if spec.license else [],
        modified_ns=modified_ns,
        family=spec.family,
        families=list(spec.families) if spec.families is not None else [spec.family],
        parameter_size=spec.parameter_size,
        quantization_level=spec.quantization_level,
        context_length=spec.context_length,
        embedding_length=spec.embedding_length,
    )


def initial_models(
    extra_models: Sequence[FakeModel], extra_registry: Sequence[FakeModel]
) -> tuple[dict[str, Installed], dict[str, Installed]]:
    """A fresh server's installed models and registry, by lookup key (later specs win)."""
    installed: dict[str, Installed] = {}
    for index, spec in enumerate((*DEFAULT_MODELS, *extra_models)):
        model = from_spec(spec, _BASE_MODIFIED_NS - index * 3_600_000_000_000)
        installed[model.name.key] = model
    registry: dict[str, Installed] = {}
    for spec in (*DEFAULT_MODELS, *REGISTRY_ONLY, *extra_models, *extra_registry):
        entry = from_spec(spec, _BASE_MODIFIED_NS)
        registry[entry.name.key] = entry
    return installed, registry


@dataclass
class Running:
    model: Installed
    expires_ns: int
    context_length: int


class BlobStore:
    """Blobs on disk under ``<root>/blobs/sha256-<hex>``, as the real server names them."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.blob_dir = os.path.join(root, "blobs")
        self.tmp_dir = os.path.join(root, "tmp")
        os.makedirs(self.blob_dir, exist_ok=True)
        os.makedirs(self.tmp_dir, exist_ok=True)

    def path(self, digest: str) -> str:
        """File of a digest as given (``sha256:x`` and ``sha256-x`` map to the same file)."""
        return os.path.join(self.blob_dir, digest.replace(":", "-", 1))

    def exists(self, digest: str) -> bool:
        return os.path.isfile(self.path(digest))

    def temp_file(self) -> tuple[int, str]:
        return tempfile.mkstemp(prefix="upload-", dir=self.tmp_dir)

    def clear(self) -> None:
        for directory in (self.blob_dir, self.tmp_dir):
            shutil.rmtree(directory, ignore_errors=True)
            os.makedirs(directory, exist_ok=True)


class ServerState:
    """All mutable server state behind one lock."""

    def __init__(
        self, root: str, extra_models: Sequence[FakeModel], extra_registry: Sequence[FakeModel]
    ) -> None:
        self.lock = threading.RLock()
        self.blobs = BlobStore(root)
        self._extra_models = tuple(extra_models)
        self._extra_registry = tuple(extra_registry)
        self.models: dict[str, Installed] = {}
        self.registry: dict[str, Installed] = {}
        self.running: dict[str, Running] = {}
        self.reset()

    def reset(self) -> None:
        with self.lock:
            specs = [m.spec for m in (*self.models.values(), *self.registry.values())]
            for spec in (*specs, *self._extra_models, *self._extra_registry):
                if isinstance(spec.reply, ScriptedReplies):
                    spec.reply.rewind()
            self.models.clear()
            self.registry.clear()
            self.running.clear()
            self.blobs.clear()
            installed, registry = initial_models(self._extra_models, self._extra_registry)
            self.models.update(installed)
            self.registry.update(registry)

    # -- installed models ------------------------------------------------------------------------------
    def get(self, name: ModelName) -> Installed | None:
        with self.lock:
            return self.models.get(name.key)

    def install(self, model: Installed) -> None:
        with self.lock:
            self.models[model.name.key] = model

    def remove(self, name: ModelName) -> bool:
        with self.lock:
            self.running.pop(name.key, None)
            return self.models.pop(name.key, None) is not None

    def copy(self, source: Installed, destination: ModelName) -> None:
        with self.lock:
            self.models[destination.key] = replace(source, name=destination, modified_ns=time.time_ns())

    def listing(self) -> list[Installed]:
        with self.lock:
            return sorted(self.models.values(), key=lambda m: m.modified_ns, reverse=True)

    def known_layers(self) -> set[str]:
        with self.lock:
            return {layer.digest for model in self.models.values() for layer in model.layers}

    # -- running models --------------------------------------------------------------------------------
    def _expire(self, now: int) -> None:
        for key in [k for k, r in self.running.items() if r.expires_ns <= now]:
            del self.running[key]

    def load(self, model: Installed, keep_alive_ns: int | None, num_ctx: int | None) -> bool:
        """Mark the model loaded until now + keep-alive; returns whether it was loaded already."""
        now = time.time_ns()
        with self.lock:
            self._expire(now)
            previous = self.running.get(model.name.key)
            ctx = min(num_ctx or DEFAULT_NUM_CTX, model.context_length)
            keep = DEFAULT_KEEP_ALIVE_NS if keep_alive_ns is None else keep_alive_ns
            # keep_alive 0 unloads when the request finishes (see finish()); until then it stays listed.
            expires = now + (keep or 1_000_000_000)
            self.running[model.name.key] = Running(model, expires, ctx)
            return previous is not None and previous.context_length == ctx

    def finish(self, model: Installed, keep_alive_ns: int | None) -> None:
        """The request ended: restart the keep-alive timer (0 unloads at once)."""
        now = time.time_ns()
        with self.lock:
            running = self.running.get(model.name.key)
            if running is None:
                return
            keep = DEFAULT_KEEP_ALIVE_NS if keep_alive_ns is None else keep_alive_ns
            if keep == 0:
                del self.running[model.name.key]
            else:
                running.expires_ns = now + keep

    def unload(self, model: Installed) -> None:
        with self.lock:
            self.running.pop(model.name.key, None)

    def running_list(self) -> list[Running]:
        with self.lock:
            self._expire(time.time_ns())
            return sorted(self.running.values(), key=lambda r: r.expires_ns, reverse=True)

    def registry_get(self, name: ModelName) -> Installed | None:
        with self.lock:
            return self.registry.get(name.key)

    def publish(self, model: Installed) -> None:
        with self.lock:
            self.registry[model.name.key] = model

    def add_models(self, specs: Iterable[FakeModel]) -> None:
        with self.lock:
            for spec in specs:
                installed = from_spec(spec, time.time_ns())
                self.models[installed.name.key] = installed
