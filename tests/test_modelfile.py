"""Modelfile parsing, writing and conversion to /api/create fields (wire reference §6)."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ollixir._errors import RequestError
from ollixir.modelfile import Command, Modelfile, ModelfileError

C = Command
COMMAND_ERROR = 'command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"'
ROLE_ERROR = 'message role must be one of "system", "user", or "assistant"'

# (Modelfile text, the commands it must produce)
VALID: list[tuple[str, list[Command]]] = [
    ("FROM llama3", [C("FROM", "llama3")]),
    ("FROM llama3:8b-instruct-q4_K_M\n", [C("FROM", "llama3:8b-instruct-q4_K_M")]),
    (
        "from llama3\nParameter temperature 0.5\nsYsTeM hi",
        [C("FROM", "llama3"), C("PARAMETER", "0.5", "temperature"), C("SYSTEM", "hi")],
    ),
    ("\n\n   FROM   llama3   \n\n", [C("FROM", "llama3")]),
    ("# a comment\nFROM x\n# another\n", [C("FROM", "x")]),
    ("   # indented comment\n\tFROM x", [C("FROM", "x")]),
    ("FROM llama3 # not a comment", [C("FROM", "llama3 # not a comment")]),
    ("FROM x\r\nSYSTEM hello\r\n", [C("FROM", "x"), C("SYSTEM", "hello")]),
    ('FROM x\r\nSYSTEM """a\r\nb"""\r\n', [C("FROM", "x"), C("SYSTEM", "a\r\nb")]),
    ("FROM x\rSYSTEM lone carriage return", [C("FROM", "x"), C("SYSTEM", "lone carriage return")]),
    ("\ufeffFROM bom", [C("FROM", "bom")]),
    ('FROM x\nSYSTEM """multi\nline"""', [C("FROM", "x"), C("SYSTEM", "multi\nline")]),
    ('FROM x\nSYSTEM """\nkept newlines\n"""\n', [C("FROM", "x"), C("SYSTEM", "\nkept newlines\n")]),
    ('FROM x\nSYSTEM "double quoted"', [C("FROM", "x"), C("SYSTEM", "double quoted")]),
    ('FROM x\nSYSTEM "spans\ntwo lines"', [C("FROM", "x"), C("SYSTEM", "spans\ntwo lines")]),
    ('FROM x\nSYSTEM "x"y"', [C("FROM", "x"), C("SYSTEM", 'x"y')]),
    (
        'FROM x\nSYSTEM """say "hi" to 3 "people\'s" friends"""',
        [C("FROM", "x"), C("SYSTEM", 'say "hi" to 3 "people\'s" friends')],
    ),
    ('FROM x\nSYSTEM ""', [C("FROM", "x"), C("SYSTEM", "")]),
    ('FROM x\nSYSTEM """"""', [C("FROM", "x"), C("SYSTEM", "")]),
    ('FROM x\nSYSTEM """   padded   """   ', [C("FROM", "x"), C("SYSTEM", "   padded   ")]),
    ('FROM "  spaced model  "', [C("FROM", "  spaced model  ")]),
    ("FROM a\tb", [C("FROM", "a\tb")]),
    ("FROM x\nSYSTEM a   b \t c   ", [C("FROM", "x"), C("SYSTEM", "a   b \t c")]),
    (
        'FROM x\nTEMPLATE """{{ if .System }}<|system|>\n{{ .System }}{{ end }}<|user|>\n{{ .Prompt }}"""',
        [
            C("FROM", "x"),
            C("TEMPLATE", "{{ if .System }}<|system|>\n{{ .System }}{{ end }}<|user|>\n{{ .Prompt }}"),
        ],
    ),
    ("FROM x\nADAPTER ./lora.gguf", [C("FROM", "x"), C("ADAPTER", "./lora.gguf")]),
    (
        'FROM x\nLICENSE MIT\nLICENSE """Apache\nLicense 2.0"""',
        [C("FROM", "x"), C("LICENSE", "MIT"), C("LICENSE", "Apache\nLicense 2.0")],
    ),
    (
        "FROM x\nMESSAGE system Be brief.\nMESSAGE user Hi!\nMESSAGE assistant Hello.",
        [
            C("FROM", "x"),
            C("MESSAGE", "Be brief.", "system"),
            C("MESSAGE", "Hi!", "user"),
            C("MESSAGE", "Hello.", "assistant"),
        ],
    ),
    ('FROM x\nMESSAGE user """two\nlines"""', [C("FROM", "x"), C("MESSAGE", "two\nlines", "user")]),
    (
        'FROM x\nPARAMETER stop <|eot_id|>\nPARAMETER stop ### User:\nPARAMETER stop "### User: "',
        [
            C("FROM", "x"),
            C("PARAMETER", "<|eot_id|>", "stop"),
            C("PARAMETER", "### User:", "stop"),
            C("PARAMETER", "### User: ", "stop"),
        ],
    ),
    (
        "FROM x\nPARAMETER num_ctx 4096\nPARAMETER num_ctx 8192",
        [C("FROM", "x"), C("PARAMETER", "4096", "num_ctx"), C("PARAMETER", "8192", "num_ctx")],
    ),
    (
        "FROM x\nPARAMETER use_mmap true\nPARAMETER seed -1\nPARAMETER top_p 1e-1\nPARAMETER main_gpu 0",
        [
            C("FROM", "x"),
            C("PARAMETER", "true", "use_mmap"),
            C("PARAMETER", "-1", "seed"),
            C("PARAMETER", "1e-1", "top_p"),
            C("PARAMETER", "0", "main_gpu"),
        ],
    ),
    ("FROM x\nREQUIRES v0.14.0", [C("FROM", "x"), C("REQUIRES", "v0.14.0")]),
    ("FROM x\nDRAFT ./draft.gguf", [C("FROM", "x"), C("DRAFT", "./draft.gguf")]),
    (
        "FROM x\nRENDERER qwen3-coder\nPARSER qwen3-coder",
        [C("FROM", "x"), C("RENDERER", "qwen3-coder"), C("PARSER", "qwen3-coder")],
    ),
    ("FROM ./a.gguf\nFROM llama3", [C("FROM", "./a.gguf"), C("FROM", "llama3")]),
    ("FROM ll\x07ama\u00a03", [C("FROM", "llama3")]),  # characters that are not printable are dropped
    ("FROM x\nSYSTEM héllo 日本語 🎉", [C("FROM", "x"), C("SYSTEM", "héllo 日本語 🎉")]),
    ("FROM x\nSYSTEM s\n# trailing comment", [C("FROM", "x"), C("SYSTEM", "s")]),
]

# (Modelfile text, exact error message)
INVALID: list[tuple[str, str]] = [
    ("", "no FROM line"),
    ("SYSTEM hi\nPARAMETER temperature 1", "no FROM line"),
    ("FROM x\nBADCOMMAND y", f"(line 2): {COMMAND_ERROR}"),
    ("FROM x\nFROM\n", f"(line 2): {COMMAND_ERROR}"),
    ("FROM x\n\n\nFRO-M y", f"(line 4): {COMMAND_ERROR}"),
    ("1FROM x", f"(line 1): {COMMAND_ERROR}"),
    ("FROM x\r\nBAD y\r\n", f"(line 2): {COMMAND_ERROR}"),
    ("FROM x\nMESSAGE tool hi", f"(line 2): {ROLE_ERROR}"),
    ("FROM x\nMESSAGE User hi", f"(line 2): {ROLE_ERROR}"),
    ("FROM x\nMESSAGE system\n", "(line 2): unexpected EOF: system"),
    ('FROM x\nSYSTEM """unterminated\nmore text', "(line 2): unexpected EOF"),
    ('FROM x\nSYSTEM "open', "(line 2): unexpected EOF"),
    ('FROM x\nSYSTEM """almost""', "(line 2): unexpected EOF"),
    ("FROM x\nPARAMETER num-ctx 5", "(line 2): unexpected EOF: num"),
    ("FROM x\nPARAMETER temperature", "(line 2): unexpected EOF"),
    ("FROM", "(line 1): unexpected EOF"),
    ("FROM x\nPARAMETER foo 1", "(line 2): unknown parameter 'foo'"),
    ("FROM x\nPARAMETER numa true", "(line 2): unknown parameter 'numa'"),
    ("FROM x\nPARAMETER temperature hot", "(line 2): invalid float value [hot]"),
    ("FROM x\nPARAMETER num_ctx 4096.5", "(line 2): invalid int value [4096.5]"),
    ("FROM x\nPARAMETER use_mmap yes", "(line 2): invalid bool value [yes]"),
    ("FROM x\n\nREQUIRES latest", "(line 3): requires must be a valid semver (e.g. 0.14.0)"),
    ("FROM x\nREQUIRES 1.2-beta", "(line 2): requires must be a valid semver (e.g. 0.14.0)"),
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_parse_valid(text: str, expected: list[Command]) -> None:
    modelfile = Modelfile.parse(text)
    assert list(modelfile.commands) == expected
    # Writing it back and parsing again gives the same commands.
    assert Modelfile.parse(modelfile.to_text()) == modelfile


