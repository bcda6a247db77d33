"""Text formatting shared by the commands: sizes, relative times and plain tables, as the Ollama CLI prints them."""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence

__all__ = ["human_bytes", "human_duration", "human_time", "processor", "table", "until"]

_UNITS = (("TB", 1000**4), ("GB", 1000**3), ("MB", 1000**2), ("KB", 1000))
# Ollama treats expiry dates this far ahead as "keep loaded forever" (keep_alive < 0).
_FOREVER = datetime.timedelta(days=365 * 100)


def human_bytes(size: int) -> str:
    """Decimal units like Ollama's ``format.HumanBytes``: ``2019393189`` -> ``"2.0 GB"``, ``512`` -> ``"512 B"``."""
    for unit, factor in _UNITS:
        if size >= factor:
            value = size / factor
            if value >= 10 or value == math.trunc(value):
                return f"{int(value)} {unit}"
            return f"{value:.1f} {unit}"
    return f"{size} B"


def human_duration(delta: datetime.timedelta) -> str:
    """A rounded, readable span: ``"Less than a second"``, ``"About a minute"``, ``"3 weeks"``."""
    seconds = int(delta.total_seconds())
    if seconds < 1:
        return "Less than a second"
    if seconds < 60:
        return "1 second" if seconds == 1 else f"{seconds} seconds"
    minutes = seconds // 60
    if minutes < 60:
        return "About a minute" if minutes == 1 else f"{minutes} minutes"
    hours = round(delta.total_seconds() / 3600)
    if hours == 1:
        return "About an hour"
    if hours < 48:
        return f"{hours} hours"
    if hours < 24 * 7 * 2:
        return f"{hours // 24} days"
    if hours < 24 * 30 * 2:
        return f"{hours // (24 * 7)} weeks"
    if hours < 24 * 365 * 2:
        return f"{hours // (24 * 30)} months"
    return f"{int(delta.total_seconds() // (3600 * 24 * 365))} years"


def human_time(when: datetime.datetime, now: datetime.datetime | None = None) -> str:
    """``"3 weeks ago"`` or ``"4 minutes from now"``; ``"Forever"`` for the far-future expiry of pinned models."""
    now = now or datetime.datetime.now(datetime.UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    delta = now - when
    if delta < datetime.timedelta(0):
        if -delta > _FOREVER:
            return "Forever"
        return f"{human_duration(-delta)} from now"
    return f"{human_duration(delta)} ago"


def until(when: datetime.datetime, now: datetime.datetime | None = None) -> str:
    """The UNTIL column of ``ollama ps``: time left, or ``"Stopping..."`` once the expiry has passed."""
    now = now or datetime.datetime.now(datetime.UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return human_time(when, now) if when > now else "Stopping..."


def processor(size: int, size_vram: int) -> str:
    """Where a loaded model lives, as ``ollama ps`` shows it: ``"100% GPU"``, ``"25%/75% CPU/GPU"``."""
    if size_vram == 0:
        return "100% CPU"
    if size_vram == size:
        return "100% GPU"
    if size_vram > size or size == 0:
        return "Unknown"
    cpu = round((size - size_vram) / size * 100)
    return f"{cpu}%/{100 - cpu}% CPU/GPU"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], gap: int = 4) -> str:
    """Left-aligned columns separated by ``gap`` spaces, no borders, no trailing spaces."""
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = []
    for row in (header, *rows):
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append((" " * gap).join(cells).rstrip())
    return "\n".join(lines)
