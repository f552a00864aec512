"""The shipped V-Dem CSV read with nothing but the csv module: the source of expected V-Dem
figures in the tests, independent of the bot's importer, store and answers.

Places are computed here the way the README states them: among every country with a value
that year, 1 the highest value (the freest; for the share of women journalists, the highest
share), equal values sharing a place.
"""

from __future__ import annotations

import csv
import statistics
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from rsf_csv import in_lang

ROOT = Path(__file__).resolve().parent.parent
VDEM_CSV = ROOT / "data" / "vdem" / "vdem_media_v14.csv"
MEASURES = ("v2x_freexp_altinf", "v2xme_altinf", "v2mecenefm", "v2mecenefi", "v2meharjrn",
            "v2meslfcen", "v2mebias", "v2mecrit", "v2merange", "v2mefemjrn")
LATENT = {"v2mecenefm", "v2mecenefi", "v2meharjrn", "v2meslfcen", "v2mebias", "v2mecrit",
          "v2merange"}


@cache
def rows() -> dict[tuple[str, int], dict[str, str]]:
    """Every country-year as written in the file, by (code, year)."""
    with VDEM_CSV.open(encoding="utf-8", newline="") as handle:
        return {(row["country_text_id"], int(row["year"])): row for row in csv.DictReader(handle)}


def value(code: str, year: int, measure: str) -> float | None:
    cell = rows().get((code, year), {}).get(measure, "")
    return float(cell) if cell else None


@cache
def year_values(year: int, measure: str) -> dict[str, float]:
    return {code: float(row[measure]) for (code, y), row in rows().items()
            if y == year and row[measure]}


def place(code: str, year: int, measure: str) -> tuple[int, int]:
    """(place, countries with a value) in that year."""
    values = year_values(year, measure)
    mine = values[code]
    return 1 + sum(v > mine for v in values.values()), len(values)


def latest_year() -> int:
    return max(year for _, year in rows())


def years_of(code: str) -> list[int]:
    return sorted(year for c, year in rows() if c == code)


def shown(number: float, measure: str, lang: str = "en") -> str:
    """A figure as V-Dem's file has it: three decimals with a real minus sign; a share of
    journalists to one decimal; in the decimal symbol of a reader of ``lang`` ("−0,712")."""
    if measure == "v2mefemjrn":
        return in_lang(str(Decimal(repr(number)).quantize(Decimal("0.1"), ROUND_HALF_UP)), lang)
    return in_lang(f"{number:.3f}", lang).replace("-", "−")


def english_place(place: int, of: int) -> str:
    """"121st of 179" (English ordinals written out here, apart from the bot's)."""
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10,
                                                                                 "th")
    return f"{place}{suffix} of {of}"


def russian_place(place: int, of: int) -> str:
    return f"{place}-е место из {of}"


def median(year: int, measure: str) -> float:
    return statistics.median(year_values(year, measure).values())
