"""Deterministic fake models: the rules are in :class:`FakeModel`'s docstring (public API)."""

from __future__ import annotations

import hashlib
import math
import struct
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from ._fill import explicit_values, fill_schema
from ._gojson import F32, go_dumps
from ._tokens import iter_tokens, tokenize

__all__ = [
    "NO_TOOLS_MARKER",
    "Capability",
    "FakeModel",
    "FakeModelError",
    "FakeReply",
    "FakeRequest",
    "FakeToolCall",
    "Turn",
    "embed_raw",
    "logprob_entry",
    "normalized",
    "plan_turn",
    "tokenize",
]

Capability = Literal["completion", "tools", "insert", "vision", "embedding", "thinking", "image", "audio"]
"""What a fake model can do (the ``capabilities`` that ``/api/show`` lists)."""

NO_TOOLS_MARKER: Final = "[no tools]"
"""In the last user message, makes a default fake model answer in text although ``tools`` were sent."""


class FakeModelError(Exception):
    """Raised by a ``reply`` callable (or listed in :class:`ScriptedReplies`) to make a call fail.

    The server answers ``status`` with ``{"error": message}``; a streamed call fails before its first
    line, so the client sees the status too.
    """

    def __init__(self, message: str, status: int = 500) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class FakeToolCall:
    """A tool call a scripted reply asks for."""

    name: str
    arguments: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class FakeReply:
    """A scripted answer. ``thinking=None`` keeps the default thinking rule; ``""`` suppresses it."""

    content: str = ""
    thinking: str | None = None
    tool_calls: Sequence[FakeToolCall] = ()


@dataclass(frozen=True)
class FakeRequest:
    """What a scripted ``reply`` callable sees."""

    endpoint: Literal["generate", "chat"]
    model: str
    prompt: str
    messages: Sequence[Mapping[str, object]]
    system: str
    suffix: str
    options: Mapping[str, object]
    tools: Sequence[Mapping[str, object]]
    format: object
    think: bool | str | None
    image_count: int


Reply = str | Callable[[FakeRequest], "str | FakeReply"]


