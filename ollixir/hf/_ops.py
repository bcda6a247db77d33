"""Client operations on HuggingFace models: resolve ``<owner>/<repo>`` (+ quantization) to the Ollama name
``hf.co/<owner>/<repo>[:<quant>]`` and call the client with it.

The wrappers work with :class:`~ollixir.Client` and :class:`~ollixir.AsyncClient` alike (with the async
client they return the coroutine to await). Non-streaming calls on a sync client are typed precisely;
everything else is passed through unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, Unpack, overload

if TYPE_CHECKING:
    from ollixir_api.models import ChatResponse, EmbedResponse, GenerateResponse, ProgressResponse

    from .._clients.async_client import AsyncClient
    from .._clients.client import Client
    from .._clients.types import (
        JSON,
        ChatOptions,
        CompletionOptions,
        DictResults,
        EmbedOptions,
        MessageLike,
        TransferOptions,
    )
    from .._clients.types import TypedResults as Typed

__all__ = ["chat", "embed", "generate", "pull"]


def _name(repo: str, quantization: str | None) -> str:
    from ._ref import model_ref

    return model_ref(repo, quantization)


@overload
def pull(
    client: Client[Typed],
    repo: str,
    quantization: str | None = None,
    *,
    stream: Literal[False] = False,
    **kwargs: Unpack[TransferOptions],
) -> ProgressResponse: ...
@overload
def pull(
    client: Client[DictResults],
    repo: str,
    quantization: str | None = None,
    *,
    stream: Literal[False] = False,
    **kwargs: Unpack[TransferOptions],
) -> JSON: ...
@overload
def pull(
    client: Client[Any] | AsyncClient[Any], repo: str, quantization: str | None = None, **kwargs: Any
) -> Any: ...
def pull(client: Any, repo: str, quantization: str | None = None, **kwargs: Any) -> Any:
    """Pull ``hf.co/<repo>[:<quantization>]`` (``stream=`` and the other pull options pass through)."""
    return client.pull(_name(repo, quantization), **kwargs)


@overload
def chat(
    client: Client[Typed],
    repo: str,
    messages: Sequence[MessageLike] | None = None,
    quantization: str | None = None,
    *,
    stream: Literal[False] = False,
    **kwargs: Unpack[ChatOptions],
) -> ChatResponse: ...
@overload
def chat(
    client: Client[DictResults],
    repo: str,
    messages: Sequence[MessageLike] | None = None,
    quantization: str | None = None,
    *,
    stream: Literal[False] = False,
    **kwargs: Unpack[ChatOptions],
) -> JSON: ...
@overload
def chat(
    client: Client[Any] | AsyncClient[Any],
    repo: str,
    messages: Sequence[MessageLike] | None = None,
    quantization: str | None = None,
    **kwargs: Any,
) -> Any: ...
def chat(
    client: Any,
    repo: str,
    messages: Sequence[MessageLike] | None = None,
    quantization: str | None = None,
    **kwargs: Any,
) -> Any:
    """Chat with ``hf.co/<repo>[:<quantization>]``; the other arguments are :meth:`Client.chat`'s."""
    return client.chat(_name(repo, quantization), messages, **kwargs)


@overload
def generate(
    client: Client[Typed],
    repo: str,
    prompt: str | None = None,
    quantization: str | None = None,
    *,
    stream: Literal[False] = False,
    **kwargs: Unpack[CompletionOptions],
) -> GenerateResponse: ...
@overload
def generate(
    client: Client[DictResults],
    repo: str,
    prompt: str | None = None,
    quantization: str | None = None,
    *,
    stream: Literal[False] = False,
    **kwargs: Unpack[CompletionOptions],
) -> JSON: ...
@overload
def generate(
    client: Client[Any] | AsyncClient[Any],
    repo: str,
    prompt: str | None = None,
    quantization: str | None = None,
    **kwargs: Any,
) -> Any: ...
def generate(
    client: Any, repo: str, prompt: str | None = None, quantization: str | None = None, **kwargs: Any
) -> Any:
    """Generate with ``hf.co/<repo>[:<quantization>]``; the other arguments are :meth:`Client.generate`'s."""
    return client.generate(_name(repo, quantization), prompt, **kwargs)


@overload
def embed(
    client: Client[Typed],
    repo: str,
    input: str | Sequence[str] | None = None,
    quantization: str | None = None,
    **kwargs: Unpack[EmbedOptions],
) -> EmbedResponse: ...
@overload
def embed(
    client: Client[DictResults],
    repo: str,
    input: str | Sequence[str] | None = None,
    quantization: str | None = None,
    **kwargs: Unpack[EmbedOptions],
) -> JSON: ...
@overload
def embed(
    client: AsyncClient[Any],
    repo: str,
    input: str | Sequence[str] | None = None,
    quantization: str | None = None,
    **kwargs: Any,
) -> Any: ...
def embed(
    client: Any,
    repo: str,
    input: str | Sequence[str] | None = None,
    quantization: str | None = None,
    **kwargs: Any,
) -> Any:
    """Embed with ``hf.co/<repo>[:<quantization>]``; the other arguments are :meth:`Client.embed`'s."""
    return client.embed(_name(repo, quantization), input, **kwargs)
