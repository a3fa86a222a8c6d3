"""The weight tolerance and the packaging suggestion (pure rules, tested exhaustively), and the site's
boxes kept in the database: edited by supervisors, audited, read by the pack screen."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.context import CurrentUser
from app.db import read_only, unit_of_work
from app.errors import DomainError, NotFound, PermissionDenied
from app.models.accounts import Role
from app.models.audit import AuditEntry
from app.services import packaging, packing
from app.services.packaging import DEFAULT_BOXES, OWN_CARTON, Box, Item, suggest
from app.services.packing import Tolerance
from devices.scanner.scan import parse_scan
from tests.support.station_world import make_order
from tests.support.station_world import station as station  # a fixture

SUPER = CurrentUser(None, "super", "Super", Role.SUPERVISOR)  # type: ignore[arg-type]
PACKER = CurrentUser(None, "packer", "Packer", Role.PACKER)  # type: ignore[arg-type]


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
    s = suggest(its, DEFAULT_BOXES)
    if "split" in s.notes:
        return
    inner = sorted(s.box.inner_mm, reverse=True)
    for i in its:
        assert all(a <= b for a, b in zip(sorted(i.dims_mm, reverse=True), inner, strict=True))
    if any(i.fragile or i.liquid for i in its):
        assert not s.box.bag and s.extras_g > 0


def test_suggestions_for_typical_orders():
    phone_case = Item(1, (170, 90, 15))
    assert suggest([phone_case], DEFAULT_BOXES).box.code == "BAG-S"
    vase = Item(1, (300, 150, 150), fragile=True)
    s = suggest([vase], DEFAULT_BOXES)
    assert s.box.code == "BOX-2" and s.notes == ("fragile",) and s.weight_g == DEFAULT_BOXES[3].weight_g + 25
    assert suggest([Item(1, (620, 160, 160), bulky=True)], DEFAULT_BOXES).box is OWN_CARTON
    oil = suggest([Item(2, (290, 85, 85), fragile=True, liquid=True)], DEFAULT_BOXES)
    assert {"fragile", "liquid"} <= set(oil.notes) and not oil.box.bag


def test_a_box_too_weak_for_the_goods_is_passed_over():
    dumbbell = Item(1, (180, 120, 90), unit_weight_g=4950)  # fits BOX-1 (5 kg), not with its 110 g tare
    assert suggest([dumbbell], DEFAULT_BOXES).box.code == "BOX-2"
    assert suggest([Item(1, (180, 120, 90), unit_weight_g=1000)], DEFAULT_BOXES).box.code == "BOX-1"


def test_a_site_without_boxes_packs_in_its_own_carton_and_is_told_why():
    s = suggest([Item(1, (170, 90, 15))], ())
    assert s.box is OWN_CARTON and s.notes == ("no_boxes",)
    only_bags = tuple(b for b in DEFAULT_BOXES if b.bag)
    glass = suggest([Item(1, (100, 80, 80), fragile=True)], only_bags)
    assert glass.box is OWN_CARTON and glass.notes == ("fragile", "no_boxes") and glass.extras_g == 25


def test_the_suggestion_prefers_a_box_that_suits_every_flag_of_the_order():
    power_bank = Item(1, (150, 70, 20), battery=True, unit_weight_g=300)
    assert suggest([power_bank], DEFAULT_BOXES).box.code == "BOX-1"  # batteries never in a bag by default
    rug_and_lamp = [Item(1, (350, 250, 120), bulky=True), Item(1, (120, 100, 100), fragile=True)]
    assert suggest(rug_and_lamp, DEFAULT_BOXES).box.code == "BOX-3"  # the smallest carton made for bulky
    mug = Item(1, (120, 100, 100), fragile=True)
    plain = (Box("PLAIN", "Plain carton", (300, 200, 150), 200), Box("PADDED", "Padded", (400, 300, 250), 300,
                                                                      suits=("fragile",)))
    assert suggest([mug], plain).box.code == "PADDED"


def test_liquids_and_batteries_go_only_in_a_box_that_suits_them_and_a_fallback_says_so():
    shampoo = Item(1, (180, 60, 60), liquid=True)
    sealed = Box("SEALED", "Sealed carton", (600, 400, 400), 700, suits=("liquid",))
    plain = Box("PLAIN", "Plain carton", (200, 150, 100), 100)
    s = suggest([shampoo], (plain, sealed))
    assert s.box.code == "SEALED" and s.notes == ("liquid",)
    assert suggest([shampoo], (plain, replace(sealed, active=False))).notes == ("liquid", "unsuited")
    too_small = replace(sealed, inner_mm=(100, 50, 50))  # suits liquid, but the bottle is longer
    s = suggest([shampoo], (plain, too_small))
    assert s.box.code == "SEALED" and s.notes == ("liquid", "split")
    fragile_only = (Box("PADDED", "Padded", (200, 150, 100), 100, suits=("fragile",)),)
    assert suggest([Item(1, (100, 80, 80), fragile=True, liquid=True)], fragile_only).notes == (
        "fragile", "liquid", "unsuited")


def test_a_supervisor_sets_the_flags_a_box_suits_and_bad_flags_are_one_line(engine):
    from app.db import session_factory

    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        box = packaging.save_box(s, SUPER, "COLD-1", "Insulated", (300, 200, 200), 400,
                                 suits=[" Liquid", "fragile", ""])
        assert box.suits == ("fragile", "liquid")
    with read_only(sessions) as s:
        assert packaging.boxes(s)[0].suits == ("fragile", "liquid")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "box.save")).one()
        assert entry.detail["suits"] == "fragile,liquid"
    for suits, bag, says in [
        (["fragile", "hazmat"], False,
         "Box COLD-1: unknown flag 'hazmat' (fragile, liquid, bulky, battery)."),
        (["liquid"], True, "Box COLD-1: a mailer bag cannot suit fragile goods or liquids."),
    ]:
        with pytest.raises(DomainError) as refused, unit_of_work(sessions) as s:
            packaging.save_box(s, SUPER, "COLD-1", "Insulated", (300, 200, 200), 400, None, bag, suits)
        assert str(refused.value) == says
    with read_only(sessions) as s:
        assert packaging.boxes(s)[0].suits == ("fragile", "liquid") and not packaging.boxes(s)[0].bag


def test_a_supervisor_adds_changes_disables_and_deletes_boxes_each_audited(engine):
    from app.db import session_factory

    sessions = session_factory(engine)
    with unit_of_work(sessions) as s:
        assert packaging.boxes(s) == ()  # a migrated database has none until init or the demo seeds
        assert packaging.seed_defaults(s) == len(DEFAULT_BOXES) and packaging.seed_defaults(s) == 0
        assert packaging.boxes(s) == DEFAULT_BOXES
        tube = packaging.save_box(s, SUPER, " tube-1 ", "Poster tube", (80, 700, 80), 90, 3000)
        assert tube == packaging.Box("TUBE-1", "Poster tube", (700, 80, 80), 90, False, 3000, True)
        packaging.save_box(s, SUPER, "TUBE-1", "Poster tube 70 cm", (700, 80, 80), 95, 3000)
        packaging.disable_box(s, SUPER, "bag-s")
    with read_only(sessions) as s:
        codes = [b.code for b in packaging.boxes(s)]
        assert codes == ["BAG-L", "BOX-1", "TUBE-1", "BOX-2", "BOX-3", "BOX-4"]  # mailers, then by volume
        assert next(b.code for b in packaging.boxes(s, include_disabled=True)) == "BAG-S"
        poster = suggest([Item(1, (650, 60, 60))], packaging.boxes(s))
        assert poster.box.code == "TUBE-1" and poster.box.title == "Poster tube 70 cm"
        assert poster.weight_g == 95
    with unit_of_work(sessions) as s:
        packaging.disable_box(s, SUPER, "BAG-S", active=True)
        packaging.delete_box(s, SUPER, "TUBE-1")
    with read_only(sessions) as s:
        assert [b.code for b in packaging.boxes(s)][:2] == ["BAG-S", "BAG-L"] and len(packaging.boxes(s)) == 6
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "packaging_box")
                            .order_by(AuditEntry.id)).all()
        assert actions == ["box.save", "box.save", "box.disable", "box.enable", "box.delete"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("OWN", "Own", (10, 10, 10), 0, None), "not OWN"),
        (("B 1", "Box", (10, 10, 10), 0, None), "up to 16 letters"),
        (("B1", " ", (10, 10, 10), 0, None), "needs a title"),
        (("B1", "Box", (10, 0, 10), 0, None), "must be positive millimetres"),
        (("B1", "Box", (10, 10, 10), -1, None), "cannot be negative"),
        (("B1", "Box", (10, 10, 10), 300, 300), r"maximum weight \(300 g\) must be more than its tare"),
    ],
)
def test_a_bad_box_is_refused_in_one_line_and_nothing_is_saved(engine, args, message):
    from app.db import session_factory

    sessions = session_factory(engine)
    with pytest.raises(DomainError, match=message), unit_of_work(sessions) as s:
        packaging.save_box(s, SUPER, *args)
    with read_only(sessions) as s:
        assert packaging.boxes(s, include_disabled=True) == ()


def test_a_packer_may_not_edit_boxes_and_an_unknown_box_is_named(engine):
    from app.db import session_factory

    with unit_of_work(session_factory(engine)) as s:
        with pytest.raises(PermissionDenied, match="change warehouses, bins, products and carriers"):
            packaging.save_box(s, PACKER, "B1", "Box", (10, 10, 10), 5)
        with pytest.raises(NotFound, match=r"No box nope\."):
            packaging.disable_box(s, SUPER, "nope")


def test_the_pack_screen_suggests_from_the_sites_boxes(demo_ctx, station):
    number = make_order(demo_ctx, [("SKU-00001", 1)])
    with unit_of_work(demo_ctx.sessions) as s:
        for b in packaging.boxes(s):
            packaging.disable_box(s, SUPER, b.code)
        packaging.save_box(s, SUPER, "HOUSE-1", "House carton", (400, 400, 400), 333)
    with unit_of_work(demo_ctx.sessions) as s:
        parcel = packing.open_parcel(s, station, parse_scan(number), demo_ctx.clock()).parcel
    assert parcel.suggestion.box.code == "HOUSE-1" and parcel.expected_g == 180 + 333


def test_packdesk_init_starts_a_site_with_the_default_boxes(tmp_path):
    from app.cli import main
    from app.db import make_engine, session_factory

    password = tmp_path / "admin.pw"
    password.write_text("open-sesame-9\n")
    password.chmod(0o600)
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    assert main(["init", "--db", url, "--admin", "boss", "--password-file", str(password), "--name", "小店",
                 "--return-address", "", "--phone", "", "--time-zone", "Asia/Shanghai", "--currency", "CNY",
                 "--languages", "zh_CN"]) == 0
    engine = make_engine(url)
    with read_only(session_factory(engine)) as s:
        assert packaging.boxes(s) == DEFAULT_BOXES
    engine.dispose()


def test_packdesk_boxes_add_list_disable_and_a_bad_size_is_one_line(demo_engine, capsys):
    from app.cli import main

    url = demo_engine.url.render_as_string(hide_password=False)
    assert main(["boxes", "add", "tube-1", "--db", url, "--title", "Poster tube", "--size", "700x80x80",
                 "--tare", "90", "--max", "3000"]) == 0
    assert "TUBE-1     700x80x80     tare   90 g  max 3000 g" in capsys.readouterr().out
    assert main(["boxes", "disable", "BAG-S", "--db", url]) == 0
    assert "(disabled)" in capsys.readouterr().out
    assert main(["boxes", "list", "--db", url]) == 0
    listed = capsys.readouterr().out
    assert "TUBE-1" in listed and "BAG-S" not in listed
    assert main(["boxes", "list", "--all", "--db", url]) == 0
    assert "(disabled)" in capsys.readouterr().out
    assert main(["boxes", "add", "cold-1", "--db", url, "--title", "Insulated", "--size", "300x200x200",
                 "--tare", "400", "--suits", "liquid, fragile"]) == 0
    assert "suits fragile,liquid" in capsys.readouterr().out
    assert main(["boxes", "list", "--json", "--db", url]) == 0
    listed = {b["code"]: b for b in json.loads(capsys.readouterr().out)}
    assert listed["COLD-1"]["suits"] == ["fragile", "liquid"]
    assert listed["BOX-4"]["suits"] == list(packaging.FLAGS)
    assert main(["boxes", "add", "cold-1", "--db", url, "--title", "Insulated", "--size", "300x200x200",
                 "--tare", "400", "--suits", "liquid,frozen"]) == 1
    assert "unknown flag 'frozen'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["boxes", "add", "B9", "--db", url, "--title", "B", "--size", "30x20", "--tare", "5"])
    assert "not LxWxH in millimetres" in capsys.readouterr().err
    assert main(["boxes", "add", "B9", "--db", url, "--title", "B", "--size", "30x20x10", "--tare", "50",
                 "--max", "40"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "maximum weight (40 g) must be more than its tare (50 g)" in err
    from app.db import session_factory

    with read_only(session_factory(demo_engine)) as s:
        assert "B9" not in [b.code for b in packaging.boxes(s, include_disabled=True)]


def test_the_upgrade_gives_a_sites_cartons_the_flags_they_took_and_mailers_none(any_engine):
    from alembic import command
    from sqlalchemy import text

    from app.db import _alembic_config, current_revision, session_factory

    head = current_revision(any_engine)
    with any_engine.begin() as c:  # a site's boxes as they were before boxes had flags
        c.execute(text("ALTER TABLE packaging_boxes DROP COLUMN suits"))
        c.execute(text("UPDATE alembic_version SET version_num = '0012'"))
        for code, length, bag in (("BAG-S", 350, True), ("CARTON-S", 300, False), ("CARTON-L", 500, False)):
            c.execute(text("INSERT INTO packaging_boxes (code, title, length_mm, width_mm, height_mm, "
                           "tare_g, bag, active) VALUES (:code, :code, :length, 100, 50, 10, :bag, :yes)"),
                      {"code": code, "length": length, "bag": bag, "yes": True})
    command.upgrade(_alembic_config(any_engine), "0013")  # this migration alone: later ones have run
    with any_engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    with read_only(session_factory(any_engine)) as s:
        suits = {b.code: b.suits for b in packaging.boxes(s)}
    assert suits == {"BAG-S": (), "CARTON-S": ("fragile", "liquid", "battery"), "CARTON-L": packaging.FLAGS}
