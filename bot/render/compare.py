"""Countries side by side: one table of ranks, scores and indicators."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import CompareAnswer
from bot.domain import RSF_INDEX_URL, SCALE_CURRENT, index_label
from bot.i18n import country_name, fmt_score, name, t
from bot.render.html import button_label, credit, label, pack
from bot.render.output import Button, Rendered, Rows


def render_compare(answer: CompareAnswer, lang: str) -> Rendered:
    blocks = [
        f"<b>{t(lang, 'compare_title', year=index_label(answer.year))}</b>\n"
        + "\n".join(f"<code>{html.escape(c.code)}</code> {label(c, lang)}" for c, _ in answer.rows)
    ]
    current = any(r is not None and r.indicators for _, r in answer.rows)
    header = ["", t(lang, "rank"), t(lang, "score_word")]
    if current:
        header += [name(lang, f"{i}_short") for i in answer.indicator_order]
    table = [header]
    for country, result in answer.rows:
        if result is None:
            table.append([country.code, "—", t(lang, "compare_missing", year=answer.year)])
            continue
        row = [country.code, str(result.rank), fmt_score(result.score, lang=lang)]
        if current:
            row += [
                fmt_score(result.indicators[i][0], lang=lang) if i in result.indicators else "—"
                for i in answer.indicator_order
            ]
        table.append(row)
    widths = [max(len(r[i]) for r in table if i < len(r)) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.rjust(widths[i]) if i else cell.ljust(widths[i]) for i, cell in enumerate(r)
        ).rstrip()
        for r in table
    ]
    blocks.append("<pre>" + html.escape("\n".join(lines)) + "</pre>")
    scales = {r.scale for _, r in answer.rows if r is not None}
    if answer.rows and any(r is not None and r.scale != SCALE_CURRENT for _, r in answer.rows):
        blocks.append("<i>" + html.escape(name(lang, next(iter(scales)))) + "</i>")
    if answer.left_out:
        names = ", ".join(label(c, lang) for c in answer.left_out)
        blocks.append(
            f"<i>{t(lang, 'left_out', n=len(answer.rows), k=len(answer.left_out), names=names)}</i>"
        )
    blocks.append(credit(RSF_INDEX_URL, lang))
    title = " · ".join(country_name(c.code, c.name_en, lang) for c, _ in answer.rows)
    return Rendered(pack(blocks), lambda: _compare_buttons(answer, lang), title,
                    t(lang, "compare_title", year=answer.year))


def _compare_buttons(answer: CompareAnswer, lang: str) -> Rows:
    """Each country's card, three a row, then the chart of the first five."""
    codes = tuple(c.code for c, _ in answer.rows)
    buttons = [
        [
            Button(
                button_label(c, lang), button_data.profile(c.code, answer.year, answer.query.topic)
            )
            for c, _ in answer.rows[i : i + 3]
        ]
        for i in range(0, len(answer.rows), 3)
    ]
    buttons.append([Button(t(lang, "chart"), button_data.chart(codes[:5], answer.year))])
    return buttons
