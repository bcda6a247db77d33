"""The argument parser: every subcommand, its options and help text."""

from __future__ import annotations

import argparse

from .._version import __version__
from ._progress import PROGRESS_HELP

__all__ = ["build_parser"]

_DESCRIPTION = """\
Talk to an Ollama server from the shell: manage models, chat, embed, and try everything against the
bundled test server (no Ollama needed: `ollixir demo`, `ollixir serve-test`)."""

_EPILOG = """\
The server is --host, else OLLAMA_HOST, else http://127.0.0.1:11434.
pull, push and create draw a progress bar per layer (bytes, rate, ETA) when rich is installed
(pip install 'ollixir[cli]') and stderr is a terminal; without rich, or when piped, they print one
plain line per status with percentages.
Exit status: 0 success, 1 server or connection error, 2 usage error."""

_SERVE_EPILOG = """\
The first line on stdout is the server's URL; then it lists its installed models, the names `pull`
can fetch, armed faults and extra CORS origins (OLLAMA_ORIGINS). The --models file format is
described in ollixir.testing.ServerConfig; examples/test_server_models.json is a complete example."""

_TRANSFER_EPILOG = """\
Progress goes to stderr. Bars need rich, from the 'cli' extra (pip install 'ollixir[cli]'); without it,
or when stderr is not a terminal, plain lines are printed: each new status, and each layer at every 10%."""


_EMBED_EPILOG = """\
With --input, every line of FILE is embedded in batches (--batch-size, --concurrency requests at once per
host, --hosts to share the work between servers by their speed) and written to --output as one JSON line
per input, in input order: {"index": N, "id": ..., "embedding": [...]} ("id" when the input line is an
object with an "id"). Each batch is flushed as it is written, so an interrupted run resumes where the
output ends when started again; --start N starts at input N instead. Progress goes to stderr."""


def _host_option(parser: argparse.ArgumentParser, *, default: object = argparse.SUPPRESS) -> None:
    # SUPPRESS on subcommands keeps `ollixir --host X list` from being reset by the subparser's default.
    parser.add_argument(
        "--host",
        metavar="URL",
        default=default,
        help="Ollama server (default: OLLAMA_HOST, else http://127.0.0.1:11434)",
    )


