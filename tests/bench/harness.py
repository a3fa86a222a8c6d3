"""Benchmark harness: each benchmark returns one Result printed as one line.

Benchmarks register with ``@benchmark("name")``; ``python -m tests.bench [NAME ...] [--json]``
runs them. A Result names its own figures and the floor or peer it was compared with,
measured in the same run, so a number never stands without its yardstick.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

REGISTRY: dict[str, Callable[[], Result]] = {}


@dataclass(frozen=True)
class Result:
    name: str
    figures: dict[str, float]  # e.g. {"p50_ms": .., "p99_ms": ..} or {"total_s": ..}
    peer: str = ""  # what it is compared with
    ratio: float | None = None  # ours / peer (lower is better) unless `ratio_note` says else
    ratio_note: str = "ours/peer"
    goal: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    def line(self) -> str:
        figs = " ".join(f"{k}={v:.3f}" for k, v in self.figures.items())
        parts = [f"{self.name:<28} {figs}"]
        if self.peer:
            parts.append(f"peer={self.peer}")
        if self.ratio is not None:
            parts.append(f"{self.ratio_note}={self.ratio:.2f}")
        if self.goal:
            parts.append(f"goal: {self.goal}")
        return "  ".join(parts)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def benchmark(name: str) -> Callable[[Callable[[], Result]], Callable[[], Result]]:
    def register(fn: Callable[[], Result]) -> Callable[[], Result]:
        REGISTRY[name] = fn
        return fn

    return register


def percentiles_ms(samples_s: Iterable[float]) -> dict[str, float]:
    """p50/p99/max of durations given in seconds, in milliseconds."""
    ms = sorted(s * 1000 for s in samples_s)
    if not ms:
        return {"p50_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0}
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return {"p50_ms": statistics.median(ms), "p99_ms": p99, "max_ms": ms[-1]}


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock durations in seconds of `repeat` calls."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out
