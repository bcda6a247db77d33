"""Generate the synchronous twins of async modules with unasync, the way httpcore does.

Run by ``scripts/generate`` (its last step); the output is committed and checked for drift by
``scripts/check`` and ``tests/test_unasync.py``. Usage::

    python scripts/unasync_gen.py [--check | --list] [--ruff PATH]

``--check`` writes nothing and exits 1 if a committed sync file differs from what this produces;
``--list`` prints the generated files, one a line (``scripts/check`` checks them for drift).

unasync works on tokens: it drops ``async`` and ``await``, renames the dunder methods and typing
names of the async protocols (``__aenter__``, ``AsyncIterator``, ...), and turns a name ``AsyncX``
into ``SyncX``. ``REPLACEMENTS`` below adds what that leaves out, and nothing else:

* httpx's names whose sync twin is not ``SyncX`` (``AsyncClient`` is ``Client``; ``aread`` is ``read``);
* our public ``AsyncStream``, whose twin is ``Stream``;
* the primitives of ``ollixir/_core/async_io.py``, each renamed to its twin in ``sync_io.py``;
* the batch job's public names (``AsyncEmbedJob`` is ``EmbedJob``, ``aembed_many`` is ``embed_many``)
  and its primitives' module ``ollixir/batch/_async_pool.py``, whose twin is ``_sync_pool.py``.

unasync leaves strings alone (docstrings included), so a generated public name takes its docstring
from a hand-written module of its own flavour (``ollixir/batch/_docs.py``).

The result gets a do-not-edit header and is formatted with the repository's ruff settings, so the
committed file is byte for byte what this writes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import unasync  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent

# (async source, generated sync file), relative to the repository root.
PAIRS: tuple[tuple[str, str], ...] = (
    ("ollixir/_core/async_exec.py", "ollixir/_core/sync_exec.py"),
    ("ollixir/batch/_async.py", "ollixir/batch/_sync.py"),
)

REPLACEMENTS: dict[str, str] = {
    # httpx
    "AsyncClient": "Client",
    "aread": "read",
    "aclose": "close",
    "aiter_bytes": "iter_bytes",
    # ollixir's public stream types
    "AsyncStream": "Stream",
    # the I/O primitives: async_io.py -> sync_io.py
    "async_io": "sync_io",
    "async_sleep": "sleep",
    "async_request_content": "request_content",
    # the batch job (ollixir/batch): its public names, and its primitives' module _async_pool.py ->
    # _sync_pool.py (AsyncPool and AsyncDocs need nothing: unasync makes them SyncPool and SyncDocs)
    "AsyncEmbedJob": "EmbedJob",
    "aembed_many": "embed_many",
    "_async_pool": "_sync_pool",
}

HEADER = (
    "# Generated from {source} by scripts/unasync_gen.py (run by scripts/generate): do not edit.\n"
    "# Change the async file and run scripts/generate.\n"
)


def unasync_source(text: str) -> str:
    """The token-level transformation alone: unasync's rules plus ``REPLACEMENTS``."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "_async" / "module.py"
        src.parent.mkdir()
        src.write_text(text, encoding="utf-8")
        rule = unasync.Rule("/_async/", "/_sync/", additional_replacements=REPLACEMENTS)
        unasync.unasync_files([str(src)], rules=[rule])
        return (Path(tmp) / "_sync" / "module.py").read_text(encoding="utf-8")


def find_ruff() -> str:
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())


def _ruff(ruff: str, args: list[str], text: str, filename: str) -> str:
    done = subprocess.run(
        [ruff, *args, "--no-cache", "--stdin-filename", filename, "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"scripts/unasync_gen.py: ruff {args[0]} failed on {filename}:\n{done.stderr}")
    return done.stdout


def render(source: str, text: str, target: str, ruff: str | None = None) -> str:
    """The committed form of ``target``, generated from ``text`` (the contents of ``source``)."""
    ruff = ruff or find_ruff()
    out = HEADER.format(source=source) + unasync_source(text)
    # Renamed imports sort differently (async_io comes first, sync_io last): let ruff re-sort them.
    out = _ruff(ruff, ["check", "--fix-only", "--quiet"], out, target)
    return _ruff(ruff, ["format", "--quiet"], out, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on drift")
    parser.add_argument("--list", action="store_true", help="print the generated files and stop")
    parser.add_argument("--ruff", help="the ruff binary (default: the one installed for this Python)")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(target for _, target in PAIRS))
        return 0
    stale = []
    for source, target in PAIRS:
        text = (ROOT / source).read_text(encoding="utf-8")
        fresh = render(source, text, target, args.ruff)
        path = ROOT / target
        if path.exists() and path.read_text(encoding="utf-8") == fresh:
            continue
        stale.append(target)
        if not args.check:
            path.write_text(fresh, encoding="utf-8")
    if args.check:
        for target in stale:
            print(f"scripts/unasync_gen.py: {target} is stale; run scripts/generate", file=sys.stderr)
        return 1 if stale else 0
    print(f"scripts/unasync_gen.py: wrote {', '.join(t for _, t in PAIRS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
