"""Scan parsing: check digits, GS1 element strings, warehouse labels, AIM identifiers, framing;
an unreadable scan says why in the user's language."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.i18n import catalogue, word
from devices.scanner.scan import ScanKind, gtin_check_digit, parse_scan
from devices.scanner.serial_scanner import DoubleReadFilter, ScanFramer, decode_scan


@pytest.mark.parametrize(
    ("text", "gtin", "symbology"),
    [
        ("6901234567892", "06901234567892", "ean-13"),
        ("]E06901234567892", "06901234567892", "ean-upc"),
        ("96385074", "00000096385074", "ean-8"),
        ("036000291452", "00036000291452", "upc-a"),
        ("01234565", "00012345000065", "upc-e"),  # UPC-E 0123456(5) expands to 012345000065
        ("10614141000415", "10614141000415", "gtin-14"),
    ],
)
def test_product_codes_are_validated_and_normalised_to_gtin14(text, gtin, symbology):
    scan = parse_scan(text)
    assert scan.kind is ScanKind.PRODUCT and scan.gtin == gtin and scan.symbology == symbology


def test_wrong_check_digit_is_an_error_scan_with_a_reason():
    scan = parse_scan("6901234567891")
    assert scan.kind is ScanKind.ERROR and "expected 2, got 1" in scan.error.message
    assert word(scan.error, "zh_CN") == "6901234567891 校验位错误（应为 2，实际为 1）"


def test_gs1_128_with_gtin_batch_expiry_weight_and_serial():
    scan = parse_scan("]C1010690123456789210LOT42\x1d17251231" "3103001250" "21SN1")
    assert scan.kind is ScanKind.PRODUCT and scan.gtin == "06901234567892"
    assert scan.batch == "LOT42" and scan.expiry == dt.date(2025, 12, 31)
    assert scan.net_weight_kg == Decimal("1.250") and scan.serial == "SN1"
    assert scan.symbology == "code128" and scan.aim == "]C1"


def test_sscc_and_gs1_datamatrix():
    sscc = parse_scan("]C100106141411234567897")
    assert sscc.kind is ScanKind.GS1 and sscc.ai["00"] == "106141411234567897"
    dm = parse_scan("]d201069012345678921712060110ABC")
    assert dm.gtin == "06901234567892" and dm.batch == "ABC" and dm.symbology == "datamatrix"


@pytest.mark.parametrize("text", ["]C1(01)12", "]C1ZZZ", "]C10106901234567891"])
def test_malformed_gs1_is_an_error_scan(text):
    assert parse_scan(text).kind is ScanKind.ERROR


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("A-02-13-3", ScanKind.BIN, "A-02-13-3"),
        ("a2-13-3", ScanKind.BIN, "A-02-13-3"),
        ("TOTE-0007", ScanKind.TOTE, "TOTE-0007"),
        ("PD0000000012", ScanKind.ORDER, "PD0000000012"),
        ("SF1400000000012", ScanKind.WAYBILL, "SF1400000000012"),
        ("1Z999AA10123456784", ScanKind.WAYBILL, "1Z999AA10123456784"),
        ("CMD:FINISH", ScanKind.COMMAND, "FINISH"),
        ("BADGE-packer1", ScanKind.BADGE, "BADGE-packer1"),
        ("PDK0000001", ScanKind.TEXT, "PDK0000001"),
        ("]Q1https://example.com/x", ScanKind.TEXT, "https://example.com/x"),
    ],
)
def test_warehouse_labels(text, kind, value):
    scan = parse_scan(text)
    assert (scan.kind, scan.value) == (kind, value)


def test_garbled_and_empty_scans_are_error_scans():
    assert parse_scan("").kind is ScanKind.ERROR
    assert "control characters" in str(parse_scan("69\x0712").error)
    noise = decode_scan(b"\xff\xfe\x80\x81").error
    assert "not text" in str(noise) and word(noise, "zh_CN").startswith("扫描数据混乱（收到的字节不是文本")
    assert decode_scan("张伟".encode("gb18030")).raw == "张伟"


@given(st.text(max_size=60))
def test_parse_scan_never_raises(text):
    assert parse_scan(text).kind in ScanKind


@given(st.binary(max_size=80))
def test_decode_never_raises(data):
    assert decode_scan(data).kind in ScanKind


CHINESE = re.compile(r"[\u4e00-\u9fff]")
SCANNED = st.one_of(  # raw bytes, text and GS1 data (]C1, ]d2, GS separators) as scanners send them
    st.binary(max_size=80),
    st.text(max_size=40).map(str.encode),
    st.builds(lambda aim, body: aim + body, st.sampled_from([b"]C1", b"]d2", b"\x1d"]),
              st.text("0123456789ABC\x1d", max_size=40).map(str.encode)),
)


@given(SCANNED)
def test_any_bytes_give_a_scan_whose_error_has_chinese_words(data):
    scan = decode_scan(data)
    assert (scan.error is None) == scan.ok
    if scan.error is not None:
        assert scan.error.template in catalogue("zh_CN")
        assert CHINESE.search(word(scan.error, "zh_CN")), scan.error.message


@given(st.integers(10**11, 10**12 - 1))
def test_every_valid_ean13_is_accepted(body):
    code = f"{body}{gtin_check_digit(str(body))}"
    assert parse_scan(code).kind is ScanKind.PRODUCT


@pytest.mark.parametrize(("suffix", "wire"), [("cr", b"\r"), ("lf", b"\n"), ("crlf", b"\r\n"),
                                                ("tab", b"\t")])
def test_framing_by_suffix_in_any_split(suffix, wire):
    framer = ScanFramer(suffix, prefix="#")
    data = b"#6901234567892" + wire + b"#A-01-02-3" + wire
    out = [f for i in range(len(data)) for f in framer.feed(data[i:i + 1])]
    assert out == [b"6901234567892", b"A-01-02-3"]


def test_framing_by_idle_time():
    now = [0.0]
    framer = ScanFramer("idle", idle_s=0.05, clock=lambda: now[0])
    assert framer.feed(b"69012") == []
    now[0] = 0.01
    assert framer.feed(b"34567892") == []
    now[0] = 0.2
    assert framer.feed(b"") == [b"6901234567892"]


def test_double_reads_are_dropped_but_deliberate_repeats_pass():
    now = [0.0]
    f = DoubleReadFilter(window_s=0.15, clock=lambda: now[0])
    scan = parse_scan("6901234567892")
    assert f.accept(scan)
    now[0] = 0.05
    assert not f.accept(scan)  # the scanner read the same label twice
    now[0] = 0.9
    assert f.accept(scan)  # the packer scanned a second unit
