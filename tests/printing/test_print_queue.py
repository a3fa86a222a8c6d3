"""The print queue: persisted before sending, retried with back-off when the printer was off,
never sent twice on its own, reprints marked and audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db import read_only, session_factory, unit_of_work
from app.models.audit import AuditEntry
from app.models.fulfilment import PrintJob, PrintJobStatus
from app.services import print_queue as q
from printing.backends import Job, PrinterError

T0 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


class FlakyPrinter:
    """A real back-end stand-in: refuses until switched on, records every job it prints."""

    uri = "test:printer"

    def __init__(self, on: bool = False, breaks_mid_job: bool = False) -> None:
        self.on = on
        self.breaks_mid_job = breaks_mid_job
        self.printed: list[bytes] = []

    def send(self, job: Job) -> None:
        if self.breaks_mid_job:
            raise PrinterError("dropped the connection while printing", retryable=False)
        if not self.on:
            raise PrinterError("printer is off", retryable=True)
        self.printed.append(job.payload)

    def status(self) -> str:
        return "ready" if self.on else "off"


@pytest.fixture
def factory(any_engine):
    return session_factory(any_engine)


def _enqueue(factory, clock) -> int:
    with unit_of_work(factory) as s:
        return q.enqueue(
            s, "waybill", "SF1", "test:printer", "zpl", b"^XA^XZ", station="PACK-01", now=clock()
        )


def test_a_printer_that_is_off_keeps_the_job_queued_then_prints_it_once(factory):
    clock, printer = FakeClock(), FlakyPrinter(on=False)
    job_id = _enqueue(factory, clock)
    (first,) = q.process_due(factory, "PACK-01", lambda _uri: printer, clock)
    assert first.status == "queued" and "printer is off" in first.last_error and first.attempts == 1
    assert q.process_due(factory, "PACK-01", lambda _uri: printer, clock) == []  # backing off
    printer.on = True
    clock.now += dt.timedelta(seconds=3)
    (second,) = q.process_due(factory, "PACK-01", lambda _uri: printer, clock)
    assert second.status == "printed" and printer.printed == [b"^XA^XZ"]
    clock.now += dt.timedelta(hours=1)
    assert q.process_due(factory, "PACK-01", lambda _uri: printer, clock) == []
    assert q.send(factory, job_id, lambda _uri: printer, clock).status == "printed"
    assert printer.printed == [b"^XA^XZ"]  # sending a printed job again does nothing


def test_retries_give_up_after_the_last_attempt(factory):
    clock, printer = FakeClock(), FlakyPrinter(on=False)
    job_id = _enqueue(factory, clock)
    for _ in range(q.MAX_ATTEMPTS):
        clock.now += dt.timedelta(minutes=5)
        q.process_due(factory, "PACK-01", lambda _uri: printer, clock)
    with read_only(factory) as s:
        assert s.get(PrintJob, job_id).status is PrintJobStatus.FAILED


def test_a_job_that_broke_mid_print_is_never_resent_automatically(factory):
    clock, printer = FakeClock(), FlakyPrinter(breaks_mid_job=True)
    job_id = _enqueue(factory, clock)
    (view,) = q.process_due(factory, "PACK-01", lambda _uri: printer, clock)
    assert view.status == "failed"
    clock.now += dt.timedelta(hours=1)
    assert q.process_due(factory, "PACK-01", lambda _uri: printer, clock) == []
    printer.breaks_mid_job, printer.on = False, True
    with unit_of_work(factory) as s:
        q.retry_now(s, job_id, user_id=None, now=clock())
    (again,) = q.process_due(factory, "PACK-01", lambda _uri: printer, clock)
    assert again.status == "printed"


def test_a_station_that_died_while_sending_fails_the_job_for_a_person_to_check(factory):
    clock = FakeClock()
    job_id = _enqueue(factory, clock)
    with unit_of_work(factory) as s:
        s.get(PrintJob, job_id).status = PrintJobStatus.SENDING  # the crash happened here
    with unit_of_work(factory) as s:
        assert q.recover_interrupted(s, "PACK-01") == 1
    with read_only(factory) as s:
        job = s.get(PrintJob, job_id)
        assert job.status is PrintJobStatus.FAILED and "reprint" in job.last_error


def test_reprint_is_a_new_marked_job_and_audited(factory):
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
