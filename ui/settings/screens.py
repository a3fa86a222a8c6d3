"""Screenshot views of the settings screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from ui.settings.devices import DeviceSettingsDialog

VIEWS: dict[str, Callable[[AppContext], QWidget]] = {
    "settings.devices": lambda ctx: DeviceSettingsDialog(ctx.settings),
}
