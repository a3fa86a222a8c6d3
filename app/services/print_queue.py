"""The print queue: every job is persisted before it is sent, sent at most once per attempt,
retried with back-off when nothing reached the printer, and reprintable at any time.

States: queued -> sending -> printed once the printer confirmed it. A refused or unreachable
printer puts the job back to queued with ``next_attempt_at`` (back-off) until ``MAX_ATTEMPTS``,
then failed. A job that reached the printer unconfirmed (it hung, reset, ran out of paper
mid-job), or a station that died while sending, leaves the job "unknown": a person looks at the
printer and reprints it or marks it printed; the queue never sends it again on its own.

A job names a printer of the station's own settings, never a URI: the station resolves the name
through its settings when it sends, so a database row cannot choose where a station writes.
A second request for a document still waiting to print adds no job; a reprint is explicit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db import affected, unit_of_work
from app.errors import Conflict, DomainError, NotFound
from app.i18n import stored
from app.models.fulfilment import PrintJob, PrintJobStatus
from app.services.audit import record
from printing import labels
from printing.backends import Backend, Job, PrinterError, PrintOutcomeUnknown, make_backend
from printing.errors import PrintingError

MAX_ATTEMPTS = 6
BACKOFF_S = (2, 5, 15, 30, 60)
DEFAULT_PRINTER = "files"  # PDF files in the data folder, for documents with no printer set
WAITING = (PrintJobStatus.QUEUED, PrintJobStatus.SENDING, PrintJobStatus.UNKNOWN)
# The paper a spooler feeds per document (label printers read the size from ZPL); others: A4.
MEDIA = {"waybill": "100x150", "badge-label": labels.media(labels.BadgeLabel),
         "bin-labels": labels.media(labels.BinLabel), "product-label": labels.media(labels.ProductLabel)}


INTERRUPTED = DomainError("Interrupted while sending: check the printer, then reprint or mark it printed.")


@dataclass(frozen=True)
class JobView:
    id: int
    document: str
    reference: str
    printer: str
    format: str
    status: str
    attempts: int
    last_error: str  # as stored (app.i18n.stored): word it with app.i18n.reword
    reprint: bool
    created_at: dt.datetime


@dataclass(frozen=True)
class Queued:
    """What a print request did: a new job, or the job already waiting for the same document."""

    job_id: int
    already_waiting: bool
    status: str  # the job's status when asked

    @property
    def message(self) -> str:
        if not self.already_waiting:
            return f"Queued as job {self.job_id}."
        if self.status == PrintJobStatus.UNKNOWN:
            return (f"Job {self.job_id} for this document may have printed: check the printer, then "
                    "reprint it or mark it printed.")
        return (f"Job {self.job_id} for this document is already {self.status}: it prints when the "
                "printer is ready (reprint it for another copy).")


def printer_for(printers: Mapping[str, Mapping[str, Any]], document: str) -> tuple[str, str]:
    """(printer name, format) a station uses for a document type; PDF files in the data dir by default."""
    spec = printers.get(document)
    if not spec:
        return DEFAULT_PRINTER, "pdf"
    return document, str(spec.get("format", "pdf"))


def station_printers(printers: Mapping[str, Mapping[str, Any]]) -> Callable[[str], Backend]:
    """The back end for a printer name, looked up in this station's settings only."""
    from app.config import data_dir

    def backend_for(name: str) -> Backend:
        spec = printers.get(name)
        if spec and spec.get("uri"):
            return make_backend(str(spec["uri"]))
        if name == DEFAULT_PRINTER:
            return make_backend(f"file:{data_dir() / 'printed'}")
        raise PrinterError("This station has no printer named {name}: it prints only on the printers in "
                           "its settings.", retryable=False, name=name)

    return backend_for


def _view(job: PrintJob) -> JobView:
    return JobView(job.id, job.document, job.reference, job.printer, job.format, job.status.value,
                   job.attempts, job.last_error, job.reprint_of_id is not None, job.created_at)


def _get(session: Session, job_id: int) -> PrintJob:
    job = session.get(PrintJob, job_id)
    if job is None:
        raise NotFound("No print job {id}.", id=job_id)
    return job


def _new_job(session: Session, document: str, reference: str, printer: str, fmt: str, payload: bytes,
             station: str, user_id: int | None, now: dt.datetime) -> PrintJob:
    job = PrintJob(document=document, reference=reference, printer=printer, format=fmt, payload=payload,
                   station=station, requested_by=user_id, next_attempt_at=now, created_at=now)
    session.add(job)
    session.flush()
    return job


