"""NCI / Weigh-Tronix SCP-01 and SCP-02, from the "Scale Control Protocol" manual's answer
layout (LF, weight and unit, CR LF, status bytes, CR, ETX) and status-bit tables."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    ("data", "grams", "stable", "net", "variant"),
    [
        (b"\n01.234KG\r\nS00\r\x03", Decimal("1234"), True, False, "SCP-02"),  # the Ohaus answer
        (b"\n  1.234kg\r\nS10\r\x03", Decimal("1234"), False, False, "SCP-02"),  # S + motion
        (b"\n  2.50lb\r\nS004\r\x03", Decimal("1133.980925"), True, True, "SCP-02"),  # S + 3 bytes: net
        (b"\n-00.125kg\r\nS00\r\x03", Decimal("-125"), True, False, "SCP-02"),
        (b"\n  1.234kg\r\n00\r\x03", Decimal("1234"), True, False, "SCP-01"),
    ],
)
def test_scp02_status_after_an_s_is_read_and_told_from_scp01(data, grams, stable, net, variant):
    r = read(data)
    assert (r.grams, r.stable, r.net) == (grams, stable, net)
    assert get_protocol("nci").found_settings(r) == {"variant": variant}


def test_scp02_limits_and_what_is_still_refused():
    assert read(b"\n^^^^^^\r\nS02\r\x03").status is WeightStatus.OVERLOAD
    assert read(b"\n______\r\nS01\r\x03").status is WeightStatus.UNDERLOAD
    assert isinstance(read(b"\n?\r\nS00\r\x03"), CommandAck)
    assert read(b"\n  1.234kg\r\nS\r\x03").code == "garbled"  # a prefix with no status bytes
    assert read(b"\n  1.234kg\r\nSS00\r\x03").code == "garbled"
    assert read(b"\n  1.234kg\r\nT00\r\x03").code == "garbled"


@settings(max_examples=300, deadline=None)
@given(
    grams=st.integers(-99_999, 999_999),
    stable=st.booleans(),
    tare=st.sampled_from([0, 500]),
    limit=st.sampled_from(["", "", "overload", "underload"]),
    variant=st.sampled_from(["SCP-01", "SCP-02"]),
    cuts=st.lists(st.integers(0, 40), max_size=6),
)
def test_both_variants_read_back_whatever_the_scale_shows_split_anywhere(
    grams, stable, tare, limit, variant, cuts
):
    proto = get_protocol("nci")
    state = SimState(Decimal(grams), stable, tare_grams=Decimal(tare), options={"variant": variant})
    state.overload, state.underload = limit == "overload", limit == "underload"
    data = proto.sim_reply(b"W", state)
    parser = proto.new_parser({})
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    (r,) = [e for a, b in itertools.pairwise(bounds) for e in parser.feed(data[a:b])]
    assert proto.found_settings(r) == {"variant": variant}
    if limit:
        assert r.status is WeightStatus(limit)
        return
    assert (r.grams, r.stable) == (Decimal(grams), stable)
    assert r.net == (variant == "SCP-02" and tare != 0)  # SCP-01 has no net bit


@pytest.mark.parametrize("variant", ["SCP-01", "SCP-02"])
def test_read_weight_and_probe_on_a_pty_scale_of_either_variant(variant, capsys):
    from app.cli import main
    from devices.sim.devices import SimScale

    sim = SimScale("nci")
    sim.state.options["variant"] = variant
    sim.start()
    sim.put(1234)
    try:
        assert main(["devices", "read-weight", sim.path, "--protocol", "nci", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["grams"] == "1234.000"
        assert main(["devices", "probe", sim.path, "--listen", "0.25"]) == 0
        assert f"variant {variant}: 1.234 kg" in capsys.readouterr().out
    finally:
        sim.stop()
