"""A print job's last error kept as a worded error: a printer that refuses the connection leaves
an error each reader words in their own language (the print-jobs list and its JSON under a Chinese
locale), a job settled by a person keeps what it had, and rows written as plain text still show."""

from __future__ import annotations

import json
import socket

from app.cli import main
from app.db import unit_of_work
from app.i18n import reword
from app.models.base import utcnow
from app.models.fulfilment import PrintJob
from app.services import print_queue
from tests.printing.peers import HangingPrinter

REFUSED_ZH = "无法连接打印机 127.0.0.1:{port}（连接被拒绝）；它已开机并连上网络了吗？"  # the OS reason too
REFUSED_EN = ("Printer 127.0.0.1:{port} is not reachable (Connection refused); is it switched on and on the "
              "network?")


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def send_waybill(factory, uri: str, fmt: str = "zpl", payload: bytes = b"^XA^XZ") -> print_queue.JobView:
    printers = {"waybill": {"uri": uri, "format": fmt}}
    with unit_of_work(factory) as s:
        job_id = print_queue.enqueue(s, "waybill", "SF1", "waybill", fmt, payload, station="PACK-01",
                                     now=utcnow())
    return print_queue.send(factory, job_id, print_queue.station_printers(printers), utcnow)


def db_url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_a_refusing_printer_reads_in_chinese_in_the_print_jobs_list_and_its_json(
    demo_engine, capsys, monkeypatch
):
    from app.db import session_factory

    port = closed_port()
    view = send_waybill(session_factory(demo_engine), f"tcp://127.0.0.1:{port}?timeout=0.5")
    assert view.status == "queued" and view.attempts == 1
    assert reword(view.last_error, "zh_CN") == REFUSED_ZH.format(port=port)
    assert reword(view.last_error, "en") == REFUSED_EN.format(port=port)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    assert main(["print-jobs", "list", "--all-stations", "--db", db_url(demo_engine)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{view.id:>6}  ") and line.endswith("queued   " + REFUSED_ZH.format(port=port))
    assert main(["print-jobs", "list", "--all-stations", "--json", "--db", db_url(demo_engine)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["last_error"] == REFUSED_ZH.format(port=port) and row["status"] == "queued"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["print-jobs", "list", "--all-stations", "--json", "--db", db_url(demo_engine)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["last_error"] == REFUSED_EN.format(port=port)


def test_a_job_marked_printed_keeps_what_it_had_in_each_language_and_old_plain_rows_still_show(demo_engine):
    from app.db import session_factory

    factory = session_factory(demo_engine)
    with HangingPrinter() as peer:
        view = send_waybill(factory, peer.uri, "tspl", b"CLS\r\n" * 500)  # it hangs mid-job
    assert view.status == "unknown"
    with unit_of_work(factory) as s:
        print_queue.mark_printed(s, view.id, user_id=None, now=utcnow())
    with unit_of_work(factory) as s:
        (marked,) = print_queue.jobs(s, "PACK-01")
        assert reword(marked.last_error, "zh_CN").startswith("已由人工标记为已打印（原为：")
        assert reword(marked.last_error, "en").startswith("Marked printed by a person (was: Printer ")
        assert "{" not in reword(marked.last_error, "en")  # the earlier error is worded, not shown as data
        s.get(PrintJob, view.id).last_error = "printer off"  # a row from before errors were worded
    with unit_of_work(factory) as s:
        assert reword(print_queue.jobs(s, "PACK-01")[0].last_error, "zh_CN") == "printer off"


def test_a_job_cut_off_while_sending_and_one_reprinted_say_so_in_chinese(demo_engine):
    from sqlalchemy import update

    from app.db import session_factory
    from app.models.fulfilment import PrintJobStatus

    factory = session_factory(demo_engine)
    with unit_of_work(factory) as s:
        job_id = print_queue.enqueue(s, "waybill", "SF2", "waybill", "zpl", b"^XA^XZ", station="PACK-01",
                                     now=utcnow())
        s.execute(update(PrintJob).where(PrintJob.id == job_id).values(status=PrintJobStatus.SENDING))
    with unit_of_work(factory) as s:
        assert print_queue.recover_interrupted(s, "PACK-01") == 1
    with unit_of_work(factory) as s:
        (cut,) = print_queue.jobs(s, "PACK-01")
        assert reword(cut.last_error, "zh_CN") == "发送时中断：请查看打印机，然后补打或标记为已打印。"
        new = print_queue.reprint(s, job_id, user_id=None, station="PACK-01", now=utcnow())
    with unit_of_work(factory) as s:
        original = next(v for v in print_queue.jobs(s, "PACK-01") if v.id == job_id)
        assert reword(original.last_error, "zh_CN") == f"已补打为任务 {new}。"
        assert reword(original.last_error, "en") == f"Reprinted as job {new}."


def test_printing_on_a_printer_that_refuses_says_so_in_chinese_on_a_chinese_station(demo_engine, capsys):
    import os
    from pathlib import Path

    port = closed_port()
    settings = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    printer = f'[printers.labels]\nuri = "tcp://127.0.0.1:{port}"\nformat = "zpl"\n'
    settings.write_text('language = "zh_CN"\n' + printer, encoding="utf-8")
    command = ["print", "waybill", "PD0000000001", "--db", db_url(demo_engine), "--printer", "labels"]
    assert main(command) == 1
    err = capsys.readouterr().err
    assert err.startswith("packdesk: error: 任务 ") and err.count("\n") == 1
    assert err.endswith(f"排队中：{REFUSED_ZH.format(port=port)}（任务仍在队列中，会再次发送）\n")
