"""Run GGUF models from HuggingFace: model names, file discovery and choosing a quantization.

Ollama pulls GGUF repositories straight from the Hub under names like ``hf.co/<owner>/<repo>:<quant>``.
This module builds and parses those names, lists a repository's GGUF files with their sizes and
quantizations, and picks one::

    from ollixir import hf

    hf.list_gguf_files("bartowski/Llama-3.2-1B-Instruct-GGUF")        # [GGUFFile(...), ...] smallest first
    name = hf.auto_select("bartowski/Llama-3.2-1B-Instruct-GGUF", max_size_gb=1.0)
    hf.pull(client, name)
    hf.chat(client, name, [{"role": "user", "content": "Hello!"}])

Listing needs the optional ``huggingface_hub`` package (``pip install 'ollixir[huggingface]'``); the name
helpers and the client wrappers do not. ``endpoint=`` (or ``HF_ENDPOINT``) points at a Hub mirror.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from .._errors import RequestError
from ._hub import INSTALL_HINT, list_entries
from ._ops import chat, embed, generate, pull
from ._quant import DEFAULT_PREFERENCE, GGUFFile, best_quantization, gguf_files, parse_quantization

__all__ = [
    "DEFAULT_PREFERENCE",
    "HF_PREFIX",
    "INSTALL_HINT",
    "GGUFFile",
    "HFModelRef",
    "auto_select",
    "best_quantization",
    "chat",
    "embed",
    "generate",
    "is_hf_model",
    "list_gguf_files",
    "model_ref",
    "parse_model_ref",
    "parse_quantization",
    "pull",
]

HF_PREFIX: Final = "hf.co/"
# What Ollama accepts in front of a repository: hf.co/ or huggingface.co/, optionally with a scheme.
_HOST: Final = re.compile(r"^(?:https?://)?(?:www\.)?(?:hf\.co|huggingface\.co)/", re.IGNORECASE)
_REPO: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")
_TAG: Final = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")


@dataclass(frozen=True, slots=True)
class HFModelRef:
    """A parsed ``hf.co/<repo>[:<quantization>]`` name; ``str()`` gives the name back."""

    repo: str
    quantization: str | None = None

    def __str__(self) -> str:
        return HF_PREFIX + self.repo + (f":{self.quantization}" if self.quantization else "")


def _split(ref: str) -> tuple[str, str | None]:
    """``(repo, tag)`` of a name with or without the host prefix; checks both."""
    text = _HOST.sub("", ref.strip(), count=1)
    repo, sep, tag = text.partition(":")
    repo = repo.rstrip("/")
    if not _REPO.match(repo):
        raise RequestError(
            f"{ref!r} is not a HuggingFace repository: expected '<owner>/<repo>'", param="repo"
        )
    if sep and not _TAG.match(tag):
        raise RequestError(f"{ref!r} has an invalid quantization tag {tag!r}", param="quantization")
    return repo, (tag if sep else None)


def model_ref(repo: str, quantization: str | None = None) -> str:
    """The Ollama model name for a HuggingFace repository: ``hf.co/<repo>`` or ``hf.co/<repo>:<quantization>``.

    ``repo`` may already carry the ``hf.co/`` (or ``huggingface.co/``) prefix and a tag; an explicit
    ``quantization`` that contradicts that tag is an error.
    """
    name, tag = _split(repo)
    if quantization is not None:
        if not _TAG.match(quantization):
            raise RequestError(f"invalid quantization {quantization!r}", param="quantization")
        if tag is not None and tag.lower() not in ("latest", quantization.lower()):
            raise RequestError(
                f"{repo!r} already names quantization {tag!r}, not {quantization!r}", param="quantization"
            )
        tag = quantization
    return str(HFModelRef(name, tag))


def parse_model_ref(ref: str) -> HFModelRef:
    """Split an Ollama HuggingFace model name into repository and quantization.

    Accepts ``hf.co/...``, ``huggingface.co/...`` and their ``https://`` forms; the ``latest`` tag means
    "the default quantization" and parses as None. Raises :class:`~ollixir.RequestError` for other names.
    """
    if not _HOST.match(ref.strip()):
        raise RequestError(
            f"{ref!r} is not a HuggingFace model name (hf.co/<owner>/<repo>[:<quant>])", param="ref"
        )
    repo, tag = _split(ref)
    return HFModelRef(repo, None if tag is None or tag.lower() == "latest" else tag)


def is_hf_model(name: str) -> bool:
    """Whether ``name`` is a HuggingFace model name Ollama pulls from the Hub (``hf.co/<owner>/<repo>...``)."""
    try:
        parse_model_ref(name)
    except RequestError:
        return False
    return True


def list_gguf_files(
    repo: str,
    revision: str | None = None,
    token: str | bool | None = None,
    endpoint: str | None = None,
) -> list[GGUFFile]:
    """The GGUF files of a HuggingFace repository, smallest first, with their quantizations.

    ``repo`` is ``<owner>/<repo>`` or an ``hf.co/...`` name (its tag is ignored). ``token`` defaults to the
    locally saved HuggingFace token, ``endpoint`` to ``HF_ENDPOINT`` or huggingface.co. Needs
    ``huggingface_hub``; raises :class:`~ollixir.ResponseError` (status 404) for a missing repository or
    revision and :class:`~ollixir.ConnectionError` when the Hub cannot be reached.
    """
    name, _ = _split(repo)
    return gguf_files(list_entries(name, revision=revision, token=token, endpoint=endpoint))


def _available(files: Iterable[GGUFFile]) -> str:
    names = sorted({f.quantization for f in files if f.quantization and not f.is_projector})
    return ", ".join(names) or "none"


def auto_select(
    repo: str,
    quantization: str | None = None,
    *,
    preference: Sequence[str] = DEFAULT_PREFERENCE,
    max_size_gb: float | None = None,
    revision: str | None = None,
    token: str | bool | None = None,
    endpoint: str | None = None,
) -> str:
    """The Ollama model name of the best GGUF file in ``repo`` (see :func:`best_quantization`).

    A ``quantization`` (or a tag on ``repo``) forces that file: when the repository lacks it, or it is larger
    than ``max_size_gb``, :class:`~ollixir.RequestError` says so and lists what is available; there is no
    silent fallback to another quantization.
    """
    name, tag = _split(repo)
    forced = quantization or (tag if tag and tag.lower() != "latest" else None)
    files = list_gguf_files(name, revision=revision, token=token, endpoint=endpoint)
    models = [f for f in files if not f.is_projector]
    if not models:
        raise RequestError(f"HuggingFace repository {name!r} has no GGUF model files", param="repo")
    if forced is not None:
        match = next((f for f in models if (f.quantization or "").lower() == forced.lower()), None)
        if match is None:
            raise RequestError(
                f"quantization {forced!r} is not available in {name!r}; available: {_available(models)}",
                param="quantization",
            )
        if max_size_gb is not None and match.size > max_size_gb * 1e9:
            raise RequestError(
                f"{match.filename} ({match.size_gb:.1f} GB) is larger than max_size_gb={max_size_gb}",
                param="max_size_gb",
            )
        return model_ref(name, match.quantization)
    best = best_quantization(models, preference, max_size_gb)
    if best is None:
        limit = f" within {max_size_gb} GB" if max_size_gb is not None else ""
        raise RequestError(
            f"no GGUF file with a known quantization{limit} in {name!r}; available: {_available(models)}",
            param="max_size_gb" if max_size_gb is not None else "repo",
        )
    return model_ref(name, best.quantization)
