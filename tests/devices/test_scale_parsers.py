"""Scale protocol parsers: byte vectors from the published formats, and garbage never raises."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.i18n import word
from devices.scale.base import (
    PROTOCOLS,
    CommandAck,
    ScaleError,
    SimState,
    WeightReading,
    WeightStatus,
    get_protocol,
)
from devices.scale.stability import StabilityFilter
from tests.devices.wire import even_parity

get_protocol("mt-sics")  # import every protocol module


def feed(name: str, data: bytes, **options: object) -> list:
    return get_protocol(name).new_parser(dict(options)).feed(data)


class TestMtSics:
    """METTLER TOLEDO MT-SICS reference manual, commands S / SI / T / Z and error replies."""

    @pytest.mark.parametrize(
        ("line", "grams", "stable"),
        [
            (b"S S     100.00 g\r\n", Decimal("100.00"), True),
            (b"S D     129.07 g\r\n", Decimal("129.07"), False),
            (b"S S      1.234 kg\r\n", Decimal("1234.000"), True),
            (b"S S     -0.500 kg\r\n", Decimal("-500.000"), True),
            (b"S S       2.50 lb\r\n", Decimal("2.50") * Decimal("453.59237"), True),
            (b"S S       3.00 oz\r\n", Decimal("3.00") * Decimal("28.349523125"), True),
            (b"SI S     100.00 g\r\n", Decimal("100.00"), True),
        ],
    )
    def test_weights(self, line, grams, stable):
        (reading,) = feed("mt-sics", line)
        assert isinstance(reading, WeightReading)
        assert reading.grams == grams and reading.stable is stable

    def test_overload_underload_and_not_executable(self):
        over, under, busy = feed("mt-sics", b"S +\r\nS -\r\nS I\r\n")
        assert over.status is WeightStatus.OVERLOAD and under.status is WeightStatus.UNDERLOAD
        assert isinstance(busy, ScaleError) and busy.code == "not_executable"
        (noise,) = feed("mt-sics", b"S\t+ S D      0.001 kg\r\n")  # noise before a reply: not an overload
        assert isinstance(noise, ScaleError) and noise.code == "garbled"

    @pytest.mark.parametrize(("line", "code"), [(b"ES\r\n", "syntax"), (b"ET\r\n", "transmission"),
                                                 (b"EL\r\n", "logical")])
    def test_errors(self, line, code):
        (err,) = feed("mt-sics", line)
        assert isinstance(err, ScaleError) and err.code == code

    def test_tare_and_zero_acknowledged(self):
        tare, zero, refused = feed("mt-sics", b"T S     100.00 g\r\nZ A\r\nZ I\r\n")
        assert isinstance(tare, CommandAck) and tare.command == "tare"
        assert isinstance(zero, CommandAck) and zero.command == "zero"
        assert isinstance(refused, ScaleError)
        assert refused.message == "zero refused: not possible now"
        assert word(refused, "zh_CN") == "置零被拒绝：现在无法执行"  # the command and the reason worded too

    def test_a_garbled_reply_reads_in_english_and_in_chinese_with_the_bytes_it_got(self):
        (garbled,) = feed("mt-sics", b"XYZ 12\r\n")
        assert garbled.template == "unexpected reply {reply!r}" and garbled.params == {"reply": b"XYZ 12"}
        assert garbled.message == "unexpected reply b'XYZ 12'"
        assert word(garbled, "zh_CN") == "意外的回复 b'XYZ 12'"
        (err,) = feed("mt-sics", b"EL\r\n")
        assert err.raw == b"EL" and word(err, "zh_CN") == "电子秤现在无法执行该命令（EL）"

    def test_split_anywhere(self):
        parser = get_protocol("mt-sics").new_parser({})
        data = b"S S      1.234 kg\r\n"
        events = [e for i in range(len(data)) for e in parser.feed(data[i:i + 1])]
        assert [e.grams for e in events] == [Decimal("1234.000")]


class TestToledo8217:
    """Mettler Toledo 8217 mode: <STX>weight<CR>, or <STX>?<status><CR>."""

    def test_weight_in_kg_and_lb(self):
        (kg,) = feed("toledo8217", b"\x0201.234\r", unit="kg")
        (lb,) = feed("toledo8217", b"\x02002.50\r", unit="lb")
        assert kg.grams == Decimal("1234.000") and kg.stable
        assert lb.grams == Decimal("2.50") * Decimal("453.59237")

    def test_status_bits(self):
        motion, over, negative = feed("toledo8217", b"\x02?A\r\x02?B\r\x02?D\r")
        assert isinstance(motion, ScaleError) and motion.code == "in_motion"
        assert over.status is WeightStatus.OVERLOAD
        assert negative.status is WeightStatus.UNDERLOAD
        (net_over,) = feed("toledo8217", b"\x02?" + bytes([0x40 | 0x20 | 0x02]) + b"\r")
        assert net_over.net

    def test_parity_bit_from_a_port_opened_8n1_is_ignored(self):
        (reading,) = feed("toledo8217", even_parity(b"\x0201.234\r"))
        assert reading.grams == Decimal("1234.000")


class TestAdam:
    """Adam Equipment AZextra manual: P prints '  1.234kg' CR LF; no stability flag."""

    def test_reading_without_flag(self):
        (r,) = feed("adam", b"    1.234kg\r\n")
        assert r.grams == Decimal("1234.000") and not r.stable
        (g,) = feed("adam", b"  -12.5 g\r\n")
        assert g.grams == Decimal("-12.5")


class TestAndContinuous:
    """A&D FX-i/EK-i manuals, A&D standard format; ST,GS lines of Chinese indicators."""

    @pytest.mark.parametrize(
        ("line", "grams", "stable", "net"),
        [
            (b"ST,+00123.45  g\r\n", Decimal("123.45"), True, False),
            (b"US,+00123.40  g\r\n", Decimal("123.40"), False, False),
            (b"ST,GS,+0001.234kg\r\n", Decimal("1234.000"), True, False),
            (b"ST,NT,-0000.120kg\r\n", Decimal("-120.000"), True, True),
            (b"US,GS,+  12.34 kg\r\n", Decimal("12340.00"), False, False),
        ],
    )
    def test_lines(self, line, grams, stable, net):
        (r,) = feed("continuous", line)
        assert (r.grams, r.stable, r.net) == (grams, stable, net)

    def test_field_widths_of_chinese_indicators_and_tare_lines(self):
        """ST,GS lines as Chinese indicators stream them: sign apart or padded, a space before the
        unit or none; a TR (tare) line is the tare, never the weight on the platter."""
        lines = b"ST,GS,+  4.876kg\r\nST,GS, 00254.80 kg\r\nUS,NT,-  0.020 kg\r\nST,TR,+0000.500kg\r\n"
        gross, big, net, tare = feed("and", lines)
        assert (gross.grams, big.grams, net.grams, net.net, net.stable) == (4876, 254800, -20, True, False)
        assert isinstance(tare, ScaleError) and tare.code == "not_weight"

    def test_overload_and_counting(self):
        over, under, qt = feed("and", b"OL,+9999999 g\r\nOL,-9999999 g\r\nQT,+0000120PC\r\n")
        assert over.status is WeightStatus.OVERLOAD and under.status is WeightStatus.UNDERLOAD
        assert isinstance(qt, ScaleError) and qt.code == "not_weight"


def test_software_stability_needs_n_equal_readings_within_the_window():
    now = [0.0]
    f = StabilityFilter(count=3, window_s=1.0, clock=lambda: now[0])
    r = WeightReading(Decimal(500), False)
    assert not f.accept(r).stable
    now[0] = 0.2
    assert not f.accept(r).stable
    now[0] = 0.4
    assert f.accept(r).stable
    now[0] = 0.6
    assert not f.accept(WeightReading(Decimal(510), False)).stable
    slow = StabilityFilter(count=2, window_s=0.5, clock=lambda: now[0])
    slow.accept(r)
    now[0] = 2.0
    assert not slow.accept(r).stable  # too far apart to count as settled


NAMES = sorted({p.name for p in PROTOCOLS.values()})


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300), cuts=st.lists(st.integers(0, 300), max_size=6))
def test_no_exception_escapes_any_parser(name, data, cuts):
    parser = get_protocol(name).new_parser({})
    bounds = sorted({0, len(data), *(c for c in cuts if c <= len(data))})
    for a, b in itertools.pairwise(bounds):
        for event in parser.feed(data[a:b]):
            assert isinstance(event, WeightReading | ScaleError | CommandAck)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(grams=st.decimals(min_value=-500, max_value=30000, places=0), stable=st.booleans(),
       cut=st.integers(0, 40))
def test_what_the_simulator_sends_parses_back_to_the_same_weight(name, grams, stable, cut):
    protocol = get_protocol(name)
    state = SimState(grams=Decimal(grams), stable=stable)
    if protocol.sim_frame is not None:
        frame = protocol.sim_frame(state)
    else:
        frame = protocol.sim_reply(protocol.poll_command, state)
    if not frame:
        return  # e.g. MT-SICS "S" stays silent while unstable
    parser = protocol.new_parser({"unit": "kg"})
    events = parser.feed(frame[:cut]) + parser.feed(frame[cut:])
    readings = [e for e in events if isinstance(e, WeightReading)]
    if readings and readings[0].status is WeightStatus.OK:
        assert readings[0].grams == Decimal(grams)
