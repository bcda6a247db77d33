"""Response bodies and stream chunks for the spec round-trip tests.

Bodies marked "doc" are copied from the wire-protocol reference (shared/ollama-api.md) (with its "..." placeholders filled
in); the rest are realistic answers per endpoint. Each entry is (schema name, JSON body).
"""

from tests.spec_examples import DETAILS, JSON, LOGPROBS, TOOL_CALL

# ---------------------------------------------------------------- responses and stream chunks

T_UTC = "2026-08-21T10:00:00.123456789Z"
T_LOCAL = "2025-05-04T17:37:44.706015396-07:00"

RESPONSES: list[tuple[str, JSON]] = [
    # /api/generate, doc §3.4
    ("GenerateStreamChunk", {"model": "llama3.2", "created_at": T_UTC, "response": "The", "done": False}),
    (
        "GenerateStreamChunk",
        {
            "model": "deepseek-r1",
            "created_at": T_UTC,
            "response": "",
            "thinking": "Hmm",
            "done": False,
            "logprobs": LOGPROBS,
        },
    ),
    (
        "GenerateStreamChunk",
        {
            "model": "llama3.2",
            "created_at": T_UTC,
            "response": "",
            "done": True,
            "done_reason": "stop",
            "context": [1, 2, 3],
            "total_duration": 123,
            "load_duration": 4,
            "prompt_eval_count": 26,
            "prompt_eval_duration": 5,
            "eval_count": 259,
            "eval_duration": 6,
        },
    ),
    (
        "GenerateResponse",
        {
            "model": "qwen3",
            "created_at": "2026-08-21T10:00:01.5Z",
            "response": "It is sunny.",
            "thinking": "Let me check.",
            "done": True,
            "done_reason": "length",
            "total_duration": 5043500667,
            "eval_count": 290,
            "eval_duration": 4709213000,
            "tool_calls": [TOOL_CALL],
            "logprobs": LOGPROBS,
            "remote_model": "gpt-oss:120b",
            "remote_host": "https://ollama.com:443",
        },
    ),
    # doc §4: load / unload
    (
        "GenerateResponse",
        {"model": "llama3.2", "created_at": T_UTC, "response": "", "done": True, "done_reason": "load"},
    ),
    (
        "GenerateResponse",
        {"model": "llama3.2", "created_at": T_UTC, "response": "", "done": True, "done_reason": "unload"},
    ),
    # doc §3.4: the _debug_render_only answer
    (
        "GenerateResponse",
        {
            "model": "llama3.2",
            "created_at": T_UTC,
            "response": "",
            "done": False,
            "_debug_info": {"rendered_template": "<|user|>hi", "image_count": 1},
        },
    ),
    # /api/chat, doc §3.5
    (
        "ChatStreamChunk",
        {
            "model": "llama3.2",
            "created_at": T_UTC,
            "message": {"role": "assistant", "content": "The"},
            "done": False,
        },
    ),
    (
        "ChatStreamChunk",
        {
            "model": "qwen3",
            "created_at": T_UTC,
            "message": {
                "role": "assistant",
                "content": "",
                "thinking": "I should call it",
                "tool_calls": [TOOL_CALL],
            },
            "done": False,
            "logprobs": LOGPROBS,
        },
    ),
    (
        "ChatStreamChunk",
        {
            "model": "llama3.2",
            "created_at": T_UTC,
            "message": {"role": "assistant", "content": ""},
            "done": True,
            "done_reason": "stop",
            "total_duration": 4883583458,
            "load_duration": 1334875,
            "prompt_eval_count": 26,
            "prompt_eval_duration": 342546000,
            "eval_count": 282,
            "eval_duration": 4535599000,
        },
    ),
    (
        "ChatResponse",
        {
            "model": "llama3.2",
            "created_at": "2023-12-12T14:13:43.416799Z",
            "message": {"role": "assistant", "content": "Hello! How are you today?"},
            "done": True,
            "done_reason": "stop",
            "total_duration": 5191566416,
            "load_duration": 2154458,
            "prompt_eval_count": 26,
            "prompt_eval_duration": 383809000,
            "eval_count": 298,
            "eval_duration": 4799921000,
            "remote_model": "gpt-oss:120b",
            "remote_host": "https://ollama.com:443",
        },
    ),
    (
        "ChatResponse",
        {
            "model": "llama3.2",
            "created_at": T_UTC,
            "message": {"role": "assistant", "content": ""},
            "done": True,
            "done_reason": "load",
        },
    ),
    (
        "ChatResponse",
        {
            "model": "llama3.2",
            "created_at": T_UTC,
            "message": {"role": "assistant", "content": ""},
            "done": False,
            "_debug_info": {"rendered_template": "<|user|>hi"},
        },
    ),
    # /api/embed, doc §3.6
    (
        "EmbedResponse",
        {
            "model": "all-minilm",
            "embeddings": [[0.01, -0.002, 0.5], [0.3, 0.4, 0]],
            "total_duration": 14143917,
            "load_duration": 1019500,
            "prompt_eval_count": 8,
        },
    ),
    ("EmbedResponse", {"model": "x", "embeddings": []}),
    # /api/embeddings, doc §3.7
    ("EmbeddingsResponse", {"embedding": [0.5670403838157654, 0.009260174818336964, -0.2]}),
    ("EmbeddingsResponse", {"embedding": []}),
    # /api/tags, doc §3.8
    (
        "ListResponse",
        {
            "models": [
                {
                    "name": "llama3.2:latest",
                    "model": "llama3.2:latest",
                    "modified_at": T_LOCAL,
                    "size": 2019393189,
                    "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
                    "details": DETAILS,
                    "capabilities": ["completion", "tools"],
                },
                {
                    "name": "gpt-oss:120b-cloud",
                    "model": "gpt-oss:120b-cloud",
                    "modified_at": "2025-09-01T08:00:00Z",
                    "size": 384,
                    "digest": "569662207105d2d7e6b1e0f8c1d8d8f2d4d0b1e2c3f4a5b6c7d8e9f0a1b2c3d4",
                    "details": {
                        "parent_model": "",
                        "format": "",
                        "family": "",
                        "families": None,
                        "parameter_size": "",
                        "quantization_level": "",
                    },
                    "remote_model": "gpt-oss:120b",
                    "remote_host": "https://ollama.com:443",
                },
            ]
        },
    ),
    ("ListResponse", {"models": []}),
    # /api/ps, doc §3.9
    (
        "ProcessResponse",
        {
            "models": [
                {
                    "name": "mistral:latest",
                    "model": "mistral:latest",
                    "size": 5137025024,
                    "digest": "2ae6f6dd7a3dd734790bbbf58b8909a606e0e7e97e94b7604e0aa7ae4490e6d8",
                    "details": {
                        "parent_model": "",
                        "format": "gguf",
                        "family": "llama",
                        "families": ["llama"],
                        "parameter_size": "7.2B",
                        "quantization_level": "Q4_0",
                    },
                    "expires_at": "2024-06-04T14:38:31.83753-07:00",
                    "size_vram": 5137025024,
                    "context_length": 4096,
                }
            ]
        },
    ),
    ("ProcessResponse", {"models": []}),
    # /api/show, doc §3.10
    (
        "ShowResponse",
        {
            "license": "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT\nMIT",
            "modelfile": '# Modelfile generated by "ollama show"\nFROM /root/.ollama/models/blobs/sha256-dde5\n',
            "parameters": 'stop                           "<|eot_id|>"\ntemperature                    0.7',
            "template": "{{ .Prompt }}",
            "system": "You are helpful.",
            "renderer": "qwen3-coder",
            "parser": "qwen3-coder",
            "details": DETAILS,
            "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
            "remote_model": "gpt-oss:120b",
            "remote_host": "https://ollama.com:443",
            "model_info": {
                "general.architecture": "llama",
                "general.file_type": 2,
                "llama.context_length": 131072,
                "tokenizer.ggml.tokens": [],
            },
            "projector_info": {"clip.has_vision_encoder": True},
            "tensors": [{"name": "token_embd.weight", "type": "Q4_K", "shape": [3072, 128256]}],
            "capabilities": ["completion", "tools", "vision"],
            "modified_at": T_LOCAL,
            "requires": "0.14.0",
        },
    ),
    ("ShowResponse", {"details": DETAILS, "model_info": {}, "modified_at": T_LOCAL}),
    ("ShowResponse", {"details": DETAILS, "model_info": None, "modified_at": T_LOCAL}),
    # pull, push, create progress: doc §2.11, §3.11, §3.14, §3.15
    ("ProgressResponse", {"status": "pulling manifest"}),
    (
        "ProgressResponse",
        {
            "status": "pulling 6a0746a1ec1a",
            "digest": "sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa",
            "total": 4683073184,
            "completed": 241970,
        },
    ),
    (
        "ProgressResponse",
        {"status": "pulling 6a0746a1ec1a", "digest": "sha256:6a0746a1ec1a", "total": 4683073184},
    ),
    ("ProgressResponse", {"status": "verifying sha256 digest"}),
    ("ProgressResponse", {"status": "writing manifest"}),
    ("ProgressResponse", {"status": "removing unused layers"}),
    ("ProgressResponse", {"status": "success"}),
    ("ProgressResponse", {"status": "retrieving manifest"}),
    (
        "ProgressResponse",
        {
            "status": "pushing bc07c81de745",
            "digest": "sha256:bc07c81de745",
            "total": 1928429856,
            "completed": 1000,
        },
    ),
    ("ProgressResponse", {"status": "pushing manifest"}),
    ("ProgressResponse", {"status": "parsing GGUF"}),
    (
        "ProgressResponse",
        {
            "status": "quantizing F16 model to Q4_K_M",
            "digest": "0000000000000000000",
            "total": 100,
            "completed": 12,
        },
    ),
    (
        "ProgressResponse",
        {
            "status": "using existing layer sha256:dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff"
        },
    ),
    # /api/version, doc §3.2
    ("VersionResponse", {"version": "0.33.0-rc2"}),
    ("VersionResponse", {"version": "0.0.0"}),
    # ollama.com, doc §3.22
    (
        "WebSearchResponse",
        {
            "results": [
                {
                    "title": "Ollama",
                    "url": "https://ollama.com/",
                    "content": "Get up and running with large language models.",
                },
            ]
        },
    ),
    ("WebSearchResponse", {"results": []}),
    (
        "WebFetchResponse",
        {
            "title": "Ollama",
            "content": "Get up and running.",
            "links": ["https://ollama.com/blog", "https://github.com/ollama"],
        },
    ),
    ("WebFetchResponse", {"title": "Ollama", "content": "Get up and running."}),
    # /api/status, doc §3.3
    ("StatusResponse", {"cloud": {"disabled": False, "source": "none"}}),
    ("StatusResponse", {"cloud": {"disabled": True, "source": "both"}}),
    # /api/me, doc §3.18
    (
        "UserResponse",
        {
            "id": "3f1c2b9e-8a4d-4e57-9b0a-2d6c1e7f5a90",
            "email": "ada@example.com",
            "name": "ada",
            "bio": "Counting engines.",
            "avatarurl": "https://ollama.com/avatars/ada.png",
            "firstname": "Ada",
            "lastname": "Lovelace",
            "plan": "pro",
        },
    ),
    (
        "UserResponse",
        {"id": "00000000-0000-0000-0000-000000000000", "email": "", "name": "someone", "plan": "free"},
    ),
    # /api/experimental/model-recommendations, doc §3.21
    (
        "ModelRecommendationsResponse",
        {
            "recommendations": [
                {
                    "model": "kimi-k2.6:cloud",
                    "description": "Long-horizon coding",
                    "context_length": 262144,
                    "max_output_tokens": 262144,
                    "required_plan": "pro",
                },
                {"model": "gemma4", "description": "Reasoning locally", "vram_bytes": 12884901888},
                {"model": "qwen3.5", "description": "Coding locally"},
            ]
        },
    ),
    # errors, doc §1.3, §1.4, §3.4, §9, §10
    ("ErrorResponse", {"error": "model 'llama9' not found"}),
    (
        "ErrorResponse",
        {"error": "unauthorized", "signin_url": "https://ollama.com/connect?name=host&key=c3NoLWVk"},
    ),
    ("ErrorResponse", {"StatusCode": 429, "Status": "429 Too Many Requests", "error": "rate limit exceeded"}),
    ("ErrorResponse", {"error": "pull model manifest: file does not exist"}),
    # doc §3.18-3.20
    ("ErrorResponse", {"error": "account unavailable"}),
    ("ErrorResponse", {"error": "you are not currently signed in"}),
    ("ErrorResponse", {"error": "there was an error signing out"}),
    ("ErrorResponse", {"error": "unauthorized"}),
    ("ErrorResponse", {"error": "ollama cloud is disabled: web search is unavailable"}),
]

TIMESTAMP_KEYS = frozenset({"created_at", "modified_at", "expires_at"})
