"""The weight tolerance and the packaging suggestion: pure rules, tested exhaustively."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.services.packaging import BOXES, OWN_CARTON, Item, suggest
from app.services.packing import Tolerance


@given(st.integers(1, 100_000), st.decimals(-5000, 5000, places=1))
def test_tolerance_is_the_larger_of_20_g_and_5_percent(expected, diff):
    rule = Tolerance(20, Decimal(5))
    allowed = max(Decimal(20), Decimal(expected) * 5 / 100)
    assert rule.passes(expected, expected + diff) == (abs(diff) <= allowed)


def test_tolerance_edges():
    rule = Tolerance(20, Decimal(5))
    assert rule.passes(100, Decimal(120)) and not rule.passes(100, Decimal("120.1"))
    assert rule.passes(2000, Decimal(2100)) and not rule.passes(2000, Decimal(2101))


dims = st.tuples(st.integers(0, 700), st.integers(0, 500), st.integers(0, 500))
items = st.lists(
    st.builds(Item, st.integers(1, 5), dims, st.booleans(), st.booleans(), st.just(False), st.booleans()),
    min_size=1,
    max_size=6,
)


@given(items)
def test_suggestion_fits_every_item_or_says_split(its):
    s = suggest(its)
    if "split" in s.notes:
        return
    inner = sorted(s.box.inner_mm, reverse=True)
    for i in its:
        assert all(a <= b for a, b in zip(sorted(i.dims_mm, reverse=True), inner, strict=True))
    if any(i.fragile or i.liquid for i in its):
        assert not s.box.bag and s.extras_g > 0


def test_suggestions_for_typical_orders():
    phone_case = Item(1, (170, 90, 15))
    assert suggest([phone_case]).box.code == "BAG-S"
    vase = Item(1, (300, 150, 150), fragile=True)
    s = suggest([vase])
    assert s.box.code == "BOX-2" and s.notes == ("fragile",) and s.weight_g == BOXES[3].weight_g + 25
    assert suggest([Item(1, (620, 160, 160), bulky=True)]).box is OWN_CARTON
    oil = suggest([Item(2, (290, 85, 85), fragile=True, liquid=True)])
    assert {"fragile", "liquid"} <= set(oil.notes) and not oil.box.bag