@dataclass(frozen=True)
class FakeModel:
    r"""A deterministic fake model the test server can serve: every answer can be computed by hand.

    ``name`` is a model name (``user/model:tag`` forms work). ``capabilities`` says what it can do,
    ``reply`` scripts its answers (text, a callable, or :class:`ScriptedReplies`); the other fields are
    what ``/api/show`` and ``/api/tags`` report (``size`` defaults to a value derived from the name).

    Tokens
        Text is split into tokens with the regular expression ``\s*\S+|\s+``: each token is a word with
        the whitespace before it (``"You said: hi"`` -> ``"You"``, ``" said:"``, ``" hi"``); see
        :func:`tokenize`. Every streamed chunk carries exactly one token.

    Prompt ``P``
        generate: the ``prompt`` field. chat: the ``content`` of the last message whose role is ``user``
        (``""`` when there is none).

    Answer (first matching rule; a ``reply`` replaces rules 1-5)
        1. chat whose last message has role ``tool``: ``"Tool results: "`` + ``"; "``.join of
           ``"<tool_name or 'tool'>: <content>"`` for the trailing run of tool messages.
        2. chat with ``tools`` to a model with the ``tools`` capability: tool calls and no text, unless
           ``P`` contains :data:`NO_TOOLS_MARKER` (``[no tools]``), which sends the model on to rules
           3-5 (a text answer) although tools were sent. The tools whose function name occurs in ``P``
           (case-insensitive) are called, in the order of ``tools``; if none occurs, the first tool.
           Call ``i`` (0-based) gets ``function.index = i``, the id ``"call_" +
           sha256(f"{name}:{i}:{P}").hexdigest()[:8]`` and arguments filled from its ``parameters``
           schema (required properties only; see *Schema values*). The calls arrive in one chunk
           (``content: ""``) before the final chunk.
        3. ``format: "json"``: the compact JSON text ``{"response":"<T>"}`` (``T`` from rule 5).
        4. ``format`` = a JSON Schema object: the compact JSON of the schema filled with all its
           properties (see *Schema values*).
        5. otherwise ``T = "You said: " + P``, plus ``" [suffix: <suffix>]"`` when generate has a
           ``suffix`` and ``" [N image(s)]"`` when images were sent.

    Schema values (tool arguments and ``format`` answers)
        ``key=value`` or ``key="some value"`` written in ``P`` sets every property of that name, at any
        depth (parsed as JSON when the schema wants a non-string type and it parses to that type).
        Otherwise: ``enum`` -> its first member, ``const`` -> the constant, ``anyOf``/``oneOf``/``allOf``
        -> the first branch; ``string`` -> the last word of ``P`` without punctuation (``"text"`` if
        none), ``integer`` -> ``minimum`` or 42, ``number`` -> ``minimum`` or 1.5, ``boolean`` -> true,
        ``array`` -> ``max(1, minItems)`` items, ``object`` -> its properties in schema order. A local
        ``$ref`` (``#/$defs/Name``, as pydantic's ``model_json_schema()`` writes nested models) is
        followed; met again inside its own expansion it gives ``[]`` as array items, else ``null``.

    Scripted models
        ``reply="text"`` answers that text to every call. A callable gets a :class:`FakeRequest` and
        returns the text or a :class:`FakeReply` (text, thinking, tool calls), or raises
        :class:`FakeModelError` to make the call fail; :class:`ScriptedReplies` is such a callable that
        hands out a list of replies in order. Tool calls of a ``FakeReply`` get ids and indexes as in
        rule 2. The ``num_predict``/``stop``/logprobs/metrics rules still apply; thinking follows the rule
        below unless ``FakeReply.thinking`` is set.

    Thinking
        A model with the ``thinking`` capability thinks unless ``think`` is ``false``: the thinking text
        is ``"Thinking about: " + P`` (``"Thinking (<level>) about: " + P`` for a level string such as
        ``"high"``). Its tokens stream first (``thinking`` / ``message.thinking`` set, text empty), then
        the answer. ``think: true`` or a level sent to a model without the capability is refused (400
        ``"<model>" does not support thinking``). The level is the one the server hands the model:
        ``"max"`` becomes ``"high"`` for harmony models (family ``gptoss`` or ``gpt-oss`` with a template
        containing both ``<|start|>`` and ``<|end|>``), whose format has no ``max``; other models get
        ``"max"`` as sent.

    Capabilities
        ``completion`` allows generate and chat; ``tools`` lets chat take ``tools``; ``insert`` lets
        generate take a ``suffix``; ``thinking`` allows ``think``;
        ``embedding`` allows the embedding endpoints (an embedding-only model refuses generate and
        chat). A missing capability gets the server's 400 error, e.g. ``registry.ollama.ai/library/
        m:latest does not support tools``. Any model accepts ``images``, as the server has no vision
        check; the answer notes their count (rule 5).

    Cost
        Answers are produced token by token as they are sent, so time grows with the size of the
        prompt and of what is emitted, not faster; a client that leaves stops the work.

    Limits
        ``options.num_predict`` ``N >= 0`` caps the number of emitted thinking+answer tokens; hitting it
        ends with ``done_reason: "length"``. ``options.stop`` strings are searched in the accumulated
        answer text; the answer is cut just before the first match (``done_reason: "stop"``). ``seed``
        and ``temperature`` change nothing.

    Logprobs (``logprobs: true``)
        One entry per emitted token: ``logprob = -len(utf8(token)) / 100``, ``bytes`` = its UTF-8 bytes.
        With ``top_logprobs: k > 0`` the alternatives are the token itself, then ``"alt1"`` ..
        ``"alt<k-1>"`` with ``logprob - j``.

    Metrics (final chunk)
        ``prompt_eval_count`` = tokens of the prompt-side text (generate: ``system`` + ``prompt``; chat:
        every message content, including the model's SYSTEM and MESSAGEs), at least 1. ``eval_count`` =
        emitted tokens plus tool calls. ``load_duration`` = 500000 ns when the model was not loaded,
        else 50000; ``prompt_eval_duration`` = 10000 ns per prompt token; ``eval_duration`` = 20000 ns
        per eval token; ``total_duration`` = their sum + 100000. generate's ``context`` = request
        ``context`` + one int per token of ``prompt`` and of the answer: the sum of the token's UTF-8
        bytes.

    Embeddings (dimension ``embedding_length``)
        For a text ``T``: bytes ``b`` = concatenation of ``sha256(utf8(T) + b"#" + str(k))`` for k = 0,
        1, ...; ``raw[i] = (b[i] - 127.5) / 127.5`` for ``i < embedding_length``. ``/api/embed`` returns
        ``raw`` (first ``dimensions`` values when ``0 < dimensions < embedding_length``) divided by its
        L2 norm, as float32; ``/api/embeddings`` returns ``raw`` unchanged (float64). The context is the
        model's ``context_length`` tokens, or ``options.num_ctx`` when that is smaller: longer inputs are
        cut to that many tokens before hashing (``truncate`` true/absent) or rejected
        (``truncate: false``).

    Images
        Only models with the ``vision`` capability accept ``images``; others answer 400
        ``<registry.ollama.ai/library/m:tag> does not support vision``.
    """

    name: str
    capabilities: Sequence[Capability] = ("completion",)
    reply: Reply | None = None
    family: str = "llama"
    families: Sequence[str] | None = None
    parameter_size: str = "1B"
    quantization_level: str = "Q4_K_M"
    context_length: int = 4096
    embedding_length: int = 256
    template: str = "{{ .Prompt }}"
    system: str = ""
    parameters: Mapping[str, object] = field(default_factory=dict)
    license: str = ""
    size: int | None = None

    @property
    def model_size(self) -> int:
        if self.size is not None:
            return self.size
        digest = hashlib.sha256(self.name.encode()).digest()
        return 100_000_000 + int.from_bytes(digest[:4], "big") % 900_000_000


