"""The print queue: every job is persisted before it is sent, sent at most once per attempt,
retried with back-off when nothing reached the printer, and reprintable at any time.

States: queued -> sending -> printed; a refused or unreachable printer puts the job back to
queued with ``next_attempt_at`` (back-off) until ``MAX_ATTEMPTS``, then failed. A send that
broke half-way, or a station that died while sending, leaves the job failed for a person to
check: the queue never sends a job again on its own when part of it may have printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db import unit_of_work
from app.errors import NotFound
from app.models.fulfilment import PrintJob, PrintJobStatus
from app.services.audit import record
from printing.backends import Backend, Job, PrinterError

MAX_ATTEMPTS = 6
BACKOFF_S = (2, 5, 15, 30, 60)


@dataclass(frozen=True)
class JobView:
    id: int
    document: str
    reference: str
    printer: str
    format: str
    status: str
    attempts: int
    last_error: str
    reprint: bool
    created_at: dt.datetime


def printer_for(printers: Mapping[str, Mapping[str, Any]], document: str) -> tuple[str, str]:
    """(printer URI, format) a station uses for a document type; PDF files in the data dir by default."""
    from app.config import data_dir

    spec = printers.get(document, {})
    return str(spec.get("uri") or f"file:{data_dir() / 'printed'}"), str(spec.get("format", "pdf"))


def _view(job: PrintJob) -> JobView:
    return JobView(job.id, job.document, job.reference, job.printer, job.format, job.status.value,
                   job.attempts, job.last_error, job.reprint_of_id is not None, job.created_at)


def enqueue(session: Session, document: str, reference: str, printer: str, fmt: str, payload: bytes,
            *, station: str = "", user_id: int | None = None, now: dt.datetime) -> int:
    job = PrintJob(document=document, reference=reference, printer=printer, format=fmt, payload=payload,
                   station=station, requested_by=user_id, next_attempt_at=now, created_at=now)
    session.add(job)
    session.flush()
    return job.id


def reprint(session: Session, job_id: int, *, user_id: int | None, station: str, now: dt.datetime) -> int:
    """A new job with the same document, marked as a reprint and audited."""
    original = session.get(PrintJob, job_id)
    if original is None:
        raise NotFound(f"No print job {job_id}.")
    new_id = enqueue(session, original.document, original.reference, original.printer, original.format,
                     original.payload, station=station, user_id=user_id, now=now)
    session.get(PrintJob, new_id).reprint_of_id = original.reprint_of_id or original.id  # type: ignore[union-attr]
    record(session, "print.reprint", "print_job", new_id, user_id=user_id, station=station,
           document=original.document, reference=original.reference, original=original.id)
    return new_id


def retry_now(session: Session, job_id: int, *, user_id: int | None, now: dt.datetime) -> None:
    """A person checked the printer: send a failed job again (audited, it may print twice)."""
    job = session.get(PrintJob, job_id)
    if job is None:
        raise NotFound(f"No print job {job_id}.")
    job.status, job.next_attempt_at, job.attempts = PrintJobStatus.QUEUED, now, 0
    record(session, "print.retry", "print_job", job_id, user_id=user_id, reference=job.reference)


def recover_interrupted(session: Session, station: str) -> int:
    """Jobs this station was sending when it stopped: fail them for a person to check."""
    result = session.execute(
        update(PrintJob)
        .where(PrintJob.status == PrintJobStatus.SENDING, PrintJob.station == station)
        .values(status=PrintJobStatus.FAILED,
                last_error="Interrupted while sending: check the printer, then reprint if nothing came out.")
    )
    return result.rowcount or 0


def due_jobs(session: Session, station: str, now: dt.datetime) -> list[int]:
    return list(session.scalars(
        select(PrintJob.id)
        .where(PrintJob.status == PrintJobStatus.QUEUED, PrintJob.station == station,
               PrintJob.next_attempt_at <= now)
        .order_by(PrintJob.id)
    ))


def send(factory: sessionmaker[Session], job_id: int, backend_for: Callable[[str], Backend],
         now: Callable[[], dt.datetime]) -> JobView:
    """Send one job: claim it (committed), send, record the outcome (committed)."""
    with unit_of_work(factory) as s:
        claimed = s.execute(
            update(PrintJob)
            .where(PrintJob.id == job_id, PrintJob.status == PrintJobStatus.QUEUED)
            .values(status=PrintJobStatus.SENDING, attempts=PrintJob.attempts + 1)
        ).rowcount
        job = s.get(PrintJob, job_id)
        if job is None:
            raise NotFound(f"No print job {job_id}.")
        if not claimed:  # another worker has it, or it is done
            return _view(job)
        task = Job(title=f"{job.document}-{job.reference}", format=job.format, payload=job.payload,
                   media="A4" if job.document != "waybill" else "100x150")
        printer, attempts = job.printer, job.attempts
    error: PrinterError | None = None
    try:
        backend_for(printer).send(task)
    except PrinterError as exc:
        error = exc
    except Exception as exc:  # a back-end bug must not leave the job "sending" forever
        error = PrinterError(f"Printing failed: {exc}", retryable=False)
    with unit_of_work(factory) as s:
        job = s.get(PrintJob, job_id)
        assert job is not None
        at = now()
        if error is None:
            job.status, job.printed_at, job.last_error = PrintJobStatus.PRINTED, at, ""
        elif error.retryable and attempts < MAX_ATTEMPTS:
            job.status, job.last_error = PrintJobStatus.QUEUED, str(error)
            job.next_attempt_at = at + dt.timedelta(seconds=BACKOFF_S[min(attempts, len(BACKOFF_S)) - 1])
        else:
            job.status, job.last_error = PrintJobStatus.FAILED, str(error)
        return _view(job)


def process_due(factory: sessionmaker[Session], station: str, backend_for: Callable[[str], Backend],
                now: Callable[[], dt.datetime]) -> list[JobView]:
    with unit_of_work(factory) as s:
        ids = due_jobs(s, station, now())
    return [send(factory, job_id, backend_for, now) for job_id in ids]


def jobs(session: Session, station: str | None = None, limit: int = 50) -> list[JobView]:
    query = select(PrintJob).order_by(PrintJob.id.desc()).limit(limit)
    if station is not None:
        query = query.where(PrintJob.station == station)
    return [_view(j) for j in session.scalars(query)]
