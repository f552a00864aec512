"""Answer → Telegram-HTML messages and buttons: the only producer of markup.

Every interface (terminal, private chat, group, inline card, button, alert) shows what
this package returns, so escaping and Telegram's limits are handled once:

* :mod:`.html` — escaping, the credit line, packing blocks into messages ≤ 4096 characters;
* :mod:`.output` — :class:`Rendered` and :class:`Button`, what every interface receives;
* one module per kind of answer: :mod:`.profile`, :mod:`.compare`, :mod:`.ranking`,
  :mod:`.search`, :mod:`.chart`, :mod:`.alert`, :mod:`.messages`, and the analytical ones
  (:mod:`.analysis` says which: :mod:`.aggregates`, :mod:`.bands`, :mod:`.movers`,
  :mod:`.why`, :mod:`.explain`) and V-Dem's (:mod:`.vdem`, :mod:`.agree`,
  :mod:`.vdem_chart`, all writing figures through :mod:`.vdem_words`);
* :mod:`.fixed` — texts that answer no question (/about, /topics, operator output);
* :mod:`.bidi` — Arabic and Persian replies: left-to-right runs isolated.

Buttons carry callback data from :mod:`bot.button_data`, always within 64 bytes.
"""

from __future__ import annotations

from msgspec.structs import replace

from bot.answer import (
    AlertAnswer,
    Answer,
    ChartAnswer,
    CompareAnswer,
    MessageAnswer,
    ProfileAnswer,
    RankingAnswer,
    SearchAnswer,
)
from bot.i18n import t, typed_names, typing_names
from bot.render.alert import render_alert
from bot.render.analysis import render_analytical
from bot.render.bidi import directional, is_rtl
from bot.render.chart import MAX_CAPTION, chart_caption, render_chart
from bot.render.compare import render_compare
from bot.render.html import (
    MAX_MESSAGE,
    echo,
    pack,
    split_text,
    to_plain_text,
    visible_length,
)
from bot.render.messages import render_message
from bot.render.output import Button, Rendered
from bot.render.profile import render_profile
from bot.render.ranking import render_ranking
from bot.render.search import render_search

__all__ = [
    "MAX_MESSAGE",
    "Button",
    "Rendered",
    "chart_caption",
    "directional",
    "pack",
    "render",
    "split_text",
    "to_plain_text",
    "visible_length",
]


def render(answer: Answer, lang: str = "en") -> Rendered:
    """The messages and buttons for an answer, in the interface language ``lang``; names
    a question wrote that name no country ("compare Norway and Atlantis") are noted above.
    A country the question named by another of its names ("Кыргызстан") keeps that name.
    A reply in a right-to-left language has its left-to-right runs isolated (:mod:`.bidi`)."""
    names = answer.query.typed_names
    if names or typing_names():
        with typed_names(names, lang):
            rendered = _noted(answer, lang)
    else:  # no names to set or to take away: the context manager's frames are not needed
        rendered = _noted(answer, lang)
    if not is_rtl(lang):
        return rendered
    first = MAX_CAPTION if rendered.chart is not None else MAX_MESSAGE
    return replace(rendered, messages=[
        directional(message, lang, first if index == 0 else MAX_MESSAGE)
        for index, message in enumerate(rendered.messages)])


def _noted(answer: Answer, lang: str) -> Rendered:
    rendered = _render(answer, lang)
    query = answer.query
    if not query.unplaced or query.command is not None or not rendered.messages:
        return rendered
    words = ", ".join(word for word, _ in query.unplaced)
    note = t(lang, "unplaced_note", words=echo(words))
    first = rendered.messages[0]
    limit = MAX_CAPTION if rendered.chart is not None else MAX_MESSAGE
    if visible_length(first) + len(note) + 2 <= limit:
        messages = [f"{note}\n\n{first}", *rendered.messages[1:]]
    else:
        messages = [note, *rendered.messages]
    return replace(rendered, messages=messages)


def _render(answer: Answer, lang: str) -> Rendered:
    if isinstance(answer, ProfileAnswer):
        return render_profile(answer, lang)
    if isinstance(answer, CompareAnswer):
        return render_compare(answer, lang)
    if isinstance(answer, RankingAnswer):
        return render_ranking(answer, lang)
    if isinstance(answer, SearchAnswer):
        return render_search(answer, lang)
    if isinstance(answer, ChartAnswer):
        return render_chart(answer, lang)
    if isinstance(answer, AlertAnswer):
        return render_alert(answer, lang)
    analysed = render_analytical(answer, lang)  # aggregates, bands, movers, why, explain
    if analysed is not None:
        return analysed
    if isinstance(answer, MessageAnswer):
        return render_message(answer, lang)
    # The rest are V-Dem's answers (and RSF beside V-Dem): loaded when first shown.
    from bot.render.vdem import render_second_source

    return render_second_source(answer, lang)
