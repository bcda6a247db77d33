"""``/api/status``, ``/api/me``, ``/api/signout`` and its deprecated alias ``DELETE /api/user/keys/:encodedKey``.

Answers come from the server's :class:`~ollixir.testing._account.AccountState` (see that module for the key,
the account and the cloud switch):

* ``GET /api/status``: ``{"cloud": {"disabled": <no_cloud is set>, "source": <no_cloud or "none">}}``.
* ``POST /api/me``: no key -> 503 ``account unavailable`` (signing fails before ollama.com is asked); not
  signed in, or an account without a name -> 401 ``{"error": "unauthorized", "signin_url": ...}``; else 200
  with the account.
* ``POST /api/signout`` (and the alias, whose path segment is ignored): no key -> 500 ``there was an error
  signing out``; not signed in -> 401 ``you are not currently signed in``; else the key is disconnected
  and the answer is 200 with the body ``null``.

The request body is never read by these handlers, as in the server.
"""

from __future__ import annotations

from ._account import SIGNIN_URL
from ._app import App, operation_route
from ._exchange import Exchange

__all__: list[str] = []


@operation_route("server_status")
def status(app: App, ex: Exchange) -> None:
    source = app.account.no_cloud
    ex.send_json(200, {"cloud": {"disabled": source is not None, "source": source or "none"}})


@operation_route("whoami")
def whoami(app: App, ex: Exchange) -> None:
    state = app.account
    if not state.machine_key:
        ex.send_error(503, "account unavailable")
        return
    account = state.account
    if account is None or not account.name:
        ex.send_json(401, {"error": "unauthorized", "signin_url": SIGNIN_URL})
        return
    ex.send_json(200, account.wire())


@operation_route("signout")
@operation_route("delete_user_key")
def signout(app: App, ex: Exchange) -> None:
    state = app.account
    if not state.machine_key:
        ex.send_error(500, "there was an error signing out")
        return
    if not state.sign_out():
        ex.send_error(401, "you are not currently signed in")
        return
    ex.send_json(200, None)
