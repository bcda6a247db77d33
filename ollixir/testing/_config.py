"""Server configuration files: extra models (scripted or not), pullable names and fault rules.

The file is JSON, or TOML when its name ends in ``.toml``. See :class:`ServerConfig` for the format;
``examples/test_server_models.json`` is a complete example.
"""

from __future__ import annotations

import inspect
import json
import os
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, cast

from ._fake import FakeModel, FakeModelError, FakeReply, FakeToolCall
from ._faults import Fault, Faults, operation_target
from ._script import ScriptedReplies

if TYPE_CHECKING:
    from ._server import OllamaTestServer

__all__ = ["ServerConfig", "ServerConfigError"]


class ServerConfigError(ValueError):
    """A configuration file (or mapping) that cannot be used; the message says where and why."""


_CAPABILITIES: Final = ("completion", "tools", "insert", "vision", "embedding", "thinking", "image", "audio")
# FakeModel fields a file may set, with the JSON type each must have.
_MODEL_FIELDS: Final[Mapping[str, tuple[type, ...]]] = {
    "family": (str,),
    "families": (list,),
    "parameter_size": (str,),
    "quantization_level": (str,),
    "context_length": (int,),
    "embedding_length": (int,),
    "template": (str,),
    "system": (str,),
    "parameters": (dict,),
    "license": (str,),
    "size": (int,),
}
_MODEL_KEYS: Final = ("name", "capabilities", "reply", "replies", "when_done", *_MODEL_FIELDS)
_REPLY_KEYS: Final = ("content", "thinking", "tool_calls", "error", "status")
# Fault helper keyword arguments and the JSON types they take.
_FAULT_ARGS: Final[Mapping[str, tuple[type, ...]]] = {
    "operation": (str,),
    "path": (str,),
    "method": (str,),
    "times": (int, str, type(None)),
    "status": (int,),
    "message": (str,),
    "body": (str,),
    "retry_after": (str, int),
    "after": (int,),
    "size": (int,),
    "delay": (int, float),
    "seconds": (int, float),
    "text": (str,),
    "fraction": (int, float),
    "close": (bool,),
}
_FAULT_KINDS: Final = (
    "fail",
    "error_body",
    "close_before_headers",
    "delay_headers",
    "error_line",
    "drop",
    "malformed_line",
    "slow_stream",
    "huge_line",
    "truncated_body",
    "gzip",
)


