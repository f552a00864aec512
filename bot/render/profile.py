"""A country's card: rank, score, band, change, the five indicators, a history, and the
profile section asked about; buttons for the other sections, earlier years, the
neighbours and a chart."""

from __future__ import annotations

import html
from functools import lru_cache

from bot import button_data
from bot.answer import ProfileAnswer, indicator_order
from bot.answer.changes import score_change
from bot.domain import (
    SCALE_CURRENT,
    TOPIC_INDICATOR,
    TOPIC_VDEM,
    TOPICS,
    country_url,
    index_label,
    index_year,
)
from bot.i18n import country_name, fmt_score, name, t
from bot.render.html import credit, label, pack, quote
from bot.render.output import Button, Rendered, Rows
from bot.render.vdem_words import card_line
from bot.store import Result


def change_line(result: Result, previous: Result, lang: str, consecutive: bool = True) -> str:
    """"Since 2025: rank ▼8 (141 → 149), score -4.93" (``consecutive``: ``previous`` is
    the index just before, whose change RSF publishes)."""
    return _change_line(result.rank, previous.rank, previous.year,
                        score_change(result, previous, consecutive), lang)


@lru_cache(maxsize=4096)  # a country's change is on its card in every topic and language
def _change_line(rank: int, previous_rank: int, previous_year: int, delta: float | None,
                 lang: str) -> str:
    """The line made of the figures alone, so it is kept by them, never by a result that
    another version of the data may change."""
    moved = previous_rank - rank
    if moved > 0:
        shown = t(lang, "rank_up", n=moved, prev=previous_rank, rank=rank)
    elif moved < 0:
        shown = t(lang, "rank_down", n=-moved, prev=previous_rank, rank=rank)
    else:
        shown = t(lang, "rank_same")
    line = f"{t(lang, 'since', year=previous_year)}: {t(lang, 'rank')} {shown}"
    if delta is not None:
        line += f", {t(lang, 'score_word')} {fmt_score(delta, signed=True, lang=lang)}"
    return line


@lru_cache(maxsize=1024)  # the same few sections and years, card after card
def excerpt_heading(section: str, excerpt_year: int, shown_year: int, lang: str) -> str:
    """The line above a profile excerpt; a profile of another year than the figures shown
    says so first, in bold (RSF's 2024 text is not about 2010)."""
    heading = f"<b>{name(lang, section)}</b> — <i>{t(lang, 'profile_of', year=excerpt_year)}</i>"
    if excerpt_year != shown_year:
        warning = t(lang, "profile_other_year", year=index_label(excerpt_year),
                    shown=index_label(shown_year))
        heading = f"{warning}\n{heading}"
    return heading


def _history(answer: ProfileAnswer, lang: str) -> str:
    """Rank and score per year; with a topic that has an indicator ("political since
    2022"), that indicator's score and rank beside them (indicators exist since 2022)."""
    indicator = TOPIC_INDICATOR.get(answer.topic or "")
    with_indicator = indicator is not None and any(
        indicator in r.indicators for r in answer.history)
    rows = []
    for r in answer.history:
        row = f"{index_label(r.year):<7}  {r.rank:>3}/{r.total}  {fmt_score(r.score, lang=lang):>6}"
        if with_indicator and indicator is not None:
            score, rank = r.indicators.get(indicator, (None, None))
            row += (f"  {fmt_score(score, lang=lang):>6}  {rank:>3}" if score is not None and rank
                    else f"  {'—':>6}  {'—':>3}")
        rows.append(f"{row}  {r.scale.replace('-', '–')}")
    head = f"<b>{t(lang, 'history')}</b>"
    if with_indicator and indicator is not None:
        head += " — " + html.escape(t(lang, "history_with_indicator",
                                      indicator=name(lang, indicator)))
    return f"{head}\n<pre>" + html.escape("\n".join(rows)) + "</pre>"


