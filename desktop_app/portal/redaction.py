"""Keeping secrets out of logs and messages: `sap-password` in URLs, Authorization headers, and any password
the app has been given during this run (registered here, matched literally)."""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import quote, quote_plus

MASK = "***"
_PATTERNS = (
    re.compile(r"(sap-password=)[^&\s'\"#]*", re.IGNORECASE),
    re.compile(r"(authorization['\"]?\s*[:=]\s*['\"]?(?:basic|bearer)?\s*)[^\s'\",}]+", re.IGNORECASE),
    re.compile(r"(password['\"]?\s*[:=]\s*['\"]?)[^\s'\",&}]+", re.IGNORECASE),
)
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Mask this exact text (and its URL-encoded forms) wherever it would be logged, for the rest of the run."""
    if not value or len(value) < 3:
        return
    with _lock:
        _secrets.update({value, quote(value, safe=""), quote_plus(value)})


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """A handler filter: the record's message and traceback text are redacted before they are written."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: let the handler report it as usual
            return True
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def quiet_http_loggers() -> None:
    """httpx logs every request URL at INFO; ours carry credentials, so keep those loggers at WARNING."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
