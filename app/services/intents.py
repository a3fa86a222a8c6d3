"""What a customer wants, from their message, in Chinese or English, colloquial or misspelt.

A linear SVM (its margins calibrated into probabilities) over TF-IDF character n-grams (Chinese
needs no word segmentation that way, and a typo changes only a few n-grams) plus word unigrams
and bigrams, from scikit-learn. It is
trained on the examples shipped in ``resources/assist/intents_train.tsv`` and on the desk's own
labels (``intent_labels``: a reply sent from a suggestion, an agent's one-click correction).

The model is always rebuilt from that data, never unpickled: the training job stamps the labels
it learnt from (``trained_at``), and each process rebuilds the same model from the same rows
when it sees that a newer training run stamped more.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import threading
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.context import CurrentUser
from app.errors import DomainError
from app.models.service import IntentLabel
from app.permissions import require

if TYPE_CHECKING:  # numpy, scipy and scikit-learn load on first use: the sign-in window needs none
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion
    from sklearn.svm import LinearSVC

INTENTS = (
    "where_is_parcel",
    "when_ship",
    "return_refund",
    "refund_progress",
    "payment_failed",
    "change_address",  # also name and phone corrections
    "wrong_item",  # also missing items
    "damaged",
    "quality_issue",
    "invoice_request",
    "cancel_order",
    "price_protect",  # the price dropped after purchase
    "complaint_agent",  # a complaint about our service
    "other",
)
SOURCES = ("reply", "correction")  # a reply sent from a suggestion; an agent's correction
LABEL_WEIGHT = 3.0  # the desk's own labels count more than the shipped examples
MAX_LABEL_TEXT = 2000


@dataclass(frozen=True)
class Prediction:
    intent: str
    confidence: float  # the model's probability for `intent`, 0..1
    ranked: tuple[tuple[str, float], ...]  # every intent with its probability, best first


@dataclass(frozen=True)
class TrainingRun:
    examples: int  # shipped examples
    labels: int  # the desk's labels used
    newest_label: int  # the newest label id in the model
    seconds: float


def normalise(text: str) -> str:
    """Full-width letters and digits folded (NFKC), lower case, runs of spaces made one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").lower()).strip()


def read_examples(text: str, source: str = "examples") -> list[tuple[str, str]]:
    """(message, intent) rows of an ``intent<TAB>message`` file; ``#`` lines are comments. A bad
    line is a DomainError naming the file and line."""
    rows: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        intent, sep, message = line.partition("\t")
        if not sep or not message.strip():
            raise DomainError("{source} line {line}: expected intent<TAB>message.", source=source, line=n)
        if intent not in INTENTS:
            raise DomainError(
                "{source} line {line}: unknown intent {intent}.", source=source, line=n, intent=intent
            )
        rows.append((message.strip(), intent))
    return rows


def shipped(name: str = "intents_train.tsv") -> list[tuple[str, str]]:
    """The examples shipped with PackDesk (``resources/assist/``)."""
    text = resources.files("resources").joinpath("assist", name).read_text(encoding="utf-8")
    return read_examples(text, name)


class FastTfidf:
    """A fitted TfidfVectorizer's transform, the same vectors without scikit-learn's per-call
    input checks (about 1 ms of each 2 ms call); the caller passes a list of strings."""

    def __init__(self, fitted: TfidfVectorizer) -> None:
        import numpy as np

        self._analyse = fitted.build_analyzer()
        self._vocabulary: dict[str, int] = fitted.vocabulary_
        self._idf = np.asarray(fitted.idf_, dtype=np.float64) if fitted.use_idf else None
        self._sublinear = fitted.sublinear_tf
        assert fitted.norm == "l2" and not fitted.binary, "only what PackDesk fits is mirrored"

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        import numpy as np
        from scipy.sparse import csr_matrix

        vocabulary = self._vocabulary
        indptr, indices, counts = [0], list[int](), list[int]()
        for text in texts:
            row: dict[int, int] = {}
            for gram in self._analyse(text):
                k = vocabulary.get(gram)
                if k is not None:
                    row[k] = row.get(k, 0) + 1
            indices.extend(row)
            counts.extend(row.values())
            indptr.append(len(indices))
        data = np.asarray(counts, dtype=np.float64)
        if self._sublinear:
            np.log(data, out=data)
            data += 1
        cols = np.asarray(indices, dtype=np.int32)
        if self._idf is not None:
            data *= self._idf[cols]
        for i in range(len(texts)):  # each row to unit length (l2)
            row_data = data[indptr[i] : indptr[i + 1]]
            norm = np.sqrt(row_data @ row_data)
            if norm:
                row_data /= norm
        x = csr_matrix((data, cols, np.asarray(indptr)), shape=(len(texts), len(vocabulary)))
        x.sort_indices()
        return x


