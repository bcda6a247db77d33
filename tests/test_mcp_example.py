"""examples/mcp_server.py end to end: run it as a subprocess and speak JSON-RPC over its pipes."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ollixir.testing import OllamaTestServer

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "mcp_server.py"
# Generous: only there so a broken server fails the test instead of hanging it.
REPLY_TIMEOUT = 60.0


class McpProcess:
    """The example server in a subprocess, with line-based send/receive."""

    def __init__(self, env_overrides: dict[str, str]) -> None:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("OLLAMA_HOST", "OLLAMA_API_KEY", "OLLAMA_WEB_BASE_URL")
        }
        path = [str(ROOT), str(ROOT / "generated"), env.get("PYTHONPATH", "")]
        env["PYTHONPATH"] = os.pathsep.join(p for p in path if p)
        env.update(env_overrides)
        self.proc = subprocess.Popen(
            [sys.executable, str(SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self._lines: queue.Queue[bytes] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._next_id = 0

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(b"")

    def send_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_raw(json.dumps(message).encode() + b"\n")

    def receive(self) -> dict[str, Any]:
        line = self._lines.get(timeout=REPLY_TIMEOUT)
        assert line, "the server closed stdout"
        reply: dict[str, Any] = json.loads(line)
        return reply

    def request(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"jsonrpc": "2.0", "id": self._next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        reply = self.receive()
        assert reply["jsonrpc"] == "2.0" and reply["id"] == self._next_id
        return reply

    def call(self, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        return self.request("tools/call", {"name": name, "arguments": arguments})

    def close(self) -> tuple[int, str]:
        """Close stdin (end of session) and wait for a clean exit."""
        assert self.proc.stdin is not None and self.proc.stderr is not None
        self.proc.stdin.close()
        code = self.proc.wait(timeout=REPLY_TIMEOUT)
        stderr = self.proc.stderr.read().decode()
        self.proc.stderr.close()
        assert self.proc.stdout is not None
        self._reader.join(timeout=REPLY_TIMEOUT)
        self.proc.stdout.close()
        return code, stderr

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def bundled() -> Iterator[McpProcess]:
    """The example without OLLAMA_HOST: it runs on its own in-process test server."""
    mcp = McpProcess({})
    try:
        reply = mcp.request(
            "initialize",
            {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "pytest", "version": "1"},
            },
        )
        assert reply["result"]["protocolVersion"] == "2025-06-18"
        mcp.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        yield mcp
    finally:
        mcp.kill()


def text_of(reply: dict[str, Any]) -> str:
    content = reply["result"]["content"]
    assert len(content) == 1 and content[0]["type"] == "text"
    return str(content[0]["text"])


def test_initialize_and_ping(bundled: McpProcess) -> None:
    # The notification sent by the fixture got no reply: the next line read answers this ping.
    assert bundled.request("ping")["result"] == {}
    again = bundled.request("initialize", {"protocolVersion": "1999-01-01", "capabilities": {}})["result"]
    assert again["protocolVersion"] == "2025-06-18"
    assert again["capabilities"] == {"tools": {"listChanged": False}}
    assert again["serverInfo"]["name"] == "ollixir-example"


def test_tools_list(bundled: McpProcess) -> None:
    tools = bundled.request("tools/list")["result"]["tools"]
    assert [t["name"] for t in tools] == ["web_search", "web_fetch", "chat"]
    schemas = {t["name"]: t["inputSchema"] for t in tools}
    assert schemas["web_search"]["required"] == ["query"]
    assert schemas["web_fetch"]["required"] == ["url"]
    assert schemas["chat"]["required"] == ["model", "prompt"]
    assert all(t["description"] for t in tools)


def test_tools_call_each_tool(bundled: McpProcess) -> None:
    search = bundled.call("web_search", {"query": "model context protocol", "max_results": 2})
    assert search["result"]["isError"] is False
    results = json.loads(text_of(search))["results"]
    assert [r["title"] for r in results] == [
        "Result 1 for model context protocol",
        "Result 2 for model context protocol",
    ]
    fetch = bundled.call("web_fetch", {"url": "https://modelcontextprotocol.io"})
    assert json.loads(text_of(fetch))["title"] == "Page https://modelcontextprotocol.io"
    chat = bundled.call("chat", {"model": "llama3.2", "prompt": "hello over stdio"})
    assert text_of(chat) == "You said: hello over stdio" and chat["result"]["isError"] is False


def test_tool_failures_are_results_not_protocol_errors(bundled: McpProcess) -> None:
    failed = bundled.call("chat", {"model": "no-such-model", "prompt": "hi"})
    assert failed["result"]["isError"] is True
    assert text_of(failed).startswith("ResponseError operation=chat status=404: ")
    assert "no-such-model" in text_of(failed)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"name": "web_browse", "arguments": {}}, "Unknown tool: web_browse"),
        ({"name": "web_search", "arguments": {}}, "Invalid arguments: missing query"),
        ({"name": "web_search", "arguments": {"query": 3}}, "Invalid arguments: query must be string"),
        ({"name": "web_fetch", "arguments": {"url": "x", "depth": 2}}, "Invalid arguments: unknown depth"),
        ({"name": "chat", "arguments": "model=llama3.2"}, "Invalid arguments: 'arguments' must be an object"),
    ],
)
def test_bad_tool_calls_are_invalid_params(bundled: McpProcess, params: dict[str, Any], message: str) -> None:
    reply = bundled.request("tools/call", params)
    assert "result" not in reply
    assert reply["error"] == {"code": -32602, "message": message}


def test_protocol_errors(bundled: McpProcess) -> None:
    assert bundled.request("resources/list")["error"] == {
        "code": -32601,
        "message": "Method not found: resources/list",
    }

    bundled.send_raw(b"{not json\n")
    parse = bundled.receive()
    assert parse["id"] is None and parse["error"]["code"] == -32700

    bundled.send({"id": "abc", "method": "ping"})
    invalid = bundled.receive()
    assert invalid["id"] == "abc" and invalid["error"]["code"] == -32600

    bundled.send_raw(b"[]\n")
    assert bundled.receive()["error"]["code"] == -32600

    # Unknown notifications and blank lines get no answer; string ids come back unchanged.
    bundled.send({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 1}})
    bundled.send({"jsonrpc": "2.0", "method": "no/such/notification"})
    bundled.send_raw(b"\n")
    bundled.send({"jsonrpc": "2.0", "id": "req-7", "method": "ping"})
    assert bundled.receive() == {"jsonrpc": "2.0", "id": "req-7", "result": {}}


def test_clean_exit_at_end_of_input() -> None:
    mcp = McpProcess({})
    try:
        assert mcp.request("ping")["result"] == {}
        code, stderr = mcp.close()
    finally:
        mcp.kill()
    assert code == 0
    assert "Traceback" not in stderr


def test_uses_ollama_host_when_set(ollama_server: OllamaTestServer) -> None:
    """With OLLAMA_HOST (and a key and web base URL) set, the example talks to that server."""
    mcp = McpProcess(
        {
            "OLLAMA_HOST": ollama_server.url,
            "OLLAMA_API_KEY": "test-key",
            "OLLAMA_WEB_BASE_URL": ollama_server.url,
        }
    )
    try:
        mcp.request("initialize", {"protocolVersion": "2025-03-26", "capabilities": {}})
        assert text_of(mcp.call("chat", {"model": "qwen3", "prompt": "external"})) == "You said: external"
        assert (
            json.loads(text_of(mcp.call("web_search", {"query": "q"})))["results"][0]["title"]
            == "Result 1 for q"
        )
        code, _ = mcp.close()
    finally:
        mcp.kill()
    assert code == 0
    chats = [r for r in ollama_server.requests if r.path == "/api/chat"]
    assert len(chats) == 1 and isinstance(chats[0].json, dict) and chats[0].json["model"] == "qwen3"
    searches = [r for r in ollama_server.requests if r.path == "/api/web_search"]
    assert len(searches) == 1 and searches[0].headers["authorization"] == "Bearer test-key"
