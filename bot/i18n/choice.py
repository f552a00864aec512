"""Which language a reply is written in: the project's one rule, for every interface
(Telegram messages, inline cards, buttons, ``pressbot chat`` and ``pressbot ask``).

In order, the first that names one of :data:`LANGS` wins:

1. a language the question asks for outright ("… in Russian please");
2. the language the question is written in (:attr:`bot.query.Query.said_in`: its words,
   suffixes and letters; Uzbek in either alphabet is ``uz``);
3. the chat's chosen language (``/language``; ``pressbot ask --lang``);
4. the Telegram user's ``language_code``, its base part ("pt-br" → pt, "zh-hans" → zh), or
   for a language the bot does not speak the one its readers most likely read
   (:data:`CLOSE`) — unless the question is written in a script that language is not
   (an English client's "Казахстан"): then
5. the language most readers of the question's script read (Cyrillic → ru, Arabic → ar,
   Han → zh), as also when there is no code at all (the terminal);
6. English.

A bare name, a code or a flag shows no language of its own (step 2 gives nothing), so the
chat's choice and then the client's language apply: "Kazakhstan" or "🇰🇿" from a French
client is answered in French, from a Russian one in Russian.  Latin letters say nothing
against a client's language (every keyboard has them: a Russian reader types
"Kazakhstan" too); a name typed in Cyrillic, Arabic or Han letters does: it takes a
keyboard of that script, so an English client's "Казахстан" is answered in Russian.
"""

from __future__ import annotations

import re
from typing import Final

from bot.names import WideClass

#: The interface languages: English, the source, and one catalog each (bot/locales).
LANGS: Final = ("en", "ru", "kk", "uk", "uz", "ky", "tg", "fr", "es", "de", "pt", "tr", "ar", "fa",
                "zh")
_SPOKEN = frozenset(LANGS)  # for membership, asked of every question

#: Telegram clients in a language the bot does not offer, read as the nearest one it does:
#: Belarusian and Armenian readers nearly all read Russian (the bot answered them in
#: Russian before it spoke fifteen languages); Azerbaijani is mutually intelligible with
#: Turkish to a large degree.  Anything else falls through to English.
CLOSE: Final = {"be": "ru", "hy": "ru", "az": "tr"}

#: The scripts other than Latin, the languages of the bot written in each (Uzbek in both
#: its alphabets), the first the one most of the script's readers read.
_SCRIPTS: Final = (
    (re.compile("[\u0400-\u04ff]"), ("ru", "uk", "kk", "ky", "uz", "tg")),
    (re.compile("[\u0600-\u06ff]"), ("ar", "fa")),
    (WideClass(r"[\u3400-\u9fff]", 0x3400), ("zh",)),
)


def _script_langs(text: str) -> tuple[str, ...] | None:
    """The languages of the non-Latin script most of ``text``'s letters are in, if any."""
    if text.isascii():
        return None  # no letter of these scripts: one test for most texts, not a search each
    best, most = None, 0
    for letters, langs in _SCRIPTS:
        count = len(letters.findall(text))
        if count > most:
            best, most = langs, count
    return best


def _offered(code: str | None) -> str | None:
    """``code``'s base part if the bot speaks it ("uz-Cyrl" → uz; "auto" → None)."""
    if code in _SPOKEN:
        return code  # a base code already, as every question's own language is
    base = code.replace("_", "-").split("-")[0].lower() if code else None
    return base if base in _SPOKEN else None


def base_lang(code: str | None) -> str | None:
    """An interface language for a language code ("pt-br", "zh_Hans", "uz-Cyrl", "be"), or
    None when it names none the bot speaks (nor one close to it)."""
    if not code:
        return None
    return _offered(code) or CLOSE.get(code.replace("_", "-").split("-")[0].lower())


def reply_lang(
    *,
    asked: str | None = None,
    said_in: str | None = None,
    chosen: str | None = None,
    user_code: str | None = None,
    text: str = "",
) -> str:
    """The language of a reply (see the module's docstring for the rule): ``asked`` a
    language the question requests, ``said_in`` the one it is written in, ``chosen`` the
    chat's choice (None or "auto": follow each question), ``user_code`` Telegram's
    ``language_code``, ``text`` the question (its script, when nothing else says)."""
    for candidate in (asked, said_in, chosen):
        lang = _offered(candidate)
        if lang is not None:
            return lang
    client = base_lang(user_code)
    script = _script_langs(text) if text else None
    if script is None:
        return client or "en"
    if client in script:
        return client
    return script[0]
