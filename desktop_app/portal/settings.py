"""Where the portal is and which login to use: `portal.json` in the data folder. Never a password.

The portal's origin comes from (first found): the caller (e.g. `--portal-url`), METER_JOURNAL_PORTAL_URL,
portal.json, the default: the supplier profile's portal (journal.supplier).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from desktop_app.portal.api import DEFAULT_ORIGIN, SERVICE_NAME, SERVICE_VERSION, PortalConfig

log = logging.getLogger(__name__)

SETTINGS_FILE = "portal.json"
URL_ENV = "METER_JOURNAL_PORTAL_URL"


@dataclass(frozen=True)
class PortalSettings:
    origin: str = DEFAULT_ORIGIN
    service_name: str = SERVICE_NAME
    service_version: str = SERVICE_VERSION
    login: str | None = None  # the portal login when it is not the account number
    auth: str = "query"  # "query" (sap-user/sap-password, as the existing clients) or "basic"

    @property
    def config(self) -> PortalConfig:
        return PortalConfig(origin=self.origin, service_name=self.service_name, service_version=self.service_version)

    def with_origin(self, origin: str | None) -> PortalSettings:
        return replace(self, origin=origin.rstrip("/")) if origin else self


def load(folder: Path, environ: dict[str, str] | None = None) -> PortalSettings:
    env = environ if environ is not None else os.environ
    settings = PortalSettings()
    path = folder / SETTINGS_FILE
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            known = {k: str(v) for k, v in data.items() if k in PortalSettings.__dataclass_fields__ and v is not None}
            known.pop("password", None)
            settings = PortalSettings(**known)
        except (OSError, ValueError, TypeError):
            log.warning("The portal settings file %s cannot be read; using the defaults", path.name)
    return settings.with_origin(env.get(URL_ENV))


def save(folder: Path, settings: PortalSettings) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SETTINGS_FILE
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path
