"""Carrier waybill numbers and sort codes, from what the carrier gave the site.

Numbers: carriers issue electronic waybill numbers (电子面单号段) as ranges or lists; a site imports
them into a pool and each number is handed out once, to one shipment, never again (a voided number
is not reused). A carrier without numbers cannot print: ``NoWaybillNumbers``, never an invented
number. Where a carrier defines a check digit it is verified on import; the one known here is UPU
S10 (EMS international, ``check = "s10"``); other carriers' numbers are checked for their shape
only. ``PROVIDERS`` is the seam for an e-waybill API: a carrier whose ``provider`` names another
provider gets its numbers from it instead of the pool.

Sort codes (三段码 / 大头笔) come from the carrier's table (province / city / district → code),
imported as CSV; the most specific row wins; a destination missing from it gets no code (the label
prints without one) and a warning.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.db import affected
from app.errors import ConfigError, DomainError, NotFound
from app.i18n import catalogue, word
from app.models.site import Carrier, CarrierCutoff, CarrierRule, NumberStatus, SortCode, WaybillNumber
from app.permissions import require
from app.services import audit
from app.services.intake.records import RowError

if TYPE_CHECKING:
    from app.context import CurrentUser

log = logging.getLogger(__name__)

NAMES = {
    "SF": "顺丰速运",
    "YTO": "圆通速递",
    "ZTO": "中通快递",
    "JD": "京东物流",
    "EMS": "中国邮政 EMS",
    "EMSI": "EMS 国际",
}
DEFAULT_CARRIER = "SF"
MAX_RANGE = 200_000  # numbers one range line may hold (a typo in a range is not a million rows)
_NUMBER = re.compile(r"^[A-Z0-9]{6,40}$")
_S10 = re.compile(r"^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


class NoWaybillNumbers(ConfigError):
    """The carrier's pool is empty (or it has none): nothing can be printed for it."""


# --- check digits ------------------------------------------------------------------------


def s10_check_digit(serial: str) -> int:
    """The UPU S10 check digit of an 8-digit serial number."""
    c = 11 - sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(c, c)


def number_problem(check: str, number: str) -> str:
    """Why ``number`` is no waybill number of a carrier with this check scheme ("" if it is)."""
    if not _NUMBER.match(number):
        return "not a waybill number (6-40 letters and digits)"
    if check == "s10":
        m = _S10.match(number)
        if m is None:
            return "not an S10 number (2 letters, 9 digits, 2 letters)"
        if s10_check_digit(m.group(2)) != int(m.group(3)):
            return "wrong S10 check digit"
    return ""


def _expand(check: str, start: str, end: str) -> list[str]:
    """The numbers of a range ``START-END`` (for S10: the serials between, with check digits)."""
    if check == "s10":
        a, b = _S10.match(start), _S10.match(end)
        if a is None or b is None or (a.group(1), a.group(4)) != (b.group(1), b.group(4)):
            raise DomainError("an S10 range runs between two S10 numbers of one series")
        lo, hi, head, tail = int(a.group(2)), int(b.group(2)), a.group(1), a.group(4)
        width = 8
    else:
        a, b = re.match(r"^(.*?)(\d+)$", start), re.match(r"^(.*?)(\d+)$", end)
        if a is None or b is None or a.group(1) != b.group(1) or len(a.group(2)) != len(b.group(2)):
            raise DomainError("a range runs between two numbers of the same prefix and length")
        lo, hi, head, tail = int(a.group(2)), int(b.group(2)), a.group(1), ""
        width = len(a.group(2))
    if hi < lo:
        raise DomainError("the range ends before it starts")
    if hi - lo + 1 > MAX_RANGE:
        raise DomainError("more than {limit} numbers in one range", limit=MAX_RANGE)
    if check == "s10":
        return [f"{head}{n:08d}{s10_check_digit(f'{n:08d}')}{tail}" for n in range(lo, hi + 1)]
    return [f"{head}{n:0{width}d}" for n in range(lo, hi + 1)]


# --- the pool --------------------------------------------------------------------------

POOL = "{carrier}: {added} numbers added, {already} already in the pool, {refused} lines refused"
SORT_CODES = "{carrier}: {added} sort codes added, {changed} changed, {refused} lines refused"


def _worded(text: str, lang: str) -> str:
    """An import report's own words in ``lang`` (context ImportReport)."""
    return catalogue(lang, "ImportReport").get(text, text)


