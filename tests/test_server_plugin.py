"""The pytest plugin's fixtures, exercised in an inner pytest run."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from ollixir.testing import OllamaTestServer

pytest_plugins = ["pytester"]

INNER = """
import httpx

def test_dirty(ollama_server):
    assert httpx.request("DELETE", ollama_server.url + "/api/delete", json={"model": "llama3.2"}).status_code == 200
    ollama_server.faults.fail(500, times=None)
    assert httpx.get(ollama_server.url + "/api/tags").status_code == 500

def test_fresh(ollama_server):
    names = [m["name"] for m in httpx.get(ollama_server.url + "/api/tags").json()["models"]]
    assert "llama3.2:latest" in names
    assert [r.path for r in ollama_server.requests] == ["/api/tags"]

def test_shared(ollama_server, ollama_server_session):
    assert ollama_server is ollama_server_session

def test_session_keeps_state(ollama_server_session):
    httpx.post(ollama_server_session.url + "/api/copy", json={"source": "qwen3", "destination": "kept"})

def test_session_state_seen(ollama_server_session):
    names = [m["name"] for m in httpx.get(ollama_server_session.url + "/api/tags").json()["models"]]
    assert "kept:latest" in names
"""


def test_fixtures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=INNER)
    installed = any(ep.value == "ollixir.testing.plugin" for ep in entry_points(group="pytest11"))
    args = ["-p", "no:cacheprovider", "-p", "no:randomly"] + (
        [] if installed else ["-p", "ollixir.testing.plugin"]
    )
    result = pytester.runpytest_inprocess(*args)
    result.assert_outcomes(passed=5)


def test_direct_use_and_cli_style_lifecycle() -> None:
    server = OllamaTestServer(port=0)
    try:
        assert server.url.startswith("http://127.0.0.1:") and server.port > 0
    finally:
        server.stop()
        server.stop()  # idempotent
