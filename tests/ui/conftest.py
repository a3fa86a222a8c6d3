"""Screens in each language: ``language`` runs a test in English and in Chinese, ``chinese`` in
Chinese only; both leave the app in English."""

from __future__ import annotations

import pytest

from ui.i18n import Translations


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translations = Translations.for_app(qapp)
    translations.install(request.param)
    yield request.param
    translations.install("en")


@pytest.fixture
def chinese(qapp):
    translations = Translations.for_app(qapp)
    translations.install("zh_CN")
    yield
    translations.install("en")
