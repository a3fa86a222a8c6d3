"""``packdesk`` with no command: the app. Also the one place that starts and tears down the GUI
(the demo and the worker-less single station use it). The command line is the composition root
and the only part of ``app`` allowed to import ``ui`` (import-linter contract), inside functions.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.cli.runtime import Runtime
    from app.config import StationSettings
    from app.context import AppContext


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sub.add_parser("gui", parents=[common], help="start the app (the same as no command)") \
        .set_defaults(func=cmd_gui)


def cmd_gui(rt: Runtime) -> int:
    def open_database() -> AppContext:
        rt.with_reference_data()
        return rt.context()

    return run_shell(open_database, rt.settings)


def run_shell(open_database: Callable[[], AppContext] | AppContext, settings: StationSettings,
              extra_windows: tuple[Callable[[], Any], ...] = ()) -> int:
    """Start the Qt app on the station's devices, show the sign-in window, run until quit, and
    stop every device and window it started, whatever happens. ``extra_windows`` are made once
    the QApplication exists."""
    from ui.app import Shell

    shell = Shell(open_database, settings)
    bridge = None
    if any(p.get("port") for p in settings.devices.values()):  # drivers load for a station with devices
        from ui.bridge import DeviceBridge

        bridge = DeviceBridge(settings.devices)
        shell.attach_devices(bridge)
        bridge.start()
    windows = [make() for make in extra_windows]
    for window in windows:
        window.show()
    shell.show_login()
    try:
        return shell.app.exec()
    finally:
        for window in windows:
            window.close()
        shell.close()
        if bridge is not None:
            bridge.stop()


def run_demo_shell(rt: Runtime) -> int:
    """The app on demo data with a simulated scale and scanner on real ptys and their panel."""
    from app.demo_profile import simulated_devices
    from ui.sim_panel import SimPanel

    with simulated_devices(rt.settings) as (scale, scanner):
        return run_shell(rt.context(), rt.settings, extra_windows=(lambda: SimPanel(scale, scanner),))
