"""Request bodies (and shared fragments) for the spec round-trip tests.

Bodies marked "doc" are copied from the wire-protocol reference (shared/ollama-api.md) (with its "..." placeholders filled
in); the rest are realistic bodies per endpoint. Each entry is (schema name, JSON body).
Responses live in spec_examples_responses.py.
"""

from typing import Any

JSON = dict[str, Any]

# ---------------------------------------------------------------- shared fragments

# doc §2.10
DETAILS: JSON = {
    "parent_model": "",
    "format": "gguf",
    "family": "llama",
    "families": ["llama"],
    "parameter_size": "3.2B",
    "quantization_level": "Q4_K_M",
    "context_length": 131072,
    "embedding_length": 3072,
}

# doc §2.7
TOOL: JSON = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get the current weather for a city",
        "parameters": {
            "type": "object",
            "$defs": {"unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
            "items": {"type": "string"},
            "required": ["city"],
            "properties": {
                "city": {
                    "type": "string",
                    "description": "The name of the city",
                    "enum": ["Tokyo", "Paris"],
                    "items": {"type": "string"},
                    "anyOf": [{"type": "string"}],
                    "properties": {"country": {"type": "string"}},
                    "required": ["country"],
                },
                "unit": {"type": ["string", "null"], "description": "Unit"},
            },
        },
    },
    "items": {"type": "object"},
}

# doc §2.7
TOOL_CALL: JSON = {
    "id": "call_k3x9q2ab",
    "function": {"index": 0, "name": "get_weather", "arguments": {"city": "Tokyo"}},
}

# doc §2.8
LOGPROBS: list[JSON] = [
    {
        "token": "Hello",
        "logprob": -0.012,
        "bytes": [72, 101, 108, 108, 111],
        "top_logprobs": [
            {"token": "Hello", "logprob": -0.012, "bytes": [72, 101, 108, 108, 111]},
            {"token": "Hi", "logprob": -4.5, "bytes": [72, 105]},
        ],
    },
    {"token": "", "logprob": -0.5},
]

ALL_OPTIONS: JSON = {
    "num_keep": 5,
    "seed": 42,
    "num_predict": 100,
    "top_k": 20,
    "top_p": 0.9,
    "min_p": 0.0,
    "typical_p": 0.7,
    "repeat_last_n": 33,
    "temperature": 0.8,
    "repeat_penalty": 1.2,
    "presence_penalty": 1.5,
    "frequency_penalty": 1.0,
    "stop": ["\n", "user:"],
    "num_ctx": 1024,
    "num_batch": 2,
    "num_gpu": 1,
    "main_gpu": 0,
    "use_mmap": True,
    "num_thread": 8,
    "draft_num_predict": 4,
}

# ---------------------------------------------------------------- requests

