"""The tool loop: ask the model, run the tools it calls, send their results back, repeat until it
answers in text. One planner, driven by a sync and an async shell."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._errors import OllixirError, RequestError

if TYPE_CHECKING:
    from ollixir_api.models import ChatResponse, ToolCall

    from .._clients.async_client import AsyncClient
    from .._clients.client import Client
    from .._clients.types import DictResults, TypedResults

__all__ = ["ToolLoopError", "ToolRun", "arun", "run"]


class ToolLoopError(OllixirError):
    """The model kept calling tools past ``max_rounds``."""


@dataclass(slots=True)
class ToolRun:
    """What a tool loop produced: the model's final answer and the whole conversation."""

    response: ChatResponse
    messages: list[Any] = field(default_factory=list)
    rounds: int = 0

    @property
    def content(self) -> str:
        return self.response.message.content


class _Plan:
    """The loop's bookkeeping, free of I/O."""

    def __init__(
        self,
        messages: Sequence[Any],
        tools: Sequence[Any],
        handlers: Mapping[str, Callable[..., Any]] | None,
        max_rounds: int,
    ) -> None:
        from ._build import from_function, normalize_tool

        if isinstance(messages, str) or not isinstance(messages, Sequence):
            raise RequestError("messages must be a list of messages", param="messages")
        if max_rounds < 1:
            raise RequestError("max_rounds must be at least 1", param="max_rounds")
        self.messages: list[Any] = list(messages)
        self.definitions: list[dict[str, Any]] = []
        self.handlers: dict[str, Callable[..., Any]] = dict(handlers or {})
        for tool in tools:
            if callable(tool) and not isinstance(tool, Mapping) and not hasattr(tool, "to_dict"):
                definition = from_function(tool)
                self.handlers.setdefault(definition["function"]["name"], tool)
            else:
                definition = normalize_tool(tool)
            self.definitions.append(definition)
        self.max_rounds = max_rounds
        self.rounds = 0

    def answer(self, response: ChatResponse) -> list[ToolCall] | None:
        """Record the model's message; the tool calls to run, or None when it answered."""
        self.rounds += 1
        calls = response.message.tool_calls
        if not calls:
            return None
        if self.rounds >= self.max_rounds:
            raise ToolLoopError(f"the model still called tools after {self.max_rounds} rounds")
        self.messages.append(response.message)
        return list(calls)

    def start(self, call: ToolCall) -> tuple[Callable[..., Any] | None, Any, str | None]:
        """The handler to run and its bound call, or an error text to send back instead."""
        from ._build import call_tool

        name = call.function.name
        handler = self.handlers.get(name)
        if handler is None:
            known = ", ".join(sorted(self.handlers)) or "none"
            return None, None, f"error: unknown tool {name!r} (available: {known})"
        try:
            return handler, call_tool(handler, call.function.arguments), None
        except RequestError as exc:
            return None, None, f"error: {exc}"
        except Exception as exc:  # a tool's own failure goes back to the model, not up the stack
            return None, None, f"error: {type(exc).__name__}: {exc}"

    def result(self, call: ToolCall, value: Any) -> None:
        content = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
        message: dict[str, Any] = {"role": "tool", "content": content, "tool_name": call.function.name}
        if call.id:
            message["tool_call_id"] = call.id
        self.messages.append(message)


def run(
    client: Client[TypedResults] | Client[DictResults],
    model: str,
    messages: Sequence[Any],
    tools: Sequence[Any],
    *,
    handlers: Mapping[str, Callable[..., Any]] | None = None,
    max_rounds: int = 8,
    **chat_options: Any,
) -> ToolRun:
    """Chat with tools until the model answers in text, calling the Python functions it asks for.

    ``tools`` may mix callables (their schema comes from the signature and docstring) with tool dicts
    or models whose implementations are given in ``handlers``. Tool results (and errors: unknown
    tools, bad arguments, exceptions raised by a tool) go back to the model as ``tool`` messages with
    ``tool_name`` and ``tool_call_id``. Async tool functions are run to completion.
    """
    plan = _Plan(messages, tools, handlers, max_rounds)
    while True:
        response: ChatResponse = client.chat(model, plan.messages, tools=plan.definitions, **chat_options)
        calls = plan.answer(response)
        if calls is None:
            return ToolRun(response, plan.messages, plan.rounds)
        for call in calls:
            _, pending, error = plan.start(call)
            if error is not None:
                plan.result(call, error)
                continue
            try:
                value = asyncio.run(_await(pending)) if inspect.isawaitable(pending) else pending
            except Exception as exc:
                value = f"error: {type(exc).__name__}: {exc}"
            plan.result(call, value)


async def _await(pending: Any) -> Any:
    return await pending


async def arun(
    client: AsyncClient[TypedResults] | AsyncClient[DictResults],
    model: str,
    messages: Sequence[Any],
    tools: Sequence[Any],
    *,
    handlers: Mapping[str, Callable[..., Any]] | None = None,
    max_rounds: int = 8,
    **chat_options: Any,
) -> ToolRun:
    """The async tool loop: :func:`run` for an :class:`~ollixir.AsyncClient`; async tools are awaited."""
    plan = _Plan(messages, tools, handlers, max_rounds)
    while True:
        response: ChatResponse = await client.chat(
            model, plan.messages, tools=plan.definitions, **chat_options
        )
        calls = plan.answer(response)
        if calls is None:
            return ToolRun(response, plan.messages, plan.rounds)
        for call in calls:
            _, pending, error = plan.start(call)
            if error is not None:
                plan.result(call, error)
                continue
            try:
                value = await pending if inspect.isawaitable(pending) else pending
            except Exception as exc:
                value = f"error: {type(exc).__name__}: {exc}"
            plan.result(call, value)
