"""A small site for the stock screens: warehouse HZ01 with bins A-01-01-1..A-02-03-2, three
products (two EAN-13, one internal code), a picker, a supervisor and an admin."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.context import AppContext
from app.db import session_factory, unit_of_work
from app.models.accounts import Role
from app.services import masterdata
from app.services.auth import create_user
from app.services.intake.products import import_products
from tests.conftest import make_ctx

PRODUCTS = ("sku,name,barcodes,weight_g\nTEA-1,龙井,6901234567892,250\nTEA-2,普洱,6901234567885,357\n"
            "CUP-1,茶杯,PDK-CUP-1,120\n")
TEA_1, TEA_2, CUP_1 = "6901234567892", "6901234567885", "PDK-CUP-1"


@dataclass(frozen=True)
class Site:
    picker: AppContext
    supervisor: AppContext
    admin: AppContext


@pytest.fixture
def site(engine) -> Site:
    with unit_of_work(session_factory(engine)) as s:
        ids = {r: create_user(s, n, "password-1", r) for n, r in
               (("boss", Role.ADMIN), ("sup", Role.SUPERVISOR), ("pick", Role.PICKER))}
        admin = make_ctx(engine, Role.ADMIN, ids[Role.ADMIN], "boss")
        masterdata.save_warehouse(s, admin.user, "HZ01", "杭州仓", "浙江省", "杭州市")
        masterdata.generate_bins(s, admin.user, "HZ01", "A-01-01-1..A-02-03-2")
        import_products(s, admin.user, PRODUCTS, "packdesk-csv")
    return Site(make_ctx(engine, Role.PICKER, ids[Role.PICKER], "pick"),
                make_ctx(engine, Role.SUPERVISOR, ids[Role.SUPERVISOR], "sup"), admin)
