"""Screenshot views of the service dashboard and of an incident raised on the demo data (the
demo's last hours have a spike of contacts and product complaints; the clock is the demo's)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.db import unit_of_work
from app.demo import NOW
from app.services import incidents, tickets
from ui.service.alerts import IncidentDialog
from ui.service.mode import ServiceMode


def _at_demo_time(ctx: AppContext) -> AppContext:
    return dataclasses.replace(ctx, clock=lambda: NOW)


def _dashboard(ctx: AppContext) -> QWidget:
    view = ServiceMode(_at_demo_time(ctx))
    view.resize(1400, 820)
    view.tabs.setCurrentWidget(view.dashboard)
    return view


def _incident(ctx: AppContext) -> QWidget:
    ctx = _at_demo_time(ctx)
    with unit_of_work(ctx.sessions) as s:
        incidents.raise_alerts(s, NOW)
        complaint = next(i for i in incidents.open_incidents(s) if i.metric == "product_complaints")
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
