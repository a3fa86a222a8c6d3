"""The stock screens a role may use, as tabs: receiving, moves and adjustments, cycle counts and,
for supervisors, the approval list. Scans go to the screen in front."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.context import AppContext
from ui.screen_tabs import ScreenTabs


class StockMode(ScreenTabs):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("stock", parent)
        assert ctx.user is not None
        user = ctx.user
        if user.may("stock.receive"):
            from ui.stock.receive import ReceiveView

            self._add("receive", ReceiveView(ctx), self.tr("Receive"))
        if user.may("stock.adjust"):
            from ui.stock.count import CountView
            from ui.stock.moves import MovesView

            self._add("moves", MovesView(ctx), self.tr("Move / adjust"))
            self._add("count", CountView(ctx), self.tr("Count"))
        if user.may("stock.approve"):
            from ui.stock.count import ApprovalsView

            self._add("approvals", ApprovalsView(ctx), self.tr("Approvals"))
        self._follow_tabs()

    @staticmethod
    def title() -> str:
        """The tab's name where station mode shows these screens."""
        return QCoreApplication.translate("StockMode", "Stock")
