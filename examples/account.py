"""The ollama.com account of the server: ``whoami()`` and ``signout()``.

The server answers these with its own key (``ollama signin`` connects it to an account), so the program
needs no API key. When the server is not signed in, the 401 ``ResponseError`` carries ``signin_url``, the
page that connects it. Without ``OLLAMA_HOST`` the bundled test server plays a signed-in server; a real
server is only signed out when ``OLLIXIR_EXAMPLE_SIGNOUT=1`` says so.
"""

from __future__ import annotations

import os

from _support import connect, using_test_server

import ollixir


def main() -> None:
    with connect(signed_in=True) as client:
        try:
            user = client.whoami()
        except ollixir.ResponseError as exc:
            if exc.status != 401:
                raise
            print(f"the server is not signed in; to sign it in, open {exc.signin_url}")
            return
        print(f"signed in to ollama.com as {user.name} ({user.email}, plan {user.plan})")

        if not using_test_server() and os.environ.get("OLLIXIR_EXAMPLE_SIGNOUT") != "1":
            print("leaving the real server signed in (set OLLIXIR_EXAMPLE_SIGNOUT=1 to sign it out)")
            return
        print(f"signed out: {client.signout()}")
        print(f"signed out again: {client.signout()}")  # False: nothing left to sign out
        try:
            client.whoami()
        except ollixir.ResponseError as exc:
            print(f"now whoami() fails with {exc.status}; sign in again at {exc.signin_url}")


if __name__ == "__main__":
    main()
