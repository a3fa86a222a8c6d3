"""Screenshots never change the database or the settings they were pointed at."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.config import StationSettings, save_settings, settings_path
from app.errors import ConfigError
from ui.screenshots import render_isolated, view_names


def _fingerprint(*paths: Path) -> list[str]:
    # an empty WAL (left by the read-only copy) holds no data: the same as none
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() and p.stat().st_size else "empty"
            for p in paths]


@pytest.fixture
def station_db(demo_engine: Engine) -> Path:
    path = Path(demo_engine.url.database)
    demo_engine.dispose()  # the station is idle; its WAL is checkpointed into the file
    return path


@pytest.mark.parametrize("view", view_names())
def test_every_view_leaves_the_database_and_settings_as_they_were(qtbot, station_db, tmp_path, view):
    save_settings(StationSettings(station="PACK-01", language="zh_CN"))
    watched = (station_db, station_db.with_name(station_db.name + "-wal"), settings_path())
    before = _fingerprint(*watched)
    out = render_isolated(f"sqlite:///{station_db}", view, tmp_path / f"{view}.png", language="en")
    assert out.stat().st_size > 1000
    assert _fingerprint(*watched) == before
    assert not (Path(os.environ["PACKDESK_DATA_DIR"]) / "printed").exists()


def test_the_same_view_twice_from_one_database(qtbot, station_db, tmp_path):
    # the first run used to pack the only picked tote, the second found no row
    for name in ("first.png", "second.png"):
        render_isolated(f"sqlite:///{station_db}", "station.verify", tmp_path / name)


def test_without_a_database_a_fresh_demo_is_shown_and_the_station_database_never_made(qtbot, tmp_path):
    out = render_isolated(None, "main", tmp_path / "main.png", (1280, 800), "zh_CN")
    assert out.stat().st_size > 1000
    assert not Path(os.environ["PACKDESK_DATA_DIR"]).exists()
    assert not settings_path().exists()


def test_unknown_view_lists_the_views_and_a_known_one_asks_where_to(tmp_path):
    with pytest.raises(ConfigError, match=r"known views: .*station\.pack"):
        render_isolated(None, "x", None)
    with pytest.raises(ConfigError, match="--out"):
        render_isolated(None, "login", None)


def test_a_missing_file_or_a_postgresql_database_is_refused_in_one_line(tmp_path):
    with pytest.raises(ConfigError, match="No database at"):
        render_isolated(f"sqlite:///{tmp_path / 'none.sqlite'}", "login", tmp_path / "x.png")
    assert not (tmp_path / "none.sqlite").exists()
    with pytest.raises(ConfigError, match="only a SQLite file"):
        render_isolated("postgresql://u:p@127.0.0.1/site", "login", tmp_path / "x.png")
