"""How every V-Dem figure is written: its value on V-Dem's own scale, the variable in words,
which way is freer, its year and its place, and V-Dem's credit.  One place, so no reply
shows a V-Dem figure without them."""

from __future__ import annotations

import html
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.answer import Standing, VdemContext
from bot.domain import VDEM_CREDIT, VDEM_URL, vdem_scale
from bot.i18n import country_name, fmt_place, fmt_vdem, name, t
from bot.store import Country

if TYPE_CHECKING:  # V-Dem's answers load with the first V-Dem question
    from bot.answer.vdem_kinds import VdemNote


def value(standing: Standing, lang: str) -> str:
    """The figure alone ("−0.712", "50.2%"), or "no value"."""
    if standing.value is None:
        return t(lang, "vdem_no_value")
    return fmt_vdem(standing.value, vdem_scale(standing.measure), lang)


def figure(standing: Standing, lang: str) -> str:
    """The figure and its place: "−0.712 (150th of 179)"; "no value" when V-Dem has none."""
    if standing.value is None or standing.place is None:
        return t(lang, "vdem_no_value")
    return f"{value(standing, lang)} ({fmt_place(standing.place, standing.of, lang)})"


def measure(key: str, lang: str) -> str:
    """The variable in words, for inside a sentence ("harassment of journalists")."""
    return name(lang, key)


def short(key: str, lang: str) -> str:
    """The variable in a word or two, for table heads and legends."""
    return name(lang, f"{key}_short")


def direction(key: str, lang: str) -> str:
    """Which way is freer: "higher = less censorship"."""
    return name(lang, f"{key}_dir")


def scale(key: str, lang: str) -> str:
    """What the numbers are: V-Dem's expert-estimate scale, an index 0–1, a share."""
    kind = vdem_scale(key)
    return t(lang, {"latent": "vdem_latent", "index": "vdem_index"}.get(kind, "vdem_share"))


def credit(lang: str) -> str:
    """V-Dem's credit line, linked (every reply showing a V-Dem figure ends with it)."""
    return f'{t(lang, "source")}: <a href="{html.escape(VDEM_URL)}">{html.escape(VDEM_CREDIT)}</a>'


def note(found: VdemNote | None, lang: str) -> str | None:
    """Why the year shown is not the year asked (italic), or None."""
    if found is None:
        return None
    return "<i>" + html.escape(t(lang, "vdem_note", asked=found.asked, shown=found.shown,
                                 first=found.span[0], last=found.span[1])) + "</i>"


def not_rated(countries: tuple[Country, ...], lang: str) -> str | None:
    """"V-Dem does not rate Andorra, Liechtenstein." or None."""
    if not countries:
        return None
    names = ", ".join(country_name(c.code, c.name_en, lang) for c in countries)
    return html.escape(t(lang, "vdem_not_rated", names=names))


def card_line(context: VdemContext, country: Country, lang: str) -> str:
    """The country card's one line of V-Dem: V-Dem's latest year, each measure in words
    with its figure and place, credited and linked."""
    if not context.standings:
        shown = country_name(country.code, country.name_en, lang)
        return html.escape(t(lang, "vdem_card_not_rated", country=shown))
    return _rated_line(context, lang)


@lru_cache(maxsize=4096)  # a country's line is the same on every card of it in a language
def _rated_line(context: VdemContext, lang: str) -> str:
    figures = " · ".join(f"{html.escape(measure(s.measure, lang))} <b>{value(s, lang)}</b>"
                         + (f" ({fmt_place(s.place, s.of, lang)})" if s.place else "")
                         for s in context.standings)
    line = t(lang, "vdem_card", year=context.year, figures=figures, url=html.escape(VDEM_URL))
    if context.part_only:
        line += f" <i>{html.escape(t(lang, 'vdem_part_only'))}</i>"
    return line
