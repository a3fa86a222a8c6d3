"""docs/setup.md stays true: every command of its ``sh`` blocks runs, in order, as a new site would
type it, in an empty folder against a fresh SQLite database, and each exits 0. Files the page
names without making them (a shop's exports) come from tests/app/services/intake/data/."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from app.cli import main

ROOT = Path(__file__).parents[2]
SETUP = ROOT / "docs" / "setup.md"
DATA = ROOT / "tests" / "app" / "services" / "intake" / "data"


def setup_commands(text: str) -> list[str]:
    """The page's shell commands, one per entry, with backslash-continued lines joined."""
    commands: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.replace("\\\n", " ").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                commands.append(line.strip())
    return commands


def _run(command: str, site: Path, capsys, monkeypatch) -> tuple[int, str]:
    """A ``packdesk`` line runs in this process (one start-up for the page, not one per line) with
    the argv the shell would pass; ``export`` sets the environment; anything else runs in bash."""
    words = shlex.split(command)
    if words[0] == "export":
        for pair in words[1:]:
            monkeypatch.setenv(*pair.split("=", 1))
        return 0, ""
    if words[0] != "packdesk":
        done = subprocess.run(["bash", "-c", command], cwd=site, capture_output=True, text=True, timeout=60)
        return done.returncode, done.stdout + done.stderr
    assert not {"|", "&&", ";", "<"} & set(words), f"one packdesk command a line, at most a > FILE: {command}"
    out = None
    if ">" in words:
        out, words = site / words[words.index(">") + 1], words[:words.index(">")]
    code = main(words[1:])
    said = capsys.readouterr()
    if out is not None:
        out.write_text(said.out, encoding="utf-8")
    return code, said.out + said.err


def test_the_page_names_the_commands_it_promises():
    commands = setup_commands(SETUP.read_text(encoding="utf-8"))
    verbs = {" ".join(shlex.split(c)[1:3]) for c in commands if c.startswith("packdesk ")}
    for promised in ("init --admin", "import products", "stock receive", "import orders", "station allocate",
                     "station plan-waves", "carriers pool", "stock on-hand"):
        assert promised in verbs


def test_every_command_of_the_setup_page_runs_on_a_fresh_sqlite_database(tmp_path, capsys, monkeypatch):
    text = SETUP.read_text(encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    for data in DATA.iterdir():
        if data.name in text:
            shutil.copy(data, site / data.name)
    for name in ("PACKDESK_USER", "PACKDESK_PASSWORD", "PACKDESK_TIME_ZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(site)
    said = []
    for n, command in enumerate(setup_commands(text), 1):
        code, output = _run(command, site, capsys, monkeypatch)
        assert code == 0, f"step {n}: {command}\n{output}"
        said.append(output)
    said_all = "".join(said)
    assert "2 created, 0 updated, 0 skipped (unchanged), 0 rejected" in said_all
    assert "2 allocated" in said_all and "1 wave(s), 2 orders, 3 picks" in said_all
    assert (site / "on-hand.csv").read_text(encoding="utf-8").startswith("sku,")
    database = Path(os.environ["PACKDESK_DATA_DIR"]) / "packdesk.sqlite"
    assert database.exists()  # the station's own SQLite file, made by init
