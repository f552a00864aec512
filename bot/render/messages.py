"""Short replies: help (the part asked about), "did you mean", "which country?", usage of
a command, greetings and thanks answered in kind, a country named in passing offered as a
button, and "I didn't understand" with suggestions for anything else."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import MessageAnswer, MessageKind
from bot.i18n import country_name, flag, t
from bot.query import Intent, Query
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
        key = _HELP.get(query.help_topic or "")
        if key is None:  # the whole help: one country, beyond one country, and V-Dem
            text = (t(lang, "help", latest=answer.latest or "") + t(lang, "help_more")
                    + t(lang, "help_vdem"))
        else:
            text = t(lang, key, latest=answer.latest or "")
        if answer.candidates and query.help_topic == "subscriptions":
            # "subscribe me to Kazakhstan": the command that does it first, to copy or type.
            names = ", ".join(country_name(c.code, c.name_en, lang) for c in answer.candidates)
            text = f"<code>/subscribe {html.escape(names, quote=False)}</code>\n\n{text}"
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
        buttons = [[Button(button_label(c, lang), _clarified(query, c.code))]
                   for c in answer.candidates]
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
    elif answer.kind == MessageKind.NO_VDEM:
        text = t(lang, "vdem_no_data")
    elif answer.kind == MessageKind.NOT_RATED:
        names = ", ".join(country_name(c.code, c.name_en, lang) for c in answer.candidates)
        text = html.escape(t(lang, "vdem_not_rated", names=names), quote=False)
    else:
        text = t(lang, "none")
    return Rendered([text], [], strip_tags(text))


def _clarified(query: Query, code: str) -> str:
    """What a "did you mean" button asks: the question again, about that country."""
    witness = query.witness
    if witness is not None and (query.intent == Intent.VDEM or query.intent == Intent.CHART):
        view = witness.view if witness.view in ("history", "agree") else "history"
        return button_data.vdem(view, witness.measure, (code,), query.year, query.since,
                                chart=query.intent == Intent.CHART)
    if query.intent == Intent.CHART:
        return button_data.chart((code,), query.year)
    return button_data.profile(code, query.year, query.topic)


def example_buttons(lang: str) -> list[list[Button]]:
    """Examples to tap under the help text, so a first question is one touch away."""

    def named(code: str, english: str) -> str:
        return f"{flag(code)} {country_name(code, english, lang)}"

    return [[
        Button(named("KAZ", "Kazakhstan"), button_data.profile("KAZ", None, None)),
        Button(f"{named('NOR', 'Norway')} · {named('FIN', 'Finland')}",
               button_data.compare(("NOR", "FIN"), None, None)),
    ], [
        Button(t(lang, "example_fallers"), button_data.movers("fall", "rank", None, None)),
        Button(t(lang, "example_good"), button_data.band("good", None)),
    ], [
        Button(t(lang, "example_method"), button_data.explain("method")),
        Button(t(lang, "example_vdem"), button_data.vdem("history", None, ("KAZ",), since=1990)),
    ]]
