"""A GS1 barcode that cannot be read says which field is wrong and how, in the user's language:
an unknown application identifier, an empty or short field, letters where digits belong, an
impossible date, a wrong SSCC or GLN check digit. biip's own English is only the last resort."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.i18n import catalogue, word
from devices.scanner.scan import GS, ScanKind, parse_scan

VECTORS = [  # (scanned, English, Chinese)
    ("]C1ZZZ", "Unknown GS1 application identifier at ZZZ", "无法识别的 GS1 应用标识符（AI）：ZZZ"),
    ("]C10106901234567892" "05LOT", "Unknown GS1 application identifier at 05LOT",
     "无法识别的 GS1 应用标识符（AI）：05LOT"),  # after a good GTIN
    ("]C1010690123456789210" + GS + "17251231", "GS1 field (10) is empty", "GS1 字段（10）为空"),
    ("]C101069012345678921725", "GS1 field (17) needs 6 digits, got 2: 25",
     "GS1 字段（17）应为 6 位数字，实际只有 2 位：25"),
    ("]C101069012345", "GS1 field (01) needs 14 digits, got 9: 069012345",
     "GS1 字段（01）应为 14 位数字，实际只有 9 位：069012345"),
    ("]C10106901234567892" "3103" "1,25kg", "GS1 field (3103) needs 6 digits, not letters or signs: 1,25kg",
     "GS1 字段（3103）应为 6 位数字，不能含字母或符号：1,25kg"),
    ("]C1010690123456789217250230", "GS1 field (17) is not a valid date: 250230",
     "GS1 字段（17）不是有效日期：250230"),
    ("]C1010690123456789217251399", "GS1 field (17) is not a valid date: 251399",
     "GS1 字段（17）不是有效日期：251399"),
    ("]C1010690123456789211000000", "GS1 field (11) is not a valid date: 000000",
     "GS1 字段（11）不是有效日期：000000"),
    ("]C18008" "250230101010", "GS1 field (8008) is not a valid date: 250230101010",
     "GS1 字段（8008）不是有效日期：250230101010"),
    ("]C110 LOT", "GS1 field (10) does not fit its format X..20:  LOT",
     "GS1 字段（10）不符合其格式 X..20： LOT"),
    ("]C10106901234567891", "Wrong check digit in GTIN 06901234567891", "GTIN 06901234567891 校验位错误"),
    ("]C100106141411234567891", "Wrong check digit in SSCC 106141411234567891",
     "SSCC 106141411234567891 校验位错误"),
    ("]C14101234567890123", "Wrong check digit in GLN 1234567890123 (410)",
     "GLN 1234567890123（410）校验位错误"),
]


@pytest.mark.parametrize(("scanned", "english", "chinese"), VECTORS)
def test_a_bad_gs1_field_is_worded_for_the_field(scanned, english, chinese):
    scan = parse_scan(scanned)
    assert scan.kind is ScanKind.ERROR
    assert (scan.error.message, word(scan.error, "zh_CN")) == (english, chinese)


def test_a_long_bad_field_is_cut_short_in_the_message():
    scan = parse_scan("]C1" + "Z" * 60)
    assert scan.error.message == "Unknown GS1 application identifier at " + "Z" * 24 + "…"


def test_a_good_gs1_string_still_reads_after_separators():
    scan = parse_scan(GS + "0106901234567892" + GS + "10LOT42" + GS + "17251231" + GS)
    assert scan.ok and (scan.gtin, scan.batch, str(scan.expiry)) == ("06901234567892", "LOT42", "2025-12-31")


CHINESE = re.compile(r"[\u4e00-\u9fff]")
FIELDS = st.sampled_from(["00", "01", "05", "10", "11", "15", "17", "21", "3103", "410", "7003", "8008", "99",
                          "ZZ"])


@given(st.lists(st.tuples(FIELDS, st.text("0123456789AZ ,", max_size=20)), max_size=4),
       st.booleans())
def test_any_gs1_string_reads_or_says_why_in_chinese(fields, separated):
    scan = parse_scan("]C1" + (GS if separated else "").join(ai + data for ai, data in fields))
    if scan.error is not None:
        assert scan.error.template in catalogue("zh_CN")
        assert CHINESE.search(word(scan.error, "zh_CN")), scan.error.message
