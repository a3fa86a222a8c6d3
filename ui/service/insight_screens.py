"""Screenshot views of the service dashboard and of an incident raised on the demo data (the
demo's tickets are dated back from the hour it was loaded in: its last hours have a spike of contacts
and product complaints)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import unit_of_work
from app.errors import ConfigError
from app.services import incidents, tickets
from ui.service.alerts import IncidentDialog
from ui.service.mode import ServiceMode


def _dashboard(ctx: AppContext) -> QWidget:
    view = ServiceMode(ctx)
    view.resize(1400, 820)
    view.tabs.setCurrentWidget(view.dashboard)
    return view


def _incident(ctx: AppContext) -> QWidget:
    with unit_of_work(ctx.sessions) as s:  # what the worker's alerts job does
        incidents.raise_alerts(s, ctx.clock())
        complaint = next((i for i in incidents.open_incidents(s) if i.metric == "product_complaints"), None)
        if complaint is None:
            raise ConfigError("No product complaints in the last day of this database: take the "
                              "screenshot on a fresh demo (leave out --db).")
        quality = [r for r in tickets.work_queue(s, ctx.user, "all") if r.category == "quality"]
        incidents.link_ticket(s, ctx.user, complaint.id, max(quality, key=lambda r: r.id).number)
        complaint_id = complaint.id
    dialog = IncidentDialog(ctx, complaint_id)
    dialog.template.setCurrentIndex(dialog.template.findText("质量问题召回", Qt.MatchFlag.MatchStartsWith))
    dialog.notice.setPlainText(dialog.template.currentData() or "")
    return dialog


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "service.dashboard": _dashboard,
    "service.incident": _incident,
}
