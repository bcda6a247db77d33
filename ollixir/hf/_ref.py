"""HuggingFace model names as Ollama reads them: ``hf.co/<owner>/<repo>[:<quantization>]``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .._errors import RequestError

__all__ = ["HF_PREFIX", "HFModelRef", "is_hf_model", "model_ref", "parse_model_ref", "split_ref"]

HF_PREFIX: Final = "hf.co/"
"""The prefix of Hugging Face model names in Ollama (``hf.co/<owner>/<repo>``)."""
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


def split_ref(ref: str) -> tuple[str, str | None]:
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
    name, tag = split_ref(repo)
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
    repo, tag = split_ref(ref)
    return HFModelRef(repo, None if tag is None or tag.lower() == "latest" else tag)


def is_hf_model(name: str) -> bool:
    """Whether ``name`` is a HuggingFace model name Ollama pulls from the Hub (``hf.co/<owner>/<repo>...``)."""
    try:
        parse_model_ref(name)
    except RequestError:
        return False
    return True
