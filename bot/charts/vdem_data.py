"""What the V-Dem charts show, as plain frozen values: a measure's history for one to five
countries, and RSF against V-Dem for one year.  The answer layer reads them from a
snapshot; :mod:`bot.charts.draw_vdem` and :mod:`bot.charts.draw_scatter` draw them."""

from __future__ import annotations

from typing import NamedTuple

from msgspec import Struct


class VdemChartKey(NamedTuple):
    codes: tuple[str, ...]
    measure: str
    first: int  # the first year drawn
    lang: str
    generation: int


class VdemLine(Struct, frozen=True):
    code: str
    name: str  # in the chart's language
    points: tuple[tuple[int, float], ...]  # (year, value), the years V-Dem has a value
    place: int | None = None  # among every country V-Dem rates in the line's last year
    of: int | None = None


class VdemHistoryChart(Struct, frozen=True):
    """One V-Dem measure over the years for one to five countries, beside the median of
    every country V-Dem rates."""

    key: VdemChartKey
    lines: tuple[VdemLine, ...]
    median: tuple[tuple[int, float], ...]
    first: int  # the years drawn
    last: int
    rsf_from: int | None  # the first year an RSF index describes (its years are shaded)

    @property
    def lang(self) -> str:
        return self.key.lang

    @property
    def measure(self) -> str:
        return self.key.measure

    @property
    def file_name(self) -> str:
        return "vdem-" + "-".join(self.key.codes) + f"-{self.key.measure}-{self.lang}"


class ScatterKey(NamedTuple):
    labelled: tuple[str, ...]
    measure: str
    vdem_year: int
    rsf_year: int
    indicator: str | None  # RSF's indicator on the vertical axis (None: the score)
    lang: str
    generation: int


class ScatterPoint(Struct, frozen=True):
    code: str
    name: str  # in the chart's language
    vdem: float  # the V-Dem measure, horizontal
    rsf: float  # RSF's score or indicator score, vertical
    labelled: bool  # one of the countries asked about


class ScatterChart(Struct, frozen=True):
    """Every country both sources rate: V-Dem's measure in one year against the score of
    the RSF index that covers that year."""

    key: ScatterKey
    points: tuple[ScatterPoint, ...]
    correlation: float  # Spearman's rank correlation of the two

    @property
    def lang(self) -> str:
        return self.key.lang

    @property
    def file_name(self) -> str:
        k = self.key
        return "-".join(["rsf-vdem", str(k.vdem_year), k.measure, *k.labelled, k.lang])


VdemPicture = VdemHistoryChart | ScatterChart
