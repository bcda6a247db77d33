"""Modelfiles: parse them exactly like the Ollama CLI, write them back, and turn them into ``/api/create`` fields.

Since Ollama 0.5 the server no longer reads Modelfiles; the client parses them and sends structured fields.
:class:`Modelfile` does the parsing and :meth:`Modelfile.to_create_fields` the conversion, leaving only hashing
and uploading of local files to the caller::

    mf = Modelfile.from_path("models/Modelfile")
    plan = mf.to_create_fields()
    plan.fields       # {"from": "llama3.2", "system": "...", "parameters": {"temperature": 0.2}}
    plan.files        # {"model.gguf": Path(".../models/model.gguf")} when FROM names a local file
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ollixir._errors import RequestError
from ollixir._options import DEPRECATED_OPTIONS, parse_parameter
from ollixir.modelfile._files import expand_path, local_model_files, merge_paths, same_path, upload_names
from ollixir.modelfile._parser import MESSAGE_ROLES, SyntaxProblem, decode_modelfile, parse_commands

__all__ = ["Command", "CreatePlan", "Modelfile", "ModelfileError"]

#: Instructions in the order the CLI's error message lists them.
INSTRUCTIONS: Final = (
    "FROM",
    "LICENSE",
    "TEMPLATE",
    "SYSTEM",
    "ADAPTER",
    "DRAFT",
    "RENDERER",
    "PARSER",
    "PARAMETER",
    "MESSAGE",
    "REQUIRES",
)
_PARAMETER_NAME: Final = re.compile(r"[A-Za-z0-9_]+")
_NUM = r"(?:0|[1-9][0-9]*)"
_PRE_ID = r"(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
# golang.org/x/mod/semver: "v1" and "v1.2" are valid shorthands; pre-release and build need all three numbers.
_SEMVER: Final = re.compile(
    rf"v{_NUM}(?:\.{_NUM}(?:\.{_NUM}(?:-{_PRE_ID}(?:\.{_PRE_ID})*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?)?"
)
_SEMVER_ERROR: Final = "requires must be a valid semver (e.g. 0.14.0)"


class ModelfileError(RequestError):
    """A Modelfile that the Ollama CLI would refuse. ``line`` is the 1-based line, when one applies."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(f"(line {line}): {message}" if line is not None else message, param="modelfile")
        self.line = line
        self.reason = message


@dataclass(frozen=True, slots=True)
class Command:
    """One Modelfile command.

    ``instruction`` is upper case (``"FROM"``, ``"PARAMETER"``...), ``value`` the text after it with quotes
    removed, and ``key`` the parameter name for ``PARAMETER`` or the role for ``MESSAGE`` (``None`` otherwise).
    """

    instruction: str
    value: str
    key: str | None = None


@dataclass(frozen=True, slots=True)
class CreatePlan:
    """What a Modelfile asks ``/api/create`` for, before any file is hashed or uploaded.

    ``fields`` holds the request fields that need no upload (``from``, ``template``, ``system``, ``license``,
    ``parameters``, ``messages``, ``renderer``, ``parser``, ``requires``). ``files``, ``adapters`` and
    ``draft_files`` map the name each local file must have on the server to its path on disk; the caller
    uploads each file as a blob and sends ``{name: "sha256:<hex>"}`` maps under the same three keys.
    """

    fields: dict[str, Any]
    files: dict[str, Path] = field(default_factory=dict)
    adapters: dict[str, Path] = field(default_factory=dict)
    draft_files: dict[str, Path] = field(default_factory=dict)


def _semver(value: str) -> str | None:
    candidate = value if value.startswith("v") else "v" + value
    return candidate[1:] if _SEMVER.fullmatch(candidate) else None


def _problem(command: Command) -> str | None:
    """Why the CLI would refuse this command, or ``None``. Deprecated parameters are handled by the caller."""
    if command.instruction not in INSTRUCTIONS:
        return f"unknown instruction {command.instruction!r}; expected one of {', '.join(INSTRUCTIONS)}"
    if command.instruction == "PARAMETER":
        try:
            parse_parameter(command.key or "", command.value)
        except RequestError as error:
            return error.message
        if not _PARAMETER_NAME.fullmatch(command.key or ""):
            return f"invalid parameter name {command.key!r}"
    elif command.instruction == "MESSAGE":
        if command.key not in MESSAGE_ROLES:
            return 'message role must be one of "system", "user", or "assistant"'
    elif command.key is not None:
        return f"{command.instruction} takes no key"
    if command.instruction == "REQUIRES" and _semver(command.value) is None:
        return _SEMVER_ERROR
    return None


