"""Expected receipts from a file: the rows it refuses read in the user's language."""

from __future__ import annotations

from app.cli import main


def db_url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_packdesk_import_receipts_words_its_refused_rows_in_chinese(
    demo_engine, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    path = tmp_path / "receipts.csv"
    path.write_text("reference,warehouse,sku,quantity\nPO-9,,SKU-00001,zwei\nPO-9,,SKU-00001,0\n",
                    encoding="utf-8")
    assert main(["import", "receipts", str(path), "--db", db_url(demo_engine)]) == 3
    assert capsys.readouterr().out == (
        "收货单 0 张，导入明细 0 行，拒绝 2 行\n"
        "  第 2 行：数量 'zwei' 不是整数\n"
        "  第 3 行：数量须大于零\n"
    )
