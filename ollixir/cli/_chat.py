"""``ollixir run``: one streamed answer, or a line-by-line chat that keeps its history."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._errors import RequestError, ResponseError
from ._commands import make_client

if TYPE_CHECKING:
    from ollixir_api.models import ChatResponse

    from .._clients.client import Client
    from .._clients.types import TypedResults

__all__ = ["cmd_run", "stream_answer"]

_HELP = """\
Available commands:
  /set system TEXT   set the system message
  /set think         ask the model to think
  /set nothink       ask the model not to think
  /clear             forget the conversation so far
  /bye               exit (end of input works too)
  /?, /help          this help
Start a message with \"\"\" to write several lines; end it with \"\"\"."""


def _format(value: str) -> Any:
    if value == "json":
        return "json"
    if value.lstrip().startswith("{"):
        try:
            schema = json.loads(value)
        except json.JSONDecodeError as exc:
            raise RequestError(f"--format is not valid JSON: {exc}", param="format") from exc
        if isinstance(schema, dict):
            return schema
    raise RequestError("--format must be 'json' or a JSON schema object", param="format")


def _duration(ns: object) -> str:
    if not isinstance(ns, int):
        return "-"
    if ns >= 1_000_000_000:
        return f"{ns / 1e9:.3f}s"
    return f"{ns / 1e6:.3f}ms"


def _rate(count: object, ns: object) -> str:
    if isinstance(count, int) and isinstance(ns, int) and ns > 0:
        return f"{count / (ns / 1e9):.2f} tokens/s"
    return "-"


def _print_stats(reply: ChatResponse) -> None:
    rows = [
        ("total duration", _duration(reply.total_duration)),
        ("load duration", _duration(reply.load_duration)),
        ("prompt eval count", f"{reply.prompt_eval_count} token(s)"),
        ("prompt eval duration", _duration(reply.prompt_eval_duration)),
        ("prompt eval rate", _rate(reply.prompt_eval_count, reply.prompt_eval_duration)),
        ("eval count", f"{reply.eval_count} token(s)"),
        ("eval duration", _duration(reply.eval_duration)),
        ("eval rate", _rate(reply.eval_count, reply.eval_duration)),
    ]
    for label, value in rows:
        sys.stderr.write(f"{label + ':':<22}{value}\n")


def stream_answer(
    client: Client[TypedResults],
    model: str,
    messages: list[dict[str, Any]],
    options: dict[str, Any],
    *,
    show_thinking: bool,
) -> ChatResponse:
    """Print the reply token by token as it streams (thinking first, when shown) and return the whole reply."""
    out = sys.stdout
    thinking = False
    with client.chat(model, messages, stream=True, **options) as stream:
        for chunk in stream:
            message = chunk.message
            if show_thinking and message.thinking:
                if not thinking:
                    out.write("Thinking...\n")
                    thinking = True
                out.write(message.thinking)
            if message.content:
                if thinking:
                    out.write("\n...done thinking.\n\n")
                    thinking = False
                out.write(message.content)
            out.flush()
        reply = stream.final()
    if thinking:
        out.write("\n...done thinking.\n")
    out.write("\n")
    out.flush()
    return reply


def _next_line(prompt: str, interactive: bool) -> str | None:
    """One line without its newline, or None at end of input. The prompt is shown on terminals only."""
    if interactive:
        try:
            return input(prompt)
        except EOFError:
            return None
        except KeyboardInterrupt:
            print("\nUse Ctrl + d or /bye to exit.")
            return ""
    line = sys.stdin.readline()
    return line.rstrip("\n") if line else None


def _read_lines() -> Iterator[str]:
    """Input lines; a line starting with triple quotes continues until a line ending with them."""
    interactive = sys.stdin.isatty()
    while (line := _next_line(">>> ", interactive)) is not None:
        if not line.lstrip().startswith('"""'):
            yield line
            continue
        parts = [line.lstrip()[3:]]
        while not parts[-1].rstrip().endswith('"""'):
            more = _next_line("... ", interactive)
            if more is None:
                break
            parts.append(more)
        yield "\n".join(parts).rstrip().removesuffix('"""')


class _Session:
    def __init__(self, args: argparse.Namespace, options: dict[str, Any], show_thinking: bool) -> None:
        self.model: str = args.model
        self.system: str | None = args.system
        self.options = options
        self.show_thinking = show_thinking
        self.verbose: bool = args.verbose
        self.history: list[dict[str, Any]] = []

    def messages(self, prompt: str) -> list[dict[str, Any]]:
        system = [{"role": "system", "content": self.system}] if self.system else []
        return [*system, *self.history, {"role": "user", "content": prompt}]

    def command(self, line: str) -> bool:
        """Handle a /command; False means quit."""
        words = line.split(None, 2)
        head = words[0]
        if head == "/bye":
            return False
        if head in ("/?", "/help"):
            print(_HELP)
        elif head == "/clear":
            self.history.clear()
            print("Cleared session context")
        elif head == "/set" and len(words) >= 2 and words[1] in ("think", "nothink"):
            self.options["think"] = words[1] == "think"
            self.show_thinking = words[1] == "think"
            print(f"Set '{words[1]}' mode.")
        elif head == "/set" and len(words) == 3 and words[1] == "system":
            self.system = words[2]
            print("Set system message.")
        else:
            print(f"Unknown command '{line}'. Type /? for help")
        return True

    def ask(self, client: Client[TypedResults], prompt: str) -> None:
        try:
            reply = stream_answer(
                client, self.model, self.messages(prompt), self.options, show_thinking=self.show_thinking
            )
        except ResponseError as exc:
            # The conversation goes on after a refused turn, as in Ollama's own prompt.
            sys.stderr.write(f"Error: {exc.error}\n")
            return
        except KeyboardInterrupt:
            sys.stdout.write("\n")
            return
        self.history.append({"role": "user", "content": prompt})
        self.history.append({"role": "assistant", "content": reply.message.content})
        if self.verbose:
            _print_stats(reply)
        print()

    def loop(self, client: Client[TypedResults]) -> int:
        for line in _read_lines():
            text = line.strip()
            if not text:
                continue
            if text.startswith("/") and not self.command(text):
                break
            if not text.startswith("/"):
                self.ask(client, line)
        return 0


def _not_found(model: str) -> int:
    sys.stderr.write(f"Error: model '{model}' not found, try pulling it first\n")
    return 1


def cmd_run(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {}
    if args.think is not None:
        options["think"] = args.think
    if args.format:
        options["format"] = _format(args.format)
    if args.keepalive:
        options["keep_alive"] = args.keepalive
    # Thinking is shown when asked for, or on a terminal; pipes get only the answer unless --think.
    show_thinking = not args.hidethinking and (args.think not in (None, False) or sys.stdout.isatty())
    session = _Session(args, options, show_thinking)
    keep_alive = {"keep_alive": args.keepalive} if args.keepalive else {}
    with make_client(args) as client:
        if args.prompt and not " ".join(args.prompt).strip():
            # `run MODEL ""` loads the model and exits, as in Ollama.
            return 0 if client.preload(args.model, **keep_alive) else _not_found(args.model)
        if args.prompt:
            reply = stream_answer(
                client,
                args.model,
                session.messages(" ".join(args.prompt)),
                options,
                show_thinking=show_thinking,
            )
            if args.verbose:
                _print_stats(reply)
            return 0
        if not client.preload(args.model, **keep_alive):
            return _not_found(args.model)
        return session.loop(client)
