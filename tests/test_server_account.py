"""The test server's inline routes, HEAD twins, /api/status, the account routes and model recommendations.

Each test names the handler of ollama/ollama v0.33.0-rc2 (server/routes.go unless said otherwise) whose
behaviour it checks. Everything goes over real sockets with raw httpx; the last test reads the answers
with the generated operation table and models too, so the spec, the generated code and the server agree.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from ollixir_api import Operation
from ollixir_api.api import OPERATIONS
from ollixir_api.models import ErrorResponse, ModelRecommendationsResponse, StatusResponse, UserResponse

from ollixir.testing import DEFAULT_RECOMMENDATIONS, FakeAccount, FakeRecommendation, OllamaTestServer


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def _same_headers(get: httpx.Response, head: httpx.Response) -> None:
    for name in ("content-type", "content-length"):
        assert head.headers[name] == get.headers[name], name
    assert head.content == b""
    assert int(head.headers["content-length"]) == len(get.content)


# ---- inline handlers and HEAD twins ----------------------------------------------------------------------


def test_root_get_and_head(client: httpx.Client) -> None:
    """GenerateRoutes' inline handlers for GET / and HEAD /: c.String(200, "Ollama is running")."""
    get = client.get("/")
    assert (get.status_code, get.text, get.headers["content-type"]) == (
        200,
        "Ollama is running",
        "text/plain; charset=utf-8",
    )
    head = client.head("/")
    assert head.status_code == 200
    _same_headers(get, head)


def test_version_head_has_the_get_headers(client: httpx.Client) -> None:
    """GenerateRoutes registers the same inline c.JSON handler for GET and HEAD /api/version."""
    get = client.get("/api/version")
    head = client.head("/api/version")
    assert (get.status_code, head.status_code) == (200, 200)
    assert get.json() == {"version": "0.33.0-rc2"}
    _same_headers(get, head)


def test_tags_head_has_the_get_headers(client: httpx.Client) -> None:
    """ListHandler serves both GET and HEAD /api/tags; HEAD sends no body."""
    get = client.get("/api/tags")
    head = client.head("/api/tags")
    assert (get.status_code, head.status_code) == (200, 200)
    assert len(get.json()["models"]) == 6
    _same_headers(get, head)


# ---- /api/status ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [None, "env", "config", "both"])
def test_status_follows_the_cloud_switch(
    ollama_server: OllamaTestServer, client: httpx.Client, source: Literal["env", "config", "both"] | None
) -> None:
    """StatusHandler: {"cloud": {"disabled": envconfig.NoCloud(), "source": envconfig.NoCloudSource()}}."""
    ollama_server.no_cloud = source
    r = client.get("/api/status")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json; charset=utf-8"
    assert r.json() == {"cloud": {"disabled": source is not None, "source": source or "none"}}


def test_status_from_the_constructor_and_reset() -> None:
    """StatusHandler reads the configuration the server started with; reset() restores it."""
    with OllamaTestServer(no_cloud="config") as server:
        assert httpx.get(f"{server.url}/api/status").json() == {
            "cloud": {"disabled": True, "source": "config"}
        }
        server.no_cloud = None
        assert httpx.get(f"{server.url}/api/status").json()["cloud"]["disabled"] is False
        server.reset()
        assert httpx.get(f"{server.url}/api/status").json()["cloud"]["source"] == "config"


# ---- /api/me -------------------------------------------------------------------------------------------


def test_whoami_not_signed_in_gives_a_signin_url(client: httpx.Client) -> None:
    """WhoamiHandler: ollama.com answers 401 -> 401 {"error": "unauthorized", "signin_url": signinURL()},
    where signinURL() is https://ollama.com/connect?name=<host>&key=<unpadded base64url public key line>."""
    r = client.post("/api/me")
    assert r.status_code == 401 and r.headers["content-type"] == "application/json; charset=utf-8"
    body = r.json()
    assert list(body) == ["error", "signin_url"] and body["error"] == "unauthorized"
    url = urlsplit(body["signin_url"])
    assert (url.scheme, url.netloc, url.path) == ("https", "ollama.com", "/connect")
    query = parse_qs(url.query)
    assert query["name"] == ["ollixir-test"]
    key = query["key"][0]
    assert "=" not in key
    line = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)).decode()
    kind, blob = line.split(" ")
    assert kind == "ssh-ed25519"
    assert base64.b64decode(blob)[4:15] == b"ssh-ed25519"


