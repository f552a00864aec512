"""The vocabulary of RSF's World Press Freedom Index, shared by every module.

Nothing here reads files or the database: these are the fixed facts of RSF's method
(scales, situation bands, regions, indicators) that the importer, the answers and the
renderer must agree on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
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

#: The first World Press Freedom Index.  An index year is from this one to next year (an
#: index is published in the spring of its year; next year's may be loaded early).
FIRST_INDEX_YEAR: Final = 2002

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


#: The old method (2002–2012) had no fixed bounds: lower is freer, and RSF published from
#: −10 (Finland and Norway, 2011–12, bonus points) to 142 (Eritrea, 2011–12).  A score
#: outside this sanity range, with room to spare on both sides, is a broken file, not a
#: harsh year (README: "Updating the data").
OLD_SCORE_RANGE: Final = (-20.0, 200.0)
#: Every later scale runs from 0 to 100.
SCORE_RANGE: Final = (0.0, 100.0)


def score_range(year: int) -> tuple[float, float]:
    """The global scores an index year can hold."""
    return OLD_SCORE_RANGE if scale_of(year) == SCALE_OLD else SCORE_RANGE


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


@lru_cache(maxsize=1024)  # every card links its country's page: normalised once a name
def country_url(name_en: str) -> str:
    """RSF's page for a country: ``https://rsf.org/en/country/<english-name>``, the name
    without accents or apostrophes ("Côte d'Ivoire" → ``cote-divoire``)."""
    plain = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode()
    plain = re.sub(r"['’]", "", plain.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return f"https://rsf.org/en/country/{slug}" if slug else RSF_INDEX_URL


# --- the second source: V-Dem's media indicators ------------------------------------------
#
# V-Dem (Varieties of Democracy, University of Gothenburg) scores every country each year
# from several country experts' ratings.  Its values stay on V-Dem's own scales: they are
# never put on RSF's 0–100 scale nor mixed into RSF's rankings.

VDEM_URL: Final = "https://v-dem.net/data/the-v-dem-dataset/"
VDEM_CREDIT: Final = "V-Dem Institute, Varieties of Democracy (V-Dem) dataset, CC BY-SA 4.0"

#: The V-Dem variables the bot reads, by V-Dem's column name, each with the short key
#: buttons carry and its scale: "index" 0–1, "latent" V-Dem's expert-estimate scale
#: (centred near 0, mostly −3…+3), "percent".  For all but "percent", higher is freer.
VDEM_MEASURES: Final[dict[str, tuple[str, str]]] = {
    "v2x_freexp_altinf": ("fex", "index"),  # freedom of expression, alternative sources
    "v2xme_altinf": ("alt", "index"),  # alternative sources of information
    "v2mecenefm": ("cen", "latent"),  # government censorship effort: print and broadcast
    "v2mecenefi": ("net", "latent"),  # government censorship effort: the internet (1993+)
    "v2meharjrn": ("har", "latent"),  # harassment of journalists
    "v2meslfcen": ("slf", "latent"),  # media self-censorship
    "v2mebias": ("bia", "latent"),  # media bias against the opposition
    "v2mecrit": ("cri", "latent"),  # print and broadcast media critical of the government
    "v2merange": ("rng", "latent"),  # media represent a wide range of perspectives
    "v2mefemjrn": ("fem", "percent"),  # share of journalists who are women
}
VDEM_BY_KEY: Final[dict[str, str]] = {key: m for m, (key, _) in VDEM_MEASURES.items()}

#: What the country card shows: censorship of the media, harassment of journalists and
#: self-censorship.  A view that draws or ranks one measure takes the first.
VDEM_HEADLINE: Final = ("v2mecenefm", "v2meharjrn", "v2meslfcen")

#: V-Dem's measures of a topic (RSF's profile sections); legal and economic have none.
TOPIC_VDEM: Final[dict[str, tuple[str, ...]]] = {
    "safety": ("v2meharjrn",),
    "political": ("v2mecenefm", "v2mecenefi"),
    "social": ("v2meslfcen",),
    "landscape": ("v2merange", "v2mecrit"),
}

#: The RSF indicator that measures what a V-Dem measure does (for "do they agree on …").
VDEM_INDICATOR: Final[dict[str, str]] = {
    measure: topic for topic, measures in TOPIC_VDEM.items() for measure in measures
    if topic in INDICATORS
}

#: V-Dem codes that are not RSF's code for the same country (none in V-Dem v14: both use
#: ISO alpha-3, and XKX for Kosovo).  V-Dem's own entities (Somaliland SML, Zanzibar ZZB,
#: Gaza PSG, historical DDR, VDR, YMD) and RSF's (OECS CSS, Northern Cyprus CTU) simply
#: have no counterpart.
VDEM_CODES: Final[dict[str, str]] = {}

#: Countries V-Dem rates in parts: its PSE is the West Bank (Gaza is PSG), RSF's is all of
#: Palestine.  Replies showing V-Dem's figure for one of these say so.
VDEM_PART_ONLY: Final = frozenset({"PSE"})


def vdem_scale(measure: str) -> str:
    """"index", "latent" or "percent"."""
    return VDEM_MEASURES[measure][1]


def index_covering(year: int) -> int:
    """The RSF index that describes a calendar year (V-Dem's years are the years described).

    RSF's indexes of 2002–2010 came out in the autumn and covered the twelve months before:
    mostly their own year.  The combined 2011–12 index (filed as 2012) covered 2011, and
    every index since is published early in the year after the one it covers."""
    return year if year <= 2010 else year + 1


def year_covered(index: int) -> int:
    """The calendar year an RSF index describes (the inverse of :func:`index_covering`)."""
    return index if index <= 2010 else index - 1
