"""Assist training: rebuild the intent model from the shipped examples and the desk's labels
(replies sent from suggestions, agents' corrections). The model is trained from the data in this
process; other processes rebuild the same model from the same stamped labels."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from app.db import unit_of_work


def run(factory: sessionmaker[Session], now: dt.datetime) -> str:
    from app.services import intents

    with unit_of_work(factory) as s:
        done = intents.retrain(s, now)
    return f"trained on {done.examples} examples and {done.labels} labels in {done.seconds:.1f} s"
