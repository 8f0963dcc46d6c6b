"""What went wrong when handing an e-mail to the mail server, and whether to try again.

The SMTP reply code decides: 4xx means "later", 5xx means "never". Network errors and
timeouts are the mail server's (or the network's) passing trouble, so they are retried.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from typing import Final

from microcred.web.delivery.models import Problem

MAX_REPLY_CHARS: Final = 300


@dataclass(frozen=True)
class Failure:
    problem: Problem
    reply: str
    # False: trying again cannot help (the recipient's address was refused).
    retry: bool


def classify(error: BaseException) -> Failure:
    """The failure an exception from sending stands for."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        text = "; ".join(_reply(code, message) for code, message in error.recipients.values())
        permanent = bool(codes) and all(code >= 500 for code in codes)
        if permanent:
            return Failure(Problem.RECIPIENT, text, retry=False)
        return Failure(Problem.DEFERRED, text, retry=True)
    if isinstance(error, smtplib.SMTPConnectError):
        return Failure(Problem.UNREACHABLE, _reply(error.smtp_code, error.smtp_error), retry=True)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return Failure(Problem.LOGIN, _reply(error.smtp_code, error.smtp_error), retry=True)
    if isinstance(error, smtplib.SMTPSenderRefused):
        problem = Problem.DEFERRED if error.smtp_code < 500 else Problem.SENDER
        return Failure(problem, _reply(error.smtp_code, error.smtp_error), retry=True)
    if isinstance(error, smtplib.SMTPResponseException):
        reply = _reply(error.smtp_code, error.smtp_error)
        if error.smtp_code >= 500 and isinstance(error, smtplib.SMTPDataError):
            # Refused for its content (a spam filter); the same message would be refused again.
            return Failure(Problem.MESSAGE, reply, retry=False)
        if error.smtp_code >= 500:
            return Failure(Problem.MESSAGE, reply, retry=True)
        return Failure(Problem.DEFERRED, reply, retry=True)
    if isinstance(error, TimeoutError):
        return Failure(Problem.TIMEOUT, "", retry=True)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return Failure(Problem.UNREACHABLE, _clip(str(error)), retry=True)
    if isinstance(error, ssl.SSLError):
        return Failure(Problem.UNREACHABLE, _clip(error.reason or str(error)), retry=True)
    if isinstance(error, OSError):
        return Failure(Problem.UNREACHABLE, _clip(error.strerror or str(error)), retry=True)
    return Failure(Problem.UNEXPECTED, type(error).__name__, retry=True)


def _reply(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return _clip(f"{code} {' '.join(text.split())}")


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_REPLY_CHARS else text[: MAX_REPLY_CHARS - 1] + "…"