@pytest.mark.parametrize(("text", "message"), INVALID)
def test_parse_invalid(text: str, message: str) -> None:
    with pytest.raises(ModelfileError) as caught:
        Modelfile.parse(text)
    assert str(caught.value) == message
    assert isinstance(caught.value, RequestError)
    expected_line = int(message[6 : message.index(")")]) if message.startswith("(line") else None
    assert caught.value.line == expected_line


def test_corpus_is_large_enough() -> None:
    assert len(VALID) + len(INVALID) >= 30


def test_typed_views() -> None:
    text = (
        "FROM llama3\nPARAMETER temperature 0.2\nPARAMETER num_ctx 4096\nPARAMETER num_ctx 8192\n"
        "PARAMETER stop a\nPARAMETER stop b\nPARAMETER use_mmap F\nSYSTEM one\nSYSTEM two\n"
        "LICENSE MIT\nLICENSE BSD\nMESSAGE user hi\nTEMPLATE t"
    )
    modelfile = Modelfile.parse(text)
    assert modelfile.parameters == {
        "temperature": 0.2,
        "num_ctx": 8192,
        "stop": ["a", "b"],
        "use_mmap": False,
    }
    assert (modelfile.from_, modelfile.system, modelfile.template) == ("llama3", "two", "t")
    assert modelfile.licenses == ["MIT", "BSD"]
    assert modelfile.messages == [{"role": "user", "content": "hi"}]


