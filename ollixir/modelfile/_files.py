"""Local files a Modelfile refers to: path expansion, model-directory scanning and upload names.

These follow the Ollama CLI (``parser.expandPath``, ``filesForModel``, ``createRequestFileNames``) so that a
Modelfile creates the same model through ollixir as through ``ollama create``.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Final, Literal

from ollixir._errors import RequestError

__all__ = ["expand_path", "local_model_files", "merge_paths", "same_path", "sniff", "upload_names"]

Sniffed = Literal["zip", "text", "binary"]

# Bytes that make WHATWG MIME sniffing (Go's http.DetectContentType) call a file binary.
_BINARY_BYTES: Final = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])


def expand_path(value: str, base_dir: Path) -> Path:
    """Absolute path for a ``FROM``/``ADAPTER``/``DRAFT`` value: ``~`` expanded, relative to ``base_dir``."""
    if value.startswith("~"):
        expanded = os.path.expanduser(value)
        if expanded.startswith("~"):
            user = value[1:].split("/", 1)[0]
            raise RequestError(f"failed to find user '{user}'", param="modelfile")
        return Path(os.path.abspath(expanded))
    return Path(os.path.abspath(os.path.join(base_dir, value)))


def sniff(path: Path) -> Sniffed:
    """A coarse version of Go's content sniffing over the first 512 bytes, enough for the scan rules."""
    with path.open("rb") as handle:
        head = handle.read(512)
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith((b"\xef\xbb\xbf", b"\xfe\xff", b"\xff\xfe")):
        return "text"
    return "binary" if any(byte in _BINARY_BYTES for byte in head) else "text"


def _glob(directory: Path, pattern: str, expected: Sniffed | None) -> list[Path] | None:
    """Sorted matches, or ``None`` when a match has the wrong content (the CLI then skips the rule)."""
    matches = sorted(
        Path(match)
        for match in glob.glob(os.path.join(glob.escape(str(directory)), pattern), include_hidden=True)
        if os.path.isfile(match)
    )
    if expected is not None and any(sniff(match) != expected for match in matches):
        return None
    return matches


def _required_glob(directory: Path, pattern: str, expected: Sniffed) -> list[Path]:
    matches = _glob(directory, pattern, expected)
    if matches is None:
        raise RequestError(
            f"invalid content type: every {pattern} file in {directory} must be {expected}", param="modelfile"
        )
    return matches


def _model_weights(directory: Path) -> list[Path]:
    # The first rule that matches wins, as in the CLI; a rule whose files have the wrong content is skipped.
    rules: tuple[tuple[str, Sniffed | None], ...] = (
        ("model*.safetensors", None),
        ("consolidated*.safetensors", None),
        ("pytorch_model*.bin", "zip"),
        ("consolidated*.pth", "zip"),
        ("*.gguf", "binary"),
        ("*.bin", "binary"),
    )
    for pattern, expected in rules:
        matches = _glob(directory, pattern, expected)
        if matches:
            if pattern == "model*.safetensors":
                matches += _glob(directory, os.path.join("*", "model*.safetensors"), None) or []
            return matches
    raise RequestError("no Modelfile or safetensors files found", param="modelfile")


def local_model_files(path: Path) -> list[Path]:
    """The files a local model path stands for: the file itself, or a model directory's scanned contents.

    A directory contributes its weights (``model*.safetensors`` and ``*/model*.safetensors``, else
    ``consolidated*.safetensors``, ``pytorch_model*.bin``, ``consolidated*.pth``, ``*.gguf``, ``*.bin``) plus
    ``*.json``, ``*/*.json``, ``chat_template.jinja`` and ``tokenizer.model``. Symbolic links are resolved and
    must stay inside the directory.
    """
    if not path.is_dir():
        return [path]
    found = _model_weights(path)
    found += _required_glob(path, "*.json", "text")
    found += _required_glob(path, os.path.join("*", "*.json"), "text")
    found += _required_glob(path, "chat_template.jinja", "text")
    tokenizers = _glob(path, "tokenizer.model", "binary") or _glob(
        path, os.path.join("*", "tokenizer.model"), "text"
    )
    found += tokenizers or []

    root = path.resolve()
    resolved: dict[Path, None] = {}
    for file in found:
        real = file.resolve()
        if not real.is_relative_to(root):
            relative = os.path.relpath(real, root)
            hint = (
                "\n\nUse --local-dir <dir> when downloading model to disable caching"
                if ".cache" in relative
                else ""
            )
            raise RequestError(f"insecure path: {relative}{hint}", param="modelfile")
        resolved[real] = None
    return list(resolved)


def upload_names(paths: Iterable[Path]) -> dict[str, Path]:
    """Map upload names to local paths: one file keeps its base name; several are named relative to their
    deepest common directory, with ``/`` separators."""
    unique = list(dict.fromkeys(paths))
    if len(unique) < 2:
        return {path.name: path for path in unique}
    try:
        root = os.path.commonpath([os.path.dirname(os.path.abspath(path)) for path in unique])
    except ValueError:  # different drives on Windows: fall back to base names
        return {path.name: path for path in unique}
    names: dict[str, Path] = {}
    for path in unique:
        relative = os.path.relpath(os.path.abspath(path), root)
        name = (
            relative if relative not in (".", "..") and not relative.startswith(".." + os.sep) else path.name
        )
        names[str(PurePosixPath(*Path(name).parts))] = path
    return names


def merge_paths(target: dict[Path, None], paths: Iterable[Path]) -> None:
    """Add ``paths`` to an insertion-ordered path set."""
    for path in paths:
        target[path] = None


def same_path(first: Path, others: Mapping[Path, None] | Iterable[Path]) -> bool:
    """Whether ``first`` names the same file or directory as any of ``others`` after resolving links."""
    real = first.resolve()
    return any(real == other.resolve() for other in others)
