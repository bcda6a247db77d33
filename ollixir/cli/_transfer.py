"""pull, push and create: streamed progress shown with :mod:`._progress`."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .._errors import RequestError, ResponseError
from ._commands import make_client
from ._progress import ProgressMode, open_progress

if TYPE_CHECKING:
    from ollixir_api.models import ProgressResponse

__all__ = ["cmd_create", "cmd_pull", "cmd_push", "show_progress"]


def show_progress(
    events: Iterable[ProgressResponse], mode: ProgressMode = "auto", out: TextIO | None = None
) -> None:
    """Feed a progress stream to the display (stderr by default) until it ends; server errors propagate."""
    with open_progress(mode, out) as view:
        for event in events:
            view.update(event)


def cmd_pull(args: argparse.Namespace) -> int:
    with (
        make_client(args) as client,
        client.pull_model(args.model, insecure=args.insecure, stream=True) as stream,
    ):
        show_progress(stream, args.progress)
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        try:
            with client.push_model(args.model, insecure=args.insecure, stream=True) as stream:
                show_progress(stream, args.progress)
        except ResponseError as exc:
            text = exc.error.lower()
            # The server reports a foreign namespace as a plain stream error; say what to do about it.
            if "unauthorized" in text or "access denied" in text:
                exc.error = (
                    f"{exc.error}: you are not authorized to push to this namespace; "
                    "create the model under a namespace you own (ollixir cp MODEL you/MODEL)"
                )
            raise
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise RequestError(f"no Modelfile at {str(path)!r}; pass one with -f", param="modelfile")
    options: dict[str, Any] = {}
    if args.quantize:
        options["quantize"] = args.quantize
    with (
        make_client(args) as client,
        client.create_model(args.name, modelfile=path, stream=True, **options) as stream,
    ):
        show_progress(stream, args.progress)
    return 0
