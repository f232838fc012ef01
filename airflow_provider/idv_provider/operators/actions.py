"""Lifecycle actions on a session besides decisions: expire, redact, delete, resubmit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from airflow.sdk import BaseOperator, Context

from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks import DEFAULT_CONN_ID, get_idv_hook
from idv_provider.links import SessionConsoleLink, push_console_url
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.templating import literal_data, rendered_mapping


class SessionActionOperator(BaseOperator):
    """Expire, redact or delete a session, where the vendor offers it.

    :param session_id: the session (templated).
    :param action: ``"expire"`` (stop an unfinished session; Beltic), ``"redact"`` (wipe its
        personal data; Beltic), ``"delete"`` (Didit) or ``"resubmit"`` (send the applicant back
        through some steps on the same link; Didit). An action the connection's vendor does
        not offer fails before any call, saying which it offers.
    :param options: the action's own options, e.g. for Didit's resubmit
        ``{"nodes_to_resubmit": ["feature_ocr"], "comment": "blurry document"}``.
    :param conn_id: an Airflow connection of a supported vendor type.

    Returns ``{"session_id", "action", "status"}`` (``status`` is ``None`` once deleted).
    Repeating an action that already took effect is not an error, so retries are safe.
    """

    template_fields: Sequence[str] = ("session_id", "action", "options", "conn_id")
    operator_extra_links = (SessionConsoleLink(),)
    ACTIONS = ("expire", "redact", "delete", "resubmit")

    def __init__(
        self,
        *,
        session_id: str,
        action: str,
        options: Mapping[str, Any] | None = None,
        conn_id: str = DEFAULT_CONN_ID,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        self.session_id = session_id
        self.action = action
        self.options = literal_data(options)
        self.conn_id = conn_id

    def execute(self, context: Context) -> dict[str, Any]:
        if self.action not in self.ACTIONS:
            raise InvalidRequestError(
                f"action must be one of {', '.join(self.ACTIONS)}; got {self.action!r}"
            )
        hook = get_idv_hook(self.conn_id)
        hook.check_session_id(self.session_id)
        options = rendered_mapping(self.options, "options")
        push_console_url(context, hook, self.session_id)
        after = hook.run_action(self.session_id, self.action, options)
        self.log.info("Session %s: %s done", self.session_id, self.action)
        return {
            "session_id": self.session_id,
            "action": self.action,
            "status": after.state.value if after else None,
        }
