"""A scale on a serial link: polls request/response protocols, parses, applies stability."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from devices.errors import DeviceError
from devices.profile import Profile
from devices.scale.base import ScaleError, ScaleEvent, ScaleProtocol, WeightReading, get_protocol
from devices.scale.stability import StabilityFilter
from devices.transport import LinkStatus, SerialLink, SerialSettings


def serial_settings(protocol: ScaleProtocol, profile: Profile) -> SerialSettings:
    """The protocol's defaults, overridden by what the station profile sets."""
    return SerialSettings(
        baudrate=int(profile.get("baudrate") or protocol.baudrate),
        bytesize=int(profile.get("bytesize") or protocol.bytesize),
        parity=str(profile.get("parity") or protocol.parity),
        stopbits=float(profile.get("stopbits") or protocol.stopbits),
    )


class ScaleDevice:
    """``on_event`` receives every ScaleEvent (from the reader thread)."""

    def __init__(
        self,
        port: str,
        protocol: str,
        on_event: Callable[[ScaleEvent], None],
        on_status: Callable[[LinkStatus], None] = lambda _s: None,
        profile: Profile | None = None,
        poll_interval: float = 0.2,
    ) -> None:
        self.profile = dict(profile or {})
        self.protocol = get_protocol(protocol)
        self.on_event = on_event
        self.poll_interval = poll_interval
        self.stability = StabilityFilter(
            count=int(self.profile.get("stable_count", 3)),
            window_s=float(self.profile.get("stable_window_s", 1.0)),
            tolerance_g=Decimal(str(self.profile.get("stable_tolerance_g", 0))),
        )
        self.poll_command = self.protocol.poll_command
        self._profile_error: ScaleError | None = None  # reported on start, never raised
        if self.protocol.poll_for is not None:
            try:
                self.poll_command = self.protocol.poll_for(self.profile)
            except DeviceError as exc:
                self.poll_command = None
                self._profile_error = ScaleError("profile", exc.template, self.protocol.name,
                                                 params=exc.params)
        self._parser = self.protocol.new_parser(self.profile)
        self.link = SerialLink(port, serial_settings(self.protocol, self.profile), self._data,
                               on_status, on_connect=self._connected)
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None
        self._last: tuple[float, WeightReading] | None = None  # for silent-when-unchanged scales

    def start(self) -> None:
        self._stop.clear()
        if self._profile_error is not None:
            self.on_event(self._profile_error)
            return
        self.link.start()
        if self.poll_command and self._poller is None:
            self._poller = threading.Thread(target=self._poll, name="scale poll", daemon=True)
            self._poller.start()

    def stop(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=2)
            self._poller = None
        self.link.stop()

    def zero(self) -> bool:
        return self._command(self.protocol.zero_command)

    def tare(self) -> bool:
        return self._command(self.protocol.tare_command)

    def clear_tare(self) -> bool:
        return self._command(self.protocol.clear_tare_command)

    def _command(self, command: bytes | None) -> bool:
        return command is not None and self.link.write(command)

    def _connected(self) -> None:
        self._parser = self.protocol.new_parser(self.profile)  # drop half a frame from before

    def _poll(self) -> None:
        assert self.poll_command is not None
        while not self._stop.wait(self.poll_interval):
            self.link.write(self.poll_command)
            self._settle_silent_scale()

    def _settle_silent_scale(self) -> None:
        # A scale that only answers when the weight changes is stable once it has been
        # silent for the stability window after its last reading.
        last = self._last
        if self.protocol.repeats_unchanged or last is None:
            return
        at, reading = last
        if not reading.stable and time.monotonic() - at >= self.stability.window_s:
            self._last = (at, replace(reading, stable=True))
            self.on_event(self._last[1])

    def _data(self, data: bytes) -> None:
        for event in self._parser.feed(data):
            if isinstance(event, WeightReading) and not self.protocol.has_stability_flag:
                event = self.stability.accept(event)
                self._last = (time.monotonic(), event)
            self.on_event(event)
