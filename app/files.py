"""Files holding personal data or secrets (databases, backups, settings): 0600 in folders 0700.

The modes are given at creation, so there is no moment when another user could open the file;
an older file found looser than 0600 is tightened when it is next used.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: Path) -> Path:
    """Create a folder 0700 (missing parents get the usual mode); an existing one is left as is."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    return path


def create_private(path: Path) -> int:
    """A new empty file, 0600 from the start; returns its descriptor open for writing.

    Refuses a name that exists, a symlink included, so nothing is written through someone's link.
    """
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE)


def tighten(path: Path) -> None:
    """Take group and other permissions off an existing file (a no-op where there are none).

    A file this user may not change (another owner, a read-only disk) is left as it is, with a
    warning: the station still works with it.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & (stat.S_IRWXG | stat.S_IRWXO):
        return
    try:
        os.chmod(path, PRIVATE_FILE)
    except OSError as exc:
        log.warning("%s stays readable by others (%s): %s", path, stat.filemode(mode), exc.strerror)
