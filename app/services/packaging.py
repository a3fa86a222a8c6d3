"""Packaging: the site's boxes and mailers (kept in ``packaging_boxes``, edited by supervisors and
admins, audited) and the suggestion of the smallest one the items fit, with what their handling
flags need.

The suggestion is a pure function over item dimensions, weights and flags, so the pack screen shows
it the instant an order opens. Items are fitted by volume with a fill factor (cushioning and air)
and by their longest side; fragile items never go in a mailer bag, liquids are sealed in a bag with
absorbent, bulky items ship in their own carton, and no box carries more than its maximum weight.
A box that suits every handling flag of the order is preferred; liquids and batteries go only in a
box that suits them whenever the site has one, and the suggestion says so when none suits them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import DomainError, NotFound
from app.models.site import PackagingBox
from app.permissions import require
from app.services import audit

if TYPE_CHECKING:
    from app.context import CurrentUser


@dataclass(frozen=True)
class Box:
    code: str
    title: str
    inner_mm: tuple[int, int, int]  # longest side first
    weight_g: int  # tare
    bag: bool = False  # a poly mailer: no protection for fragile goods
    max_weight_g: int | None = None  # the heaviest parcel it carries, tare included; None: no limit
    active: bool = True
    suits: tuple[str, ...] = ()  # the handling flags it is made for, in FLAGS order


FLAGS = ("fragile", "liquid", "bulky", "battery")
REQUIRED = ("liquid", "battery")  # never packed in a box that does not suit them, if the site has one
CARTON = ("fragile", "liquid", "battery")


# What ``packdesk init`` and the demo start a site with; the site edits them from there.
DEFAULT_BOXES: tuple[Box, ...] = (
    Box("BAG-S", "Poly mailer S", (350, 250, 40), 15, bag=True, max_weight_g=2000),
    Box("BAG-L", "Poly mailer L", (450, 350, 80), 30, bag=True, max_weight_g=5000),
    Box("BOX-1", "Carton 1 (200×150×100)", (200, 150, 100), 110, max_weight_g=5000, suits=CARTON),
    Box("BOX-2", "Carton 2 (300×200×150)", (300, 200, 150), 210, max_weight_g=10000, suits=CARTON),
    Box("BOX-3", "Carton 3 (400×300×250)", (400, 300, 250), 380, max_weight_g=20000, suits=FLAGS),
    Box("BOX-4", "Carton 4 (600×400×400)", (600, 400, 400), 720, max_weight_g=30000, suits=FLAGS),
)
OWN_CARTON = Box("OWN", "Ships in its own carton", (10_000, 10_000, 10_000), 0)
FILL = 1.3  # items fill at most 1/1.3 of a box: room for cushioning
BUBBLE_G = 25  # bubble wrap per fragile unit
ABSORBENT_G = 15  # sealed bag + absorbent pad per liquid line


@dataclass(frozen=True)
class Item:
    quantity: int
    dims_mm: tuple[int, int, int]  # 0 when unknown
    fragile: bool = False
    liquid: bool = False
    bulky: bool = False
    battery: bool = False
    unit_weight_g: int = 0  # 0 when unknown


@dataclass(frozen=True)
class Suggestion:
    box: Box
    extras_g: int  # bubble wrap, absorbent: part of the expected weight
    # codes the UI translates: fragile, liquid, bulky, battery, split (too much for one box),
    # no_boxes (the site has no box for these items: own carton), unsuited (no box that fits suits
    # every flag: the best fit anyway)
    notes: tuple[str, ...]

    @property
    def weight_g(self) -> int:
        return self.box.weight_g + self.extras_g


def suggest(items: list[Item], boxes: tuple[Box, ...]) -> Suggestion:
    """The first of ``boxes`` (smallest first, as ``boxes()`` orders them) the items fit that suits
    every flag of the items, else the first they fit, noted ``unsuited``."""
    fragile_units = sum(i.quantity for i in items if i.fragile)
    liquid_lines = sum(1 for i in items if i.liquid)
    extras = BUBBLE_G * fragile_units + ABSORBENT_G * liquid_lines
    notes = [flag for flag in FLAGS if any(getattr(i, flag) for i in items)]
    if any(i.bulky for i in items) and len(items) == 1 and items[0].quantity == 1:
        return Suggestion(OWN_CARTON, extras, tuple(notes))
    protect = fragile_units > 0 or liquid_lines > 0
    usable = [b for b in boxes if b.active and not (b.bag and protect)]
    required = {f for f in REQUIRED if f in notes and any(f in b.suits for b in usable)}
    if any(required <= set(b.suits) for b in usable):  # else no box suits them together: none is forced
        usable = [b for b in usable if required <= set(b.suits)]
    if not usable:
        return Suggestion(OWN_CARTON, extras, (*notes, "no_boxes"))
    volume = sum(i.quantity * _volume(i.dims_mm) for i in items) * FILL
    longest = max((max(i.dims_mm) for i in items), default=0)
    goods_g = sum(i.quantity * i.unit_weight_g for i in items) + extras
    fitting = [
        box
        for box in usable
        if _volume(box.inner_mm) >= volume
        and max(box.inner_mm) >= longest
        and _fits(items, box)
        and (box.max_weight_g is None or goods_g + box.weight_g <= box.max_weight_g)
    ]
    suited = [box for box in fitting if set(notes) <= set(box.suits)]
    if suited:
        return Suggestion(suited[0], extras, tuple(notes))
    if fitting:
        return Suggestion(fitting[0], extras, (*notes, "unsuited"))
    largest = max(usable, key=lambda b: _volume(b.inner_mm))
    return Suggestion(largest, extras, (*notes, "split"))  # too much for one box: say so


def _volume(dims: tuple[int, int, int]) -> int:
    return dims[0] * dims[1] * dims[2]


def _fits(items: list[Item], box: Box) -> bool:
    """Every item, turned its best way, fits inside the box on its own."""
    inner = sorted(box.inner_mm, reverse=True)
    return all(
        all(a <= b for a, b in zip(sorted(i.dims_mm, reverse=True), inner, strict=True)) for i in items
    )


# --- the site's boxes ----------------------------------------------------------------------

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,15}$")


def boxes(session: Session, *, include_disabled: bool = False) -> tuple[Box, ...]:
    """The site's boxes, mailers first then smallest first: the order the suggestion tries them."""
    query = select(PackagingBox)
    if not include_disabled:
        query = query.where(PackagingBox.active.is_(True))
    found = [_box(row) for row in session.scalars(query)]
    return tuple(sorted(found, key=lambda b: (not b.bag, _volume(b.inner_mm), b.code)))


