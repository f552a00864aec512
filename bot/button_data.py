"""What a button or a deep link asks for: callback data for inline buttons and deep-link
payloads, compact, versionless, always within Telegram's limits (64 bytes of callback data,
64 characters of payload).

``p:KAZ:2024:safety`` a country view, ``c:KAZ,KGZ:2026:`` a comparison, ``g:KAZ:2026`` a
chart.  The analytical questions (:class:`Asked`): ``a:mean:2026:africa:safety:`` a group's
figures (``a:place:2026:central_asia::KAZ`` a country's place in it), ``b:good:2026::2`` a
page of a situation band, ``m:fall:score:2026:2025:africa::10`` risers and fallers and
``gm:…`` their chart, ``w:KAZ:2026:fall`` why a country moved, ``e:indicator:safety`` what
the index means.  V-Dem's (:func:`vdem`): ``v:h:har:KAZKGZ::1990:`` a history,
``v:r:net:2023::b10`` a ranking, ``v:a::KAZ:::`` RSF and V-Dem side by side, and the
pictures ``gv:h:cen:KAZ:::`` and ``gv:s:cen:KAZ:2023::``.  Their deep links are the same
words joined by ``-`` instead of ``:`` (``t.me/<bot>?start=w-KAZ-2026-``).  Buttons carry
no state beyond this, so a button keeps working after a restart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from msgspec import Struct

from bot.charts.data import ChartData, MoversChart, Picture
from bot.digits import ascii_int
from bot.domain import (
    INDICATORS,
    MAX_COMPARE,
    MAX_RANKING,
    REGIONS,
    SITUATIONS,
    SUBREGIONS,
    TOPICS,
    VDEM_BY_KEY,
    VDEM_MEASURES,
)
from bot.query import Analysis, Intent, Query, Witness

MAX_BYTES = 64
_CODE = re.compile(r"[A-Z][A-Z0-9_]{1,7}")


class Callback(Struct, frozen=True):
    kind: Literal["profile", "compare", "chart"]
    codes: tuple[str, ...]
    year: int | None
    topic: str | None

    def to_query(self, lang: str = "en") -> Query:
        if self.kind == "chart":
            intent = Intent.CHART
        else:
            intent = Intent.COMPARE if len(self.codes) > 1 else Intent.PROFILE
        return Query(
            text="",
            intent=intent,
            countries=self.codes,
            topic=self.topic,
            year=self.year,
            lang=lang,
        )


def _encode(prefix: str, codes: tuple[str, ...], year: int | None, topic: str | None) -> str:
    data = f"{prefix}:{','.join(codes)}:{year or ''}:{topic or ''}"
    if len(data.encode()) > MAX_BYTES:  # Telegram would refuse the whole keyboard
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


@lru_cache(maxsize=8192)  # every card carries a dozen, mostly the same from card to card
def profile(code: str, year: int | None, topic: str | None) -> str:
    return _encode("p", (code,), year, topic)


def compare(codes: tuple[str, ...], year: int | None, topic: str | None) -> str:
    return _encode("c", codes[:MAX_COMPARE], year, topic)


def chart(codes: tuple[str, ...], year: int | None) -> str:
    return _encode("g", codes[:MAX_COMPARE], year, None)


_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


def deep_link(payload: str) -> Callback | Asked | None:
    """A ``t.me/<bot>?start=PAYLOAD`` link: ``KAZ``, ``KAZ_safety``, ``KAZ_2024``,
    ``compare_KAZ_KGZ``, ``chart_KAZ``, or an analytical question's data with ``-`` for
    ``:`` (``m-fall-rank-2026-2025---10``).  Codes come back upper-cased as written (RSF's
    alpha-3, or alpha-2 for the caller to resolve); None for anything else."""
    if not _PAYLOAD.fullmatch(payload):
        return None
    if "-" in payload:
        return decode_asked(payload.replace("-", ":"))
    parts = payload.split("_")
    kind: Literal["profile", "compare", "chart"] = "profile"
    if parts[0].lower() in ("compare", "chart"):
        kind = "compare" if parts[0].lower() == "compare" else "chart"
        parts = parts[1:]
    codes: list[str] = []
    topic: str | None = None
    year: int | None = None
    for part in parts:
        if part.lower() in TOPICS:
            topic = part.lower()
        elif len(part) == 4 and (number := ascii_int(part)) is not None:
            year = number
        elif re.fullmatch(r"[A-Za-z]{2,3}", part):
            codes.append(part.upper())
        else:
            return None
    if not codes:
        return None
    if kind == "profile" and len(codes) > 1:
        kind = "compare"
    return Callback(kind, tuple(codes[:MAX_COMPARE]), year, topic)


_KINDS: dict[str, Literal["profile", "compare", "chart"]] = {
    "p": "profile",
    "c": "compare",
    "g": "chart",
}


def decode(data: str) -> Callback | Asked | None:
    """Parse callback data; None for anything we did not produce (old or forged buttons)."""
    asked = decode_asked(data)
    if asked is not None:
        return asked
    parts = data.split(":")
    if len(parts) != 4 or parts[0] not in _KINDS:
        return None
    kind = _KINDS[parts[0]]
    codes = tuple(c for c in parts[1].split(",") if c)
    if not codes or len(codes) > MAX_COMPARE or not all(_CODE.fullmatch(c) for c in codes):
        return None
    year = ascii_int(parts[2])
    if parts[2] and year is None:
        return None  # we write years in ASCII digits: anything else is forged
    topic = parts[3] if parts[3] in TOPICS else None
    return Callback(kind, codes, year, topic)


# -- the analytical questions -----------------------------------------------------------


class Asked(Struct, frozen=True):
    """An analytical question a button or link asks: aggregate, band, movers (or their
    chart), why, explain; or a V-Dem one (``witness``)."""

    intent: Intent
    analysis: Analysis
    codes: tuple[str, ...] = ()
    year: int | None = None
    since: int | None = None
    witness: Witness | None = None

    def to_query(self, lang: str = "en") -> Query:
        return Query(text="", intent=self.intent, countries=self.codes, year=self.year,
                     since=self.since, lang=lang, witness=self.witness,
                     analysis=None if self.witness is not None else self.analysis)


_BANDS = tuple(band for _, band in SITUATIONS)
# The words a button may carry for each field of Analysis, typed as Analysis types them.
_MEASURES: dict[str, Literal["mean", "median", "count", "place"]] = {
    "mean": "mean", "median": "median", "count": "count", "place": "place"}
_DIRECTIONS: dict[str, Literal["rise", "fall"] | None] = {"": None, "rise": "rise",
                                                          "fall": "fall"}
_MEASURED_BY: dict[str, Literal["rank", "score"]] = {"rank": "rank", "score": "score"}
_SUBJECTS = ("index", "method", "indicator", "bands", "comparability")
#: The most risers (and fallers) a button may ask for.
_MOST_MOVERS = 25


def _scope(region: str | None, subregion: str | None) -> str:
    return subregion if subregion in SUBREGIONS else region if region in REGIONS else ""


def _join(*fields: object) -> str:
    data = ":".join("" if f is None else str(f) for f in fields)
    if len(data.encode()) > MAX_BYTES:  # Telegram would refuse the whole keyboard
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def aggregate(measure: str, year: int | None, region: str | None = None,
              subregion: str | None = None, indicator: str | None = None,
              code: str | None = None) -> str:
    return _join("a", measure, year, _scope(region, subregion), indicator, code)


def band(name: str, year: int | None, region: str | None = None,
         subregion: str | None = None, page: int = 1) -> str:
    return _join("b", name, year, _scope(region, subregion), page)


def movers(direction: str | None, by: str, year: int | None, since: int | None,
           region: str | None = None, subregion: str | None = None,
           indicator: str | None = None, limit: int = 10, chart: bool = False) -> str:
    return _join("gm" if chart else "m", direction, by, year, since,
                 _scope(region, subregion), indicator, limit)


def why(code: str, year: int | None, direction: str | None = None) -> str:
    return _join("w", code, year, direction)


def explain(subject: str, indicator: str | None = None) -> str:
    return _join("e", subject, indicator)


_VIEWS: dict[str, Literal["history", "ranking", "compare", "agree", "scatter"]] = {
    "h": "history", "r": "ranking", "c": "compare", "a": "agree", "s": "scatter"}
_VIEW_KEYS: dict[str, str] = {view: key for key, view in _VIEWS.items()}
_ORDERS: dict[str, Literal["top", "bottom"]] = {"t": "top", "b": "bottom"}
#: V-Dem buttons carry codes of three characters run together ("KAZKGZ").
_CODE3 = re.compile(r"[A-Z][A-Z0-9]{2}")


@lru_cache(maxsize=1024)  # every card carries its country's V-Dem button
def vdem(view: str, measure: str | None, codes: tuple[str, ...] = (), year: int | None = None,
         since: int | None = None, order: str | None = None, limit: int | None = None,
         chart: bool = False) -> str:
    """A V-Dem question: ``view`` a key of Witness's views, ``measure`` a V-Dem variable
    (None: the headline measures), ``chart`` for its picture (views history and scatter)."""
    key = VDEM_MEASURES[measure][0] if measure in VDEM_MEASURES else ""
    shown = "".join(c for c in codes[:MAX_COMPARE] if _CODE3.fullmatch(c))
    ranked = f"{order[0]}{limit}" if order and limit else ""
    return _join("gv" if chart else "v", _VIEW_KEYS[view], key, shown, year, since, ranked)


def _decode_vdem(kind: str, fields: list[str]) -> Asked | None:
    view_key, measure_key, codes, year, since, ranked = fields
    view = _VIEWS.get(view_key)
    at, base = _year(year), _year(since)
    if (view is None or (measure_key and measure_key not in VDEM_BY_KEY) or at is False
            or base is False or len(codes) % 3 or len(codes) > 3 * MAX_COMPARE):
        return None
    found = tuple(codes[i : i + 3] for i in range(0, len(codes), 3))
    if not all(_CODE3.fullmatch(c) for c in found):
        return None
    if (kind == "gv" and view not in ("history", "scatter")) or (
            kind == "v" and view == "scatter"):
        return None  # pictures: a history chart or the scatter; text: the other views
    witness = Witness(measure=VDEM_BY_KEY.get(measure_key), view=view)
    if ranked:
        order, limit = _ORDERS.get(ranked[0]), ascii_int(ranked[1:])
        if order is None or not limit or limit > MAX_RANKING:
            return None
        witness = Witness(witness.measure, view, order, limit)
    intent = Intent.CHART if kind == "gv" and view == "history" else Intent.VDEM
    return Asked(intent, Analysis(), found, at or None, base or None, witness)


def picture_link(data: Picture) -> str:
    """The deep-link payload that draws a chart again (an inline card opening it)."""
    if isinstance(data, ChartData):
        return "chart_" + "_".join(c.code for c in data.countries)
    from bot.charts.vdem_data import ScatterChart  # loaded with V-Dem's first answer

    if isinstance(data, ScatterChart):
        s = data.key
        return as_deep_link(vdem("scatter", s.measure, s.labelled, s.vdem_year, chart=True))
    if not isinstance(data, MoversChart):
        v = data.key
        return as_deep_link(vdem("history", v.measure, v.codes, since=v.first, chart=True))
    k = data.key
    scope = _region_fields(k.scope) or (None, None)
    return as_deep_link(movers(k.direction, k.by, k.year, k.base, scope[0], scope[1],
                               k.indicator, k.limit, chart=True))


def as_deep_link(data: str) -> str:
    """The deep-link payload asking what analytical callback ``data`` asks."""
    return data.replace(":", "-")


def _year(text: str) -> int | bool | None:
    """A year field: None when empty, the year, or False when it is not one."""
    if not text:
        return None
    year = ascii_int(text)
    return year if year is not None and 1900 <= year <= 2999 else False


def _region_fields(key: str) -> tuple[str | None, str | None] | None:
    if not key:
        return None, None
    if key in SUBREGIONS:
        return SUBREGIONS[key][0], key
    if key in REGIONS:
        return key, None
    return None


def decode_asked(data: str) -> Asked | None:
    """An analytical button's data, or None (not one, or not one we made)."""
    kind, _, rest = data.partition(":")
    fields = rest.split(":")
    shapes = {"a": 5, "b": 4, "m": 7, "gm": 7, "w": 3, "e": 2, "v": 6, "gv": 6}
    if kind not in shapes or len(fields) != shapes[kind]:
        return None
    if kind in ("v", "gv"):
        return _decode_vdem(kind, fields)
    if kind == "a":
        measure, year, scope, indicator, code = fields
        place = _region_fields(scope)
        at = _year(year)
        if (measure not in _MEASURES or place is None or at is False
                or indicator not in ("", *INDICATORS) or (code and not _CODE.fullmatch(code))):
            return None
        return Asked(Intent.AGGREGATE,
                     Analysis(measure=_MEASURES[measure], indicator=indicator or None,
                              region=place[0], subregion=place[1]),
                     (code,) if code else (), at or None)
    if kind == "b":
        name, year, scope, page = fields
        place = _region_fields(scope)
        at, number = _year(year), ascii_int(page)
        if name not in _BANDS or place is None or at is False or not number:
            return None
        return Asked(Intent.BAND, Analysis(band=name, region=place[0], subregion=place[1],
                                           page=number), (), at or None)
    if kind in ("m", "gm"):
        direction, by, year, since, scope, indicator, limit = fields
        place = _region_fields(scope)
        at, base, most = _year(year), _year(since), ascii_int(limit)
        if (direction not in _DIRECTIONS or by not in _MEASURED_BY
                or place is None or at is False or base is False
                or indicator not in ("", *INDICATORS) or not most or most > _MOST_MOVERS):
            return None
        analysis = Analysis(direction=_DIRECTIONS[direction], by=_MEASURED_BY[by],
                            indicator=indicator or None, region=place[0],
                            subregion=place[1], limit=most)
        return Asked(Intent.CHART if kind == "gm" else Intent.MOVERS, analysis, (), at or None,
                     base or None)
    if kind == "w":
        code, year, direction = fields
        at = _year(year)
        if not _CODE.fullmatch(code) or at is False or direction not in _DIRECTIONS:
            return None
        return Asked(Intent.WHY, Analysis(direction=_DIRECTIONS[direction]), (code,), at or None)
    subject, indicator = fields
    if subject not in _SUBJECTS or indicator not in ("", *INDICATORS):
        return None
    return Asked(Intent.EXPLAIN, Analysis(subject=subject, indicator=indicator or None))


# --- the chat's language (/language) --------------------------------------------------------

#: ``l:fr`` chooses French for the chat, ``l:auto`` follows each question's language again.
LANGUAGE_PREFIX = "l:"
AUTO = "auto"


def language(lang: str | None) -> str:
    return f"{LANGUAGE_PREFIX}{lang or AUTO}"


def decode_language(data: str, langs: tuple[str, ...]) -> tuple[bool, str | None]:
    """``(True, lang)`` for a language button (``lang`` None: automatic), ``(False, None)``
    for data that is none."""
    if not data.startswith(LANGUAGE_PREFIX):
        return False, None
    chosen = data[len(LANGUAGE_PREFIX):]
    if chosen == AUTO:
        return True, None
    return (True, chosen) if chosen in langs else (False, None)
