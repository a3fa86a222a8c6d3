"""``packdesk warehouses``, ``packdesk bins`` and ``packdesk stock``: where stock lives and how
much of it there is; receiving, moves, adjustments and counts."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.cli.labels import add_printer_option
from app.cli.output import print_json

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    w = sub.add_parser("warehouses", help="the site's warehouses").add_subparsers(
        dest="warehouses_command", metavar="ACTION", required=True)
    add = w.add_parser("add", parents=[common], help="add a warehouse (or change it: same CODE)")
    add.add_argument("code")
    add.add_argument("--name", required=True)
    add.add_argument("--province", default="")
    add.add_argument("--city", default="")
    add.add_argument("--cost-rank", type=int, default=0, help="lower ships cheaper (allocation)")
    add.set_defaults(func=cmd_warehouse_add)
    ls = w.add_parser("list", parents=[common])
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_warehouse_list)
    b = sub.add_parser("bins", help="bin locations").add_subparsers(dest="bins_command", metavar="ACTION",
                                                                     required=True)
    gen = b.add_parser("generate", parents=[common], help="every bin of a range, e.g. A-01-01-1..A-20-10-4")
    gen.add_argument("warehouse")
    gen.add_argument("pattern")
    gen.set_defaults(func=cmd_bins_generate)
    lab = b.add_parser("labels", parents=[common], help="print bin labels (all, or --from BIN --to BIN)")
    lab.add_argument("warehouse")
    lab.add_argument("--from", dest="first", default="", help="first bin (natural order)")
    lab.add_argument("--to", dest="last", default="", help="last bin")
    add_printer_option(lab)
    lab.set_defaults(func=cmd_bins_labels)
    t = sub.add_parser("totes", help="pick totes").add_subparsers(dest="totes_command", metavar="ACTION",
                                                                   required=True)
    tadd = t.add_parser("add", parents=[common], help="register N new totes (TOTE-0001 ...)")
    tadd.add_argument("count", type=int)
    tadd.set_defaults(func=cmd_totes_add)
    st = sub.add_parser("stock", help="receive, move, adjust, count; on-hand").add_subparsers(
        dest="stock_command", metavar="ACTION", required=True)
    rec = st.add_parser("receive", parents=[common], help="put QTY of a SKU or barcode into a bin")
    rec.add_argument("sku")
    rec.add_argument("qty", type=int)
    rec.add_argument("--bin", required=True)
    rec.add_argument("--warehouse")
    rec.add_argument("--receipt", default="", help="the expected receipt it arrives on (else blind)")
    rec.set_defaults(func=cmd_receive)
    mv = st.add_parser("move", parents=[common], help="move free stock between bins")
    mv.add_argument("sku")
    mv.add_argument("qty", type=int)
    mv.add_argument("--from", dest="from_bin", required=True)
    mv.add_argument("--to", dest="to_bin", required=True)
    mv.add_argument("--warehouse")
    mv.set_defaults(func=cmd_move)
    adj = st.add_parser("adjust", parents=[common], help="add (+N) or take (-N) stock with a reason")
    adj.add_argument("sku")
    adj.add_argument("delta", type=int)
    adj.add_argument("--bin", required=True)
    adj.add_argument("--reason", required=True, choices=["damaged", "lost", "found", "expired", "sample",
                                                         "correction"])
    adj.add_argument("--warehouse")
    adj.set_defaults(func=cmd_adjust)
    cnt = st.add_parser("count", parents=[common], help="what a count found in a bin")
    cnt.add_argument("sku")
    cnt.add_argument("qty", type=int)
    cnt.add_argument("--bin", required=True)
    cnt.add_argument("--warehouse")
    cnt.set_defaults(func=cmd_count)
    oh = st.add_parser("on-hand", parents=[common], help="stock per bin (text, --json or --csv)")
    oh.add_argument("--sku")
    oh.add_argument("--warehouse")
    fmt = oh.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    oh.set_defaults(func=cmd_on_hand)


def cmd_warehouse_add(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.masterdata import save_warehouse

    a = rt.args
    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        w = save_warehouse(s, user, a.code, a.name, a.province, a.city, a.cost_rank)
    print(f"Warehouse {w.code} {w.name} ({w.bins} bins)")
    return 0


def cmd_warehouse_list(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.masterdata import warehouses

    with read_only(rt.sessions) as s:
        rows = warehouses(s)
    if rt.args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        print(f"{r.code:<8} {r.name:<20} {r.province}{r.city}  {r.bins} bins")
    return 0


def cmd_bins_generate(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.masterdata import generate_bins

    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        r = generate_bins(s, user, rt.args.warehouse, rt.args.pattern)
    print(f"{r.warehouse}: {r.added} bins added ({r.first} .. {r.last}), {r.existing} there already")
    return 0


def cmd_bins_labels(rt: Runtime) -> int:
    from app.cli.labels import print_labels

    return print_labels(rt, "bins", rt.args.warehouse, "admin.master_data", first=rt.args.first,
                        last=rt.args.last)


def cmd_totes_add(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.masterdata import add_totes

    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        codes = add_totes(s, user, rt.args.count)
    print(f"{len(codes)} totes added: {codes[0]} .. {codes[-1]}")
    return 0


def cmd_receive(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.stock import receive

    a = rt.args
    user = rt.user("stock.receive")
    with unit_of_work(rt.sessions) as s:
        got = receive(s, user, a.sku, a.qty, a.bin, rt.clock(), warehouse=a.warehouse, receipt=a.receipt)
    line = f"Received {got.quantity} x {got.sku} into {got.bin} (now {got.on_hand} there)"
    if got.variance:
        line += f"; {got.receipt}: {got.received} of {got.expected} expected " \
                f"({'over' if got.variance > 0 else 'under'} by {abs(got.variance)})"
    print(line)
    return 0


def cmd_move(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.stock import move

    a = rt.args
    user = rt.user("stock.adjust")
    with unit_of_work(rt.sessions) as s:
        move(s, user, a.sku, a.qty, a.from_bin, a.to_bin, rt.clock(), warehouse=a.warehouse)
    print(f"Moved {a.qty} x {a.sku} from {a.from_bin.upper()} to {a.to_bin.upper()}")
    return 0


def cmd_adjust(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.stock import adjust

    a = rt.args
    user = rt.user("stock.adjust")
    with unit_of_work(rt.sessions) as s:
        left = adjust(s, user, a.sku, a.delta, a.bin, a.reason, rt.clock(), warehouse=a.warehouse)
    print(f"{a.sku} in {a.bin.upper()}: {a.delta:+d} ({a.reason}), now {left}")
    return 0


def cmd_count(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.stock import count

    a = rt.args
    user = rt.user("stock.adjust")
    with unit_of_work(rt.sessions) as s:
        c = count(s, user, a.sku, a.qty, a.bin, rt.clock(), warehouse=a.warehouse)
    waits = " (waits for a supervisor's approval)" if c.status == "pending" else ""
    print(f"Count #{c.id}: {c.sku} in {c.bin} {c.counted} (expected {c.expected}, {c.variance:+d}){waits}")
    return 0


def cmd_on_hand(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.stock import on_hand, on_hand_csv

    a = rt.args
    with read_only(rt.sessions) as s:
        rows = on_hand(s, a.sku, a.warehouse)
    if a.json:
        print_json([{**r.__dict__, "free": r.free} for r in rows])
    elif a.csv:
        sys.stdout.write(on_hand_csv(rows))
    else:
        for r in rows:
            print(f"{r.sku:<16} {r.warehouse:<6} {r.bin:<12} on hand {r.on_hand:>6}  reserved {r.reserved}")
    return 0
