"""Sign-in to main window: from ``signed_in`` to the main window shown and painted, offscreen,
against the same main window built with no wedge filter watching, in the same process."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable

from tests.bench.harness import Result, benchmark


def _shown(build: Callable[[], object]) -> float:
    """Seconds from calling ``build`` to its window's first event-loop turn after show."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    t0 = time.perf_counter()
    window = build()
    QApplication.processEvents()  # show, polish, layout and paint run through the filters too
    elapsed = time.perf_counter() - t0
    window.close()  # type: ignore[attr-defined]
    window.deleteLater()  # type: ignore[attr-defined]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return elapsed


@benchmark("sign_in_to_main")
def sign_in_to_main() -> Result:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.orm import Session

    from app.config import StationSettings
    from app.context import AppContext
    from app.db import make_engine, upgrade
    from app.demo import DemoSize, load_demo
    from app.services.auth import login_password
    from ui.app import Shell
    from ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("PACKDESK_CONFIG_DIR", tmp)
        engine = make_engine(f"sqlite:///{tmp}/bench.sqlite")
        upgrade(engine)
        load_demo(engine, seed=7, size=DemoSize(customers=300, orders=900))
        with Session(engine) as s:
            user = login_password(s, "super1", "super123")  # every mode: the largest window
        settings = StationSettings(station="PACK-01", language="en")
        shell = Shell(AppContext(engine=engine, settings=settings), settings)
        login = shell.show_login()

        def signed_in() -> object:
            login.signed_in.emit(user)
            assert shell.main is not None
            main, shell.main = shell.main, None  # the next run signs in afresh
            return main

        def unwatched() -> object:
            with shell.wedge.unwatched(shell.app):  # showing and painting unwatched too
                window = MainWindow(shell.ctx.signed_in(user), None)  # type: ignore[union-attr]
                window.show()
                QApplication.processEvents()
            return window

        _shown(signed_in)  # warm-up: imports, translations, first queries
        _shown(unwatched)
        ours, floor = [], []
        for _ in range(9):  # taken in turns, so the other engineers' load weighs on both alike
            ours.append(_shown(signed_in))
            floor.append(_shown(unwatched))
        shell.close()
        engine.dispose()
    p50, peer = statistics.median(ours), statistics.median(floor)
    return Result("sign_in_to_main", {"p50_ms": p50 * 1000, "max_ms": max(ours) * 1000},
                  peer=f"same main window, no wedge filter {peer * 1000:.1f}ms", ratio=p50 / peer,
                  goal="~1x (the filter costs nothing)", extra={"load_1min": os.getloadavg()[0]})
