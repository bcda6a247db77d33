"""The exception hierarchy. Every failure an operation can produce is one of these."""

from __future__ import annotations

import builtins

__all__ = [
    "ConnectionError",
    "OllixirError",
    "ProtocolError",
    "RequestError",
    "ResponseError",
    "TimeoutError",
]


class OllixirError(Exception):
    """Base class of every error ollixir raises."""


class RequestError(OllixirError, ValueError):
    """Bad input, caught before any network traffic.

    It subclasses ``ValueError`` so code that already guards against bad values keeps working.
    """

    def __init__(self, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


class ConnectionError(OllixirError, builtins.ConnectionError):
    """The server could not be reached or stopped answering: refused, DNS, TLS, timeout, dropped stream."""

    def __init__(self, message: str, *, url: str | None = None, operation: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.operation = operation


class TimeoutError(ConnectionError, builtins.TimeoutError):
    """A connect, read, write or pool timeout fired."""


class ResponseError(OllixirError):
    """The server answered with an error: an HTTP error status, or an ``{"error": ...}`` line mid-stream.

    ``error`` is the server's message. ``signin_url`` is the ollama.com page that connects the server's
    key to an account, when the error carried one (a 401 from ``/api/me``, cloud models or a web proxy of
    a server that is not signed in); else None. ``hint``, when set, says what to do about it (a route the
    server is too old for, a server that is not signed in) and ends ``str(exc)``.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int,
        operation: str | None = None,
        body: str | None = None,
        signin_url: str | None = None,
        hint: str | None = None,
    ) -> None:
        prefix = f"{operation}: " if operation else ""
        advice = f"; {hint}" if hint else ""
        super().__init__(f"{prefix}{message} (status {status}){advice}")
        self.hint = hint
        self.error = message
        self.message = message
        self.status = status
        self.operation = operation
        self.body = body
        self.signin_url = signin_url

    @property
    def status_code(self) -> int:
        """Alias of :attr:`status`, the name the official client uses."""
        return self.status


class ProtocolError(ResponseError):
    """The server's answer broke the protocol: malformed JSON or NDJSON, a value of the wrong shape, or a
    stream cut short. ``field`` names the offending response field (``"message.content"``) when there is
    one."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        operation: str | None = None,
        body: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, status=status, operation=operation, body=body)
        self.field = field


def malformed_field(operation: str, path: str, cause: str, *, status: int = 200) -> ProtocolError:
    """The error for a response whose field ``path`` (empty: the whole answer) has the wrong shape."""
    where = f"response field '{path}'" if path else "response"
    return ProtocolError(f"{where}: {cause}", status=status, operation=operation, field=path or None)
