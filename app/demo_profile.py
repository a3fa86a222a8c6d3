"""Where a demo (or a screenshot run) keeps what it writes: its database, station settings,
printed files and log, all in one folder of its own, never the station's settings or data folder.

``demo_profile(url)`` names the folder (``demo.sqlite`` -> ``demo-profile/`` beside it);
``with profile.active() as settings:`` points the process at it for as long as the demo runs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.config import SETTINGS_FILE, StationSettings, data_dir, load_settings
from app.db import parse_url
from devices.sim.devices import SimScale, SimScanner

DEMO_STATION = "DEMO"
# what the rest of the app reads to find settings, data folder and database (app.config)
_ENVIRONMENT = ("PACKDESK_CONFIG_DIR", "PACKDESK_DATA_DIR", "PACKDESK_DATABASE_URL")


@dataclass(frozen=True)
class DemoProfile:
    database_url: str
    folder: Path
    owns_database: bool = False  # True: the database lives in the folder and starts afresh

    @property
    def settings_file(self) -> Path:
        return self.folder / SETTINGS_FILE

    @property
    def printed(self) -> Path:
        """The folder the print queue's default ``file:`` printer writes into."""
        return self.folder / "printed"

    @property
    def log_file(self) -> Path:
        return self.folder / "demo.log"

    @contextmanager
    def active(self) -> Iterator[StationSettings]:
        """Settings, data folder, database and log point at this profile until the block ends;
        yields the demo's own station settings (remembered between demo runs)."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if self.owns_database:
            path = Path(parse_url(self.database_url).database or "")
            for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)
        before = {name: os.environ.get(name) for name in _ENVIRONMENT}
        os.environ.update({"PACKDESK_CONFIG_DIR": str(self.folder), "PACKDESK_DATA_DIR": str(self.folder),
                           "PACKDESK_DATABASE_URL": self.database_url})
        log = logging.FileHandler(self.log_file, encoding="utf-8")
        log.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logging.getLogger().addHandler(log)
        try:
            settings = load_settings(self.settings_file)
            if not self.settings_file.exists():
                settings.station = DEMO_STATION
            yield settings
        finally:
            logging.getLogger().removeHandler(log)
            log.close()
            for name, value in before.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def demo_profile(database_url: str | None = None) -> DemoProfile:
    """The profile of a demo on ``database_url``: beside a SQLite file, else under the data folder.

    Without a URL the demo gets a database of its own in ``<data dir>/demo/`` (never the station's
    database, whatever ``PACKDESK_DATABASE_URL`` or the settings file say).
    """
    if database_url is None:
        folder = data_dir() / "demo"
        return DemoProfile(f"sqlite:///{folder / 'demo.sqlite'}", folder, owns_database=True)
    url = parse_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database).resolve()
        return DemoProfile(database_url, path.with_name(f"{path.stem}-profile"))
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in (url.database or "memory"))
    return DemoProfile(database_url, data_dir() / "demo" / f"{url.get_backend_name()}-{name}")


@contextmanager
def simulated_devices(settings: StationSettings) -> Iterator[tuple[SimScale, SimScanner]]:
    """A simulated scale and scanner on ptys, put into the demo's ``settings`` (which only ever
    reach the demo profile's file); stopped when the block ends."""
    scale, scanner = SimScale("mt-sics"), SimScanner()
    try:
        settings.devices = {"scale": {"port": scale.start(), "protocol": "mt-sics"},
                            "scanner": {"port": scanner.start(), "suffix": "cr"}}
        yield scale, scanner
    finally:
        scale.stop()
        scanner.stop()
