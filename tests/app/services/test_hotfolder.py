"""The hot folder: poison files among good ones go to failed/ with a reason while the watcher goes
on; links, FIFOs and planted or swapped folders never make it read or write outside its own
folders; a file claimed by a watcher that stopped is imported on the next start."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import read_only, session_factory
from app.errors import DomainError
from app.models.orders import Order
from app.services.hotfolder import HotFolder
from app.services.intake.files import import_path
from tests.app.services.intake.test_orders import order_row, write_csv


def orders_in(engine) -> int:
    with read_only(session_factory(engine)) as s:
        return s.scalar(select(func.count()).select_from(Order))


def folder_with(tmp_path: Path, demo_engine) -> tuple[Path, HotFolder]:
    folder = tmp_path / "hot"
    folder.mkdir()
    factory = session_factory(demo_engine)
    return folder, HotFolder(folder, lambda p: import_path(factory, p), settle_s=0)


def settle(hot: HotFolder) -> list:
    hot.scan_once()  # the first look records sizes, the second imports what did not change
    return hot.scan_once()


def test_poison_files_among_good_ones_go_to_failed_and_the_watcher_keeps_running(demo_engine, tmp_path):
    folder, hot = folder_with(tmp_path, demo_engine)
    before = orders_in(demo_engine)
    stop = threading.Event()
    outcomes = []
    watcher = threading.Thread(target=hot.watch, args=(stop, 0.05, outcomes.append), daemon=True)
    watcher.start()
    poison = {
        "a-empty.csv": b"",
        "b-deep.json": b"[" * 100_000,
        "c-one-column.csv": b"channel\ntmall\n",
        "d-binary.csv": b"\xff\xfe\x00\x81garbage",
        "e-huge-number.json": b'[{"channel": "jd", "quantity": ' + b"9" * 5000 + b"}]",
        "tracking-f-garbage.csv": b"tracking_number,time\n\x00,\n",
    }
    good = []
    for n, (name, data) in enumerate(poison.items()):
        (folder / name).write_bytes(data)
        good.append(write_csv(folder / f"{name[0]}-good-{n}.csv", [order_row(f"HOTGOOD-{n}")]).name)
    os.mkfifo(folder / "g-pipe.csv")  # opening it for reading would wait for a writer for ever
    deadline = time.monotonic() + 30
    while len(outcomes) < len(poison) + len(good) + 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert watcher.is_alive()
    done = sorted(p.name for p in (folder / "done").iterdir() if not p.name.endswith(".report.txt"))
    failed = sorted(p.name for p in (folder / "failed").iterdir() if not p.name.endswith(".report.txt"))
    assert done == sorted(good) and failed == sorted([*poison, "g-pipe.csv"])
    assert orders_in(demo_engine) == before + len(good)
    reports = {p.name: p.read_text(encoding="utf-8") for p in (folder / "failed").glob("*.report.txt")}
    assert "line 1: the file is empty" in reports["a-empty.csv.report.txt"]
    assert "not valid JSON: nested too deeply" in reports["b-deep.json.report.txt"]
    assert "not UTF-8 text" in reports["d-binary.csv.report.txt"]
    assert "not a regular file" in reports["g-pipe.csv.report.txt"]
    assert not [p for p in folder.iterdir() if p.name not in ("done", "failed", ".processing")]
    (folder / "late.csv").write_bytes(write_csv(tmp_path / "late.csv", [order_row("HOTLATE")]).read_bytes())
    deadline = time.monotonic() + 10
    while not (folder / "done" / "late.csv").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    watcher.join(5)
    assert (folder / "done" / "late.csv").exists() and not watcher.is_alive()


def test_a_dropped_link_is_not_followed_but_filed_as_a_link(demo_engine, tmp_path):
    folder, hot = folder_with(tmp_path, demo_engine)
    outside = write_csv(tmp_path / "someone_elses_orders.csv", [order_row("SECRET-1")])
    (folder / "orders.csv").symlink_to(outside)
    (folder / "passwd.csv").symlink_to("/etc/passwd")
    os.link(outside, folder / "hard.csv")  # another name for the same outside file
    before = orders_in(demo_engine)
    outcomes = {o.file.name: o for o in settle(hot)}
    assert orders_in(demo_engine) == before
    assert set(outcomes) == {"orders.csv", "passwd.csv", "hard.csv"} and not any(
        o.ok for o in outcomes.values()
    )
    for name in ("orders.csv", "passwd.csv"):
        assert (folder / "failed" / name).is_symlink()  # the link moved, its target untouched
        assert "is a symbolic link" in outcomes[name].report.read_text(encoding="utf-8")
    assert "hard link" in outcomes["hard.csv"].report.read_text(encoding="utf-8")
    assert outside.read_text(encoding="utf-8").count("SECRET-1") == 1


def test_a_planted_report_link_is_not_written_through(demo_engine, tmp_path):
    folder, hot = folder_with(tmp_path, demo_engine)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (folder / "done" / "orders.csv.report.txt").symlink_to(victim)
    write_csv(folder / "orders.csv", [order_row("PLANT-1")])
    (outcome,) = settle(hot)
    assert outcome.ok and victim.read_text(encoding="utf-8") == "precious\n"
    assert outcome.file.parent == folder / "done" and outcome.file.name != "orders.csv"
    assert outcome.report.read_text(encoding="utf-8").startswith("1 created")
    assert not outcome.report.is_symlink() and outcome.report.stat().st_mode & 0o777 == 0o600


def test_a_symlinked_done_folder_is_refused_and_nothing_moves_out(demo_engine, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = tmp_path / "hot"
    (folder / "failed").mkdir(parents=True)
    (folder / "done").symlink_to(elsewhere)
    factory = session_factory(demo_engine)
    with pytest.raises(DomainError, match="done is not a folder of the hot folder's own"):
        HotFolder(folder, lambda p: import_path(factory, p), settle_s=0)
    (folder / "done").unlink()
    hot = HotFolder(folder, lambda p: import_path(factory, p), settle_s=0)
    assert (folder / "done").stat().st_mode & 0o777 == 0o700
    write_csv(folder / "orders.csv", [order_row("SWAP-1")])
    hot.scan_once()
    (folder / "done").rename(tmp_path / "old-done")  # swapped while the watcher runs
    (folder / "done").symlink_to(elsewhere)
    with pytest.raises(DomainError, match="done is not a folder"):
        hot.scan_once()
    assert (folder / "orders.csv").exists() and not list(elsewhere.iterdir())


def test_a_file_claimed_by_a_watcher_that_stopped_is_imported_on_the_next_start(demo_engine, tmp_path):
    folder, _first = folder_with(tmp_path, demo_engine)
    write_csv(folder / ".processing" / "orders.csv", [order_row("CRASH-1")])  # claimed, then the power went
    factory = session_factory(demo_engine)
    hot = HotFolder(folder, lambda p: import_path(factory, p), settle_s=0)
    (outcome,) = settle(hot)
    assert outcome.ok and outcome.file == folder / "done" / "orders.csv"
    assert not list((folder / ".processing").iterdir())
