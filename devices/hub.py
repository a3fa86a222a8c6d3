"""The station's devices, built from its saved profiles: one scale and any scanners.

Profiles live in ``StationSettings.devices``: ``{"scale": {"port": ..., "protocol": ...,
"baudrate": ...}, "scanner": {"port": ..., "suffix": "cr"}}``. Callbacks run on reader threads;
the Qt bridge in ``ui.bridge`` moves them to the GUI thread.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from devices.scale.base import ScaleEvent
from devices.scale.device import ScaleDevice
from devices.scanner.scan import Scan
from devices.scanner.serial_scanner import SerialScanner
from devices.transport import LinkStatus

ROLES = ("scale", "scanner")


class DeviceHub:
    def __init__(
        self,
        profiles: dict[str, dict[str, Any]],
        on_scan: Callable[[Scan], None],
        on_weight: Callable[[ScaleEvent], None],
        on_status: Callable[[str, LinkStatus], None],
    ) -> None:
        self.scale: ScaleDevice | None = None
        self.scanners: list[SerialScanner] = []
        for role, profile in profiles.items():
            port = str(profile.get("port", "")).strip()
            if not port:
                continue
            if role == "scale":
                self.scale = ScaleDevice(port, str(profile.get("protocol", "mt-sics")), on_weight,
                                         functools.partial(on_status, role), profile=profile)
            elif role.startswith("scanner"):
                self.scanners.append(SerialScanner(port, on_scan, functools.partial(on_status, role),
                                                   profile=profile))

    @property
    def empty(self) -> bool:
        return self.scale is None and not self.scanners

    def start(self) -> None:
        if self.scale is not None:
            self.scale.start()
        for scanner in self.scanners:
            scanner.start()

    def stop(self) -> None:
        if self.scale is not None:
            self.scale.stop()
        for scanner in self.scanners:
            scanner.stop()
