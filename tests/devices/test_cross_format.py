"""Every format against every other, with hypothesis: random weights and states (negative, net,
unstable, overload), random split points, foreign frames mixed into a stream. No exception
escapes, no format reads another's frame as a weight, and a parser finds its own frames again
after foreign bytes (a wrongly set indicator, a second device on the line, noise)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from devices.scale.base import (
    PROTOCOLS,
    CommandAck,
    ScaleError,
    ScaleProtocol,
    SimState,
    WeightReading,
    get_protocol,
)

get_protocol("mt-sics")  # import every protocol module
NAMES = sorted({p.name for p in PROTOCOLS.values()})
# (reader, writer): one layout under two names. CAS calls its 18-byte frame "for AND": it is the
# A&D standard format with a gross/net field, so the A&D parser reading it reads it right.
SAME_LAYOUT = {("and", "cas18")}


@st.composite
def states(draw: st.DrawFn) -> SimState:
    state = SimState(
        grams=Decimal(draw(st.integers(-99_000, 999_000))),
        stable=draw(st.booleans()),
        tare_grams=Decimal(draw(st.sampled_from([0, 0, 500]))),
    )
    limit = draw(st.sampled_from(["", "", "", "overload", "underload"]))
    state.overload, state.underload = limit == "overload", limit == "underload"
    return state


def sent(protocol: ScaleProtocol, state: SimState) -> bytes:
    """What the device puts on the line: a streamed frame, or its answer to its own poll."""
    if protocol.sim_frame is not None:
        return protocol.sim_frame(state)
    assert protocol.sim_reply is not None and protocol.poll_command is not None
    return protocol.sim_reply(protocol.poll_command, state) or b""


def heard_by(reader: ScaleProtocol, writer: ScaleProtocol) -> bool:
    """A request/response device only talks when asked with its own command."""
    return writer.streams or reader.streams or writer.poll_command == reader.poll_command


def feed_split(protocol: ScaleProtocol, data: bytes, cuts: list[int]) -> list:
    parser = protocol.new_parser({})
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    events = []
    for a, b in itertools.pairwise(bounds):
        events += parser.feed(data[a:b])
    assert all(isinstance(e, WeightReading | ScaleError | CommandAck) for e in events)
    return events


@pytest.mark.parametrize("reader", NAMES)
@settings(max_examples=100, deadline=None)
@given(writer=st.sampled_from(NAMES), frames=st.lists(states(), min_size=1, max_size=4),
       cuts=st.lists(st.integers(0, 400), max_size=8))
def test_no_format_reads_anothers_frames(reader, writer, frames, cuts):
    r, w = get_protocol(reader), get_protocol(writer)
    assume(reader != writer and (reader, writer) not in SAME_LAYOUT and heard_by(r, w))
    data = b"".join(sent(w, s) for s in frames)
    events = feed_split(r, data, cuts)
    readings = [e for e in events if isinstance(e, WeightReading)]
    assert not readings, f"{reader} read {writer}'s {data!r} as {readings[0]}"


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(other=st.sampled_from(NAMES), junk=st.one_of(st.just(b""), st.binary(max_size=40)),
       foreign=st.lists(states(), max_size=2), own=st.lists(states(), min_size=2, max_size=3),
       cuts=st.lists(st.integers(0, 400), max_size=8))
def test_own_frames_are_found_again_after_foreign_bytes(name, other, junk, foreign, own, cuts):
    p, o = get_protocol(name), get_protocol(other)
    assume(name != other and (name, other) not in SAME_LAYOUT and heard_by(p, o))
    before = junk + b"".join(sent(o, s) for s in foreign)
    mine = [sent(p, s) for s in own]  # once: a silent-when-unchanged scale (Adam) answers once
    events = feed_split(p, before + b"".join(mine), cuts)
    readings = [e for e in events if isinstance(e, WeightReading)]
    alone = [[e for e in feed_split(p, frame, []) if isinstance(e, WeightReading)] for frame in mine]
    if alone[-1]:  # the last frame carries a reading (MT-SICS "S" stays silent while unstable)
        last = alone[-1][-1]
        assert readings and (readings[-1].grams, readings[-1].status) == (last.grams, last.status)
    if not junk:  # random junk may itself spell a frame of this format; another format's frames may not
        assert {e.grams for e in readings} <= {e.grams for frame in alone for e in frame}
