"""Hand-written coverage tables for test_spec_coverage.py.

Written from the wire-protocol reference (shared/ollama-api.md) (§2 shared types, §3 endpoints, §10 errors). Field paths
are dotted JSON names; `name[]` steps into array items (see spec_walk.py). JSON-Schema keywords
inside tool parameter `properties` (type, enum, anyOf, ...) are free-form data, not API fields,
and are deliberately not listed.
"""

from collections.abc import Iterable


def under(prefix: str, names: Iterable[str]) -> list[str]:
    return [f"{prefix}.{name}" for name in names]


OPTIONS = [
    "num_keep", "seed", "num_predict", "top_k", "top_p", "min_p", "typical_p", "repeat_last_n",
    "temperature", "repeat_penalty", "presence_penalty", "frequency_penalty", "stop", "num_ctx",
    "num_batch", "num_gpu", "main_gpu", "use_mmap", "num_thread", "draft_num_predict",
]  # fmt: skip
TOOL_CALL = ["id", "function", "function.index", "function.name", "function.arguments"]
MESSAGE = [
    "role",
    "content",
    "thinking",
    "images",
    "tool_name",
    "tool_call_id",
    *under("tool_calls[]", TOOL_CALL),
]
TOKEN_LOGPROB = ["token", "logprob", "bytes"]
LOGPROB = [*TOKEN_LOGPROB, *under("top_logprobs[]", TOKEN_LOGPROB)]
METRICS = [
    "total_duration",
    "load_duration",
    "prompt_eval_count",
    "prompt_eval_duration",
    "eval_count",
    "eval_duration",
]
DEBUG_INFO = ["rendered_template", "image_count"]
DETAILS = [
    "parent_model", "format", "family", "families", "parameter_size", "quantization_level",
    "context_length", "embedding_length",
]  # fmt: skip
TOOL = [
    "type", "items", "function.name", "function.description", "function.parameters.type",
    "function.parameters.$defs", "function.parameters.items", "function.parameters.required",
    "function.parameters.properties",
]  # fmt: skip
PROGRESS = ["status", "digest", "total", "completed"]
INFERENCE_COMMON = ["keep_alive", *under("options", OPTIONS)]
SAMPLING_COMMON = [
    "format",
    "stream",
    "think",
    "truncate",
    "shift",
    "logprobs",
    "top_logprobs",
    "_debug_render_only",
]

