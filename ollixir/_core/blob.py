"""Blob sources: hashing and chunked reading of paths, bytes and file objects.

Hashing is one streaming pass with a bounded buffer, so a multi-GiB file never sits in memory.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from .._errors import RequestError

__all__ = ["CHUNK_SIZE", "BlobSource", "BlobSourceLike", "blob_source"]

CHUNK_SIZE = 1 << 20

BlobSourceLike = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO


@dataclass(slots=True)
class BlobSource:
    """Where a blob's bytes come from. Exactly one of ``path``, ``data`` or ``file`` is set."""

    path: Path | None = None
    data: bytes | None = None
    file: BinaryIO | None = None

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        if self.path is not None:
            return self.path.stat().st_size
        assert self.file is not None
        pos = self.file.tell()
        end = self.file.seek(0, io.SEEK_END)
        self.file.seek(pos)
        return end - pos

    def open(self) -> BinaryIO:
        """A fresh reader positioned at the start of the blob; the caller closes it."""
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.path is not None:
            try:
                return self.path.open("rb")
            except OSError as exc:
                raise RequestError(
                    f"cannot read blob file {str(self.path)!r}: {exc.strerror}", param="path"
                ) from None
        assert self.file is not None
        return cast(BinaryIO, _Window(self.file))

    def digest(self) -> str:
        """``sha256:<hex>`` in one pass."""
        if self.data is not None:
            return "sha256:" + hashlib.sha256(self.data).hexdigest()
        h = hashlib.sha256()
        with self.open() as f:
            for chunk in iter_chunks(f):
                h.update(chunk)
        return "sha256:" + h.hexdigest()


class _Window(io.RawIOBase):
    """A view of a caller's file from its current position, which is restored on close, so the
    caller's file object is neither closed nor left moved by hashing and uploading it."""

    def __init__(self, f: BinaryIO) -> None:
        super().__init__()
        self._f = f
        self._start = f.tell()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._f.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n

    def read(self, size: int = -1) -> bytes:
        return self._f.read(size)

    def close(self) -> None:
        if not self.closed:
            self._f.seek(self._start)
        super().close()


def iter_chunks(f: BinaryIO, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    while chunk := f.read(size):
        yield chunk


def blob_source(value: object) -> BlobSource:
    if isinstance(value, BlobSource):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return BlobSource(data=bytes(value))
    if isinstance(value, str | os.PathLike):
        path = Path(os.fsdecode(value)).expanduser()
        if not path.is_file():
            raise RequestError(f"blob file {str(path)!r} does not exist or is not a file", param="path")
        return BlobSource(path=path)
    if hasattr(value, "read"):
        seekable = getattr(value, "seekable", None)
        if not callable(seekable) or not seekable():
            raise RequestError(
                "a blob file object must be seekable (it is read twice: hash, then upload)", param="path"
            )
        return BlobSource(file=value)  # type: ignore[arg-type]
    raise RequestError(
        f"create_blob takes a path, bytes or a binary file object, got {type(value).__name__}", param="path"
    )
