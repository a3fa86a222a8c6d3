"""Badge and bin labels from the Setup tabs: queued on the station's label printer, then printed by
the print queue into a real file printer, and the barcodes read back from the printed PDF."""

from __future__ import annotations

from dataclasses import replace

import pypdfium2
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableWidgetSelectionRange

from app.config import StationSettings
from app.db import read_only
from app.services import print_queue
from ui.admin.users import UsersTab
from ui.admin.warehouses import WarehousesTab


def _with_label_printer(ctx, folder):
    printers = {"label": {"uri": f"file:{folder}", "format": "pdf"}}
    return replace(ctx, settings=StationSettings(station="DESK-01", printers=printers))


def _print_queued(ctx) -> tuple[str, str]:
    """Send the waiting job as the station's print job would; the barcodes on the printed pages."""
    with read_only(ctx.sessions) as s:
        job = print_queue.jobs(s, ctx.station)[0]
    printers = print_queue.station_printers(ctx.settings.printers)
    view = print_queue.send(ctx.sessions, job.id, printers, ctx.clock)
    assert view.status == "printed"
    return job.document, job.reference


def _press_and_wait(qtbot, tab, button: str) -> None:
    """Press; the labels are rendered off the GUI thread, the button comes back when they are queued."""
    tab.notice.clear()
    qtbot.mouseClick(tab.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.notice.text() != "", timeout=10000)
    assert tab.findChild(QPushButton, button).isEnabled()


def _barcodes(folder) -> list[str]:
    found = []
    for pdf in sorted(folder.glob("*.pdf")):
        for page in pypdfium2.PdfDocument(pdf):
            found += [b.text for b in zxingcpp.read_barcodes(page.render(scale=4).to_pil())]
    return found


def test_an_admin_prints_a_new_users_badge(qtbot, admin_ctx, tmp_path):
    ctx = _with_label_printer(admin_ctx, tmp_path)
    tab = UsersTab(ctx)
    qtbot.addWidget(tab)
    tab.table.selectRow(0)
    tab.findChild(QLineEdit, "badge").setText("B-BOSS-01")
    qtbot.mouseClick(tab.findChild(QPushButton, "set_badge"), Qt.MouseButton.LeftButton)
    _press_and_wait(qtbot, tab, "print_badge")
    assert tab.notice.level == "ok" and "queued for label" in tab.notice.text()
    assert _print_queued(ctx) == ("badge-label", "boss")
    assert "B-BOSS-01" in _barcodes(tmp_path)


def test_bin_labels_of_a_selected_run_or_of_the_whole_warehouse(qtbot, admin_ctx, tmp_path):
    ctx = _with_label_printer(admin_ctx, tmp_path)
    tab = WarehousesTab(ctx)
    qtbot.addWidget(tab)
    assert not tab.findChild(QPushButton, "print_bin_labels").isEnabled()  # nothing to label yet
    tab.code.setText("HZ1")
    tab.name.insert("杭州一号仓")
    tab.save_warehouse()
    tab.pattern.setText("A-01-01-1..A-02-02-2")
    tab.generate()
    tab.bin_table.setRangeSelected(QTableWidgetSelectionRange(2, 0, 4, 2), True)  # a shift-click run
    _press_and_wait(qtbot, tab, "print_bin_labels")
    assert tab.notice.text().startswith("3 label(s) HZ1:A-01-02-1..A-02-01-1 queued for label")
    assert _print_queued(ctx) == ("bin-labels", "HZ1:A-01-02-1..A-02-01-1")
    assert sorted(set(_barcodes(tmp_path))) == ["A-01-02-1", "A-01-02-2", "A-02-01-1"]
    tab.bin_table.clearSelection()
    _press_and_wait(qtbot, tab, "print_bin_labels")
    assert tab.notice.text().startswith("8 label(s) HZ1:A-01-01-1..A-02-02-2 queued")
