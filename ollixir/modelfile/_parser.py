"""The Modelfile tokenizer: a character-level state machine that reproduces the Ollama CLI's ``parser.ParseFile``.

Reproducing the machine (rather than writing a line-based grammar) is what keeps the odd corners identical:
``#`` only starts a comment where an instruction could start, a quoted value ends at the first line break
where the trimmed text so far is a complete quoted string, characters that are not printable are dropped, and
so on. Two deliberate differences: an error's line number is the line the offending character is on (the CLI
counts a line break as belonging to the next line), and ``\\r\\n`` counts as one line break.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from typing import Final

__all__ = ["RawCommand", "SyntaxProblem", "decode_modelfile", "parse_commands"]

COMMAND_ERROR: Final = (
    'command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", '
    '"parser", "parameter", "message", or "requires"'
)
ROLE_ERROR: Final = 'message role must be one of "system", "user", or "assistant"'
INSTRUCTIONS: Final = frozenset(
    {
        "from",
        "license",
        "template",
        "system",
        "adapter",
        "draft",
        "renderer",
        "parser",
        "parameter",
        "message",
        "requires",
    }
)
MESSAGE_ROLES: Final = frozenset({"system", "user", "assistant"})
_TRIM: Final = " \t\r\n"


class _State(Enum):
    NIL = auto()
    NAME = auto()
    VALUE = auto()
    PARAMETER = auto()
    MESSAGE = auto()
    COMMENT = auto()


@dataclass(frozen=True, slots=True)
class RawCommand:
    """One parsed command: lower-case instruction, its value, the parameter name or role, and its line."""

    instruction: str
    value: str
    key: str | None
    line: int


class SyntaxProblem(Exception):
    """Raised by :func:`parse_commands`; the public layer turns it into a ``ModelfileError``."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def decode_modelfile(data: bytes) -> str:
    """Decode file bytes like the CLI: a UTF-8 or UTF-16 byte-order mark decides, UTF-8 otherwise."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", errors="replace")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    return data.decode("utf-8", errors="replace")


class _Value:
    """The growing value buffer, with the first/last non-blank positions kept so the quote check is O(1)."""

    __slots__ = ("chars", "first", "last")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.first = -1
        self.last = -1

    def append(self, char: str) -> None:
        self.chars.append(char)
        if char not in _TRIM:
            if self.first < 0:
                self.first = len(self.chars) - 1
            self.last = len(self.chars) - 1

    def reset(self) -> None:
        self.chars.clear()
        self.first = self.last = -1

    def text(self) -> str:
        return "".join(self.chars)

    def _starts(self, quote: str) -> bool:
        return "".join(self.chars[self.first : self.first + len(quote)]) == quote

    def _ends(self, quote: str) -> bool:
        return "".join(self.chars[self.last - len(quote) + 1 : self.last + 1]) == quote

    def unquoted(self) -> str | None:
        """``unquote(TrimSpace(buffer))``: the value if it is complete, ``None`` while a quote is still open."""
        if self.first < 0:
            return ""
        size = self.last - self.first + 1
        if size >= 3 and self._starts('"""'):
            if size >= 6 and self._ends('"""'):
                return "".join(self.chars[self.first + 3 : self.last - 2])
            return None
        if self._starts('"'):
            if size >= 2 and self._ends('"'):
                return "".join(self.chars[self.first + 1 : self.last])
            return None
        return "".join(self.chars[self.first : self.last + 1])


def _is_alpha(char: str) -> bool:
    return "a" <= char <= "z" or "A" <= char <= "Z"


def _is_space(char: str) -> bool:
    return char in (" ", "\t")


def _is_newline(char: str) -> bool:
    return char in ("\r", "\n")


def _next_state(char: str, state: _State, word: str, line: int) -> tuple[_State, bool]:
    """The state after ``char`` and whether ``char`` belongs in the buffer (``parseRuneForState``)."""
    if state is _State.NIL:
        if char == "#":
            return _State.COMMENT, False
        if _is_space(char) or _is_newline(char):
            return _State.NIL, False
        return _State.NAME, True
    if state is _State.NAME:
        if _is_alpha(char):
            return _State.NAME, True
        if _is_space(char):
            return _State.VALUE, False
        raise SyntaxProblem(COMMAND_ERROR, line)
    if state is _State.VALUE:
        return (_State.NIL if _is_space(char) or _is_newline(char) else _State.VALUE), True
    if state is _State.PARAMETER:
        if _is_alpha(char) or "0" <= char <= "9" or char == "_":
            return _State.PARAMETER, True
        if _is_space(char):
            return _State.VALUE, False
        raise SyntaxProblem(f"unexpected EOF: {word}", line)
    if state is _State.MESSAGE:
        if _is_alpha(char):
            return _State.MESSAGE, True
        if _is_space(char):
            return _State.VALUE, False
        raise SyntaxProblem(f"unexpected EOF: {word}", line)
    return (_State.NIL if _is_newline(char) else _State.COMMENT), False


def parse_commands(text: str) -> list[RawCommand]:
    """Tokenize Modelfile text into commands; raises :class:`SyntaxProblem` on a syntax error.

    Only syntax is checked here: whether parameter names and values make sense, and whether a ``FROM`` is
    present, is decided by the caller.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    commands: list[RawCommand] = []
    state = _State.NIL
    word: list[str] = []  # instruction, parameter name or role being read
    value = _Value()
    instruction = ""
    key: str | None = None
    line = 1
    command_line = 1
    previous = ""
    for char in text:
        if previous == "\n" or (previous == "\r" and char != "\n"):
            line += 1
        previous = char
        in_value = state is _State.VALUE
        following, keep = _next_state(char, state, "" if in_value else "".join(word), line)
        if following is not state:
            if state is _State.NAME:
                name = "".join(word).lower()
                if name not in INSTRUCTIONS:
                    raise SyntaxProblem(COMMAND_ERROR, line)
                instruction, key = name, None
                if name == "parameter":
                    following = _State.PARAMETER
                elif name == "message":
                    following = _State.MESSAGE
            elif state is _State.PARAMETER:
                key = "".join(word)
            elif state is _State.MESSAGE:
                key = "".join(word)
                if key not in MESSAGE_ROLES:
                    raise SyntaxProblem(ROLE_ERROR, line)
            elif state is _State.VALUE:
                finished = value.unquoted()
                if finished is None or _is_space(char):
                    # Still inside a quote, or an inner blank: the value goes on.
                    value.append(char)
                    continue
                commands.append(RawCommand(instruction, finished, key, command_line))
                value.reset()
            elif following is _State.NAME:
                command_line = line
            word.clear()
            state = following
        if keep and char.isprintable():
            (value if state is _State.VALUE else word).append(char)
    if state is _State.VALUE:
        finished = value.unquoted()
        if finished is None:
            raise SyntaxProblem("unexpected EOF", command_line)
        commands.append(RawCommand(instruction, finished, key, command_line))
    elif state is not _State.NIL and state is not _State.COMMENT:
        raise SyntaxProblem("unexpected EOF", command_line)
    return commands
