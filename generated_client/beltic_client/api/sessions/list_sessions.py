from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.list_sessions_filterentity_type import ListSessionsFilterentityType
from ...models.list_sessions_pagetotal import ListSessionsPagetotal
from ...models.session_list import SessionList
from ...models.session_status import SessionStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filterstatus: SessionStatus | str | Unset = UNSET,
    filterentity_type: ListSessionsFilterentityType | Unset = UNSET,
    filteraccount: str | Unset = UNSET,
    filtersession_device: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    pagetotal: ListSessionsPagetotal | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_filterstatus: str | Unset
    if isinstance(filterstatus, Unset):
        json_filterstatus = UNSET
    elif isinstance(filterstatus, SessionStatus):
        json_filterstatus = filterstatus.value
    else:
        json_filterstatus = filterstatus
    params["filter[status]"] = json_filterstatus

    json_filterentity_type: str | Unset = UNSET
    if not isinstance(filterentity_type, Unset):
        json_filterentity_type = filterentity_type.value

    params["filter[entity_type]"] = json_filterentity_type

    params["filter[account]"] = filteraccount

    params["filter[session_device]"] = filtersession_device

    params["page[size]"] = pagesize

    params["page[after]"] = pageafter

    params["page[before]"] = pagebefore

    json_pagetotal: str | Unset = UNSET
    if not isinstance(pagetotal, Unset):
        json_pagetotal = pagetotal.value

    params["page[total]"] = json_pagetotal

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/sessions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Errors | SessionList | None:
    if response.status_code == 200:
        response_200 = SessionList.from_dict(response.json())

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
) -> Response[Errors | SessionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    filterstatus: SessionStatus | str | Unset = UNSET,
    filterentity_type: ListSessionsFilterentityType | Unset = UNSET,
    filteraccount: str | Unset = UNSET,
    filtersession_device: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    pagetotal: ListSessionsPagetotal | Unset = UNSET,
) -> Response[Errors | SessionList]:
    """List sessions, newest first

    Args:
        filterstatus (SessionStatus | str | Unset):
        filterentity_type (ListSessionsFilterentityType | Unset):
        filteraccount (str | Unset):
        filtersession_device (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        pagetotal (ListSessionsPagetotal | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | SessionList]
    """

    kwargs = _get_kwargs(
        filterstatus=filterstatus,
        filterentity_type=filterentity_type,
        filteraccount=filteraccount,
        filtersession_device=filtersession_device,
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        pagetotal=pagetotal,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    filterstatus: SessionStatus | str | Unset = UNSET,
    filterentity_type: ListSessionsFilterentityType | Unset = UNSET,
    filteraccount: str | Unset = UNSET,
    filtersession_device: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    pagetotal: ListSessionsPagetotal | Unset = UNSET,
) -> Errors | SessionList | None:
    """List sessions, newest first

    Args:
        filterstatus (SessionStatus | str | Unset):
        filterentity_type (ListSessionsFilterentityType | Unset):
        filteraccount (str | Unset):
        filtersession_device (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        pagetotal (ListSessionsPagetotal | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | SessionList
    """

    return sync_detailed(
        client=client,
        filterstatus=filterstatus,
        filterentity_type=filterentity_type,
        filteraccount=filteraccount,
        filtersession_device=filtersession_device,
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        pagetotal=pagetotal,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filterstatus: SessionStatus | str | Unset = UNSET,
    filterentity_type: ListSessionsFilterentityType | Unset = UNSET,
    filteraccount: str | Unset = UNSET,
    filtersession_device: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    pagetotal: ListSessionsPagetotal | Unset = UNSET,
) -> Response[Errors | SessionList]:
    """List sessions, newest first

    Args:
        filterstatus (SessionStatus | str | Unset):
        filterentity_type (ListSessionsFilterentityType | Unset):
        filteraccount (str | Unset):
        filtersession_device (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        pagetotal (ListSessionsPagetotal | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Errors | SessionList]
    """

    kwargs = _get_kwargs(
        filterstatus=filterstatus,
        filterentity_type=filterentity_type,
        filteraccount=filteraccount,
        filtersession_device=filtersession_device,
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        pagetotal=pagetotal,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    filterstatus: SessionStatus | str | Unset = UNSET,
    filterentity_type: ListSessionsFilterentityType | Unset = UNSET,
    filteraccount: str | Unset = UNSET,
    filtersession_device: str | Unset = UNSET,
    pagesize: str | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    pagetotal: ListSessionsPagetotal | Unset = UNSET,
) -> Errors | SessionList | None:
    """List sessions, newest first

    Args:
        filterstatus (SessionStatus | str | Unset):
        filterentity_type (ListSessionsFilterentityType | Unset):
        filteraccount (str | Unset):
        filtersession_device (str | Unset):
        pagesize (str | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        pagetotal (ListSessionsPagetotal | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Errors | SessionList
    """

    return (
        await asyncio_detailed(
            client=client,
            filterstatus=filterstatus,
            filterentity_type=filterentity_type,
            filteraccount=filteraccount,
            filtersession_device=filtersession_device,
            pagesize=pagesize,
            pageafter=pageafter,
            pagebefore=pagebefore,
            pagetotal=pagetotal,
        )
    ).parsed
