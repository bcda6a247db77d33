"""An incremental NDJSON decoder working on raw bytes.

httpx's ``iter_lines`` decodes every chunk to ``str`` and splits it in Python; splitting bytes and
handing each line straight to ``json.loads`` (which accepts bytes) does less work per line. Pending
partial lines are kept as a list of pieces and joined once, so one huge line arriving in many small
reads costs linear, not quadratic, time.
"""

from __future__ import annotations

import json
from typing import Any

from ._errors import ProtocolError

__all__ = ["NdjsonDecoder"]

# Decoding bytes ourselves skips json.loads's encoding sniffing on every line.
_decode = json.JSONDecoder().decode


class NdjsonDecoder:
    __slots__ = ("_operation", "_pending", "lines")

    def __init__(self, operation: str) -> None:
        self._operation = operation
        self._pending: list[bytes] = []
        self.lines = 0

    def feed(self, data: bytes) -> list[Any]:
        """Decode every complete line in ``data`` (plus what was pending before it)."""
        nl = data.find(b"\n")
        if nl >= 0 and nl == len(data) - 1 and not self._pending:
            # The common case when the server flushes one object per write: exactly one line.
            return [] if data.isspace() else [self._parse(data)]
        nl = data.rfind(b"\n")
        if nl < 0:
            if data:
                self._pending.append(data)
            return []
        if self._pending:
            self._pending.append(data[:nl])
            head = b"".join(self._pending)
            self._pending = []
        else:
            head = data[:nl]
        if nl + 1 < len(data):
            self._pending.append(data[nl + 1 :])
        if b"\n" not in head:
            return [self._parse(head)] if head.strip() else []
        return [self._parse(line) for line in head.split(b"\n") if line.strip()]

    def close(self) -> list[Any]:
        """Decode a final line that had no newline (single-object answers end that way)."""
        if not self._pending:
            return []
        tail = b"".join(self._pending)
        self._pending = []
        return [self._parse(tail)] if tail.strip() else []

    def _parse(self, line: bytes) -> Any:
        self.lines += 1
        try:
            return _decode(line.decode())
        except ValueError as exc:
            snippet = line[:120].decode("utf-8", "replace")
            more = "..." if len(line) > 120 else ""
            raise ProtocolError(
                f"malformed NDJSON line {self.lines} ({exc}): {snippet!r}{more}",
                status=200,
                operation=self._operation,
            ) from None