def test_deprecated_parameter_dropped_with_warning() -> None:
    with pytest.warns(UserWarning, match="parameter mirostat is deprecated"):
        modelfile = Modelfile.parse("FROM x\nPARAMETER mirostat 2\nPARAMETER top_k 5")
    assert modelfile.commands == (C("FROM", "x"), C("PARAMETER", "5", "top_k"))


def test_utf16_and_bytes_input() -> None:
    text = "FROM bob\nSYSTEM You are a utf16 file.\n"
    expected = (C("FROM", "bob"), C("SYSTEM", "You are a utf16 file."))
    assert Modelfile.parse(b"\xff\xfe" + text.encode("utf-16-le")).commands == expected
    assert Modelfile.parse(b"\xfe\xff" + text.encode("utf-16-be")).commands == expected
    assert Modelfile.parse(b"\xef\xbb\xbf" + text.encode()).commands == expected


def test_to_text_quotes_only_when_needed() -> None:
    modelfile = Modelfile(
        [
            C("FROM", "llama3"),
            C("SYSTEM", "two\nlines"),
            C("SYSTEM", 'has "quotes"\nand lines'),
            C("PARAMETER", "### User: ", "stop"),
            C("MESSAGE", '"quoted"', "user"),
            C("LICENSE", ""),
        ]
    )
    assert modelfile.to_text() == (
        'FROM llama3\nSYSTEM "two\nlines"\nSYSTEM """has "quotes"\nand lines"""\n'
        'PARAMETER stop "### User: "\nMESSAGE user ""quoted""\nLICENSE ""\n'
    )
    assert Modelfile.parse(modelfile.to_text()) == modelfile
    assert str(modelfile) == modelfile.to_text()


