"""``embed(..., dtype=...)``: the vectors as one NumPy array, equal to the list form within float32
rounding, decoded in about 4 bytes per number, and refused before any traffic when it cannot work."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tracemalloc
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ollixir
from ollixir import ProtocolError, RequestError, ResponseError
from ollixir._core import jsonmatrix
from ollixir._ops.arrays import EmbedArrayResponse, array_reader
from tests.clientkit import Api

np = pytest.importorskip("numpy", reason="the numpy extra is not installed")

TEXTS = [f"passage {i}: text to embed" for i in range(40)]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_array_equals_the_list_form(api: Api, ollama_server: Any, dtype: str) -> None:
    as_list = api.call("embed", "all-minilm", TEXTS)
    result = api.call("embed", "all-minilm", TEXTS, dtype=dtype)
    assert isinstance(result, EmbedArrayResponse)
    assert result.embeddings.shape == (len(TEXTS), 384)
    assert result.embeddings.dtype == np.dtype(dtype)
    # float32: the list's float64 values rounded once to float32, exactly; float64: identical.
    assert np.array_equal(result.embeddings, np.array(as_list.embeddings, dtype=dtype))
    assert np.abs(result.embeddings - np.array(as_list.embeddings)).max() <= 2**-24
    # The first call loaded the model, so only the durations differ.
    assert (result.model, result.prompt_eval_count) == (as_list.model, as_list.prompt_eval_count)
    assert isinstance(result.total_duration, int) and isinstance(result.load_duration, int)
    assert ollama_server.requests[-1].json["input"] == TEXTS  # dtype is not sent: it is ours


def test_dict_mode_and_dimensions(api: Api) -> None:
    client = api.make(response_format="dict")
    answer = api.call("embed", "all-minilm", ["a", "b"], client=client, dtype="float32", dimensions=16)
    assert isinstance(answer, dict) and answer["model"] == "all-minilm"
    assert answer["embeddings"].shape == (2, 16) and answer["embeddings"].dtype == np.float32
    typed = api.call("embed", "all-minilm", ["a", "b"], dtype="float32", dimensions=16)
    assert np.array_equal(typed.to_dict()["embeddings"], answer["embeddings"])


@pytest.mark.parametrize("dtype", ["int8", "float16", "f4", "", 32, object()])
def test_unknown_dtype_is_refused_before_any_traffic(api: Api, ollama_server: Any, dtype: object) -> None:
    with pytest.raises(RequestError) as info:
        api.call("embed", "all-minilm", ["a"], dtype=dtype)
    assert info.value.param == "dtype" and "float32" in str(info.value)
    assert [r for r in ollama_server.requests if r.path == "/api/embed"] == []


def test_without_numpy_dtype_is_refused_before_any_traffic(ollama_server: Any) -> None:
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "import ollixir\n"
        f"client = ollixir.Client({ollama_server.url!r})\n"
        "assert len(client.embed('all-minilm', ['a']).embeddings[0]) == 384  # lists still work\n"
        "try:\n"
        "    client.embed('all-minilm', ['a'], dtype='float32')\n"
        "except ollixir.RequestError as exc:\n"
        "    print(exc.param, '|', exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    param, _, message = done.stdout.strip().partition(" | ")
    assert param == "dtype" and "pip install 'ollixir[numpy]'" in message
    assert len([r for r in ollama_server.requests if r.path == "/api/embed"]) == 1


def test_load_only_answer_is_an_empty_matrix(ollama_server: Any) -> None:
    body = json.dumps({"model": "m", "embeddings": []}).encode()
    result = array_reader(True, np.dtype("float32"))(200, body)
    assert result.embeddings.shape == (0, 0) and result.total_duration is None


# --- memory: 4 bytes per number plus a constant -----------------------------------------------------


def _body(rows: int, dims: int, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    vectors = ",".join(
        "[" + ",".join(f"{rng.gauss(0, 0.05):.8g}" for _ in range(dims)) + "]" for _ in range(rows)
    )
    return ('{"model":"all-minilm","embeddings":[' + vectors + '],"total_duration":1}').encode()


def test_float32_decoding_costs_four_bytes_per_number_plus_a_constant() -> None:
    rows, dims = 1024, 1024
    body = _body(rows, dims)
    read = array_reader(True, np.dtype("float32"))
    read(200, _body(2, 8))  # imports and caches outside the measurement
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = read(200, body)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    numbers = rows * dims
    assert result.embeddings.shape == (rows, dims)
    constant = 512 << 10  # one row of Python floats and its text, the small fields, bookkeeping
    assert current - before <= 4 * numbers + constant
    assert peak - before <= 4 * numbers + constant
    # The list form of the same answer holds about 32 bytes per number.
    assert 4 * numbers + constant < 32 * numbers / 4


# --- the fast path gives exactly what decoding the whole body would ---------------------------------


def _reference(body: bytes, dtype: str) -> Any:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(jsonmatrix, "decode_matrix_field", lambda *a: None)
        from ollixir._ops import arrays

        mp.setattr(arrays, "decode_matrix_field", lambda *a: None)
        return _outcome(body, dtype)


def _outcome(body: bytes, dtype: str) -> Any:
    try:
        data = array_reader(False, np.dtype(dtype))(200, body)
    except ResponseError as exc:
        return (type(exc).__name__, exc.status)
    matrix = data.pop("embeddings")
    return ("ok", matrix.dtype.name, matrix.shape, matrix.tobytes(), repr(data))


numbers = st.one_of(
    st.floats(width=32, allow_nan=False, allow_infinity=False).map(lambda x: f"{x:.9g}"),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["-0.0", "1E-5", "1e400", "NaN", "0", "-0", "01", '"1.5"', "true", "null", "[1]"]),
)
spaces = st.sampled_from(["", " ", "\n  ", "\t"])


@st.composite
def embed_bodies(draw: st.DrawFn) -> bytes:
    width = draw(st.integers(0, 4))
    rows = draw(st.lists(st.lists(numbers, min_size=width, max_size=width), max_size=4))
    if rows and draw(st.booleans()):
        rows[-1] = rows[-1][:-1] or ["1"]  # ragged
    sp = draw(spaces)
    matrix = "[" + f",{sp}".join("[" + f",{sp}".join(r) + "]" for r in rows) + "]"
    fields = [f'"model"{sp}:{sp}"m"', f'"embeddings":{sp}{matrix}', '"total_duration":5']
    extra = draw(
        st.sampled_from(
            [
                None,
                '"embeddings":[[9]]',  # a duplicate key: the last one counts
                '"x\\"embeddings":[[7]]',  # the key's text inside another key
                '"meta":{"embeddings":[[8]]}',  # a nested object's key
                '"error":"boom"',
                '"context":[123456789012345678901234567890]',
            ]
        )
    )
    if extra is not None:
        fields.insert(draw(st.integers(0, len(fields))), extra)
    text = "{" + ",".join(fields) + "}"
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut short
    return text.encode()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(embed_bodies(), st.sampled_from(["float32", "float64"]))
def test_fast_path_equals_decoding_the_whole_body(body: bytes, dtype: str) -> None:
    assert _outcome(body, dtype) == _reference(body, dtype)


def test_fast_path_is_taken_for_ordinary_answers() -> None:
    body = _body(3, 5)
    decoded = jsonmatrix.decode_matrix_field(body, "embeddings", np.dtype("float32"))
    assert decoded is not None
    data, matrix = decoded
    assert data == {"model": "all-minilm", "embeddings": None, "total_duration": 1}
    assert np.array_equal(matrix, np.array(json.loads(body)["embeddings"], dtype=np.float32))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"model":"m","embeddings":[[1,2],[3]]}', "different lengths"),
        (b'{"model":"m","embeddings":[["a"]]}', "hold a str"),
        (b'{"model":"m","embeddings":[[true]]}', "hold a bool"),
        (b'{"model":"m"}', "no embeddings"),
        (b'{"model":"m","embeddings":[[1e999999999999999999999999]]', "not valid JSON"),
    ],
)
def test_malformed_embeddings_are_protocol_errors(body: bytes, message: str) -> None:
    with pytest.raises(ProtocolError, match=message):
        array_reader(True, np.dtype("float32"))(200, body)


def test_public_name() -> None:
    assert ollixir.EmbedArrayResponse is EmbedArrayResponse


# --- typed lists with the speedups extra take the same row-by-row walk --------------------------------


def _typed_outcome(read: Any, body: bytes) -> Any:
    try:
        result = read(200, body)
    except ResponseError as exc:
        return (type(exc).__name__, exc.status)
    return ("ok", repr(result.to_dict()))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(embed_bodies())
def test_typed_lists_read_row_by_row_equal_the_standard_path(body: bytes) -> None:
    pytest.importorskip("orjson")
    from ollixir._ops import inference
    from ollixir._ops.base import spans_reader

    rows_read = ollixir._ops.embed(True, "m", ["x"]).read
    standard = spans_reader("embed", inference._embed_response)
    assert rows_read.__qualname__.startswith("_rows_reader")  # the orjson walk is the one in use
    assert _typed_outcome(rows_read, body) == _typed_outcome(standard, body)
