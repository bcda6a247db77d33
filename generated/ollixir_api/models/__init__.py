"""Contains all the data models used in inputs/outputs.

Each model's module is imported on first use: importing every model up front cost about 30 ms on a
client's first call. Type checkers see ordinary imports.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .chat_request import ChatRequest
    from .chat_response import ChatResponse
    from .chat_stream_chunk import ChatStreamChunk
    from .cloud_status import CloudStatus
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
    from .model_recommendation import ModelRecommendation
    from .model_recommendations_response import ModelRecommendationsResponse
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
    from .status_response import StatusResponse
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
    from .user_response import UserResponse
    from .version_response import VersionResponse
    from .web_fetch_request import WebFetchRequest
    from .web_fetch_response import WebFetchResponse
    from .web_search_request import WebSearchRequest
    from .web_search_response import WebSearchResponse
    from .web_search_result import WebSearchResult
else:
    import importlib

    _MODULES = {
        "ChatRequest": ".chat_request",
        "ChatResponse": ".chat_response",
        "ChatStreamChunk": ".chat_stream_chunk",
        "CloudStatus": ".cloud_status",
        "CopyRequest": ".copy_request",
        "CreateInfo": ".create_info",
        "CreateRequest": ".create_request",
        "DebugInfo": ".debug_info",
        "DeleteRequest": ".delete_request",
        "EmbedRequest": ".embed_request",
        "EmbedResponse": ".embed_response",
        "EmbeddingsRequest": ".embeddings_request",
        "EmbeddingsResponse": ".embeddings_response",
        "ErrorResponse": ".error_response",
        "FileDigests": ".file_digests",
        "FormatJson": ".format_json",
        "GenerateRequest": ".generate_request",
        "GenerateResponse": ".generate_response",
        "GenerateStreamChunk": ".generate_stream_chunk",
        "JsonSchema": ".json_schema",
        "ListResponse": ".list_response",
        "Logprob": ".logprob",
        "Message": ".message",
        "ModelDetails": ".model_details",
        "ModelInfo": ".model_info",
        "ModelParameters": ".model_parameters",
        "ModelRecommendation": ".model_recommendation",
        "ModelRecommendationsResponse": ".model_recommendations_response",
        "ModelSummary": ".model_summary",
        "Options": ".options",
        "ProcessResponse": ".process_response",
        "ProgressResponse": ".progress_response",
        "ProjectorInfo": ".projector_info",
        "PullRequest": ".pull_request",
        "PushRequest": ".push_request",
        "ResponseMessage": ".response_message",
        "RunningModel": ".running_model",
        "ShowRequest": ".show_request",
        "ShowResponse": ".show_response",
        "StatusResponse": ".status_response",
        "Tensor": ".tensor",
        "ThinkLevel": ".think_level",
        "TokenLogprob": ".token_logprob",
        "Tool": ".tool",
        "ToolCall": ".tool_call",
        "ToolCallFunction": ".tool_call_function",
        "ToolCallFunctionArguments": ".tool_call_function_arguments",
        "ToolFunction": ".tool_function",
        "ToolParameters": ".tool_parameters",
        "ToolParametersDefs": ".tool_parameters_defs",
        "ToolParametersProperties": ".tool_parameters_properties",
        "UserResponse": ".user_response",
        "VersionResponse": ".version_response",
        "WebFetchRequest": ".web_fetch_request",
        "WebFetchResponse": ".web_fetch_response",
        "WebSearchRequest": ".web_search_request",
        "WebSearchResponse": ".web_search_response",
        "WebSearchResult": ".web_search_result",
    }

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(__all__)


__all__ = (
    "ChatRequest",
    "ChatResponse",
    "ChatStreamChunk",
    "CloudStatus",
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
    "ModelRecommendation",
    "ModelRecommendationsResponse",
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
    "StatusResponse",
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
    "UserResponse",
    "VersionResponse",
    "WebFetchRequest",
    "WebFetchResponse",
    "WebSearchRequest",
    "WebSearchResponse",
    "WebSearchResult",
)
