"""The official JavaScript client (npm's ``ollama``, pinned in ``tests/js/package-lock.json``) against the
test server: a client nobody here wrote must get what it expects from a real Ollama.

``tests/js/conformance.mjs`` holds the checks. This test starts a server, installs the pinned client
with ``npm ci`` into ``tests/js/node_modules`` when it is missing or older than the lock file (the
registry must be reachable then; ``.ci/run`` has it), runs the script and reads the server's request
log. Without ``node`` and ``npm`` on ``PATH`` it is skipped; with them, a failed install fails the test
instead of skipping it, so CI cannot lose it silently.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from ollixir.testing import OllamaTestServer

JS = Path(__file__).resolve().parent / "js"
STAMP = JS / "node_modules" / ".ollixir-lock-sha256"
CHECKS = [
    "version", "list", "chat", "chat-stream", "chat-tools", "generate", "generate-stream", "embed", "show",
    "pull-progress", "create", "copy-delete", "push-progress", "ps", "unknown-model", "lone-surrogate",
    "abort-stream",
]  # fmt: skip


def _tools() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip(
            "the ollama-js conformance test needs node and npm on PATH (neither is a Python dependency)"
        )
    return node, npm


def _install(npm: str) -> None:
    """``npm ci`` from the committed lock file, once per lock file version."""
    lock = hashlib.sha256((JS / "package-lock.json").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == lock:
        return
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(JS)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"node is installed but `npm ci --prefix tests/js` failed:\n{done.stdout}\n{done.stderr}")
    STAMP.write_text(lock)


def test_official_js_client_against_the_test_server() -> None:
    node, npm = _tools()
    _install(npm)
    installed = json.loads((JS / "node_modules" / "ollama" / "package.json").read_text())["version"]
    pinned = json.loads((JS / "package.json").read_text())["dependencies"]["ollama"]
    assert installed == pinned and installed.startswith("0.6.")
    with OllamaTestServer() as server:
        version = httpx.get(f"{server.url}/api/version", timeout=10).json()["version"]
        server.clear_requests()
        done = subprocess.run(
            [node, str(JS / "conformance.mjs"), server.url, version],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert json.loads(done.stdout.splitlines()[-1]) == {"passed": CHECKS}

        log = server.requests
        agents = {entry.headers.get("user-agent", "").split(" ")[0] for entry in log}
        assert agents == {"ollama-js/0.6.4"}
        # The lone surrogate went over the wire as an escape, as JSON.stringify writes it.
        surrogate = [
            e for e in log if e.path == "/api/generate" and e.json and "\ud83d" in str(e.json.get("prompt"))
        ]
        assert len(surrogate) == 1
        # stream.abort() closed the connection and the server stopped generating.
        aborted = [
            e
            for e in log
            if e.path == "/api/generate" and e.json and len(str(e.json.get("prompt"))) > 100_000
        ]
        assert len(aborted) == 1 and aborted[0].wait_finished(10)
        assert aborted[0].client_gone and aborted[0].generated < 200_000
