"""Errors a user can read in their language: every template the code raises (and every scale or
scan error event a parser returns) has its Chinese words, and printing's and the devices' errors
are worded the same way as the domain's."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from app.cli import main
from app.cli.output import failure_message
from app.errors import DomainError
from app.i18n import catalogue
from printing.errors import PrinterConfigError, WordedError

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("app", "devices", "printing")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
EVENTS = {"ScaleError": 1, "ScanError": 0}  # error events a parser returns -> where their template is


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _template_arg(call: ast.Call, position: int) -> ast.expr | None:
    given = call.args[position] if len(call.args) > position else None
    return given or next((k.value for k in call.keywords if k.arg == "template"), None)


def _worded_calls() -> tuple[dict[str, str], list[str]]:
    """(template -> where it is raised first, calls whose template is not a literal) for every call
    of a WordedError or devices DeviceError class (subclasses found through the class statements)
    and of the parsers' error events (ScaleError's template comes after its code)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for layer in LAYERS
             for path in sorted((ROOT / layer).rglob("*.py"))}
    classes = {"WordedError", "DomainError", "DeviceError"}
    grew = True
    while grew:
        found = {n.name for t in trees.values() for n in ast.walk(t)
                 if isinstance(n, ast.ClassDef) and any(_name(b) in classes for b in n.bases)}
        grew = not found <= classes
        classes |= found
    templates: dict[str, str] = {}
    loose: list[str] = []
    for path, tree in trees.items():
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)
                     and (_name(n.func) in classes or _name(n.func) in EVENTS)):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            first = _template_arg(call, EVENTS.get(_name(call.func) or "", 0))
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                templates.setdefault(first.value, where)
            elif not (isinstance(first, ast.Attribute) and first.attr == "template"):  # passing one on
                loose.append(f"{where}: {ast.unparse(first) if first else '(no template)'}")
    return templates, loose


def test_every_error_is_raised_with_a_template_and_named_parameters():
    templates, loose = _worded_calls()
    assert len(templates) > 200  # the scan sees the code
    assert loose == [], "raise errors with a literal template and named parameters, not an f-string"


def test_every_error_template_has_its_words_in_chinese_with_the_same_placeholders():
    templates, _ = _worded_calls()
    zh = catalogue("zh_CN")
    missing = [f"{where}: {t!r}" for t, where in templates.items() if t not in zh]
    assert missing == [], "add these to resources/translations/errors_zh_CN.ts (context errors)"
    changed = [t for t in templates if sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(zh[t]))]
    assert changed == []


def test_the_scan_errors_are_among_the_templates_seen():
    templates, _ = _worded_calls()
    assert "Wrong check digit in {code} (expected {expected}, got {got})" in templates
    assert templates["Garbled scan (the bytes are not text; check the scanner's baud rate)"].startswith(
        "devices/scanner/serial_scanner.py:")


def test_the_domain_and_printing_share_one_worded_error():
    assert issubclass(DomainError, WordedError) and issubclass(PrinterConfigError, WordedError)
    exc = PrinterConfigError("Printer address {uri} needs a host, e.g. tcp://192.0.2.10:9100", uri="tcp://")
    assert (exc.code, exc.params, str(exc)) == (
        "PrinterConfigError", {"uri": "tcp://"}, "Printer address tcp:// needs a host, e.g. tcp://192.0.2.10:9100"
    )


def test_a_printing_error_reads_in_chinese_as_the_cli_words_it():
    from printing.backends import make_backend

    with pytest.raises(PrinterConfigError) as refused:
        make_backend("tcp://")
    assert failure_message(refused.value, "zh_CN") == "打印机地址 tcp:// 需要主机，例如 tcp://192.0.2.10:9100"
    assert failure_message(refused.value, "en") == "Printer address tcp:// needs a host, e.g. tcp://192.0.2.10:9100"


def test_a_missing_order_reads_in_chinese_on_a_chinese_station(demo_engine, tmp_path, capsys):
    settings = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('language = "zh_CN"\n', encoding="utf-8")
    db = demo_engine.url.render_as_string(hide_password=False)
    assert main(["print", "invoice", "PD9999999999", "--db", db, "--out", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err == "packdesk: error: 没有订单 PD9999999999。\n"
    assert not (tmp_path / "x.pdf").exists()
