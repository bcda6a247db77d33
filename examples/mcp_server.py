#!/usr/bin/env python3
"""An MCP (Model Context Protocol) server over stdio, backed by ollixir.

It offers three tools to an MCP host (Claude Desktop, an IDE, an agent framework):

* ``web_search`` (``query``, optional ``max_results``) and ``web_fetch`` (``url``): ollama.com's web API;
* ``chat`` (``model``, ``prompt``): one chat turn with a local Ollama model.

Run it with ``python examples/mcp_server.py``. With ``OLLAMA_HOST`` set it talks to that Ollama server (and
to ollama.com for web tools, with ``OLLAMA_API_KEY``). Without it, it starts ollixir's bundled test server
in-process and uses its fake models and fake web endpoints, so the example works offline.

The transport is JSON-RPC 2.0, one message per line on stdin/stdout; stdout carries nothing else (logs go
to stderr). Implemented: ``initialize``, ``notifications/initialized``, ``ping``, ``tools/list`` and
``tools/call``. No ``mcp`` package is needed. A host configuration looks like::

    {"mcpServers": {"ollixir": {"command": "python", "args": ["/path/to/examples/mcp_server.py"]}}}
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any, Final

import ollixir
from ollixir import helpers, web

log = logging.getLogger("ollixir.mcp")

SERVER_INFO: Final = {"name": "ollixir-example", "version": ollixir.__version__}
# Newest first; an unknown requested version is answered with the newest, as the spec asks.
PROTOCOL_VERSIONS: Final = ("2025-06-18", "2025-03-26", "2024-11-05")

PARSE_ERROR: Final = -32700
INVALID_REQUEST: Final = -32600
METHOD_NOT_FOUND: Final = -32601
INVALID_PARAMS: Final = -32602
INTERNAL_ERROR: Final = -32603

_CHAT_TOOL: Final = {
    "name": "chat",
    "description": "Ask a local Ollama model one question and get its answer as text.",
    "inputSchema": {
        "type": "object",
        "properties": {
            "model": {"type": "string", "description": "Model name, e.g. llama3.2."},
            "prompt": {"type": "string", "description": "The user message."},
        },
        "required": ["model", "prompt"],
    },
}


class RpcError(Exception):
    """A JSON-RPC error answer."""

    def __init__(self, code: int, message: str, data: object = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.data = data


def tool_list() -> list[dict[str, Any]]:
    """The tools in MCP's shape: Ollama's tool definitions become ``name``/``description``/``inputSchema``."""
    listed = [
        {
            "name": tool["function"]["name"],
            "description": tool["function"]["description"],
            "inputSchema": tool["function"]["parameters"],
        }
        for tool in web.tools()
    ]
    return [*listed, json.loads(json.dumps(_CHAT_TOOL))]


_JSON_TYPES: Final[Mapping[str, Callable[[object], bool]]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
}


def check_arguments(schema: Mapping[str, Any], arguments: Mapping[str, Any]) -> None:
    """Reject arguments that break the tool's input schema (a protocol error, not a tool failure)."""
    properties: Mapping[str, Any] = schema.get("properties", {})
    problems: list[str] = []
    missing = [name for name in schema.get("required", []) if name not in arguments]
    if missing:
        problems.append(f"missing {', '.join(missing)}")
    unknown = [name for name in arguments if name not in properties]
    if unknown:
        problems.append(f"unknown {', '.join(unknown)}")
    for name, spec in properties.items():
        if name in arguments and not _JSON_TYPES[spec["type"]](arguments[name]):
            problems.append(f"{name} must be {spec['type']}")
    if problems:
        raise RpcError(INVALID_PARAMS, "Invalid arguments: " + "; ".join(problems))


