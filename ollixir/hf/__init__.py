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

from collections.abc import Iterable, Sequence

from .._errors import RequestError
from ._hub import INSTALL_HINT, list_entries
from ._ops import chat, embed, generate, pull
from ._quant import DEFAULT_PREFERENCE, GGUFFile, best_quantization, gguf_files, parse_quantization
from ._ref import HF_PREFIX, HFModelRef, is_hf_model, model_ref, parse_model_ref, split_ref

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
    name, _ = split_ref(repo)
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
    name, tag = split_ref(repo)
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
