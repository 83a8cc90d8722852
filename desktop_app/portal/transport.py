"""One HTTP session with the portal: httpx.Client with timeouts and cookies, JSON in and out, credentials,
the CSRF token, and errors turned into PortalError / AuthError with redacted, human messages.

Credentials go as `sap-user` / `sap-password` / `sap-language` query parameters (what the existing clients do,
docs/PORTAL_API.md), or as `Authorization: Basic` with auth="basic". Either way nothing that reaches a log or an
exception message carries them: URLs are redacted, httpx's own request logging is kept quiet, and httpx's
exceptions are replaced (not chained) by ours.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from desktop_app import __version__
from desktop_app.portal.errors import (
    AmbiguousOutcome,
    AuthError,
    CsrfRejected,
    PortalError,
    PortalRefused,
    PortalUnreachable,
)
from desktop_app.portal.redaction import quiet_http_loggers, redact, register_secret

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=30.0, pool=10.0)
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Login:
    user: str
    password: str

    def __repr__(self) -> str:  # never show the password, not even in a debugger's repr
        return f"Login(user={self.user!r}, password='***')"


def portal_message(response: httpx.Response) -> tuple[str | None, str | None]:
    """The (message, code) of an OData error body, or (None, None)."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        return None, None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, None
    message = error.get("message")
    if isinstance(message, dict):
        message = message.get("value")
    return (str(message) if message else None), (str(error.get("code")) if error.get("code") else None)


class PortalTransport:
    """A session with one OData service root (or several under one origin: paths are absolute or relative)."""

    def __init__(self, origin: str, *, login: Login | None = None, auth: str = "query",
                 timeout: httpx.Timeout | float = DEFAULT_TIMEOUT, http_transport: httpx.BaseTransport | None = None,
                 language: str = "RU") -> None:
        quiet_http_loggers()
        self.origin = origin.rstrip("/")
        self.login = login
        self.auth = auth
        self.language = language
        if login is not None:
            register_secret(login.password)
        self._csrf: dict[str, str] = {}  # per service root
        self.client = httpx.Client(
            base_url=self.origin, timeout=timeout, transport=http_transport, follow_redirects=False,
            headers={"Accept": "application/json", "X-Requested-With": "XMLHttpRequest",
                     "User-Agent": f"MeterJournal/{__version__}"},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> PortalTransport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- requests --------------------------------------------------------------------------------------------

    def _params(self, params: Mapping[str, str] | None, authenticated: bool) -> dict[str, str]:
        result = dict(params or {})
        if authenticated and self.login is not None and self.auth == "query":
            result.update({"sap-user": self.login.user, "sap-password": self.login.password,
                           "sap-language": self.language})
        return result

    def _auth(self, authenticated: bool) -> httpx.BasicAuth | None:
        if authenticated and self.login is not None and self.auth == "basic":
            return httpx.BasicAuth(self.login.user, self.login.password)
        return None

    def _send(self, method: str, url: str, *, params: Mapping[str, str] | None = None, authenticated: bool = True,
              headers: Mapping[str, str] | None = None, body: Any = None, write: bool = False) -> httpx.Response:
        shown = redact(url)
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        all_headers = dict(headers or {})
        if content is not None:
            all_headers["Content-Type"] = "application/json"
        try:
            response = self.client.request(method, url, params=self._params(params, authenticated), content=content,
                                           headers=all_headers, auth=self._auth(authenticated))
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol) as exc:
            kind = type(exc).__name__
            log.info("Portal unreachable: %s %s (%s)", method, shown, kind)
            raise PortalUnreachable(f"The portal cannot be reached ({kind}); the readings stay queued.") from None
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            kind = type(exc).__name__
            log.info("Portal connection lost: %s %s (%s)", method, shown, kind)
            text = f"The portal did not answer in time or the connection was lost ({kind})."
            if write:
                raise AmbiguousOutcome(text, timed_out=isinstance(exc, httpx.TimeoutException)) from None
            raise PortalUnreachable(text) from None
        except httpx.HTTPError as exc:
            kind = type(exc).__name__
            log.info("Portal request failed: %s %s (%s)", method, shown, kind)
            error = AmbiguousOutcome if write else PortalUnreachable
            raise error(f"The request to the portal failed ({kind}).") from None
        log.info("Portal %s %s -> %s", method, shown, response.status_code)
        return response

    def _check(self, response: httpx.Response, *, write: bool) -> httpx.Response:
        status = response.status_code
        if status < 400:
            return response
        message, code = portal_message(response)
        if status == 401:
            raise AuthError(login=self.login.user if self.login else None)
        if status >= 500:
            error = AmbiguousOutcome if write else PortalError
            text = f"The portal answered with an error ({status})" + (f": {message}" if message else ".")
            raise error(text, status=status, portal_message=message, code=code)
        if message:
            raise PortalRefused(message, status=status, portal_message=message, code=code)
        raise PortalRefused(f"The portal refused the request ({status}).", status=status)

    def get(self, url: str, *, params: Mapping[str, str] | None = None, authenticated: bool = True) -> httpx.Response:
        return self._check(self._send("GET", url, params=params, authenticated=authenticated), write=False)

    def get_json(self, url: str, *, params: Mapping[str, str] | None = None,
                 authenticated: bool = True) -> dict[str, Any]:
        query = {"$format": "json", **(params or {})}
        response = self.get(url, params=query, authenticated=authenticated)
        try:
            data = response.json()
        except (ValueError, UnicodeDecodeError):
            raise PortalError("The portal's answer is not JSON; is the portal address right?") from None
        if not isinstance(data, dict):
            raise PortalError("The portal's answer has an unexpected form.")
        return data

    def get_bytes(self, url: str, *, authenticated: bool = True) -> bytes:
        return self.get(url, authenticated=authenticated).content

    # --- writes with the CSRF token ----------------------------------------------------------------------------

    def fetch_csrf(self, service_root: str, *, authenticated: bool = True) -> str:
        response = self._check(
            self._send("GET", service_root.rstrip("/") + "/", authenticated=authenticated,
                       headers={CSRF_HEADER: "Fetch"}),
            write=False,
        )
        token = response.headers.get(CSRF_HEADER, "")
        if not token or token.lower() in ("required", "fetch"):
            raise PortalError("The portal gave no CSRF token; writes are not possible now.")
        self._csrf[service_root] = token
        return token

    def post_json(self, service_root: str, url: str, body: Any, *, authenticated: bool = True) -> dict[str, Any]:
        """POST with the CSRF token; on 403 "Required" fetch a new token once and retry once.

        Raises AmbiguousOutcome when the request may have been processed without an answer reaching us.
        """
        token = self._csrf.get(service_root) or self.fetch_csrf(service_root, authenticated=authenticated)
        for attempt in (1, 2):
            response = self._send("POST", url, authenticated=authenticated, headers={CSRF_HEADER: token}, body=body,
                                  write=True)
            if response.status_code == 403 and response.headers.get(CSRF_HEADER, "").lower() == "required":
                self._csrf.pop(service_root, None)
                if attempt == 1:
                    log.info("Portal CSRF token expired; fetching a new one and retrying once")
                    token = self.fetch_csrf(service_root, authenticated=authenticated)
                    continue
                raise CsrfRejected("The portal refused the security token twice; nothing was sent.", status=403)
            self._check(response, write=True)
            if not response.content:
                return {}
            try:
                data = response.json()
            except (ValueError, UnicodeDecodeError):
                return {}
            return data if isinstance(data, dict) else {}
        raise CsrfRejected("The portal refused the security token; nothing was sent.", status=403)  # pragma: no cover
