"""``packdesk users badge-label``, ``bins labels`` and ``products label``: labels go through the
print queue to a printer of the station (a folder of PDFs, a ZPL printer on TCP) and their
barcodes decode to the badge, bin and product they name."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sqlalchemy import func, select

from app.cli import main
from app.db import read_only, session_factory
from app.models.accounts import Role
from app.models.audit import AuditEntry
from app.models.fulfilment import PrintJob
from tests.printing import zpl_preview
from tests.printing.conftest import decoded, text_of
from tests.printing.peers import ZplPrinter


def _station_printers(toml: str) -> None:
    path = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(toml, encoding="utf-8")


def _jobs(engine) -> int:
    with read_only(session_factory(engine)) as s:
        return s.scalar(select(func.count()).select_from(PrintJob))


def test_a_badge_and_a_product_label_print_as_pdfs_whose_barcodes_decode(demo_engine, tmp_path, capsys):
    db = demo_engine.url.render_as_string(hide_password=False)
    folder = tmp_path / "labels"
    _station_printers(f'[printers.label]\nuri = "file:{folder}"\nformat = "pdf"\n')
    assert main(["users", "list", "--json", "--db", db]) == 0
    packer = next(u for u in json.loads(capsys.readouterr().out) if u["username"] == "packer1")
    assert main(["users", "badge-label", "packer1", "--db", db]) == 0
    assert "Printed 1 label(s) packer1 on label" in capsys.readouterr().out
    (badge,) = folder.glob("badge-label-*.pdf")
    assert decoded(badge.read_bytes()) == [packer["badge_code"]] and "packer1" in text_of(badge.read_bytes())
    assert main(["products", "label", "SKU-00001", "--copies", "2", "--db", db]) == 0
    (product,) = folder.glob("product-label-*.pdf")
    codes = decoded(product.read_bytes())
    assert len(codes) == 2 and codes[0] == codes[1] and len(codes[0]) == 13  # the product's EAN-13, twice
    assert "SKU-00001" in text_of(product.read_bytes())
    with read_only(session_factory(demo_engine)) as s:
        printed = s.scalars(select(AuditEntry.entity).where(AuditEntry.action == "label.print")).all()
        assert sorted(printed) == ["badge-label", "product-label"]


def test_a_range_of_bin_labels_prints_on_a_zpl_printer(demo_engine, capsys):
    db = demo_engine.url.render_as_string(hide_password=False)
    assert main(["warehouses", "list", "--json", "--db", db]) == 0
    warehouse = json.loads(capsys.readouterr().out)[0]["code"]
    from app.services.masterdata import bins

    with read_only(session_factory(demo_engine)) as s:
        wanted = [b.code for b in bins(s, warehouse)[3:6]]
    with ZplPrinter() as printer:
        _station_printers(f'[printers.zebra]\nuri = "{printer.uri}"\nformat = "zpl"\n')
        assert main(["bins", "labels", warehouse.lower(), "--from", wanted[0], "--to", wanted[-1],
                     "--printer", "zebra", "--db", db]) == 0
        assert f"Printed 3 label(s) {warehouse}:{wanted[0]}..{wanted[-1]} on zebra" in capsys.readouterr().out
        formats = [p.decode("ascii") for p in printer.printed]
    import zxingcpp

    assert [zxingcpp.read_barcodes(zpl_preview.render(f).convert("L"))[0].text for f in formats] == wanted


def test_bad_label_requests_are_one_line_and_queue_nothing(demo_engine, capsys, cli_as):
    db = demo_engine.url.render_as_string(hide_password=False)
    before = _jobs(demo_engine)
    assert main(["bins", "labels", "NOPE", "--db", db]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["users", "badge-label", "nobody", "--db", db]) == 1
    assert "No user nobody." in capsys.readouterr().err
    assert main(["products", "label", "SKU-00001", "--printer", "nowhere", "--db", db]) == 1
    assert "This station has no printer named nowhere" in capsys.readouterr().err
    _station_printers('[printers.label]\nuri = "file:/tmp/x"\nformat = "tspl"\n')
    assert main(["products", "label", "SKU-00001", "--db", db]) == 1
    assert "Labels print as PDF or ZPL, not tspl." in capsys.readouterr().err
    cli_as(demo_engine, Role.PACKER)
    assert main(["users", "badge-label", "packer1", "--db", db]) == 1
    assert "may not manage users" in capsys.readouterr().err
    assert _jobs(demo_engine) == before
