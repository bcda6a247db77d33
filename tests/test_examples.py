"""Every script in ``examples/`` runs cleanly against the bundled test server.

Examples are discovered, not listed, so a new one is covered the moment it is added. Each runs as a
subprocess, exactly as a reader would run it (``python examples/<name>.py`` from the repository root,
without ``OLLAMA_HOST``). The selected scripts run two at a time in one module-scoped fixture: interpreter
start-up dominates, and running them one after another would triple the wall time on two cores.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# mcp_server.py is a long-running server and ray_embed.py starts a Ray cluster (about 15 s): each has its
# own test (tests/test_mcp_example.py, tests/test_ray_example.py). "_" files are helpers, not examples.
SKIPPED = {"mcp_server.py", "ray_embed.py"}
TIMEOUT = 60.0


def discover() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("_") and p.name not in SKIPPED)


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "OLLAMA_HOST" and not k.startswith("OLLIXIR_")}
    # The repository is not necessarily installed; make its packages importable as pytest does.
    paths = [str(ROOT), str(ROOT / "generated"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env["PYTHONWARNINGS"] = "error::ResourceWarning"  # an example that leaks a connection fails
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _run(path: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str] | str:
    try:
        return subprocess.run(
            [sys.executable, str(path)],
            cwd=ROOT,
            env=dict(env),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        return f"timed out after {TIMEOUT:.0f} s; stdout so far: {exc.stdout!r}"


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest) -> dict[str, subprocess.CompletedProcess[str] | str]:
    """Run the examples this session selected (``-k`` narrows it), two at a time."""
    this_module = sys.modules[__name__]
    selected = [
        str(item.callspec.params["example"])
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and item.module is this_module
        and item.originalname == "test_example_runs"
    ]
    env = _environment()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(_run, EXAMPLES / name, env) for name in dict.fromkeys(selected)}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("example", [p.name for p in discover()])
def test_example_runs(example: str, outcomes: dict[str, subprocess.CompletedProcess[str] | str]) -> None:
    outcome = outcomes[example]
    assert not isinstance(outcome, str), f"{example}: {outcome}"
    assert outcome.returncode == 0, f"{example} exited with {outcome.returncode}:\n{outcome.stderr}"
    assert outcome.stdout.strip(), f"{example} printed nothing on stdout"
    assert "Traceback" not in outcome.stderr, outcome.stderr


@pytest.mark.parametrize("example", [p.name for p in discover()])
def test_example_is_documented(example: str) -> None:
    """A reader opening the file learns what it shows, and it runs against OLLAMA_HOST or the test server."""
    source = (EXAMPLES / example).read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree)
    assert docstring and len(docstring) > 20, f"{example} needs a module docstring saying what it shows"
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "_support" in imported, f"{example} should connect through examples/_support.py"


def test_discovery_finds_the_example_set() -> None:
    names = {p.stem for p in discover()}
    # A glob that silently matched nothing would make every other test here vacuous.
    assert {"chat_basic", "streaming_iterator", "tools_loop", "embeddings_similarity"} <= names
    assert len(names) >= 20
    assert "_support" not in names
    assert "mcp_server" not in names
