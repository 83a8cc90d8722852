"""One HTTP session with the portal: httpx.Client with timeouts and cookies, JSON in and out, credentials,
the CSRF token, and errors turned into PortalError / AuthError with redacted, human messages.

Credentials go as `sap-user` / `sap-password` / `sap-language` query parameters (what the existing clients do,
docs/PORTAL_API.md), or as `Authorization: Basic` with auth="basic". Either way nothing that reaches a log or an
exception message carries them: URLs are redacted, httpx's own request logging is kept quiet, and httpx's
exceptions are replaced (not chained) by ours. Every text from the portal (an error body may quote the request)
is redacted before it leaves this module.

Plain http:// goes only to this computer (desktop_app.portal.address). Each request has a read timeout, a limit on
its whole duration and the sync's deadline: a server dripping its answer a byte at a time, which no read timeout
catches, has its connection shut when the limit passes (a watchdog timer; the sockets are known from httpcore's
`trace` extension).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from desktop_app import __version__
from desktop_app.portal.address import checked_origin
from desktop_app.portal.errors import (
    AmbiguousOutcome,
    AuthError,
    CsrfRejected,
    PortalError,
    PortalRefused,
    PortalUnreachable,
    SyncDeadline,
)
from desktop_app.portal.redaction import quiet_http_loggers, redact, register_secret
from journal.messages import msg

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=30.0, pool=10.0)
REQUEST_LIMIT = 120.0  # seconds for one request and its whole answer, however it trickles in
CSRF_HEADER = "x-csrf-token"
UNCONFIRMED = msg("Whether the reading arrived is checked with the portal later; it is not sent again before that.")


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
    return (redact(str(message)) if message else None), (str(error.get("code")) if error.get("code") else None)


class _Watchdog:
    """Shuts the connections of a transport when a request's time is up, so that a blocked read returns."""

    def __init__(self) -> None:
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self.fired = False

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's `trace` extension: remember each connection's socket (TCP, then TLS over it)."""
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets = [s for s in self._sockets if s.fileno() != -1] + [sock]

    def _fire(self) -> None:
        self.fired = True
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            try:  # on a duplicate descriptor: shutting the connection wakes the reader; its socket stays its own
                with socket.socket(sock.family, sock.type, fileno=_dup(sock)) as twin:
                    twin.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def arm(self, seconds: float) -> threading.Timer:
        self.fired = False
        timer = threading.Timer(max(seconds, 0.0), self._fire)
        timer.daemon = True
        timer.start()
        return timer


def _dup(sock: socket.socket) -> int:
    return os.dup(sock.fileno())


class PortalTransport:
    """A session with one OData service root (or several under one origin: paths are absolute or relative)."""

    def __init__(self, origin: str, *, login: Login | None = None, auth: str = "query",
                 timeout: httpx.Timeout | float = DEFAULT_TIMEOUT, http_transport: httpx.BaseTransport | None = None,
                 language: str = "RU", request_limit: float | None = REQUEST_LIMIT,
                 deadline: float | None = None) -> None:
        """`request_limit`: seconds for one request with its whole answer; `deadline`: time.monotonic() when the
        sync must stop (None: no deadline)."""
        quiet_http_loggers()
        self.origin = checked_origin(origin)
        self.request_limit = request_limit
        self.deadline = deadline
        self._watchdog = _Watchdog()
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
        left = None if self.deadline is None else self.deadline - time.monotonic()
        limit = min((t for t in (self.request_limit, left) if t is not None), default=None)
        run_ends = left is not None and limit == left  # the sync's deadline comes before this request's own limit
        if left is not None and left <= 0:  # nothing goes out
            log.info("Portal request not made, the sync's time is up: %s %s", method, shown)
            raise SyncDeadline
        timer = self._watchdog.arm(limit) if limit is not None else None
        try:
            response = self.client.request(method, url, params=self._params(params, authenticated), content=content,
                                           headers=all_headers, auth=self._auth(authenticated),
                                           extensions={"trace": self._watchdog.trace})
        except httpx.HTTPError as exc:
            if timer is None or not self._watchdog.fired:
                raise self._failure(exc, method, shown, write) from None
            log.info("Portal answer too slow: %s %s (stopped after its time limit)", method, shown)
            if write:
                raise AmbiguousOutcome(msg(
                    "The portal's answer came too slowly and was cut off. {unconfirmed}",
                    unconfirmed=UNCONFIRMED,
                ),
                                       timed_out=True) from None
            if run_ends:
                raise SyncDeadline from None
            raise PortalUnreachable(msg("The portal answers too slowly; the readings stay queued.")) from None
        finally:
            if timer is not None:
                timer.cancel()
        log.info("Portal %s %s -> %s", method, shown, response.status_code)
        return response

    @staticmethod
    def _failure(exc: httpx.HTTPError, method: str, shown: str, write: bool) -> PortalError:
        """Our error for httpx's: nothing went out (unreachable), or a write's outcome is unknown (ambiguous)."""
        kind = type(exc).__name__
        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout | httpx.UnsupportedProtocol):
            log.info("Portal unreachable: %s %s (%s)", method, shown, kind)
            return PortalUnreachable(msg(
                "The portal cannot be reached ({kind}); the readings stay queued.",
                kind=kind,
            ))
        if isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError):
            log.info("Portal connection lost: %s %s (%s)", method, shown, kind)
            if write:
                return AmbiguousOutcome(msg(
                    "The portal did not answer in time or the connection was lost ({kind}). {unconfirmed}",
                    kind=kind,
                    unconfirmed=UNCONFIRMED,
                ), timed_out=isinstance(exc, httpx.TimeoutException))
            return PortalUnreachable(msg(
                "The portal did not answer in time or the connection was lost ({kind}).",
                kind=kind,
            ))
        log.info("Portal request failed: %s %s (%s)", method, shown, kind)
        if write:
            return AmbiguousOutcome(msg(
                "The request to the portal failed ({kind}). {unconfirmed}",
                kind=kind,
                unconfirmed=UNCONFIRMED,
            ))
        return PortalUnreachable(msg("The request to the portal failed ({kind}).", kind=kind))

    def _check(self, response: httpx.Response, *, write: bool) -> httpx.Response:
        status = response.status_code
        if status < 400:
            return response
        message, code = portal_message(response)
        if status == 401:
            raise AuthError(login=self.login.user if self.login else None)
        if status >= 500:
            said = (message or "").rstrip(". ")
            text = msg("The portal answered with an error ({status}): {said}.", status=status, said=said) if said else \
                msg("The portal answered with an error ({status}).", status=status)
            if write:
                raise AmbiguousOutcome(msg("{error} {unconfirmed}", error=text, unconfirmed=UNCONFIRMED), status=status,
                                       portal_message=message, code=code)
            raise PortalError(text, status=status, portal_message=message, code=code)
        if message:
            raise PortalRefused(message, status=status, portal_message=message, code=code)
        raise PortalRefused(msg("The portal refused the request ({status}).", status=status), status=status)

    def get(self, url: str, *, params: Mapping[str, str] | None = None, authenticated: bool = True) -> httpx.Response:
        return self._check(self._send("GET", url, params=params, authenticated=authenticated), write=False)

    def get_json(self, url: str, *, params: Mapping[str, str] | None = None,
                 authenticated: bool = True) -> dict[str, Any]:
        query = {"$format": "json", **(params or {})}
        response = self.get(url, params=query, authenticated=authenticated)
        try:
            data = response.json()
        except (ValueError, UnicodeDecodeError):
            raise PortalError(msg("The portal's answer is not JSON; is the portal address right?")) from None
        if not isinstance(data, dict):
            raise PortalError(msg("The portal's answer has an unexpected form."))
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
            raise PortalError(msg("The portal gave no CSRF token; writes are not possible now."))
        self._csrf[service_root] = token
        return token

    @staticmethod
    def _created(response: httpx.Response) -> dict[str, Any]:
        """The entity a write answered with; anything else leaves the write's outcome unknown."""
        status = response.status_code
        if not 200 <= status < 300:
            log.info("Portal write answered with %s, not with the stored entity", status)
            raise AmbiguousOutcome(msg(
                "The portal answered the reading with a redirect ({status}) instead of storing it. {unconfirmed}",
                status=status,
                unconfirmed=UNCONFIRMED,
            ), status=status)
        try:
            data = response.json()
        except (ValueError, UnicodeDecodeError):
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("d", data), dict):
            log.info("Portal write answered with %s and %d bytes that are not an OData entity", status,
                     len(response.content))
            raise AmbiguousOutcome(msg(
                "The portal's answer was not the stored reading (an empty answer or another page, perhaps from a "
                "proxy). {unconfirmed}",
                unconfirmed=UNCONFIRMED,
            ), status=status)
        return data

    def post_json(self, service_root: str, url: str, body: Any, *, authenticated: bool = True) -> dict[str, Any]:
        """POST with the CSRF token; on 403 "Required" fetch a new token once and retry once.

        Raises AmbiguousOutcome when the request may have been processed and no answer shows it: no answer, a
        5xx, a redirect, or a 2xx that is not an OData entity (empty, a proxy's HTML page, cut short).
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
                raise CsrfRejected(msg("The portal refused the security token twice; nothing was sent."), status=403)
            self._check(response, write=True)
            return self._created(response)
        raise CsrfRejected(msg("The portal refused the security token; nothing was sent."),
                           status=403)  # pragma: no cover
