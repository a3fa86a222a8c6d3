"""Screenshot view of the import dialog, after importing a file with good and bad rows."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from ui.intake.import_dialog import ImportDialog

SAMPLE = (
    "channel,order_ref,placed_at,name,phone,city,street,sku,quantity,unit_price\n"
    "tmall,SHOT-1,2026-11-20T10:00:00+08:00,张伟,13800138000,深圳市,科技园南路88号,SKU-00001,2,199.00\n"
    "tmall,SHOT-2,2026-11-20T10:00:00+08:00,李娜,13900139000,北京市,建国路1号,SKU-00002,zero,89.00\n"
    "tmall,SHOT-3,2026-11-20T10:00:00+08:00,王芳,13700137000,上海市,南京东路2号,NOPE,1,59.00\n"
)


def _import_view(ctx: AppContext) -> QWidget:
    dialog = ImportDialog(ctx)
    path = Path(tempfile.mkdtemp()) / "orders.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    dialog.path.setText(str(path))
    dialog.dry_run.setChecked(True)
    dialog.start()
    assert dialog._thread is not None
    dialog._thread.wait()
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()
    return dialog


VIEWS: dict[str, Callable[[AppContext], QWidget]] = {"intake.import": _import_view}