class IntentModel:
    """A trained classifier; build it with `train`."""

    def __init__(
        self,
        features: FeatureUnion,
        svm: LinearSVC,
        calibration: LogisticRegression,
        version: tuple[str, int],
    ) -> None:
        self._vectorisers = [FastTfidf(v) for _, v in features.transformer_list]
        # plain arrays: one sparse product and two small dense ones per message (no per-call checks)
        self._weights, self._bias = svm.coef_.T, svm.intercept_
        self._cal_weights, self._cal_bias = calibration.coef_.T, calibration.intercept_
        self.version = version  # the training run it comes from (see `_version`)
        self.classes: tuple[str, ...] = tuple(str(c) for c in svm.classes_)

    def _probabilities(self, messages: Sequence[str]) -> np.ndarray:
        import numpy as np
        from scipy.sparse import hstack

        texts = [normalise(m) for m in messages]
        # each vectoriser directly: FeatureUnion.transform dispatches through joblib, 1.5 ms a call
        x = hstack([v.transform(texts) for v in self._vectorisers]).tocsr()
        logits = np.asarray(x @ self._weights + self._bias) @ self._cal_weights + self._cal_bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, message: str) -> Prediction:
        probabilities = self._probabilities([message])[0]
        ranked = sorted(
            zip(self.classes, (float(p) for p in probabilities), strict=True), key=lambda x: -x[1]
        )
        return Prediction(ranked[0][0], ranked[0][1], tuple(ranked))

    def predict_many(self, messages: Sequence[str]) -> list[str]:
        return [self.classes[k] for k in self._probabilities(messages).argmax(axis=1)]


