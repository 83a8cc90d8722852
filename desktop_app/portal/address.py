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


def checked_origin(origin: str) -> str:
    """The origin without a trailing slash, or InsecurePortalAddress (one line for the person)."""
    shown = origin.strip()
    try:
        parts = urlsplit(shown)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    if parts is not None and host:
        shown = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"  # never a user:password@ part
    if parts is None or parts.scheme.lower() not in ("https", "http") or not host:
        raise InsecurePortalAddress(
            msg("The portal address {shown} is not a web address; give one like {example}.",
                shown=shown, example=DEFAULT_PROFILE.portal_origin))
    if parts.scheme.lower() == "http" and not is_loopback(host):
        raise InsecurePortalAddress(
            msg(
                "The portal address {shown} is not protected (http://): the password would travel over the network "
                "unencrypted. Use the https:// address; plain http:// is allowed only for this computer (127.0.0.1, "
                "::1, localhost).",
                shown=shown,
            ))
    return origin.strip().rstrip("/")