def _progress_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--progress", choices=("auto", "bar", "plain"), default="auto", help=PROGRESS_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ollixir",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _host_option(parser, default=None)
    parser.add_argument("--version", action="version", version=f"ollixir {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def command(name: str, help: str, *, epilog: str | None = None) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _host_option(p)
        return p

    command("list", "list installed models (NAME ID SIZE MODIFIED)")
    command("ps", "list models loaded in memory")

    p = command("show", "show a model's details, or one part of them")
    p.add_argument("model")
    part = p.add_mutually_exclusive_group()
    for flag in ("license", "modelfile", "parameters", "system", "template"):
        part.add_argument(f"--{flag}", action="store_true", help=f"print only the {flag}")
    part.add_argument("--json", action="store_true", help="print the whole /api/show answer as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="include large metadata (tokenizer arrays)")

    p = command("pull", "download a model from a registry", epilog=_TRANSFER_EPILOG)
    p.add_argument("model")
    p.add_argument("--insecure", action="store_true", help="allow plain HTTP and unverified registries")
    _progress_option(p)

    p = command("push", "upload a model to a registry (name it namespace/model)", epilog=_TRANSFER_EPILOG)
    p.add_argument("model")
    p.add_argument("--insecure", action="store_true", help="allow plain HTTP and unverified registries")
    _progress_option(p)

    p = command("create", "create a model from a Modelfile", epilog=_TRANSFER_EPILOG)
    p.add_argument("name")
    p.add_argument("-f", "--file", default="Modelfile", metavar="MODELFILE", help="default: ./Modelfile")
    p.add_argument("-q", "--quantize", metavar="TYPE", help="quantize an F16/F32 source, e.g. q4_K_M")
    _progress_option(p)

    p = command("cp", "copy a model")
    p.add_argument("source")
    p.add_argument("destination")

    p = command("rm", "remove models")
    p.add_argument("models", nargs="+", metavar="MODEL")

    p = command("stop", "unload a model from memory")
    p.add_argument("model")

    p = command(
        "run",
        "chat with a model: answer PROMPT and exit, or without PROMPT chat line by line on stdin "
        "(/bye or end of input quits)",
    )
    p.add_argument("model")
    p.add_argument("prompt", nargs="*", help="words of the prompt")
    # A flag plus a separate level: an optional value on --think would swallow the prompt's first word.
    think = p.add_mutually_exclusive_group()
    think.add_argument("--think", action="store_const", const=True, help="ask a thinking model to think")
    think.add_argument(
        "--think-level", dest="think", choices=("low", "medium", "high"), help="think, this hard"
    )
    think.add_argument("--no-think", dest="think", action="store_const", const=False, help="do not think")
    p.add_argument("--hidethinking", action="store_true", help="think, but do not print the thinking")
    p.add_argument("--format", metavar="FORMAT", help="'json', or a JSON schema the answer must follow")
    p.add_argument("--keepalive", metavar="DURATION", help="how long to keep the model loaded, e.g. 10m")
    p.add_argument("--system", metavar="TEXT", help="system message for the conversation")
    p.add_argument("--verbose", action="store_true", help="print timings and token counts to stderr")

    p = command(
        "embed",
        "print embedding vectors of texts (a summary per text; --json for everything), or embed a whole "
        "file: --model M --input FILE --output FILE",
        epilog=_EMBED_EPILOG,
    )
    p.add_argument("model", nargs="?", help="the embedding model (or --model)")
    p.add_argument("texts", nargs="*", metavar="TEXT")
    p.add_argument("--json", action="store_true", help="print the full /api/embed answer as JSON")
    p.add_argument("--dimensions", type=int, metavar="N", help="truncate vectors to N dimensions")
    p.add_argument("--model", dest="model_option", metavar="MODEL", help="the embedding model")
    p.add_argument("--input", metavar="FILE", help="texts to embed: JSON lines, or plain text (one per line)")
    p.add_argument("--output", metavar="FILE", help="where to write the vectors, as JSON lines")
    p.add_argument(
        "--input-format",
        choices=("auto", "jsonl", "text"),
        default="auto",
        help="auto (default): JSON lines for .jsonl/.ndjson/.json files, plain text otherwise",
    )
    p.add_argument("--field", default="text", help="the text's field in JSON-lines objects (default: text)")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="texts per request (default 64)")
    p.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="requests at once per host (default 4)"
    )
    p.add_argument("--start", type=int, metavar="N", help="start at input N (default: where --output ends)")
    p.add_argument("--hosts", metavar="URL,URL", help="share the work between these Ollama servers")
    p.add_argument(
        "--progress",
        choices=("auto", "bar", "plain", "none"),
        default="auto",
        help="'bar' (rich, the 'cli' extra), 'plain' lines, 'none'; auto: a bar on a terminal when rich is installed",
    )

    command("version", "print the client's and the server's versions")

    p = command(
        "status",
        "say whether the server is running, its version, and whether its ollama.com cloud features are on",
        epilog="Exit status 1 when the server cannot be reached (GET / gets no answer within 5 seconds).",
    )
    p.add_argument("--json", action="store_true", help="print the /api/status answer as JSON")
    p = command("whoami", "show the ollama.com account the server is signed in to")
    p.add_argument("--json", action="store_true", help="print the /api/me answer as JSON")
    command("signout", "disconnect the server from its ollama.com account")
    p = command("recommend", "list the models the server recommends, local and cloud")
    p.add_argument("--json", action="store_true", help="print the whole answer as JSON")

    p = sub.add_parser(
        "serve-test",
        help="run the bundled Ollama-protocol test server in the foreground (Ctrl-C stops it)",
        description="Run the bundled test server (fake deterministic models, no GPU) until Ctrl-C or SIGTERM.",
        epilog=_SERVE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--port", type=int, default=11434, help="port to listen on (default 11434; 0 picks a free one)"
    )
    p.add_argument("--host", dest="bind", default="127.0.0.1", metavar="ADDRESS", help="address to bind")
    p.add_argument(
        "--models",
        metavar="FILE",
        help="JSON (or .toml) file of extra models (scripted replies), pullable names and faults",
    )
    p.add_argument("--list", action="store_true", help="print the installed and pullable models, then exit")

    p = command(
        "demo",
        "a guided tour of ollixir; starts the bundled test server unless --host is given",
        epilog="Without --host the demo starts the bundled test server in-process (OLLAMA_HOST is ignored), "
        "so it works on a machine without Ollama. With --host it uses a real Ollama and pulls missing models.",
    )
    p.add_argument("--model", default="llama3.2", help="chat model for a real Ollama (default llama3.2)")
    p.add_argument("--embed-model", default="all-minilm", help="embedding model (default all-minilm)")
    return parser