@pytest.mark.parametrize(
    ("commands", "message"),
    [
        ([C("SYSTEM", "x")], "no FROM line"),
        ([C("FROM", "x"), C("PARAMETER", "1", "nope")], "unknown parameter 'nope'"),
        ([C("FROM", "x"), C("MESSAGE", "hi", "tool")], ROLE_ERROR),
        ([C("FROM", "x"), C("COMMENT", "hi")], "unknown instruction 'COMMENT'"),
        ([C("FROM", "x"), C("SYSTEM", "hi", "key")], "SYSTEM takes no key"),
        ([C("FROM", "x"), C("REQUIRES", "soon")], "requires must be a valid semver"),
        ([C("FROM", "x"), C("SYSTEM", "bell\x07")], "value cannot be written"),
        ([C("FROM", "x"), C("SYSTEM", 'a"""\nb')], "value cannot be written"),
    ],
)
def test_constructor_validates(commands: list[Command], message: str) -> None:
    with pytest.raises(RequestError, match=message.replace("(", r"\(")):
        Modelfile(commands)


def test_equality_and_hash() -> None:
    first = Modelfile.parse("FROM x\nSYSTEM s")
    second = Modelfile([C("FROM", "x"), C("SYSTEM", "s")], base_dir="/elsewhere")
    assert first == second and hash(first) == hash(second)
    assert first != Modelfile.parse("FROM x\nSYSTEM t")
    assert first != "FROM x\nSYSTEM s"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text() | st.text(alphabet='FROMSYTEPAfromsytepa MESAGuserystm"#\n\r\t_-1.') | st.binary())
def test_parse_only_raises_request_error(text: str | bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            modelfile = Modelfile.parse(text)
        except RequestError:
            return
    assert Modelfile.parse(modelfile.to_text()) == modelfile


_values = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ['"', '""', '"""', ' "x" ', "a\nb", '"""\n"""', "  ", "x\r\ny", '"a"\nb"', "#", "\t"]
)
_commands = st.one_of(
    st.builds(
        Command, st.sampled_from(["FROM", "SYSTEM", "TEMPLATE", "LICENSE", "ADAPTER", "RENDERER"]), _values
    ),
    st.builds(Command, st.just("MESSAGE"), _values, st.sampled_from(["system", "user", "assistant"])),
    st.builds(Command, st.just("PARAMETER"), _values, st.just("stop")),
    st.builds(Command, st.just("PARAMETER"), st.integers(-(2**63), 2**63 - 1).map(str), st.just("num_ctx")),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_commands, max_size=6), _values)
def test_round_trip_generated(commands: list[Command], model: str) -> None:
    try:
        modelfile = Modelfile([C("FROM", model), *commands])
    except RequestError:
        assume(False)
        raise
    assert Modelfile.parse(modelfile.to_text()) == modelfile


# ---- conversion to /api/create fields -------------------------------------------------------------------


