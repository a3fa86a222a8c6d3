"""Import dialog: a supervisor imports a file; good rows land, bad rows are listed by line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.db import read_only
from app.models.orders import Order
from ui.intake.import_dialog import ImportDialog
from ui.intake.screens import SAMPLE


def _count(ctx, ref: str) -> int:
    with read_only(ctx.sessions) as s:
        return s.scalar(select(func.count()).select_from(Order).where(Order.channel_ref == ref)) or 0


def _run(qtbot, dialog: ImportDialog) -> object:
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as done:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_import_reports_rejected_rows_and_keeps_the_good_ones(qtbot, demo_ctx, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    dialog = ImportDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.path, str(path))
    dialog.dry_run.setChecked(True)
    report = _run(qtbot, dialog)
    assert report.rejected == 2 and _count(demo_ctx, "SHOT-1") == 0  # dry run wrote nothing
    assert "Dry run" in dialog.summary.text()
    dialog.dry_run.setChecked(False)
    report = _run(qtbot, dialog)
    assert report.created == 1 and _count(demo_ctx, "SHOT-1") == 1
    lines = [dialog.errors.item(r, 0).text() for r in range(dialog.errors.rowCount())]
    assert lines == ["3", "4"]
    assert "quantity" in dialog.errors.item(0, 1).text().lower()


def test_missing_file_and_unreadable_file_get_a_message(qtbot, demo_ctx, tmp_path):
    dialog = ImportDialog(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "Choose a file" in dialog.summary.text()
    bad = tmp_path / "orders.csv"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    dialog.path.setText(str(bad))
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith("Not imported:") and dialog.start_button.isEnabled()


def test_a_file_that_cannot_be_imported_is_refused_in_the_users_language(qtbot, demo_ctx, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.i18n import Translations

    translations = Translations.for_app(QApplication.instance())
    translations.install("zh_CN")
    try:
        dialog = ImportDialog(demo_ctx)
        qtbot.addWidget(dialog)
        dialog.path.setText(str(tmp_path))  # a folder
        dialog.start()  # refused before the worker: not a file
        assert dialog.summary.text() == "请先选择要导入的文件。"
        bad = tmp_path / "orders.csv"
        bad.write_bytes("张伟".encode("gb18030"))  # saved by a Chinese Excel
        dialog.path.setText(str(bad))
        with qtbot.waitSignal(dialog.failed, timeout=10_000):
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert dialog.summary.text() == f"未导入：{bad} 不是 UTF-8 文本；请另存为 UTF-8 编码的 CSV 或 JSON"
    finally:
        translations.install("en")


def test_a_chinese_screen_lists_the_rejected_rows_in_chinese(qtbot, demo_ctx, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.i18n import Translations

    translations = Translations.for_app(QApplication.instance())
    translations.install("zh_CN")
    try:
        path = tmp_path / "orders.csv"
        path.write_text(SAMPLE, encoding="utf-8")
        dialog = ImportDialog(demo_ctx)
        qtbot.addWidget(dialog)
        dialog.path.setText(str(path))
        dialog.dry_run.setChecked(True)
        report = _run(qtbot, dialog)
        assert report.rejected == 2
        reasons = {dialog.errors.item(r, 0).text(): dialog.errors.item(r, 1).text() for r in range(2)}
        assert reasons == {
            "3": "订单 SHOT-2 未导入：quantity 必须是 1 到 1,000,000 之间的整数：'zero'",
            "4": "订单 SHOT-3 未导入：未知 SKU/条码 NOPE",
        }
    finally:
        translations.install("en")
