"""Multimodal chat: send an image to a vision model, as raw bytes and as a file path.

A tiny PNG is generated on the fly (no image files needed); ollixir base64-encodes bytes and reads paths
for you, and ``completion`` takes ``images=`` the same way.
"""

from __future__ import annotations

import struct
import tempfile
import zlib
from pathlib import Path

from _support import VISION_MODEL, connect


def tiny_png(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (255, 0, 0)) -> bytes:
    """A valid PNG of one solid colour, built with the standard library only."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))  # filter byte 0 per row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    png = tiny_png()
    with connect() as client:
        reply = client.chat(
            VISION_MODEL, [{"role": "user", "content": "What colour is this image?", "images": [png]}]
        )
        print("image as bytes:", reply.message.content)

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "red.png"
            path.write_bytes(png)
            reply = client.chat(
                VISION_MODEL,
                [{"role": "user", "content": "Describe these two images.", "images": [path, png]}],
            )
            print("image as a path (and bytes):", reply.message.content)

            completion = client.completion(VISION_MODEL, "Caption this picture.", images=[path])
            print("completion with images=:", completion.response)


if __name__ == "__main__":
    main()