def _write(path: Path, data: bytes = b"\x00GGUF\x00\x01") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_create_fields_from_model_name(tmp_path: Path) -> None:
    text = (
        'FROM llama3.2\nTEMPLATE {{ .Prompt }}\nSYSTEM ""\nSYSTEM be nice\nLICENSE MIT\nPARAMETER stop a\n'
        "PARAMETER stop b\nPARAMETER temperature 0.7\nMESSAGE user hi\nMESSAGE assistant hello\n"
        "REQUIRES v0.14.1-rc.1+build.5\nRENDERER r\nPARSER p\n"
    )
    plan = Modelfile.parse(text).to_create_fields(base_dir=tmp_path)
    assert plan.fields == {
        "from": "llama3.2",
        "template": "{{ .Prompt }}",
        "system": "be nice",
        "requires": "0.14.1-rc.1+build.5",
        "renderer": "r",
        "parser": "p",
        "license": ["MIT"],
        "parameters": {"stop": ["a", "b"], "temperature": 0.7},
        "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
    }
    assert plan.files == plan.adapters == plan.draft_files == {}
    assert Modelfile.parse('FROM x\nSYSTEM ""').to_create_fields(tmp_path).fields == {"from": "x"}


def test_relative_paths_resolve_against_the_modelfile_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    weights = _write(tmp_path / "models" / "weights.gguf")
    adapter = _write(tmp_path / "models" / "lora" / "adapter.gguf")
    draft = _write(tmp_path / "models" / "small.gguf")
    modelfile_path = tmp_path / "models" / "Modelfile"
    modelfile_path.write_text("FROM ./weights.gguf\nADAPTER lora/adapter.gguf\nDRAFT ../models/small.gguf\n")
    monkeypatch.chdir(tmp_path)  # the working directory must not matter
    plan = Modelfile.from_path(modelfile_path).to_create_fields()
    assert plan.fields == {}
    assert plan.files == {"weights.gguf": weights}
    assert plan.adapters == {"adapter.gguf": adapter}
    assert plan.draft_files == {"small.gguf": draft}
    # Parsed from text, the same Modelfile resolves against the working directory or base_dir.
    text_plan = Modelfile.parse(modelfile_path.read_text()).to_create_fields(base_dir=tmp_path / "models")
    assert text_plan == plan
    assert Modelfile.parse("FROM ./weights.gguf").to_create_fields().fields == {"from": "./weights.gguf"}


def test_home_expansion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights = _write(tmp_path / "w.gguf")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert Modelfile.parse("FROM ~/w.gguf").to_create_fields(base_dir="/").files == {"w.gguf": weights}
    with pytest.raises(RequestError, match="failed to find user 'nosuchuser-ollixir'"):
        Modelfile.parse("FROM ~nosuchuser-ollixir/w.gguf").to_create_fields()


def test_safetensors_directory_scan(tmp_path: Path) -> None:
    root = tmp_path / "hf"
    expected = [
        _write(root / "model-00001-of-00002.safetensors"),
        _write(root / "model-00002-of-00002.safetensors"),
        _write(root / "vision" / "model.safetensors"),
        _write(root / "config.json", b'{"a": 1}'),
        _write(root / "tokenizer.json", b"{}"),
        _write(root / "text" / "config.json", b"{}"),
        _write(root / "chat_template.jinja", b"{{ messages }}"),
        _write(root / "tokenizer.model", b"\x00\x01binary"),
    ]
    _write(root / "README.md", b"# readme")
    _write(root / "pytorch_model.bin", b"PK\x03\x04zip")  # safetensors win over pytorch files
    _write(root / "deep" / "er" / "config.json", b"{}")  # only one level of nesting is scanned
    plan = Modelfile.parse(f"FROM {root}").to_create_fields()
    assert plan.fields == {}
    assert sorted(plan.files.values()) == sorted(expected)
    assert plan.files["vision/model.safetensors"] == root / "vision" / "model.safetensors"
    assert plan.files["text/config.json"] == root / "text" / "config.json"
    assert plan.files["tokenizer.model"] == root / "tokenizer.model"


