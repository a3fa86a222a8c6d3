"""packdesk print from the demo database: PDF and ZPL files, a batch, a printer that is off."""

from __future__ import annotations

import socket

from app.cli import main
from tests.printing.conftest import decoded, text_of


def test_print_documents_from_the_database(demo_engine, tmp_path, capsys):
    db = demo_engine.url.render_as_string(hide_password=False)
    out = tmp_path / "wb.pdf"
    assert main(["print", "waybill", "PD0000000001", "--db", db, "--out", str(out)]) == 0
    tracking = capsys.readouterr().out.split()[2]
    assert tracking in decoded(out.read_bytes())
    assert main(["print", "invoice", "PD0000000001", "--db", db, "--out", str(tmp_path / "inv.pdf")]) == 0
    assert "合计 Total" in text_of((tmp_path / "inv.pdf").read_bytes())
    assert main(["print", "waybill", "PD0000000001", "--db", db, "--out", str(tmp_path / "wb.zpl")]) == 0
    assert (tmp_path / "wb.zpl").read_text().startswith("^XA")
    assert main(["print", "waybill", "--all-packed", "--db", db, "--out", str(tmp_path / "batch.pdf")]) == 0
    assert "parcels" in capsys.readouterr().out


def test_print_errors_are_one_line(demo_engine, tmp_path, capsys):
    db = demo_engine.url.render_as_string(hide_password=False)
    assert main(["print", "invoice", "PD9999999999", "--db", db, "--out", str(tmp_path / "x.pdf")]) == 1
    assert "No order PD9999999999" in capsys.readouterr().err
    assert main(["print", "invoice", "PD0000000001", "--db", db, "--out", str(tmp_path / "x.zpl")]) == 1
    assert "prints as PDF" in capsys.readouterr().err
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert (
        main(
            [
                "print",
                "waybill",
                "PD0000000001",
                "--db",
                db,
                "--printer",
                f"tcp://127.0.0.1:{port}",
                "--format",
                "zpl",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "not reachable" in err and "stays queued" in err