class McpServer:
    """The protocol logic, free of I/O: :meth:`handle` turns one incoming message into the reply (or None)."""

    def __init__(self, client: ollixir.Client[ollixir.TypedResults]) -> None:
        self.client = client
        self.initialized = False
        self._tools = {tool["name"]: tool for tool in tool_list()}

    # -- methods ---------------------------------------------------------------------------------------

    def initialize(self, params: Mapping[str, Any]) -> dict[str, Any]:
        requested = params.get("protocolVersion")
        version = requested if requested in PROTOCOL_VERSIONS else PROTOCOL_VERSIONS[0]
        return {
            "protocolVersion": version,
            "capabilities": {"tools": {"listChanged": False}},
            "serverInfo": SERVER_INFO,
            "instructions": "Web search and fetch through ollama.com, and chat with local Ollama models.",
        }

    def call_tool(self, params: Mapping[str, Any]) -> dict[str, Any]:
        name = params.get("name")
        arguments = params.get("arguments") or {}
        if not isinstance(name, str) or name not in self._tools:
            raise RpcError(INVALID_PARAMS, f"Unknown tool: {name}")
        if not isinstance(arguments, dict):
            raise RpcError(INVALID_PARAMS, "Invalid arguments: 'arguments' must be an object")
        check_arguments(self._tools[name]["inputSchema"], arguments)
        try:
            if name == "chat":
                reply = self.client.chat(
                    arguments["model"], [{"role": "user", "content": arguments["prompt"]}]
                )
                text = reply.message.content
            else:
                text = web.dispatch(self.client, name, arguments)
        except ollixir.OllixirError as exc:
            # A failed call is a tool result the model can read, not a protocol failure (MCP's "isError").
            return {"content": [{"type": "text", "text": helpers.format_error(exc)}], "isError": True}
        return {"content": [{"type": "text", "text": text}], "isError": False}

    # -- dispatch --------------------------------------------------------------------------------------

    def handle(self, message: object) -> dict[str, Any] | None:
        """The answer to one decoded message; None for notifications, which are never answered."""
        if not isinstance(message, dict):
            return _error(None, RpcError(INVALID_REQUEST, "Invalid Request: batches are not supported"))
        msg_id = message.get("id")
        is_notification = "id" not in message
        try:
            if message.get("jsonrpc") != "2.0" or not isinstance(message.get("method"), str):
                raise RpcError(INVALID_REQUEST, "Invalid Request: need jsonrpc '2.0' and a method")
            if not is_notification and (isinstance(msg_id, bool) or not isinstance(msg_id, str | int)):
                raise RpcError(INVALID_REQUEST, "Invalid Request: id must be a string or an integer")
            params = message.get("params", {})
            if not isinstance(params, dict):
                raise RpcError(INVALID_PARAMS, "Invalid params: must be an object")
            result = self._call(message["method"], params, is_notification)
        except RpcError as exc:
            return None if is_notification else _error(msg_id, exc)
        except Exception as exc:  # a bug must not kill the session
            log.exception("internal error")
            err = RpcError(INTERNAL_ERROR, f"Internal error: {helpers.format_error(exc)}")
            return None if is_notification else _error(msg_id, err)
        if is_notification:
            return None
        return {"jsonrpc": "2.0", "id": msg_id, "result": result}

    def _call(self, method: str, params: Mapping[str, Any], is_notification: bool) -> dict[str, Any]:
        if method == "initialize":
            return self.initialize(params)
        if method == "notifications/initialized":
            self.initialized = True
            return {}
        if method == "ping":
            return {}
        if method == "tools/list":
            return {"tools": list(self._tools.values())}
        if method == "tools/call":
            return self.call_tool(params)
        if method.startswith("notifications/") and is_notification:
            return {}  # other notifications (cancelled, progress) need no action here
        raise RpcError(METHOD_NOT_FOUND, f"Method not found: {method}")

    # -- transport -------------------------------------------------------------------------------------

    def serve(self, lines: Iterable[bytes], out: IO[bytes]) -> None:
        """Answer each newline-delimited message of ``lines`` on ``out`` until the input ends."""
        for raw in lines:
            if not raw.strip():
                continue
            try:
                message = json.loads(raw)
            except ValueError as exc:
                reply: dict[str, Any] | None = _error(None, RpcError(PARSE_ERROR, f"Parse error: {exc}"))
            else:
                reply = self.handle(message)
            if reply is not None:
                out.write(json.dumps(reply, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
                out.flush()


def _error(msg_id: object, exc: RpcError) -> dict[str, Any]:
    error: dict[str, Any] = {"code": exc.code, "message": exc.message}
    if exc.data is not None:
        error["data"] = exc.data
    return {"jsonrpc": "2.0", "id": msg_id if isinstance(msg_id, str | int) else None, "error": error}


def open_client(stack: contextlib.ExitStack) -> ollixir.Client[ollixir.TypedResults]:
    """A client for ``OLLAMA_HOST``, or for a bundled test server started here when it is unset."""
    if os.environ.get("OLLAMA_HOST"):
        log.info("using Ollama at %s", os.environ["OLLAMA_HOST"])
        return stack.enter_context(ollixir.Client())
    from ollixir.testing import OllamaTestServer

    server = stack.enter_context(OllamaTestServer())
    log.info("OLLAMA_HOST is not set: using the bundled test server at %s", server.url)
    # The test server also answers web_search/web_fetch (for its own key); a real key goes to ollama.com.
    own_key = not os.environ.get("OLLAMA_API_KEY")
    return stack.enter_context(
        ollixir.Client(
            server.url, api_key="test-key" if own_key else None, cloud_url=server.url if own_key else None
        )
    )


def main() -> int:
    logging.basicConfig(stream=sys.stderr, level=os.environ.get("MCP_LOG_LEVEL", "WARNING"))
    with contextlib.ExitStack() as stack:
        server = McpServer(open_client(stack))
        server.serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
