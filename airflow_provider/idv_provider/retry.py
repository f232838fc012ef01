"""The task-level retry policy the operators use by default (Airflow 3.3 ``retry_policy``)."""

from __future__ import annotations

from datetime import timedelta

from airflow.sdk import ExceptionRetryPolicy, RetryAction, RetryRule

from idv_provider.exceptions import (
    AuthenticationError,
    ConflictError,
    IdentityMismatchError,
    InsufficientFundsError,
    InvalidRequestError,
    NotFoundError,
    RateLimitedError,
    SessionFailedError,
)

#: Errors a retry cannot fix fail the task at once; a rate limit retries after a minute.
#: Anything else (server errors, timeouts) follows the task's own ``retries``.
IDV_RETRY_POLICY = ExceptionRetryPolicy(
    rules=[
        RetryRule(
            exception=[
                InvalidRequestError,
                AuthenticationError,
                InsufficientFundsError,
                NotFoundError,
                ConflictError,
                IdentityMismatchError,
                SessionFailedError,
            ],
            action=RetryAction.FAIL,
            reason="the vendor refused the request; retrying would fail the same way",
        ),
        RetryRule(
            exception=RateLimitedError,
            action=RetryAction.RETRY,
            retry_delay=timedelta(minutes=1),
            reason="rate-limited by the vendor",
        ),
    ]
)