def _keep(command: Command) -> bool:
    if command.instruction == "PARAMETER" and command.key in DEPRECATED_OPTIONS:
        # The CLI prints a warning and leaves the parameter out of the request.
        warnings.warn(f"parameter {command.key} is deprecated", UserWarning, stacklevel=3)
        return False
    return True


def _round_trips(form: str, value: str) -> bool:
    try:
        parsed = parse_commands(f"SYSTEM {form}\n")
    except SyntaxProblem:
        return False
    return len(parsed) == 1 and parsed[0].value == value


def _quote(value: str) -> str:
    """The plainest spelling of ``value`` that parses back to exactly ``value``."""
    for form in (value, f'"{value}"', f'"""{value}"""'):
        if form and _round_trips(form, value):
            return form
    raise RequestError(f"value cannot be written in a Modelfile: {value!r}", param="modelfile")


class Modelfile:
    """A parsed Modelfile: an ordered list of :class:`Command` objects.

    Build one with :meth:`parse` or :meth:`from_path`, or from commands directly. Construction checks what the
    Ollama CLI checks before creating a model (a ``FROM`` exists, parameters are known and well typed, message
    roles and ``REQUIRES`` are valid) and raises :class:`ModelfileError`, a :class:`~ollixir.RequestError`.
    Deprecated parameters (``mirostat``, ``use_mlock``...) are dropped with a :class:`UserWarning`, as the CLI
    does. Two Modelfiles are equal when their commands are.
    """

    __slots__ = ("_commands", "base_dir")

    def __init__(
        self, commands: Iterable[Command], *, base_dir: str | os.PathLike[str] | None = None
    ) -> None:
        kept = tuple(command for command in commands if _keep(command))
        for command in kept:
            problem = _problem(command)
            if problem is None:
                _quote(command.value)  # raises for values no Modelfile text can express
            else:
                raise ModelfileError(problem)
        if not any(command.instruction == "FROM" for command in kept):
            raise ModelfileError("no FROM line")
        self._commands = kept
        #: The folder relative paths are resolved against (the Modelfile's own folder after :meth:`from_path`).
        self.base_dir = Path(base_dir).absolute() if base_dir is not None else None

    @classmethod
    def parse(cls, text: str | bytes, *, base_dir: str | os.PathLike[str] | None = None) -> Modelfile:
        """Parse Modelfile text. Bytes are decoded like the CLI does (BOM-aware, UTF-8 by default).

        Errors carry the line (``(line 3): command must be one of ...``) where one applies.
        """
        if isinstance(text, bytes | bytearray):
            text = decode_modelfile(bytes(text))
        try:
            raw = parse_commands(text)
        except SyntaxProblem as syntax:
            raise ModelfileError(syntax.message, line=syntax.line) from None
        if not any(command.instruction == "from" for command in raw):
            raise ModelfileError("no FROM line")
        commands: list[Command] = []
        for item in raw:
            command = Command(item.instruction.upper(), item.value, item.key)
            if not _keep(command):
                continue
            problem = _problem(command)
            if problem is not None:
                raise ModelfileError(problem, line=item.line)
            commands.append(command)
        modelfile = cls.__new__(cls)
        modelfile._commands = tuple(commands)
        modelfile.base_dir = Path(base_dir).absolute() if base_dir is not None else None
        return modelfile

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> Modelfile:
        """Read and parse a Modelfile; relative paths inside it resolve against its folder."""
        location = Path(path)
        try:
            data = location.read_bytes()
        except OSError as error:
            raise ModelfileError(
                f"cannot read Modelfile {str(location)!r}: {error.strerror or error}"
            ) from None
        return cls.parse(data, base_dir=location.absolute().parent)

    @property
    def commands(self) -> tuple[Command, ...]:
        """The commands in file order (deprecated parameters already removed)."""
        return self._commands

    def _last(self, instruction: str) -> str | None:
        values = [command.value for command in self._commands if command.instruction == instruction]
        return values[-1] if values else None

    @property
    def from_(self) -> str:
        """The value of the last ``FROM`` (a model name or a path)."""
        value = self._last("FROM")
        assert value is not None  # construction guarantees a FROM
        return value

    @property
    def template(self) -> str | None:
        """The last ``TEMPLATE``, if any."""
        return self._last("TEMPLATE")

    @property
    def system(self) -> str | None:
        """The last ``SYSTEM``, if any."""
        return self._last("SYSTEM")

    @property
    def licenses(self) -> list[str]:
        """Every ``LICENSE``, in order."""
        return [command.value for command in self._commands if command.instruction == "LICENSE"]

    @property
    def parameters(self) -> dict[str, Any]:
        """``PARAMETER`` values typed from the option table; ``stop`` values collect into a list."""
        typed: dict[str, Any] = {}
        for command in self._commands:
            if command.instruction == "PARAMETER" and command.key is not None:
                value = parse_parameter(command.key, command.value)
                if command.key == "stop":
                    typed.setdefault("stop", []).append(value)
                else:
                    typed[command.key] = value
        return typed

    @property
    def messages(self) -> list[dict[str, str]]:
        """``MESSAGE`` commands as ``{"role", "content"}`` dicts."""
        return [
            {"role": command.key or "", "content": command.value}
            for command in self._commands
            if command.instruction == "MESSAGE"
        ]

    def to_text(self) -> str:
        """Modelfile text that parses back to an equal Modelfile; values are quoted only when they must be."""
        lines = []
        for command in self._commands:
            head = command.instruction if command.key is None else f"{command.instruction} {command.key}"
            lines.append(f"{head} {_quote(command.value)}")
        return "\n".join(lines) + "\n"

    def to_create_fields(self, base_dir: str | os.PathLike[str] | None = None) -> CreatePlan:
        """Convert to ``/api/create`` fields as ``ollama create`` does, except for hashing and uploading.

        Paths are resolved against ``base_dir``, else the Modelfile's folder, else the working directory.
        ``FROM`` naming an existing file or model directory becomes local ``files``; otherwise its text is the
        ``from`` model name. ``ADAPTER`` and ``DRAFT`` paths must exist. Empty strings are left out, as the CLI's
        JSON encoding does.
        """
        base = Path(base_dir).absolute() if base_dir is not None else self.base_dir or Path.cwd()
        fields: dict[str, Any] = {}
        licenses: list[str] = []
        messages: list[dict[str, str]] = []
        files: dict[Path, None] = {}
        adapters: list[Path] = []
        drafts: dict[Path, None] = {}
        model_paths: list[Path] = []
        draft_paths: list[Path] = []
        for command in self._commands:
            kind = command.instruction
            if kind == "FROM":
                path = expand_path(command.value, base)
                if not _exists(path):
                    fields["from"] = command.value
                    continue
                if same_path(path, draft_paths):
                    raise RequestError(
                        f"DRAFT must not reference the same local path as FROM: {path}", param="modelfile"
                    )
                model_paths.append(path)
                merge_paths(files, local_model_files(path))
            elif kind in ("ADAPTER", "DRAFT"):
                path = expand_path(command.value, base)
                if not _exists(path):
                    raise RequestError(f"{kind} path does not exist: {path}", param="modelfile")
                if kind == "ADAPTER":
                    adapters = local_model_files(
                        path
                    )  # a later ADAPTER replaces an earlier one, as in the CLI
                    continue
                if same_path(path, model_paths):
                    raise RequestError(
                        f"DRAFT must not reference the same local path as FROM: {path}", param="modelfile"
                    )
                draft_paths.append(path)
                merge_paths(drafts, local_model_files(path))
            elif kind == "LICENSE":
                licenses.append(command.value)
            elif kind == "MESSAGE":
                messages.append({"role": command.key or "", "content": command.value})
            elif kind == "REQUIRES":
                fields["requires"] = _semver(command.value)
            elif kind != "PARAMETER":
                fields[kind.lower()] = command.value
        fields = {key: value for key, value in fields.items() if value}
        if licenses:
            fields["license"] = licenses
        if parameters := self.parameters:
            fields["parameters"] = parameters
        if messages:
            fields["messages"] = messages
        return CreatePlan(
            fields=fields,
            files=upload_names(files),
            adapters=upload_names(adapters),
            draft_files=upload_names(drafts),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Modelfile):
            return NotImplemented
        return self._commands == other._commands

    def __hash__(self) -> int:
        return hash(self._commands)

    def __repr__(self) -> str:
        return f"Modelfile({list(self._commands)!r})"

    def __str__(self) -> str:
        return self.to_text()


def _exists(path: Path) -> bool:
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise RequestError(f"cannot read {path}: {error.strerror or error}", param="modelfile") from None
    return True
