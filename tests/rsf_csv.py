"""RSF's yearly CSVs read with nothing but the csv module: the source of expected figures
in the tests of answers, independent of the bot's importer, store and snapshot.

Each year's rows by RSF code (Kosovo's and the OECS's old codes under their current
ones, as RSF itself renamed them), with the few columns the tests need, found by header.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from babel import numbers

CSV_DIR = Path(__file__).resolve().parent.parent / "data" / "csv"
INDICATOR_COLUMNS = {
    "political": ("Political Context", "Rank_Pol"),
    "economic": ("Economic Context", "Rank_Eco"),
    "legal": ("Legal Context", "Rank_Leg"),
    "social": ("Social Context", "Rank_Soc"),
    "safety": ("Safety", "Rank_Saf"),
}
RENAMED = {"XKO": "XKX", "XCD": "CSS"}
#: RSF's CSV zones → its website regions (the README's table).
ZONES = {
    "Afrique": "africa", "Amériques": "americas", "Asie-Pacifique": "asia_pacific",
    "UE Balkans": "europe_central_asia", "EEAC": "europe_central_asia",
    "Europe - Asie centrale": "europe_central_asia", "MENA": "mena",
    "Maghreb - Moyen-Orient": "mena",
}
CENTRAL_ASIA = frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"})
#: RSF's bands: (lowest score, name), best first.
BANDS = ((85.0, "good"), (70.0, "satisfactory"), (55.0, "problematic"), (40.0, "difficult"),
         (0.0, "very_serious"))


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    rank: int
    score: float
    zone: str
    indicators: dict[str, tuple[float, int]] = field(default_factory=dict)
    score_evolution: float | None = None  # RSF's own "Score evolution" (2023+)
    score_before: float | None = None  # RSF's "Score N-1" (2023+)

    @property
    def band(self) -> str:
        return next(name for bound, name in BANDS if self.score >= bound)


def _number(text: str) -> float:
    return float(text.strip().replace(",", "."))


def _column(header: list[str], *names: str) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


@cache
def year(index: int) -> dict[str, Row]:
    """One index's rows by code."""
    raw = (CSV_DIR / f"{index}.csv").read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = rows[0]
    score = next(i for i, h in enumerate(header)
                 if h in ("Score", "Score N") or (h.startswith("Score 20") and len(h) == 10))
    rank = _column(header, "Rank", "Rank N")
    name = _column(header, "Country_EN", "EN_country")
    zone = _column(header, "Zone")
    evolution = _column(header, "Score evolution")
    before = _column(header, "Score N-1")
    assert rank is not None and name is not None and zone is not None
    found: dict[str, Row] = {}
    for cells in rows[1:]:
        if not any(c.strip() for c in cells):
            continue
        code = cells[_column(header, "ISO") or 0].strip()
        code = RENAMED.get(code, code)
        indicators = {}
        for key, (value, place) in INDICATOR_COLUMNS.items():
            if value in header and cells[header.index(value)].strip():
                indicators[key] = (_number(cells[header.index(value)]),
                                   int(cells[header.index(place)]))
        change = cells[evolution].strip() if evolution is not None else ""
        earlier = cells[before].strip() if before is not None else ""
        found[code] = Row(code, cells[name].strip(), int(cells[rank]), _number(cells[score]),
                          cells[zone].strip(), indicators, _number(change) if change else None,
                          _number(earlier) if earlier and evolution is not None else None)
    return found


def region_of(code: str) -> str | None:
    """A country's region as the bot files it: from the latest index listing it."""
    for index in sorted((int(p.stem) for p in CSV_DIR.glob("*.csv")), reverse=True):
        if code in year(index):
            return ZONES.get(year(index)[code].zone)
    return None


def in_region(index: int, region: str | None = None, subregion: bool = False) -> list[Row]:
    """An index's rows of one region (or Central Asia, ``subregion``), by rank."""
    rows = sorted(year(index).values(), key=lambda r: (r.rank, r.code))
    if subregion:
        return [r for r in rows if r.code in CENTRAL_ASIA]
    if region is None:
        return rows
    return [r for r in rows if region_of(r.code) == region]


def shown(value: float, signed: bool = False, lang: str = "en", places: int = 2) -> str:
    """A figure as RSF prints it (two decimals, half up), computed here on its own, written
    as a reader of ``lang`` sees it: CLDR's decimal symbol and signs for Latin digits, asked
    of Babel here (not the bot's table), without the bidi marks an RTL reply does not need."""
    exact = Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)
    return in_lang(f"{exact:+}" if signed else f"{exact}", lang)


def in_lang(text: str, lang: str) -> str:
    """A number Python wrote ("-0.35") as a reader of ``lang`` sees it."""
    return text.translate(str.maketrans({
        ".": _symbol(numbers.get_decimal_symbol, lang),
        "+": _symbol(numbers.get_plus_sign_symbol, lang),
        "-": _symbol(numbers.get_minus_sign_symbol, lang)}))


def _symbol(get: Callable[..., str], lang: str) -> str:
    return get(lang, numbering_system="latn").strip("\u200e\u200f\u061c")


def mean(values: list[float]) -> float:
    return statistics.fmean(values)


def median(values: list[float]) -> float:
    return statistics.median(values)