# (method, path) -> fields of the JSON request body, of the 200 JSON answer (also checked against
# the NDJSON chunk schema where the endpoint streams), and the documented statuses.
ENDPOINTS: dict[tuple[str, str], dict[str, list[str]]] = {
    ("POST", "/api/generate"): {
        "request": [
            "model", "prompt", "suffix", "system", "template", "context", "raw", "images",
            *SAMPLING_COMMON, *INFERENCE_COMMON,
        ],
        "response": [
            "model", "created_at", "response", "thinking", "done", "done_reason", "context", *METRICS,
            "remote_model", "remote_host", *under("logprobs[]", LOGPROB), *under("tool_calls[]", TOOL_CALL),
            *under("_debug_info", DEBUG_INFO),
        ],
        "statuses": ["200", "400", "401", "403", "404", "429", "499", "500", "502", "503"],
    },
    ("POST", "/api/chat"): {
        "request": [
            "model", *under("messages[]", MESSAGE), *under("tools[]", TOOL), *SAMPLING_COMMON, *INFERENCE_COMMON,
        ],
        "response": [
            "model", "created_at", *under("message", MESSAGE), "done", "done_reason", *METRICS, "remote_model",
            "remote_host", *under("logprobs[]", LOGPROB), *under("_debug_info", DEBUG_INFO),
        ],
        "statuses": ["200", "400", "401", "403", "404", "429", "499", "500", "502", "503"],
    },
    ("POST", "/api/embed"): {
        "request": ["model", "input", "truncate", "dimensions", *INFERENCE_COMMON],
        "response": ["model", "embeddings", "total_duration", "load_duration", "prompt_eval_count"],
        "statuses": ["200", "400", "401", "403", "404", "429", "499", "500", "502", "503"],
    },
    ("POST", "/api/embeddings"): {
        "request": ["model", "prompt", *INFERENCE_COMMON],
        "response": ["embedding"],
        "statuses": ["200", "400", "401", "403", "404", "429", "499", "500", "502", "503"],
    },
    ("GET", "/api/tags"): {
        "request": [],
        "response": [
            *under("models[]", ["name", "model", "modified_at", "size", "digest", "capabilities"]),
            *under("models[]", ["remote_model", "remote_host"]), *under("models[].details", DETAILS),
        ],
        "statuses": ["200", "500"],
    },
    ("GET", "/api/ps"): {
        "request": [],
        "response": [
            *under("models[]", ["name", "model", "size", "digest", "expires_at", "size_vram", "context_length"]),
            *under("models[].details", DETAILS),
        ],
        "statuses": ["200"],
    },
    ("POST", "/api/show"): {
        "request": ["model", "name", "verbose", "system", "template", *under("options", OPTIONS)],
        "response": [
            "license", "modelfile", "parameters", "template", "system", "renderer", "parser",
            *under("details", DETAILS), *under("messages[]", MESSAGE), "remote_model", "remote_host",
            "model_info", "projector_info", "tensors[].name", "tensors[].type", "tensors[].shape",
            "capabilities", "modified_at", "requires",
        ],
        "statuses": ["200", "400", "401", "403", "404", "500", "502"],
    },
    ("POST", "/api/create"): {
        "request": [
            "model", "name", "from", "files", "adapters", "draft_files", "draft_quantize", "quantize",
            "quantization", "template", "system", "license", "parameters", *under("messages[]", MESSAGE),
            "renderer", "parser", "requires", "remote_host", "stream",
            *under("info", [
                "capabilities", "model_family", "base_name", "quantization_level", "parameter_size",
                "context_length", "embedding_length",
            ]),
        ],
        "response": PROGRESS,
        "statuses": ["200", "400", "500"],
    },
    ("POST", "/api/copy"): {"request": ["source", "destination"], "response": [], "statuses": ["200", "400", "404", "500"]},
    ("DELETE", "/api/delete"): {"request": ["model", "name"], "response": [], "statuses": ["200", "400", "404", "500"]},
    ("POST", "/api/pull"): {
        "request": ["model", "name", "insecure", "stream", "username", "password"],
        "response": PROGRESS,
        "statuses": ["200", "400", "500"],
    },
    ("POST", "/api/push"): {
        "request": ["model", "name", "insecure", "stream", "username", "password"],
        "response": PROGRESS,
        "statuses": ["200", "400", "500"],
    },
    ("HEAD", "/api/blobs/{digest}"): {"request": [], "response": [], "statuses": ["200", "400", "404"]},
    ("POST", "/api/blobs/{digest}"): {"request": [], "response": [], "statuses": ["200", "201", "400", "500"]},
    ("GET", "/api/version"): {"request": [], "response": ["version"], "statuses": ["200"]},
    ("POST", "/api/web_search"): {
        "request": ["query", "max_results"],
        "response": ["results[].title", "results[].url", "results[].content"],
        "statuses": ["200", "400", "401", "429", "500", "502"],
    },
    ("POST", "/api/web_fetch"): {
        "request": ["url"],
        "response": ["title", "content", "links"],
        "statuses": ["200", "400", "401", "429", "500", "502"],
    },
    # doc §3.1-3.3, §3.8: the inline handlers and the HEAD twins of GET routes
    ("GET", "/"): {"request": [], "response": [], "statuses": ["200"]},
    ("HEAD", "/"): {"request": [], "response": [], "statuses": ["200"]},
    ("HEAD", "/api/version"): {"request": [], "response": [], "statuses": ["200"]},
    ("HEAD", "/api/tags"): {"request": [], "response": [], "statuses": ["200", "500"]},
    ("GET", "/api/status"): {"request": [], "response": ["cloud.disabled", "cloud.source"], "statuses": ["200"]},
    # doc §3.18-3.19: account
    ("POST", "/api/me"): {
        "request": [],
        "response": ["id", "email", "name", "bio", "avatarurl", "firstname", "lastname", "plan"],
        "statuses": ["200", "401", "500", "503"],
    },
    ("POST", "/api/signout"): {"request": [], "response": [], "statuses": ["200", "401", "500"]},
    ("DELETE", "/api/user/keys/{encodedKey}"): {"request": [], "response": [], "statuses": ["200", "401", "500"]},
    # doc §3.20-3.21: experimental
    ("POST", "/api/experimental/web_search"): {
        "request": ["query", "max_results"],
        "response": ["results[].title", "results[].url", "results[].content"],
        "statuses": ["200", "400", "401", "403", "429", "500", "502"],
    },
    ("POST", "/api/experimental/web_fetch"): {
        "request": ["url"],
        "response": ["title", "content", "links"],
        "statuses": ["200", "400", "401", "403", "429", "500", "502"],
    },
    ("GET", "/api/experimental/model-recommendations"): {
        "request": [],
        "response": under("recommendations[]", [
            "model", "description", "context_length", "max_output_tokens", "vram_bytes", "required_plan",
        ]),
        "statuses": ["200"],
    },
}  # fmt: skip

# 200 answers whose JSON body is the literal null (no fields to list).
NULL_BODIES = {("POST", "/api/signout"), ("DELETE", "/api/user/keys/{encodedKey}")}
# 200 answers in text/plain.
TEXT_BODIES = {("GET", "/")}

STREAMING = {("POST", p) for p in ("/api/generate", "/api/chat", "/api/create", "/api/pull", "/api/push")}

