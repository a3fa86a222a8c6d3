"""Yaohua XK3190 formats from the vendor's manuals (cited per test), byte for byte."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.i18n import word
from devices.errors import DeviceError
from devices.scale.base import CommandAck, ScaleError, SimState, WeightReading, WeightStatus, get_protocol
from devices.scale.yaohua import check_chars, command, read_check, xor


def feed(name: str, data: bytes) -> list:
    return get_protocol(name).new_parser({}).feed(data)


def one(name: str, data: bytes):
    (event,) = feed(name, data)
    return event


def tf0(sign: bytes, digits: bytes, places: bytes, a22: bool = False) -> bytes:
    body = sign + digits + places
    return b"\x02" + body + check_chars(xor(body), a22) + b"\x03"


def test_tf0_frames_from_the_a26_and_a23p_manuals():
    """XK3190-A26 / A23p manual, "Continuous communication format 0": 12 bytes, STX, sign, six
    digits high first, decimals from the right (0-4), XOR of bytes 2-9 as two hex characters, ETX."""
    r = one("yaohua-tf0", tf0(b"+", b"001234", b"3"))
    assert r.grams == Decimal("1234.000") and not r.stable  # no stability flag: the software rule decides
    assert one("yaohua-tf0", tf0(b"-", b"000150", b"2")).grams == Decimal("-1500.00")
    assert one("yaohua-tf0", tf0(b"+", b"012500", b"0")).grams == Decimal(12_500_000)
    # the A22 sends each nibble + 30h (":" for 10 ... "?" for 15); both are accepted
    frame = tf0(b"+", b"000500", b"3", a22=True)  # XOR 1Dh: sent as "1="
    assert frame[9:11] == b"1=" and one("yaohua-tf0", frame).grams == 500


def test_tf0_bad_check_and_short_frames_are_clear_errors():
    bad = bytearray(tf0(b"+", b"001234", b"3"))
    bad[5] = ord("9")  # a digit changed on the line
    assert one("yaohua-tf0", bytes(bad)).code == "checksum"
    assert one("yaohua-tf0", b"\x02+0012343\x03").code == "garbled"
    assert one("yaohua-tf0", tf0(b"+", b"001234", b"7")).code == "garbled"  # at most 4 decimals


def test_eq_reversed_frames_back_to_back_from_the_a23p_manual():
    """XK3190-A23p manual, "Continuous communication format 2": -1.00 is sent as
    ``=00.1000-=00.1000-`` (lowest digit first, sign last, no terminator)."""
    events = feed("yaohua-eq", b"=00.1000-=00.1000-=00.1000-")
    assert [e.grams for e in events] == [Decimal("-1000.00")] * 3
    assert one("yaohua-eq", b"=432.1000").grams == Decimal("1234.000")
    # split anywhere, across frames
    parser = get_protocol("yaohua-eq").new_parser({})
    got = parser.feed(b"=432.") + parser.feed(b"1000=0") + parser.feed(b"05.2000")
    assert [e.grams for e in got] == [Decimal("1234.000"), Decimal("2500.000")]


def test_eq_forward_variant_sign_first():
    """The forward '=' variant some XK3190 firmware sends (sign first): ``=+001.234``."""
    assert one("yaohua-eq-fwd", b"=+001.234").grams == Decimal("1234.000")
    assert one("yaohua-eq-fwd", b"=-000.500").grams == Decimal("-500.000")
    assert one("yaohua-eq-fwd", b"=+0012.3x").code == "garbled"
    # no sign: a Toledo continuous frame's status bytes "= " then its digits, not a weight
    assert one("yaohua-eq-fwd", b"= 1000000").code == "garbled"


def test_a12_frames_from_the_a12e_manual():
    """XK3190-A12(E) manual, "Communication mode": 4.139 kg is
    ``57 47 30 30 34 2E 31 33 39 6B 67 33 44 0D 0A`` (WG004.139kg3D CR LF); overload
    ``         OL23``; underload ``         LO23``."""
    r = one("yaohua-a12", bytes.fromhex("57 47 30 30 34 2E 31 33 39 6B 67 33 44 0D 0A"))
    assert r.grams == Decimal("4139.000") and not r.net
    over = one("yaohua-a12", b"         OL23\r\n")
    under = one("yaohua-a12", b"         LO23\r\n")
    assert over.status is WeightStatus.OVERLOAD and under.status is WeightStatus.UNDERLOAD
    net = b"WN-01.250kg"
    assert one("yaohua-a12", net + check_chars(xor(net)) + b"\r\n").grams == Decimal("-1250.000")
    assert one("yaohua-a12", b"WG004.139kg3E\r\n").code == "checksum"


@pytest.mark.parametrize(("head", "net"), [(b"ww", False), (b"wn", True)])
def test_a12_lower_case_firmware(head, net):
    body = head + b"002.000kg"
    r = one("yaohua-a12", body + check_chars(xor(body)) + b"\r\n")
    assert r.grams == 2000 and r.net is net
    tare = b"wt000.500kg"
    assert one("yaohua-a12", tare + check_chars(xor(tare)) + b"\r\n").code == "not_weight"


def test_command_mode_from_the_a9_plus_manual():
    """XK3190-A9+ manual, command mode: host STX, address A-Z, command (A handshake, B gross,
    C tare, D net), XOR, ETX; the indicator answers with sign, six digits and decimals."""
    assert command("a", b"B") == b"\x02AB03\x03"  # 'A' ^ 'B' = 0x03
    proto = get_protocol("yaohua-cmd")
    state = SimState(grams=Decimal(1200), tare_grams=Decimal(300), options={"address": "C"})
    gross = proto.sim_reply(command("C", b"B"), state)
    assert gross[:3] == b"\x02CB" and one("yaohua-cmd", gross).grams == 1500
    net = one("yaohua-cmd", proto.sim_reply(command("C", b"D"), state))
    assert net.grams == 1200 and net.net
    assert isinstance(one("yaohua-cmd", proto.sim_reply(command("C", b"A"), state)), CommandAck)
    assert one("yaohua-cmd", proto.sim_reply(command("C", b"C"), state)).code == "not_weight"
    assert proto.sim_reply(command("A", b"B"), state) is None  # a request for another indicator
    assert proto.sim_reply(b"\x02CB99\x03", state) is None  # a request with a bad check is ignored
    negative = b"CB-0002503"  # -0.250 kg
    assert one("yaohua-cmd", b"\x02" + negative + check_chars(xor(negative)) + b"\x03").grams == -250


def test_command_mode_address_comes_from_the_profile():
    """XK3190-A9+ manual: the address (A-Z, factory A) is set on the indicator; the host puts it
    in each request and the reply carries it back."""
    proto = get_protocol("yaohua-cmd")
    assert proto.poll_for({}) == command("A", b"B") == proto.poll_command
    assert proto.poll_for({"address": "d"}) == b"\x02DB06\x03"  # 'D' ^ 'B' = 0x06
    with pytest.raises(DeviceError, match="one letter A-Z") as refused:
        proto.poll_for({"address": "7"})
    assert word(refused.value, "zh_CN") == "仪表地址必须是一个字母 A-Z，而不是 '7'。"
    reply = proto.sim_reply(command("D", b"B"), SimState(grams=Decimal(500), options={"address": "D"}))
    assert proto.new_parser({"address": "D"}).feed(reply)[0].grams == 500
    assert proto.new_parser({"address": "E"}).feed(reply)[0].code == "address"
    assert proto.found_settings(proto.new_parser({}).feed(reply)[0]) == {"address": "D"}
    # probe's single burst asks every address; the indicator answers only its own
    replies = [r for c in proto.probe_command.split(b"\x03") if (r := proto.sim_reply(
        c + b"\x03", SimState(grams=Decimal(500), options={"address": "Q"})))]
    assert [r[1:2] for r in replies] == [b"Q"]


@given(st.integers(0, 255), st.booleans())
def test_check_characters_round_trip(value, a22):
    assert read_check(check_chars(value, a22)) == value


@given(st.binary(max_size=2))
def test_read_check_never_raises(chars):
    assert read_check(chars) is None or 0 <= read_check(chars) <= 255


def test_errors_never_pass_as_weights():
    for name in ("yaohua-tf0", "yaohua-eq", "yaohua-eq-fwd", "yaohua-a12", "yaohua-cmd"):
        for event in feed(name, b"\x02\x03==\r\n\x00\xff" * 3):
            assert isinstance(event, ScaleError | CommandAck) or (
                isinstance(event, WeightReading) and event.status is not WeightStatus.OK
            )