def _type_ok(value: object, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False  # JSON true is not a number here
    return isinstance(value, types)


def _object(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise ServerConfigError(f"{where}: expected an object, got {type(value).__name__}")
    return cast(Mapping[str, object], value)


def _list(value: object, where: str) -> list[object]:
    if not isinstance(value, list):
        raise ServerConfigError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _check_keys(obj: Mapping[str, object], allowed: Sequence[str], where: str) -> None:
    for key in obj:
        if key not in allowed:
            raise ServerConfigError(f"{where}: unknown key {key!r} (expected one of: {', '.join(allowed)})")


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ServerConfigError(f"{where}: expected a string, got {type(value).__name__}")
    return value


def _reply(value: object, where: str) -> str | FakeReply | FakeModelError:
    if isinstance(value, str):
        return value
    obj = _object(value, where)
    _check_keys(obj, _REPLY_KEYS, where)
    if "error" in obj:
        extra = [k for k in obj if k not in ("error", "status")]
        if extra:
            raise ServerConfigError(
                f"{where}: an error reply takes only 'error' and 'status', not {extra[0]!r}"
            )
        status = obj.get("status", 500)
        if not _type_ok(status, (int,)) or not 100 <= cast(int, status) <= 599:
            raise ServerConfigError(f"{where}.status: expected an HTTP status code, got {status!r}")
        return FakeModelError(_string(obj["error"], f"{where}.error"), cast(int, status))
    if "status" in obj:
        raise ServerConfigError(f"{where}: 'status' belongs to an error reply (with 'error')")
    calls: list[FakeToolCall] = []
    for i, item in enumerate(_list(obj.get("tool_calls", []), f"{where}.tool_calls")):
        call = _object(item, f"{where}.tool_calls[{i}]")
        _check_keys(call, ("name", "arguments"), f"{where}.tool_calls[{i}]")
        if "name" not in call:
            raise ServerConfigError(f"{where}.tool_calls[{i}]: 'name' is required")
        arguments = _object(call.get("arguments", {}), f"{where}.tool_calls[{i}].arguments")
        calls.append(FakeToolCall(_string(call["name"], f"{where}.tool_calls[{i}].name"), dict(arguments)))
    thinking = obj.get("thinking")
    return FakeReply(
        _string(obj.get("content", ""), f"{where}.content"),
        None if thinking is None else _string(thinking, f"{where}.thinking"),
        tuple(calls),
    )


def _model(value: object, where: str) -> FakeModel:
    if isinstance(value, str):
        value = {"name": value}
    obj = _object(value, where)
    _check_keys(obj, _MODEL_KEYS, where)
    if "name" not in obj:
        raise ServerConfigError(f"{where}: 'name' is required")
    name = _string(obj["name"], f"{where}.name")
    capabilities = _list(obj.get("capabilities", ["completion"]), f"{where}.capabilities")
    for i, cap in enumerate(capabilities):
        if cap not in _CAPABILITIES:
            raise ServerConfigError(
                f"{where}.capabilities[{i}]: unknown capability {cap!r} (expected one of: {', '.join(_CAPABILITIES)})"
            )
    if "reply" in obj and "replies" in obj:
        raise ServerConfigError(f"{where}: give 'reply' or 'replies', not both")
    if "when_done" in obj and "replies" not in obj:
        raise ServerConfigError(f"{where}: 'when_done' needs 'replies'")
    reply: str | ScriptedReplies | None = None
    if "reply" in obj:
        reply = _string(obj["reply"], f"{where}.reply")
    elif "replies" in obj:
        items = _list(obj["replies"], f"{where}.replies")
        when_done = obj.get("when_done", "error")
        if when_done not in ("error", "repeat", "cycle"):
            raise ServerConfigError(
                f"{where}.when_done: expected 'error', 'repeat' or 'cycle', got {when_done!r}"
            )
        if not items:
            raise ServerConfigError(f"{where}.replies: needs at least one reply")
        reply = ScriptedReplies(
            [_reply(item, f"{where}.replies[{i}]") for i, item in enumerate(items)],
            when_done=cast(Any, when_done),
        )
    fields: dict[str, Any] = {}
    for key, types in _MODEL_FIELDS.items():
        if key in obj:
            if not _type_ok(obj[key], types):
                raise ServerConfigError(f"{where}.{key}: expected {types[0].__name__}, got {obj[key]!r}")
            fields[key] = obj[key]
    return FakeModel(name, tuple(capabilities), reply, **fields)  # type: ignore[arg-type]


def _fault_rule(value: object, where: str) -> Callable[[Faults], Fault]:
    obj = _object(value, where)
    kind = obj.get("kind")
    if kind not in _FAULT_KINDS:
        raise ServerConfigError(f"{where}.kind: expected one of {', '.join(_FAULT_KINDS)}, got {kind!r}")
    helper = getattr(Faults, str(kind))
    params = dict(inspect.signature(helper).parameters)
    params.pop("self")
    kwargs: dict[str, Any] = {}
    for key, arg in obj.items():
        if key == "kind":
            continue
        if key not in params:
            raise ServerConfigError(
                f"{where}: a {kind} fault takes no {key!r} (it takes: kind, {', '.join(params)})"
            )
        if not _type_ok(arg, _FAULT_ARGS[key]):
            raise ServerConfigError(f"{where}.{key}: {arg!r} has the wrong type")
        kwargs[key] = arg
    for name, param in params.items():
        if param.default is inspect.Parameter.empty and name not in kwargs:
            raise ServerConfigError(f"{where}: a {kind} fault needs {name!r}")
    if kwargs.get("body", "json") not in ("json", "text", "empty"):
        raise ServerConfigError(f"{where}.body: expected 'json', 'text' or 'empty', got {kwargs['body']!r}")
    if "operation" in kwargs:
        try:
            operation_target(kwargs["operation"], kwargs.get("path"), kwargs.get("method"))
        except ValueError as exc:
            raise ServerConfigError(f"{where}: {exc}") from None
    times = kwargs.get("times", 1)
    if times == "always":
        kwargs["times"] = None
    elif not (times is None or (isinstance(times, int) and not isinstance(times, bool) and times >= 1)):
        raise ServerConfigError(f"{where}.times: expected a count >= 1 or 'always', got {times!r}")
    return lambda faults: cast(Fault, helper(faults, **kwargs))


@dataclass(frozen=True)
class ServerConfig:
    """Extra models, pullable names and fault rules for a test server, usually read from a file.

    A file (JSON; TOML when the name ends in ``.toml``) holds an object with three optional lists
    (the ``#`` comments explain; JSON itself has none)::

        {
          "models": [                      # installed at start, besides the default models
            {"name": "acme/greeter", "reply": "Hello from a fixed reply."},
            {"name": "acme/agent", "capabilities": ["completion", "tools"],
             "replies": [                  # one per generate/chat call, in order
               {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]},
               "It is sunny in Paris.",
               {"content": "Done.", "thinking": "All answered."},
               {"error": "model is overloaded", "status": 503}
             ],
             "when_done": "repeat"},       # after the last reply: "error" (default), "repeat", "cycle"
            {"name": "acme/embedder", "capabilities": ["embedding"], "embedding_length": 64}
          ],
          "pullable": ["acme/extra:1b",    # names ``pull`` can fetch (a string is a completion model)
                       {"name": "acme/vision", "capabilities": ["completion", "vision"], "size": 123456789}],
          "faults": [                      # armed at start; ``kind`` is a Faults helper, the rest its arguments
            {"kind": "fail", "status": 503, "operation": "chat", "times": 1},
            {"kind": "slow_stream", "delay": 0.05, "operation": "generate", "times": "always"},
            {"kind": "drop", "after": 2, "path": "/v1/*"}
          ]
        }

    A model takes ``name`` (required), ``capabilities`` (default ``["completion"]``), either ``reply``
    (text for every call) or ``replies`` (see :class:`ScriptedReplies`; an item is text, an object
    with ``content``/``thinking``/``tool_calls``, or an ``error`` with an optional ``status``) and any
    of the :class:`FakeModel` fields ``family``, ``families``, ``parameter_size``,
    ``quantization_level``, ``context_length``, ``embedding_length``, ``template``, ``system``,
    ``parameters``, ``license``, ``size``. A model without ``reply``/``replies`` answers by the
    default rules. A fault's ``times`` is a count (default 1) or ``"always"`` (JSON ``null`` too).
    Anything unknown or mistyped raises :class:`ServerConfigError` naming its place in the file.
    """

    models: tuple[FakeModel, ...] = ()
    pullable: tuple[FakeModel, ...] = ()
    fault_rules: tuple[Mapping[str, object], ...] = ()

    @classmethod
    def from_dict(cls, data: object, *, source: str = "config") -> ServerConfig:
        """Check and convert a decoded file (see the class docstring for the format)."""
        obj = _object(data, source)
        _check_keys(obj, ("models", "pullable", "faults"), source)
        models = tuple(
            _model(m, f"{source}: models[{i}]")
            for i, m in enumerate(_list(obj.get("models", []), f"{source}: models"))
        )
        pullable = tuple(
            _model(m, f"{source}: pullable[{i}]")
            for i, m in enumerate(_list(obj.get("pullable", []), f"{source}: pullable"))
        )
        rules = _list(obj.get("faults", []), f"{source}: faults")
        for i, rule in enumerate(rules):
            _fault_rule(rule, f"{source}: faults[{i}]")
        return cls(models, pullable, tuple(cast(Mapping[str, object], r) for r in rules))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ServerConfig:
        """Read a JSON file, or TOML when the name ends in ``.toml``."""
        name = os.fspath(path)
        try:
            with open(name, "rb") as f:
                raw = f.read()
        except OSError as exc:
            raise ServerConfigError(f"{name}: cannot read: {exc.strerror or exc}") from None
        try:
            data = tomllib.loads(raw.decode()) if name.endswith(".toml") else json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ServerConfigError(
                f"{name}: not valid {'TOML' if name.endswith('.toml') else 'JSON'}: {exc}"
            ) from None
        return cls.from_dict(data, source=name)

    def arm(self, faults: Faults) -> list[Fault]:
        """Add this configuration's fault rules to a server's ``faults``; returns the new faults."""
        return [_fault_rule(rule, "faults")(faults) for rule in self.fault_rules]

    def start(self, host: str = "127.0.0.1", port: int = 0, **options: Any) -> OllamaTestServer:
        """Start an :class:`OllamaTestServer` with these models and pullable names, faults armed.

        ``options`` go to the server's constructor (``api_key``, ``origins``, ...).
        """
        from ._server import OllamaTestServer

        server = OllamaTestServer(host, port, models=self.models, registry=self.pullable, **options)
        self.arm(server.faults)
        return server
