"""Every reply kind in every interface language, through the real renderer: each message
present, valid Telegram HTML within Telegram's limits, and no English left where the
language's catalog has a translation.

The questions are read once, in English; each query is then answered in every language
(the language is the query's own field, as a chat's choice or the question's language
sets it), so the same figures are rendered fifteen times.
"""

from __future__ import annotations

import atexit
import os
import re
import tempfile
from functools import cache
from pathlib import Path

import pytest
from fakebotapi import parse_html
from msgspec.structs import replace

from bot import i18n
from bot.i18n import catalogs
from bot.i18n.english import MESSAGES, NAMES, REGIONS, Plural
from bot.pipeline import Pipeline, Reply

_FOLDER = Path(os.environ.get("PRESSBOT_CACHE") or tempfile.mkdtemp(prefix="pressbot-l-"))
PIPELINE = Pipeline.open(_FOLDER / "languages.db")
atexit.register(PIPELINE.close)

#: One question per kind of reply (and per kind of part a reply can have).
QUESTIONS = (
    "Kazakhstan",  # the card: rank, score, band, change, indicators, V-Dem's line
    "are journalists safe in Kazakhstan?",  # a topic, with the profile's section
    "Kazakhstan 2015",  # the old method's note
    "Kazakhstan 2003",  # the first method
    "Norway 2030",  # a year with no index
    "compare Norway and Finland",
    "compare Kazakhstan, Kyrgyzstan, Uzbekistan, Tajikistan and Turkmenistan 2023",
    "top 10",
    "worst in Asia",
    "worst for safety 2024",
    "which profiles mention elections",
    "average score in Europe",
    "median safety score in Africa 2024",
    "how many countries are in each situation",
    "Kazakhstan in Central Asia",
    "countries in a good situation",
    "very serious situation 2023",
    "biggest fallers this year",
    "who rose most since 2022 by score",
    "Kazakhstan's political indicator since 2022",
    "why did Kazakhstan fall?",
    "how is the index calculated?",
    "what does the economic indicator measure?",
    "what do the situations mean",
    "can I compare old and new scores",
    "what is the press freedom index",
    "censorship in Kazakhstan since 1990",
    "harassment of journalists in Mexico",
    "women journalists in Kazakhstan",
    "most internet censorship 2023",
    "compare Kazakhstan and Kyrgyzstan on harassment of journalists",
    "do RSF and V-Dem agree on Kazakhstan?",
    "Kazahstan",  # did you mean …
    "what can you do",
    "hello",
    "asdfgh qwerty",
)

LANGS = [lang for lang in i18n.LANGS if lang != "en"]


@cache
def _queries() -> list[Reply]:
    return [PIPELINE.ask(question) for question in QUESTIONS]


def _replies(lang: str) -> list[tuple[str, list[str]]]:
    """(what was asked, the texts shown: messages and button labels) in ``lang``."""
    shown = []
    for english in _queries():
        reply = PIPELINE.answer_query(replace(english.query, lang=lang))
        labels = [button.text for row in reply.rendered.buttons for button in row]
        shown.append((english.query.text, [*reply.messages, *labels]))
        assert reply.messages, f"{english.query.text}: no message"
    shown.append(("/help", PIPELINE.help(lang).messages))
    shown.append(("/help in a group", PIPELINE.help(lang, group_bot="pressbot").messages))
    shown.append(("/topics", [PIPELINE.topics(lang)]))
    shown.append(("/about", [PIPELINE.about(lang)]))
    chart = PIPELINE.chart("Kazakhstan Kyrgyzstan", lang=lang)
    shown.append(("/chart", chart.messages))
    return shown


@cache
def _fragments() -> dict[str, tuple[str, ...]]:
    """Each English message's fixed text: the pieces between its fields and tags that a
    reader would see, long enough (two words or more) to be unmistakably English."""
    pieces: dict[str, tuple[str, ...]] = {}
    tables = (("", MESSAGES), ("name", NAMES), ("region", REGIONS))
    for table, messages in tables:
        for key, text in messages.items():
            texts = text if isinstance(text, Plural) else (text,)
            found = {
                piece.strip(" .,:;()·—–-\n•")
                for one in texts
                for piece in re.split(r"\{[^{}]*\}|<[^>]+>|\n", one)
            }
            pieces[f"{table}:{key}" if table else key] = tuple(
                p for p in found if len(p) >= 12 and " " in p and re.search("[a-z]{3}", p))
    return pieces


def _left_in_english(lang: str, texts: list[str]) -> list[str]:
    """English pieces in ``texts`` whose message ``lang``'s catalog translates otherwise."""
    catalog = catalogs.catalog(lang)
    assert catalog is not None
    visible = "\n".join(parse_html(text)[0] for text in texts)
    left = []
    for context, pieces in _fragments().items():
        translated = catalog.messages.get(context)
        if translated is None:
            continue  # not translated yet: the catalog test says so
        own = "\n".join(translated) if isinstance(translated, tuple) else translated
        left += [p for p in pieces if p in visible and p not in own]
    return left


@pytest.mark.parametrize("lang", LANGS)
def test_every_reply_kind_renders_in_every_language(lang: str) -> None:
    problems = []
    for asked, texts in _replies(lang):
        for text in texts:
            if not text.strip():
                problems.append(f"{asked}: an empty message or label")
                continue
            try:
                visible, _ = parse_html(text)
            except Exception as exc:  # the fake Bot API refuses what Telegram refuses
                problems.append(f"{asked}: invalid HTML: {exc}")
                continue
            if len(visible) > 4096:
                problems.append(f"{asked}: {len(visible)} characters")
        if lang != "en":
            problems += [f"{asked}: English left: {piece!r}"
                         for piece in _left_in_english(lang, texts)]
    assert not problems, "\n".join(problems)


def test_the_english_check_finds_english() -> None:
    """The check above can fail: a Russian reply with an English message in it is caught."""
    english = i18n.t("en", "agg_no_indicators")
    assert _left_in_english("ru", [i18n.t("ru", "agg_no_indicators") + "\n" + english])
    assert not _left_in_english("ru", [i18n.t("ru", "agg_no_indicators")])
