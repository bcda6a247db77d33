"""Just enough GGUF to read an uploaded model's metadata, and to write tiny valid files for tests."""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Final

__all__ = ["GGUFInfo", "make_gguf", "read_gguf"]

MAGIC: Final = b"GGUF"
_SCALARS: Final = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_TENSOR_TYPES: Final = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 9: "Q8_1", 10: "Q2_K",
    11: "Q3_K", 12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 15: "Q8_K", 24: "I8", 25: "I16", 26: "I32",
    27: "I64", 28: "F64", 30: "BF16",
}  # fmt: skip
FILE_TYPES: Final = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
    12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K", 32: "BF16",
}  # fmt: skip
_MAX_ITEMS: Final = 1 << 20  # refuse absurd counts instead of allocating for them
_KEEP_ARRAY: Final = 4096


@dataclass
class GGUFInfo:
    kv: dict[str, object] = field(default_factory=dict)
    tensors: list[dict[str, object]] = field(default_factory=list)


class _Reader:
    def __init__(self, f: IO[bytes]) -> None:
        self.f = f

    def take(self, n: int) -> bytes:
        data = self.f.read(n)
        if len(data) != n:
            raise ValueError("truncated GGUF")
        return data

    def scalar(self, fmt: str) -> object:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def u64(self) -> int:
        value = self.scalar("<Q")
        assert isinstance(value, int)
        return value

    def string(self) -> str:
        length = self.u64()
        if length > 1 << 24:
            raise ValueError("string too long")
        return self.take(length).decode("utf-8", errors="replace")

    def value(self, kind: int) -> object:
        if kind in _SCALARS:
            return self.scalar(_SCALARS[kind])
        if kind == 8:
            return self.string()
        if kind == 9:
            item_kind = self.scalar("<I")
            count = self.u64()
            if count > _MAX_ITEMS or not isinstance(item_kind, int):
                raise ValueError("array too long")
            items = [self.value(item_kind) for _ in range(count)]
            return items if count <= _KEEP_ARRAY else []
        raise ValueError(f"unknown GGUF value type {kind}")


def read_gguf(path: str) -> GGUFInfo | None:
    """Metadata and tensor list of a GGUF file; None if it is not GGUF, partial info if it is cut short."""
    info = GGUFInfo()
    with open(path, "rb") as f:
        if f.read(4) != MAGIC:
            return None
        reader = _Reader(f)
        try:
            version = reader.scalar("<I")
            count_fmt = "<I" if version == 1 else "<Q"
            tensor_count = reader.scalar(count_fmt)
            kv_count = reader.scalar(count_fmt)
            assert isinstance(tensor_count, int) and isinstance(kv_count, int)
            if kv_count > _MAX_ITEMS or tensor_count > _MAX_ITEMS:
                return info
            for _ in range(kv_count):
                key = reader.string()
                kind = reader.scalar("<I")
                assert isinstance(kind, int)
                info.kv[key] = reader.value(kind)
            for _ in range(tensor_count):
                name = reader.string()
                dims = reader.scalar("<I")
                assert isinstance(dims, int)
                shape = [reader.u64() for _ in range(min(dims, 8))]
                tensor_type = reader.scalar("<I")
                reader.u64()  # data offset
                info.tensors.append(
                    {
                        "name": name,
                        "type": _TENSOR_TYPES.get(int(str(tensor_type)), str(tensor_type)),
                        "shape": shape,
                    }
                )
        except (ValueError, struct.error, AssertionError):
            pass
    return info


def _encode_value(value: object) -> tuple[int, bytes]:
    if isinstance(value, bool):
        return 7, struct.pack("<?", value)
    if isinstance(value, int):
        return (4, struct.pack("<I", value)) if 0 <= value < 1 << 32 else (11, struct.pack("<q", value))
    if isinstance(value, float):
        return 6, struct.pack("<f", value)
    if isinstance(value, str):
        raw = value.encode()
        return 8, struct.pack("<Q", len(raw)) + raw
    if isinstance(value, Sequence):
        encoded = [_encode_value(item) for item in value]
        item_kind = encoded[0][0] if encoded else 8
        return 9, struct.pack("<IQ", item_kind, len(encoded)) + b"".join(e[1] for e in encoded)
    raise TypeError(f"cannot store {type(value).__name__} in GGUF")


def make_gguf(
    metadata: Mapping[str, object] | None = None,
    tensors: Sequence[tuple[str, Sequence[int], int]] = (("token_embd.weight", (8, 16), 0),),
) -> bytes:
    """A tiny well-formed GGUF v3 file (tensor data omitted) to upload as a blob in tests.

    ``metadata`` defaults to a small llama: architecture, context/embedding length and file type F16.
    ``tensors`` are ``(name, shape, ggml type id)``.
    """
    kv = dict(
        metadata
        if metadata is not None
        else {
            "general.architecture": "llama",
            "general.file_type": 1,
            "llama.context_length": 2048,
            "llama.embedding_length": 64,
        }
    )
    out = [MAGIC, struct.pack("<IQQ", 3, len(tensors), len(kv))]
    for key, value in kv.items():
        raw_key = key.encode()
        kind, payload = _encode_value(value)
        out.append(struct.pack("<Q", len(raw_key)) + raw_key + struct.pack("<I", kind) + payload)
    for name, shape, kind in tensors:
        raw_name = name.encode()
        out.append(struct.pack("<Q", len(raw_name)) + raw_name + struct.pack("<I", len(shape)))
        out.append(b"".join(struct.pack("<Q", d) for d in shape) + struct.pack("<IQ", kind, 0))
    return b"".join(out)