def train(
    examples: Iterable[tuple[str, str]],
    labels: Iterable[tuple[str, str]] = (),
    version: tuple[str, int] = ("", 0),  # UNTRAINED
) -> IntentModel:
    """A model from the shipped examples and the desk's labels (weighted higher: they are this
    desk's customers in this desk's words)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict
    from sklearn.pipeline import FeatureUnion
    from sklearn.svm import LinearSVC

    shipped_rows = list(examples)
    rows = [(normalise(t), i, 1.0) for t, i in [*shipped_rows, *misspelt(shipped_rows)]]
    rows += [(normalise(t), i, LABEL_WEIGHT) for t, i in labels]
    features = FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True)),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
                ),
            ),
        ]
    )
    x = features.fit_transform([t for t, _, _ in rows])
    y = np.array([i for _, i, _ in rows])
    weights = np.array([w for _, _, w in rows])
    svm = LinearSVC(C=1.0).fit(x, y, sample_weight=weights)
    # the confidence is a probability an agent can read, not a raw margin: a multinomial logistic
    # regression over the margins the SVM gives messages it was not trained on (3-fold)
    held_out = cross_val_predict(
        LinearSVC(C=1.0), x, y, cv=3, method="decision_function", params={"sample_weight": weights}
    )
    calibration = LogisticRegression(max_iter=1000).fit(held_out, y)
    assert list(calibration.classes_) == list(svm.classes_)
    return IntentModel(features, svm, calibration, version)


def misspelt(examples: Sequence[tuple[str, str]], seed: int = 0) -> list[tuple[str, str]]:
    """One copy of each English example with a typo (two letters swapped, one dropped or doubled
    in one word), so the model meets the typos customers make (the same ones every run)."""
    r = random.Random(seed)
    out = []
    for text, intent in examples:
        words = text.split()
        where = [k for k, w in enumerate(words) if len(w) > 3 and w.isascii() and w.isalpha()]
        if not where:
            continue
        k = r.choice(where)
        w, j = words[k], r.randrange(1, len(words[k]) - 1)
        words[k] = r.choice(
            (w[: j - 1] + w[j] + w[j - 1] + w[j + 1 :], w[:j] + w[j + 1 :], w[:j] + w[j] + w[j:])
        )
        out.append((" ".join(words), intent))
    return out


# -- the desk's labels -----------------------------------------------------------------------------
def add_label(
    s: Session,
    user: CurrentUser | None,
    message: str,
    intent: str,
    source: str,
    now: dt.datetime,
    *,
    ticket_id: int | None = None,
) -> IntentLabel:
    """Record what the customer's message meant, as an agent showed it (a reply sent from a
    suggestion, or a correction); the next training run learns from it."""
    agent = require(user, "service.use")
    if intent not in INTENTS:
        raise DomainError(
            "Unknown intent {intent}; use one of {intents}.", intent=intent, intents=", ".join(INTENTS)
        )
    if source not in SOURCES:
        raise DomainError("Unknown label source {source}.", source=source)
    text = (message or "").strip()
    if not text:
        raise DomainError("There is no customer message to label.")
    row = IntentLabel(
        message=text[:MAX_LABEL_TEXT],
        intent=intent,
        source=source,
        ticket_id=ticket_id,
        user_id=agent.id,
        created_at=now,
    )
    s.add(row)
    s.flush()
    return row


def labels(s: Session, trained_only: bool = True) -> list[tuple[str, str]]:
    """(message, intent) of the desk's labels (those a training run stamped, unless
    `trained_only` is false); where one message was labelled more than once, the latest label
    stands (a correction overrides the reply before it)."""
    query = select(IntentLabel.message, IntentLabel.intent).order_by(IntentLabel.id)
    if trained_only:
        query = query.where(IntentLabel.trained_at.is_not(None))
    latest: dict[str, tuple[str, str]] = {}
    for message, intent in s.execute(query):
        latest[normalise(message)] = (message, intent)
    return list(latest.values())


# -- the model of this process ---------------------------------------------------------------------
Version = tuple[str, int]  # (when the last training run stamped, the newest label it stamped)
UNTRAINED: Version = ("", 0)
_lock = threading.Lock()
_models: dict[str, IntentModel] = {}  # database URL ("" for the shipped examples alone): its model


def _version(s: Session) -> Version:
    """Which training run the stamped labels make (an index look-up, cheap on every call)."""
    row = s.execute(
        select(IntentLabel.trained_at, IntentLabel.id)
        .where(IntentLabel.trained_at.is_not(None))
        .order_by(IntentLabel.trained_at.desc(), IntentLabel.id.desc())
        .limit(1)
    ).first()
    return (row[0].isoformat(), row[1]) if row and row[0] is not None else UNTRAINED


def _database(s: Session) -> str:
    return s.get_bind().engine.url.render_as_string(hide_password=True)


def model(s: Session) -> IntentModel:
    """The model of the last training run (the shipped examples alone before the first run),
    rebuilt from the data when another process ran a newer one."""
    version = _version(s)
    database = _database(s) if version != UNTRAINED else ""  # before any run, one model serves all
    current = _models.get(database)
    if current is not None and current.version == version:
        return current
    with _lock:
        current = _models.get(database)
        if current is None or current.version != version:
            current = _models[database] = train(shipped(), labels(s) if database else (), version)
        return current


def retrain(s: Session, now: dt.datetime) -> TrainingRun:
    """Stamp every label not yet learnt from, train on the shipped examples and all stamped
    labels, and use the new model in this process (others rebuild it when they next look)."""
    t0 = time.perf_counter()
    s.execute(update(IntentLabel).where(IntentLabel.trained_at.is_(None)).values(trained_at=now))
    s.flush()
    version = _version(s)
    used = labels(s)
    examples = shipped()
    built = train(examples, used, version)
    with _lock:
        _models[_database(s)] = built
    return TrainingRun(len(examples), len(used), version[1], time.perf_counter() - t0)


def classify(s: Session, message: str) -> Prediction:
    return model(s).predict(message)
