"""Which profiles mention some words: the matching passages, words in bold."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import SearchAnswer
from bot.domain import RSF_INDEX_URL
from bot.i18n import name, t
from bot.render.html import MAX_ECHO, button_label, credit, label, pack
from bot.render.output import Button, Rendered
from bot.store import Country


def _snippet(text: str) -> str:
    escaped = html.escape(text)
    return escaped.replace("\x02", "<b>").replace("\x03", "</b>")


def render_search(answer: SearchAnswer, lang: str) -> Rendered:
    shown_terms = answer.terms if len(answer.terms) <= MAX_ECHO else answer.terms[:MAX_ECHO] + "…"
    terms = html.escape(shown_terms)
    if not answer.hits:
        blocks = [t(lang, "search_none", terms=terms)]
    else:
        blocks = [f"<b>{t(lang, 'search_title', terms=terms)}</b>"]
        for hit in answer.hits:
            blocks.append(
                f"{label(hit.country, lang)} · {name(lang, hit.section)} ({hit.year})\n"
                f"<i>{_snippet(hit.snippet)}</i>"
            )
    # Only some countries have their full RSF profile here: say how many were searched.
    blocks.append(f"<i>{t(lang, 'search_scope', n=answer.profiles)}</i>")
    blocks.append(credit(RSF_INDEX_URL, lang))
    seen: dict[str, Country] = {h.country.code: h.country for h in answer.hits}
    buttons = [
        [Button(button_label(c, lang), button_data.profile(c.code, None, None))]
        for c in list(seen.values())[:6]
    ]
    return Rendered(pack(blocks), buttons, t(lang, "search_title", terms=shown_terms))