def test_whoami_signed_in(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    """WhoamiHandler: 200 with api.UserResponse; bio/avatarurl/firstname/lastname are omitempty."""
    ollama_server.account = FakeAccount(name="ada", email="ada@example.com", lastname="Lovelace", plan="pro")
    r = client.post("/api/me", content=b"ignored body")
    assert r.status_code == 200
    assert r.text == (
        '{"id":"6d2f0c4e-1b7a-4c55-9e3d-8a1f2b3c4d5e","email":"ada@example.com","name":"ada",'
        '"lastname":"Lovelace","plan":"pro"}'
    )


def test_whoami_reports_a_missing_plan_as_free(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    """WhoamiHandler: strings.TrimSpace(user.Plan) == "" -> user.Plan = "free"."""
    ollama_server.account = FakeAccount(plan="  ")
    assert client.post("/api/me").json()["plan"] == "free"


def test_whoami_without_a_name_is_not_signed_in(
    ollama_server: OllamaTestServer, client: httpx.Client
) -> None:
    """WhoamiHandler: user == nil || user.Name == "" -> 401 with signin_url."""
    ollama_server.account = FakeAccount(name="")
    r = client.post("/api/me")
    assert r.status_code == 401 and set(r.json()) == {"error", "signin_url"}


def test_whoami_without_a_key_is_unavailable(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    """WhoamiHandler: signing the ollama.com call fails (no key file), not an AuthorizationError -> 503."""
    ollama_server.account = FakeAccount()
    ollama_server.machine_key = False
    r = client.post("/api/me")
    assert (r.status_code, r.json()) == (503, {"error": "account unavailable"})


# ---- /api/signout and DELETE /api/user/keys/:encodedKey ------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/api/signout"), ("DELETE", "/api/user/keys/c3NoLWVkMjU1MTkgQUFBQQ")]
)
def test_signout_disconnects_the_key(
    ollama_server: OllamaTestServer, client: httpx.Client, method: str, path: str
) -> None:
    """SignoutHandler (both routes; the alias ignores its parameter): Disconnect succeeds -> 200 with
    c.JSON(200, nil), i.e. the body null; afterwards ollama.com no longer knows the key."""
    ollama_server.account = FakeAccount()
    r = client.request(method, path)
    assert (r.status_code, r.content, r.headers["content-type"]) == (
        200,
        b"null",
        "application/json; charset=utf-8",
    )
    assert ollama_server.account is None
    assert client.post("/api/me").status_code == 401
    again = client.request(method, path)
    assert (again.status_code, again.json()) == (401, {"error": "you are not currently signed in"})


def test_signout_without_a_key_fails(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    """SignoutHandler: auth.GetPublicKey() fails -> 500 "there was an error signing out"."""
    ollama_server.account = FakeAccount()
    ollama_server.machine_key = False
    for method, path in (("POST", "/api/signout"), ("DELETE", "/api/user/keys/x")):
        r = client.request(method, path)
        assert (r.status_code, r.json()) == (500, {"error": "there was an error signing out"})
    assert ollama_server.account is not None


def test_reset_restores_the_configured_account() -> None:
    """The account is server state: sign-out lasts until reset() (the fixture's per-test reset)."""
    with OllamaTestServer(account=FakeAccount(name="kept")) as server:
        assert httpx.post(f"{server.url}/api/signout").status_code == 200
        assert httpx.post(f"{server.url}/api/me").status_code == 401
        server.reset()
        assert httpx.post(f"{server.url}/api/me").json()["name"] == "kept"


# ---- /api/experimental/model-recommendations -----------------------------------------------------------


def test_recommendations_default_catalogue(client: httpx.Client) -> None:
    """ModelRecommendationsExperimentalHandler: {"recommendations": [...]} with omitempty numbers/plan."""
    r = client.get("/api/experimental/model-recommendations")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json; charset=utf-8"
    recommendations = r.json()["recommendations"]
    assert [x["model"] for x in recommendations] == [x.model for x in DEFAULT_RECOMMENDATIONS]
    assert recommendations[0] == {
        "model": "gpt-oss:120b-cloud",
        "description": "Open-weight reasoning model served from ollama.com",
        "context_length": 131072,
        "max_output_tokens": 32768,
    }
    assert recommendations[1]["required_plan"] == "pro"
    assert set(recommendations[3]) == {"model", "description", "vram_bytes"}
    # Local entries are models the test server has installed.
    installed = {m["name"] for m in client.get("/api/tags").json()["models"]}
    assert {x["model"] for x in recommendations if "vram_bytes" in x} <= installed


def test_recommendations_can_be_configured() -> None:
    mine = [FakeRecommendation("tiny:latest", "Tiny"), FakeRecommendation("big:cloud", "Big", 8, 4, 0, "max")]
    with OllamaTestServer(recommendations=mine) as server:
        assert httpx.get(f"{server.url}/api/experimental/model-recommendations").json() == {
            "recommendations": [
                {"model": "tiny:latest", "description": "Tiny"},
                {
                    "model": "big:cloud",
                    "description": "Big",
                    "context_length": 8,
                    "max_output_tokens": 4,
                    "required_plan": "max",
                },
            ]
        }


# ---- the generated operation table and models read every answer ------------------------------------------


def test_generated_models_parse_the_answers(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    def call(operation_id: str, **params: str) -> tuple[Operation[Any, Any, Any], httpx.Response]:
        op = OPERATIONS[operation_id]
        return op, client.request(op.method, op.path.format(**params))

    op, answer = call("heartbeat")
    assert answer.text == "Ollama is running" and op.response_model is None
    op, answer = call("server_status")
    status = op.response_type().from_dict(answer.json())
    assert isinstance(status, StatusResponse) and status.cloud.source == "none"
    op, answer = call("model_recommendations")
    recommendations = op.response_type().from_dict(answer.json())
    assert isinstance(recommendations, ModelRecommendationsResponse)
    assert recommendations.recommendations[2].vram_bytes == 6 << 30
    op, answer = call("whoami")
    assert answer.status_code in op.errors
    refused = ErrorResponse.from_dict(answer.json())
    assert isinstance(refused.signin_url, str)
    ollama_server.account = FakeAccount(firstname="Ada")
    op, answer = call("whoami")
    assert answer.status_code in op.success
    me = op.response_type().from_dict(answer.json())
    assert isinstance(me, UserResponse) and (me.name, me.firstname, me.plan) == (
        "ollixir-tester",
        "Ada",
        "free",
    )
    op, answer = call("signout")
    assert answer.status_code in op.success and answer.json() is None and op.response_model is None
    op, answer = call("delete_user_key", encodedKey="abc")
    assert answer.status_code in op.errors
    assert ErrorResponse.from_dict(answer.json()).error == "you are not currently signed in"
