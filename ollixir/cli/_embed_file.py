"""``ollixir embed --model M --input FILE --output FILE``: a file of texts to a JSON-lines file of vectors.

The input is read as batches are cut (any size works), the batches run through
:func:`ollixir.batch.embed_many` on one or several hosts, and each finished batch is appended to the
output and flushed. A run that stops for any reason can simply be started again: it resumes after the
last complete line of the output (or at ``--start N``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

from .._errors import RequestError

__all__ = ["cmd_embed_file"]

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


def _format(args: argparse.Namespace) -> str:
    if args.input_format != "auto":
        return str(args.input_format)
    return "jsonl" if str(args.input).lower().endswith(_JSONL_SUFFIXES) else "text"


def _count_lines(path: str) -> int:
    count = 0
    last = b"\n"
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def _records(path: str, fmt: str, field: str) -> Iterator[tuple[str, Any]]:
    """``(text, id)`` per input line; ``id`` is the JSON object's ``"id"`` (None for text files)."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if fmt == "text":
                yield line, None
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                raise RequestError(f"{path}:{number}: not JSON ({exc})", param="input") from None
            if isinstance(item, str):
                yield item, None
            elif isinstance(item, dict) and isinstance(item.get(field), str):
                yield item[field], item.get("id")
            else:
                raise RequestError(
                    f"{path}:{number}: expected a JSON string or an object with a string {field!r}",
                    param="input",
                )


_INDEX = re.compile(rb'\{"index":(\d+)[,}]')


def _line_index(line: bytes, path: str) -> int:
    match = _INDEX.match(line)
    if match is None:
        raise RequestError(f"{path}: {line[:60]!r}... is not an output line of this command", param="output")
    return int(match.group(1))


def _resume_point(path: str) -> int:
    """Where the output leaves off: the last complete line's index + 1 (its line count when the job
    started at 0). A final line cut short by a crash is removed, so the rerun writes it again.
    """
    if not os.path.exists(path):
        return 0
    with open(path, "rb+") as f:
        end = position = f.seek(0, os.SEEK_END)
        buffer = b""
        # Read backwards until the last complete line is in the buffer whole.
        while position > 0:
            step = min(1 << 16, position)
            position -= step
            f.seek(position)
            buffer = f.read(step) + buffer
            last = buffer.rfind(b"\n")
            if last >= 0 and (buffer.rfind(b"\n", 0, last) >= 0 or position == 0):
                break
        last = buffer.rfind(b"\n")
        complete = position + last + 1 if last >= 0 else 0
        if complete != end:
            f.truncate(complete)
    if last < 0:
        return 0
    return _line_index(buffer[buffer.rfind(b"\n", 0, last) + 1 : last], path) + 1


def _rewind(path: str, start: int) -> None:
    """For an explicit ``--start``: drop the output's lines from index ``start`` on; refuse a gap."""
    resume = _resume_point(path)
    if start > resume:
        raise RequestError(
            f"{path} ends at input {resume}; --start {start} would leave a gap (use --start {resume})",
            param="start",
        )
    if start == resume:
        return
    with open(path, "rb+") as f:
        position = 0
        while line := f.readline():
            if _line_index(line, path) >= start:
                break
            position += len(line)
        f.truncate(position)


def _clients(args: argparse.Namespace) -> list[Any]:
    from .._clients.client import Client

    hosts = [h.strip() for h in (args.hosts or "").split(",") if h.strip()]
    if not hosts:
        return [Client(getattr(args, "host", None))]
    return [Client(h) for h in hosts]


def _dumps() -> Callable[[dict[str, Any]], bytes]:
    """orjson when installed (the speedups extra: about 10x faster on float lists), else json."""
    try:
        import orjson
    except ImportError:
        return lambda record: json.dumps(record, separators=(",", ":")).encode()
    fast: Callable[[dict[str, Any]], bytes] = orjson.dumps
    return fast


def _write(
    out: IO[bytes], dumps: Callable[[dict[str, Any]], bytes], start: int, ids: list[Any], vectors: Any
) -> None:
    lines = []
    for offset, vector in enumerate(vectors):
        record: dict[str, Any] = {"index": start + offset}
        if ids[offset] is not None:
            record["id"] = ids[offset]
        record["embedding"] = vector
        lines.append(dumps(record))
    out.write(b"\n".join(lines) + b"\n")
    out.flush()


def cmd_embed_file(args: argparse.Namespace) -> int:
    from ..batch import BatchError, embed_many

    model = args.model_option or args.model
    if not model:
        raise RequestError("give the model: --model NAME", param="model")
    if args.texts:
        raise RequestError("give texts either as arguments or with --input, not both", param="input")
    if not args.output:
        raise RequestError("--input needs --output FILE (JSON lines, one vector per input)", param="output")
    fmt = _format(args)
    total = _count_lines(args.input)
    start = _resume_point(args.output) if args.start is None else args.start
    if start > total:
        raise RequestError(f"start {start} is past the end of the {total} inputs", param="start")
    if args.start is not None and os.path.exists(args.output):
        # An explicit start keeps the output's lines before it and writes the rest again.
        _rewind(args.output, start)
    records = _records(args.input, fmt, args.field)
    ids: dict[int, Any] = {}

    def texts() -> Iterator[str]:
        for index, (text, ident) in enumerate(records):
            if index >= start and ident is not None:
                ids[index] = ident
            yield text

    clients = _clients(args)
    options: dict[str, Any] = {}
    if args.dimensions is not None:
        options["dimensions"] = args.dimensions
    progress = {"none": False, "auto": True}.get(args.progress, args.progress)
    if start == total and total:
        sys.stderr.write(f"{args.output} already holds all {total} inputs\n")
        return 0
    if start:
        sys.stderr.write(f"resuming at input {start} of {total}\n")
    try:
        job = embed_many(
            clients,
            texts(),
            model=model,
            batch_size=args.batch_size,
            concurrency=args.concurrency,
            progress=progress,
            start=start,
            total=total,
            **options,
        )
        dumps = _dumps()
        with job, open(args.output, "ab") as out:
            for batch in job:
                batch_ids = [ids.pop(i, None) for i in range(batch.start, batch.stop)]
                _write(out, dumps, batch.start, batch_ids, batch.embeddings)
    except BatchError as exc:
        sys.stderr.write(f"Error: {exc}\nRun the same command again to resume at input {exc.resume_from}.\n")
        return 1
    finally:
        for client in clients:
            client.close()
    return 0
