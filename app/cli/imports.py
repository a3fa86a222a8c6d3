"""``packdesk import``: orders and tracking events from files, and a watched hot folder."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DomainError
from app.services.intake.records import READERS  # standard library only: cheap at start-up

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", help="import orders, products, receipts or tracking events from files")
    isub = imp.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    orders = isub.add_parser("orders", parents=[common], help="orders from a shop export")
    orders.add_argument("file")
    orders.add_argument("--format", choices=sorted(READERS), help="default: from the file name and header")
    orders.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    orders.set_defaults(func=cmd_orders)
    tracking = isub.add_parser("tracking", parents=[common], help="carrier tracking events (CSV or JSON)")
    tracking.add_argument("file")
    tracking.set_defaults(func=cmd_tracking)
    products = isub.add_parser("products", parents=[common], help="products (PackDesk or Shopify CSV)")
    products.add_argument("file")
    products.add_argument("--format", choices=["packdesk-csv", "shopify-csv"], help="default: by header")
    products.set_defaults(func=cmd_products)
    receipts = isub.add_parser("receipts", parents=[common],
                               help="expected receipts: CSV reference,warehouse,sku,quantity[,supplier]")
    receipts.add_argument("file")
    receipts.set_defaults(func=cmd_receipts)
    watch = isub.add_parser(
        "watch",
        parents=[common],
        help="import every file dropped into FOLDER (orders, or tracking if "
        "the file name starts with 'tracking')",
    )
    watch.add_argument("folder")
    watch.add_argument("--once", action="store_true", help="process what is there now and exit")
    watch.set_defaults(func=cmd_watch)


def _read(path: str) -> str:
    from app.services.intake.files import read_text

    return read_text(Path(path))


def cmd_orders(rt: Runtime) -> int:
    args = rt.args
    rt.user("intake.import")
    from app.services.intake.files import import_path

    report = import_path(rt.sessions, Path(args.file), args.format, args.dry_run, rt.clock())
    sys.stdout.write((report.dry_run_prefix(rt.language) if args.dry_run else "") + report.text(rt.language))
    return 0 if report.rejected == 0 else 3


def cmd_tracking(rt: Runtime) -> int:
    from app.services.intake.files import import_path

    args = rt.args
    rt.user("intake.import")
    report = import_path(rt.sessions, Path(args.file), "tracking", now=rt.clock())
    sys.stdout.write(report.text(rt.language))
    return 0 if report.rejected == 0 else 3


def cmd_products(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.intake.products import import_products

    user = rt.user("admin.master_data")
    text = _read(rt.args.file)
    with unit_of_work(rt.sessions) as s:
        report = import_products(s, user, text, rt.args.format, Path(rt.args.file).name)
    sys.stdout.write(report.text(rt.language))
    return 0 if not report.problems else 3


def cmd_receipts(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.stock import import_receipts

    user = rt.user("stock.receive")
    text = _read(rt.args.file)
    with unit_of_work(rt.sessions) as s:
        report = import_receipts(s, user, text)
    sys.stdout.write(report.text(rt.language))
    return 0 if not report.problems else 3


def cmd_watch(rt: Runtime) -> int:
    from app.services.hotfolder import HotFolder
    from app.services.intake.files import import_path

    args = rt.args
    rt.user("intake.import")
    factory = rt.sessions
    folder = Path(args.folder)
    if not folder.is_dir():
        raise DomainError("No such folder: {folder}", folder=str(folder))
    hot = HotFolder(folder, lambda p: import_path(factory, p), settle_s=0 if args.once else 1.0,
                    lang=rt.language)

    def say(outcome) -> None:
        print(f"{'done' if outcome.ok else 'FAILED'}: {outcome.file} ({outcome.report.name})", flush=True)

    if args.once:
        hot.scan_once()  # first look records sizes ...
        for outcome in hot.scan_once():  # ... the second imports what did not change
            say(outcome)
        return 0
    print(f"Watching {folder} (Ctrl-C to stop)", flush=True)
    stop = threading.Event()
    try:
        hot.watch(stop, on_outcome=say)
    except KeyboardInterrupt:
        stop.set()
    return 0
