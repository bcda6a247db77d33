"""``ollixir demo``: the whole tour runs on a machine without Ollama, and against a given host."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import ollixir
from ollixir.cli._demo import SECTIONS
from ollixir.testing import OllamaTestServer

ROOT = Path(__file__).resolve().parent.parent


def run_demo(*args: str, block_rich: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    paths = [str(ROOT), str(ROOT / "generated"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    # The demo must ignore OLLAMA_HOST: only --host switches it to a real server.
    env["OLLAMA_HOST"] = "127.0.0.1:9"
    if block_rich:
        # A None entry in sys.modules makes `import rich` fail, as on a machine without the cli extra.
        code = "import sys; sys.modules['rich'] = None; from ollixir.cli import main; sys.exit(main(sys.argv[1:]))"
        argv = [sys.executable, "-c", code, "demo", *args]
    else:
        argv = [sys.executable, "-m", "ollixir", "demo", *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_demo_runs_the_whole_tour_on_the_bundled_server() -> None:
    result = run_demo()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    positions = [out.index(f"== {n}. {title} ==") for n, (_, title) in enumerate(SECTIONS, start=1)]
    assert positions == sorted(positions)
    assert "Started the bundled Ollama test server at http://127.0.0.1:" in out
    # Each step shows its result, not just its heading.
    assert "llama3.2: You said: Why is the sky blue?" in out
    assert 'calls: get_weather({"city": "Paris"})' in out
    assert "llama3.2: Tool results: get_weather: sunny and 21 degrees Celsius in Paris" in out
    assert "population = 42" in out
    assert out.count("cosine(") == 2
    assert "pulling manifest" in out and "100% (637 MB/637 MB)" in out
    assert "system of ollixir-demo-pirate: You are a cheerful pirate." in out
    assert "deleted 'ollixir-demo-pirate' again" in out
    assert "unload('llama3.2') -> True" in out and "preload('llama3.2', keep_alive='10m') -> True" in out
    assert result.stderr == ""


def test_demo_without_rich_uses_plain_progress() -> None:
    result = run_demo(block_rich=True)
    assert result.returncode == 0, result.stderr
    assert "pip install 'ollixir[cli]' for live progress bars" in result.stdout
    assert all(f"{n}. {title}" in result.stdout for n, (_, title) in enumerate(SECTIONS, start=1))


def test_demo_with_host_pulls_missing_models_and_cleans_up(ollama_server: OllamaTestServer) -> None:
    # smollm2:135m is only in the fake registry, like a model a real Ollama has not downloaded yet.
    result = run_demo(
        "--host", ollama_server.url, "--model", "smollm2:135m", "--embed-model", "nomic-embed-text"
    )
    assert result.returncode == 0, result.stderr
    assert f"Using the Ollama server at {ollama_server.url}" in result.stdout
    assert "smollm2:135m is not installed yet; pulling it first." in result.stdout
    assert "Started the bundled" not in result.stdout
    assert all(f"{n}. {title}" in result.stdout for n, (_, title) in enumerate(SECTIONS, start=1))
    paths = [r.path for r in ollama_server.requests]
    assert paths.count("/api/pull") == 2  # the missing model, then the pull step
    assert "/api/create" in paths and "/api/delete" in paths
    with ollixir.Client(ollama_server.url) as client:
        names = {m.name for m in client.list_models().models}
    assert "smollm2:135m" in names and "ollixir-demo-pirate:latest" not in names


def test_demo_with_an_unreachable_host_explains_what_to_start() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_demo("--host", f"127.0.0.1:{port}")
    assert result.returncode == 1
    assert f"http://127.0.0.1:{port}" in result.stderr
    assert "ollixir serve-test" in result.stderr
