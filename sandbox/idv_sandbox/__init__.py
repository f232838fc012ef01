"""A local, stateful stand-in for the deepidv, Didit and Beltic session APIs (like moto for
AWS), and a mail sink."""

from idv_sandbox.app import create_app
from idv_sandbox.config import DEFAULT_API_KEY, DEFAULT_DIDIT_WORKFLOW_ID, SandboxConfig
from idv_sandbox.faults import FailRule, Faults
from idv_sandbox.gate import key_label
from idv_sandbox.mail import MailSink, ReceivedMail
from idv_sandbox.outcomes import Outcome
from idv_sandbox.server import RunningSandbox, running_sandbox
from idv_sandbox.store import SandboxStore

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_DIDIT_WORKFLOW_ID",
    "FailRule",
    "Faults",
    "MailSink",
    "Outcome",
    "ReceivedMail",
    "RunningSandbox",
    "SandboxConfig",
    "SandboxStore",
    "create_app",
    "key_label",
    "running_sandbox",
]
