"""``packdesk --help`` says truthfully what each noun does."""

from __future__ import annotations

import pytest

from app.cli import main


def test_the_import_line_of_help_names_everything_import_reads(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    line = next(x for x in capsys.readouterr().out.splitlines() if x.strip().startswith("import "))
    for what in ("orders", "products", "receipts", "tracking"):
        assert what in line, line
