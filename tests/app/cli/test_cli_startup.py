"""Start-up and exit of any ``packdesk`` command: no garbage collection of the start-up objects in
the first moment (a quick command ends before it), then collection as usual; no collections at exit
without Qt; the first window loads no device drivers (scale, hub, bridge) on a station without
devices."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time

from app.cli import collecting_after_start_up

# The app as the startup bench starts it: modules loaded when the sign-in window is first up.
FIRST_WINDOW = """
import json, os, sys
from PySide6.QtCore import QTimer
from app.cli import main
QTimer.singleShot(0, lambda: (print(json.dumps(sorted(sys.modules)), flush=True), os._exit(0)))
main(["--db", sys.argv[1]])
"""


def test_collection_waits_for_the_start_up_moment_then_runs_as_usual():
    with collecting_after_start_up(0.05):
        assert not gc.isenabled()
        deadline = time.monotonic() + 10
        while not gc.isenabled() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gc.isenabled()  # a long command (the app, a worker) collects garbage
    assert gc.isenabled()


def test_a_quick_command_leaves_the_collector_on_and_a_caller_who_turned_it_off_keeps_it_off():
    with collecting_after_start_up(60):
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collecting_after_start_up(0.01):
            time.sleep(0.05)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_first_window_of_a_station_without_devices_loads_no_device_drivers(engine):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_WINDOW, str(engine.url)], capture_output=True,
                          text=True, env=env, timeout=60, check=True)
    modules = set(json.loads(done.stdout.splitlines()[-1]))
    assert "ui.login" in modules
    assert [m for m in ("devices.hub", "devices.scale.base", "ui.bridge", "sqlalchemy.orm", "alembic")
            if m in modules] == []


# Runs main twice, and tells at its very end (atexit runs this last) how often the objects were
# frozen and whether they are.
AT_EXIT = """
import atexit, gc, sys
freezes, freeze = [], gc.freeze
gc.freeze = lambda: (freezes.append(1), freeze())[-1]
atexit.register(lambda: print(len(freezes), gc.get_freeze_count() > 0))
if sys.argv[1] == "qt":
    import shiboken6  # noqa: F401
from app.cli import main
main(["--db", "bogus", "db", "upgrade"])
main(["--db", "bogus", "db", "upgrade"])
"""


def test_a_command_process_ends_without_collecting_its_objects_unless_qt_is_loaded():
    """The interpreter's last collections cost a quick command ~0.1 s; Qt needs them."""
    for qt, expected in (("no", ["1", "True"]), ("qt", ["0", "False"])):
        done = subprocess.run([sys.executable, "-c", AT_EXIT, qt], capture_output=True, text=True,
                              timeout=60, check=True)
        assert done.stdout.split() == expected
