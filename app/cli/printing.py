"""``packdesk print`` (any document to a file or a printer, through the print queue) and
``packdesk printers list``. Printing reads personal data: it runs as a signed-in user and is
audited; a reprint needs ``print.reprint``."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DomainError

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from app.cli.runtime import Runtime

DOCUMENTS = ["waybill", "invoice", "packing-slip", "pick-list", "manifest"]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("print", parents=[common],
                       help="print a document to a file (PDF, ZPL, TSPL) or a printer")
    p.add_argument("document", choices=DOCUMENTS)
    p.add_argument("ref", nargs="?", help="order / tracking / wave / batch number")
    p.add_argument("--all-packed", action="store_true", help="every packed parcel's waybill (batch)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="file to write: .pdf, .zpl or .tspl")
    target.add_argument(
        "--printer",
        help="a printer of this station's settings ([printers.NAME] uri = ...; 'files' writes PDFs into "
        "the data folder): a station prints only on printers it was set up with",
    )
    p.add_argument("--format", choices=["pdf", "zpl", "tspl"], help="for --printer (default: pdf)")
    p.add_argument("--size", default="100x150", help="waybill size: 100x150, 76x130, 100x180 or 4x6")
    p.add_argument("--dpi", type=int, choices=[203, 300], default=203, help="label printer resolution")
    p.add_argument("--reprint", action="store_true", help="mark the document as a reprint")
    p.set_defaults(func=cmd_print)

    printers = sub.add_parser("printers", help="printers this station can reach")
    psub = printers.add_subparsers(dest="printers_command", metavar="ACTION", required=True)
    psub.add_parser(
        "list", parents=[common], help="system queues and the station's configured printers, with status"
    ).set_defaults(func=cmd_printers_list)

    jobs = sub.add_parser("print-jobs", help="this station's print jobs: list, reprint, retry, mark printed")
    jsub = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    lst = jsub.add_parser("list", parents=[common], help="newest first, with the last error")
    lst.add_argument("--all-stations", action="store_true")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_jobs_list)
    for verb, what in (("reprint", "a new, audited copy of a job"),
                       ("retry", "send a failed or unknown job again now"),
                       ("mark-printed", "a job whose outcome was unknown did print (after looking)")):
        j = jsub.add_parser(verb, parents=[common], help=what)
        j.add_argument("job", type=int)
        j.set_defaults(func=cmd_job_action, verb=verb)


def render(session: Session, args: argparse.Namespace, fmt: str, now: dt.datetime) -> tuple[bytes, str]:
    """(document bytes, reference) for the CLI arguments."""
    from app.services import documents as snap
    from printing import documents as docs
    from printing.thermal import render_thermal

    if args.document == "waybill":
        if args.all_packed:
            waybills = snap.packed_waybills(session, now)
            if not waybills:
                raise DomainError("No packed parcels are waiting for their waybill.")
            if fmt == "pdf":
                return docs.render_waybills(waybills, args.size), f"{len(waybills)} parcels"
            labels = b"".join(render_thermal(w, fmt, args.dpi, args.size) for w in waybills)
            return labels, f"{len(waybills)} parcels"
        w = snap.waybill(session, _ref(args), now, reprint=args.reprint)
        return (
            docs.render_waybill(w, args.size) if fmt == "pdf" else render_thermal(w, fmt, args.dpi, args.size)
        ), w.tracking_number
    if fmt != "pdf":
        raise DomainError("A {document} prints as PDF; only waybills print as ZPL or TSPL.",
                          document=args.document)
    builders: dict[str, Callable[[], bytes]] = {
        "invoice": lambda: docs.render_invoice(snap.invoice(session, _ref(args), now)),
        "packing-slip": lambda: docs.render_packing_slip(snap.packing_slip(session, _ref(args))),
        "pick-list": lambda: docs.render_pick_list(snap.pick_list(session, _ref(args))),
        "manifest": lambda: docs.render_manifest(snap.manifest(session, _ref(args))),
    }
    return builders[args.document](), _ref(args)


def _ref(args: argparse.Namespace) -> str:
    if not args.ref:
        raise DomainError("Which {document}? Give its number (or --all-packed for waybills).",
                          document=args.document)
    return args.ref


def cmd_print(rt: Runtime) -> int:
    from app.db import read_only
    from app.i18n import restored
    from app.services import print_queue
    from printing.documents import WAYBILL_SIZES

    args = rt.args
    if args.size not in WAYBILL_SIZES:
        raise DomainError("No waybill size {size}; sizes: {sizes}.", size=args.size,
                          sizes=", ".join(sorted(WAYBILL_SIZES)))
    user = rt.user("print.reprint" if args.reprint else "station.pack")
    settings = rt.settings
    if args.out:
        fmt = Path(args.out).suffix.lstrip(".").lower()
        if fmt not in ("pdf", "zpl", "tspl"):
            raise DomainError("Cannot tell the format of {out}: end it in .pdf, .zpl or .tspl", out=args.out)
    else:
        fmt = args.format or str(settings.printers.get(args.printer, {}).get("format", "pdf"))
    with read_only(rt.sessions) as s:
        payload, ref = render(s, args, fmt, rt.clock())
    rt.audit("print.reprint" if args.reprint else "print.document", args.document, ref,
             target=args.out or args.printer)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(out.suffix + ".part")
        tmp.write_bytes(payload)
        tmp.replace(out)
        print(f"Wrote {args.document} {ref} to {out} ({len(payload):,} bytes).")
        return 0
    queued, view = print_queue.print_now(
        rt.sessions, args.document, ref, args.printer, fmt, payload, printers=settings.printers,
        station=settings.station, user_id=user.id, now=rt.clock, reprint=args.reprint,
    )
    if queued.already_waiting:
        print(queued.message)
        return 0
    if view.status != "printed":
        raise DomainError("Job {id} {status}: {error}{tail}", id=view.id, status=view.status,
                          error=restored(view.last_error),
                          tail=" (it stays queued and is retried)" if view.status == "queued" else "")
    print(f"Printed {args.document} {ref} on {args.printer} (job {view.id}).")
    return 0


def cmd_jobs_list(rt: Runtime) -> int:
    from dataclasses import replace

    from app.cli.output import print_json
    from app.db import read_only
    from app.i18n import reword
    from app.services import print_queue
    from app.timezone import fmt

    rt.user("station.pack")
    with read_only(rt.sessions) as s:
        views = print_queue.jobs(s, None if rt.args.all_stations else rt.settings.station)
    # each error in the reader's language, the JSON's too (its fields stay as they were)
    views = [replace(v, last_error=reword(v.last_error, rt.language)) for v in views]
    if rt.args.json:
        print_json([v.__dict__ for v in views])
        return 0
    if not views:
        print("No print jobs.")
    for v in views:
        print(f"{v.id:>6}  {fmt(v.created_at)}  {v.document:<12} {v.reference:<16} {v.printer:<10} "
              f"{v.status:<8} {v.last_error or ''}")
    return 0


def cmd_job_action(rt: Runtime) -> int:
    from app.db import unit_of_work
    from app.services import print_queue

    args = rt.args
    user = rt.user("print.reprint")
    with unit_of_work(rt.sessions) as s:
        if args.verb == "reprint":
            new = print_queue.reprint(s, args.job, user_id=user.id, station=rt.settings.station,
                                      now=rt.clock())
            print(f"Job {args.job} queued again as job {new} (reprint).")
        elif args.verb == "retry":
            print_queue.retry_now(s, args.job, user_id=user.id, now=rt.clock())
            print(f"Job {args.job} will be sent again on the station's next round.")
        else:
            print_queue.mark_printed(s, args.job, user_id=user.id, now=rt.clock())
            print(f"Job {args.job} marked printed.")
    return 0


def cmd_printers_list(rt: Runtime) -> int:
    from printing.backends import make_backend
    from printing.errors import PrintingError

    if shutil.which("lpstat"):
        proc = subprocess.run(["lpstat", "-p"], capture_output=True, text=True, check=False)
        for line in proc.stdout.splitlines():
            if line.startswith("printer "):
                name = line.split()[1]
                print(f"cups:{name}\t{line.split(' ', 2)[2]}")
    else:
        print("(no CUPS on this machine)")
    for name, spec in rt.settings.printers.items():
        uri = str(spec.get("uri", ""))
        try:
            status = make_backend(uri).status()
        except PrintingError as exc:
            status = str(exc)
        print(f"{name}\t{uri}\t{status}")
    return 0