@dataclass(frozen=True)
class PoolImport:
    carrier: str
    added: int
    already: int  # in the pool before (a file imported twice adds nothing)
    problems: tuple[RowError, ...]  # by line, the rest imported

    def text(self, lang: str = "en") -> str:
        head = _worded(POOL, lang).format(carrier=self.carrier, added=self.added, already=self.already,
                                          refused=len(self.problems))
        return head + "\n" + "".join(f"  {word(e, lang)}\n" for e in self.problems)


def carrier_row(session: Session, code: str) -> Carrier:
    row = session.scalar(select(Carrier).where(Carrier.code == code.strip().upper()))
    if row is None:
        raise NotFound("No carrier {carrier}.", carrier=code)
    return row


def import_pool(
    session: Session, user: CurrentUser | None, carrier: str, text: str, batch: str, now: dt.datetime
) -> PoolImport:
    """Add the numbers of a text file (one number or one ``START-END`` range per line) to a pool."""
    user = require(user, "admin.master_data")
    c = carrier_row(session, carrier)
    problems: list[RowError] = []
    numbers: dict[str, int] = {}
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().upper().replace(" ", "")
        if not line or line.startswith("#"):
            continue
        try:
            found = _expand(c.check, *line.split("-", 1)) if "-" in line else [line]
        except DomainError as exc:
            why = DomainError("{number}: {reason}", number=raw.strip(), reason=exc)
            problems.append(RowError(line_no, why))
            continue
        bad = next(((n, p) for n in found if (p := number_problem(c.check, n))), None)
        if bad:  # number_problem's reasons are catalogued phrases: worded as a parameter
            why = DomainError("{number}: {reason}", number=bad[0], reason=bad[1])
            problems.append(RowError(line_no, why))
            continue
        for n in found:
            numbers.setdefault(n, line_no)
    known = set()
    chunk = list(numbers)
    for i in range(0, len(chunk), 5000):
        known |= set(session.scalars(select(WaybillNumber.number).where(
            WaybillNumber.carrier == c.code, WaybillNumber.number.in_(chunk[i:i + 5000]))))
    new = [{"carrier": c.code, "number": n, "status": NumberStatus.FREE, "batch": batch[:120],
            "imported_at": now, "void_reason": ""} for n in chunk if n not in known]
    for i in range(0, len(new), 5000):
        session.execute(insert(WaybillNumber), new[i:i + 5000])
    audit.record(session, "carrier.pool_import", "carrier", c.code, user_id=user.id if user else None,
                 batch=batch, added=len(new), refused=len(problems))
    return PoolImport(c.code, len(new), len(known), tuple(problems))


class NumberProvider(Protocol):
    """Where a carrier's waybill numbers come from: the imported pool, or (later) an e-waybill API."""

    def next_number(
        self, session: Session, carrier: Carrier, shipment_id: int | None, now: dt.datetime
    ) -> str: ...