def save_box(
    session: Session,
    user: CurrentUser | None,
    code: str,
    title: str,
    inner_mm: tuple[int, int, int],
    tare_g: int,
    max_weight_g: int | None = None,
    bag: bool = False,
    suits: Iterable[str] = (),
) -> Box:
    """Add the box, or change its title, size, weights, kind and the flags it suits (a disabled box
    stays disabled)."""
    user = require(user, "admin.master_data")
    code = code.strip().upper()
    if not _CODE.match(code) or code == OWN_CARTON.code:
        raise DomainError("Box code {box!r}: up to 16 letters, digits, dashes (not OWN).", box=code)
    if not title.strip():
        raise DomainError("Box {box} needs a title.", box=code)
    if len(inner_mm) != 3 or any(mm <= 0 for mm in inner_mm):
        raise DomainError("Box {box}: length, width and height must be positive millimetres.", box=code)
    if tare_g < 0:
        raise DomainError("Box {box}: the tare weight cannot be negative.", box=code)
    if max_weight_g is not None and max_weight_g <= tare_g:
        raise DomainError("Box {box}: the maximum weight ({most} g) must be more than its tare ({tare} g).",
                          box=code, most=max_weight_g, tare=tare_g)
    wanted = {f.strip().lower() for f in suits if f.strip()}
    unknown = sorted(wanted - set(FLAGS))
    if unknown:
        raise DomainError("Box {box}: unknown flag {flag!r} (fragile, liquid, bulky, battery).",
                          box=code, flag=unknown[0])
    if bag and wanted & {"fragile", "liquid"}:
        raise DomainError("Box {box}: a mailer bag cannot suit fragile goods or liquids.", box=code)
    flags = ",".join(f for f in FLAGS if f in wanted)
    size = sorted(inner_mm, reverse=True)
    row = session.scalar(select(PackagingBox).where(PackagingBox.code == code))
    if row is None:
        row = PackagingBox(code=code, active=True)
        session.add(row)
    row.title, row.tare_g, row.max_weight_g, row.bag = title.strip(), tare_g, max_weight_g, bag
    row.suits = flags
    row.length_mm, row.width_mm, row.height_mm = size
    session.flush()
    audit.record(session, "box.save", "packaging_box", code, user_id=user.id, title=row.title,
                 size="x".join(map(str, size)), tare_g=tare_g, max_weight_g=max_weight_g, bag=bag,
                 suits=flags)
    return _box(row)


def disable_box(session: Session, user: CurrentUser | None, code: str, *, active: bool = False) -> Box:
    """Stop suggesting a box (``active=True`` brings it back); parcels packed in it keep its code."""
    user = require(user, "admin.master_data")
    row = _row(session, code)
    row.active = active
    session.flush()
    audit.record(session, "box.enable" if active else "box.disable", "packaging_box", row.code,
                 user_id=user.id)
    return _box(row)


def delete_box(session: Session, user: CurrentUser | None, code: str) -> None:
    """Remove a box added by mistake; parcels keep the code they were packed with."""
    user = require(user, "admin.master_data")
    row = _row(session, code)
    session.execute(delete(PackagingBox).where(PackagingBox.id == row.id))
    audit.record(session, "box.delete", "packaging_box", row.code, user_id=user.id, title=row.title)


def seed_defaults(session: Session) -> int:
    """The default set for a site that has no box yet (boxes added; 0 when it has some)."""
    if session.scalar(select(func.count()).select_from(PackagingBox)):
        return 0
    for b in DEFAULT_BOXES:
        length, width, height = b.inner_mm
        session.add(PackagingBox(code=b.code, title=b.title, length_mm=length, width_mm=width,
                                 height_mm=height, tare_g=b.weight_g, max_weight_g=b.max_weight_g,
                                 bag=b.bag, suits=",".join(b.suits), active=True))
    session.flush()
    return len(DEFAULT_BOXES)


def _row(session: Session, code: str) -> PackagingBox:
    row = session.scalar(select(PackagingBox).where(PackagingBox.code == code.strip().upper()))
    if row is None:
        raise NotFound("No box {box}.", box=code)
    return row


def _box(row: PackagingBox) -> Box:
    return Box(row.code, row.title, (row.length_mm, row.width_mm, row.height_mm), row.tare_g, row.bag,
               row.max_weight_g, row.active, tuple(f for f in row.suits.split(",") if f))
