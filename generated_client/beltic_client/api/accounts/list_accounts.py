from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_list import AccountList
from ...models.errors import Errors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filterexternal_id: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filter[external_id]"] = filterexternal_id

    params["page[size]"] = pagesize

    params["page[after]"] = pageafter

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountList | Errors | None:
    if response.status_code == 200:
        response_200 = AccountList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Errors.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Errors.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Errors.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Errors.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountList | Errors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    filterexternal_id: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
) -> Response[AccountList | Errors]:
    """List accounts

    Args:
        filterexternal_id (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | Errors]
    """

    kwargs = _get_kwargs(
        filterexternal_id=filterexternal_id,
        pagesize=pagesize,
        pageafter=pageafter,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    filterexternal_id: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
) -> AccountList | Errors | None:
    """List accounts

    Args:
        filterexternal_id (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | Errors
    """

    return sync_detailed(
        client=client,
        filterexternal_id=filterexternal_id,
        pagesize=pagesize,
        pageafter=pageafter,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filterexternal_id: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
) -> Response[AccountList | Errors]:
    """List accounts

    Args:
        filterexternal_id (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | Errors]
    """

    kwargs = _get_kwargs(
        filterexternal_id=filterexternal_id,
        pagesize=pagesize,
        pageafter=pageafter,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    filterexternal_id: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
) -> AccountList | Errors | None:
    """List accounts

    Args:
        filterexternal_id (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | Errors
    """

    return (
        await asyncio_detailed(
            client=client,
            filterexternal_id=filterexternal_id,
            pagesize=pagesize,
            pageafter=pageafter,
        )
    ).parsed
