"""HTML pages every vendor's hosted flow shares."""

from __future__ import annotations

from html import escape

from idv_sandbox.outcomes import Outcome

#: what the checks can find on the Didit and Beltic pages (leaving for good is not a choice)
OUTCOME_CHOICES = [o.value for o in Outcome if o is not Outcome.ABANDONED]

STYLE = "body{font-family:sans-serif;max-width:40em;margin:2em auto}fieldset{margin:1em 0}"


def html_page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{STYLE}</style></head><body>{body}</body></html>"
    )


def outcome_form_page(vendor: str, action: str) -> str:
    """The hosted flow of a vendor whose checks decide: pick what they find, then finish."""
    options = "".join(
        f'<option value="{o}">{escape(o.replace("_", " "))}</option>' for o in OUTCOME_CHOICES
    )
    return html_page(
        "Verify your identity",
        f"<h1>Let's verify your identity</h1><p>{escape(vendor)} sandbox: nothing leaves this "
        f'machine.</p><form method="post" action="{escape(action)}" id="flow">'
        "<fieldset><legend>Sandbox: what do the checks find?</legend>"
        f'<select name="outcome" id="outcome">{options}</select></fieldset>'
        '<button type="submit" id="finish">Finish</button></form>',
    )


def finished_page(status: str) -> str:
    """The hosted flow once it is over: the session's status."""
    return html_page("Thank you", f'<h1>Thank you</h1><p id="status">{escape(status)}</p>')
