"""The I/O primitives of the synchronous executor: the twins of ``async_io.py``, under the names
unasync gives them when it generates ``sync_exec.py`` from ``async_exec.py``."""

from __future__ import annotations

from collections.abc import Iterator
from time import sleep
from typing import Any

from .blob import BlobSource, iter_chunks
from .call import Call

__all__ = ["request_content", "sleep"]


def request_content(call: Call) -> Any:
    """The request body in a form ``httpx.Client`` sends: bytes, or an iterable of bytes (a
    ``JsonStream`` is one already)."""
    if call.upload is not None:
        return _file_chunks(call.upload)
    return call.body


def _file_chunks(source: BlobSource) -> Iterator[bytes]:
    with source.open() as f:
        yield from iter_chunks(f)
