"""Packaging suggestion: the smallest box the items fit, and what their handling flags need.

Pure functions over item dimensions and flags, so the pack screen shows the suggestion the
instant an order opens. Items are fitted by volume with a fill factor (cushioning and air)
and by their longest side; fragile items never go in a mailer bag, liquids are sealed in a
bag with absorbent, bulky items ship in their own carton.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    code: str
    title: str
    inner_mm: tuple[int, int, int]  # longest side first
    weight_g: int
    bag: bool = False  # a poly mailer: no protection for fragile goods


BOXES: tuple[Box, ...] = (
    Box("BAG-S", "Poly mailer S", (350, 250, 40), 15, bag=True),
    Box("BAG-L", "Poly mailer L", (450, 350, 80), 30, bag=True),
    Box("BOX-1", "Carton 1 (200×150×100)", (200, 150, 100), 110),
    Box("BOX-2", "Carton 2 (300×200×150)", (300, 200, 150), 210),
    Box("BOX-3", "Carton 3 (400×300×250)", (400, 300, 250), 380),
    Box("BOX-4", "Carton 4 (600×400×400)", (600, 400, 400), 720),
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


@dataclass(frozen=True)
class Suggestion:
    box: Box
    extras_g: int  # bubble wrap, absorbent: part of the expected weight
    notes: tuple[str, ...]  # handling codes the UI translates: fragile, liquid, bulky, battery

    @property
    def weight_g(self) -> int:
        return self.box.weight_g + self.extras_g


def suggest(items: list[Item], boxes: tuple[Box, ...] = BOXES) -> Suggestion:
    notes: list[str] = []
    fragile_units = sum(i.quantity for i in items if i.fragile)
    liquid_lines = sum(1 for i in items if i.liquid)
    extras = BUBBLE_G * fragile_units + ABSORBENT_G * liquid_lines
    for flag in ("fragile", "liquid", "bulky", "battery"):
        if any(getattr(i, flag) for i in items):
            notes.append(flag)
    if any(i.bulky for i in items) and len(items) == 1 and items[0].quantity == 1:
        return Suggestion(OWN_CARTON, extras, tuple(notes))
    volume = sum(i.quantity * _volume(i.dims_mm) for i in items) * FILL
    longest = max((max(i.dims_mm) for i in items), default=0)
    protect = fragile_units > 0 or liquid_lines > 0
    for box in boxes:
        if box.bag and protect:
            continue
        if _volume(box.inner_mm) >= volume and max(box.inner_mm) >= longest and _fits(items, box):
            return Suggestion(box, extras, tuple(notes))
    largest = max(boxes, key=lambda b: _volume(b.inner_mm))
    return Suggestion(largest, extras, (*notes, "split"))  # too much for one carton: say so


def _volume(dims: tuple[int, int, int]) -> int:
    return dims[0] * dims[1] * dims[2]


def _fits(items: list[Item], box: Box) -> bool:
    """Every item, turned its best way, fits inside the box on its own."""
    inner = sorted(box.inner_mm, reverse=True)
    return all(
        all(a <= b for a, b in zip(sorted(i.dims_mm, reverse=True), inner, strict=True)) for i in items
    )
