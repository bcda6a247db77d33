"""What importing ollixir and making a first call loads: only what that call needs. Each check runs
in a fresh interpreter, since this test process has long since imported everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _loaded_after(code: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])}
    script = code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_import_loads_neither_httpx_nor_the_models() -> None:
    loaded = _loaded_after("import ollixir")
    assert "httpx" not in loaded
    assert not {m for m in loaded if m.startswith("ollixir_api")}


def test_a_sync_chat_loads_only_the_models_it_uses_and_no_asyncio(ollama_server: Any) -> None:
    loaded = _loaded_after(
        f"import ollixir\nollixir.Client({ollama_server.url!r}).chat('llama3.2', [{{'role': 'user', 'content': 'hi'}}])"
    )
    models = {m.rsplit(".", 1)[1] for m in loaded if m.startswith("ollixir_api.models.")}
    assert "chat_response" in models and "message" in models
    # Nothing for other operations (model listings, show, pulls): of the operation table, only chat's
    # descriptor (where its method and path come from).
    assert not models & {"show_response", "process_response", "progress_response", "web_search_response"}
    assert {m for m in loaded if m.startswith("ollixir_api.api")} == {
        "ollixir_api.api",
        "ollixir_api.api.inference",
        "ollixir_api.api.inference.chat",
    }
    assert "asyncio" not in loaded


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def test_every_model_name_still_resolves() -> None:
    import importlib

    import ollixir_api
    from ollixir_api import models

    for name in models.__all__:
        module = importlib.import_module(f"ollixir_api.models.{_snake(name)}")
        assert getattr(models, name) is getattr(module, name)
    assert sorted(dir(models)) == sorted(models.__all__)
    assert ollixir_api.ShapeError.__name__ == "ShapeError"


def test_the_operation_table_loads_no_model_and_no_dependency() -> None:
    loaded = _loaded_after("from ollixir_api.api import OPERATIONS\nassert len(OPERATIONS) > 10")
    assert not {m for m in loaded if m.startswith("ollixir_api.models")}
    assert not {"httpx", "attrs", "dataclasses"} & loaded
