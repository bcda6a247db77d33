"""Load the ``ollixir.testing`` pytest plugin when it is not installed as an entry point yet, and
provide the ``api`` fixture shared by the client tests."""

from collections.abc import Iterator
from importlib.metadata import entry_points
from typing import Any

import pytest

from tests.clientkit import KINDS, Api
from tests.portkit import module_under_test

if not any(ep.value == "ollixir.testing.plugin" for ep in entry_points(group="pytest11")):
    pytest_plugins = ["ollixir.testing.plugin"]


# One test body for both clients: tests that take ``api`` run once with the sync client and once
# with the async one (see tests/clientkit.py).
@pytest.fixture(params=KINDS)
def api(request: pytest.FixtureRequest, ollama_server: Any) -> Iterator[Api]:
    a = Api(request.param, ollama_server.url, api_key="test-key", cloud_url=ollama_server.url)
    try:
        yield a
    finally:
        a.close()


# The porting suite (tests/test_porting_*.py): each test runs on the official ``ollama`` client and on
# ollixir, with OLLAMA_HOST set to the test server (see tests/portkit.py).
@pytest.fixture(params=["ollama", "ollixir"])
def ollama(
    request: pytest.FixtureRequest, ollama_server: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    with module_under_test(request.param, ollama_server.url, monkeypatch) as module:
        yield module
