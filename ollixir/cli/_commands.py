"""The one-shot commands: list, ps, show, cp, rm, stop, embed, version."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ._format import human_bytes, human_time, processor, table, until

if TYPE_CHECKING:
    from ollixir_api.models import ShowResponse

    from .._clients.client import Client
    from .._clients.types import TypedResults

__all__ = ["HANDLERS", "START_HINT", "make_client", "model_table", "running_table"]

START_HINT = (
    "Is Ollama running at that address? Start it with `ollama serve`, or start the bundled test server with "
    "`ollixir serve-test` and point --host or OLLAMA_HOST at the URL it prints."
)


def make_client(args: argparse.Namespace) -> Client[TypedResults]:
    """A client for ``--host`` (``None`` lets the library read ``OLLAMA_HOST``)."""
    from .._clients.client import Client

    return Client(getattr(args, "host", None))


def _print(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _fail(message: str) -> None:
    sys.stderr.write(f"Error: {message}\n")


def model_table(client: Client[TypedResults]) -> str:
    rows = [
        [m.name, m.digest.removeprefix("sha256:")[:12], human_bytes(m.size), human_time(m.modified_at)]
        for m in client.list_models().models
    ]
    return table(["NAME", "ID", "SIZE", "MODIFIED"], rows)


def running_table(client: Client[TypedResults]) -> str:
    rows = []
    for m in client.list_running().models:
        rows.append(
            [
                m.name,
                m.digest.removeprefix("sha256:")[:12],
                human_bytes(m.size),
                processor(m.size, m.size_vram),
                # Servers before v0.10.0 do not report it.
                str(m.context_length) if isinstance(m.context_length, int) else "",
                until(m.expires_at),
            ]
        )
    return table(["NAME", "ID", "SIZE", "PROCESSOR", "CONTEXT", "UNTIL"], rows)


def cmd_list(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        _print(model_table(client))
    return 0


def cmd_ps(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        _print(running_table(client))
    return 0


def _section(title: str, rows: Sequence[Sequence[str]]) -> list[str]:
    """An indented block like `ollama show` prints: a title, then aligned rows."""
    if not rows:
        return []
    body = table([""] * len(rows[0]), rows).splitlines()[1:]
    return [f"  {title}", *("    " + line for line in body), ""]


def _show_summary(reply: ShowResponse) -> str:
    # Absent (servers before v0.15.0 omit it when empty), null, or an object: a dict or None.
    info: Mapping[str, Any] = reply.model_info or {}
    arch = str(info.get("general.architecture") or reply.details.family)
    model_rows = [
        ["architecture", arch],
        ["parameters", reply.details.parameter_size],
        ["context length", str(info.get(f"{arch}.context_length", ""))],
        ["embedding length", str(info.get(f"{arch}.embedding_length", ""))],
        ["quantization", reply.details.quantization_level],
    ]
    lines = _section("Model", [row for row in model_rows if row[1]])
    capabilities = reply.capabilities or []
    lines += _section("Capabilities", [[c] for c in capabilities])
    parameters = reply.parameters if isinstance(reply.parameters, str) else ""
    lines += _section(
        "Parameters", [[*line.split(None, 1), ""][:2] for line in parameters.splitlines() if line.strip()]
    )
    if isinstance(reply.system, str) and reply.system:
        lines += _section("System", [[line] for line in reply.system.splitlines()[:2]])
    if isinstance(reply.license_, str) and reply.license_:
        # The full text is one `show --license` away; two lines identify it.
        head = [[line] for line in reply.license_.strip().splitlines()[:2]]
        lines += _section(
            "License", [*head, ["..."]] if len(reply.license_.strip().splitlines()) > 2 else head
        )
    return "\n".join(lines).rstrip("\n")


def cmd_show(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        reply = client.show_model(args.model, verbose=args.verbose)
    if args.json:
        _print(json.dumps(reply.to_dict(), indent=2, ensure_ascii=False))
        return 0
    for part in ("license", "modelfile", "parameters", "system", "template"):
        if getattr(args, part):
            value = getattr(reply, "license_" if part == "license" else part)
            _print(value.rstrip("\n") if isinstance(value, str) else "")
            return 0
    _print(_show_summary(reply))
    return 0


def cmd_cp(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        if not client.copy_model(args.source, args.destination):
            _fail(f"model '{args.source}' not found")
            return 1
    _print(f"copied '{args.source}' to '{args.destination}'")
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    status = 0
    with make_client(args) as client:
        for model in args.models:
            if client.delete_model(model):
                _print(f"deleted '{model}'")
            else:
                _fail(f"model '{model}' not found")
                status = 1
    return status


def cmd_stop(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        if not client.unload(args.model):
            _fail(f"model '{args.model}' not found")
            return 1
    _print(f"unloaded '{args.model}'")
    return 0


def _preview(vector: list[float]) -> str:
    shown = [f"{x:.4f}" for x in vector[:4]]
    if len(vector) > 5:
        shown.append("...")
    if len(vector) > 4:
        shown.append(f"{vector[-1]:.4f}")
    return "[" + ", ".join(shown) + "]"


def cmd_embed(args: argparse.Namespace) -> int:
    if args.input is not None:
        from ._embed_file import cmd_embed_file

        return cmd_embed_file(args)
    if args.model_option is not None:
        if args.model is not None:
            args.texts = [args.model, *args.texts]
        args.model = args.model_option
    if not args.model or not args.texts:
        from .._errors import RequestError

        raise RequestError("give the model and at least one text (or --input FILE --output FILE)")
    options: dict[str, Any] = {}
    if args.dimensions is not None:
        options["dimensions"] = args.dimensions
    with make_client(args) as client:
        reply = client.embed(args.model, list(args.texts), **options)
    if args.json:
        _print(json.dumps(reply.to_dict(), ensure_ascii=False))
        return 0
    width = max(len(repr(t)) for t in args.texts)
    _print(f"{reply.model}: {len(reply.embeddings)} vector(s)")
    for text, vector in zip(args.texts, reply.embeddings, strict=False):
        norm = math.sqrt(sum(x * x for x in vector))
        _print(f"  {text!r:<{width}}  {len(vector)} dims  norm {norm:.4f}  {_preview(vector)}")
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    _print(f"ollixir version is {__version__}")
    sys.stdout.flush()
    with make_client(args) as client:
        _print(f"server version is {client.version().version} ({client.base_url})")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": cmd_list,
    "ps": cmd_ps,
    "show": cmd_show,
    "cp": cmd_cp,
    "rm": cmd_rm,
    "stop": cmd_stop,
    "embed": cmd_embed,
    "version": cmd_version,
}
