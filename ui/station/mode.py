"""Station mode: the pick, pack, verify/hand-over, exception and statistics screens a role may
use. Scans go to the screen in front; scale readings to the screens that weigh."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.extensions import import_optional
from ui.bridge import DeviceBridge
from ui.screen_tabs import ScreenTabs


class StationMode(ScreenTabs):
    def __init__(
        self, ctx: AppContext, devices: DeviceBridge | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("station", parent)
        assert ctx.user is not None
        self.ctx = ctx
        user = ctx.user
        pick = import_optional("ui.station.pick")
        if user.may("station.pick") and pick is not None:
            self._add("pick", pick.PickView(ctx), self.tr("Pick"))
        if user.may("station.pack"):
            from ui.station.pack import PackView

            self._add("pack", PackView(ctx), self.tr("Pack"))
        if user.may("station.verify"):
            from ui.station.verify import VerifyView

            self._add("verify", VerifyView(ctx), self.tr("Verify and hand-over"))
        if user.may("station.exceptions"):
            from ui.station.exceptions import ExceptionsView

            self._add("exceptions", ExceptionsView(ctx), self.tr("Exceptions"))
        if user.may("stock.receive") or user.may("stock.adjust"):
            from ui.stock.mode import StockMode

            self._add("stock", StockMode(ctx), StockMode.title())
        from ui.station.stats import StatsView

        self._add("stats", StatsView(ctx), self.tr("Statistics"))
        if devices is not None:
            devices.weighed.connect(self.handle_weight)
        self._follow_tabs()

    def handle_weight(self, event: object) -> None:
        """Only the screen in front weighs: a parcel on the scale belongs to what the user sees."""
        handler = getattr(self.tabs.currentWidget(), "handle_weight", None)
        if handler is not None:
            handler(event)
