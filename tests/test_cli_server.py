"""``ollixir status``, ``whoami``, ``signout`` and ``recommend``, run as a subprocess against the test server."""

from __future__ import annotations

import json
import re

from ollixir.testing import FakeAccount, FakeRecommendation, OllamaTestServer
from ollixir.testing._account import SIGNIN_URL
from tests.test_cli import cli, closed_port

ACCOUNT = FakeAccount(name="ada", email="ada@example.com", plan="pro")


def test_status_running_version_and_cloud(ollama_server: OllamaTestServer) -> None:
    result = cli("status", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Ollama is running at {ollama_server.url}",
        "version: 0.33.0-rc2",
        "cloud: enabled",
    ]
    ollama_server.no_cloud = "env"
    assert (
        cli("status", host=ollama_server.url).stdout.splitlines()[-1] == "cloud: disabled by OLLAMA_NO_CLOUD"
    )
    raw = cli("status", "--json", host=ollama_server.url)
    assert json.loads(raw.stdout) == {"cloud": {"disabled": True, "source": "env"}}
    paths = [r.path for r in ollama_server.requests]
    assert paths == [
        "/",
        "/api/version",
        "/api/status",
        "/",
        "/api/version",
        "/api/status",
        "/",
        "/api/status",
    ]


def test_status_of_a_server_without_api_status(ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.fail(404, message="404 page not found", body="text", path="/api/status")
    result = cli("status", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "cloud: unknown (this server has no GET /api/status; it needs Ollama 0.16.2 or later)"
    )


def test_status_of_a_server_that_is_not_running() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    result = cli("status", host=url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: Ollama is not running at {url} (no answer to GET /)\n")
    assert "ollixir serve-test" in result.stderr and "Traceback" not in result.stderr


def test_whoami_signed_in_and_json(ollama_server: OllamaTestServer) -> None:
    ollama_server.account = ACCOUNT
    result = cli("whoami", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "signed in to ollama.com as 'ada' (ada@example.com, plan pro)\n"
    raw = cli("whoami", "--json", host=ollama_server.url)
    assert json.loads(raw.stdout) == ACCOUNT.wire()


def test_whoami_not_signed_in_prints_the_signin_url(ollama_server: OllamaTestServer) -> None:
    result = cli("whoami", host=ollama_server.url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: not signed in to ollama.com\nTo sign in, open:\n    {SIGNIN_URL}\n"


def test_whoami_other_errors_are_server_errors() -> None:
    with OllamaTestServer(account=ACCOUNT, machine_key=False) as server:
        result = cli("whoami", host=server.url)
    assert result.returncode == 1 and result.stderr == "Error: account unavailable\n"


def test_signout_then_not_signed_in(ollama_server: OllamaTestServer) -> None:
    ollama_server.account = ACCOUNT
    first = cli("signout", host=ollama_server.url)
    assert (first.returncode, first.stdout) == (0, "signed out of ollama.com\n")
    assert ollama_server.account is None
    again = cli("signout", host=ollama_server.url)
    assert (again.returncode, again.stdout, again.stderr) == (1, "", "Error: not signed in to ollama.com\n")
    assert [(r.method, r.path) for r in ollama_server.requests] == [("POST", "/api/signout")] * 2


def test_recommend_table_and_json() -> None:
    picks = [
        FakeRecommendation(
            "gpt-oss:120b-cloud", "Reasons remotely", context_length=131072, required_plan="pro"
        ),
        FakeRecommendation("qwen3:8b", "Thinks locally", vram_bytes=6_442_450_944),
    ]
    with OllamaTestServer(recommendations=picks) as server:
        result = cli("recommend", host=server.url)
        raw = cli("recommend", "--json", host=server.url)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["NAME", "WHERE", "CONTEXT", "MEMORY", "PLAN", "DESCRIPTION"]
    assert re.fullmatch(r"gpt-oss:120b-cloud +cloud +131072 +pro +Reasons remotely", rows[0])
    assert re.fullmatch(r"qwen3:8b +local +6\.4 GB +Thinks locally", rows[1])
    assert json.loads(raw.stdout) == {"recommendations": [p.wire() for p in picks]}


def test_help_lists_the_commands() -> None:
    top = cli("--help")
    for command in ("status", "whoami", "signout", "recommend"):
        assert re.search(rf"^ +{command}\b", top.stdout, re.M), command
