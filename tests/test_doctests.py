"""The ``>>>`` examples in the public docstrings run, against the bundled test server.

Each docstring is one test with a fresh server state and its own client, so examples cannot lean on each
other. The names available to an example are ``client`` (an ``ollixir.Client`` for the test server, with
the API key and cloud URL its web search/fetch endpoints need; the server is signed in to a
``FakeAccount``) and ``ollixir``. ``ELLIPSIS`` is on, so
``...`` stands for values that vary, such as a version number.
"""

from __future__ import annotations

import doctest
import importlib
import io
from collections.abc import Iterator

import pytest

import ollixir
from ollixir.testing import FakeAccount, OllamaTestServer

MODULES = ("ollixir_api.surface.operations", "ollixir.presets", "ollixir.tools", "ollixir.modelfile")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# The operations whose docstrings must carry examples (the generated client methods in operations).
DOCUMENTED = (
    "chat",
    "completion",
    "embed",
    "embeddings",
    "list_models",
    "list_running",
    "show_model",
    "create_model",
    "copy_model",
    "delete_model",
    "pull_model",
    "check_blob",
    "create_blob",
    "preload",
    "unload",
    "version",
    "is_running",
    "status",
    "whoami",
    "signout",
    "model_recommendations",
    "web_search",
    "web_fetch",
)


def _collect() -> dict[str, doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    found: dict[str, doctest.DocTest] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for test in finder.find(module, name):
            if test.examples:
                found[test.name] = test
    return dict(sorted(found.items()))


DOCTESTS = _collect()


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[ollixir.Client[ollixir.TypedResults]]:
    ollama_server.account = FakeAccount()
    with ollixir.init(ollama_server.url, api_key="test-key", cloud_url=ollama_server.url) as c:
        yield c


@pytest.mark.parametrize("name", list(DOCTESTS))
def test_docstring_examples(name: str, client: ollixir.Client[ollixir.TypedResults]) -> None:
    test = DOCTESTS[name]
    # A copy, so one run's globals never leak into the next.
    test.globs = {**test.globs, "client": client, "ollixir": ollixir}
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS, verbose=False)
    result = runner.run(test, out=report.write, clear_globs=True)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed:\n{report.getvalue()}"


def test_main_operations_have_examples() -> None:
    missing = [op for op in DOCUMENTED if f"ollixir_api.surface.operations.{op}" not in DOCTESTS]
    assert not missing, f"docstrings without >>> examples: {missing}"