OPERATION_IDS = {
    ("POST", "/api/generate"): ("generate", "inference"),
    ("POST", "/api/chat"): ("chat", "inference"),
    ("POST", "/api/embed"): ("embed", "inference"),
    ("POST", "/api/embeddings"): ("embeddings", "inference"),
    ("GET", "/api/tags"): ("listModels", "models"),
    ("GET", "/api/ps"): ("listRunning", "models"),
    ("POST", "/api/show"): ("showModel", "models"),
    ("POST", "/api/create"): ("createModel", "models"),
    ("POST", "/api/copy"): ("copyModel", "models"),
    ("DELETE", "/api/delete"): ("deleteModel", "models"),
    ("POST", "/api/pull"): ("pullModel", "models"),
    ("POST", "/api/push"): ("pushModel", "models"),
    ("HEAD", "/api/blobs/{digest}"): ("checkBlob", "blobs"),
    ("POST", "/api/blobs/{digest}"): ("createBlob", "blobs"),
    ("GET", "/api/version"): ("version", "server"),
    ("POST", "/api/web_search"): ("webSearch", "web"),
    ("POST", "/api/web_fetch"): ("webFetch", "web"),
    ("GET", "/"): ("heartbeat", "server"),
    ("HEAD", "/"): ("heartbeatHead", "server"),
    ("HEAD", "/api/version"): ("versionHead", "server"),
    ("HEAD", "/api/tags"): ("listModelsHead", "models"),
    ("GET", "/api/status"): ("serverStatus", "server"),
    ("POST", "/api/me"): ("whoami", "account"),
    ("POST", "/api/signout"): ("signout", "account"),
    ("DELETE", "/api/user/keys/{encodedKey}"): ("deleteUserKey", "account"),
    ("POST", "/api/experimental/web_search"): ("experimentalWebSearch", "web"),
    ("POST", "/api/experimental/web_fetch"): ("experimentalWebFetch", "web"),
    ("GET", "/api/experimental/model-recommendations"): ("modelRecommendations", "models"),
}

# Exact `required` lists: for requests what the server needs; for responses only what every release
# since v0.4.0 sends (evidence in openapi.yaml's x-release-evidence, checked by test_release_evidence).
REQUIRED = {
    "GenerateRequest": {"model"},
    "ChatRequest": {"model"},
    "EmbedRequest": {"model"},
    "EmbeddingsRequest": {"model"},
    "ShowRequest": set(),
    "CreateRequest": set(),
    "DeleteRequest": set(),
    "PullRequest": set(),
    "PushRequest": set(),
    "CopyRequest": {"source", "destination"},
    "WebSearchRequest": {"query"},
    "WebFetchRequest": {"url"},
    "Message": {"role"},
    "ResponseMessage": {"role", "content"},
    "Tool": {"function"},
    "ToolFunction": {"name"},
    "ToolCall": {"function"},
    "ToolCallFunction": {"name", "arguments"},
    "Logprob": {"token", "logprob"},
    "TokenLogprob": {"token", "logprob"},
    "ModelDetails": {"parent_model", "format", "family", "families", "parameter_size", "quantization_level"},
    "ErrorResponse": {"error"},
    "DebugInfo": {"rendered_template"},
    "Tensor": {"name", "type", "shape"},
    "ModelSummary": {"name", "model", "modified_at", "size", "digest", "details"},
    "RunningModel": {
        "name",
        "model",
        "size",
        "digest",
        "details",
        "expires_at",
        "size_vram",
    },
    "WebSearchResult": set(),
    "CreateInfo": set(),
    "Options": set(),
    "ProgressResponse": {"status"},
    "GenerateResponse": {"model", "created_at", "response", "done"},
    "GenerateStreamChunk": {"model", "created_at", "response", "done"},
    "ChatResponse": {"model", "created_at", "message", "done"},
    "ChatStreamChunk": {"model", "created_at", "message", "done"},
    "EmbedResponse": {"model", "embeddings"},
    "EmbeddingsResponse": {"embedding"},
    "ListResponse": {"models"},
    "ProcessResponse": {"models"},
    "ShowResponse": {"details", "modified_at"},
    "VersionResponse": {"version"},
    "WebSearchResponse": set(),
    "WebFetchResponse": set(),
    "StatusResponse": set(),
    "CloudStatus": set(),
    "UserResponse": set(),
    "ModelRecommendation": set(),
    "ModelRecommendationsResponse": set(),
}

NULLABLE = {
    ("ModelDetails", "families"),
    ("ShowResponse", "model_info"),
    ("ToolCallFunction", "arguments"),
    ("Options", "main_gpu"),
    ("Options", "use_mmap"),
    ("Tensor", "shape"),
}

DATE_TIMES = [
    ("POST", "/api/generate", "created_at"),
    ("POST", "/api/chat", "created_at"),
    ("GET", "/api/tags", "models[].modified_at"),
    ("GET", "/api/ps", "models[].expires_at"),
    ("POST", "/api/show", "modified_at"),
]
