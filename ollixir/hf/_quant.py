"""GGUF file records and quantization names: parsing them from file names and choosing one. No I/O."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = [
    "DEFAULT_PREFERENCE",
    "GGUFFile",
    "best_quantization",
    "gguf_files",
    "parse_quantization",
]

# Most useful first: the usual quality/size sweet spot, then bigger and better, then smaller, then unquantized.
DEFAULT_PREFERENCE: Final[tuple[str, ...]] = (
    "Q4_K_M",
    "Q4_K_S",
    "Q5_K_M",
    "Q5_K_S",
    "Q4_0",
    "Q6_K",
    "Q8_0",
    "Q3_K_M",
    "Q3_K_L",
    "IQ4_XS",
    "IQ4_NL",
    "Q4_1",
    "Q5_0",
    "Q5_1",
    "Q3_K_S",
    "IQ3_M",
    "IQ3_XS",
    "IQ3_XXS",
    "Q2_K",
    "Q2_K_L",
    "IQ2_M",
    "IQ2_S",
    "IQ2_XS",
    "IQ2_XXS",
    "IQ1_M",
    "IQ1_S",
    "F16",
    "BF16",
    "F32",
)
"""Quantizations in the order :func:`best_quantization` prefers them."""

# Quantization names as llama.cpp and the big GGUF publishers spell them: Q4_K_M, Q8_0, Q4_0_4_4, IQ2_XXS,
# TQ1_0, Q4_K_XL, F16, BF16, FP16, MXFP4. Bounded by anything but a letter or digit, so "Qwen2" never matches.
_QUANT: Final = re.compile(
    r"(?<![A-Za-z0-9])("
    r"(?:[IT]?Q[1-8](?:_K|_[0-9])?(?:_[0-9])*(?:_(?:XXS|XS|XL|NL|S|M|L))?)"
    r"|MXFP4|BF16|FP16|FP32|F16|F32|F64"
    r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_ALIASES: Final = {"FP16": "F16", "FP32": "F32"}
_SHARD: Final = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)
# Vision projectors ship next to the weights but are not a model on their own.
_PROJECTOR: Final = re.compile(r"(?:^|[-_.])mmproj(?:[-_.]|$)", re.IGNORECASE)


def parse_quantization(filename: str) -> str | None:
    """The quantization named in a GGUF file name (upper case, e.g. ``"Q4_K_M"``), or None.

    The file's own name wins over its folder's; within a name the last match wins, because publishers
    append the quantization last (``Llama-3.2-1B-Instruct-Q4_K_M.gguf``).
    """
    folder, name = posixpath.split(filename)
    stem = _SHARD.sub("", name)
    stem = re.sub(r"\.gguf$", "", stem, flags=re.IGNORECASE)
    for text in (stem, posixpath.basename(folder)):
        matches = _QUANT.findall(text)
        if matches:
            found = str(matches[-1]).upper()
            return _ALIASES.get(found, found)
    return None


@dataclass(frozen=True, slots=True)
class GGUFFile:
    """One GGUF model file of a HuggingFace repository.

    A model split into shards (``name-00001-of-00003.gguf``) is one record: ``filename`` is the first shard,
    ``size`` the total and ``shards`` their count.
    """

    filename: str
    size: int
    quantization: str | None
    shards: int = 1

    @property
    def size_gb(self) -> float:
        """Size in decimal gigabytes (10**9 bytes)."""
        return self.size / 1e9

    @property
    def is_projector(self) -> bool:
        """A vision projector (``mmproj-*.gguf``), which accompanies a model rather than being one."""
        return bool(_PROJECTOR.search(posixpath.basename(self.filename)))


def gguf_files(entries: Iterable[tuple[str, int]]) -> list[GGUFFile]:
    """GGUF records from ``(path, size)`` pairs of a repository listing, smallest first.

    Non-GGUF files are skipped and shards of one model are merged.
    """
    singles: list[GGUFFile] = []
    groups: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for path, size in entries:
        if not path.lower().endswith(".gguf"):
            continue
        shard = _SHARD.search(path)
        if shard is None:
            singles.append(GGUFFile(path, size, parse_quantization(path)))
        else:
            groups.setdefault((path[: shard.start()], shard.group(2)), []).append((path, size))
    for parts in groups.values():
        parts.sort()
        singles.append(
            GGUFFile(parts[0][0], sum(size for _, size in parts), parse_quantization(parts[0][0]), len(parts))
        )
    return sorted(singles, key=lambda f: (f.size, f.filename))


def best_quantization(
    files: Iterable[GGUFFile],
    preference: Sequence[str] = DEFAULT_PREFERENCE,
    max_size_gb: float | None = None,
) -> GGUFFile | None:
    """The file to use: the first quantization in ``preference`` that is present (and no larger than
    ``max_size_gb`` decimal GB, when given).

    When none of the preferred quantizations fits, the largest remaining file with a known quantization is
    chosen (the most faithful one that fits); None when nothing fits. Projector files are never chosen.
    """
    limit = None if max_size_gb is None else max_size_gb * 1e9
    candidates = [
        f
        for f in files
        if f.quantization is not None and not f.is_projector and (limit is None or f.size <= limit)
    ]
    by_quant: dict[str, GGUFFile] = {}
    # Smallest first, so a quantization published twice (e.g. in two folders) resolves to the smaller copy.
    for f in sorted(candidates, key=lambda f: (f.size, f.filename)):
        by_quant.setdefault(str(f.quantization), f)
    for wanted in preference:
        match = by_quant.get(wanted.upper())
        if match is not None:
            return match
    return max(candidates, key=lambda f: (f.size, f.filename), default=None)
