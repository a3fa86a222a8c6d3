"""A refusal caught on a screen is worded in the app's language (``error_text``), never shown as
``str(exc)``: that is its English text, on a Chinese screen too."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
WORDED = {"DomainError", "NotFound", "Conflict", "PermissionDenied", "ConfigError", "WordedError",
          "PrintingError", "PrinterError", "DeviceError", "CameraError"}


def _names(node: ast.expr | None) -> set[str]:
    if node is None:
        return set()
    parts = node.elts if isinstance(node, ast.Tuple) else [node]
    return {p.id if isinstance(p, ast.Name) else p.attr
            for p in parts if isinstance(p, ast.Name | ast.Attribute)}


def test_no_screen_shows_a_caught_refusal_in_english():
    shown = []
    for path in sorted(UI.rglob("*.py")):
        for handler in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            caught = isinstance(handler, ast.ExceptHandler) and handler.name and _names(handler.type)
            if not (caught and caught & WORDED):
                continue
            for call in (n for stmt in handler.body for n in ast.walk(stmt) if isinstance(n, ast.Call)):
                if (isinstance(call.func, ast.Name) and call.func.id == "str" and len(call.args) == 1
                        and isinstance(call.args[0], ast.Name) and call.args[0].id == handler.name):
                    shown.append(f"{path.relative_to(UI.parent)}:{call.lineno}")
    assert shown == [], "word these with ui.station.feedback.error_text(exc)"