@pytest.mark.parametrize(
    ("files", "chosen"),
    [
        ({"consolidated.safetensors": b"x", "a.gguf": b"\x00"}, ["consolidated.safetensors"]),
        ({"pytorch_model.bin": b"PK\x03\x04", "a.gguf": b"\x00"}, ["pytorch_model.bin"]),
        ({"pytorch_model.bin": b"not a zip", "a.gguf": b"\x00"}, ["a.gguf"]),  # wrong content: rule skipped
        ({"consolidated.00.pth": b"PK\x03\x04"}, ["consolidated.00.pth"]),
        ({"b.gguf": b"\x00", "a.gguf": b"\x01"}, ["a.gguf", "b.gguf"]),
        ({"weights.bin": b"\x00\x02"}, ["weights.bin"]),
    ],
)
def test_directory_rule_order(tmp_path: Path, files: dict[str, bytes], chosen: list[str]) -> None:
    for name, data in files.items():
        _write(tmp_path / name, data)
    plan = Modelfile.parse("FROM .").to_create_fields(base_dir=tmp_path)
    assert sorted(plan.files) == chosen


def test_directory_without_model_files(tmp_path: Path) -> None:
    _write(tmp_path / "notes.gguf", b"plain text is not GGUF")
    with pytest.raises(RequestError, match="no Modelfile or safetensors files found"):
        Modelfile.parse("FROM .").to_create_fields(base_dir=tmp_path)


def test_json_that_is_binary_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "model.safetensors")
    _write(tmp_path / "config.json", b"\x00\x01")
    with pytest.raises(RequestError, match="invalid content type"):
        Modelfile.parse("FROM .").to_create_fields(base_dir=tmp_path)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_out_of_the_model_directory_is_refused(tmp_path: Path) -> None:
    outside = _write(tmp_path / ".cache" / "blob")
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "model.safetensors").symlink_to(outside)
    with pytest.raises(RequestError, match=r"insecure path: \.\./\.cache/blob"):
        Modelfile.parse("FROM model").to_create_fields(base_dir=tmp_path)


def test_missing_adapter_and_draft(tmp_path: Path) -> None:
    with pytest.raises(RequestError, match="ADAPTER path does not exist"):
        Modelfile.parse("FROM x\nADAPTER nope.gguf").to_create_fields(base_dir=tmp_path)
    with pytest.raises(RequestError, match="DRAFT path does not exist"):
        Modelfile.parse("FROM x\nDRAFT nope").to_create_fields(base_dir=tmp_path)


def test_draft_must_differ_from_from(tmp_path: Path) -> None:
    _write(tmp_path / "m.gguf")
    with pytest.raises(RequestError, match="DRAFT must not reference the same local path as FROM"):
        Modelfile.parse("FROM ./m.gguf\nDRAFT m.gguf").to_create_fields(base_dir=tmp_path)


def test_several_from_lines_and_later_adapter_wins(tmp_path: Path) -> None:
    first = _write(tmp_path / "a" / "one.gguf")
    second = _write(tmp_path / "b" / "two.gguf")
    adapter = _write(tmp_path / "lora2.gguf")
    _write(tmp_path / "lora1.gguf")
    text = "FROM a/one.gguf\nFROM b/two.gguf\nFROM base-model\nADAPTER lora1.gguf\nADAPTER lora2.gguf"
    plan = Modelfile.parse(text).to_create_fields(base_dir=tmp_path)
    assert plan.fields == {"from": "base-model"}
    # Several files are named relative to their deepest common folder, with "/".
    assert plan.files == {"a/one.gguf": first, "b/two.gguf": second}
    assert plan.adapters == {"lora2.gguf": adapter}


def test_from_path_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelfileError, match="cannot read Modelfile"):
        Modelfile.from_path(tmp_path / "missing")
    (tmp_path / "Modelfile").write_text("FROM x\nNOPE y\n")
    with pytest.raises(ModelfileError, match=r"^\(line 2\): command must be one of"):
        Modelfile.from_path(tmp_path / "Modelfile")
