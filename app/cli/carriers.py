"""``packdesk carriers``: waybill number pools, sort-code tables, carrier rules and cut-offs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import print_json
from app.errors import DomainError

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DomainError("No such file: {path}", path=path) from None
    except UnicodeDecodeError:
        raise DomainError("{path} is not UTF-8 text; save it as UTF-8.", path=path) from None
    except OSError as exc:
        raise DomainError("Cannot read {path}: {why}", path=path, why=exc.strerror) from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    c = sub.add_parser("carriers", help="carriers' waybill number pools, sort codes, rules and cut-offs")
    csub = c.add_subparsers(dest="carriers_command", metavar="WHAT", required=True)
    pool = csub.add_parser("pool", help="waybill number pools").add_subparsers(
        dest="pool_command", metavar="ACTION", required=True)
    imp = pool.add_parser("import", parents=[common],
                          help="add numbers from a text file: one number or START-END range a line")
    imp.add_argument("carrier")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_pool_import)
    st = pool.add_parser("status", parents=[common], help="free, issued and voided numbers per carrier")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_pool_status)
    void = pool.add_parser("void", parents=[common], help="void a number for good (a supervisor)")
    void.add_argument("carrier")
    void.add_argument("number")
    void.add_argument("--reason", required=True)
    void.set_defaults(func=cmd_pool_void)
    sc = csub.add_parser("sortcodes", help="the carrier's sort-code table").add_subparsers(
        dest="sortcodes_command", metavar="ACTION", required=True)
    sci = sc.add_parser("import", parents=[common], help="CSV province,city,district,code")
    sci.add_argument("carrier")
    sci.add_argument("file")
    sci.set_defaults(func=cmd_sortcodes_import)
    rule = csub.add_parser("rule", help="which carrier an order gets").add_subparsers(
        dest="rule_command", metavar="ACTION", required=True)
    add = rule.add_parser("add", parents=[common], help="add a rule (lowest position matching wins)")
    add.add_argument("carrier")
    add.add_argument("--service", default="")
    add.add_argument("--position", type=int, default=100)
    add.add_argument("--channel", default="", help="tmall, jd, douyin, pinduoduo, shopify, own_site")
    add.add_argument("--province", default="")
    add.add_argument("--min-weight", type=int, metavar="GRAMS")
    add.add_argument("--max-weight", type=int, metavar="GRAMS")
    add.add_argument("--cod", choices=["yes", "no"], help="only cash-on-delivery orders, or only others")
    add.set_defaults(func=cmd_rule_add)
    ls = rule.add_parser("list", parents=[common])
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_rule_list)
    cut = csub.add_parser("cutoff", parents=[common], help="a carrier's cut-off and pick-ups at a warehouse")
    cut.add_argument("carrier")
    cut.add_argument("warehouse")
    cut.add_argument("time", help="HH:MM, local")
    cut.add_argument("--pickups", default="", help="HH:MM,HH:MM")
    cut.set_defaults(func=cmd_cutoff)


def cmd_pool_import(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.carriers import import_pool

    user = rt.user("admin.master_data")
    text = read_text(rt.args.file)
    with unit_of_work(rt.sessions) as s:
        report = import_pool(s, user, rt.args.carrier, text, Path(rt.args.file).name, rt.clock())
    sys.stdout.write(report.text(rt.language))
    return 0 if not report.problems else 3


def cmd_pool_status(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.carriers import pool_status

    rt.user("station.plan")
    with read_only(rt.sessions) as s:
        rows = pool_status(s)
    if rt.args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        warn = "  LOW: order numbers from the carrier" if r.low else ""
        print(f"{r.carrier:<6} {r.name:<16} free {r.free:>8}  issued {r.issued:>8}  void {r.void:>5}{warn}")
    return 0


def cmd_pool_void(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.carriers import void_number

    user = rt.user("station.exceptions")
    with unit_of_work(rt.sessions) as s:
        void_number(s, user, rt.args.carrier, rt.args.number, rt.args.reason, rt.clock())
    print(f"{rt.args.number} voided; it will never be used.")
    return 0


def cmd_sortcodes_import(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.carriers import import_sort_codes

    user = rt.user("admin.master_data")
    text = read_text(rt.args.file)
    with unit_of_work(rt.sessions) as s:
        report = import_sort_codes(s, user, rt.args.carrier, text)
    sys.stdout.write(report.text(rt.language))
    return 0 if not report.problems else 3


def cmd_rule_add(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.carriers import save_rule

    a = rt.args
    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        rule = save_rule(s, user, a.carrier, a.service, position=a.position, channel=a.channel,
                         province=a.province, min_weight_g=a.min_weight, max_weight_g=a.max_weight,
                         cod=None if a.cod is None else a.cod == "yes")
    print(f"Rule #{rule.id} (position {rule.position}): {rule.carrier} {rule.service}".rstrip())
    return 0


def cmd_rule_list(rt: Runtime) -> int:
    from app.db import read_only
    from app.services.carriers import rules

    rt.user("admin.master_data")
    with read_only(rt.sessions) as s:
        rows = rules(s)
    if rt.args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        parts = (r.channel and f"channel {r.channel}", r.province and f"to {r.province}",
                 r.min_weight_g is not None and f">= {r.min_weight_g} g",
                 r.max_weight_g is not None and f"<= {r.max_weight_g} g",
                 r.cod is not None and ("COD" if r.cod else "not COD"))
        cond = ", ".join(x for x in parts if x) or "any order"
        print(f"#{r.id:<4} {r.position:>4}  {cond:<40} -> {r.carrier} {r.service}")
    return 0


def cmd_cutoff(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services.carriers import set_cutoff

    a = rt.args
    user = rt.user("admin.master_data")
    with unit_of_work(rt.sessions) as s:
        set_cutoff(s, user, a.warehouse, a.carrier, a.time, a.pickups)
    print(f"{a.carrier.upper()} at {a.warehouse.upper()}: cut-off {a.time}, pick-ups {a.pickups or 'none'}")
    return 0
