"""What a word says about a question: the typed features of the lexicons.

Every list of a lexicon file (``lexicons/<lang>.toml``) is one section, and
:data:`SECTIONS` says which features a word of that section carries: "safest" is in
``topic.safety`` and ``rank.best``, so it says (TOPIC, "safety"), TOP and RANK.  The walk
over a question collects these as :class:`Sense` values and :mod:`bot.understand.decide`
reads them; nothing slices strings.

The built index stores a sense as a pair of plain values (the feature's number and its
value), so that it can be cached on disk as plain data; :class:`Feature` is an
``IntEnum``, so those numbers are the members themselves wherever the code compares them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import NamedTuple

from bot.domain import INDICATORS, REGIONS, SUBREGIONS, TOPIC_VDEM, TOPICS, VDEM_MEASURES

#: What "what can you do" may ask about the bot: the part of the help answered.
HELP_TOPICS = ("general", "languages", "charts", "groups", "inline", "subscriptions",
               "examples")  # fmt: skip
#: What an "explain" question asks about (issue #11, bot.query.Analysis.subject).
EXPLAIN_SUBJECTS = ("index", "method", "indicator", "bands", "comparability")
#: RSF's situation bands, best first (bot.domain.SITUATIONS).
BANDS = ("good", "satisfactory", "problematic", "difficult", "very_serious")


class Feature(IntEnum):
    """One thing a word can say.  Features with a value carry it in :class:`Sense`."""

    STOP = 1  # a function or question word: says nothing, names nothing
    CONTEXT = 2  # press, media, journalists, the index: the question is about press freedom
    TOPIC = 3  # value: a key of bot.domain.TOPICS
    NEG = 4  # a bad thing ("dangerous", "jailed"): with "most", the bottom of a ranking
    POS = 5  # a good thing ("free", "safe")
    TOP = 6  # "best", "freest": the top of a ranking
    BOTTOM = 7  # "worst", "least free"
    RANK = 8  # a ranking is asked for ("ranking", "list of countries")
    COUNT = 9  # a word before a ranking's size ("top 10")
    MOST = 10  # "most", "самые": takes its order from an adjective nearby
    LEAST = 11
    ONE = 12  # one country is wanted ("which country")
    MANY = 13  # several ("which countries")
    PLACE = 14  # "place", "position", "number": makes a number next to it a rank
    POSITION = 15  # value: a rank said in words ("first place" → 1)
    LAST_PLACE = 16  # "last place": the bottom one
    NUMBER = 17  # value: a number in words ("five" → 5)
    YEAR_LAST = 18  # "last year"
    YEAR_THIS = 19  # "this year"
    YEAR_BEFORE_LAST = 20
    YEAR_SINCE = 21  # "since", "from": a year after it starts a span
    YEAR_UNTIL = 22  # "until", "to": a year after it ends one
    YEAR_HISTORY = 23  # "history", "trend": every year
    YEAR_AGO = 24  # "ago"
    YEAR_PAST = 25  # "the last 5 years"
    YEAR_UNIT = 26  # "years", "лет", "yil": a number before it counts years
    HELP = 27  # a question about the bot itself
    HELP_TOPIC = 28  # value: one of HELP_TOPICS
    SEARCH = 29  # "mention", "search": a search of the profiles
    COMPARE = 30  # "compare", "vs", "or"
    CHART = 31  # "chart", "graph"
    GREETING = 32  # "hello", "good morning"
    THANKS = 33  # "thanks"
    ANSWER_LANG = 34  # value: "en" or "ru", "in Russian please"
    REGION = 35  # value: a key of REGIONS or SUBREGIONS, a region's name
    MEAN = 36  # "average"
    MEDIAN = 37
    HOW_MANY = 38  # "how many": a count
    BAND = 39  # value: one of BANDS, a situation's name
    SITUATION = 40  # "situation", "category": makes a band word a band
    RISE = 41  # "rose", "improved", "risers"
    FALL = 42  # "fell", "dropped", "fallers"
    CHANGE = 43  # "biggest change", "moved": movers either way
    WHY = 44  # "why", "reason"
    EXPLAIN = 45  # value: one of EXPLAIN_SUBJECTS
    DEFINE = 46  # "what is", "what does … mean", "how is … calculated"
    INDICATOR = 47  # "indicator", "category": a topic word names an indicator
    SCORE = 48  # "score", "points"
    BOT = 49  # "you", "bot": the question is about the bot
    RELATIVE = 50  # "there", "that country": a follow-up's country
    EVERYDAY = 51  # a word of daily life ("recipe", "cheese", "weather"): no press question
    # The second source, V-Dem (issue #14).
    VDEM = 52  # "V-Dem", "Varieties of Democracy" named: the question is V-Dem's
    RSF = 53  # "RSF", "Reporters Without Borders" named (beside V-Dem: the two side by side)
    # value: a V-Dem variable, named by a phrase only V-Dem's measure is called
    # ("harassment of journalists", "internet censorship", "women journalists"): such a
    # phrase makes a V-Dem question by itself
    MEASURE = 54
    # value: a V-Dem variable, named by a plain word that is also RSF's topic
    # ("censorship", "self-censorship"): it names the measure only in a question that is
    # V-Dem's for another reason (V-Dem named, a year before RSF's index, a chart of it)
    MEASURE_HINT = 55
    AGREE = 56  # "agree", "differ": RSF and V-Dem side by side
    SCATTER = 57  # "scatter plot": RSF against V-Dem, every country, one year
    # value: a band, whose phrase of two words is this word and a word of situation: a
    # band where the two stand apart ("countries whose situation is good")
    BAND_PART = 58


class Sense(NamedTuple):
    """A feature a word carries, with its value when the feature has one."""

    feature: Feature
    value: str | int | None = None


#: The RSF topic each V-Dem measure is about: the answer side's TOPIC_VDEM, and women
#: journalists (RSF's social indicator covers gender) and media bias (political context).
MEASURE_TOPIC: dict[str, str] = {
    **{measure: topic for topic, measures in TOPIC_VDEM.items() for measure in measures},
    "v2mefemjrn": "social",
    "v2mebias": "political",
}


def _sections() -> dict[str, tuple[Sense, ...]]:
    """Lexicon section → the senses of its words."""
    s = Sense
    table: dict[str, tuple[Sense, ...]] = {
        "stop": (s(Feature.STOP),),
        "context": (s(Feature.CONTEXT),),
        "tone.negative": (s(Feature.NEG),),
        "tone.positive": (s(Feature.POS),),
        "rank.best": (s(Feature.TOP), s(Feature.RANK)),
        "rank.worst": (s(Feature.BOTTOM), s(Feature.RANK)),
        "rank.top": (s(Feature.COUNT), s(Feature.RANK)),
        "rank.list": (s(Feature.RANK),),
        "rank.most": (s(Feature.MOST),),
        "rank.least": (s(Feature.LEAST),),
        "rank.one": (s(Feature.ONE),),
        "rank.many": (s(Feature.MANY),),
        "rank.place": (s(Feature.PLACE),),
        "rank.first_place": (s(Feature.POSITION, 1), s(Feature.CONTEXT)),
        "rank.last_place": (s(Feature.BOTTOM), s(Feature.RANK), s(Feature.LAST_PLACE)),
        "year.last": (s(Feature.YEAR_LAST),),
        "year.this": (s(Feature.YEAR_THIS),),
        "year.before_last": (s(Feature.YEAR_BEFORE_LAST),),
        "year.since": (s(Feature.YEAR_SINCE),),
        "year.until": (s(Feature.YEAR_UNTIL),),
        "year.history": (s(Feature.YEAR_HISTORY),),
        "year.ago": (s(Feature.YEAR_AGO),),
        "year.past": (s(Feature.YEAR_PAST),),
        "year.unit": (s(Feature.YEAR_UNIT),),
        "intent.help": (s(Feature.HELP),),
        "intent.search": (s(Feature.SEARCH),),
        "intent.compare": (s(Feature.COMPARE),),
        "intent.chart": (s(Feature.CHART),),
        "intent.greeting": (s(Feature.GREETING),),
        "intent.thanks": (s(Feature.THANKS),),
        "intent.bot": (s(Feature.BOT),),
        "intent.relative": (s(Feature.RELATIVE),),
        "everyday": (s(Feature.EVERYDAY),),
        # Names of languages ask about the bot's languages only beside another word of
        # help ("do you speak Spanish"), not in "Spanish omelette".
        "help.language_names": (s(Feature.HELP_TOPIC, "language_names"),),
        "answer.en": (s(Feature.ANSWER_LANG, "en"),),
        "answer.ru": (s(Feature.ANSWER_LANG, "ru"),),
        "analysis.mean": (s(Feature.MEAN),),
        "analysis.median": (s(Feature.MEDIAN),),
        "analysis.how_many": (s(Feature.HOW_MANY),),
        "analysis.situation": (s(Feature.SITUATION),),
        "analysis.rise": (s(Feature.RISE),),
        "analysis.fall": (s(Feature.FALL),),
        "analysis.change": (s(Feature.CHANGE),),
        "analysis.why": (s(Feature.WHY),),
        "analysis.define": (s(Feature.DEFINE),),
        "analysis.indicator": (s(Feature.INDICATOR), s(Feature.CONTEXT)),
        "analysis.score": (s(Feature.SCORE), s(Feature.CONTEXT)),
    }
    for topic in TOPICS:
        table[f"topic.{topic}"] = (s(Feature.TOPIC, topic), s(Feature.CONTEXT))
    for topic in HELP_TOPICS:
        table[f"help.{topic}"] = (s(Feature.HELP_TOPIC, topic),)
    for band in BANDS:
        table[f"band.{band}"] = (s(Feature.BAND, band),)
    for subject in EXPLAIN_SUBJECTS:
        table[f"explain.{subject}"] = (s(Feature.EXPLAIN, subject), s(Feature.CONTEXT))
    for region in (*REGIONS, *SUBREGIONS):
        table[f"region.{region}"] = (s(Feature.REGION, region),)
    table["source.vdem"] = (s(Feature.VDEM), s(Feature.CONTEXT))
    table["source.rsf"] = (s(Feature.RSF), s(Feature.CONTEXT))
    table["vdem.agree"] = (s(Feature.AGREE),)
    table["vdem.scatter"] = (s(Feature.SCATTER), s(Feature.CHART))
    for measure in VDEM_MEASURES:
        # A measure's phrase or word is about its RSF topic too ("harassment of
        # journalists", "journalists harassed": safety), so a question that stays RSF's
        # keeps its topic.
        about = ((s(Feature.TOPIC, MEASURE_TOPIC[measure]),)
                 if measure in MEASURE_TOPIC else ())
        table[f"vdem.measure.{measure}"] = (s(Feature.MEASURE, measure), s(Feature.CONTEXT),
                                            *about)
        table[f"vdem.hint.{measure}"] = (s(Feature.MEASURE_HINT, measure), *about)
    return table


#: Lexicon section → the senses each of its words carries.
SECTIONS: dict[str, tuple[Sense, ...]] = _sections()

assert set(INDICATORS) <= set(TOPICS)


def names_a_language_only(senses: Iterable[tuple[int, object, int]]) -> bool:
    """Whether a lexicon entry's senses (feature, value, lexicons) are all a language's name
    ("Russian", Arabic "الروسية"): such a word may name the people's country too."""
    return all(value == "language_names" for _, value, _ in senses)
