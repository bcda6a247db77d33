"""Image inputs normalised to what the server decodes: standard, padded base64 (wire reference §2.5).

The server rejects URL-safe base64, missing padding and ``data:`` URLs with an opaque
``illegal base64 data at input byte N``; here every common spelling is accepted and rewritten, and anything
that still is not base64 fails early with the image's position in the request.

How a ``str`` is read, in order:

1. a ``data:...;base64,`` URL: the part after the comma is the base64 text;
2. a file path: a single-line string of at most 1024 characters naming an existing regular file (after ``~``
   expansion) is read from disk, unless the string itself is base64 of a PNG, JPEG, GIF, WebP or BMP image,
   which wins (so an image in base64 is never mistaken for a file that happens to share its spelling);
3. otherwise base64 text: whitespace is removed, ``-``/``_`` become ``+``/``/``, padding is fixed, and the text
   must decode.

The result is always re-encoded from the decoded bytes, so equal images give equal strings.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ollixir._core.jsonbody import Base64Data
from ollixir._errors import RequestError

__all__ = ["normalize_image", "normalize_images", "prepare_images"]

_MAX_PATH: Final = 1024
_BASE64: Final = re.compile(r"[A-Za-z0-9+/]*")
_WHITESPACE: Final = re.compile(r"\s+")
_IMAGE_MAGIC: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")
_URL_SAFE: Final = str.maketrans("-_", "+/")
# Standard, padded base64: already what the server wants, so it can be sent as given.
_CANONICAL: Final = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _is_image(data: bytes) -> bool:
    return data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def _decode(text: str) -> bytes | None:
    """Bytes of base64 text in any accepted spelling, or ``None`` if it is not base64."""
    compact = _WHITESPACE.sub("", text).translate(_URL_SAFE).rstrip("=")
    if len(compact) % 4 == 1 or not _BASE64.fullmatch(compact):
        return None
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _read(path: Path, where: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RequestError(f"{where}: image file not found: {path}", param=where) from None
    except OSError as error:
        raise RequestError(
            f"{where}: cannot read image file {path}: {error.strerror or error}", param=where
        ) from None


def _as_file(text: str) -> Path | None:
    if len(text) > _MAX_PATH or "\n" in text or "\r" in text or "\x00" in text or not text:
        return None
    path = Path(os.path.expanduser(text))
    try:
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


def _from_text(text: str, where: str) -> bytes:
    stripped = text.strip()
    if stripped[:5].lower() == "data:":
        header, comma, payload = stripped.partition(",")
        if not comma or not header.lower().endswith(";base64"):
            raise RequestError(
                f"{where}: a data URL must be base64-encoded (data:<type>;base64,...)", param=where
            )
        stripped = payload
    else:
        path = _as_file(stripped)
        if path is not None:
            decoded = _decode(stripped)
            if decoded is None or not _is_image(decoded):
                return _read(path, where)
    decoded = _decode(stripped)
    if decoded is None:
        shown = stripped if len(stripped) <= 40 else stripped[:37] + "..."
        hint = (
            " (and no file of that name exists)"
            if len(stripped) <= _MAX_PATH and "\n" not in stripped
            else ""
        )
        raise RequestError(f"{where}: not valid base64 image data: {shown!r}{hint}", param=where)
    return decoded


@dataclass(frozen=True, slots=True)
class Image:
    """One image for ``images=`` (the official client's ``ollama.Image``): bytes, a path, or base64 text.

    Plain values work as well; this wrapper exists so code written for the official client ports as is.
    """

    value: bytes | str | os.PathLike[str]


def normalize_image(image: object, *, where: str = "image") -> str:
    """Standard padded base64 for one image: ``bytes``-like data, a path (``pathlib.Path`` or ``os.PathLike``),
    a binary file object, or a ``str`` read by the rules in this module's docstring.

    ``where`` names the image in error messages (``images[2]``). Raises :class:`~ollixir.RequestError`.
    """
    if isinstance(image, Image):
        image = image.value
    if isinstance(image, bytes | bytearray | memoryview):
        data = bytes(image)
    elif isinstance(image, str):
        data = _from_text(image, where)
    elif isinstance(image, os.PathLike):
        data = _read(Path(os.fspath(image)).expanduser(), where)
    elif callable(getattr(image, "read", None)):
        content: Any = image.read()  # type: ignore[attr-defined]
        if not isinstance(content, bytes | bytearray):
            raise RequestError(f"{where}: a file object must be opened in binary mode", param=where)
        data = bytes(content)
    else:
        raise RequestError(
            f"{where}: an image must be bytes, a path or base64 text, not {type(image).__name__}", param=where
        )
    return base64.b64encode(data).decode("ascii")


def normalize_images(images: object, param: str = "images") -> list[str]:
    """Normalise a list (any iterable) of images; errors name the image as ``<param>[<index>]``."""
    if isinstance(images, str | bytes | bytearray | memoryview | os.PathLike):
        raise RequestError(
            f"{param} must be a list of images, not a single {type(images).__name__}", param=param
        )
    if not isinstance(images, Iterable):
        raise RequestError(f"{param} must be a list of images, not {type(images).__name__}", param=param)
    return [normalize_image(image, where=f"{param}[{index}]") for index, image in enumerate(images)]


def prepare_images(images: object, param: str = "images") -> list[str | Base64Data]:
    """Like :func:`normalize_images`, for building a request: binary images (bytes, paths, files) are
    kept as bytes and base64-encoded only while the request body is written, and base64 text that
    is already standard and padded is sent as given, so no image is held twice."""
    if isinstance(images, str | bytes | bytearray | memoryview | os.PathLike) or not isinstance(
        images, Iterable
    ):
        return list(normalize_images(images, param))  # raises the same errors
    out: list[str | Base64Data] = []
    for index, item in enumerate(images):
        where = f"{param}[{index}]"
        image = item.value if isinstance(item, Image) else item
        if isinstance(image, bytes):
            out.append(Base64Data(image))
        elif isinstance(image, bytearray | memoryview):
            out.append(Base64Data(bytes(image)))
        elif isinstance(image, os.PathLike):
            out.append(Base64Data(_read(Path(os.fspath(image)).expanduser(), where)))
        elif (
            isinstance(image, str)
            and _CANONICAL.fullmatch(image)
            and (len(image) > _MAX_PATH or _as_file(image) is None)
        ):
            out.append(image)
        else:
            out.append(normalize_image(image, where=where))
    return out
