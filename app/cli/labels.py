"""Printing labels from the command line, shared by ``users badge-label``, ``bins labels`` and
``products label`` (not a noun itself): queue the job on a printer of this station, then send it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def add_printer_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--printer", help="a printer of this station's settings (default: [printers.label], "
                   "else PDF files in the data folder)")


def print_labels(rt: Runtime, kind: str, ref: str, permission: str, **options: Any) -> int:
    from app.db import unit_of_work
    from app.errors import DomainError, NotFound
    from app.i18n import restored
    from app.services import print_queue
    from app.services.documents import queue_labels

    settings = rt.settings
    user = rt.user(permission)
    if rt.args.printer:
        name = rt.args.printer
        if name not in settings.printers and name != print_queue.DEFAULT_PRINTER:
            known = ", ".join(sorted(settings.printers)) or "none"
            raise NotFound("This station has no printer named {name} (its printers: {known}); add it to the "
                           "station's settings first.", name=name, known=known)
        fmt = str(settings.printers.get(name, {}).get("format", "pdf"))
    else:
        name, fmt = print_queue.printer_for(settings.printers, "label")
    with unit_of_work(rt.sessions) as s:
        job = queue_labels(s, user, kind, ref, printer=name, fmt=fmt, now=rt.clock(),
                           station=settings.station, **options)
    if job.queued.already_waiting:
        print(job.queued.message)
        return 0
    view = print_queue.send(rt.sessions, job.queued.job_id, print_queue.station_printers(settings.printers),
                            rt.clock)
    if view.status != "printed":
        raise DomainError("Job {id} {status}: {error}{tail}", id=view.id, status=view.status,
                          error=restored(view.last_error),
                          tail=" (it stays queued and is retried)" if view.status == "queued" else "")
    print(f"Printed {job.labels} label(s) {job.reference} on {name} (job {view.id}).")
    return 0
