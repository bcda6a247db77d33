from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.progress_response import ProgressResponse
from ...models.push_request import PushRequest
from ...types import Response


def _get_kwargs(
    *,
    body: PushRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/push",
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
    body: PushRequest,
) -> Response[ErrorResponse | ProgressResponse]:
    """Upload a model to a registry namespace you own.

     Streams NDJSON ProgressResponse lines unless `stream` is false. Only a missing name fails with a
    status (400); everything else, authorization failures included, is an `{"error": "..."}` stream line
    under HTTP 200, or a 500 when not streaming.

    Args:
        body (PushRequest): Request of POST /api/push. Give `model` as namespace/model:tag
            (optional here only because the deprecated `name` may replace it).

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
    body: PushRequest,
) -> ErrorResponse | ProgressResponse | None:
    """Upload a model to a registry namespace you own.

     Streams NDJSON ProgressResponse lines unless `stream` is false. Only a missing name fails with a
    status (400); everything else, authorization failures included, is an `{"error": "..."}` stream line
    under HTTP 200, or a 500 when not streaming.

    Args:
        body (PushRequest): Request of POST /api/push. Give `model` as namespace/model:tag
            (optional here only because the deprecated `name` may replace it).

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
    body: PushRequest,
) -> Response[ErrorResponse | ProgressResponse]:
    """Upload a model to a registry namespace you own.

     Streams NDJSON ProgressResponse lines unless `stream` is false. Only a missing name fails with a
    status (400); everything else, authorization failures included, is an `{"error": "..."}` stream line
    under HTTP 200, or a 500 when not streaming.

    Args:
        body (PushRequest): Request of POST /api/push. Give `model` as namespace/model:tag
            (optional here only because the deprecated `name` may replace it).

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
    body: PushRequest,
) -> ErrorResponse | ProgressResponse | None:
    """Upload a model to a registry namespace you own.

     Streams NDJSON ProgressResponse lines unless `stream` is false. Only a missing name fails with a
    status (400); everything else, authorization failures included, is an `{"error": "..."}` stream line
    under HTTP 200, or a 500 when not streaming.

    Args:
        body (PushRequest): Request of POST /api/push. Give `model` as namespace/model:tag
            (optional here only because the deprecated `name` may replace it).

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
