"""The pullable catalogue, server configuration files and ``ollixir serve-test --models/--list``."""

from __future__ import annotations

import inspect
import json
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

import ollixir.testing
from ollixir.testing import (
    DEFAULT_MODELS,
    REGISTRY_ONLY,
    OllamaTestServer,
    ScriptedReplies,
    ServerConfig,
    ServerConfigError,
    default_catalogue,
)
from tests.test_cli import _env, cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "test_server_models.json"
CHAT = "/api/chat"


def ask(url: str, model: str, content: str, **extra: Any) -> httpx.Response:
    body = {"model": model, "messages": [{"role": "user", "content": content}], "stream": False, **extra}
    return httpx.post(url + CHAT, json=body, timeout=10)


# -- the catalogue ---------------------------------------------------------------------------------


def names_used_by_the_docs() -> set[str]:
    """Model names the README, the examples and the demo use (defaults and suggested overrides)."""
    names: set[str] = set()
    support = (ROOT / "examples" / "_support.py").read_text()
    names |= set(re.findall(r'os\.environ\.get\("OLLIXIR_\w+_MODEL", "([^"]+)"\)', support))
    texts = [
        ROOT / "README.md",
        *sorted((ROOT / "examples").glob("*.py")),
        *sorted(ROOT.glob("ollixir/cli/_demo*.py")),
    ]
    for path in texts:
        text = path.read_text()
        names |= set(re.findall(r"OLLIXIR_\w+_MODEL=([\w.:-]+)", text))
        names |= set(re.findall(r'\bmodel="([\w.:/-]+)"', text))
        names |= set(re.findall(r"ollixir (?:pull|run|show) ([\w.:/-]+)", text))
        names |= set(re.findall(r"\(e\.g\. ([a-z][\w.:-]+)\)", text))  # "some models (e.g. gpt-oss)"
    parser = (ROOT / "ollixir" / "cli" / "_parser.py").read_text()
    names |= set(re.findall(r'"--(?:embed-)?model", default="([^"]+)"', parser))
    demo = (ROOT / "ollixir" / "cli" / "_demo_steps.py").read_text()
    names |= set(re.findall(r'name = "([\w.:-]+)" if self\.test_server', demo))
    return {n for n in names if not n.startswith(("ollixir-", "no-such"))}


def _key(name: str) -> str:
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


def test_every_model_name_the_docs_use_is_in_the_catalogue() -> None:
    used = names_used_by_the_docs()
    # The scan found the names we know are there, so it is not vacuous.
    assert {
        "llama3.2",
        "qwen3",
        "llava",
        "codellama:code",
        "all-minilm",
        "tinyllama",
        "gemma3",
        "gpt-oss",
    } <= used
    catalogue = {e.name for e in default_catalogue()}
    assert {_key(n) for n in used} <= catalogue


def test_default_catalogue_matches_a_fresh_server_and_what_pull_installs() -> None:
    expected = default_catalogue()
    assert [e.name for e in expected if e.installed] == [m.name for m in DEFAULT_MODELS]
    assert [e.name for e in expected if not e.installed] == [m.name for m in REGISTRY_ONLY]
    with OllamaTestServer() as server:
        assert server.catalogue() == expected
        assert [e.name for e in server.installed_models()] == [m.name for m in DEFAULT_MODELS]
        for entry in expected:
            if entry.installed:
                continue
            short = entry.name.removesuffix(":latest")
            pulled = httpx.post(server.url + "/api/pull", json={"model": short, "stream": False}, timeout=10)
            assert pulled.json() == {"status": "success"}, entry.name
        tags = {m["name"]: m for m in httpx.get(server.url + "/api/tags").json()["models"]}
        for entry in expected:
            assert (tags[entry.name]["size"], tags[entry.name]["digest"]) == (entry.size, entry.digest)
        assert all(e.installed for e in server.catalogue())


