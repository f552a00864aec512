"""A ranking: the countries in order, with the scope and the notes that keep it honest."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import RankingAnswer
from bot.domain import MAX_RANKING, RSF_INDEX_URL, SCALE_CURRENT, index_label
from bot.i18n import fmt_score, inline_name, name, region_name, t
from bot.render.html import button_label, credit, label, pack
from bot.render.output import Button, Rendered, Rows


def render_ranking(answer: RankingAnswer, lang: str) -> Rendered:
    spec = answer.ranking
    if spec.position is not None:
        title = t(lang, "position", n=spec.position)
    else:
        title = t(lang, spec.order, n=len(answer.rows))
    scope = []
    if spec.indicator:
        scope.append(t(lang, "by_indicator", indicator=inline_name(lang, spec.indicator)))
    subregion = t(lang, spec.subregion) if spec.subregion else None
    if subregion:
        scope.append(t(lang, "in_subregion", subregion=subregion))
    elif spec.region:
        scope.append(t(lang, "in_region", region=region_name(lang, spec.region)))
    heading = f"<b>{html.escape(title)}</b> · {t(lang, 'index')} {index_label(answer.year)}"
    if scope:
        heading += "\n" + html.escape(", ".join(scope))
    blocks = [heading]
    if not answer.rows:
        blocks.append(t(lang, "nobody_at", n=spec.position or 0, year=answer.year))
    else:
        lines = []
        for country, result in answer.rows:
            if spec.indicator and spec.indicator in result.indicators:
                score, rank = result.indicators[spec.indicator]
            else:
                score, rank = result.score, result.rank
            lines.append(
                f"{rank:>3}. {label(country, lang)} — <b>{fmt_score(score, lang=lang)}</b>")
        blocks.append("\n".join(lines))
    if answer.no_indicators:
        blocks.append(f"<i>{t(lang, 'no_indicators')}</i>")
    if answer.capped:
        blocks.append(f"<i>{t(lang, 'capped', n=MAX_RANKING)}</i>")
    tied = len(answer.rows) - min(spec.limit, MAX_RANKING)
    if spec.position is None and tied > 0:
        blocks.append(f"<i>{t(lang, 'tied', n=tied)}</i>")
    if subregion and spec.region:
        note = t(lang, "subregion_note", subregion=subregion, region=region_name(lang, spec.region))
        blocks.append(f"<i>{html.escape(note)}</i>")
    elif spec.region:
        blocks.append(
            "<i>" + t(lang, "region_note", region=region_name(lang, spec.region)) + "</i>"
        )
    first = answer.rows[0][1] if answer.rows else None
    if first is not None and first.scale != SCALE_CURRENT:
        blocks.append("<i>" + html.escape(name(lang, first.scale)) + "</i>")
    blocks.append(credit(RSF_INDEX_URL, lang))
    return Rendered(pack(blocks), lambda: _ranking_buttons(answer, lang), title,
                    f"{t(lang, 'index')} {answer.year}")


def _ranking_buttons(answer: RankingAnswer, lang: str) -> Rows:
    """The cards of the first six, two a row."""
    return [
        [
            Button(button_label(c, lang), button_data.profile(c.code, answer.year, None))
            for c, _ in answer.rows[i : i + 2]
        ]
        for i in range(0, min(len(answer.rows), 6), 2)
    ]
