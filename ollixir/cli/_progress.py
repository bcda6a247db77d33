"""Progress display for pull, push and create: rich bars per layer, or plain lines.

The server streams ``{"status", "digest", "total", "completed"}`` objects; every line with a ``total`` belongs
to a layer (keyed by its digest) and everything else is a free-form status such as ``"pulling manifest"`` or
``"success"``. Rich bars need the ``cli`` extra and a terminal; pipes and files get plain lines, so logs and
tests can read them.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Protocol, TextIO

from ._format import human_bytes

if TYPE_CHECKING:
    from ollixir_api.models import ProgressResponse

__all__ = ["PROGRESS_HELP", "ProgressMode", "ProgressView", "open_progress", "rich_available"]

ProgressMode = Literal["auto", "bar", "plain"]

PROGRESS_HELP = (
    "progress display: 'bar' draws a live bar per layer (bytes, rate, ETA) with rich, from the 'cli' extra "
    "(pip install 'ollixir[cli]'); 'plain' prints one line per status and every 10%% of a layer; 'auto' "
    "(default) uses bars on a terminal when rich is installed, plain lines otherwise"
)


def rich_available() -> bool:
    try:
        import rich.progress  # noqa: F401
    except ImportError:
        return False
    return True


def _field(value: object) -> int:
    # Absent fields are None; only real integers count.
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _digest(value: object) -> str:
    return value if isinstance(value, str) else ""


class ProgressView(Protocol):
    def update(self, event: ProgressResponse) -> None: ...

    def __enter__(self) -> ProgressView: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class PlainProgress:
    """One line per new status, and per layer at 0%, each further 10% and 100%: readable in logs and pipes."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._last_status: str | None = None
        self._deciles: dict[str, int] = {}

    def update(self, event: ProgressResponse) -> None:
        total = _field(event.total)
        if total <= 0:
            if event.status != self._last_status:
                self._print(event.status, event.status)
            return
        completed = min(_field(event.completed), total)
        key = _digest(event.digest) or event.status
        percent = completed * 100 // total
        decile = percent // 10
        if self._deciles.get(key, -1) >= decile:
            return
        self._deciles[key] = decile
        self._print(
            event.status, f"{event.status}: {percent:3d}% ({human_bytes(completed)}/{human_bytes(total)})"
        )

    def _print(self, status: str, line: str) -> None:
        self._last_status = status
        self._out.write(line + "\n")
        self._out.flush()

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._out.flush()


class RichProgress:
    """A rich bar per layer (description, bar, percent, bytes, rate, ETA); other statuses print above the bars."""

    def __init__(self, out: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TaskID,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=Console(file=out),
        )
        self._tasks: dict[str, TaskID] = {}
        self._last_status: str | None = None

    def update(self, event: ProgressResponse) -> None:
        total = _field(event.total)
        if total <= 0:
            if event.status != self._last_status:
                self._last_status = event.status
                self._progress.console.print(event.status, highlight=False, markup=False)
            return
        key = _digest(event.digest) or event.status
        completed = min(_field(event.completed), total)
        task = self._tasks.get(key)
        if task is None:
            self._tasks[key] = self._progress.add_task(event.status, total=total, completed=completed)
        else:
            self._progress.update(task, total=total, completed=completed, description=event.status)

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()


def open_progress(mode: ProgressMode = "auto", out: TextIO | None = None) -> ProgressView:
    """The display for ``mode``. Progress goes to stderr by default, like Ollama's, keeping stdout for results."""
    out = out if out is not None else sys.stderr
    if mode == "plain":
        return PlainProgress(out)
    if not rich_available():
        if mode == "bar":
            out.write("note: progress bars need rich (pip install 'ollixir[cli]'); printing plain progress\n")
        return PlainProgress(out)
    if mode == "bar" or out.isatty():
        return RichProgress(out)
    return PlainProgress(out)
