"""Image normalisation to standard padded base64 (wire reference §2.5)."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ollixir._errors import RequestError
from ollixir._ops.images import normalize_image, normalize_images

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
PNG_B64 = base64.b64encode(PNG).decode()


def test_bytes_like_inputs() -> None:
    assert normalize_image(PNG) == PNG_B64
    assert normalize_image(bytearray(PNG)) == PNG_B64
    assert normalize_image(memoryview(PNG)) == PNG_B64
    assert normalize_image(io.BytesIO(PNG)) == PNG_B64
    assert normalize_image(b"") == ""


def test_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "photo.png"
    image.write_bytes(PNG)
    assert normalize_image(image) == PNG_B64
    assert normalize_image(str(image)) == PNG_B64
    monkeypatch.chdir(tmp_path)
    assert normalize_image("photo.png") == PNG_B64
    monkeypatch.setenv("HOME", str(tmp_path))
    assert normalize_image("~/photo.png") == PNG_B64


def test_missing_path_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.png"
    with pytest.raises(RequestError, match=r"images\[3\]: image file not found: .*nope\.png"):
        normalize_image(missing, where="images[3]")
    # A str that is neither a file nor base64 says both.
    with pytest.raises(
        RequestError, match=r"image: not valid base64 image data: .*\(and no file of that name exists\)"
    ):
        normalize_image(str(missing))


def test_base64_of_an_image_wins_over_a_file_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # PNG base64 contains "/" only rarely; use an unpadded spelling that is a valid file name here.
    spelling = PNG_B64.rstrip("=").replace("/", "_").replace("+", "-")
    (tmp_path / spelling).write_bytes(b"not the image")
    assert normalize_image(spelling) == PNG_B64
    (tmp_path / "abcd").write_bytes(b"file contents")  # "abcd" is base64 too, but not of an image
    assert normalize_image("abcd") == base64.b64encode(b"file contents").decode()


@pytest.mark.parametrize(
    "spelling",
    [
        PNG_B64,
        PNG_B64.rstrip("="),
        PNG_B64.replace("+", "-").replace("/", "_"),
        f"data:image/png;base64,{PNG_B64}",
        f"DATA:image/png;BASE64,{PNG_B64.rstrip('=')}",
        "\n".join(PNG_B64[i : i + 16] for i in range(0, len(PNG_B64), 16)),
        f"  {PNG_B64}  \r\n",
    ],
)
def test_accepted_spellings(spelling: str) -> None:
    assert normalize_image(spelling) == PNG_B64


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("not base64!", "image: not valid base64 image data: 'not base64!'"),
        ("abcde", "not valid base64"),  # one character too many for any padding
        ("ab=c", "not valid base64"),
        ("data:image/png,rawdata", "a data URL must be base64-encoded"),
        (12, "an image must be bytes, a path or base64 text, not int"),
        (io.StringIO("text"), "a file object must be opened in binary mode"),
    ],
)
def test_rejected(value: object, message: str) -> None:
    with pytest.raises(RequestError, match=message.replace("(", r"\(")):
        normalize_image(value)


def test_normalize_images_names_the_index() -> None:
    assert normalize_images([PNG, PNG_B64.rstrip("=")]) == [PNG_B64, PNG_B64]
    assert normalize_images(x for x in [PNG]) == [PNG_B64]
    with pytest.raises(RequestError, match=r"messages\[1\]\.images\[1\]: not valid base64") as caught:
        normalize_images([PNG, "%%%"], param="messages[1].images")
    assert caught.value.param == "messages[1].images[1]"
    for single in (PNG_B64, PNG, Path("x.png")):
        with pytest.raises(RequestError, match="must be a list of images, not a single"):
            normalize_images(single)
    with pytest.raises(RequestError, match="must be a list of images, not int"):
        normalize_images(5)


@given(st.binary())
def test_bytes_round_trip(data: bytes) -> None:
    assert base64.b64decode(normalize_image(data), validate=True) == data


@given(st.binary(), st.booleans(), st.booleans(), st.booleans(), st.integers(1, 20))
def test_every_spelling_normalises_to_the_canonical_one(
    data: bytes, url_safe: bool, unpadded: bool, data_url: bool, width: int
) -> None:
    canonical = base64.b64encode(data).decode()
    text = base64.urlsafe_b64encode(data).decode() if url_safe else canonical
    if unpadded:
        text = text.rstrip("=")
    text = "\n".join(text[i : i + width] for i in range(0, len(text), width))
    if data_url:
        text = "data:application/octet-stream;base64," + text
    assert normalize_image(text) == canonical


@given(st.text(max_size=64) | st.binary().map(lambda b: b.decode("latin-1")))
def test_garbage_only_raises_request_error(text: str) -> None:
    try:
        result = normalize_image(text)
    except RequestError:
        return
    assert base64.b64encode(base64.b64decode(result, validate=True)).decode() == result
