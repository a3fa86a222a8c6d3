"""Software stability for scales that send no stability flag: N equal readings in a window."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from devices.scale.base import WeightReading, WeightStatus


class StabilityFilter:
    """Marks a reading stable when the last ``count`` readings, all within ``window_s``
    seconds, differ by at most ``tolerance_g``. Readings that carry their own flag pass as is."""

    def __init__(self, count: int = 3, window_s: float = 1.0, tolerance_g: Decimal = Decimal(0),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.count = count
        self.window_s = window_s
        self.tolerance_g = tolerance_g
        self.clock = clock
        self._recent: deque[tuple[float, Decimal]] = deque(maxlen=count)

    def accept(self, reading: WeightReading) -> WeightReading:
        if reading.status is not WeightStatus.OK:
            self._recent.clear()
            return reading
        now = self.clock()
        self._recent.append((now, reading.grams))
        values = [g for _t, g in self._recent]
        stable = (
            len(self._recent) == self.count
            and now - self._recent[0][0] <= self.window_s
            and max(values) - min(values) <= self.tolerance_g
        )
        return replace(reading, stable=stable)
