"""Short replies: help (the part asked about), "did you mean", "which country?", usage of
a command, greetings and thanks answered in kind, a country named in passing offered as a
button, and "I didn't understand" with suggestions for anything else."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import MessageAnswer, MessageKind
from bot.i18n import country_name, flag, t
from bot.query import Intent
from bot.render.fixed import not_understood
from bot.render.html import MAX_ECHO, button_label, label, strip_tags
from bot.render.output import Button, Rendered

#: The interface string that explains each command's arguments.
_USAGE = {"compare": "usage_compare", "chart": "chart_usage"}


#: The interface string that answers each part of the help (bot.query.Query.help_topic).
_HELP = {"languages": "help_languages", "charts": "help_charts", "groups": "help_groups",
         "inline": "help_inline", "subscriptions": "help_subscriptions",
         "examples": "help_examples"}  # fmt: skip


def render_message(answer: MessageAnswer, lang: str) -> Rendered:
    query = answer.query
    if answer.kind == MessageKind.HELP:
        key = _HELP.get(query.help_topic or "", "help")
        text = t(lang, key, latest=answer.latest or "")
        return Rendered([text], example_buttons(lang), strip_tags(text))
    if answer.kind == MessageKind.EVERYDAY:
        # "chile con carne": what the bot does, and the country as a button to tap.
        names = ", ".join(label(c, lang) for c in answer.candidates)
        text = t(lang, "everyday", countries=names)
        buttons = [[Button(button_label(c, lang), button_data.profile(c.code, None, None))]
                   for c in answer.candidates]
        return Rendered([text], buttons, strip_tags(text))
    if answer.kind == MessageKind.SMALL_TALK:
        text = t(lang, "thanks" if query.small_talk == "thanks" else "greeting")
        return Rendered([text], example_buttons(lang), strip_tags(text))
    if answer.kind == MessageKind.NONE:
        # "I didn't understand", and what can be asked, two of them one tap away.
        text = t(lang, "not_understood")
        return Rendered([text], example_buttons(lang), strip_tags(text))
    if answer.kind == MessageKind.CLARIFY:
        word = (query.unknown or query.text)[:MAX_ECHO]
        names = ", ".join(label(c, lang) for c in answer.candidates)
        text = t(lang, "clarify", word=html.escape(word), names=names)
        chart = query.intent == Intent.CHART
        buttons = [
            [
                Button(
                    button_label(c, lang),
                    button_data.chart((c.code,), query.year) if chart
                    else button_data.profile(c.code, query.year, query.topic),
                )
            ]
            for c in answer.candidates
        ]
        return Rendered([text], buttons, strip_tags(text))
    if answer.kind == MessageKind.UNPLACED:
        text = not_understood([(w, list(near)) for w, near in answer.unplaced], lang)
        return Rendered([text], [], strip_tags(text))
    if answer.kind == MessageKind.NO_CHART:
        values = dict(answer.values)
        if answer.candidates:
            country = answer.candidates[0]
            values["country"] = html.escape(country_name(country.code, country.name_en, lang))
        reason = t(lang, answer.reason or "chart_no_data", **values)
        text = html.escape(t(lang, "chart_cannot", reason=reason), quote=False)
    elif answer.kind == MessageKind.USAGE:
        command = "chart" if query.intent == Intent.CHART else query.command or ""
        text = t(lang, _USAGE.get(command, "usage_country"))
    elif answer.kind == MessageKind.NEED_COUNTRY:
        text = t(lang, "need_country", example=t(lang, "example_country"))
    elif answer.kind == MessageKind.NO_DATA:
        text = t(lang, "no_data")
    else:
        text = t(lang, "none")
    return Rendered([text], [], strip_tags(text))


def example_buttons(lang: str) -> list[list[Button]]:
    """Two examples to tap under the help text, so a first question is one touch away."""

    def named(code: str, english: str) -> str:
        return f"{flag(code)} {country_name(code, english, lang)}"

    return [[
        Button(named("KAZ", "Kazakhstan"), button_data.profile("KAZ", None, None)),
        Button(f"{named('NOR', 'Norway')} · {named('FIN', 'Finland')}",
               button_data.compare(("NOR", "FIN"), None, None)),
    ]]
