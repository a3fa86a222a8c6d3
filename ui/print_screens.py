"""Screenshot view of the print queue: one job on a printer that refuses the connection (queued,
retried) and one for a printer this station does not have (failed), each with its last error."""

from __future__ import annotations

import socket
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import unit_of_work
from app.services import print_queue
from ui.print_preview import PrintQueueDialog


def _queue_view(ctx: AppContext) -> QWidget:
    with socket.socket() as s:  # a port nothing listens on once closed: the printer is off
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctx.settings.printers = {"ZT410-A": {"uri": f"tcp://127.0.0.1:{port}?timeout=0.5", "format": "zpl"}}
    with unit_of_work(ctx.sessions) as s:
        for printer, reference in (("ZT410-A", "SF1400000001"), ("ZT410-B", "SF1400000002")):
            print_queue.enqueue(s, "waybill", reference, printer, "zpl", b"^XA^XZ", station=ctx.station,
                                now=ctx.clock())
    print_queue.process_due(ctx.sessions, ctx.station, print_queue.station_printers(ctx.settings.printers),
                            ctx.clock)
    dialog = PrintQueueDialog(ctx)
    dialog.resize(1100, 300)
    return dialog


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {"printing.queue": _queue_view}
