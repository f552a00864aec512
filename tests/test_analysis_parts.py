"""The parts the analytical answers stand on: rounding as RSF rounds, RSF's own score
changes stored (and added to an older database's schema), the per-snapshot statistics,
button data and deep links, and the strings in both languages."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import rsf_csv as rsf

from bot import button_data
from bot.answer.stats import Scope, compute_group_stats, group_stats
from bot.i18n import fmt_score
from bot.pipeline import Pipeline
from bot.query import Intent
from bot.store import Snapshot, Store


@pytest.mark.parametrize(("value", "places", "signed", "shown"), [
    (51.055, 2, False, "51.06"),  # RSF's Israel 2025: binary floats would give 51.05
    (65.487, 2, False, "65.49"),
    (3.125, 2, False, "3.13"),
    (92.7, 2, False, "92.70"),
    (46.46 - 51.055, 2, True, "-4.60"),  # float noise (-4.594999…) is not a figure
    (0.004, 2, True, "+0.00"),
    (-0.004, 2, True, "+0.00"),  # never "-0.00"
    (2.0, 2, True, "+2.00"),
    (30.25, 1, False, "30.3"),
    (100.0, 2, False, "100.00"),
])
def test_scores_round_half_up(value: float, places: int, signed: bool, shown: str) -> None:
    assert fmt_score(value, places, signed) == shown


def test_rsf_s_score_evolution_is_stored_as_published(snapshot: Snapshot) -> None:
    for year in (2023, 2024, 2025, 2026):
        for code, row in rsf.year(year).items():
            assert snapshot.results[(code, year)].score_change == row.score_evolution
    assert all(r.score_change is None for y in (2013, 2021, 2022)
               for r in snapshot.by_year[y])


def test_an_older_database_gets_the_column_and_keeps_its_data(db_path: Path,
                                                                tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    with closing(sqlite3.connect(db_path)) as src, closing(sqlite3.connect(old)) as dst:
        src.backup(dst)
    with closing(sqlite3.connect(old)) as conn:
        conn.execute("ALTER TABLE results DROP COLUMN score_change")
        conn.commit()
    store = Store(old)  # opening adds what is missing, never rewrites
    try:
        snapshot = store.snapshot()
        assert snapshot.results[("KAZ", 2026)].score == 34.41
        assert snapshot.results[("KAZ", 2026)].score_change is None
        columns = store.read(lambda c: [r[1] for r in c.execute("PRAGMA table_info(results)")])
        assert "score_change" in columns
    finally:
        store.close()


def test_group_statistics_are_computed_once_per_snapshot(snapshot: Snapshot) -> None:
    scope = Scope.of("africa", None)
    first = group_stats(snapshot, 2024, scope)
    assert group_stats(snapshot, 2024, scope) is first  # kept with the snapshot
    assert compute_group_stats(snapshot, 2024, scope) == first
    africa = rsf.in_region(2024, "africa")
    assert first.score is not None and first.score.n == len(africa)
    assert fmt_score(first.score.median) == rsf.shown(rsf.median([r.score for r in africa]))
    assert sum(first.bands.values()) == len(africa)
    assert group_stats(snapshot, 2015, Scope()).bands == {}  # no bands before 2022


@pytest.mark.parametrize("data", [
    button_data.aggregate("mean", 2024, "africa", None, "safety"),
    button_data.aggregate("place", None, None, "central_asia", None, "KAZ"),
    button_data.aggregate("count", 2026),
    button_data.band("very_serious", 2026, "europe_central_asia", None, 3),
    button_data.movers("fall", "score", 2026, 2022, "europe_central_asia", None,
                       "political", 25, chart=True),
    button_data.movers(None, "rank", None, None),
    button_data.why("KAZ", 2024, "rise"),
    button_data.explain("indicator", "economic"),
    button_data.explain("comparability"),
])
def test_analytical_buttons_and_links_round_trip(data: str) -> None:
    assert len(data.encode()) <= 64
    pressed = button_data.decode(data)
    assert pressed is not None and not isinstance(pressed, button_data.Callback)
    link = button_data.as_deep_link(data)
    assert len(link) <= 64 and button_data.deep_link(link) == pressed
    query = pressed.to_query("ru")
    assert query.lang == "ru" and query.analysis is not None


@pytest.mark.parametrize("data", [
    "a:average:2024:::", "a:mean:2024:atlantis::", "a:mean:20x4:::", "a:mean:2024::wealth:",
    "b:great:2026::1", "b:good:2026::0", "b:good:2026::x", "m:up:rank:::::10",
    "m::height:::::10", "m::rank:::::0", "m::rank:::::99", "w:kaz:2026:", "w:KAZ:2026:left",
    "e:everything:", "e:indicator:wealth", "a:mean:2024", "gm:fall", "x:1:2:3",
])
def test_forged_analytical_data_is_refused(data: str) -> None:
    assert button_data.decode(data) is None
    assert button_data.deep_link(data.replace(":", "-")) is None


def test_a_movers_chart_card_links_to_its_chart(db_path: Path) -> None:
    pipeline = Pipeline.open(db_path)
    try:
        pressed = pipeline.press("gm:rise:rank:2026:2025:africa::5", "en")
        assert pressed is not None and pressed.rendered.chart is not None
        link = button_data.picture_link(pressed.rendered.chart)
        again = pipeline.deep_link(link, "en")
        assert again is not None and again.query.intent == Intent.CHART
        assert again.rendered.chart == pressed.rendered.chart
    finally:
        pipeline.close()
