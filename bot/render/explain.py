"""What the index means, in the project's own words, each answer crediting and linking
RSF's methodology page; buttons lead to the other subjects."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import ExplainAnswer
from bot.answer.explain import SUBJECTS
from bot.domain import INDICATORS, RSF_METHOD_URL, SITUATIONS, index_label
from bot.i18n import name, t
from bot.render.groups import BAND_MARKS, band_bounds
from bot.render.html import pack
from bot.render.output import Button, Rendered


def render_explain(answer: ExplainAnswer, lang: str) -> Rendered:
    blocks = [_text(answer, lang)]
    blocks.append(t(lang, "explain_credit", url=html.escape(RSF_METHOD_URL),
                    credit=html.escape(t(lang, "credit"))))
    buttons = [
        Button(t(lang, f"explain_button_{subject}"), button_data.explain(subject))
        for subject in SUBJECTS
        if subject != answer.subject or answer.indicator is not None
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    if answer.subject == "indicator":
        rows.append([Button(name(lang, i), button_data.explain("indicator", i))
                     for i in INDICATORS if i != answer.indicator])
    title = t(lang, f"explain_button_{answer.subject}")
    return Rendered(pack(blocks), rows, title, t(lang, "index"), url=RSF_METHOD_URL)


def _text(answer: ExplainAnswer, lang: str) -> str:
    if answer.subject == "indicator":
        return t(lang, f"explain_{answer.indicator}" if answer.indicator else
                 "explain_indicators")
    if answer.subject == "bands":
        bands = "\n".join(
            f"{BAND_MARKS[band]} <b>{html.escape(name(lang, band))}</b> ({band_bounds(band)}): "
            + html.escape(t(lang, f"band_{band}_meaning"))
            for _, band in SITUATIONS
        )
        return t(lang, "explain_bands", bands=bands)
    years = {
        "first": index_label(answer.first) if answer.first else "",
        "latest": index_label(answer.latest) if answer.latest else "",
        "total": answer.latest_total or "",
        "first_total": answer.first_total or "",
    }
    return t(lang, f"explain_{answer.subject}", **years)
