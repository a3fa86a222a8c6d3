"""The keyboard-wedge filter, driven at scanner speed and at human speed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from devices.scanner.scan import ScanKind
from ui.keyinput.wedge import WedgeFilter, WedgeSettings


@pytest.fixture
def field(qtbot):
    window = QWidget()
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    window.show()
    field.setFocus()
    yield field  # the generator keeps the window alive for the test


@pytest.fixture
def wedge(qtbot):
    f = WedgeFilter(WedgeSettings(max_gap_ms=40, gs_substitute="~"))
    f.install(QApplication.instance())
    yield f
    QApplication.instance().removeEventFilter(f)


def test_scanner_speed_burst_is_a_scan_and_never_typed(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    qtbot.keyClicks(field, "6901234567892")  # no delay: as fast as a scanner
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [s.value for s in scans] == ["06901234567892"]
    assert field.text() == ""


def test_human_typing_reaches_the_field(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    qtbot.keyClicks(field, "ab12", delay=90)  # a person, ~90 ms between keys
    qtbot.wait(80)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "ab12"
    assert scans == []


def test_short_fast_input_is_typing_not_a_scan(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    qtbot.keyClicks(field, "ok")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "ok" and scans == []


def test_gs_substitute_is_turned_back_into_the_gs1_separator(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    qtbot.keyClicks(field, "]C1010690123456789210LOT7~17251231")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    (scan,) = scans
    assert scan.kind is ScanKind.PRODUCT and scan.batch == "LOT7" and scan.expiry.year == 2025


def test_with_a_chinese_input_method_a_scan_never_becomes_pinyin(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    for ch in "PD0000000012":
        preedit = QInputMethodEvent(ch.lower(), [])  # the IME starts composing pinyin ...
        QApplication.sendEvent(field, preedit)
        commit = QInputMethodEvent("", [])
        commit.setCommitString(ch)  # ... and commits the character
        QApplication.sendEvent(field, commit)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [s.value for s in scans] == ["PD0000000012"]
    assert field.text() == ""


def test_human_input_method_text_still_reaches_the_field(qtbot, field, wedge):
    commit = QInputMethodEvent("", [])
    commit.setCommitString("张伟")
    QApplication.sendEvent(field, commit)
    qtbot.waitUntil(lambda: field.text() == "张伟", timeout=1000)


def test_one_physical_scan_read_twice_counts_once_a_second_scan_later_counts_again(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    for _ in range(2):  # the scanner sends the code twice, back to back
        qtbot.keyClicks(field, "6901234567892")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [s.value for s in scans] == ["06901234567892"] and field.text() == ""
    qtbot.wait(200)  # the packer scans the same item again: a second unit
    qtbot.keyClicks(field, "6901234567892")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert len(scans) == 2 and field.text() == ""


def test_wedge_and_serial_scanners_share_one_double_read_filter():
    from devices.scanner.serial_scanner import DoubleReadFilter

    wedge = WedgeFilter(WedgeSettings.from_profile({"double_read_ms": 300}))
    assert type(wedge.dedupe) is DoubleReadFilter and wedge.dedupe.window_s == 0.3


def test_a_scan_queued_while_a_window_is_built_unwatched_is_still_a_scan(qtbot, field, wedge):
    scans = []
    wedge.scanned.connect(scans.append)
    with wedge.unwatched(QApplication.instance()):
        qtbot.addWidget(QLineEdit())  # a window being built: its events go by unfiltered
        for ch in "6901234567892":  # the scanner's keys wait in the queue meanwhile
            QApplication.postEvent(field, QKeyEvent(QEvent.Type.KeyPress, ord(ch),
                                                    Qt.KeyboardModifier.NoModifier, ch))
        QApplication.postEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                                Qt.KeyboardModifier.NoModifier, "\r"))
    qtbot.waitUntil(lambda: scans != [], timeout=2000)
    assert [s.value for s in scans] == ["06901234567892"]
    assert field.text() == ""
