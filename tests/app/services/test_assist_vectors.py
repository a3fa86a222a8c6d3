"""Assist's own TF-IDF transform (no per-call input checks, for speed) gives the same vectors as
scikit-learn's for the fitted vectorisers PackDesk uses, on every evaluation message, so the
model's answers do not change."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from app.services import intents


@pytest.mark.parametrize(
    "vectoriser",
    [
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), sublinear_tf=True),
    ],
)
def test_the_fast_transform_equals_scikit_learns(vectoriser: TfidfVectorizer):
    train = [intents.normalise(t) for t, _ in intents.shipped()]
    messages = [intents.normalise(t) for t, _ in intents.shipped("intents_eval.tsv")]
    messages += ["", "   ", "zzzz qqqq", "发票"]  # nothing known, and a short one
    vectoriser.fit(train)
    ours = intents.FastTfidf(vectoriser).transform(messages)
    theirs = vectoriser.transform(messages)
    assert ours.shape == theirs.shape
    assert np.allclose(ours.toarray(), theirs.toarray(), rtol=0, atol=1e-12)
