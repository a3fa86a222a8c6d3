"""The shared fixtures' guard against a modal dialog nobody answers: the test fails within the
limit, naming the dialog and its question, instead of hanging the run (run in a child pytest so
this suite stays green)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 3


def test_an_unanswered_message_box_fails_its_test_within_the_limit_and_names_the_question():
    t0 = time.monotonic()
    child = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/support/modal_probe.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PACKDESK_TEST_MODAL_LIMIT_S": str(LIMIT_S)},
    )
    took = time.monotonic() - t0
    out = child.stdout + child.stderr
    assert child.returncode == 1, out
    assert f"stayed open with nobody to answer it for more than {LIMIT_S} s" in out
    assert ("QMessageBox 'close_batch_question' titled 'Hand-over' "
            "saying 'Close hand-over batch B-0001?'") in out
    print(f"\nunanswered QMessageBox.exec() failed its test after {took:.1f} s (limit {LIMIT_S} s)")
    assert took < LIMIT_S + 30  # the child's start-up and collection, not a hang
