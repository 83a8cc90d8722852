"""Which portal addresses the password may be sent to: https:// anywhere, plain http:// only to this computer
(127.0.0.0/8, ::1, localhost — the emulator and tests), as http:// would carry the password in clear text."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from desktop_app.portal.errors import InsecurePortalAddress
from journal.messages import msg
from journal.supplier import DEFAULT_PROFILE

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    host = host.strip("[]").rstrip(".").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


NOT_WEB, NOT_PROTECTED = "not a web address", "plain http:// to another computer"


def address_fault(address: str) -> tuple[str, str | None]:
    """The address as it may be shown (its scheme and host, never a user:password@ part) and what is wrong with it
    for sending anything there: NOT_WEB, NOT_PROTECTED, or None (https://, or http:// to this computer)."""
    shown = address.strip()
    try:
        parts = urlsplit(shown)
        host = parts.hostname or ""
    except ValueError:
        return shown, NOT_WEB
    if host:
        shown = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    if parts.scheme.lower() not in ("https", "http") or not host:
        return shown, NOT_WEB
    if parts.scheme.lower() == "http" and not is_loopback(host):
        return shown, NOT_PROTECTED
    return shown, None


def checked_origin(origin: str) -> str:
    """The origin without a trailing slash, or InsecurePortalAddress (one line for the person)."""
    shown, fault = address_fault(origin)
    if fault == NOT_WEB:
        raise InsecurePortalAddress(
            msg("The portal address {shown} is not a web address; give one like {example}.",
                shown=shown, example=DEFAULT_PROFILE.portal_origin))
    if fault == NOT_PROTECTED:
        raise InsecurePortalAddress(
            msg(
                "The portal address {shown} is not protected (http://): the password would travel over the network "
                "unencrypted. Use the https:// address; plain http:// is allowed only for this computer (127.0.0.1, "
                "::1, localhost).",
                shown=shown,
            ))
    return origin.strip().rstrip("/")
