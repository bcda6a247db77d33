"""The documentation site: every ``python`` block of docs/*.md runs against the test server, the site
builds strict, and every public name has a reference entry and a docstring."""

from __future__ import annotations

import html as htmllib
import importlib
import inspect
import os
import re
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ollixir
from ollixir._clients import default
from ollixir.testing import OllamaTestServer

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Every module the API reference documents, as the brief of the docs lists them.
DOCUMENTED_MODULES = (
    "ollixir",
    "ollixir.aio",
    "ollixir.tools",
    "ollixir.testing",
    "ollixir.helpers",
    "ollixir.web",
    "ollixir.hf",
    "ollixir.modelfile",
    "ollixir.presets",
    "ollixir_api.models",
)
# A fenced block opened at the start of a line; the closing fence is the same backticks alone.
FENCE = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """Each ``python`` block of a page with the line its code starts on."""
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in FENCE.finditer(text)]


PAGES = sorted(p for p in DOCS.glob("**/*.md") if python_blocks(p))


def test_the_docs_have_python_blocks() -> None:
    # Guards the parametrization below: a broken fence pattern would silently test nothing.
    assert len(PAGES) >= 14
    assert sum(len(python_blocks(p)) for p in PAGES) >= 25


@pytest.fixture
def docs_env(ollama_server: OllamaTestServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[OllamaTestServer]:
    monkeypatch.setenv("OLLAMA_HOST", ollama_server.url)
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    monkeypatch.chdir(ROOT)
    yield ollama_server
    default.close_default()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_code_runs(page: Path, docs_env: OllamaTestServer, capsys: pytest.CaptureFixture[str]) -> None:
    """The blocks of one page run in order in one namespace, as a reader would paste them; ``client``
    is bound to the test server beforehand, and a ``test_*`` function a block defines is called with
    the ``ollama_server`` fixture, as pytest would."""
    client = ollixir.init(docs_env.url)
    # A real module, as dataclasses and typing look classes' modules up in sys.modules.
    module = types.ModuleType(f"docs_page_{page.stem.replace('-', '_')}")
    sys.modules[module.__name__] = module
    namespace: dict[str, Any] = module.__dict__
    namespace["client"] = client
    try:
        for line, code in python_blocks(page):
            before = set(namespace)
            # Padding puts tracebacks on the page's own line numbers.
            exec(compile("\n" * (line - 1) + code, str(page), "exec"), namespace)
            for name in sorted(set(namespace) - before):
                if name.startswith("test_") and inspect.isfunction(namespace[name]):
                    docs_env.reset()
                    namespace[name](ollama_server=docs_env)
    finally:
        client.close()
        del sys.modules[module.__name__]
    capsys.readouterr()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as README says (``mkdocs build --strict``), into a temporary directory."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "WARNING" not in done.stderr, done.stderr[-4000:]
    return out


def public_names() -> Iterator[tuple[str, str, object]]:
    for module_name in DOCUMENTED_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            yield module_name, name, getattr(module, name)


def test_every_public_name_has_a_reference_entry(site: Path) -> None:
    import sphobjinv

    inventory = {obj.name for obj in sphobjinv.Inventory(str(site / "objects.inv")).objects}
    missing = []
    for module_name, name, obj in public_names():
        # A submodule exported by its parent is documented on its own page.
        path = obj.__name__ if isinstance(obj, types.ModuleType) else f"{module_name}.{name}"
        if path not in inventory:
            missing.append(path)
    assert not missing, f"public names without a reference entry: {missing}"
    # Members are documented too, not only the names: the client's operations and a model's fields.
    assert {
        "ollixir.Client.chat",
        "ollixir.AsyncClient.embed",
        "ollixir_api.models.ChatResponse.message",
    } <= inventory


def test_every_public_name_has_a_docstring() -> None:
    """What the reference shows for each name, read the way mkdocstrings reads it (griffe, with the
    site's extension for the functions built at import time)."""
    import griffe

    sys.path.insert(0, str(DOCS))
    try:
        from griffe_runtime_docs import RuntimeDocstrings
    finally:
        sys.path.remove(str(DOCS))
    loader = griffe.GriffeLoader(
        search_paths=[str(ROOT), str(ROOT / "generated")],
        extensions=griffe.load_extensions(RuntimeDocstrings()),
    )
    loader.load("ollixir")
    loader.load("ollixir_api")
    loader.resolve_aliases(external=True)
    undocumented = []
    for module_name, name, _ in public_names():
        obj = loader.modules_collection[f"{module_name}.{name}"]
        target = obj.final_target if obj.is_alias else obj
        if not (target.docstring and target.docstring.value.strip()):
            undocumented.append(f"{module_name}.{name}")
    assert not undocumented, f"public names without a docstring: {undocumented}"


def test_every_example_script_is_in_the_site(site: Path) -> None:
    html = (site / "examples" / "index.html").read_text(encoding="utf-8")
    text = htmllib.unescape(re.sub(r"<[^>]+>", "", html))
    scripts = sorted(p for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_"))
    assert len(scripts) >= 30
    for script in scripts:
        assert f'<span class="filename">examples/{script.name}</span>' in html, script.name
        # Included whole, from the file: every line of the script is on the page.
        for line in script.read_text(encoding="utf-8").splitlines():
            assert line.strip() in text, (script.name, line)


def test_cli_page_lists_every_command(site: Path) -> None:
    from ollixir.cli._parser import build_parser

    page = (site / "cli" / "index.html").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a.choices for a in parser._actions if a.choices and isinstance(a.choices, dict))
    assert len(commands) >= 10
    for name, sub in commands.items():
        assert f"ollixir {name}" in page
        for action in sub._actions:
            for flag in action.option_strings:
                assert flag in page, (name, flag)


def test_included_pages_carry_their_source(site: Path) -> None:
    changelog = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Absent fields are" in changelog
    performance = (site / "performance" / "index.html").read_text(encoding="utf-8")
    assert "bench/run.py" in performance
