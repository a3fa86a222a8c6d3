"""Import row errors worded in the user's language: whatever bytes a file holds, every refused row
carries a template whose Chinese words exist (its nested reasons too), and ``packdesk import``
prints them in Chinese under a Chinese locale."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.i18n import Worded, catalogue, word
from app.services.intake.records import READERS, RowError, read
from app.services.intake.tracking import read_tracking
from tests.app.services.intake.test_orders import db_url, order_row, write_csv

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _catalogued(error: Worded) -> None:
    """The error's template and every worded reason inside it have Chinese words, placeholders kept."""
    zh = catalogue("zh_CN")
    assert error.template in zh, error.template
    assert sorted(PLACEHOLDER.findall(error.template)) == sorted(PLACEHOLDER.findall(zh[error.template]))
    for value in error.params.values():
        if isinstance(value, Worded):
            _catalogued(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([*sorted(READERS), "tracking"]))
def test_any_bytes_as_an_import_file_give_only_rows_or_worded_row_errors(data, fmt):
    text = data.decode("utf-8", errors="replace")
    items = list(read_tracking(text) if fmt == "tracking" else read(text, fmt))
    for item in items:
        if isinstance(item, RowError):
            assert item.line >= 1
            _catalogued(item)
            chinese = word(item, "zh_CN")
            assert chinese.startswith(f"第 {item.line} 行：") and "\n" not in chinese


def test_a_bad_quantity_in_a_held_back_order_reads_in_chinese_and_english():
    header = "channel,order_ref,placed_at,name,phone,city,street,sku,quantity,unit_price\n"
    bad = "tmall,ZH-1,2026-11-20T10:00:00+08:00,张伟,13800138000,深圳市,科技园南路88号,SKU-00001,zero,9.00\n"
    (error,) = list(read(header + bad, "packdesk-csv"))
    assert isinstance(error, RowError) and error.line == 2
    assert error.reason == "order ZH-1 held back: quantity must be a whole number from 1 to 1,000,000: 'zero'"
    assert word(error.error, "zh_CN") == "订单 ZH-1 未导入：quantity 必须是 1 到 1,000,000 之间的整数：'zero'"
    assert word(error, "en") == "line 2: " + error.reason


def test_packdesk_import_prints_its_row_errors_in_chinese_under_a_chinese_locale(
    demo_engine, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    rows = [order_row("ZH-OK"), order_row("ZH-BAD", unit_price="-1")]  # the demo sells SKU-00001
    path = write_csv(tmp_path / "orders.csv", rows)
    assert main(["import", "orders", str(path), "--dry-run", "--db", db_url(demo_engine)]) == 3
    out = capsys.readouterr().out
    assert out == (
        "试运行，未写入任何数据：新建 1，更新 0，跳过 0（未变），拒绝 1\n"
        "第 3 行：订单 ZH-BAD 未导入：unit_price 不能为负数：'-1'\n"
    )

