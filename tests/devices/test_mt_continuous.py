"""Mettler Toledo standard continuous output, from the status-word tables of the IND560 /
IND780 technical manuals ("Standard Continuous Output"), byte for byte."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devices.scale.base import SimState, WeightStatus, get_protocol
from devices.scale.mt_continuous import checksum
from tests.devices.wire import even_parity

KG3 = 0x20 | 0x08 | 5  # A: increment x1, decimal 0.00X
KG = 0x20 | 0x10  # B: kg, gross, positive, no motion


def frame(a: int, b: int, c: int, weight: bytes, tare: bytes = b"000000") -> bytes:
    return bytes((0x02, a, b, c)) + weight + tare + b"\r"


def read(data: bytes):
    (event,) = get_protocol("mt-continuous").new_parser({}).feed(data)
    return event


@pytest.mark.parametrize(
    ("a", "b", "c", "weight", "grams", "stable"),
    [
        (KG3, KG, 0x20, b"  1234", Decimal("1234"), True),  # space padded
        (KG3, KG, 0x20, b"001234", Decimal("1234"), True),  # zero padded
        (KG3, KG | 0x08, 0x20, b"001234", Decimal("1234"), False),  # B bit 3: motion
        (KG3, KG | 0x02, 0x20, b"000250", Decimal("-250"), True),  # B bit 1: negative
        (0x20 | 0x08 | 2, 0x20, 0x21, b"001234", Decimal("1234"), True),  # C unit 001: grams
        (KG3, 0x20, 0x20, b"001000", Decimal("453.59237"), True),  # B bit 4 clear: lb
        (KG3, KG, 0x20 | 0x10, b"012345", Decimal("1234.5"), True),  # C bit 4: expanded x10
        (KG3 | 0x80, KG | 0xC0, 0x60, b"001234", Decimal("1234"), True),  # parity and clone bits set
    ],
)
def test_status_words(a, b, c, weight, grams, stable):
    r = read(frame(a, b, c, weight))
    assert r.grams == grams and r.stable is stable and r.status is WeightStatus.OK


def test_net_with_tare_and_out_of_range():
    r = read(frame(KG3, KG | 0x01, 0x20, b"000750", b"000500"))
    assert r.net and r.grams == 750 and r.tare_grams == 500
    assert read(frame(KG3, KG | 0x04, 0x20, b"999999")).status is WeightStatus.OVERLOAD
    assert read(frame(KG3, KG | 0x04 | 0x02, 0x20, b"000000")).status is WeightStatus.UNDERLOAD


def test_optional_checksum_byte_and_errors():
    one = frame(KG3, KG, 0x20, b"001234")
    parser = get_protocol("mt-continuous").new_parser({})
    stream = one + checksum(one) + one + checksum(one)
    assert [e.grams for e in parser.feed(stream[:9]) + parser.feed(stream[9:])] == [1234, 1234]
    assert (sum(one) + checksum(one)[0]) & 0x7F == 0
    assert read(frame(KG3, KG, 0x20, b"00x234")).code == "garbled"
    assert read(b"\x02" + bytes((KG3, KG, 0x20)) + b"1234\r").code == "garbled"
    assert read(frame(KG3, KG, 0x20 | 0x05, b"001234")).code == "unit"  # pennyweight: not convertible


def test_simulator_frames_parse_back():
    proto = get_protocol("mt-continuous")
    state = SimState(grams=Decimal(1500), tare_grams=Decimal(200), options={"checksum": True})
    r = read(proto.sim_frame(state)[:-1])
    assert r.grams == 1500 and r.net and r.tare_grams == 200


def test_a_checksum_of_02h_is_not_taken_for_the_next_frames_stx():
    """IND560 manual: the optional checksum is the two's complement of the 7-bit sum, so it can be
    02h (here for 2 g); the frame after it must still be read."""
    one = frame(KG3, KG, 0x20, b"     2")
    assert checksum(one) == b"\x02"
    events = get_protocol("mt-continuous").new_parser({}).feed((one + checksum(one)) * 3)
    assert [e.grams for e in events] == [2, 2, 2]


def test_parity_bit_of_a_7e1_indicator_on_a_port_opened_8n1():
    one = frame(KG3, KG, 0x20, b"001234")
    assert read(even_parity(one)).grams == 1234
