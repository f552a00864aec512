"""The vocabulary of RSF's World Press Freedom Index, shared by every module.

Nothing here reads files or the database: these are the fixed facts of RSF's method
(scales, situation bands, regions, indicators) that the importer, the answers and the
renderer must agree on.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

#: Codes RSF changed in 2023: history is kept under the current code.
CODE_RENAMES: Final[dict[str, str]] = {"XKO": "XKX", "XCD": "CSS"}

#: The five indicators of the 2022+ method, in RSF's order, keyed as the store names them.
INDICATORS: Final = ("political", "economic", "legal", "social", "safety")

#: Profile sections as the store names them; "summary" is the lead paragraph.
SECTIONS: Final = ("summary", "landscape", "political", "legal", "economic", "social", "safety")

#: Topics a question can be about: every profile section except the summary.
TOPICS: Final = SECTIONS[1:]

#: Which indicator measures a topic (the media landscape has no indicator of its own).
TOPIC_INDICATOR: Final[dict[str, str | None]] = {
    "landscape": None,
    "political": "political",
    "legal": "legal",
    "economic": "economic",
    "social": "social",
    "safety": "safety",
}

#: RSF's five website regions, keyed as the store names them.
REGIONS: Final = ("africa", "americas", "asia_pacific", "europe_central_asia", "mena")

#: The longest ranking a reply lists, and the most countries one comparison shows.
MAX_RANKING: Final = 50
MAX_COMPARE: Final = 5

#: Entries of RSF's that held a country in some years: Serbia and Montenegro were ranked as
#: Yugoslavia (2002) and Serbia-Montenegro (2003–2006); Grenada inside the OECS from 2010.
LISTED_WITHIN: Final[dict[str, tuple[str, ...]]] = {
    "SRB": ("YUG", "SCG"),
    "MNE": ("YUG", "SCG"),
    "GRD": ("CSS",),
}

#: Index years RSF published under another name.
INDEX_LABELS: Final[dict[int, str]] = {2012: "2011–12"}


def index_year(asked: int, years: list[int]) -> int | None:
    """The index that covers a year: itself, 2012 for 2011 (RSF's one combined 2011–12
    index), or None when RSF published none for it."""
    if asked in years:
        return asked
    covering = next((y for y, label in INDEX_LABELS.items() if str(asked) in label), None)
    return covering if covering in years else None


def index_label(year: int) -> str:
    """How RSF names an index year: 2012 → "2011–12", the one combined index."""
    return INDEX_LABELS.get(year, str(year))

#: Parts of RSF's regions people ask about by name, and the region RSF files them under.
SUBREGIONS: Final[dict[str, tuple[str, frozenset[str]]]] = {
    "central_asia": (
        "europe_central_asia",
        frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"}),
    ),
    # The 27 member states of the European Union (since 2020).
    "eu": (
        "europe_central_asia",
        frozenset({"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA",
                   "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD",
                   "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"}),
    ),
    # The twenty countries of the Americas whose language is Spanish, Portuguese or
    # French, as "Latin America" is usually counted.
    "latin_america": (
        "americas",
        frozenset({"ARG", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "SLV",
                   "GTM", "HTI", "HND", "MEX", "NIC", "PAN", "PRY", "PER", "URY", "VEN"}),
    ),
}

#: RSF's CSV zones (French) → website region.  2022 used two other labels.
ZONE_REGION: Final[dict[str, str]] = {
    "afrique": "africa",
    "amériques": "americas",
    "asie-pacifique": "asia_pacific",
    "ue balkans": "europe_central_asia",
    "eeac": "europe_central_asia",
    "europe - asie centrale": "europe_central_asia",
    "mena": "mena",
    "maghreb - moyen-orient": "mena",
}

#: Scoring eras.  Scores from different eras must never be compared silently.
SCALE_OLD: Final = "2002-2012"
SCALE_REEXPRESSED: Final = "2013-2021"
SCALE_CURRENT: Final = "2022+"


def scale_of(year: int) -> str:
    """The scoring era an index year belongs to."""
    if year <= 2012:
        return SCALE_OLD
    if year <= 2021:
        return SCALE_REEXPRESSED
    return SCALE_CURRENT


#: Situation bands of the 2022+ method, lowest bound first matched from the top.
SITUATIONS: Final = (
    (85.0, "good"),
    (70.0, "satisfactory"),
    (55.0, "problematic"),
    (40.0, "difficult"),
    (0.0, "very_serious"),
)

def situation_of(score: float, year: int) -> str | None:
    """RSF's situation band for a score, or None before the 2022 method existed."""
    if scale_of(year) != SCALE_CURRENT:
        return None
    for bound, name in SITUATIONS:
        if score >= bound:
            return name
    return "very_serious"


RSF_INDEX_URL: Final = "https://rsf.org/en/index"
RSF_METHOD_URL: Final = "https://rsf.org/en/methodology-used-compiling-world-press-freedom-index"
CREDIT: Final = "Reporters Without Borders (RSF), World Press Freedom Index"


def country_url(name_en: str) -> str:
    """RSF's page for a country: ``https://rsf.org/en/country/<english-name>``, the name
    without accents or apostrophes ("Côte d'Ivoire" → ``cote-divoire``)."""
    plain = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode()
    plain = re.sub(r"['’]", "", plain.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return f"https://rsf.org/en/country/{slug}" if slug else RSF_INDEX_URL
