from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    encoded_key: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/user/keys/{encoded_key}".format(
            encoded_key=quote(str(encoded_key), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | None | None:
    if response.status_code == 200:
        response_200 = cast(None, response.json())
        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | None]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    encoded_key: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | None]:
    """Deprecated alias of POST /api/signout.

     Same handler as POST /api/signout; the path parameter is ignored (the server always disconnects its
    own key).

    Args:
        encoded_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | None]
    """

    kwargs = _get_kwargs(
        encoded_key=encoded_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    encoded_key: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | None | None:
    """Deprecated alias of POST /api/signout.

     Same handler as POST /api/signout; the path parameter is ignored (the server always disconnects its
    own key).

    Args:
        encoded_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | None
    """

    return sync_detailed(
        encoded_key=encoded_key,
        client=client,
    ).parsed


async def asyncio_detailed(
    encoded_key: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | None]:
    """Deprecated alias of POST /api/signout.

     Same handler as POST /api/signout; the path parameter is ignored (the server always disconnects its
    own key).

    Args:
        encoded_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | None]
    """

    kwargs = _get_kwargs(
        encoded_key=encoded_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    encoded_key: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | None | None:
    """Deprecated alias of POST /api/signout.

     Same handler as POST /api/signout; the path parameter is ignored (the server always disconnects its
    own key).

    Args:
        encoded_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | None
    """

    return (
        await asyncio_detailed(
            encoded_key=encoded_key,
            client=client,
        )
    ).parsed
