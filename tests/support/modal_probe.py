"""Run only by tests/test_conftest.py (the name keeps it out of the suite): a Qt test asking a
question nobody answers, as the station end-to-end test once did."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def test_a_question_nobody_answers(qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Hand-over", "Close hand-over batch B-0001?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setObjectName("close_batch_question")
    box.exec()  # blocks: nobody clicks
