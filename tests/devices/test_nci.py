"""NCI / Weigh-Tronix SCP-01 and SCP-02, from the "Scale Control Protocol" manual's answer
layout (LF, weight and unit, CR LF, status bytes, CR, ETX) and status-bit tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devices.scale.base import CommandAck, SimState, WeightStatus, get_protocol


def answer(shown: bytes, *status: int) -> bytes:
    return b"\n" + shown + b"\r\n" + bytes(status) + b"\r\x03"


def read(data: bytes):
    (event,) = get_protocol("nci").new_parser({}).feed(data)
    return event


@pytest.mark.parametrize(
    ("shown", "status", "grams", "stable", "net"),
    [
        (b"  1.234kg", (0x30, 0x30), Decimal("1234"), True, False),  # SCP-01: two status bytes
        (b"  1.234kg", (0x31, 0x30), Decimal("1234"), False, False),  # byte 1 bit 0: motion
        (b"  2.50lb", (0x30, 0x30, 0x34), Decimal("1133.980925"), True, True),  # SCP-02 byte 3 bit 2: net
        (b" -0.125kg", (0x30, 0x30), Decimal("-125"), True, False),
        (b"  0.000kg", (0x32, 0x30), Decimal("0"), True, False),  # at zero
    ],
)
def test_answers(shown, status, grams, stable, net):
    r = read(answer(shown, *status))
    assert (r.grams, r.stable, r.net) == (grams, stable, net)


def test_over_and_under_capacity_faults_and_status_only():
    assert read(answer(b"^^^^^^", 0x30, 0x32)).status is WeightStatus.OVERLOAD
    assert read(answer(b"______", 0x30, 0x31)).status is WeightStatus.UNDERLOAD
    assert read(answer(b"  1.234kg", 0x34, 0x30)).code == "scale_fault"  # RAM error
    assert isinstance(read(answer(b"?", 0x30, 0x30)), CommandAck)
    assert read(answer(b"  1.234kg", 0x41, 0x30)).code == "garbled"  # bits 4-5 must be 1


def test_split_anywhere_and_noise_before_the_answer():
    data = b"\x00\xff" + answer(b"  1.234kg", 0x30, 0x30)
    parser = get_protocol("nci").new_parser({})
    got = []
    for i in range(len(data)):
        got += parser.feed(data[i : i + 1])
    assert [e.grams for e in got] == [Decimal("1234")]


def test_simulator_answers_w_only():
    proto = get_protocol("nci")
    state = SimState(grams=Decimal(800), stable=False)
    assert proto.sim_reply(b"X", state) is None
    r = read(proto.sim_reply(b"W", state))
    assert r.grams == 800 and not r.stable
