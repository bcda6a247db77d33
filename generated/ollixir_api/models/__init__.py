"""Contains all the data models used in inputs/outputs"""

from .chat_request import ChatRequest
from .chat_response import ChatResponse
from .chat_stream_chunk import ChatStreamChunk
from .copy_request import CopyRequest
from .create_info import CreateInfo
from .create_request import CreateRequest
from .debug_info import DebugInfo
from .delete_request import DeleteRequest
from .embed_request import EmbedRequest
from .embed_response import EmbedResponse
from .embeddings_request import EmbeddingsRequest
from .embeddings_response import EmbeddingsResponse
from .error_response import ErrorResponse
from .file_digests import FileDigests
from .format_json import FormatJson
from .generate_request import GenerateRequest
from .generate_response import GenerateResponse
from .generate_stream_chunk import GenerateStreamChunk
from .json_schema import JsonSchema
from .list_response import ListResponse
from .logprob import Logprob
from .message import Message
from .model_details import ModelDetails
from .model_info import ModelInfo
from .model_parameters import ModelParameters
from .model_summary import ModelSummary
from .options import Options
from .process_response import ProcessResponse
from .progress_response import ProgressResponse
from .projector_info import ProjectorInfo
from .pull_request import PullRequest
from .push_request import PushRequest
from .response_message import ResponseMessage
from .running_model import RunningModel
from .show_request import ShowRequest
from .show_response import ShowResponse
from .tensor import Tensor
from .think_level import ThinkLevel
from .token_logprob import TokenLogprob
from .tool import Tool
from .tool_call import ToolCall
from .tool_call_function import ToolCallFunction
from .tool_call_function_arguments import ToolCallFunctionArguments
from .tool_function import ToolFunction
from .tool_parameters import ToolParameters
from .tool_parameters_defs import ToolParametersDefs
from .tool_parameters_properties import ToolParametersProperties
from .version_response import VersionResponse
from .web_fetch_request import WebFetchRequest
from .web_fetch_response import WebFetchResponse
from .web_search_request import WebSearchRequest
from .web_search_response import WebSearchResponse
from .web_search_result import WebSearchResult

__all__ = (
    "ChatRequest",
    "ChatResponse",
    "ChatStreamChunk",
    "CopyRequest",
    "CreateInfo",
    "CreateRequest",
    "DebugInfo",
    "DeleteRequest",
    "EmbeddingsRequest",
    "EmbeddingsResponse",
    "EmbedRequest",
    "EmbedResponse",
    "ErrorResponse",
    "FileDigests",
    "FormatJson",
    "GenerateRequest",
    "GenerateResponse",
    "GenerateStreamChunk",
    "JsonSchema",
    "ListResponse",
    "Logprob",
    "Message",
    "ModelDetails",
    "ModelInfo",
    "ModelParameters",
    "ModelSummary",
    "Options",
    "ProcessResponse",
    "ProgressResponse",
    "ProjectorInfo",
    "PullRequest",
    "PushRequest",
    "ResponseMessage",
    "RunningModel",
    "ShowRequest",
    "ShowResponse",
    "Tensor",
    "ThinkLevel",
    "TokenLogprob",
    "Tool",
    "ToolCall",
    "ToolCallFunction",
    "ToolCallFunctionArguments",
    "ToolFunction",
    "ToolParameters",
    "ToolParametersDefs",
    "ToolParametersProperties",
    "VersionResponse",
    "WebFetchRequest",
    "WebFetchResponse",
    "WebSearchRequest",
    "WebSearchResponse",
    "WebSearchResult",
)