def _spans(years: tuple[int, ...]) -> str:
    """2003, 2004, …, 2010, 2012 → "2003–2012": runs of consecutive index years."""
    runs: list[list[int]] = []
    for year in years:
        # 2010 → 2012 is a run: 2011 is inside RSF's combined 2011–12 index.
        if runs and all(index_year(y, [year]) == year for y in range(runs[-1][-1] + 1, year)):
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _indicator_table(result: Result, order: tuple[str, ...], lang: str) -> str:
    lines = [
        f"{padded}  {fmt_score(result.indicators[i][0], lang=lang):>6}  "
        f"{result.indicators[i][1]:>3}"
        for i, padded in _indicator_labels(order, lang)
        if i in result.indicators
    ]
    return "<pre>" + html.escape("\n".join(lines)) + "</pre>"


@lru_cache(maxsize=64)  # one per language
def _indicators_head(lang: str) -> str:
    """The line above the indicator table."""
    return f"<b>{t(lang, 'indicators')}</b> ({t(lang, 'indicator_head')})\n"


@lru_cache(maxsize=4096)  # by the name shown, so a name the reader wrote has its own line
def _no_profile(title: str, url: str, lang: str) -> str:
    """The line of a card whose country RSF wrote no profile of, linking its page."""
    return t(lang, "no_profile", country=html.escape(title), url=html.escape(url))


@lru_cache(maxsize=256)  # a language's few orders of the five indicators
def _indicator_labels(order: tuple[str, ...], lang: str) -> tuple[tuple[str, str], ...]:
    """Each indicator of ``order`` and its name, padded to the longest name's width."""
    width = max(len(name(lang, i)) for i in order)
    return tuple((i, f"{name(lang, i):<{width}}") for i in order)


def render_profile(answer: ProfileAnswer, lang: str) -> Rendered:
    country, result = answer.country, answer.result
    url = country_url(country.name_en)
    title = country_name(country.code, country.name_en, lang)
    blocks: list[str] = []
    head = f"{label(country, lang)} · <b>{t(lang, 'index')} {index_label(answer.year)}</b>"
    if answer.year_note:
        head += (
            "\n<i>"
            + t(lang, "year_note", asked=answer.year_note.asked, shown=answer.year_note.shown)
            + "</i>"
        )
    if result is None:
        shown = html.escape(title)
        lines = [head, t(lang, "not_ranked", country=shown, year=answer.year)]
        if answer.parts:
            lines.append(t(lang, "ranked_in_parts", year=answer.year))
            lines += [
                f"• {html.escape(country_name(part.code, part.name_en, lang))}: "
                + t(lang, "rank_of", rank=r.rank, total=r.total)
                + f", {t(lang, 'score_word')} <b>{fmt_score(r.score, lang=lang)}</b>"
                for part, r in answer.parts
            ]
            lines.append(f"<i>{html.escape(name(lang, answer.parts[0][1].scale))}</i>")
        blocks.append("\n".join(lines))
    else:
        facts = [
            t(lang, "rank_of", rank=result.rank, total=result.total),
            t(lang, "score", score=fmt_score(result.score, lang=lang)),
        ]
        if result.situation:
            facts.append(name(lang, result.situation))
        lines = [head, " · ".join(facts)]
        if result.scale != SCALE_CURRENT:
            lines.append(f"<i>{html.escape(name(lang, result.scale))}</i>")
        if answer.latest_index and country.last_year and country.last_year < answer.latest_index:
            lines.append(t(lang, "last_ranked", latest=answer.latest_index, year=country.last_year))
        if country.code == "CSS":
            lines.append(f"<i>{t(lang, 'oecs')}</i>")
        if answer.previous:
            lines.append(change_line(result, answer.previous, lang))
        blocks.append("\n".join(lines))
        if result.indicators:
            order = indicator_order(answer.topic)
            blocks.append(_indicators_head(lang) + _indicator_table(result, order, lang))
    if answer.vdem is not None:  # the second source's context, its year named
        blocks.append(card_line(answer.vdem, country, lang))
    if answer.history:
        blocks.append(_history(answer, lang))
    if answer.split_years:
        names = ", ".join(html.escape(country_name(c.code, c.name_en, lang))
                          for c in answer.split_into)
        blocks.append("<i>" + t(lang, "split_years", years=_spans(answer.split_years),
                                country=html.escape(title),
                                parts=names) + "</i>")
    if len(answer.eras) > 1:
        eras = ", ".join(era.replace("-", "–") for era in answer.eras)
        blocks.append(t(lang, "era_warning", eras=eras))
    section = answer.section or "summary"
    if answer.excerpt and answer.excerpt_year is not None:
        blocks.append(excerpt_heading(section, answer.excerpt_year, answer.year, lang))
        blocks.extend(quote(answer.excerpt))
    elif answer.excerpt_year is not None:
        blocks.append(t(lang, "no_section", section=name(lang, section)))
    else:
        blocks.append(_no_profile(title, url, lang))
    blocks.append(credit(url, lang))
    description = (
        f"{answer.year}: {result.rank}/{result.total}, {fmt_score(result.score, lang=lang)}"
        if result
        else t(lang, "not_ranked", country=title, year=answer.year)
    )
    return Rendered(pack(blocks), lambda: _profile_buttons(answer, lang), title, description,
                    url=url)


