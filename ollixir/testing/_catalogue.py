"""The default models of the test server (summarised in the ``ollixir.testing`` docstring).

Installed on a fresh server (``/api/tags`` lists them newest ``modified_at`` first, i.e. in the order
below, since the first one is given the newest time):

==================  ===========================================  ==========  =========
name                capabilities                                 ctx         embedding
==================  ===========================================  ==========  =========
llama3.2:latest     completion, tools                            131072      3072
qwen3:latest        completion, tools, thinking                  40960       4096
llava:latest        completion, vision                           32768       4096
codellama:code      completion, insert                           16384       4096
all-minilm:latest   embedding                                    256         384
nomic-embed-text    embedding                                    2048        768
==================  ===========================================  ==========  =========

Registry only (``/api/pull`` installs them):

==================  ===========================================  ==========  ==
``/api/experimental/model-recommendations`` answers :data:`DEFAULT_RECOMMENDATIONS` (unless the server
was given ``recommendations=``): two cloud models with their limits, one of them needing a paid plan,
then two catalogue models with the memory they need (their ``size`` rounded up to whole GiB, plus one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ._fake import FakeModel

__all__ = ["DEFAULT_MODELS", "DEFAULT_RECOMMENDATIONS", "REGISTRY_ONLY", "VERSION", "FakeRecommendation"]

VERSION: Final = "0.33.0-rc2"

_LLAMA_TEMPLATE: Final = (
    "{{- if .System }}<|start_header_id|>system<|end_header_id|>\n\n{{ .System }}<|eot_id|>{{ end }}"
    "{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n{{ .Content }}<|eot_id|>"
    "{{ end }}<|start_header_id|>assistant<|end_header_id|>\n\n"
    "{{- if .Tools }}{{ range .Tools }}{{ . }}{{ end }}{{ end }}"
)
_QWEN_TEMPLATE: Final = (
    "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ if .Thinking }}<think>{{ .Thinking }}</think>{{ end }}"
    "{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n{{- if .Tools }}{{ .Tools }}{{ end }}"
)
_GEMMA_TEMPLATE: Final = (
    '{{- range .Messages }}<start_of_turn>{{ if eq .Role "assistant" }}model{{ else }}{{ .Role }}{{ end }}\n'
    "{{ .Content }}<end_of_turn>\n{{ end }}<start_of_turn>model\n"
)
_CODE_TEMPLATE: Final = (
    "{{- if .Suffix }}<PRE> {{ .Prompt }} <SUF>{{ .Suffix }} <MID>{{- else }}{{ .Prompt }}{{- end }}"
)

DEFAULT_MODELS: Final = (
    FakeModel(
        "llama3.2:latest",
        ("completion", "tools"),
        family="llama",
        parameter_size="3.2B",
        context_length=131072,
        embedding_length=3072,
        template=_LLAMA_TEMPLATE,
        parameters={"stop": ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]},
        license="LLAMA 3.2 COMMUNITY LICENSE AGREEMENT (fake copy for tests)",
        size=2019393189,
    ),
    FakeModel(
        "qwen3:latest",
        ("completion", "tools", "thinking"),
        family="qwen3",
        parameter_size="8.2B",
        context_length=40960,
        embedding_length=4096,
        template=_QWEN_TEMPLATE,
        parameters={
            "temperature": 0.6,
            "top_k": 20,
            "top_p": 0.95,
            "repeat_penalty": 1,
            "stop": ["<|im_end|>"],
        },
        license="Apache License 2.0 (fake copy for tests)",
        size=5225388164,
    ),
    FakeModel(
        "llava:latest",
        ("completion", "vision"),
        family="llama",
        families=("llama", "clip"),
        parameter_size="7B",
        quantization_level="Q4_0",
        context_length=32768,
        embedding_length=4096,
        template="[INST] {{ if .System }}{{ .System }} {{ end }}{{ .Prompt }} [/INST]",
        parameters={"stop": ["[INST]", "[/INST]"]},
        size=4733363377,
    ),
    FakeModel(
        "codellama:code",
        ("completion", "insert"),
        family="llama",
        parameter_size="7B",
        quantization_level="Q4_0",
        context_length=16384,
        embedding_length=4096,
        template=_CODE_TEMPLATE,
        parameters={"stop": ["<EOT>"], "rope_frequency_base": 1000000},
        size=3825910662,
    ),
    FakeModel(
        "all-minilm:latest",
        ("embedding",),
        family="bert",
        parameter_size="23M",
        quantization_level="F16",
        context_length=256,
        embedding_length=384,
        template="",
        size=45960996,
    ),
    FakeModel(
        "nomic-embed-text:latest",
        ("embedding",),
        family="nomic-bert",
        parameter_size="137M",
        quantization_level="F16",
        context_length=2048,
        embedding_length=768,
        template="",
        size=274302450,
    ),
)
"""The fake models installed on a fresh test server (and pullable)."""

REGISTRY_ONLY: Final = (
    FakeModel(
        "tinyllama:latest",
        ("completion",),
        family="llama",
        parameter_size="1B",
        quantization_level="Q4_0",
        context_length=2048,
        embedding_length=2048,
        template="<|system|>\n{{ .System }}</s>\n<|user|>\n{{ .Prompt }}</s>\n<|assistant|>\n",
        parameters={"stop": ["<|system|>", "<|user|>", "<|assistant|>", "</s>"]},
        size=637700138,
    ),
    FakeModel(
        "smollm2:135m",
        ("completion", "tools"),
        family="llama",
        parameter_size="134.52M",
        quantization_level="F16",
        context_length=8192,
        embedding_length=576,
        template="{{ .Prompt }}{{ if .Tools }}{{ .Tools }}{{ end }}",
        size=270898672,
    ),
    FakeModel(
        "gemma3:latest",
        ("completion", "vision"),
        family="gemma3",
        parameter_size="4.3B",
        context_length=131072,
        embedding_length=2560,
        template=_GEMMA_TEMPLATE,
        parameters={"stop": ["<end_of_turn>"], "temperature": 1, "top_k": 64, "top_p": 0.95},
        license="Gemma Terms of Use (fake copy for tests)",
        size=3338801804,
    ),
    FakeModel(
        "gpt-oss:latest",
        ("completion", "tools", "thinking"),
        family="gptoss",
        parameter_size="20.9B",
        quantization_level="MXFP4",
        context_length=131072,
        embedding_length=2880,
        template="{{ .Prompt }}{{ if .Tools }}{{ .Tools }}{{ end }}",
        parameters={"temperature": 1},
        license="Apache License 2.0 (fake copy for tests)",
        size=13780173839,
    ),
)
"""Fake models a test server can pull but has not installed."""


@dataclass(frozen=True)
class FakeRecommendation:
    """One entry of ``/api/experimental/model-recommendations`` (``api.ModelRecommendation``).

    Zero numbers and an empty ``required_plan`` are left out of the answer, as the server's JSON tags say.
    """

    model: str
    description: str
    context_length: int = 0
    max_output_tokens: int = 0
    vram_bytes: int = 0
    required_plan: str = ""

    def wire(self) -> dict[str, object]:
        body: dict[str, object] = {"model": self.model, "description": self.description}
        for key in ("context_length", "max_output_tokens", "vram_bytes", "required_plan"):
            value = getattr(self, key)
            if value:
                body[key] = value
        return body


_GIB: Final = 1 << 30

DEFAULT_RECOMMENDATIONS: Final = (
    FakeRecommendation(
        "gpt-oss:120b-cloud",
        "Open-weight reasoning model served from ollama.com",
        context_length=131072,
        max_output_tokens=32768,
    ),
    FakeRecommendation(
        "qwen3-coder:480b-cloud",
        "Large coding model served from ollama.com",
        context_length=262144,
        max_output_tokens=65536,
        required_plan="pro",
    ),
    FakeRecommendation("qwen3:latest", "Thinking and tool use locally", vram_bytes=6 * _GIB),
    FakeRecommendation("llama3.2:latest", "Small general model locally", vram_bytes=3 * _GIB),
)
"""The answers of ``/api/experimental/model-recommendations`` on a fresh test server."""