class PoolProvider:
    """The next free number of the carrier's pool, taken by one station only (``SKIP LOCKED`` on
    PostgreSQL; SQLite's write lock serialises stations), and the conditional update proves it."""

    def next_number(
        self, session: Session, carrier: Carrier, shipment_id: int | None, now: dt.datetime
    ) -> str:
        while True:
            row = session.execute(
                select(WaybillNumber.id, WaybillNumber.number)
                .where(WaybillNumber.carrier == carrier.code, WaybillNumber.status == NumberStatus.FREE)
                .order_by(WaybillNumber.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            ).first()
            if row is None:
                raise NoWaybillNumbers(
                    "No waybill numbers left for {carrier}: import the carrier's numbers "
                    "(packdesk carriers pool import {carrier} FILE).", code="carrier.no_numbers",
                    carrier=carrier.code)
            taken = affected(session.execute(
                update(WaybillNumber)
                .where(WaybillNumber.id == row.id, WaybillNumber.status == NumberStatus.FREE)
                .values(status=NumberStatus.ISSUED, issued_at=now, shipment_id=shipment_id)
                .execution_options(synchronize_session=False)
            ))
            if taken == 1:
                return row.number


PROVIDERS: dict[str, NumberProvider] = {"pool": PoolProvider()}


def tracking_number(session: Session, carrier: str, shipment_id: int | None, now: dt.datetime) -> str:
    """A waybill number for this shipment from the carrier's provider (its pool by default)."""
    c = session.scalar(select(Carrier).where(Carrier.code == carrier))
    if c is None or not c.active:
        raise NoWaybillNumbers("Carrier {carrier} is not set up at this site: no waybill can be printed.",
                               code="carrier.unknown", carrier=carrier)
    provider = PROVIDERS.get(c.provider)
    if provider is None:
        raise ConfigError("Carrier {carrier} takes its numbers from {provider}, which is not installed.",
                          carrier=carrier, provider=c.provider)
    number = provider.next_number(session, c, shipment_id, now)
    if c.provider == "pool":
        left = _free(session, c.code)
        if left < c.low_water:
            log.warning("waybill pool of %s is low: %d numbers left (threshold %d)", c.code, left,
                        c.low_water)
    return number


def _free(session: Session, carrier: str) -> int:
    return session.scalar(select(func.count()).select_from(WaybillNumber).where(
        WaybillNumber.carrier == carrier, WaybillNumber.status == NumberStatus.FREE)) or 0


@dataclass(frozen=True)
class PoolStatus:
    carrier: str
    name: str
    provider: str
    free: int
    issued: int
    void: int
    low_water: int
    low: bool  # fewer free numbers than the threshold: order more from the carrier


def pool_status(session: Session) -> list[PoolStatus]:
    counts: dict[tuple[str, str], int] = {
        (c, str(s)): n for c, s, n in session.execute(
            select(WaybillNumber.carrier, WaybillNumber.status, func.count())
            .group_by(WaybillNumber.carrier, WaybillNumber.status))
    }
    out = []
    for c in session.scalars(select(Carrier).where(Carrier.active).order_by(Carrier.code)):
        free = counts.get((c.code, NumberStatus.FREE.value), 0)
        out.append(PoolStatus(c.code, c.name, c.provider, free, counts.get((c.code, "issued"), 0),
                              counts.get((c.code, "void"), 0), c.low_water,
                              c.provider == "pool" and free < c.low_water))
    return out


def void_number(
    session: Session, supervisor: CurrentUser | None, carrier: str, number: str, reason: str, now: dt.datetime
) -> None:
    """Take a number out of use for good (a damaged label roll, a number the carrier withdrew)."""
    supervisor = require(supervisor, "station.exceptions")
    if not reason.strip():
        raise DomainError("Say why the number is voided.")
    done = affected(session.execute(
        update(WaybillNumber)
        .where(WaybillNumber.carrier == carrier.upper(), WaybillNumber.number == number.strip().upper(),
               WaybillNumber.status != NumberStatus.VOID)
        .values(status=NumberStatus.VOID, voided_by=supervisor.id, void_reason=reason.strip()[:200])
    ))
    if done != 1:
        raise NotFound("No usable number {number} in the pool of {carrier}.", number=number, carrier=carrier)
    audit.record(session, "carrier.number_void", "waybill_number", number, user_id=supervisor.id,
                 carrier=carrier, reason=reason.strip())


# --- the carriers themselves ------------------------------------------------------------


@dataclass(frozen=True)
class CarrierView:
    code: str
    name: str
    check: str
    provider: str
    low_water: int
    active: bool
    services: tuple[str, ...]  # the services its rules give orders


def carriers(session: Session) -> list[CarrierView]:
    """Every carrier of the site, active or not, with the services its rules name."""
    used: dict[str, set[str]] = {}
    for code, service in session.execute(select(CarrierRule.carrier, CarrierRule.service).distinct()):
        if service:
            used.setdefault(code, set()).add(service)
    return [CarrierView(c.code, c.name, c.check, c.provider, c.low_water, c.active,
                        tuple(sorted(used.get(c.code, ()))))
            for c in session.scalars(select(Carrier).order_by(Carrier.code))]


def save_carrier(
    session: Session, user: CurrentUser | None, code: str, name: str, low_water: int, active: bool = True
) -> CarrierView:
    """Add a carrier or change its name, low-pool threshold and whether orders may get it."""
    user = require(user, "admin.master_data")
    code = code.strip().upper()
    if not re.match(r"^[A-Z0-9]{1,16}$", code):
        raise DomainError("Carrier code {carrier!r}: up to 16 letters and digits.", carrier=code)
    if not name.strip():
        raise DomainError("Carrier {carrier} needs a name.", carrier=code)
    if not 0 <= low_water <= MAX_RANGE:
        raise DomainError("The low-pool warning is between 0 and {most} numbers.", most=MAX_RANGE)
    row = session.scalar(select(Carrier).where(Carrier.code == code))
    if row is None:
        row = Carrier(code=code, check="", provider="pool")
        session.add(row)
    row.name, row.low_water, row.active = name.strip()[:64], low_water, active
    session.flush()
    audit.record(session, "carrier.save", "carrier", code, user_id=user.id, name=row.name,
                 low_water=low_water, active=active)
    return next(c for c in carriers(session) if c.code == code)


# --- sort codes --------------------------------------------------------------------------


@dataclass(frozen=True)
class SortCodeImport:
    carrier: str
    added: int
    changed: int
    problems: tuple[RowError, ...]

    def text(self, lang: str = "en") -> str:
        head = _worded(SORT_CODES, lang).format(carrier=self.carrier, added=self.added, changed=self.changed,
                                                refused=len(self.problems))
        return head + "\n" + "".join(f"  {word(e, lang)}\n" for e in self.problems)


def import_sort_codes(session: Session, user: CurrentUser | None, carrier: str, text: str) -> SortCodeImport:
    """The carrier's table as CSV ``province,city,district,code`` (a header line is allowed; empty
    city or district means the whole province or city). Importing it again changes what changed."""
    user = require(user, "admin.master_data")
    c = carrier_row(session, carrier)
    existing = {(r.province, r.city, r.district): r for r in
                session.scalars(select(SortCode).where(SortCode.carrier == c.code))}
    added = changed = 0
    problems: list[RowError] = []
    for line_no, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"))), start=1):
        cells = [x.strip() for x in row]
        if not any(cells) or (line_no == 1 and cells and cells[0].lower() == "province"):
            continue
        if len(cells) != 4 or not cells[0] or not cells[3]:
            problems.append(RowError(line_no, DomainError(
                "expected province,city,district,code with a province and a code")))
            continue
        if cells[2] and not cells[1]:
            problems.append(RowError(line_no, DomainError("a district needs its city")))
            continue
        key = (cells[0], cells[1], cells[2])
        if key in existing:
            if existing[key].code != cells[3]:
                existing[key].code = cells[3]
                changed += 1
            continue
        existing[key] = SortCode(carrier=c.code, province=key[0], city=key[1], district=key[2], code=cells[3])
        session.add(existing[key])
        added += 1
    audit.record(session, "carrier.sort_codes_import", "carrier", c.code, user_id=user.id if user else None,
                 added=added, changed=changed, refused=len(problems))
    return SortCodeImport(c.code, added, changed, tuple(problems))


def sort_code(session: Session, carrier: str, province: str, city: str, district: str) -> str:
    """The carrier's code for the destination, the most specific row first; "" (and a warning)
    when its table has none."""
    rows = session.execute(
        select(SortCode.city, SortCode.district, SortCode.code).where(
            SortCode.carrier == carrier, SortCode.province == province,
            SortCode.city.in_(("", city)), SortCode.district.in_(("", district)))
    ).all()
    best = max(rows, key=lambda r: (bool(r.city), bool(r.district)), default=None)
    if best is None:
        log.warning("no sort code of %s for %s %s %s: the label prints without one", carrier, province, city,
                    district)
        return ""
    return best.code


# --- carrier rules and cut-offs ----------------------------------------------------------


@dataclass(frozen=True)
class RuleView:
    id: int
    position: int
    channel: str
    province: str
    min_weight_g: int | None
    max_weight_g: int | None
    cod: bool | None
    carrier: str
    service: str


def save_rule(
    session: Session, user: CurrentUser | None, carrier: str, service: str = "", *, position: int = 100,
    channel: str = "", province: str = "", min_weight_g: int | None = None, max_weight_g: int | None = None,
    cod: bool | None = None,
) -> RuleView:
    """A rule giving matching orders this carrier and service (the lowest position matching wins)."""
    user = require(user, "admin.master_data")
    c = carrier_row(session, carrier)
    if min_weight_g is not None and max_weight_g is not None and max_weight_g < min_weight_g:
        raise DomainError("The rule's weight range ends before it starts.")
    rule = CarrierRule(position=position, channel=channel.strip().lower(), province=province.strip(),
                       min_weight_g=min_weight_g, max_weight_g=max_weight_g, cod=cod, carrier=c.code,
                       service=service.strip())
    session.add(rule)
    session.flush()
    audit.record(session, "carrier.rule_add", "carrier_rule", rule.id, user_id=user.id, carrier=c.code,
                 channel=rule.channel, province=rule.province)
    return _rule_view(rule)


def _rule_view(r: CarrierRule) -> RuleView:
    return RuleView(r.id, r.position, r.channel, r.province, r.min_weight_g, r.max_weight_g, r.cod, r.carrier,
                    r.service)


def rules(session: Session) -> list[RuleView]:
    return [_rule_view(r) for r in session.scalars(select(CarrierRule).order_by(CarrierRule.position,
                                                                                 CarrierRule.id))]


def delete_rule(session: Session, user: CurrentUser | None, rule_id: int) -> None:
    user = require(user, "admin.master_data")
    rule = session.get(CarrierRule, rule_id)
    if rule is None:
        raise NotFound("No carrier rule {rule}.", rule=rule_id)
    session.delete(rule)
    audit.record(session, "carrier.rule_delete", "carrier_rule", rule_id, user_id=user.id)


_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def set_cutoff(
    session: Session, user: CurrentUser | None, warehouse: str, carrier: str, cutoff: str, pickups: str = ""
) -> None:
    """The carrier's cut-off at a warehouse (local time, HH:MM) and its pick-up slots."""
    from app.services.masterdata import warehouse_id

    user = require(user, "admin.master_data")
    wid = warehouse_id(session, warehouse)
    c = carrier_row(session, carrier)
    slots = [p.strip() for p in pickups.split(",") if p.strip()]
    for t in (cutoff, *slots):
        if not _HHMM.match(t):
            raise DomainError("Time {time!r}: write it as HH:MM, such as 16:30.", time=t)
    row = session.scalar(select(CarrierCutoff).where(CarrierCutoff.warehouse_id == wid,
                                                     CarrierCutoff.carrier == c.code))
    if row is None:
        row = CarrierCutoff(warehouse_id=wid, carrier=c.code)
        session.add(row)
    row.cutoff, row.pickups = cutoff, ",".join(sorted(slots))
    audit.record(session, "carrier.cutoff", "carrier", c.code, user_id=user.id, warehouse=warehouse,
                 cutoff=cutoff, pickups=row.pickups)


@dataclass(frozen=True)
class CutoffView:
    warehouse: str
    carrier: str
    cutoff: str  # HH:MM, the site's local time
    pickups: tuple[str, ...]


def cutoffs(session: Session) -> list[CutoffView]:
    """Every carrier's cut-off and pick-up slots, by warehouse and carrier."""
    from app.models.catalog import Warehouse

    rows = session.execute(
        select(Warehouse.code, CarrierCutoff.carrier, CarrierCutoff.cutoff, CarrierCutoff.pickups)
        .join(Warehouse, Warehouse.id == CarrierCutoff.warehouse_id)
        .order_by(Warehouse.code, CarrierCutoff.carrier))
    return [CutoffView(w, c, t, tuple(p for p in slots.split(",") if p)) for w, c, t, slots in rows]


def _site_zone(session: Session) -> dt.tzinfo:
    from app import timezone
    from app.models.site import Site

    name = session.scalar(select(Site.time_zone).limit(1))
    return timezone.zone_named(name) if name else timezone.site_zone()


def next_cutoff(session: Session, warehouse_id: int, carrier: str, now: dt.datetime) -> dt.datetime | None:
    """The next cut-off of the carrier at the warehouse from ``now`` (UTC), in the site's zone."""
    hhmm = session.scalar(select(CarrierCutoff.cutoff).where(CarrierCutoff.warehouse_id == warehouse_id,
                                                             CarrierCutoff.carrier == carrier))
    if not hhmm:
        return None
    zone = _site_zone(session)
    local = now.astimezone(zone)
    hour, minute = (int(x) for x in hhmm.split(":"))
    at = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if at <= local:
        at += dt.timedelta(days=1)
    return at.astimezone(dt.UTC)


def assign(session: Session, order_id: int, warehouse_id: int, now: dt.datetime) -> str:
    """Give an order without a carrier the first matching rule's carrier and service, and any order
    its carrier's next cut-off at the warehouse; the carrier ("" when no rule matches)."""
    from app.models.catalog import Product
    from app.models.orders import Address, Order, OrderLine, PaymentStatus

    order = session.get(Order, order_id)
    if order is None:
        raise LookupError(order_id)
    carrier, service = order.carrier, order.service
    if not carrier:
        province = session.scalar(select(Address.province).where(Address.id == order.address_id)) or ""
        grams = session.scalar(
            select(func.sum(OrderLine.quantity * func.coalesce(Product.unit_weight_g, 0)))
            .join(Product, Product.id == OrderLine.product_id).where(OrderLine.order_id == order.id)) or 0
        cod = order.payment_status is PaymentStatus.COD or bool(order.cod_amount)
        for rule in session.scalars(select(CarrierRule).order_by(CarrierRule.position, CarrierRule.id)):
            if ((not rule.channel or rule.channel == order.channel.value)
                    and (not rule.province or rule.province == province)
                    and (rule.min_weight_g is None or grams >= rule.min_weight_g)
                    and (rule.max_weight_g is None or grams <= rule.max_weight_g)
                    and (rule.cod is None or rule.cod == cod)):
                carrier, service = rule.carrier, rule.service
                break
    if not carrier:
        return ""
    cutoff = order.cutoff_at or next_cutoff(session, warehouse_id, carrier, now)
    session.execute(update(Order).where(Order.id == order.id).values(carrier=carrier, service=service,
                                                                       cutoff_at=cutoff))
    return carrier
