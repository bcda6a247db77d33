"""pytest plugin (entry point ``ollixir``): Ollama test-server fixtures.

* ``ollama_server_session`` — one :class:`~ollixir.testing.OllamaTestServer` for the whole session.
* ``ollama_server`` — the same server, reset to a fresh default state (models, blobs, loaded models,
  faults, request log, counters) before each test that uses it; faults still armed at the end of the
  test are cleared so they cannot leak into later tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._server import OllamaTestServer

__all__ = ["ollama_server", "ollama_server_session"]


@pytest.fixture(scope="session")
def ollama_server_session() -> Iterator[OllamaTestServer]:
    """A test server shared by the whole session (state persists between tests)."""
    with OllamaTestServer() as server:
        yield server


@pytest.fixture
def ollama_server(ollama_server_session: OllamaTestServer) -> Iterator[OllamaTestServer]:
    """The session's test server, reset to its default state for this test."""
    ollama_server_session.reset()
    yield ollama_server_session
    ollama_server_session.faults.clear()
