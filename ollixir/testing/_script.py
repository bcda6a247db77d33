"""Scripted replies: a fake model that answers a list of replies in order."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Literal

from ._fake import FakeModelError, FakeReply, FakeRequest

__all__ = ["ScriptedReplies"]

WhenDone = Literal["error", "repeat", "cycle"]


class ScriptedReplies:
    """A ``reply`` for :class:`FakeModel` that answers ``replies`` in order, one per generate/chat call.

    Each item is the answer text, a :class:`FakeReply` (text, thinking and/or tool calls) or a
    :class:`FakeModelError` (that call fails with its status and message)::

        script = ScriptedReplies([
            FakeReply(tool_calls=[FakeToolCall("get_weather", {"city": "Paris"})]),
            "It is sunny in Paris.",
        ])
        server.add_models(FakeModel("acme/agent", ("completion", "tools"), reply=script))

    As with a real model, a non-streamed chat answer keeps tool calls only when the request sent
    ``tools``. Only calls that produce an answer take a reply (not the prompt-less load/unload calls, nor requests
    the server refuses before answering). After the last reply, ``when_done`` decides: ``"error"`` (the
    default) fails every further call with 500 ``scripted model <name> has no replies left (<n> used)``,
    ``"repeat"`` answers the last reply again, ``"cycle"`` starts over. :attr:`requests` records what
    each call asked; :meth:`rewind` starts again (``OllamaTestServer.reset()``, and so the
    ``ollama_server`` fixture, rewinds the scripts of the server's models).
    """

    def __init__(
        self, replies: Iterable[str | FakeReply | FakeModelError], *, when_done: WhenDone = "error"
    ) -> None:
        self.replies: tuple[str | FakeReply | FakeModelError, ...] = tuple(replies)
        for index, item in enumerate(self.replies):
            if not isinstance(item, str | FakeReply | FakeModelError):
                raise TypeError(
                    f"replies[{index}] must be a str, FakeReply or FakeModelError, not {type(item).__name__}"
                )
        if when_done not in ("error", "repeat", "cycle"):
            raise ValueError(f"when_done must be 'error', 'repeat' or 'cycle', not {when_done!r}")
        if not self.replies and when_done != "error":
            raise ValueError(f"when_done={when_done!r} needs at least one reply")
        self.when_done: WhenDone = when_done
        self._lock = threading.Lock()
        self._requests: list[FakeRequest] = []

    @property
    def requests(self) -> list[FakeRequest]:
        """The requests that took a reply so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def used(self) -> int:
        """How many calls took a reply (or failed for want of one) since the start or :meth:`rewind`."""
        with self._lock:
            return len(self._requests)

    @property
    def remaining(self) -> int:
        """Replies not handed out yet (``"repeat"`` and ``"cycle"`` never run out, but count down too)."""
        with self._lock:
            return max(0, len(self.replies) - len(self._requests))

    def rewind(self) -> None:
        """Start again from the first reply and forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    def __call__(self, request: FakeRequest) -> str | FakeReply:
        with self._lock:
            index = len(self._requests)
            self._requests.append(request)
        if index >= len(self.replies):
            if self.when_done == "error":
                raise FakeModelError(
                    f"scripted model {request.model} has no replies left ({len(self.replies)} used)"
                )
            index = len(self.replies) - 1 if self.when_done == "repeat" else index % len(self.replies)
        item = self.replies[index]
        if isinstance(item, FakeModelError):
            raise item
        return item

    def __repr__(self) -> str:
        return f"ScriptedReplies({len(self.replies)} replies, used={self.used}, when_done={self.when_done!r})"
