"""packdesk print from the demo database: PDF and ZPL files, a batch, a printer that is off."""

from __future__ import annotations

import json
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
        port = s.getsockname()[1]  # nobody listens here: the printer is off
    command = ["print", "waybill", "PD0000000001", "--db", db, "--format", "zpl", "--printer"]
    assert main([*command, f"tcp://127.0.0.1:{port}"]) == 1  # a URI is not a printer of this station
    assert "This station has no printer named tcp://" in capsys.readouterr().err
    _station_printers(f"""[printers.labels]\nuri = "tcp://127.0.0.1:{port}"\nformat = "zpl"\n""")
    assert main([*command, "labels"]) == 1
    err = capsys.readouterr().err
    assert "not reachable" in err and "stays queued" in err and err.count("\n") == 1
    assert main([*command, "labels"]) == 0  # the same label again while it waits: no second job
    assert "already queued" in capsys.readouterr().out
    assert main(["print-jobs", "list", "--json", "--db", db]) == 0
    (job,) = json.loads(capsys.readouterr().out)
    assert (job["printer"], job["status"]) == ("labels", "queued")
    assert main(["print-jobs", "reprint", str(job["id"]), "--db", db]) == 0
    assert "(reprint)" in capsys.readouterr().out


def _station_printers(toml: str) -> None:
    import os
    from pathlib import Path

    path = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(toml, encoding="utf-8")
