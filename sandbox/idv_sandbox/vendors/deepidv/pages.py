"""deepidv's hosted flow (the applicant picks how it ends) and its reviewer's console page."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlencode, urlsplit, urlunsplit

from idv_sandbox.pages import html_page
from idv_sandbox.store import SandboxStore
from idv_sandbox.vendors.deepidv.store import StoredSession

#: What the applicant can make happen on the hosted page: (redirect status, reason).
FLOW_ENDINGS = {
    "success": ("success", None),
    "document_unreadable": ("failed", "document_unreadable"),
    "face_mismatch": ("failed", "face_mismatch"),
    "session_expired": ("failed", "session_expired"),
    "internal_error": ("failed", "internal_error"),
    "user_cancelled": ("abandoned", "user_cancelled"),
}


def flow_page(stored: StoredSession) -> str:
    """The hosted flow: document, selfie, liveness, then the outcome to simulate."""
    record = stored.record
    sid = escape(record["id"])
    if record["status"] != "PENDING":
        return html_page(
            "Verification complete",
            f"<h1>This verification is complete</h1>"
            f'<p id="status">Session {sid} is {escape(record["status"])}.</p>',
        )
    options = "".join(
        f'<option value="{key}">{escape(key.replace("_", " "))}</option>' for key in FLOW_ENDINGS
    )
    first_name = escape(stored.applicant["firstName"])
    return html_page(
        "Verify your identity",
        f"<h1>Hi {first_name}, let's verify your identity</h1>"
        f"<p>deepidv sandbox: nothing you upload leaves this machine.</p>"
        f'<form method="post" action="/session/{sid}" id="flow">'
        f"<fieldset><legend>1. ID document</legend>"
        f'<input type="file" name="document" id="document"></fieldset>'
        f'<fieldset><legend>2. Selfie</legend><input type="file" name="selfie" id="selfie">'
        f"</fieldset>"
        f'<fieldset><legend>3. Liveness</legend><label><input type="checkbox" name="liveness" '
        f'id="liveness" required> I followed the on-screen prompts</label></fieldset>'
        f"<fieldset><legend>Sandbox: how does it end?</legend>"
        f'<select name="ending" id="ending">{options}</select></fieldset>'
        f'<button type="submit" id="finish">Finish</button></form>'
        f'<form method="post" action="/session/{sid}">'
        f'<input type="hidden" name="ending" value="user_cancelled">'
        f'<button type="submit" id="cancel">Cancel verification</button></form>',
    )


def redirect_target(redirect_url: str, session_id: str, ending: str) -> str:
    """``redirect_url`` with ``session_id``, ``status`` and (not on success) ``reason``."""
    status, reason = FLOW_ENDINGS[ending]
    params = {"session_id": session_id, "status": status}
    if reason:
        params["reason"] = reason
    parts = urlsplit(redirect_url)
    query = f"{parts.query}&{urlencode(params)}" if parts.query else urlencode(params)
    return urlunsplit(parts._replace(query=query))


def done_page(session_id: str, ending: str) -> str:
    status, reason = FLOW_ENDINGS[ending]
    detail = f" ({escape(reason)})" if reason else ""
    return html_page(
        "Thank you",
        f'<h1>Thank you</h1><p id="status">Session {escape(session_id)}:'
        f" {escape(status)}{detail}. You can close this page.</p>",
    )


def console_page(store: SandboxStore, stored: StoredSession) -> str:
    """A reviewer's view of a session (what the operators' extra link opens)."""
    record = stored.record
    history = "".join(
        f"<li>{escape(at)} {escape(status)}</li>" for at, status in store.history(record["id"])
    )
    analysis = escape(json.dumps(record.get("analysisData", {}), indent=2))
    return html_page(
        f"Session {record['id']}",
        f"<h1>Session {escape(record['id'])}</h1>"
        f'<p>Status: <strong id="status">{escape(record["status"])}</strong> (sandbox console)</p>'
        f"<h2>History</h2><ol>{history}</ol><h2>Analysis</h2><pre>{analysis}</pre>",
    )