def test_pull_gemma3_with_the_cli(ollama_server: OllamaTestServer) -> None:
    result = cli("pull", "gemma3", "--progress", "plain", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    listed = cli("list", host=ollama_server.url)
    assert "gemma3:latest" in listed.stdout
    thinking = cli("run", "gpt-oss", "--think-level", "high", "hi", host=ollama_server.url)
    assert thinking.returncode == 1 and "not found" in thinking.stderr  # not installed until pulled
    assert cli("pull", "gpt-oss", "--progress", "plain", host=ollama_server.url).returncode == 0
    ran = cli("run", "gpt-oss", "--think-level", "high", "hi", host=ollama_server.url)
    assert ran.returncode == 0 and "You said: hi" in ran.stdout


# -- configuration files ---------------------------------------------------------------------------


def test_example_file_loads_and_serves_what_it_says() -> None:
    config = ServerConfig.load(EXAMPLE)
    assert [m.name for m in config.models] == ["acme/support-bot", "acme/greeter:1b", "acme/tiny-embed"]
    assert [m.name for m in config.pullable] == ["acme/nightly:7b", "acme/vision-preview"]
    with config.start() as server:
        assert [f.kind.value for f in server.faults] == ["fail", "slow_stream"]
        url = server.url
        # The armed 503 hits the first embed call only.
        first = httpx.post(url + "/api/embed", json={"model": "acme/tiny-embed", "input": "x"})
        assert (first.status_code, first.headers["retry-after"]) == (503, "1")
        vectors = httpx.post(url + "/api/embed", json={"model": "acme/tiny-embed", "input": "x"}).json()
        assert len(vectors["embeddings"][0]) == 64
        assert (
            ask(url, "acme/greeter:1b", "hi").json()["message"]["content"]
            == "Hello! I always say the same thing."
        )
        pulled = httpx.post(url + "/api/pull", json={"model": "acme/vision-preview", "stream": False})
        assert pulled.json() == {"status": "success"}
        sizes = {m["name"]: m["size"] for m in httpx.get(url + "/api/tags").json()["models"]}
        entry = next(e for e in server.catalogue() if e.name == "acme/vision-preview:latest")
        # The file's size is the weights layer; the template layer comes on top.
        assert sizes["acme/vision-preview:latest"] == entry.size and 1234567890 < entry.size < 1234568000


def test_toml_files_work_too(tmp_path: Path) -> None:
    path = tmp_path / "models.toml"
    path.write_text(
        """
pullable = ["acme/extra"]

[[models]]
name = "acme/toml-bot"
capabilities = ["completion", "tools"]
replies = [
  { tool_calls = [{ name = "add", arguments = { a = 1, b = 2 } }] },
  "3",
]

[[faults]]
kind = "error_line"
after = 1
path = "/api/generate"
times = "always"
"""
    )
    config = ServerConfig.load(path)
    assert isinstance(config.models[0].reply, ScriptedReplies)
    with config.start() as server:
        tools = [{"type": "function", "function": {"name": "add", "parameters": {"type": "object"}}}]
        call = ask(server.url, "acme/toml-bot", "sum", tools=tools).json()["message"]["tool_calls"][0][
            "function"
        ]
        assert call == {"index": 0, "name": "add", "arguments": {"a": 1, "b": 2}}
        assert ask(server.url, "acme/toml-bot", "result?").json()["message"]["content"] == "3"
        assert server.faults.__len__() == 1 and next(iter(server.faults)).times is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "config: expected an object"),
        ({"model": []}, "config: unknown key 'model'"),
        ({"models": [{}]}, "models[0]: 'name' is required"),
        (
            {"models": [{"name": "a", "capabilities": ["telepathy"]}]},
            "models[0].capabilities[0]: unknown capability",
        ),
        ({"models": [{"name": "a", "reply": "x", "replies": ["y"]}]}, "not both"),
        (
            {"models": [{"name": "a", "replies": ["x", {"tool_call": []}]}]},
            "models[0].replies[1]: unknown key 'tool_call'",
        ),
        (
            {"models": [{"name": "a", "replies": [{"tool_calls": [{"arguments": {}}]}]}]},
            "tool_calls[0]: 'name' is required",
        ),
        ({"models": [{"name": "a", "replies": [{"error": "x", "status": 99}]}]}, "replies[0].status"),
        ({"models": [{"name": "a", "replies": ["x"], "when_done": "never"}]}, "models[0].when_done"),
        ({"models": [{"name": "a", "context_length": "big"}]}, "models[0].context_length: expected int"),
        ({"pullable": [7]}, "pullable[0]: expected an object"),
        ({"faults": [{"kind": "explode"}]}, "faults[0].kind: expected one of fail, error_body"),
        ({"faults": [{"kind": "drop", "status": 500}]}, "faults[0]: a drop fault takes no 'status'"),
        ({"faults": [{"kind": "slow_stream"}]}, "faults[0]: a slow_stream fault needs 'delay'"),
        ({"faults": [{"kind": "fail", "times": 0}]}, "faults[0].times"),
        ({"faults": [{"kind": "fail", "status": "500"}]}, "faults[0].status: '500' has the wrong type"),
        ({"faults": [{"kind": "fail", "body": "html"}]}, "faults[0].body"),
        ({"faults": [{"kind": "fail", "operation": "chatter"}]}, "faults[0]: operation 'chatter' is not an"),
        (
            {"faults": [{"kind": "fail", "operation": "chat", "path": "/api/chat"}]},
            "faults[0]: a fault takes operation='chat' or path/method, not both",
        ),
    ],
)
def test_bad_configuration_names_the_place(data: object, message: str) -> None:
    with pytest.raises(ServerConfigError) as info:
        ServerConfig.from_dict(data)
    assert message in str(info.value)


def test_unreadable_or_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(ServerConfigError, match="cannot read"):
        ServerConfig.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(ServerConfigError, match="not valid JSON"):
        ServerConfig.load(bad)


