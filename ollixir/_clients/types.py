"""Public type aliases and the keyword-argument sets shared by the sync and async clients.

The keyword sets are TypedDicts used with ``Unpack`` so each operation's options are declared once
for both clients.
"""

from __future__ import annotations

import datetime
import os
import queue
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypedDict, TypeVar

import httpx

from .._core.retry import RetryPolicy

if TYPE_CHECKING:
    import asyncio  # only named in a string alias; asyncio costs ~8 ms to import

    from ollixir_api.models import Message, Options, ResponseMessage, Tool

    from .._ops.images import Image

__all__ = [
    "CallOptions",
    "ChatOptions",
    "CompletionOptions",
    "DictResults",
    "EmbedOptions",
    "FormatLike",
    "ImageLike",
    "KeepAliveLike",
    "MessageLike",
    "OptionsLike",
    "ThinkLike",
    "ToolLike",
    "TypedResults",
]

T = TypeVar("T")


class TypedResults:
    """Type marker: operations return generated typed models (the default)."""


class DictResults:
    """Type marker: operations return plain JSON dicts (``response_format="dict"``)."""


JSON: TypeAlias = dict[str, Any]
MessageLike: TypeAlias = "Mapping[str, Any] | Message | ResponseMessage"
ToolLike: TypeAlias = "Mapping[str, Any] | Tool | Callable[..., Any]"
FormatLike: TypeAlias = "Literal['json'] | Mapping[str, Any] | type"
OptionsLike: TypeAlias = "Mapping[str, Any] | Options"
KeepAliveLike: TypeAlias = str | float | datetime.timedelta
ThinkLike: TypeAlias = bool | Literal["low", "medium", "high", "max"]
ImageLike: TypeAlias = "bytes | str | os.PathLike[str] | Image"
TimeoutLike: TypeAlias = float | httpx.Timeout | None

# Process mode: where chunks go when ``stream=`` is not a bool.
SyncSink: TypeAlias = (
    "Callable[[T], object] | queue.Queue[tuple[str, Any]] | queue.SimpleQueue[tuple[str, Any]]"
)
# What the run-time signatures (shared by both clients) show for stream=.
Sink: TypeAlias = "Callable[[Any], object] | queue.Queue[tuple[str, Any]] | queue.SimpleQueue[tuple[str, Any]] | asyncio.Queue[tuple[str, Any]]"
AsyncSink: TypeAlias = (
    "Callable[[T], object] | Callable[[T], Awaitable[object]] | asyncio.Queue[tuple[str, Any]]"
)


class CallOptions(TypedDict, total=False):
    """Accepted by every operation."""

    timeout: TimeoutLike
    retry: RetryPolicy | bool


class ChatOptions(CallOptions, total=False):
    tools: Sequence[ToolLike]
    format: FormatLike
    options: OptionsLike
    keep_alive: KeepAliveLike
    think: ThinkLike
    truncate: bool
    shift: bool
    logprobs: bool
    top_logprobs: int


class CompletionOptions(CallOptions, total=False):
    suffix: str
    images: Sequence[ImageLike]
    system: str
    template: str
    context: Sequence[int]
    raw: bool
    format: FormatLike
    options: OptionsLike
    keep_alive: KeepAliveLike
    think: ThinkLike
    truncate: bool
    shift: bool
    logprobs: bool
    top_logprobs: int


class EmbedOptions(CallOptions, total=False):
    truncate: bool
    dimensions: int
    keep_alive: KeepAliveLike
    options: OptionsLike


class EmbeddingsOptions(CallOptions, total=False):
    keep_alive: KeepAliveLike
    options: OptionsLike


class ShowOptions(CallOptions, total=False):
    name: str
    verbose: bool
    system: str
    options: OptionsLike


class TransferOptions(CallOptions, total=False):
    name: str
    insecure: bool


class CreateOptions(CallOptions, total=False):
    name: str
    modelfile: str | os.PathLike[str]
    from_: str
    files: Mapping[str, str | os.PathLike[str]]
    adapters: Mapping[str, str | os.PathLike[str]]
    template: str
    license: str | Sequence[str]
    system: str
    parameters: OptionsLike
    messages: Sequence[MessageLike]
    quantize: str
    renderer: str
    parser: str
    requires: str