def _tool_calls(prompt: str, tools: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    functions = [t.get("function") for t in tools]
    named = [f for f in functions if isinstance(f, Mapping) and isinstance(f.get("name"), str)]
    if not named:
        return []
    lowered = prompt.lower()
    chosen = [f for f in named if str(f["name"]).lower() in lowered] or named[:1]
    explicit = explicit_values(prompt)
    calls: list[dict[str, object]] = []
    for index, function in enumerate(chosen):
        name = str(function["name"])
        arguments = fill_schema(
            function.get("parameters") or {"type": "object"}, prompt, all_properties=False, explicit=explicit
        )
        calls.append(_call(name, index, prompt, arguments if isinstance(arguments, dict) else {}))
    return calls


def _call(name: str, index: int, prompt: str, arguments: Mapping[str, object]) -> dict[str, object]:
    call_id = "call_" + hashlib.sha256(f"{name}:{index}:{prompt}".encode()).hexdigest()[:8]
    return {"id": call_id, "function": {"index": index, "name": name, "arguments": dict(arguments)}}


def _default_answer(req: FakeRequest, caps: Sequence[str]) -> tuple[str, list[dict[str, object]]]:
    if req.endpoint == "chat" and req.messages and req.messages[-1].get("role") == "tool":
        trailing: list[str] = []
        for message in reversed(req.messages):
            if message.get("role") != "tool":
                break
            trailing.append(f"{message.get('tool_name') or 'tool'}: {message.get('content', '')}")
        return "Tool results: " + "; ".join(reversed(trailing)), []
    if req.endpoint == "chat" and req.tools and "tools" in caps and NO_TOOLS_MARKER not in req.prompt:
        calls = _tool_calls(req.prompt, req.tools)
        if calls:
            return "", calls
    text = "You said: " + req.prompt
    if req.suffix:
        text += f" [suffix: {req.suffix}]"
    if req.image_count:
        text += f" [{req.image_count} image(s)]"
    if req.format == "json":
        return go_dumps({"response": text}), []
    if isinstance(req.format, Mapping):
        explicit = explicit_values(req.prompt)
        return go_dumps(fill_schema(req.format, req.prompt, all_properties=True, explicit=explicit)), []
    return text, []


class Turn:
    """What the fake model emits for one generate/chat call, produced lazily.

    :meth:`tokens` yields the thinking tokens, then the answer tokens, with ``num_predict`` and ``stop``
    applied as it goes: the cost is in proportion to what is emitted, never to the square of it, and
    a caller that stops iterating (the client left) stops the work. ``done_reason``, ``thinking_count``
    and ``content`` are final once :meth:`tokens` is exhausted.
    """

    def __init__(
        self, thinking: str, answer: str, tool_calls: list[dict[str, object]], limit: int, stops: list[str]
    ) -> None:
        self.tool_calls = tool_calls
        self.done_reason = "stop"
        self.thinking_count = 0
        self.content: list[str] = []  # the answer tokens emitted so far
        self._thinking = thinking
        self._answer = answer
        self._limit = limit
        self._stops = stops

    @property
    def eval_count(self) -> int:
        return self.thinking_count + len(self.content) + len(self.tool_calls)

    def tokens(self) -> Iterator[tuple[bool, str]]:
        """``(is_thinking, token)`` pairs in the order they are emitted."""
        budget = self._limit  # < 0: no limit
        for token in iter_tokens(self._thinking):
            if budget == 0:
                self.done_reason = "length"
                return
            budget -= 1
            self.thinking_count += 1
            yield True, token
        stops = self._stops
        # A stop string found now must end inside the new token, so it starts at most len(stop) - 1
        # characters before it: that tail of the emitted text is all the search needs.
        keep = max(map(len, stops), default=1) - 1
        tail = ""
        for token in iter_tokens(self._answer):
            if budget == 0:
                self.done_reason = "length"
                return
            if stops:
                window = tail + token
                cut = min((i for i in (window.find(s) for s in stops) if i >= 0), default=-1)
                if cut >= 0:
                    if cut > len(tail):
                        piece = window[len(tail) : cut]
                        self.content.append(piece)
                        yield False, piece
                    return
                tail = window[-keep:] if keep else ""
            budget -= 1
            self.content.append(token)
            yield False, token


def plan_turn(spec: FakeModel, caps: Sequence[str], req: FakeRequest) -> Turn:
    """What one call will emit (lazily: see :class:`Turn`)."""
    thinking_text: str | None = None
    if spec.reply is None:
        answer, calls = _default_answer(req, caps)
    else:
        scripted = spec.reply if isinstance(spec.reply, str) else spec.reply(req)
        reply = FakeReply(scripted) if isinstance(scripted, str) else scripted
        answer, thinking_text = reply.content, reply.thinking
        calls = [_call(c.name, i, req.prompt, c.arguments) for i, c in enumerate(reply.tool_calls)]
    if thinking_text is None:
        thinking_text = ""
        if "thinking" in caps and req.think is not False:
            level = f" ({req.think})" if isinstance(req.think, str) else ""
            thinking_text = f"Thinking{level} about: {req.prompt}"
    limit = _int_option(req.options.get("num_predict"), -1)
    stop_option = req.options.get("stop")
    stops = [s for s in stop_option if isinstance(s, str) and s] if isinstance(stop_option, list) else []
    return Turn(thinking_text, answer, calls, max(limit, -1), stops)


def _int_option(value: object, default: int) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    return default


def logprob_entry(token: str, top: int) -> dict[str, object]:
    """The logprobs entry of one token (see the module docstring)."""
    raw = token.encode()
    value = -len(raw) / 100
    entry: dict[str, object] = {"token": token, "logprob": value}
    if raw:
        entry["bytes"] = list(raw)
    if top > 0:
        alternatives: list[dict[str, object]] = [{"token": token, "logprob": value, "bytes": list(raw)}]
        for j in range(1, top):
            alt = f"alt{j}"
            alternatives.append({"token": alt, "logprob": value - j, "bytes": list(alt.encode())})
        entry["top_logprobs"] = alternatives
    return entry


def embed_raw(text: str, dims: int) -> list[float]:
    """Un-normalised deterministic vector of ``dims`` values in [-1, 1] (see the module docstring)."""
    stream = bytearray()
    k = 0
    seed = text.encode() + b"#"
    while len(stream) < dims:
        stream += hashlib.sha256(seed + str(k).encode()).digest()
        k += 1
    return [(b - 127.5) / 127.5 for b in stream[:dims]]


def normalized(values: Sequence[float]) -> list[float]:
    """L2-normalised float32 copy (what ``/api/embed`` returns)."""
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [F32(struct.unpack("<f", struct.pack("<f", v / norm))[0]) for v in values]