# -- serve-test ------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_serve_test_with_models_file_serves_a_scripted_model_to_another_process() -> None:
    argv = [sys.executable, "-m", "ollixir", "serve-test", "--port", "0", "--models", str(EXAMPLE)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(None))
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        # This test process is the client; the scripted model lives in the serve-test process.
        tools = [{"type": "function", "function": {"name": "lookup_order", "parameters": {"type": "object"}}}]
        first = ask(url, "acme/support-bot", "Where is my order?", tools=tools).json()["message"]
        assert first["tool_calls"][0]["function"]["arguments"] == {"order_id": 1042}
        second = ask(url, "acme/support-bot", "thanks", tools=tools).json()["message"]
        assert second == {
            "role": "assistant",
            "content": "Order 1042 shipped yesterday; it should arrive on Friday.",
        }
        third = ask(url, "acme/support-bot", "ok").json()["message"]
        assert (third["content"], third["thinking"]) == (
            "Anything else I can do?",
            "The question is answered.",
        )
        overloaded = ask(url, "acme/support-bot", "again")
        assert (overloaded.status_code, overloaded.json()) == (503, {"error": "model is overloaded"})
        assert "tool_calls" in ask(url, "acme/support-bot", "cycle", tools=tools).json()["message"]
        assert httpx.post(url + "/api/pull", json={"model": "acme/nightly:7b", "stream": False}).json() == {
            "status": "success"
        }
        proc.send_signal(signal.SIGTERM)
        # Read through the text wrappers: readline() above may have buffered the rest of stdout.
        assert proc.stderr is not None
        out, err = proc.stdout.read(), proc.stderr.read()
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0 and "stopped" in err
    installed, rest = out.split("Pullable names", 1)
    pullable, faults = rest.split("Faults armed", 1)
    assert re.search(r"acme/support-bot:latest .* scripted: 4 replies, then cycle", installed)
    assert "acme/greeter:1b" in installed and "llama3.2:latest" in installed
    for name in ("acme/nightly:7b", "acme/vision-preview:latest", "gemma3:latest", "gpt-oss:latest"):
        assert name in pullable
    assert (
        "fail (status=503" in faults
        and "on operation embed (POST /api/embed), next 1 matching request" in faults
    )
    assert "slow_stream (delay=0.01) on any method /api/generate, every matching request" in faults


def test_serve_test_list_prints_the_catalogue_with_the_file() -> None:
    result = cli("serve-test", "--list", "--models", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    installed, pullable = result.stdout.split("Pullable with", 1)
    for name in ("llama3.2:latest", "acme/support-bot:latest", "acme/tiny-embed:latest"):
        assert name in installed
    for entry in default_catalogue(ServerConfig.load(EXAMPLE).models, ServerConfig.load(EXAMPLE).pullable):
        if not entry.installed:
            assert re.search(rf"^  {re.escape(entry.name)} .* {entry.digest[:12]}$", pullable, re.M), (
                entry.name
            )
    assert "gemma3:latest" in pullable and "13.8 GB" in pullable  # gpt-oss's size


def test_serve_test_rejects_a_bad_models_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"models": [{"name": "x", "replies": "not a list"}]}))
    result = cli("serve-test", "--port", "0", "--models", str(bad))
    assert result.returncode == 2
    assert result.stderr == f"Error: {bad}: models[0].replies: expected a list, got str\n"


def test_python_m_ollixir_testing_takes_the_same_file() -> None:
    argv = [sys.executable, "-m", "ollixir.testing", "--port", "0", "--models", str(EXAMPLE)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(None))
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert ask(url, "acme/greeter:1b", "hi").json()["message"]["content"].startswith("Hello!")
        proc.send_signal(signal.SIGTERM)
        out = proc.stdout.read()
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "acme/greeter:1b" in out and proc.returncode == 0


# -- the public surface ----------------------------------------------------------------------------


def test_every_public_name_is_documented() -> None:
    package_doc = ollixir.testing.__doc__ or ""
    for name in ollixir.testing.__all__:
        value = getattr(ollixir.testing, name)
        assert name in package_doc, f"{name} is not mentioned in the ollixir.testing docstring"
        if inspect.isclass(value) or inspect.isfunction(value):
            doc = getattr(value, "__doc__", None) or ""
            assert len(doc.strip()) > 20, f"{name} has no docstring"
    # The answer rules and the fault table are reachable from public names.
    assert "Answer (first matching rule" in (ollixir.testing.FakeModel.__doc__ or "")
    assert "truncated_body" in (ollixir.testing.Faults.__doc__ or "")


def test_readme_testing_section_names_only_public_api() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Testing your own application offline", 1)[1].split("\n## ", 1)[0]
    assert "ollixir/testing/_" not in section and "testing._" not in section
    mentioned = set(re.findall(r"ollixir\.testing\.(\w+)", section)) | set(re.findall(r"`(\w+)`", section))
    public = set(ollixir.testing.__all__)
    for name in mentioned:
        if name[0].isupper() and name not in {"Host", "OLLAMA_ORIGINS", "OLLAMA_NO_CLOUD"}:
            assert name in public, name
    for name in ("ScriptedReplies", "ServerConfig", "NO_TOOLS_MARKER", "Faults"):
        assert name in section
