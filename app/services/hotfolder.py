"""A watched folder: files dropped in are imported, then moved to ``done/`` or ``failed/`` with a
report beside them. A file still being written (size or time still changing, or named
``*.part``/``*.tmp``/hidden) is never read."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import DomainError
from app.services.intake.orders import ImportReport

IGNORED_SUFFIXES = {".part", ".tmp", ".crdownload", ".swp"}


@dataclass(frozen=True)
class Outcome:
    file: Path  # where it ended up
    report: Path
    ok: bool


class HotFolder:
    def __init__(
        self,
        folder: Path,
        handle: Callable[[Path], ImportReport],
        settle_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder
        self.handle = handle
        self.settle_s = settle_s
        self.clock = clock
        self._seen: dict[Path, tuple[int, int, float]] = {}  # size, mtime_ns, since
        for sub in ("done", "failed"):
            (folder / sub).mkdir(parents=True, exist_ok=True)

    def _candidates(self) -> list[Path]:
        return sorted(
            p
            for p in self.folder.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in IGNORED_SUFFIXES
        )

    def scan_once(self) -> list[Outcome]:
        now = self.clock()
        outcomes = []
        present = set()
        for path in self._candidates():
            present.add(path)
            st = path.stat()
            size_time = (st.st_size, st.st_mtime_ns)
            seen = self._seen.get(path)
            if seen is None or seen[:2] != size_time:
                self._seen[path] = (*size_time, now)  # new or still growing: wait until it settles
                continue
            if now - seen[2] < self.settle_s:
                continue
            outcomes.append(self._process(path))
            self._seen.pop(path, None)
        for gone in set(self._seen) - present:
            self._seen.pop(gone)
        return outcomes

    def _process(self, path: Path) -> Outcome:
        try:
            report = self.handle(path)
            ok = report.created + report.updated + report.skipped > 0 or report.rejected == 0
            text = report.text()
        except (DomainError, OSError, UnicodeDecodeError) as exc:
            ok, text = False, f"not imported: {exc}\n"
        target_dir = self.folder / ("done" if ok else "failed")
        target = target_dir / path.name
        if target.exists():  # the same name dropped again: keep both
            target = target_dir / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}"
        shutil.move(str(path), target)
        report_path = target.with_name(target.name + ".report.txt")
        report_path.write_text(text, encoding="utf-8")
        return Outcome(target, report_path, ok)

    def watch(
        self,
        stop: threading.Event,
        interval: float = 0.5,
        on_outcome: Callable[[Outcome], None] = lambda _o: None,
    ) -> None:
        while not stop.wait(interval):
            for outcome in self.scan_once():
                on_outcome(outcome)