def request(session: Session, document: str, reference: str, printer: str, fmt: str, payload: bytes,
            *, station: str = "", user_id: int | None = None, now: dt.datetime) -> Queued:
    """Queue a document, unless this station already has it waiting (queued, sending or unknown)."""
    waiting = session.scalar(
        select(PrintJob)
        .where(PrintJob.document == document, PrintJob.reference == reference, PrintJob.station == station,
               PrintJob.status.in_(WAITING))
        .order_by(PrintJob.id.desc())
        .limit(1)
    )
    if waiting is not None:
        return Queued(waiting.id, True, waiting.status.value)
    job = _new_job(session, document, reference, printer, fmt, payload, station, user_id, now)
    return Queued(job.id, False, job.status.value)


def enqueue(session: Session, document: str, reference: str, printer: str, fmt: str, payload: bytes,
            *, station: str = "", user_id: int | None = None, now: dt.datetime) -> int:
    """The id of the job that will print the document (the waiting one if there is one)."""
    return request(session, document, reference, printer, fmt, payload, station=station, user_id=user_id,
                   now=now).job_id


def reprint(session: Session, job_id: int, *, user_id: int | None, station: str, now: dt.datetime) -> int:
    """A new job with the same document, marked as a reprint and audited; an "unknown" original is
    settled by it (cancelled, so it is not decided twice)."""
    original = _get(session, job_id)
    new = _new_job(session, original.document, original.reference, original.printer, original.format,
                   original.payload, station, user_id, now)
    new.reprint_of_id = original.reprint_of_id or original.id
    if original.status is PrintJobStatus.UNKNOWN:
        original.status = PrintJobStatus.CANCELLED
        original.last_error = stored(DomainError("Reprinted as job {id}.", id=new.id))
    record(session, "print.reprint", "print_job", new.id, user_id=user_id, station=station,
           document=original.document, reference=original.reference, original=original.id)
    return new.id


def reprint_document(session: Session, document: str, reference: str, printer: str, fmt: str,
                     payload: bytes, *, station: str, user_id: int | None, now: dt.datetime) -> int:
    """An explicit reprint of a document (freshly rendered, e.g. marked 补打): always a new job,
    audited, linked to the document's first job when there is one."""
    first = session.scalar(
        select(PrintJob.id).where(PrintJob.document == document, PrintJob.reference == reference)
        .order_by(PrintJob.id).limit(1)
    )
    job = _new_job(session, document, reference, printer, fmt, payload, station, user_id, now)
    job.reprint_of_id = first
    record(session, "print.reprint", "print_job", job.id, user_id=user_id, station=station,
           document=document, reference=reference, original=first)
    return job.id


def mark_printed(session: Session, job_id: int, *, user_id: int | None, now: dt.datetime) -> None:
    """A person saw that an "unknown" job did come out whole: record it printed (audited)."""
    job = _get(session, job_id)
    if job.status is not PrintJobStatus.UNKNOWN:
        raise Conflict("Job {id} is {status}: only a job whose outcome is unknown can be marked printed.",
                       id=job_id, status=job.status.value)
    job.status, job.printed_at = PrintJobStatus.PRINTED, now
    job.last_error = stored(DomainError("Marked printed by a person (was: {was})", was=job.last_error))
    record(session, "print.mark_printed", "print_job", job_id, user_id=user_id, reference=job.reference)


def retry_now(session: Session, job_id: int, *, user_id: int | None, now: dt.datetime) -> None:
    """A person checked the printer: send a failed or unknown job again (audited, it may print twice)."""
    job = _get(session, job_id)
    if job.status not in (PrintJobStatus.FAILED, PrintJobStatus.UNKNOWN):
        raise Conflict("Job {id} is {status}: only a failed job or one whose outcome is unknown is sent "
                       "again.", id=job_id, status=job.status.value)
    job.status, job.next_attempt_at, job.attempts = PrintJobStatus.QUEUED, now, 0
    record(session, "print.retry", "print_job", job_id, user_id=user_id, reference=job.reference)


def recover_interrupted(session: Session, station: str) -> int:
    """Jobs this station was sending when it stopped: their outcome is unknown until a person looks."""
    result = affected(session.execute(
        update(PrintJob)
        .where(PrintJob.status == PrintJobStatus.SENDING, PrintJob.station == station)
        .values(status=PrintJobStatus.UNKNOWN,
                last_error=stored(INTERRUPTED))
    ))
    return result


