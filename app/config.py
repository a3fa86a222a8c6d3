"""Per-station settings: a TOML file in the platformdirs config dir, with env overrides.

Shared business settings (weight tolerance, SLA policies, alert thresholds) live in the
database, not here; this file holds what differs from one station to the next: which
database, which language, which devices on which ports, which printer for which document.

Environment overrides: ``PACKDESK_DATABASE_URL`` (database), ``PACKDESK_CONFIG_DIR`` and
``PACKDESK_DATA_DIR`` (where the settings file and the default SQLite file live).
"""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import platformdirs
import tomli_w

from app.errors import ConfigError
from app.files import create_private, private_dir, tighten

APP_NAME = "PackDesk"
SETTINGS_FILE = "station.toml"


def config_dir() -> Path:
    return Path(os.environ.get("PACKDESK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    return Path(os.environ.get("PACKDESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'packdesk.sqlite'}"


@dataclass
class StationSettings:
    """What one workstation remembers. Sections are plain dicts so each part owns its keys."""

    station: str = field(default_factory=socket.gethostname)
    language: str = ""  # "" = follow the system locale; else "zh_CN" or "en"
    time_zone: str = ""  # IANA name times are shown and printed in ("" = the OS zone); app.timezone
    database_url: str = ""  # "" = the default SQLite file
    # device role ("scale", "scanner") -> profile (port, protocol, baudrate, ...)
    devices: dict[str, dict[str, Any]] = field(default_factory=dict)
    # document type ("waybill", "invoice", ...) -> printer spec (backend, target, format, ...)
    printers: dict[str, dict[str, Any]] = field(default_factory=dict)
    ui: dict[str, Any] = field(default_factory=dict)
    # station jobs: ``hot_folder`` (a folder this station imports dropped files from)
    intake: dict[str, Any] = field(default_factory=dict)
    # mailbox name -> {"password": ...}: secrets kept out of the shared database (file is 0600)
    mail: dict[str, dict[str, Any]] = field(default_factory=dict)

    def resolved_database_url(self, override: str | None = None) -> str:
        """--db beats PACKDESK_DATABASE_URL beats the settings file beats the default."""
        return (
            override
            or os.environ.get("PACKDESK_DATABASE_URL")
            or self.database_url
            or default_database_url()
        )


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> StationSettings:
    path = path or settings_path()
    if not path.exists():
        return StationSettings()
    tighten(path)  # it may hold the database password: an older file was 0644
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError("Settings file {path} is not valid TOML: {reason}", path=path, reason=exc) from exc
    return StationSettings(**_shaped(raw, path))


def _shaped(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    """The file's known keys, each checked to have its field's shape (text, a table, a table of
    tables), so a hand-edited ``printers = "labels"`` is one clear line, not a crash later."""
    hints = get_type_hints(StationSettings)
    known: dict[str, Any] = {}
    for f in fields(StationSettings):
        if f.name not in raw:
            continue
        value, hint = raw[f.name], hints[f.name]
        if hint is str and not isinstance(value, str):
            raise ConfigError("Settings file {path}: {key} must be text in quotes, not {value!r}.",
                              path=path, key=f.name, value=value)
        if get_origin(hint) is dict:
            if not isinstance(value, dict):
                raise ConfigError("Settings file {path}: {key} must be a table ([{key}] and its keys), "
                                  "not {value!r}.", path=path, key=f.name, value=value)
            if get_origin(get_args(hint)[1]) is dict:
                for name, entry in value.items():
                    if not isinstance(entry, dict):
                        raise ConfigError(
                            "Settings file {path}: {key}.{name} must be a table ([{key}.{name}] and its "
                            "keys), not {value!r}.", path=path, key=f.name, name=name, value=entry,
                        )
        known[f.name] = value
    return known


def save_settings(settings: StationSettings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename) so a crash never leaves half a settings file; the
    file is 0600 in a 0700 folder, as it may hold the database password."""
    path = path or settings_path()
    private_dir(path.parent)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)  # left by a crash mid-write
    with os.fdopen(create_private(tmp), "w", encoding="utf-8") as out:
        out.write(tomli_w.dumps(asdict(settings)))
    os.replace(tmp, path)
    return path
