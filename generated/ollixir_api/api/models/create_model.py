from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_request import CreateRequest
from ...models.error_response import ErrorResponse
from ...models.progress_response import ProgressResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ProgressResponse | None:
    if response.status_code == 200:
        response_200 = ProgressResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ProgressResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRequest,
) -> Response[ErrorResponse | ProgressResponse]:
    """Create a model from an existing model or uploaded blobs.

     Streams NDJSON ProgressResponse lines unless `stream` is false, in which case only the last progress
    object (normally `{"status": "success"}`) is returned. Files must be uploaded with POST
    /api/blobs/{digest} first. Once streaming has started, failures arrive as an `{"error": "..."}` line
    under HTTP 200.

    Args:
        body (CreateRequest): Request of POST /api/create. Give `model` (optional here only
            because the deprecated `name` may replace it) and `from` or `files`; `from` wins when both
            are given. The legacy `modelfile` and `path` fields are gone (ignored by the server).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProgressResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRequest,
) -> ErrorResponse | ProgressResponse | None:
    """Create a model from an existing model or uploaded blobs.

     Streams NDJSON ProgressResponse lines unless `stream` is false, in which case only the last progress
    object (normally `{"status": "success"}`) is returned. Files must be uploaded with POST
    /api/blobs/{digest} first. Once streaming has started, failures arrive as an `{"error": "..."}` line
    under HTTP 200.

    Args:
        body (CreateRequest): Request of POST /api/create. Give `model` (optional here only
            because the deprecated `name` may replace it) and `from` or `files`; `from` wins when both
            are given. The legacy `modelfile` and `path` fields are gone (ignored by the server).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProgressResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRequest,
) -> Response[ErrorResponse | ProgressResponse]:
    """Create a model from an existing model or uploaded blobs.

     Streams NDJSON ProgressResponse lines unless `stream` is false, in which case only the last progress
    object (normally `{"status": "success"}`) is returned. Files must be uploaded with POST
    /api/blobs/{digest} first. Once streaming has started, failures arrive as an `{"error": "..."}` line
    under HTTP 200.

    Args:
        body (CreateRequest): Request of POST /api/create. Give `model` (optional here only
            because the deprecated `name` may replace it) and `from` or `files`; `from` wins when both
            are given. The legacy `modelfile` and `path` fields are gone (ignored by the server).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProgressResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRequest,
) -> ErrorResponse | ProgressResponse | None:
    """Create a model from an existing model or uploaded blobs.

     Streams NDJSON ProgressResponse lines unless `stream` is false, in which case only the last progress
    object (normally `{"status": "success"}`) is returned. Files must be uploaded with POST
    /api/blobs/{digest} first. Once streaming has started, failures arrive as an `{"error": "..."}` line
    under HTTP 200.

    Args:
        body (CreateRequest): Request of POST /api/create. Give `model` (optional here only
            because the deprecated `name` may replace it) and `from` or `files`; `from` wins when both
            are given. The legacy `modelfile` and `path` fields are gone (ignored by the server).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProgressResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
