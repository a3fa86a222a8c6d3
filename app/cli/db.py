"""``packdesk db``: bring a database to the newest schema, back up a live SQLite database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", parents=[common], help="bring the database to the newest schema") \
        .set_defaults(func=cmd_upgrade)
    backup = db_sub.add_parser("backup", parents=[common],
                               help="consistent copy of a SQLite database while in use")
    backup.add_argument("file", help="where to write the copy")
    backup.set_defaults(func=cmd_backup)


def cmd_upgrade(rt: Runtime) -> int:
    from app.db import upgrade

    print(upgrade(rt.raw_engine).message())
    return 0


def cmd_backup(rt: Runtime) -> int:
    from app.db import check_connection
    from app.services.backup import backup_sqlite

    engine = rt.raw_engine
    target = Path(rt.args.file)
    if engine.dialect.name == "sqlite":
        check_connection(engine)  # else backup_sqlite says how to back up with pg_dump

    result = backup_sqlite(engine, target, _progress if sys.stderr.isatty() else None)
    print(f"Backed up {result.source} to {result.target} ({result.bytes:,} bytes, "
          f"{result.seconds:.1f} s).")
    return 0


def _progress(copied: int, total: int) -> None:
    print(f"\r  {copied * 100 // max(total, 1)} %", end="\n" if copied >= total else "", file=sys.stderr,
          flush=True)
