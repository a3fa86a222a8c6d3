"""Agent assist: how often the intent is right on the held-out evaluation set
(``resources/assist/intents_eval.tsv``, never trained on), with the confusion of the worst
intents; and how long one suggestion takes on the demo database.

``assist_accuracy`` compares the classifier with a nearest-neighbour peer over the same
examples (cosine on the same character n-grams), measured in the same run. ``assist_suggest``
uses the service benchmarks' demo database (``PACKDESK_BENCH_SERVICE_DB`` names an existing one;
``PACKDESK_BENCH_SERVICE_CUSTOMERS`` / ``..._ORDERS`` size a new one) and compares a whole
suggestion with classifying the message alone.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections import Counter, defaultdict

from tests.bench.harness import Result, benchmark, percentiles_ms

SAMPLES = 500


def _nearest_neighbour(train: list[tuple[str, str]], messages: list[str]) -> list[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from app.services.intents import normalise

    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True)
    matrix = vectoriser.fit_transform([normalise(t) for t, _ in train])
    best = (vectoriser.transform([normalise(m) for m in messages]) @ matrix.T).toarray().argmax(axis=1)
    return [train[k][1] for k in best]


@benchmark("assist_accuracy")
def assist_accuracy() -> Result:
    from app.services import intents

    train = intents.shipped()
    held_out = intents.shipped("intents_eval.tsv")
    overlap = {intents.normalise(t) for t, _ in train} & {intents.normalise(t) for t, _ in held_out}
    assert not overlap, f"evaluation messages also in training: {sorted(overlap)[:3]}"
    model = intents.train(train)
    messages = [t for t, _ in held_out]
    truth = [i for _, i in held_out]
    ranked = [model.predict(m).ranked for m in messages]
    top1 = [r[0][0] for r in ranked]
    top2_hits = sum(t in (r[0][0], r[1][0]) for t, r in zip(truth, ranked, strict=True))
    peer = _nearest_neighbour(train, messages)
    per: dict[str, list[bool]] = defaultdict(list)
    by_language: dict[str, list[bool]] = defaultdict(list)
    confused: dict[str, Counter[str]] = defaultdict(Counter)
    for m, t, p in zip(messages, truth, top1, strict=True):
        per[t].append(t == p)
        by_language["zh" if any("\u4e00" <= c <= "\u9fff" for c in m) else "en"].append(t == p)
        if t != p:
            confused[t][p] += 1
    accuracy = {k: sum(v) / len(v) for k, v in per.items()}
    print(f"{'intent':<18} {'n':>3} {'top-1':>6}  mistaken for")
    for intent in sorted(accuracy, key=lambda k: (accuracy[k], k)):
        wrong = ", ".join(f"{p} x{n}" for p, n in confused[intent].most_common())
        print(f"{intent:<18} {len(per[intent]):>3} {accuracy[intent]:>6.1%}  {wrong}")
    ours = sum(t == p for t, p in zip(truth, top1, strict=True)) / len(truth)
    nn = sum(t == p for t, p in zip(truth, peer, strict=True)) / len(truth)
    worst = sorted(accuracy, key=lambda k: accuracy[k])[:3]
    return Result(
        "assist_accuracy",
        {
            "top1": ours,
            "top2": top2_hits / len(truth),
            "zh_top1": sum(by_language["zh"]) / len(by_language["zh"]),
            "en_top1": sum(by_language["en"]) / len(by_language["en"]),
        },
        peer=f"1-NN over the same examples top1 {nn:.3f}",
        ratio=ours / nn,
        ratio_note="top1 ours/peer (higher is better)",
        goal="top1 >= 0.90",
        extra={
            "messages": len(truth),
            "training_examples": len(train),
            "per_intent": {k: round(v, 3) for k, v in sorted(accuracy.items())},
            "worst_confusion": {k: dict(confused[k]) for k in worst},
        },
    )


@benchmark("assist_suggest")
def assist_suggest() -> Result:
    import time

    from app.db import make_engine, read_only, session_factory
    from app.services import assist, intents
    from tests.bench.bench_service import _database, _sample

    path = _database()
    con = sqlite3.connect(path)
    customers = [int(c) for c in _sample(con, "orders", "customer_id", SAMPLES)]
    con.close()
    r = random.Random(5)
    messages = [t for t, _ in intents.shipped("intents_eval.tsv")]
    asks = [(c, r.choice(messages)) for c in customers]
    engine = make_engine(f"sqlite:///{path}")
    sessions = session_factory(engine)
    now = dt.datetime.now(dt.UTC)
    with read_only(sessions) as s:  # the model is built once per process, before the first agent asks
        t0 = time.perf_counter()
        assist.suggest(s, asks[0][1], now, customer_id=asks[0][0])
        first_s = time.perf_counter() - t0
    samples, offered = [], 0
    for customer, message in asks:
        t0 = time.perf_counter()
        with read_only(sessions) as s:  # one unit of work per suggestion, as the ticket view runs it
            result = assist.suggest(s, message, now, customer_id=customer)
        samples.append(time.perf_counter() - t0)
        offered += bool(result.suggestions)
        assert all(not x.missing and "{" not in x.text for x in result.suggestions), result
    with read_only(sessions) as s:
        model = intents.model(s)
    floor = []
    for _, message in asks:
        t0 = time.perf_counter()
        model.predict(message)
        floor.append(time.perf_counter() - t0)
    engine.dispose()
    ours, classify = percentiles_ms(samples), percentiles_ms(floor)
    return Result(
        "assist_suggest",
        {**ours, "first_call_s": first_s},
        peer=f"classify alone p99 {classify['p99_ms']:.3f} ms",
        ratio=ours["p99_ms"] / max(classify["p99_ms"], 1e-6),
        ratio_note="p99 ours/classify",
        goal="p99 < 20 ms",
        extra={"suggestions": SAMPLES, "with_a_suggestion": offered},
    )
