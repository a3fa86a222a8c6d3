"""Scan parsing: check digits, GS1 element strings, warehouse labels, AIM identifiers, framing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    assert scan.kind is ScanKind.ERROR and "expected 2, got 1" in scan.error


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
    assert "control characters" in parse_scan("69\x0712").error
    assert "not text" in decode_scan(b"\xff\xfe\x80\x81").error
    assert decode_scan("张伟".encode("gb18030")).raw == "张伟"


@given(st.text(max_size=60))
def test_parse_scan_never_raises(text):
    assert parse_scan(text).kind in ScanKind


@given(st.binary(max_size=80))
def test_decode_never_raises(data):
    assert decode_scan(data).kind in ScanKind


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
