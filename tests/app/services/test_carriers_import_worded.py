"""A carrier's number pool and sort-code table from files: the lines they refuse read in the
user's language."""

from __future__ import annotations

from app.db import session_factory, unit_of_work
from app.services import carriers
from tests.app.services.test_carriers import ADMIN, NOW


def test_refused_pool_and_sort_code_lines_read_in_chinese(engine):
    numbers = "SF1400000000001\nSF14\nSF1400000000009-SF1400000000001\n"
    table = "广东省,,,510\n,深圳市,南山区,1\n广东省,,南山区,2\n"
    with unit_of_work(session_factory(engine)) as s:
        pool = carriers.import_pool(s, ADMIN, "SF", numbers, "sf.txt", NOW)
        codes = carriers.import_sort_codes(s, ADMIN, "SF", table)
    assert pool.text("zh_CN") == (
        "SF：新增单号 1 个，0 个已在号池中，拒绝 2 行\n"
        "  第 2 行：SF14：不是运单号（6-40 位字母和数字）\n"
        "  第 3 行：SF1400000000009-SF1400000000001：号段的结束号小于起始号\n"
    )
    assert codes.text("zh_CN") == (
        "SF：新增分拣码 1 个，修改 0 个，拒绝 2 行\n"
        "  第 2 行：应为 省,市,区,代码，且须有省和代码\n"
        "  第 3 行：填写区县时须同时填写城市\n"
    )
    assert pool.text().splitlines()[1] == "  line 2: SF14: not a waybill number (6-40 letters and digits)"
