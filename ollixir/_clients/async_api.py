"""Typed signatures of the asynchronous client's operations.

Runtime bodies come from ``_methods`` (shared with the async client); the type checker sees the
overloads below, which map each argument form to its precise result type.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, Unpack, overload

from . import methods as _methods
from .types import DictResults, TypedResults

if TYPE_CHECKING:
    from ollixir_api.models import (
        ChatResponse,
        ChatStreamChunk,
        EmbeddingsResponse,
        EmbedResponse,
        GenerateResponse,
        GenerateStreamChunk,
        ListResponse,
        ProcessResponse,
        ProgressResponse,
        ShowResponse,
        VersionResponse,
        WebFetchResponse,
        WebSearchResponse,
    )

    from .._core.blob import BlobSourceLike
    from .._core.stream import AsyncStream
    from .types import (
        JSON,
        AsyncSink,
        CallOptions,
        ChatOptions,
        CompletionOptions,
        CreateOptions,
        EmbeddingsOptions,
        EmbedOptions,
        KeepAliveLike,
        MessageLike,
        ShowOptions,
        TransferOptions,
    )

__all__ = ["AsyncAPI"]

M = TypeVar("M", TypedResults, DictResults)

if TYPE_CHECKING:

    class AsyncAPI(Generic[M]):
        # -- inference -------------------------------------------------------------------------------

        @overload
        async def chat(
            self: AsyncAPI[TypedResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[ChatOptions],
        ) -> ChatResponse: ...
        @overload
        async def chat(
            self: AsyncAPI[TypedResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[ChatOptions],
        ) -> AsyncStream[ChatStreamChunk, ChatResponse]: ...
        @overload
        async def chat(
            self: AsyncAPI[TypedResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: AsyncSink[ChatStreamChunk],
            **kwargs: Unpack[ChatOptions],
        ) -> asyncio.Task[ChatResponse]: ...
        @overload
        async def chat(
            self: AsyncAPI[DictResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[ChatOptions],
        ) -> JSON: ...
        @overload
        async def chat(
            self: AsyncAPI[DictResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[ChatOptions],
        ) -> AsyncStream[JSON, JSON]: ...
        @overload
        async def chat(
            self: AsyncAPI[DictResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: AsyncSink[JSON],
            **kwargs: Unpack[ChatOptions],
        ) -> asyncio.Task[JSON]: ...
        async def chat(
            self, model: Any = None, messages: Any = None, *, stream: Any = False, **kwargs: Any
        ) -> Any: ...

        @overload
        async def completion(
            self: AsyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CompletionOptions],
        ) -> GenerateResponse: ...
        @overload
        async def completion(
            self: AsyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CompletionOptions],
        ) -> AsyncStream[GenerateStreamChunk, GenerateResponse]: ...
        @overload
        async def completion(
            self: AsyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: AsyncSink[GenerateStreamChunk],
            **kwargs: Unpack[CompletionOptions],
        ) -> asyncio.Task[GenerateResponse]: ...
        @overload
        async def completion(
            self: AsyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CompletionOptions],
        ) -> JSON: ...
        @overload
        async def completion(
            self: AsyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CompletionOptions],
        ) -> AsyncStream[JSON, JSON]: ...
        @overload
        async def completion(
            self: AsyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: AsyncSink[JSON],
            **kwargs: Unpack[CompletionOptions],
        ) -> asyncio.Task[JSON]: ...
        async def completion(
            self, model: Any = None, prompt: Any = None, *, stream: Any = False, **kwargs: Any
        ) -> Any: ...

        @overload
        async def embed(
            self: AsyncAPI[TypedResults],
            model: str,
            input: str | Sequence[str] | None = None,
            **kwargs: Unpack[EmbedOptions],
        ) -> EmbedResponse: ...
        @overload
        async def embed(
            self: AsyncAPI[DictResults],
            model: str,
            input: str | Sequence[str] | None = None,
            **kwargs: Unpack[EmbedOptions],
        ) -> JSON: ...
        async def embed(self, model: Any = None, input: Any = None, **kwargs: Any) -> Any: ...

        @overload
        async def embeddings(
            self: AsyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            **kwargs: Unpack[EmbeddingsOptions],
        ) -> EmbeddingsResponse: ...
        @overload
        async def embeddings(
            self: AsyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            **kwargs: Unpack[EmbeddingsOptions],
        ) -> JSON: ...
        async def embeddings(self, model: Any = None, prompt: Any = None, **kwargs: Any) -> Any: ...

        async def preload(
            self, model: str, *, keep_alive: KeepAliveLike | None = None, **kwargs: Unpack[CallOptions]
        ) -> bool: ...

        async def unload(self, model: str, **kwargs: Unpack[CallOptions]) -> bool: ...

        # -- models ----------------------------------------------------------------------------------

        @overload
        async def list_models(
            self: AsyncAPI[TypedResults], **kwargs: Unpack[CallOptions]
        ) -> ListResponse: ...
        @overload
        async def list_models(self: AsyncAPI[DictResults], **kwargs: Unpack[CallOptions]) -> JSON: ...
        async def list_models(self, **kwargs: Any) -> Any: ...

        @overload
        async def list_running(
            self: AsyncAPI[TypedResults], **kwargs: Unpack[CallOptions]
        ) -> ProcessResponse: ...
        @overload
        async def list_running(self: AsyncAPI[DictResults], **kwargs: Unpack[CallOptions]) -> JSON: ...
        async def list_running(self, **kwargs: Any) -> Any: ...

        @overload
        async def show_model(
            self: AsyncAPI[TypedResults], model: str | None = None, **kwargs: Unpack[ShowOptions]
        ) -> ShowResponse: ...
        @overload
        async def show_model(
            self: AsyncAPI[DictResults], model: str | None = None, **kwargs: Unpack[ShowOptions]
        ) -> JSON: ...
        async def show_model(self, model: Any = None, **kwargs: Any) -> Any: ...

        @overload
        async def create_model(
            self: AsyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CreateOptions],
        ) -> ProgressResponse: ...
        @overload
        async def create_model(
            self: AsyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CreateOptions],
        ) -> AsyncStream[ProgressResponse, ProgressResponse]: ...
        @overload
        async def create_model(
            self: AsyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: AsyncSink[ProgressResponse],
            **kwargs: Unpack[CreateOptions],
        ) -> asyncio.Task[ProgressResponse]: ...
        @overload
        async def create_model(
            self: AsyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CreateOptions],
        ) -> JSON: ...
        @overload
        async def create_model(
            self: AsyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CreateOptions],
        ) -> AsyncStream[JSON, JSON]: ...
        @overload
        async def create_model(
            self: AsyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: AsyncSink[JSON],
            **kwargs: Unpack[CreateOptions],
        ) -> asyncio.Task[JSON]: ...
        async def create_model(self, model: Any = None, *, stream: Any = False, **kwargs: Any) -> Any: ...

        async def copy_model(self, source: str, destination: str, **kwargs: Unpack[CallOptions]) -> bool: ...

        async def delete_model(self, model: str | None = None, **kwargs: Unpack[TransferOptions]) -> bool: ...

        @overload
        async def pull_model(
            self: AsyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[TransferOptions],
        ) -> ProgressResponse: ...
        @overload
        async def pull_model(
            self: AsyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[TransferOptions],
        ) -> AsyncStream[ProgressResponse, ProgressResponse]: ...
        @overload
        async def pull_model(
            self: AsyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: AsyncSink[ProgressResponse],
            **kwargs: Unpack[TransferOptions],
        ) -> asyncio.Task[ProgressResponse]: ...
        @overload
        async def pull_model(
            self: AsyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[TransferOptions],
        ) -> JSON: ...
        @overload
        async def pull_model(
            self: AsyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[TransferOptions],
        ) -> AsyncStream[JSON, JSON]: ...
        @overload
        async def pull_model(
            self: AsyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: AsyncSink[JSON],
            **kwargs: Unpack[TransferOptions],
        ) -> asyncio.Task[JSON]: ...
        async def pull_model(self, model: Any = None, *, stream: Any = False, **kwargs: Any) -> Any: ...

        # push takes exactly pull's arguments and gives the same kinds of result.
        push_model = pull_model

        # -- blobs -----------------------------------------------------------------------------------

        async def check_blob(self, digest: str | bytes, **kwargs: Unpack[CallOptions]) -> bool: ...

        async def create_blob(self, source: BlobSourceLike, **kwargs: Unpack[CallOptions]) -> str: ...

        # -- server and cloud ------------------------------------------------------------------------

        @overload
        async def version(self: AsyncAPI[TypedResults], **kwargs: Unpack[CallOptions]) -> VersionResponse: ...
        @overload
        async def version(self: AsyncAPI[DictResults], **kwargs: Unpack[CallOptions]) -> JSON: ...
        async def version(self, **kwargs: Any) -> Any: ...

        @overload
        async def web_search(
            self: AsyncAPI[TypedResults], query: str, *, max_results: int = 3, **kwargs: Unpack[CallOptions]
        ) -> WebSearchResponse: ...
        @overload
        async def web_search(
            self: AsyncAPI[DictResults], query: str, *, max_results: int = 3, **kwargs: Unpack[CallOptions]
        ) -> JSON: ...
        async def web_search(self, query: Any, *, max_results: Any = 3, **kwargs: Any) -> Any: ...

        @overload
        async def web_fetch(
            self: AsyncAPI[TypedResults], url: str, **kwargs: Unpack[CallOptions]
        ) -> WebFetchResponse: ...
        @overload
        async def web_fetch(self: AsyncAPI[DictResults], url: str, **kwargs: Unpack[CallOptions]) -> JSON: ...
        async def web_fetch(self, url: Any, **kwargs: Any) -> Any: ...

        # The official Python client's names.
        generate = completion
        list = list_models
        ps = list_running
        show = show_model
        create = create_model
        copy = copy_model
        delete = delete_model
        pull = pull_model
        push = push_model

else:

    class AsyncAPI(Generic[M]):
        chat = _methods.chat
        completion = _methods.completion
        embed = _methods.embed
        embeddings = _methods.embeddings
        preload = _methods.preload
        unload = _methods.unload
        list_models = _methods.list_models
        list_running = _methods.list_running
        show_model = _methods.show_model
        create_model = _methods.create_model
        copy_model = _methods.copy_model
        delete_model = _methods.delete_model
        pull_model = _methods.pull_model
        push_model = _methods.push_model
        check_blob = _methods.check_blob
        create_blob = _methods.create_blob
        version = _methods.version
        web_search = _methods.web_search
        web_fetch = _methods.web_fetch

        # The official Python client's names.
        generate = completion
        list = list_models
        ps = list_running
        show = show_model
        create = create_model
        copy = copy_model
        delete = delete_model
        pull = pull_model
        push = push_model
