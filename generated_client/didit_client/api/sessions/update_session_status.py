from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.update_status_request import UpdateStatusRequest
from ...models.update_status_response import UpdateStatusResponse
from ...types import Response


def _get_kwargs(
    session_id: str,
    *,
    body: UpdateStatusRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v3/session/{session_id}/update-status/".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UpdateStatusResponse | None:
    if response.status_code == 200:
        response_200 = UpdateStatusResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | UpdateStatusResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateStatusRequest,
) -> Response[Error | UpdateStatusResponse]:
    """Approve, decline or ask for a resubmission

     Allowed when the session is Approved, Declined, In Review, Kyc Expired, Abandoned or
    Resubmitted (otherwise 400, before the body is read). Setting Approved or Declined on a
    session already in that status is a no-op; Resubmitted on a Resubmitted session is 400.

    Args:
        session_id (str):
        body (UpdateStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateStatusResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateStatusRequest,
) -> Error | UpdateStatusResponse | None:
    """Approve, decline or ask for a resubmission

     Allowed when the session is Approved, Declined, In Review, Kyc Expired, Abandoned or
    Resubmitted (otherwise 400, before the body is read). Setting Approved or Declined on a
    session already in that status is a no-op; Resubmitted on a Resubmitted session is 400.

    Args:
        session_id (str):
        body (UpdateStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateStatusResponse
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateStatusRequest,
) -> Response[Error | UpdateStatusResponse]:
    """Approve, decline or ask for a resubmission

     Allowed when the session is Approved, Declined, In Review, Kyc Expired, Abandoned or
    Resubmitted (otherwise 400, before the body is read). Setting Approved or Declined on a
    session already in that status is a no-op; Resubmitted on a Resubmitted session is 400.

    Args:
        session_id (str):
        body (UpdateStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateStatusResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateStatusRequest,
) -> Error | UpdateStatusResponse | None:
    """Approve, decline or ask for a resubmission

     Allowed when the session is Approved, Declined, In Review, Kyc Expired, Abandoned or
    Resubmitted (otherwise 400, before the body is read). Setting Approved or Declined on a
    session already in that status is a no-op; Resubmitted on a Resubmitted session is 400.

    Args:
        session_id (str):
        body (UpdateStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateStatusResponse
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