REQUESTS: list[tuple[str, JSON]] = [
    # /api/generate
    ("GenerateRequest", {"model": "llama3.2", "prompt": "Why is the sky blue?", "stream": False}),
    ("GenerateRequest", {"model": "llama3.2"}),  # doc §4: load
    ("GenerateRequest", {"model": "llama3.2", "keep_alive": 0}),  # doc §4: unload
    ("GenerateRequest", {"model": "llama3.2", "keep_alive": -1, "stream": True}),
    (
        "GenerateRequest",
        {
            "model": "codellama:code",
            "prompt": "def compute_gcd(a, b):",
            "suffix": "    return result",
            "system": "You are a coder.",
            "template": "{{ .Prompt }}",
            "context": [1, 2, 3],
            "stream": True,
            "format": "json",
            "keep_alive": "5m",
            "images": [
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
            ],
            "options": ALL_OPTIONS,
            "think": "high",
            "truncate": False,
            "shift": False,
            "logprobs": True,
            "top_logprobs": 3,
            "_debug_render_only": True,
        },
    ),
    ("GenerateRequest", {"model": "llama3.2", "prompt": "hi", "raw": True, "stream": False, "think": False}),
    (
        "GenerateRequest",
        {
            "model": "llama3.2",
            "prompt": "Ollama is 22 days old. Respond using JSON",
            "stream": False,
            "format": {
                "type": "object",
                "properties": {"age": {"type": "integer"}, "available": {"type": "boolean"}},
                "required": ["age", "available"],
            },
            "keep_alive": 1.5,
        },
    ),
    # /api/chat
    (
        "ChatRequest",
        {
            "model": "llama3.2",
            "messages": [{"role": "user", "content": "why is the sky blue?"}],
            "stream": False,
        },
    ),
    ("ChatRequest", {"model": "llama3.2", "messages": []}),  # doc §4: load
    ("ChatRequest", {"model": "llama3.2", "messages": [], "keep_alive": "0"}),  # doc §4: unload
    (
        "ChatRequest",
        {
            "model": "qwen3",
            "messages": [
                {"role": "system", "content": "You are helpful."},
                {"role": "user", "content": "What is the weather in Tokyo?", "images": ["aGVsbG8="]},
                {"role": "assistant", "content": "", "thinking": "Need the tool.", "tool_calls": [TOOL_CALL]},
                # doc §5: tool round trip
                {
                    "role": "tool",
                    "content": "11 degrees",
                    "tool_name": "get_weather",
                    "tool_call_id": "call_k3x9q2ab",
                },
                {"role": "assistant", "tool_calls": [{"function": {"name": "get_weather", "arguments": {}}}]},
            ],
            "tools": [TOOL],
            "format": {"type": "object"},
            "options": {"temperature": 0, "seed": 1, "numa": True},
            "stream": True,
            "keep_alive": "1h30m",
            "think": True,
            "truncate": True,
            "shift": True,
            "logprobs": True,
            "top_logprobs": 20,
            "_debug_render_only": False,
        },
    ),
    (
        "ChatRequest",
        {"model": "gpt-oss:20b", "messages": [{"role": "user", "content": "hi"}], "think": "max"},
    ),
    (
        "ChatRequest",
        {"model": "m", "messages": [{"role": "user", "content": "x"}], "think": "low", "keep_alive": "-1m"},
    ),
    (
        "ChatRequest",
        {
            "model": "m",
            "messages": [{"role": "user", "content": "x"}],
            "think": "medium",
            "keep_alive": "300ms",
        },
    ),
    # /api/embed
    ("EmbedRequest", {"model": "all-minilm", "input": "Why is the sky blue?"}),
    (
        "EmbedRequest",
        {
            "model": "all-minilm",
            "input": ["Why is the sky blue?", "Why is the grass green?"],
            "truncate": False,
            "dimensions": 256,
            "keep_alive": 300,
            "options": {"num_ctx": 512},
        },
    ),
    ("EmbedRequest", {"model": "all-minilm", "input": []}),
    # /api/embeddings
    ("EmbeddingsRequest", {"model": "all-minilm", "prompt": "Here is an article about llamas..."}),
    ("EmbeddingsRequest", {"model": "all-minilm", "prompt": "", "keep_alive": "10m", "options": {"seed": 3}}),
    # /api/show
    ("ShowRequest", {"model": "llava"}),
    ("ShowRequest", {"model": "llava", "verbose": True, "system": "Be brief.", "options": {"num_ctx": 8192}}),
    ("ShowRequest", {"name": "llava", "template": "ignored"}),
    # /api/create
    (
        "CreateRequest",
        {"model": "mario", "from": "llama3.2", "system": "You are Mario from Super Mario Bros."},
    ),
    ("CreateRequest", {"name": "x", "modelfile": "FROM llama3"}),  # doc §3.11: legacy (unknown key kept)
    (
        "CreateRequest",
        {
            "model": "my-gguf-model",
            "files": {"test.gguf": "sha256:432f310a77f4650a88d0fd59ecdd7cebed8d684bafea53cbff0473542964f0c3"},
            "adapters": {
                "adapter.gguf": "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            },
            "draft_files": {
                "draft/model.gguf": "sha256:29fdb92e57cf082e0cc27ed7fa5d4a0b4a4b9e4b7ca8b4e0b2f2f5b1f9f5b8a4"
            },
            "draft_quantize": "q8_0",
            "quantize": "q4_K_M",
            "template": "{{ .Prompt }}",
            "system": "sys",
            "license": ["MIT", "Apache-2.0"],
            "parameters": {"temperature": 0.7, "stop": ["<|eot_id|>"], "num_ctx": 4096},
            "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
            "renderer": "qwen3-coder",
            "parser": "qwen3-coder",
            "requires": "0.14.0",
            "info": {
                "capabilities": ["completion", "tools"],
                "model_family": "llama",
                "base_name": "Llama",
                "quantization_level": "Q4_K_M",
                "parameter_size": "8B",
                "context_length": 8192,
                "embedding_length": 4096,
            },
            "stream": True,
        },
    ),
    (
        "CreateRequest",
        {"model": "stub", "from": "gpt-oss:120b", "remote_host": "ollama.com", "stream": False},
    ),
    ("CreateRequest", {"model": "q", "from": "llama3.2:f16", "quantization": "q8_0", "license": "MIT"}),
    # /api/copy, /api/delete: doc §3.12, §3.13
    ("CopyRequest", {"source": "llama3.2", "destination": "llama3-backup"}),
    ("DeleteRequest", {"model": "llama3:13b"}),
    ("DeleteRequest", {"name": "llama3:13b"}),
    # /api/pull, /api/push
    ("PullRequest", {"model": "llama3.2", "stream": True}),
    (
        "PullRequest",
        {"name": "llama3.2", "insecure": True, "stream": False, "username": "u", "password": "p"},
    ),
    ("PushRequest", {"model": "mattw/pygmalion:latest", "stream": True}),
    ("PushRequest", {"name": "mattw/pygmalion:latest", "insecure": False, "username": "u", "password": "p"}),
    # ollama.com: doc §3.22
    ("WebSearchRequest", {"query": "what is ollama?", "max_results": 5}),
    ("WebSearchRequest", {"query": "what is ollama?"}),
    ("WebFetchRequest", {"url": "https://ollama.com"}),
    # the local experimental proxies forward the same bodies: doc §3.20
    ("WebSearchRequest", {"query": "ollama tool calling", "max_results": 10}),
    ("WebFetchRequest", {"url": "ollama.com"}),
]
