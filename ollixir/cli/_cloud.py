"""The commands about the server itself and its ollama.com side: status, whoami, signout, recommend."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from .._errors import ResponseError
from ._commands import START_HINT, make_client
from ._format import human_bytes, table

__all__ = ["HANDLERS"]

# What /api/status's cloud.source names, in the words of the setting itself.
_DISABLED_BY = {
    "env": "OLLAMA_NO_CLOUD",
    "config": "server.json",
    "both": "OLLAMA_NO_CLOUD and server.json",
}


def _print(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _fail(message: str) -> None:
    sys.stderr.write(f"Error: {message}\n")


def _json(data: Any) -> None:
    _print(json.dumps(data, indent=2, ensure_ascii=False))


def cmd_status(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        if not client.is_running():
            _fail(f"Ollama is not running at {client.base_url} (no answer to GET /)")
            sys.stderr.write(f"{START_HINT}\n")
            return 1
        if args.json:
            _json(client.with_options(response_format="dict").status())
            return 0
        _print(f"Ollama is running at {client.base_url}")
        _print(f"version: {client.version().version}")
        try:
            status = client.status()
        except ResponseError as exc:
            if exc.status != 404 or exc.hint is None:
                raise
            _print(f"cloud: unknown ({exc.hint})")
            return 0
    cloud = status.cloud
    if cloud is None or cloud.disabled is None:
        _print("cloud: unknown (the server did not say)")
    elif cloud.disabled:
        source = cloud.source or ""
        _print(f"cloud: disabled by {_DISABLED_BY.get(source, source or 'an unknown setting')}")
    else:
        _print("cloud: enabled")
    return 0


def _not_signed_in(exc: ResponseError) -> int:
    _fail("not signed in to ollama.com")
    if exc.signin_url:
        sys.stderr.write(f"To sign in, open:\n    {exc.signin_url}\n")
    return 1


def cmd_whoami(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        try:
            if args.json:
                _json(client.with_options(response_format="dict").whoami())
                return 0
            user = client.whoami()
        except ResponseError as exc:
            if exc.status == 401:
                return _not_signed_in(exc)
            raise
    details = [d for d in (user.email, f"plan {user.plan}" if user.plan else None) if d]
    suffix = f" ({', '.join(details)})" if details else ""
    _print(f"signed in to ollama.com as '{user.name}'{suffix}")
    return 0


def cmd_signout(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        if not client.signout():
            _fail("not signed in to ollama.com")
            return 1
    _print("signed out of ollama.com")
    return 0


def _is_cloud(model: str) -> bool:
    # Cloud models are named "<name>:cloud" or "<name>:<tag>-cloud".
    tag = model.rpartition(":")[2] if ":" in model else ""
    return tag == "cloud" or tag.endswith("-cloud")


def cmd_recommend(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        if args.json:
            _json(client.with_options(response_format="dict").model_recommendations())
            return 0
        reply = client.model_recommendations()
    rows = [
        [
            r.model or "",
            "cloud" if _is_cloud(r.model or "") else "local",
            str(r.context_length) if r.context_length else "",
            human_bytes(r.vram_bytes) if r.vram_bytes else "",
            r.required_plan or "",
            r.description or "",
        ]
        for r in reply.recommendations or []
    ]
    _print(table(["NAME", "WHERE", "CONTEXT", "MEMORY", "PLAN", "DESCRIPTION"], rows))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "status": cmd_status,
    "whoami": cmd_whoami,
    "signout": cmd_signout,
    "recommend": cmd_recommend,
}
