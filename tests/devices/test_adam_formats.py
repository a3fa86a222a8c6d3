"""Adam CPWplus and Highland continuous outputs, from the examples in their user manuals."""

from __future__ import annotations

from decimal import Decimal

from devices.scale.base import WeightReading, get_protocol


def read(name: str, data: bytes) -> list:
    return get_protocol(name).new_parser({}).feed(data)


def test_cpw_continuous_and_print_output():
    """CPWplus manual, RS-232 interface: continuous ``ASNG/W + 0.51 xx``; normal output
    ``add: A`` then ``G/W: + 2.00 kg`` / ``N/W: + 1.00 kg``."""
    (r,) = read("adam-cpw", b"ASNG/W + 0.51 kg\r\n")
    assert r.grams == Decimal("510") and r.stable and not r.net
    (u,) = read("adam-cpw", b"AUNN/W - 2.99 kg\r\n")
    assert u.grams == Decimal("-2990") and not u.stable and u.net
    printed = read("adam-cpw", b"add: A\r\nG/W: + 2.00 kg\r\n")
    assert [e.grams for e in printed] == [Decimal("2000")]
    assert read("adam-cpw", b"ASEG/W + 0.51 kg\r\n")[0].code == "scale_error"
    assert read("adam-cpw", b"ASNG/W + x.51 kg\r\n")[0].code == "garbled"


def test_highland_continuous_output():
    """Highland manual, Data format: 22 characters, ST/US, GS/NT, sign, weight right-justified,
    unit in three places, CR LF, followed by two blank lines."""
    events = read("adam-highland", b"ST,GS     123.45  g \r\n\r\n\r\n")
    assert [(e.grams, e.stable) for e in events] == [(Decimal("123.45"), True)]
    (n,) = read("adam-highland", b"US,NT-     0.125 kg \r\n")
    assert n.grams == Decimal("-125") and n.net and not n.stable
    (lb,) = read("adam-highland", b"ST,GS      1.000 lb \r\n")
    assert isinstance(lb, WeightReading) and lb.grams == Decimal("453.59237")
    assert read("adam-highland", b"ST,GS+   123.45  g \r\n")[0].code == "garbled"  # '+' is not its sign
