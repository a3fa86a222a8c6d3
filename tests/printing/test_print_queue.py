"""The print queue: persisted before sending, retried with back-off when the printer was off or
not ready, printed only when the printer confirmed it, "unknown" (never resent on its own) when it
did not, one job per document while it waits, reprints marked and audited, and jobs sent only to
the printers of the station's own settings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.errors import Conflict, NotFound
from app.models.audit import AuditEntry
from app.models.fulfilment import PrintJob, PrintJobStatus
from app.services import print_queue as q
from printing.backends import Job, PrinterError, PrintOutcomeUnknown
from printing.thermal import render_zpl
from tests.printing.peers import HangingPrinter, ZplPrinter

T0 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


class FlakyPrinter:
    """A back-end stand-in for queue logic: refuses until switched on, records every job it prints."""

    uri = "test:printer"

    def __init__(self, on: bool = False, breaks_mid_job: bool = False) -> None:
        self.on = on
        self.breaks_mid_job = breaks_mid_job
        self.printed: list[bytes] = []

    def send(self, job: Job) -> None:
        if self.breaks_mid_job:
            raise PrintOutcomeUnknown("dropped the connection while printing")
        if not self.on:
            raise PrinterError("printer is off", retryable=True)
        self.printed.append(job.payload)

    def status(self) -> str:
        return "ready" if self.on else "off"


@pytest.fixture
def factory(any_engine):
    return session_factory(any_engine)


def _enqueue(factory, clock, printer: str = "labels", payload: bytes = b"^XA^XZ") -> int:
    with unit_of_work(factory) as s:
        return q.enqueue(s, "waybill", "SF1", printer, "zpl", payload, station="PACK-01", now=clock())


def _status(factory, job_id: int) -> PrintJob:
    with read_only(factory) as s:
        job = s.get(PrintJob, job_id)
        s.expunge(job)
        return job


def test_a_printer_that_is_off_keeps_the_job_queued_then_prints_it_once(factory):
    clock, printer = FakeClock(), FlakyPrinter(on=False)
    job_id = _enqueue(factory, clock)
    (first,) = q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    assert first.status == "queued" and "printer is off" in first.last_error and first.attempts == 1
    assert q.process_due(factory, "PACK-01", lambda _name: printer, clock) == []  # backing off
    printer.on = True
    clock.now += dt.timedelta(seconds=3)
    (second,) = q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    assert second.status == "printed" and printer.printed == [b"^XA^XZ"]
    clock.now += dt.timedelta(hours=1)
    assert q.process_due(factory, "PACK-01", lambda _name: printer, clock) == []
    assert q.send(factory, job_id, lambda _name: printer, clock).status == "printed"
    assert printer.printed == [b"^XA^XZ"]  # sending a printed job again does nothing


def test_retries_give_up_after_the_last_attempt(factory):
    clock, printer = FakeClock(), FlakyPrinter(on=False)
    job_id = _enqueue(factory, clock)
    for _ in range(q.MAX_ATTEMPTS):
        clock.now += dt.timedelta(minutes=5)
        q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    assert _status(factory, job_id).status is PrintJobStatus.FAILED


def test_a_zpl_printer_out_of_paper_then_head_open_then_paused_gets_the_label_once_it_is_ok(factory, waybill):
    clock = FakeClock()
    zpl = render_zpl(waybill).encode()
    with ZplPrinter(states=["paper out", "head open", "paused", "ok"]) as peer:
        printers = q.station_printers({"labels": {"uri": peer.uri, "format": "zpl"}})
        job_id = _enqueue(factory, clock, payload=zpl)
        for problem in ("paper out", "head open", "paused"):
            (view,) = q.process_due(factory, "PACK-01", printers, clock)
            assert view.status == "queued" and problem in view.last_error
            assert "nothing was sent" in view.last_error
            assert peer.printed == []
            clock.now += dt.timedelta(minutes=2)
        (view,) = q.process_due(factory, "PACK-01", printers, clock)
        assert view.status == "printed" and peer.printed == [zpl.strip()]
        clock.now += dt.timedelta(hours=1)
        assert q.process_due(factory, "PACK-01", printers, clock) == []
    assert _status(factory, job_id).attempts == 4


def test_a_printer_that_accepts_then_hangs_leaves_the_job_unknown_for_a_person(factory, waybill):
    clock = FakeClock()
    with HangingPrinter() as peer:
        printers = q.station_printers({"labels": {"uri": peer.uri, "format": "tspl"}})
        with unit_of_work(factory) as s:
            job_id = q.enqueue(s, "waybill", "SF1", "labels", "tspl", b"SIZE 100 mm,150 mm\r\n" * 200,
                               station="PACK-01", now=clock())
        (view,) = q.process_due(factory, "PACK-01", printers, clock)
        assert view.status == "unknown" and "may have printed" in view.last_error
        clock.now += dt.timedelta(hours=1)
        assert q.process_due(factory, "PACK-01", printers, clock) == []  # never resent on its own
        assert peer.connections == 1
    with unit_of_work(factory) as s:  # the packer looked: the label came out whole
        q.mark_printed(s, job_id, user_id=None, now=clock())
    job = _status(factory, job_id)
    assert job.status is PrintJobStatus.PRINTED and job.printed_at is not None
    with read_only(factory) as s:
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "print.mark_printed"))
        assert audit.entity_id == str(job_id)
    with unit_of_work(factory) as s, pytest.raises(Conflict, match="only a job whose outcome is unknown"):
        q.mark_printed(s, job_id, user_id=None, now=clock())


def test_an_unknown_job_settled_by_a_reprint_is_not_left_to_decide_again(factory):
    clock, printer = FakeClock(), FlakyPrinter(breaks_mid_job=True)
    job_id = _enqueue(factory, clock)
    (view,) = q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    assert view.status == "unknown"
    with unit_of_work(factory) as s:
        new_id = q.reprint(s, job_id, user_id=None, station="PACK-01", now=clock())
    assert _status(factory, job_id).status is PrintJobStatus.CANCELLED
    printer.breaks_mid_job, printer.on = False, True
    (again,) = q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    assert again.id == new_id and again.status == "printed" and again.reprint


def test_send_again_is_for_failed_or_unknown_jobs_only(factory):
    clock, printer = FakeClock(), FlakyPrinter(breaks_mid_job=True)
    job_id = _enqueue(factory, clock)
    q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    printer.breaks_mid_job, printer.on = False, True
    with unit_of_work(factory) as s:
        q.retry_now(s, job_id, user_id=None, now=clock())
    (again,) = q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    assert again.status == "printed"
    with unit_of_work(factory) as s, pytest.raises(Conflict, match="only a failed job"):
        q.retry_now(s, job_id, user_id=None, now=clock())


def test_a_station_that_died_while_sending_leaves_the_job_unknown(factory):
    clock = FakeClock()
    job_id = _enqueue(factory, clock)
    with unit_of_work(factory) as s:
        s.get(PrintJob, job_id).status = PrintJobStatus.SENDING  # the crash happened here
    with unit_of_work(factory) as s:
        assert q.recover_interrupted(s, "PACK-01") == 1
    job = _status(factory, job_id)
    assert job.status is PrintJobStatus.UNKNOWN and "reprint or mark it printed" in job.last_error


def test_printing_the_same_document_twice_while_the_printer_is_off_makes_one_job(factory):
    clock, printer = FakeClock(), FlakyPrinter(on=False)
    with unit_of_work(factory) as s:
        first = q.request(s, "waybill", "SF1", "labels", "zpl", b"^XA^XZ", station="PACK-01", now=clock())
    q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    with unit_of_work(factory) as s:
        second = q.request(s, "waybill", "SF1", "labels", "zpl", b"^XA^XZ", station="PACK-01", now=clock())
    assert not first.already_waiting and second.already_waiting and second.job_id == first.job_id
    assert "already queued" in second.message
    printer.on = True
    clock.now += dt.timedelta(minutes=1)
    q.process_due(factory, "PACK-01", lambda _name: printer, clock)
    assert printer.printed == [b"^XA^XZ"]
    with read_only(factory) as s:
        assert len(q.jobs(s, "PACK-01")) == 1
    with unit_of_work(factory) as s:  # printed: a new request is a new job again
        assert not q.request(s, "waybill", "SF1", "labels", "zpl", b"^XA^XZ", station="PACK-01",
                             now=clock()).already_waiting


def test_an_explicit_reprint_while_one_is_queued_is_a_second_audited_job(factory):
    clock = FakeClock()
    job_id = _enqueue(factory, clock)
    with unit_of_work(factory) as s:
        new_id = q.reprint(s, job_id, user_id=None, station="PACK-01", now=clock())
    with read_only(factory) as s:
        new = s.get(PrintJob, new_id)
        assert new.reprint_of_id == job_id and new.status is PrintJobStatus.QUEUED
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "print.reprint"))
        assert audit.entity_id == str(new_id) and audit.detail["reference"] == "SF1"
        assert [v.reprint for v in q.jobs(s, "PACK-01")] == [True, False]


def test_a_job_row_naming_a_uri_writes_nowhere(factory, tmp_path):
    """Whoever can write the database could point a job at a file; the station prints by name."""
    clock = FakeClock()
    victim = tmp_path / "orders.csv"
    victim.write_text("keep me\n")
    elsewhere = tmp_path / "elsewhere"
    printers = q.station_printers({"labels": {"uri": f"file:{tmp_path / 'labels'}", "format": "zpl"}})
    with unit_of_work(factory) as s:  # rows written straight into the database
        for n, uri in enumerate((f"usb:{victim}", f"file:{elsewhere}")):
            s.add(PrintJob(document="waybill", reference=f"SF{n}", station="PACK-01", printer=uri,
                           format="zpl", payload=b"^XA^XZ", next_attempt_at=clock(), created_at=clock()))
    views = q.process_due(factory, "PACK-01", printers, clock)
    assert {v.status for v in views} == {"failed"} and len(views) == 2
    assert all("no printer named" in v.last_error for v in views)
    assert victim.read_text() == "keep me\n" and not elsewhere.exists()


def test_print_now_prints_only_on_a_printer_of_the_station_settings(factory, tmp_path):
    clock = FakeClock()
    printers = {"labels": {"uri": f"file:{tmp_path}", "format": "zpl"}}
    with pytest.raises(NotFound, match="no printer named tcp://127"):
        q.print_now(factory, "waybill", "SF1", "tcp://127.0.0.1:9", "zpl", b"^XA^XZ", printers=printers,
                    station="PACK-01", user_id=None, now=clock)
    queued, view = q.print_now(factory, "waybill", "SF1", "labels", "zpl", b"^XA^XZ", printers=printers,
                               station="PACK-01", user_id=None, now=clock)
    assert view.status == "printed" and len(list(tmp_path.glob("*.zpl"))) == 1
    again, view = q.print_now(factory, "waybill", "SF1", "labels", "zpl", b"^XA^XZ", printers=printers,
                              station="PACK-01", user_id=None, now=clock, reprint=True)
    assert again.job_id != queued.job_id and view.reprint and len(list(tmp_path.glob("*.zpl"))) == 2
