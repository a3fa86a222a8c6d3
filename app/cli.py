"""The ``packdesk`` command: the GUI by default, and subcommands for demo data, the database,
screenshots, and (registered by their areas) devices, printing, customers and imports.

Every error reaches the user as one line ``packdesk: error: ...`` and a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from app.config import StationSettings, load_settings
from app.errors import ConfigError, DomainError
from app.extensions import import_optional

# Areas that add their own subcommands through ``register(subparsers)``.
EXTENSIONS = ["devices.cli", "printing.cli", "app.cli_customer", "app.cli_import", "app.cli_station"]


def _engine(args: argparse.Namespace, settings: StationSettings):
    from app.db import make_engine

    return make_engine(settings.resolved_database_url(getattr(args, "db", None)))


def _ready_engine(args: argparse.Namespace, settings: StationSettings, *, quiet: bool = False):
    """An engine on a database brought to the newest schema (created if new); says what it did."""
    from app import reference
    from app.db import upgrade

    engine = _engine(args, settings)
    result = upgrade(engine)
    if result.changed and not quiet:
        print(result.message(), file=sys.stderr)
    reference.ensure(engine)
    return engine


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import Shell
    from ui.bridge import DeviceBridge

    settings = load_settings()

    def open_database():
        from app.context import AppContext

        return AppContext(engine=_ready_engine(args, settings), settings=settings)

    shell = Shell(open_database, settings)
    bridge = DeviceBridge(settings.devices) if any(
        p.get("port") for p in settings.devices.values()) else None
    if bridge is not None:
        shell.attach_devices(bridge)
        bridge.start()
    shell.show_login()
    try:
        return shell.app.exec()
    finally:
        shell.close()
        if bridge is not None:
            bridge.stop()


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from app.demo import DemoSize, load_demo

    settings = load_settings()
    engine = _ready_engine(args, settings)
    started = time.perf_counter()
    summary = load_demo(
        engine,
        seed=args.seed,
        size=DemoSize(customers=args.customers, orders=args.orders),
        progress=lambda msg: print(f"  loading {msg} …", file=sys.stderr, flush=True),
    )
    print(f"Loaded demo data in {time.perf_counter() - started:.1f} s: {summary.message()}")
    print("Demo users (user / password): "
          + ", ".join(f"{u} / {p}" for u, p, _r, _n in _demo_users()))
    if args.no_gui:
        return 0
    return _run_demo_gui(engine, settings)


def _demo_users() -> list[tuple[str, str, object, str]]:
    from app.demo import DEMO_USERS

    return list(DEMO_USERS)


def _run_demo_gui(engine, settings: StationSettings) -> int:
    """The app on the demo data with a simulated scale and scanner on real ptys."""
    from app.context import AppContext
    from devices.sim.devices import SimScale, SimScanner
    from ui.app import Shell
    from ui.bridge import DeviceBridge
    from ui.sim_panel import SimPanel

    scale, scanner = SimScale("mt-sics"), SimScanner()
    settings.devices = {"scale": {"port": scale.start(), "protocol": "mt-sics"},
                        "scanner": {"port": scanner.start(), "suffix": "cr"}}
    shell = Shell(AppContext(engine=engine, settings=settings), settings)
    bridge = DeviceBridge(settings.devices)
    shell.attach_devices(bridge)
    bridge.start()
    panel = SimPanel(scale, scanner)
    panel.show()
    shell.show_login()
    try:
        return shell.app.exec()
    finally:
        panel.close()
        shell.close()
        bridge.stop()
        scale.stop()
        scanner.stop()


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from app.db import upgrade

    print(upgrade(_engine(args, load_settings())).message())
    return 0


def cmd_db_backup(args: argparse.Namespace) -> int:
    from app.db import check_connection

    engine = _engine(args, load_settings())
    if engine.dialect.name != "sqlite":
        raise ConfigError(
            "Backups of PostgreSQL are made with pg_dump, e.g. "
            f"pg_dump -Fc -f {args.file} '{engine.url.render_as_string(hide_password=True)}'"
        )
    check_connection(engine)
    target = Path(args.file)
    if target.exists():
        raise ConfigError(f"{target} exists already; choose a new file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(engine.url.database or "")
    dest = sqlite3.connect(target)
    try:
        # The online backup API copies a consistent snapshot while stations keep writing.
        with dest:
            source.backup(dest, pages=1024)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise ConfigError(f"Backup failed: {exc}") from None
    finally:
        dest.close()
        source.close()
    print(f"Backed up {engine.url.database} to {target} ({target.stat().st_size:,} bytes).")
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from app.context import AppContext
    from ui.screenshots import render

    settings = load_settings()
    settings.language = args.lang
    engine = _ready_engine(args, settings, quiet=True)
    size = tuple(int(x) for x in args.size.lower().split("x")) if args.size else None
    out = render(AppContext(engine=engine, settings=settings), args.view, Path(args.out), size)  # type: ignore[arg-type]
    print(out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packdesk",
        description="PackDesk: fulfilment stations and customer service. Without a command, starts the app.",
    )
    parser.add_argument("--db", metavar="URL", help="database URL (default: the station's SQLite file)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="load demo data, then start the app with simulated devices")
    demo.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.add_argument("--customers", type=_positive, default=2_000, help="number of customers")
    demo.add_argument("--orders", type=_positive, default=6_000, help="number of orders")
    demo.add_argument("--no-gui", action="store_true", help="load the data and exit")
    demo.set_defaults(func=cmd_demo)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="bring the database to the newest schema")
    up.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")
    up.set_defaults(func=cmd_db_upgrade)
    backup = db_sub.add_parser("backup", help="consistent copy of a SQLite database while in use")
    backup.add_argument("file", help="where to write the copy")
    backup.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")
    backup.set_defaults(func=cmd_db_backup)

    shot = sub.add_parser("screenshot", help="render one view offscreen to a PNG")
    shot.add_argument("--view", required=True, help="view name, e.g. login, main, station.pack")
    shot.add_argument("--out", required=True, help="PNG file to write")
    shot.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")
    shot.add_argument("--lang", choices=["zh_CN", "en"], default="en", help="UI language")
    shot.add_argument("--size", help="window size WxH, e.g. 1280x800")
    shot.set_defaults(func=cmd_screenshot)

    for name in EXTENSIONS:
        module = import_optional(name)
        if module is not None:
            module.register(sub)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _database_failure(exc: Exception) -> str | None:
    """One line for a database error; None when it is not one. SQLAlchemy is imported only if
    already loaded, so commands that never touch the database start without it."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    if isinstance(exc, OperationalError) and exc.orig is not None:
        return str(exc.orig).strip().splitlines()[0]
    if isinstance(exc, SQLAlchemyError):
        return str(exc).splitlines()[0]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(f"packdesk: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        message = _database_failure(exc)
        if message is None:
            raise
        print(f"packdesk: error: database: {message}", file=sys.stderr)
        return 1
    except OSError as exc:  # full disk, unwritable file, ...
        print(f"packdesk: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
