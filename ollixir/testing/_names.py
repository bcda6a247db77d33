"""Model names as ``types/model/name.go`` parses them: ``[host/][namespace/]model[:tag]``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["DEFAULT_HOST", "ModelName", "parse_name", "split_source_suffix"]

DEFAULT_HOST: Final = "registry.ollama.ai"
DEFAULT_NAMESPACE: Final = "library"
DEFAULT_TAG: Final = "latest"
_MISSING: Final = "!MISSING!"  # an empty part implied by a separator; never valid


@dataclass(frozen=True)
class ModelName:
    host: str
    namespace: str
    model: str
    tag: str

    @property
    def full(self) -> str:
        """``registry.ollama.ai/library/llama3.2:latest``: the form capability errors quote."""
        return f"{self.host}/{self.namespace}/{self.model}:{self.tag}"

    @property
    def short(self) -> str:
        """The display form of ``/api/tags`` and ``/api/ps``: default host/namespace dropped, tag kept."""
        if self.host.lower() != DEFAULT_HOST:
            return f"{self.host}/{self.namespace}/{self.model}:{self.tag}"
        if self.namespace.lower() != DEFAULT_NAMESPACE:
            return f"{self.namespace}/{self.model}:{self.tag}"
        return f"{self.model}:{self.tag}"

    @property
    def key(self) -> str:
        """Lookup key: the server matches existing models case-insensitively per part."""
        return self.full.lower()

    @property
    def valid(self) -> bool:
        return (
            _valid_part(self.host, "host")
            and _valid_part(self.namespace, "namespace")
            and _valid_part(self.model, "model")
            and _valid_part(self.tag, "tag")
        )


def _cut_promised(text: str, sep: str) -> tuple[str, str, bool]:
    index = text.rfind(sep)
    if index < 0:
        return text, "", False
    return text[:index] or _MISSING, text[index + len(sep) :] or _MISSING, True


def _valid_part(part: str, kind: str) -> bool:
    limit = 350 if kind == "host" else 80
    if not 1 <= len(part) <= limit:
        return False
    for index, ch in enumerate(part):
        alnum = ch.isascii() and (ch.isalnum() or ch == "_")
        if index == 0:
            if not alnum:
                return False
        elif ch == ".":
            if kind == "namespace":
                return False
        elif ch == ":":
            if kind != "host":
                return False
        elif ch != "-" and not alnum:
            return False
    return True


def parse_name(text: str) -> ModelName:
    """``model.ParseName``: fill defaults; check ``.valid`` before use."""
    host = namespace = model = tag = ""
    rest = text
    if rest.rfind(":") > rest.rfind("/"):
        rest, tag, _ = _cut_promised(rest, ":")
    rest, model, promised = _cut_promised(rest, "/")
    if not promised:
        model = rest
    else:
        rest, namespace, promised = _cut_promised(rest, "/")
        if not promised:
            namespace = rest
        else:
            scheme_host = rest.split("://", 1)
            host = scheme_host[1] if len(scheme_host) == 2 else rest
    return ModelName(host or DEFAULT_HOST, namespace or DEFAULT_NAMESPACE, model, tag or DEFAULT_TAG)


def split_source_suffix(text: str) -> tuple[str, str | None]:
    """Strip an explicit ``:cloud`` / ``:local`` source marker (``internal/modelref``).

    Returns the bare name and ``"cloud"``, ``"local"`` or None; raises ValueError with the server's message
    when both markers are present.
    """
    name, source = text, None
    for _ in range(2):
        for marker in ("cloud", "local"):
            if name.endswith(":" + marker) and name.count(":") >= 1:
                if source is not None and source != marker:
                    raise ValueError(f'use either :local or :cloud, not both: "{text}"')
                name, source = name[: -len(marker) - 1], marker
    if source is None:
        tag = name.rsplit(":", 1)[1] if ":" in name.rsplit("/", 1)[-1] else ""
        if tag.endswith("-cloud"):
            source = "cloud"
    return name, source
