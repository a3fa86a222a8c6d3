"""CAS 22-byte frames, from the CAS CI-400 series manual, Appendix 1 "Data format": header
(ST/US/OL), GS/NT, device ID, lamp status byte (high bit set), 8-character weight, unit, CR LF."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.scale.base import WeightReading, WeightStatus, get_protocol
from tests.devices.wire import even_parity


def frame(
    head: bytes, kind: bytes, weight: bytes, unit: bytes = b"kg", device: int = 1, lamp: int = 0xC0
) -> bytes:
    return head + b"," + kind + b"," + bytes((device, lamp)) + b"," + weight + b" " + unit + b"\r\n"


def read(data: bytes):
    (event,) = get_protocol("cas22").new_parser({}).feed(data)
    return event


@pytest.mark.parametrize(
    ("head", "kind", "weight", "grams", "stable", "net"),
    [
        (b"ST", b"GS", b"+001.234", Decimal("1234"), True, False),
        (b"US", b"GS", b"+001.234", Decimal("1234"), False, False),
        (b"ST", b"NT", b"-000.250", Decimal("-250"), True, True),
        (b"ST", b"GS", b"   12.50", Decimal("12500"), True, False),
    ],
)
def test_frames(head, kind, weight, grams, stable, net):
    r = read(frame(head, kind, weight))
    assert (r.grams, r.stable, r.net) == (grams, stable, net)


def test_overload_tonnes_and_bytes_that_look_like_line_ends():
    assert read(frame(b"OL", b"GS", b"+999999.")).status is WeightStatus.OVERLOAD
    assert read(frame(b"ST", b"GS", b"+001.250", unit=b" t")).grams == Decimal("1250000")
    # device ID 10 is a LF byte: the frame is cut by length, not at the LF
    assert read(frame(b"ST", b"GS", b"+001.234", device=0x0A)).grams == 1234
    assert read(frame(b"ST", b"GS", b"+001.234", lamp=0x40)).code == "garbled"  # lamp without its high bit


def test_noise_and_split_frames():
    data = b"\xff\x00" + frame(b"ST", b"GS", b"+001.234") + frame(b"US", b"NT", b"+000.500")
    parser = get_protocol("cas22").new_parser({})
    events = []
    for i in range(0, len(data), 5):
        events += parser.feed(data[i : i + 5])
    weights = [e.grams for e in events if isinstance(e, WeightReading)]
    assert weights == [Decimal("1234"), Decimal("500")]


@given(st.binary(max_size=120))
def test_random_bytes_never_raise(data):
    get_protocol("cas22").new_parser({}).feed(data)


@pytest.mark.parametrize(
    ("line", "grams", "stable", "net"),
    [
        (b"ST,GS,+001.234kg\r\n", Decimal("1234"), True, False),
        (b"US,GS,+001.234kg\r\n", Decimal("1234"), False, False),
        (b"ST,NT,-000.250kg\r\n", Decimal("-250"), True, True),
        (b"ST,GS,+  1.250 t\r\n", Decimal("1250000"), True, False),
    ],
)
def test_18_byte_frames_for_and(line, grams, stable, net):
    """CAS CI-400 series manual, Appendix 1 "18 Bytes for AND": ST/US/OL, GS/NT, data (8 bytes),
    unit (kg/t), CR LF; 7 data bits with parity, so a port opened 8N1 sees bit 7 set."""
    for data in (line, even_parity(line)):
        (r,) = get_protocol("cas18").new_parser({}).feed(data)
        assert (r.grams, r.stable, r.net) == (grams, stable, net)


def test_18_byte_overload_and_wrong_lengths():
    parser = get_protocol("cas18").new_parser({})
    over, under = parser.feed(b"OL,GS,+999999.kg\r\nOL,GS,-999999.kg\r\n")
    assert over.status is WeightStatus.OVERLOAD and under.status is WeightStatus.UNDERLOAD
    # the A&D parser's own 9-digit field and the 22-byte frame are not 18-byte frames
    assert parser.feed(b"ST,GS,+0001.234kg\r\n")[0].code == "garbled"
    assert parser.feed(frame(b"ST", b"GS", b"+001.234"))[0].code == "garbled"


def test_10_byte_frames_weight_only():
    """CAS CI-400 series manual, Appendix 1 "10 Bytes for CAS": data (8 bytes) CR LF; no status
    and no unit, so the profile's unit applies and the software stability rule decides."""
    (r,) = get_protocol("cas10").new_parser({}).feed(b"+001.234\r\n")
    assert r.grams == 1234 and not r.stable
    (neg,) = get_protocol("cas10").new_parser({"unit": "t"}).feed(b"-001.250\r\n")
    assert neg.grams == -1250000
    parser = get_protocol("cas10").new_parser({})
    assert [e.code for e in parser.feed(b"+01.234\r\n  OL    \r\n")] == ["garbled", "garbled"]
    assert [e.grams for e in parser.feed(b"+001.2") + parser.feed(b"34\r\n")] == [1234]


@given(st.binary(max_size=120), st.sampled_from(["cas10", "cas18"]))
def test_variants_random_bytes_never_raise(data, name):
    get_protocol(name).new_parser({}).feed(data)
