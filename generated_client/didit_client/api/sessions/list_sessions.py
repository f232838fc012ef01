from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_sessions_session_kind_type_0 import ListSessionsSessionKindType0
from ...models.session_page import SessionPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    workflow_id: UUID | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    search: str | Unset = UNSET,
    session_kind: ListSessionsSessionKindType0 | str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["vendor_data"] = vendor_data

    params["status"] = status

    json_workflow_id: str | Unset = UNSET
    if not isinstance(workflow_id, Unset):
        json_workflow_id = str(workflow_id)
    params["workflow_id"] = json_workflow_id

    params["country"] = country

    params["date_from"] = date_from

    params["date_to"] = date_to

    params["search"] = search

    json_session_kind: str | Unset
    if isinstance(session_kind, Unset):
        json_session_kind = UNSET
    elif isinstance(session_kind, ListSessionsSessionKindType0):
        json_session_kind = session_kind.value
    else:
        json_session_kind = session_kind
    params["session_kind"] = json_session_kind

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/sessions/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SessionPage | None:
    if response.status_code == 200:
        response_200 = SessionPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SessionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    workflow_id: UUID | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    search: str | Unset = UNSET,
    session_kind: ListSessionsSessionKindType0 | str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[Error | SessionPage]:
    """List sessions, newest first

    Args:
        vendor_data (str | Unset):
        status (str | Unset):
        workflow_id (UUID | Unset):
        country (str | Unset):
        date_from (str | Unset):
        date_to (str | Unset):
        search (str | Unset):
        session_kind (ListSessionsSessionKindType0 | str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionPage]
    """

    kwargs = _get_kwargs(
        vendor_data=vendor_data,
        status=status,
        workflow_id=workflow_id,
        country=country,
        date_from=date_from,
        date_to=date_to,
        search=search,
        session_kind=session_kind,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    workflow_id: UUID | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    search: str | Unset = UNSET,
    session_kind: ListSessionsSessionKindType0 | str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Error | SessionPage | None:
    """List sessions, newest first

    Args:
        vendor_data (str | Unset):
        status (str | Unset):
        workflow_id (UUID | Unset):
        country (str | Unset):
        date_from (str | Unset):
        date_to (str | Unset):
        search (str | Unset):
        session_kind (ListSessionsSessionKindType0 | str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionPage
    """

    return sync_detailed(
        client=client,
        vendor_data=vendor_data,
        status=status,
        workflow_id=workflow_id,
        country=country,
        date_from=date_from,
        date_to=date_to,
        search=search,
        session_kind=session_kind,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    workflow_id: UUID | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    search: str | Unset = UNSET,
    session_kind: ListSessionsSessionKindType0 | str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[Error | SessionPage]:
    """List sessions, newest first

    Args:
        vendor_data (str | Unset):
        status (str | Unset):
        workflow_id (UUID | Unset):
        country (str | Unset):
        date_from (str | Unset):
        date_to (str | Unset):
        search (str | Unset):
        session_kind (ListSessionsSessionKindType0 | str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionPage]
    """

    kwargs = _get_kwargs(
        vendor_data=vendor_data,
        status=status,
        workflow_id=workflow_id,
        country=country,
        date_from=date_from,
        date_to=date_to,
        search=search,
        session_kind=session_kind,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    workflow_id: UUID | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    search: str | Unset = UNSET,
    session_kind: ListSessionsSessionKindType0 | str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Error | SessionPage | None:
    """List sessions, newest first

    Args:
        vendor_data (str | Unset):
        status (str | Unset):
        workflow_id (UUID | Unset):
        country (str | Unset):
        date_from (str | Unset):
        date_to (str | Unset):
        search (str | Unset):
        session_kind (ListSessionsSessionKindType0 | str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionPage
    """

    return (
        await asyncio_detailed(
            client=client,
            vendor_data=vendor_data,
            status=status,
            workflow_id=workflow_id,
            country=country,
            date_from=date_from,
            date_to=date_to,
            search=search,
            session_kind=session_kind,
            limit=limit,
            offset=offset,
        )
    ).parsed
