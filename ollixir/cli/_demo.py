"""``ollixir demo``: a short guided tour, on the bundled test server unless ``--host`` names a real Ollama."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator

from .._version import __version__
from ._demo_steps import Tour

__all__ = ["SECTIONS", "cmd_demo"]

#: Headings in tour order; the tests check that every one is printed.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("models", "List models"),
    ("chat", "Chat with a streamed answer"),
    ("tools", "Tool call round trip"),
    ("structured", "Structured output with a JSON schema"),
    ("embeddings", "Embeddings and cosine similarity"),
    ("pull", "Pull a model with a progress bar"),
    ("create", "Create a model from a Modelfile"),
    ("load", "Preload and unload"),
)


def _heading(number: int, title: str) -> None:
    text = f"{number}. {title}"
    if sys.stdout.isatty():
        try:
            from rich.console import Console
        except ImportError:
            pass
        else:
            console = Console(highlight=False)
            console.print()
            console.rule(f"[bold]{text}", align="left")
            return
    sys.stdout.write(f"\n== {text} ==\n")
    sys.stdout.flush()


@contextlib.contextmanager
def _server(host: str | None) -> Iterator[str | None]:
    """The bundled test server's URL for the duration of the tour, or ``None`` when a real host was given."""
    if host is not None:
        yield None
        return
    from ..testing import OllamaTestServer

    with OllamaTestServer() as server:
        yield server.url


def cmd_demo(args: argparse.Namespace) -> int:
    from .._clients.client import Client

    # Only an explicit --host means a real Ollama: OLLAMA_HOST may point at one that lacks the demo models.
    host: str | None = getattr(args, "host", None)
    with _server(host) as test_url:
        target = test_url or host
        print(f"ollixir {__version__} demo")
        if test_url:
            print(
                f"Started the bundled Ollama test server at {test_url}: fake, deterministic models, no GPU.\n"
                "Answers are canned; run `ollixir demo --host http://127.0.0.1:11434` to use a real Ollama."
            )
        else:
            print(f"Using the Ollama server at {target} (models: {args.model}, {args.embed_model}).")
        with Client(target) as client:
            tour = Tour(client, args.model, args.embed_model, test_server=test_url is not None)
            for number, (step, title) in enumerate(SECTIONS, start=1):
                _heading(number, title)
                run: Callable[[], None] = getattr(tour, step)
                run()
    print("\nDone. Next: `ollixir --help`, `ollixir serve-test`, and the README's quick start.")
    return 0
