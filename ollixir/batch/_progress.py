"""Progress of a batch job: a rich bar (the ``cli`` extra) or plain lines on stderr."""

from __future__ import annotations

import sys
import time
from typing import Literal, Protocol, TextIO

from .._errors import RequestError

__all__ = ["ProgressLike", "ProgressView", "open_progress"]

ProgressLike = bool | Literal["auto", "bar", "plain"]


class ProgressView(Protocol):
    def advance(self, done: int, hosts: int) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    def advance(self, done: int, hosts: int) -> None:
        pass

    def close(self) -> None:
        pass


class PlainProgress:
    """A line at every 10 % of a known total, or every 10 seconds (and at the end) otherwise."""

    def __init__(self, out: TextIO, total: int | None, start: int) -> None:
        self._out = out
        self._total = total
        self._start = start
        self._began = time.monotonic()
        self._last_line = self._began
        self._decile = (start * 10 // total) if total else -1
        self._done = start

    def advance(self, done: int, hosts: int) -> None:
        self._done = done
        now = time.monotonic()
        if self._total:
            decile = done * 10 // self._total
            if decile <= self._decile:
                return
            self._decile = decile
        elif now - self._last_line < 10.0:
            return
        self._line(now, hosts)

    def _line(self, now: float, hosts: int) -> None:
        self._last_line = now
        rate = (self._done - self._start) / max(now - self._began, 1e-9)
        if self._total:
            head = f"embedded {self._done:,}/{self._total:,} texts ({self._done * 100 // self._total}%)"
        else:
            head = f"embedded {self._done:,} texts"
        hosts_text = f"{hosts} host" + ("" if hosts == 1 else "s")
        self._out.write(f"{head}, {rate:,.0f} texts/s, {hosts_text}\n")
        self._out.flush()

    def close(self) -> None:
        if not self._total and self._done > self._start:
            self._line(time.monotonic(), 0)


class RichProgress:
    def __init__(self, out: TextIO, total: int | None, start: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("embedding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} texts/s, {task.fields[hosts]}"),
            TimeRemainingColumn(),
            console=Console(file=out),
        )
        self._start = start
        self._began = time.monotonic()
        self._task = self._progress.add_task("embed", total=total, completed=start, rate="-", hosts="")
        self._progress.start()

    def advance(self, done: int, hosts: int) -> None:
        rate = (done - self._start) / max(time.monotonic() - self._began, 1e-9)
        label = f"{hosts} host" + ("" if hosts == 1 else "s")
        self._progress.update(self._task, completed=done, rate=f"{rate:,.0f}", hosts=label)

    def close(self) -> None:
        self._progress.stop()


def _rich_available() -> bool:
    try:
        import rich.progress  # noqa: F401
    except ImportError:
        return False
    return True


def check_progress(progress: object) -> ProgressLike:
    if progress in (True, False, "auto", "bar", "plain"):
        return progress
    raise RequestError(
        f"progress must be True, False, 'auto', 'bar' or 'plain', got {progress!r}", param="progress"
    )


def open_progress(
    progress: ProgressLike, total: int | None, start: int, out: TextIO | None = None
) -> ProgressView:
    """``True``/``"auto"``: a bar on a terminal when rich is installed, plain lines otherwise."""
    if progress is False:
        return NoProgress()
    out = out if out is not None else sys.stderr
    if progress == "plain":
        return PlainProgress(out, total, start)
    if not _rich_available():
        if progress == "bar":
            out.write("note: progress bars need rich (pip install 'ollixir[cli]'); printing plain progress\n")
        return PlainProgress(out, total, start)
    if progress == "bar" or out.isatty():
        return RichProgress(out, total, start)
    return PlainProgress(out, total, start)
