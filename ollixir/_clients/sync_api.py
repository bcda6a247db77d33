"""Typed signatures of the synchronous client's operations.

Runtime bodies come from ``_methods`` (shared with the async client); the type checker sees the
overloads below, which map each argument form to its precise result type.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
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
    from .._core.stream import Stream
    from .types import (
        JSON,
        CallOptions,
        ChatOptions,
        CompletionOptions,
        CreateOptions,
        EmbeddingsOptions,
        EmbedOptions,
        KeepAliveLike,
        MessageLike,
        ShowOptions,
        SyncSink,
        TransferOptions,
    )

__all__ = ["SyncAPI"]

M = TypeVar("M", TypedResults, DictResults)

if TYPE_CHECKING:

    class SyncAPI(Generic[M]):
        # -- inference -------------------------------------------------------------------------------

        @overload
        def chat(
            self: SyncAPI[TypedResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[ChatOptions],
        ) -> ChatResponse: ...
        @overload
        def chat(
            self: SyncAPI[TypedResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[ChatOptions],
        ) -> Stream[ChatStreamChunk, ChatResponse]: ...
        @overload
        def chat(
            self: SyncAPI[TypedResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: SyncSink[ChatStreamChunk],
            **kwargs: Unpack[ChatOptions],
        ) -> Future[ChatResponse]: ...
        @overload
        def chat(
            self: SyncAPI[DictResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[ChatOptions],
        ) -> JSON: ...
        @overload
        def chat(
            self: SyncAPI[DictResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[ChatOptions],
        ) -> Stream[JSON, JSON]: ...
        @overload
        def chat(
            self: SyncAPI[DictResults],
            model: str,
            messages: Sequence[MessageLike] | None = None,
            *,
            stream: SyncSink[JSON],
            **kwargs: Unpack[ChatOptions],
        ) -> Future[JSON]: ...
        def chat(
            self, model: Any = None, messages: Any = None, *, stream: Any = False, **kwargs: Any
        ) -> Any: ...

        @overload
        def completion(
            self: SyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CompletionOptions],
        ) -> GenerateResponse: ...
        @overload
        def completion(
            self: SyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CompletionOptions],
        ) -> Stream[GenerateStreamChunk, GenerateResponse]: ...
        @overload
        def completion(
            self: SyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: SyncSink[GenerateStreamChunk],
            **kwargs: Unpack[CompletionOptions],
        ) -> Future[GenerateResponse]: ...
        @overload
        def completion(
            self: SyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CompletionOptions],
        ) -> JSON: ...
        @overload
        def completion(
            self: SyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CompletionOptions],
        ) -> Stream[JSON, JSON]: ...
        @overload
        def completion(
            self: SyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            *,
            stream: SyncSink[JSON],
            **kwargs: Unpack[CompletionOptions],
        ) -> Future[JSON]: ...
        def completion(
            self, model: Any = None, prompt: Any = None, *, stream: Any = False, **kwargs: Any
        ) -> Any: ...

        @overload
        def embed(
            self: SyncAPI[TypedResults],
            model: str,
            input: str | Sequence[str] | None = None,
            **kwargs: Unpack[EmbedOptions],
        ) -> EmbedResponse: ...
        @overload
        def embed(
            self: SyncAPI[DictResults],
            model: str,
            input: str | Sequence[str] | None = None,
            **kwargs: Unpack[EmbedOptions],
        ) -> JSON: ...
        def embed(self, model: Any = None, input: Any = None, **kwargs: Any) -> Any: ...

        @overload
        def embeddings(
            self: SyncAPI[TypedResults],
            model: str,
            prompt: str | None = None,
            **kwargs: Unpack[EmbeddingsOptions],
        ) -> EmbeddingsResponse: ...
        @overload
        def embeddings(
            self: SyncAPI[DictResults],
            model: str,
            prompt: str | None = None,
            **kwargs: Unpack[EmbeddingsOptions],
        ) -> JSON: ...
        def embeddings(self, model: Any = None, prompt: Any = None, **kwargs: Any) -> Any: ...

        def preload(
            self, model: str, *, keep_alive: KeepAliveLike | None = None, **kwargs: Unpack[CallOptions]
        ) -> bool: ...

        def unload(self, model: str, **kwargs: Unpack[CallOptions]) -> bool: ...

        # -- models ----------------------------------------------------------------------------------

        @overload
        def list_models(self: SyncAPI[TypedResults], **kwargs: Unpack[CallOptions]) -> ListResponse: ...
        @overload
        def list_models(self: SyncAPI[DictResults], **kwargs: Unpack[CallOptions]) -> JSON: ...
        def list_models(self, **kwargs: Any) -> Any: ...

        @overload
        def list_running(self: SyncAPI[TypedResults], **kwargs: Unpack[CallOptions]) -> ProcessResponse: ...
        @overload
        def list_running(self: SyncAPI[DictResults], **kwargs: Unpack[CallOptions]) -> JSON: ...
        def list_running(self, **kwargs: Any) -> Any: ...

        @overload
        def show_model(
            self: SyncAPI[TypedResults], model: str | None = None, **kwargs: Unpack[ShowOptions]
        ) -> ShowResponse: ...
        @overload
        def show_model(
            self: SyncAPI[DictResults], model: str | None = None, **kwargs: Unpack[ShowOptions]
        ) -> JSON: ...
        def show_model(self, model: Any = None, **kwargs: Any) -> Any: ...

        @overload
        def create_model(
            self: SyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CreateOptions],
        ) -> ProgressResponse: ...
        @overload
        def create_model(
            self: SyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CreateOptions],
        ) -> Stream[ProgressResponse, ProgressResponse]: ...
        @overload
        def create_model(
            self: SyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: SyncSink[ProgressResponse],
            **kwargs: Unpack[CreateOptions],
        ) -> Future[ProgressResponse]: ...
        @overload
        def create_model(
            self: SyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[CreateOptions],
        ) -> JSON: ...
        @overload
        def create_model(
            self: SyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[CreateOptions],
        ) -> Stream[JSON, JSON]: ...
        @overload
        def create_model(
            self: SyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: SyncSink[JSON],
            **kwargs: Unpack[CreateOptions],
        ) -> Future[JSON]: ...
        def create_model(self, model: Any = None, *, stream: Any = False, **kwargs: Any) -> Any: ...

        def copy_model(self, source: str, destination: str, **kwargs: Unpack[CallOptions]) -> bool: ...

        def delete_model(self, model: str | None = None, **kwargs: Unpack[TransferOptions]) -> bool: ...

        @overload
        def pull_model(
            self: SyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[TransferOptions],
        ) -> ProgressResponse: ...
        @overload
        def pull_model(
            self: SyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[TransferOptions],
        ) -> Stream[ProgressResponse, ProgressResponse]: ...
        @overload
        def pull_model(
            self: SyncAPI[TypedResults],
            model: str | None = None,
            *,
            stream: SyncSink[ProgressResponse],
            **kwargs: Unpack[TransferOptions],
        ) -> Future[ProgressResponse]: ...
        @overload
        def pull_model(
            self: SyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[False] = False,
            **kwargs: Unpack[TransferOptions],
        ) -> JSON: ...
        @overload
        def pull_model(
            self: SyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: Literal[True],
            **kwargs: Unpack[TransferOptions],
        ) -> Stream[JSON, JSON]: ...
        @overload
        def pull_model(
            self: SyncAPI[DictResults],
            model: str | None = None,
            *,
            stream: SyncSink[JSON],
            **kwargs: Unpack[TransferOptions],
        ) -> Future[JSON]: ...
        def pull_model(self, model: Any = None, *, stream: Any = False, **kwargs: Any) -> Any: ...

        # push takes exactly pull's arguments and gives the same kinds of result.
        push_model = pull_model

        # -- blobs -----------------------------------------------------------------------------------

        def check_blob(self, digest: str | bytes, **kwargs: Unpack[CallOptions]) -> bool: ...

        def create_blob(self, source: BlobSourceLike, **kwargs: Unpack[CallOptions]) -> str: ...

        # -- server and cloud ------------------------------------------------------------------------

        @overload
        def version(self: SyncAPI[TypedResults], **kwargs: Unpack[CallOptions]) -> VersionResponse: ...
        @overload
        def version(self: SyncAPI[DictResults], **kwargs: Unpack[CallOptions]) -> JSON: ...
        def version(self, **kwargs: Any) -> Any: ...

        @overload
        def web_search(
            self: SyncAPI[TypedResults], query: str, *, max_results: int = 3, **kwargs: Unpack[CallOptions]
        ) -> WebSearchResponse: ...
        @overload
        def web_search(
            self: SyncAPI[DictResults], query: str, *, max_results: int = 3, **kwargs: Unpack[CallOptions]
        ) -> JSON: ...
        def web_search(self, query: Any, *, max_results: Any = 3, **kwargs: Any) -> Any: ...

        @overload
        def web_fetch(
            self: SyncAPI[TypedResults], url: str, **kwargs: Unpack[CallOptions]
        ) -> WebFetchResponse: ...
        @overload
        def web_fetch(self: SyncAPI[DictResults], url: str, **kwargs: Unpack[CallOptions]) -> JSON: ...
        def web_fetch(self, url: Any, **kwargs: Any) -> Any: ...

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

    class SyncAPI(Generic[M]):
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
