"""Session events: a session has been through the hosted flow, as a vendor's webhook, the
applicant's redirect landing or a shared list poll says, recorded as Airflow asset events
(no PII) so that a DAG scheduled on them decides the session at once."""

from idv_provider.events.model import EventSource, SessionEvent, session_events_asset

__all__ = ["EventSource", "SessionEvent", "session_events_asset"]
