"""A demo keeps its settings, ports, printed files and log beside its database: the station's own
settings file and data folder are never touched."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from app import reference
from app.config import StationSettings, load_settings, save_settings, settings_path
from app.context import AppContext
from app.db import make_engine, unit_of_work, upgrade
from app.demo import DemoSize, load_demo
from app.demo_profile import demo_profile, simulated_devices
from app.services import print_queue
from ui.app import Shell


def test_a_demo_run_leaves_the_station_settings_and_data_folder_alone(qtbot, tmp_path: Path):
    save_settings(StationSettings(station="PACK-07", language="en",
                                  devices={"scale": {"port": "/dev/ttyUSB0", "protocol": "mt-sics"}}))
    station_settings = settings_path().read_bytes()
    data = Path(os.environ["PACKDESK_DATA_DIR"])
    profile = demo_profile(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    with profile.active() as settings, simulated_devices(settings):
        engine = make_engine(profile.database_url)
        upgrade(engine)
        reference.ensure(engine)
        load_demo(engine, seed=2, size=DemoSize(customers=40, orders=120))
        shell = Shell(AppContext(engine=engine, settings=settings), settings)
        try:
            login = shell.show_login()
            language = login.findChild(QComboBox, "language")
            language.setCurrentIndex(language.findData("zh_CN"))  # remembered by the demo only
            qtbot.keyClicks(login.findChild(QLineEdit, "username"), "packer1", delay=45)
            qtbot.keyClicks(login.findChild(QLineEdit, "password"), "packer123", delay=45)
            with qtbot.waitSignal(login.signed_in, timeout=3000):
                qtbot.keyClick(login.findChild(QLineEdit, "password"), Qt.Key.Key_Return)
            ctx = shell.ctx
            printer, fmt = print_queue.printer_for(settings.printers, "waybill")
            with unit_of_work(ctx.sessions) as s:
                print_queue.enqueue(s, "waybill", "SF0001", printer, fmt, b"%PDF-1.4 demo waybill\n",
                                    station=ctx.station, now=ctx.clock())
            printers = print_queue.station_printers(settings.printers)
            print_queue.process_due(ctx.sessions, ctx.station, printers, ctx.clock)
        finally:
            shell.close()
            engine.dispose()
    assert settings_path().read_bytes() == station_settings
    assert load_settings().devices["scale"]["port"] == "/dev/ttyUSB0"
    assert not data.exists() or not any(data.iterdir())
    demo = load_settings(profile.settings_file)
    assert demo.language == "zh_CN" and demo.station == "DEMO"
    assert demo.devices["scale"]["port"] != "/dev/ttyUSB0"  # the simulated scale's pty
    assert [p.suffix for p in profile.printed.iterdir()] == [".pdf"]
    assert profile.log_file.exists() and profile.folder == tmp_path / "demo-profile"
    assert os.environ["PACKDESK_CONFIG_DIR"] == str(settings_path().parent)  # back to the station's


def test_without_a_database_the_demo_gets_its_own_never_the_station_one(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("PACKDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'station.sqlite'}")
    profile = demo_profile(None)
    data = Path(os.environ["PACKDESK_DATA_DIR"])
    assert profile.database_url == f"sqlite:///{data / 'demo' / 'demo.sqlite'}"
    (data / "demo").mkdir(parents=True)
    (data / "demo" / "demo.sqlite").write_bytes(b"yesterday's demo")
    with profile.active():
        assert os.environ["PACKDESK_DATABASE_URL"] == profile.database_url
        assert not (data / "demo" / "demo.sqlite").exists()  # each demo starts afresh
    assert os.environ["PACKDESK_DATABASE_URL"] == f"sqlite:///{tmp_path / 'station.sqlite'}"
    assert not (tmp_path / "station.sqlite").exists()