def due_jobs(session: Session, station: str, now: dt.datetime) -> list[int]:
    return list(session.scalars(
        select(PrintJob.id)
        .where(PrintJob.status == PrintJobStatus.QUEUED, PrintJob.station == station,
               PrintJob.next_attempt_at <= now)
        .order_by(PrintJob.id)
    ))


def send(factory: sessionmaker[Session], job_id: int, backend_for: Callable[[str], Backend],
         now: Callable[[], dt.datetime]) -> JobView:
    """Send one job to the printer its row names (resolved by ``backend_for``, see
    ``station_printers``): claim it (committed), send, record the outcome (committed)."""
    with unit_of_work(factory) as s:
        claimed = affected(s.execute(
            update(PrintJob)
            .where(PrintJob.id == job_id, PrintJob.status == PrintJobStatus.QUEUED)
            .values(status=PrintJobStatus.SENDING, attempts=PrintJob.attempts + 1)
        ))
        job = _get(s, job_id)
        if not claimed:  # another worker has it, or it is done
            return _view(job)
        task = Job(title=f"{job.document}-{job.reference}", format=job.format, payload=job.payload,
                   media=MEDIA.get(job.document, "A4"))
        printer, attempts = job.printer, job.attempts
    error: PrinterError | None = None
    try:
        backend_for(printer).send(task)
    except PrinterError as exc:
        error = exc
    except PrintingError as exc:  # a printer setting that names nothing usable
        error = PrinterError(exc.template, retryable=False, code=exc.code, **exc.params)
    except Exception as exc:  # a back-end bug after the job may have gone out: a person decides
        error = PrintOutcomeUnknown("Printing failed: {reason}", reason=str(exc) or type(exc).__name__)
    with unit_of_work(factory) as s:
        job = _get(s, job_id)
        at = now()
        if error is None:
            job.status, job.printed_at, job.last_error = PrintJobStatus.PRINTED, at, ""
        elif isinstance(error, PrintOutcomeUnknown):
            job.status, job.last_error = PrintJobStatus.UNKNOWN, stored(error)
        elif error.retryable and attempts < MAX_ATTEMPTS:
            job.status, job.last_error = PrintJobStatus.QUEUED, stored(error)
            job.next_attempt_at = at + dt.timedelta(seconds=BACKOFF_S[min(attempts, len(BACKOFF_S)) - 1])
        else:
            job.status, job.last_error = PrintJobStatus.FAILED, stored(error)
        return _view(job)


def process_due(factory: sessionmaker[Session], station: str, backend_for: Callable[[str], Backend],
                now: Callable[[], dt.datetime]) -> list[JobView]:
    with unit_of_work(factory) as s:
        ids = due_jobs(s, station, now())
    return [send(factory, job_id, backend_for, now) for job_id in ids]


def print_now(factory: sessionmaker[Session], document: str, reference: str, printer: str, fmt: str,
              payload: bytes, *, printers: Mapping[str, Mapping[str, Any]], station: str,
              user_id: int | None, now: Callable[[], dt.datetime],
              reprint: bool = False) -> tuple[Queued, JobView]:
    """``packdesk print --printer NAME``: queue the document on a printer of this station's settings
    (one job per document while it waits; ``reprint`` adds an audited copy) and send it now."""
    if printer not in printers and printer != DEFAULT_PRINTER:
        known = ", ".join(sorted(printers)) or "none"
        raise NotFound("This station has no printer named {name} (its printers: {known}); add it to the "
                       "station's settings first.", name=printer, known=known)
    with unit_of_work(factory) as s:
        if reprint:
            job_id = reprint_document(s, document, reference, printer, fmt, payload, station=station,
                                      user_id=user_id, now=now())
            queued = Queued(job_id, False, PrintJobStatus.QUEUED.value)
        else:
            queued = request(s, document, reference, printer, fmt, payload, station=station, user_id=user_id,
                             now=now())
    if queued.already_waiting:
        with unit_of_work(factory) as s:
            return queued, _view(_get(s, queued.job_id))
    return queued, send(factory, queued.job_id, station_printers(printers), now)


def jobs(session: Session, station: str | None = None, limit: int = 50) -> list[JobView]:
    query = select(PrintJob).order_by(PrintJob.id.desc()).limit(limit)
    if station is not None:
        query = query.where(PrintJob.station == station)
    return [_view(j) for j in session.scalars(query)]
