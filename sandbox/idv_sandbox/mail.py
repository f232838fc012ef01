"""A local SMTP server that keeps what it receives: the inbox of invites in demos and tests."""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from idv_sandbox.net import free_port


@dataclass(frozen=True)
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    path: Path | None  # the .eml file, when the sink keeps a folder


class _Handler:
    def __init__(self, sink: MailSink) -> None:
        self.sink = sink

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.sink._take_refusal():
            return "550 5.1.1 sandbox fault: no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return self.sink._receive(envelope)


class MailSink:
    """Accept mail on loopback, keep it in :attr:`messages` and, with ``folder``, as .eml files.

    ``fail_next(n)`` answers the next ``n`` messages with a temporary failure (451), the way a
    busy mail server does, to test that a retried task neither loses nor duplicates an invite;
    ``refuse_next_recipients(n)`` refuses the next ``n`` recipients (550), as a server does for
    an address it does not know.
    """

    def __init__(self, folder: str | Path | None = None, *, host: str = "127.0.0.1", port: int = 0):
        self.folder = Path(folder) if folder is not None else None
        self.host = host
        self.port = port or free_port(host)
        self.messages: list[ReceivedMail] = []
        self._failures = 0
        self._refusals = 0
        self._numbered = 0  # the last .eml number written in the folder
        self._lock = threading.Lock()
        self._controller = Controller(_Handler(self), hostname=host, port=self.port)
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # it logs every address

    def start(self) -> MailSink:
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            # a restarted sink numbers on after what an earlier run kept, never over it
            kept = [int(p.stem) for p in self.folder.glob("*.eml") if p.stem.isdigit()]
            self._numbered = max(kept, default=0)
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def fail_next(self, count: int) -> None:
        with self._lock:
            self._failures = count

    def refuse_next_recipients(self, count: int) -> None:
        with self._lock:
            self._refusals = count

    def _take_refusal(self) -> bool:
        with self._lock:
            if self._refusals <= 0:
                return False
            self._refusals -= 1
            return True

    def _receive(self, envelope: Envelope) -> str:
        with self._lock:
            if self._failures > 0:
                self._failures -= 1
                return "451 4.3.0 sandbox fault: try again later"
            raw = envelope.original_content or envelope.content or b""
            data = raw if isinstance(raw, bytes) else raw.encode()
            message = BytesParser(policy=policy.default).parsebytes(data)
            assert isinstance(message, EmailMessage)
            path = None
            if self.folder is not None:
                self._numbered += 1
                path = self.folder / f"{self._numbered:04d}.eml"
                path.write_bytes(data)
            mail = ReceivedMail(
                mail_from=str(envelope.mail_from),
                rcpt_tos=list(envelope.rcpt_tos),
                message=message,
                path=path,
            )
            self.messages.append(mail)
        return "250 2.0.0 Message accepted for delivery"

    def connection_json(self, from_email: str = "onboarding@example.com") -> str:
        """An Airflow ``smtp`` connection to this sink (for ``AIRFLOW_CONN_<ID>``)."""
        extra: dict[str, Any] = {
            "from_email": from_email,
            "disable_ssl": True,
            "disable_tls": True,
            "retry_limit": 0,
        }
        return json.dumps(
            {"conn_type": "smtp", "host": self.host, "port": self.port, "extra": extra}
        )