#: The card's section buttons, the summary first.
_SECTIONS = ("summary", *TOPICS)


def _profile_buttons(answer: ProfileAnswer, lang: str) -> Rows:
    """The card's buttons: its sections, up to four earlier years, then the neighbours, a
    chart and (where V-Dem rates the country) V-Dem's history.  Each row is made once and
    shared by every card showing it: the buttons are immutable."""
    code, year, topic = answer.country.code, answer.year, answer.topic
    sections = _section_buttons(code, year, topic or "summary", lang)
    rows = [list(sections[:4]), list(sections[4:])]
    earlier = tuple(y for y in answer.years_available[-5:] if y != year)[-4:]
    if earlier:
        rows.append(list(_year_buttons(code, earlier, topic)))
    vdem = answer.vdem is not None and bool(answer.vdem.standings)
    rows.append(list(_last_buttons(code, year, topic, answer.neighbours, vdem, lang)))
    return rows


@lru_cache(maxsize=4096)
def _section_buttons(code: str, year: int, current: str, lang: str) -> tuple[Button, ...]:
    return tuple(Button(text, data) for text, data in zip(
        _section_labels(current, lang), _section_data(code, year), strict=True))


@lru_cache(maxsize=4096)  # the same in every language
def _year_buttons(code: str, years: tuple[int, ...], topic: str | None) -> tuple[Button, ...]:
    return tuple(Button(str(y), button_data.profile(code, y, topic)) for y in years)


@lru_cache(maxsize=4096)
def _last_buttons(code: str, year: int, topic: str | None, neighbours: tuple[str, ...],
                  vdem: bool, lang: str) -> tuple[Button, ...]:
    last: list[Button] = []
    if neighbours:
        last.append(Button(t(lang, "neighbours"),
                           button_data.compare((code, *neighbours), year, topic)))
    last.append(Button(t(lang, "chart"), button_data.chart((code,), year)))
    if vdem:
        topical = TOPIC_VDEM.get(topic or "", (None,))[0]
        last.append(Button(t(lang, "vdem_button"),
                           button_data.vdem("history", topical, (code,))))
    return tuple(last)


@lru_cache(maxsize=256)  # fifteen languages, ten sections
def _section_labels(current: str, lang: str) -> tuple[str, ...]:
    """The section buttons' labels in ``lang``, the section shown marked."""
    return tuple(("• " if s == current else "") + name(lang, s) for s in _SECTIONS)


@lru_cache(maxsize=8192)  # the same for every card of a country's year, whatever its topic
def _section_data(code: str, year: int) -> tuple[str, ...]:
    """The section buttons' callback data for a country's card of ``year``."""
    return tuple(button_data.profile(code, year, None if s == "summary" else s)
                 for s in _SECTIONS)
