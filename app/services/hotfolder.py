"""A watched folder: files dropped in are imported, then moved to ``done/`` or ``failed/`` with a
report beside them. A file still being written (size or time still changing, or named
``*.part``/``*.tmp``/hidden) is never read.

The folder reads and writes only regular files inside its own folders: a dropped symbolic link,
FIFO or device goes to ``failed/`` unread, and ``done/``, ``failed/`` and the reports are reached
through directory descriptors that refuse links. A settled file is first claimed (moved into
``.processing/``), so a file dropped again meanwhile is imported on its own; the import reads a
private copy taken through a descriptor. Whatever a file does to the import, it goes to
``failed/`` with the reason and the watcher goes on. Unix only (``dir_fd``, ``O_NOFOLLOW``).
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from app.errors import DomainError
from app.i18n import Worded, word
from app.services.intake.orders import ImportReport

IGNORED_SUFFIXES = {".part", ".tmp", ".crdownload", ".swp"}
DONE, FAILED, WORK = "done", "failed", ".processing"
ROOT = ""
_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
log = logging.getLogger(__name__)


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
        lang: str = "en",
    ) -> None:
        """``handle`` imports one file: it is given a private copy with the dropped file's name; the
        reports are written in ``lang``."""
        self.folder = Path(folder)
        self.lang = lang
        self.handle = handle
        self.settle_s = settle_s
        self.clock = clock
        self._seen: dict[str, tuple[int, int, int, float]] = {}  # size, mtime_ns, mode, since
        with self._dirs() as dirs:
            self._recover(dirs)

    @contextmanager
    def _dirs(self) -> Iterator[dict[str, int]]:
        """Descriptors of the folder and of its own subfolders (created 0700), never through a link."""
        fds: dict[str, int] = {}
        try:
            fds[ROOT] = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)
            for sub in (DONE, FAILED, WORK):
                with suppress(FileExistsError):
                    os.mkdir(sub, 0o700, dir_fd=fds[ROOT])
                try:
                    fds[sub] = os.open(sub, _DIR, dir_fd=fds[ROOT])
                except OSError:
                    raise DomainError(
                        "{path} is not a folder of the hot folder's own (a symbolic link?): "
                        "move it away and the hot folder makes a new one",
                        path=str(self.folder / sub),
                    ) from None
            yield fds
        finally:
            for fd in fds.values():
                os.close(fd)

    def _recover(self, dirs: dict[str, int]) -> None:
        """Files claimed by a watcher that stopped half-way go back to be imported again."""
        for name in os.listdir(dirs[WORK]):
            os.rename(name, _free_name(dirs[ROOT], name), src_dir_fd=dirs[WORK], dst_dir_fd=dirs[ROOT])

    def scan_once(self) -> list[Outcome]:
        now = self.clock()
        outcomes = []
        with self._dirs() as dirs:
            present: dict[str, tuple[int, int, int]] = {}
            with os.scandir(dirs[ROOT]) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or Path(entry.name).suffix.lower() in IGNORED_SUFFIXES:
                        continue
                    st = entry.stat(follow_symlinks=False)
                    if not stat.S_ISDIR(st.st_mode):
                        present[entry.name] = (st.st_size, st.st_mtime_ns, st.st_mode)
            for name in sorted(present):
                seen = self._seen.get(name)
                if seen is None or seen[:3] != present[name]:
                    self._seen[name] = (*present[name], now)  # new or still growing: wait until it settles
                    continue
                if now - seen[3] < self.settle_s:
                    continue
                self._seen.pop(name)
                try:
                    outcome = self._process(name, dirs)
                except OSError:  # it stays in .processing/ and comes back on the next start
                    log.exception("hot folder %s: %s could not be filed away", self.folder, name)
                    continue
                if outcome is not None:
                    outcomes.append(outcome)
        for gone in set(self._seen) - set(present):
            self._seen.pop(gone)
        return outcomes

    def _process(self, name: str, dirs: dict[str, int]) -> Outcome | None:
        try:
            os.rename(name, name, src_dir_fd=dirs[ROOT], dst_dir_fd=dirs[WORK])  # a link moves as a link
        except FileNotFoundError:
            return None  # taken away, or by another watcher
        ok, text = self._import(name, dirs[WORK])
        sub = DONE if ok else FAILED
        target = _free_name(dirs[sub], name)
        os.rename(name, target, src_dir_fd=dirs[WORK], dst_dir_fd=dirs[sub])
        report = _write_new(dirs[sub], target, text)
        return Outcome(self.folder / sub / target, self.folder / sub / report, ok)

    def _import(self, name: str, work: int) -> tuple[bool, str]:
        copy = Path()
        try:
            data = _read_regular(name, work)
            with tempfile.TemporaryDirectory(prefix="packdesk-hot-") as tmp:
                copy = Path(tmp) / name
                fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with open(fd, "wb") as fh:
                    fh.write(data)
                report = self.handle(copy)
        except Exception as exc:  # whatever the file does to the import, the watcher outlives it
            if not isinstance(exc, DomainError | OSError):
                log.exception("hot folder %s: importing %s failed", self.folder, name)
            said = word(exc, self.lang) if isinstance(exc, Worded) else str(exc)
            said = said.replace(str(copy), name)  # the report names the file dropped, not its private copy
            reason = " ".join(said.split()) or type(exc).__name__
            return False, word(DomainError("not imported: {reason}", reason=reason[:500]), self.lang) + "\n"
        ok = report.created + report.updated + report.skipped > 0 or report.rejected == 0
        return ok, report.text(self.lang)

    def watch(
        self,
        stop: threading.Event,
        interval: float = 0.5,
        on_outcome: Callable[[Outcome], None] = lambda _o: None,
    ) -> None:
        problem = ""
        while not stop.wait(interval):
            try:
                outcomes = self.scan_once()
            except Exception as exc:  # the folder is away or its own folders are links: try again
                if str(exc) != problem:
                    log.warning("hot folder %s: %s", self.folder, exc)
                problem = str(exc)
                continue
            problem = ""
            for outcome in outcomes:
                on_outcome(outcome)


def _read_regular(name: str, dir_fd: int) -> bytes:
    st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    if stat.S_ISLNK(st.st_mode):
        raise DomainError("{name} is a symbolic link: the hot folder reads only regular files", name=name)
    if not stat.S_ISREG(st.st_mode):
        raise DomainError("{name} is not a regular file (a FIFO, socket or device)", name=name)
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
    with open(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped since the look above
            raise DomainError("{name} is not a regular file (a FIFO, socket or device)", name=name)
        if st.st_nlink > 1:  # another name for a file elsewhere, perhaps one we must not read
            raise DomainError("{name} is a hard link to another file: copy the file in instead", name=name)
        return fh.read()


def _exists(dir_fd: int, name: str) -> bool:
    try:
        os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _free_name(dir_fd: int, name: str) -> str:
    """``name``, or name-<time>[-n] when it or its report is there already (keep both)."""
    stem, suffix = os.path.splitext(name)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(10_000):
        candidate = name if n == 0 else f"{stem}-{stamp}{suffix}" if n == 1 else f"{stem}-{stamp}-{n}{suffix}"
        if not _exists(dir_fd, candidate) and not _exists(dir_fd, candidate + ".report.txt"):
            return candidate
    raise DomainError("No free file name for {name} in the hot folder", name=name)


def _write_new(dir_fd: int, target: str, text: str) -> str:
    """The report beside ``target``, created new (0600): never written through a planted link."""
    for n in range(1, 10_000):
        name = f"{target}.report.txt" if n == 1 else f"{target}.report-{n}.txt"
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=dir_fd)
        except FileExistsError:
            continue
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        return name
    raise DomainError("No free file name for the report of {name}", name=target)
