"""From what the walk over a question found to a :class:`~bot.query.Query`.

The parser (:mod:`bot.understand.parser`) reads the tokens into a :class:`Parse`: the
countries and the lexicon senses at each token, and the words nothing explained.
:func:`decide` turns that into the question's intent and the rest:

* **intent**, first that applies: a command's own; a chart; a search trigger
  ("mention") → search; an analytical question (:func:`_analysis`: why, explain, movers,
  aggregate, band); two countries or more → compare; one → profile, unless it is only
  part of an everyday phrase (:func:`_everyday`: "chile con carne" → none, the country
  offered); ranking words, a region or a rank position → ranking; a question about the
  bot → help (:func:`_help_topic`); a topic or year alone → profile with no country (a
  follow-up the conversation layer completes); greetings, thanks and anything else → none;
* **years** (:func:`_years`): four-digit numbers, "since …", "last year", "5 years ago";
* **ranking** (:func:`_ranking`): order, size, region, indicator and rank position;
* **search terms** (:func:`_search_terms`): a quoted phrase, or the words after (or before)
  the trigger;
* **places not understood** (:func:`_unplaced`): a word written where a question names its
  places ("top 5 in Antarctica") that names none is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from msgspec.structs import replace

from bot.digits import decimal_int
from bot.domain import (
    LISTED_WITHIN,
    REGIONS,
    SUBREGIONS,
    TOPIC_INDICATOR,
    TOPIC_VDEM,
    TOPICS,
    VDEM_MEASURES,
)
from bot.i18n import reply_lang
from bot.query import Analysis, Intent, Query, Ranking, Witness
from bot.understand.features import EXPLAIN_SUBJECTS, HELP_TOPICS, Feature, Sense
from bot.understand.text import CJK_RE, QUOTED_RE, Kind, Token, tokenize


class _F:
    """The members of :class:`Feature` decide reads, as plain class attributes: reading an
    enum's member goes through the enum class's attribute hook (about 0.15 µs on Python
    3.11), and deciding one question reads dozens; a plain class's costs a tenth."""

    STOP = Feature.STOP
    CONTEXT = Feature.CONTEXT
    TOPIC = Feature.TOPIC
    NEG = Feature.NEG
    POS = Feature.POS
    TOP = Feature.TOP
    BOTTOM = Feature.BOTTOM
    RANK = Feature.RANK
    COUNT = Feature.COUNT
    MOST = Feature.MOST
    LEAST = Feature.LEAST
    ONE = Feature.ONE
    MANY = Feature.MANY
    PLACE = Feature.PLACE
    POSITION = Feature.POSITION
    LAST_PLACE = Feature.LAST_PLACE
    NUMBER = Feature.NUMBER
    YEAR_LAST = Feature.YEAR_LAST
    YEAR_THIS = Feature.YEAR_THIS
    YEAR_BEFORE_LAST = Feature.YEAR_BEFORE_LAST
    YEAR_SINCE = Feature.YEAR_SINCE
    YEAR_UNTIL = Feature.YEAR_UNTIL
    YEAR_HISTORY = Feature.YEAR_HISTORY
    YEAR_AGO = Feature.YEAR_AGO
    YEAR_PAST = Feature.YEAR_PAST
    YEAR_UNIT = Feature.YEAR_UNIT
    HELP = Feature.HELP
    HELP_TOPIC = Feature.HELP_TOPIC
    SEARCH = Feature.SEARCH
    COMPARE = Feature.COMPARE
    CHART = Feature.CHART
    GREETING = Feature.GREETING
    THANKS = Feature.THANKS
    ANSWER_LANG = Feature.ANSWER_LANG
    REGION = Feature.REGION
    MEAN = Feature.MEAN
    MEDIAN = Feature.MEDIAN
    HOW_MANY = Feature.HOW_MANY
    BAND = Feature.BAND
    BAND_PART = Feature.BAND_PART
    SITUATION = Feature.SITUATION
    RISE = Feature.RISE
    FALL = Feature.FALL
    CHANGE = Feature.CHANGE
    WHY = Feature.WHY
    EXPLAIN = Feature.EXPLAIN
    DEFINE = Feature.DEFINE
    INDICATOR = Feature.INDICATOR
    SCORE = Feature.SCORE
    BOT = Feature.BOT
    RELATIVE = Feature.RELATIVE
    EVERYDAY = Feature.EVERYDAY
    VDEM = Feature.VDEM
    RSF = Feature.RSF
    MEASURE = Feature.MEASURE
    MEASURE_HINT = Feature.MEASURE_HINT
    AGREE = Feature.AGREE
    SCATTER = Feature.SCATTER


class _I:
    """The same for :class:`~bot.query.Intent`."""

    PROFILE = Intent.PROFILE
    COMPARE = Intent.COMPARE
    RANKING = Intent.RANKING
    SEARCH = Intent.SEARCH
    CHART = Intent.CHART
    AGGREGATE = Intent.AGGREGATE
    BAND = Intent.BAND
    MOVERS = Intent.MOVERS
    WHY = Intent.WHY
    EXPLAIN = Intent.EXPLAIN
    VDEM = Intent.VDEM
    HELP = Intent.HELP
    NONE = Intent.NONE


class _K:
    """The same for :class:`~bot.understand.text.Kind`."""

    WORD = Kind.WORD
    NUM = Kind.NUM


# Each stands for the member of its name.
assert all(getattr(enum, name) is member
           for short, enum in ((_F, Feature), (_I, Intent), (_K, Kind))
           for name, member in vars(short).items() if name.isupper())  # fmt: skip

#: The marks of a token no sense was found at (one set, never changed: no new set per look).
_UNMARKED: frozenset[Feature] = frozenset()

#: Commands whose name shapes the question: a ranking's order, a chart, two countries for
#: /compare, a country for /country (the answer says what is missing).
_RANKING_COMMANDS = frozenset({"top", "bottom"})
_COMMANDS = frozenset({"top", "bottom", "chart", "compare", "country"})

# A ranking's size when the question says none ("the worst countries").
_DEFAULT_LIMIT = 10

# Years read as years: from before RSF's first index (2002), so that "Kazakhstan 1999" is
# answered "there is no 1999 index" rather than as Kazakhstan today.
_FIRST_YEAR = 1990

#: Features that make a message a question about press freedom (for the everyday rule):
#: a country next to any of these is the country asked about.
_PRESS = frozenset({_F.CONTEXT, _F.TOPIC, _F.SEARCH, _F.CHART,
                    _F.EXPLAIN, _F.INDICATOR, _F.SCORE, _F.WHY,
                    _F.YEAR_HISTORY, _F.PLACE, _F.POSITION,
                    _F.RELATIVE})  # fmt: skip
#: Of those, the ones a topic or score word carries, and "it" or "there": weaker, as such
#: words often have a daily sense too ("safe", "money", "score"); see :func:`_everyday`.
_WEAK_SIGNS = frozenset({_F.TOPIC, _F.SCORE, _F.RELATIVE})
#: A topic word that is a context word too ("censorship", "television") stays a topic
#: word, weak; a context word alone ("media", "press") is a strong sign.
_WEAK_PRESS = _WEAK_SIGNS | {_F.CONTEXT}
#: Words that ask about the bot itself.
_ABOUT_BOT = frozenset({_F.HELP, _F.BOT})
#: Greetings and thanks: a country word right after one is a person ("hello Jordan").
_SMALL_TALK = frozenset({_F.GREETING, _F.THANKS})
_ORDER = frozenset({_F.COUNT, _F.TOP, _F.BOTTOM, _F.RANK, _F.MANY})
#: Features that may ask for a ranking.
_RANKING_WORDS = frozenset({_F.RANK, _F.MANY, _F.MOST, _F.LEAST,
                            _F.POSITION, _F.LAST_PLACE, _F.PLACE, _F.TOP,
                            _F.BOTTOM, _F.COUNT})  # fmt: skip
#: Words that ask for countries ("which countries", "the countries").
_LISTED = frozenset({_F.MANY, _F.ONE})


def _parts_name_a_band(names: set[Feature]) -> bool:
    """Whether a band's word apart from its word of situation names the band: "countries
    whose situation is good"; where no countries are asked for ("is the situation good?",
    small talk) it does not."""
    return _F.BAND_PART in names and _F.SITUATION in names and bool(names & _LISTED)

#: Features of which an analytical question is made (issue #11).
_ANALYTIC = frozenset({_F.WHY, _F.DEFINE, _F.EXPLAIN, _F.RISE,
                       _F.FALL, _F.CHANGE, _F.MEAN, _F.MEDIAN,
                       _F.HOW_MANY, _F.BAND, _F.INDICATOR})  # fmt: skip
#: V-Dem's measures whose words name a harm ("censorship", "harassment", "bias"): "the
#: most" of one is the bottom of V-Dem's ranking (its scales run from the least free up);
#: "the most" of the others (critical media, women journalists) is the top.
_HARMS = frozenset({"v2mecenefm", "v2mecenefi", "v2meharjrn", "v2meslfcen", "v2mebias"})
#: Words that ask for countries in order, for V-Dem's rankings.
_ORDERED = frozenset({_F.MOST, _F.LEAST, _F.TOP, _F.BOTTOM, _F.RANK,
                      _F.COUNT, _F.MANY, _F.ONE})  # fmt: skip
#: Intents that keep their analysis; that name countries (RSF's one-time entries apply);
#: whose questions name places (a word there that names none is reported).  Sets built
#: once: reading an enum's members costs a little each time (Python 3.11).
_ANALYSED = frozenset({_I.AGGREGATE, _I.BAND, _I.MOVERS, _I.WHY,
                       _I.EXPLAIN})  # fmt: skip
_OF_COUNTRIES = frozenset({_I.PROFILE, _I.COMPARE, _I.CHART})
_PLACED = frozenset({_I.COMPARE, _I.RANKING, _I.PROFILE})
_YEARS = frozenset({_F.YEAR_LAST, _F.YEAR_THIS, _F.YEAR_BEFORE_LAST,
                    _F.YEAR_AGO, _F.YEAR_PAST, _F.YEAR_HISTORY,
                    _F.YEAR_SINCE})  # fmt: skip


class Parse:
    """What the walk over the tokens found, before the intent is decided.  (A plain class:
    made once per question, and a dataclass's default factories cost a call each.)"""

    __slots__ = ("adjectives", "candidates", "countries", "derived", "feature_langs",
                 "features", "homographs", "langs", "languages", "leftovers", "spans", "typos",
                 "unclear", "unknown", "vias")

    def __init__(self) -> None:
        self.countries: list[tuple[int, str]] = []  # (token index, code)
        self.features: list[tuple[int, Sense]] = []  # (token index, sense)
        self.feature_langs: list[int] = []  # each feature's lexicons (bits)
        self.spans: list[tuple[int, int]] = []  # (first token, words) read
        self.leftovers: list[int] = []  # words nothing explained: typos?
        self.candidates: tuple[str, ...] = ()  # a near miss or a name of several countries
        self.unknown: str | None = None  # the words that made the candidates
        self.unclear: list[int] = []  # tokens of names of several countries
        self.langs: list[int] = []  # the lexicons of each known word
        # For each word read through its suffixes, the languages whose suffixes fit it.
        self.vias: list[tuple[str, ...]] = []
        self.typos: list[int] = []  # where a typo was taken for a name
        self.languages: list[int] = []  # names that also name a language
        self.derived: list[int] = []  # words read through their suffixes
        # Where a country was named by its people's adjective: the languages it is one of;
        # and the languages in which that word is an ordinary word too ("indiana":
        # English).
        self.adjectives: dict[int, tuple[str, ...]] = {}
        self.homographs: dict[int, tuple[str, ...]] = {}

    def __repr__(self) -> str:
        return "Parse(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__) + ")"


def decide(
    text: str,
    body: str,
    tokens: Sequence[Token],
    parsed: Parse,
    command: str | None,
    hint: str | None,
    latest_year: int | None,
    years: Sequence[int],
    sets: dict[str, frozenset[str]],
    said_in: str | None = None,
    chosen: str | None = None,
    entry_years: dict[str, tuple[int, ...]] | None = None,
) -> Query:
    features = parsed.features
    names = {sense.feature for _, sense in features}
    walked = _marks(features)
    # The project's one rule for the interface language (bot.i18n.choice; a command's
    # name says nothing of it): asked for outright ("in Russian"), else the question's
    # own, else the chat's choice, else the reader's Telegram language.
    asked = next((str(s.value) for _, s in features if s.feature == _F.ANSWER_LANG),
                 None) if _F.ANSWER_LANG in names else None  # fmt: skip
    lang = reply_lang(asked=asked, said_in=said_in, chosen=chosen, user_code=hint, text=body)

    search = (_search_terms(body, tokens, parsed, command, sets)
              if _F.SEARCH in names or command == "search" else None)  # fmt: skip
    search_terms = span = None
    if search is not None:
        search_terms, span = search
        # Words inside the searched phrase are what is looked for, not the question's
        # countries or topic: "search 'foreign agents'" is no question about the law.
        features = [(i, s) for i, s in features if i not in span]
        names = {sense.feature for _, sense in features}
    asked_about_bot = bool(names & _ABOUT_BOT) or (
        _F.HELP_TOPIC in names
        and any(s.feature == _F.HELP_TOPIC and s.value == "languages" for _, s in features))
    languages = set(parsed.languages) if asked_about_bot else set()
    if languages:
        # "Do you speak Kazakh?": a language's name, not the country's.
        features = [*features, *((i, Sense(_F.HELP_TOPIC, "language_names"))
                                 for i in sorted(languages))]
        names.add(_F.HELP_TOPIC)
    countries: list[str] = []
    for i, code in sorted(parsed.countries):
        if code not in countries and (span is None or i not in span) and i not in languages:
            countries.append(code)

    # The walk's own marks serve the everyday rule, which reads the words as the walk did.
    marks = walked if features is parsed.features else _marks(features)
    topic = _topic(features) if _F.TOPIC in names else None
    year, since, numbers = _years(tokens, marks, features, names, latest_year, years, sets)
    # A word of history and no year ("how has it changed"): every index, from the first.
    every_year = since is None and year is None and _F.YEAR_HISTORY in names and bool(years)
    if every_year:
        since = years[0]
    region = subregion = None
    if _F.REGION in names:
        region, subregion = _region([str(s.value) for _, s in features
                                     if s.feature == _F.REGION])  # fmt: skip

    ranking = None
    if numbers or region or command or names & _RANKING_WORDS:  # most questions: none of these
        ranking = _ranking(body, tokens, features, names, marks, topic, numbers, command,
                           region, subregion)  # fmt: skip
    analysis, analytic = None, None
    if (names & _ANALYTIC or (len(countries) == 1 and region is not None)
            or _parts_name_a_band(names)):
        analysis, analytic = _analysis(features, marks, names, countries, topic, numbers,
                                       region, subregion, ranking)  # fmt: skip
    witnessed = None
    if command is None and search_terms is None and names & _SECOND_SOURCE:
        witnessed = _witness(features, names, countries, topic, year, since, years, ranking)
    if witnessed is not None and analytic is not None and not (
        countries or witnessed[0].measure or witnessed[0].view != "history"
    ):
        witnessed = None  # "what is V-Dem?": the explanation, not a country's figures
    mentioned: tuple[str, ...] = ()
    candidates = parsed.candidates  # a near miss or a name of several countries: ask
    unknown = parsed.unknown  # the words behind them
    small_talk = None
    help_topic = None
    witness = None
    intent: Intent
    if witnessed is not None:
        witness, intent = witnessed
    elif command in _RANKING_COMMANDS:
        # /top and /bottom rank whatever follows: "/top 5 Africa", "/bottom safety".
        intent = _I.RANKING
        ranking = replace(ranking or Ranking(), order="bottom" if command == "bottom" else "top",
                          position=None)
        countries = []
    elif command == "chart" or (_F.CHART in names and countries and search_terms is None):
        intent = _I.CHART
    elif search_terms is not None:
        intent = _I.SEARCH
    elif analytic is not None:
        intent = analytic
        if intent == _I.MOVERS and every_year:
            # "the biggest changes", "самые большие изменения": the change between two
            # indexes.  A word of change is one of history too, which asks for none here.
            since = None
    elif countries and command is None and _asks_alerts(parsed, names, features, topic, year,
                                                        since):  # fmt: skip
        # "subscribe me to Kazakhstan", "уведомления по Кыргызстану": alerts are what the
        # bot offers of a country asked so; the reply says how to subscribe to it.
        intent, help_topic, mentioned, countries = (_I.HELP, "subscriptions",
                                                    tuple(countries), [])
    elif countries:
        intent = _I.COMPARE if len(countries) >= 2 else _I.PROFILE
        if command is None and _everyday(tokens, parsed, walked, year, since, sets, body,
                                         said_in):
            intent, mentioned, countries, topic = _I.NONE, tuple(countries), [], None
    elif ranking is not None and command is None and not numbers and not (
        names & _RANKING_WORDS
    ) and _everyday(tokens, parsed, walked, year, since, sets, body, said_in, regions=True):
        # "African safari tips", "Nordic walking poles": a region's word, asked nothing
        # of, in an everyday phrase, as a country's would be.
        intent = _I.NONE
    elif ranking is not None and not (_is_help(names, features) and _bare(ranking, names)):
        intent = _I.RANKING
    elif command in ("help", "start") or _is_help(names, features):
        intent = _I.HELP
        help_topic = _help_topic(features, command)
    elif command is None and (parsed.unclear or topic) and _everyday(
        tokens, parsed, walked, year, since, sets, body, said_in
    ):
        # "Korea cosmetics", "Chinese porcelain at the flea market": a name of several
        # countries, or a topic word with a daily sense, in an everyday phrase.
        intent, mentioned, topic, candidates = _I.NONE, parsed.candidates, None, ()
        unknown = None
    elif parsed.candidates or topic or year or since:
        # A follow-up ("and in 2023?", "are journalists safe there?") or a near miss:
        # the answer layer takes the country from the conversation or asks.
        intent = _I.PROFILE
    else:
        intent = _I.NONE
        if _F.THANKS in names:
            small_talk = "thanks"
        elif _F.GREETING in names:
            small_talk = "greeting"
    if intent != _I.RANKING:
        ranking = None
    if witness is not None and witness.view == "ranking":
        countries = []
    if intent not in _ANALYSED:
        analysis = None
    if intent in _OF_COUNTRIES:
        countries = _one_entry(countries, year, entry_years or {})
        if intent == _I.COMPARE and len(countries) == 1:
            intent = _I.PROFILE  # "Serbia and Montenegro 2005": one entry of RSF's
    unplaced = (_unplaced(tokens, parsed, intent, marks)
                if command is None and parsed.leftovers else ())  # fmt: skip
    # Positional, in the order of Query's fields (each value is named as its field, or
    # says which): matching twenty keywords costs a microsecond a question.
    return Query(
        text,
        intent,
        tuple(countries),
        topic,
        year,
        since,
        ranking,
        analysis,
        witness,
        search_terms,
        _alternatives(search_terms, sets) if search_terms else (),  # search_groups
        candidates,
        unknown,
        unplaced,
        lang,
        said_in,
        help_topic,
        small_talk,
        mentioned,
        command if command in _COMMANDS else None,  # command
    )



def _marks(features: Sequence[tuple[int, Sense]]) -> dict[int, set[Feature]]:
    """Token index → the features of the senses found there."""
    marks: dict[int, set[Feature]] = {}
    for i, sense in features:
        found = marks.get(i)
        if found is None:
            marks[i] = {sense.feature}
        else:
            found.add(sense.feature)
    return marks

# --- the second source: V-Dem -------------------------------------------------------------------

#: Features that may make a question V-Dem's (a topic only with a year before RSF's index).
_SECOND_SOURCE = frozenset({_F.VDEM, _F.MEASURE, _F.MEASURE_HINT,
                            _F.TOPIC, _F.SCATTER})  # fmt: skip
#: Of those, the ones that name V-Dem or its measures.
_NAMED_SECOND = _SECOND_SOURCE - {_F.TOPIC}


def _witness(
    features: Sequence[tuple[int, Sense]],
    names: set[Feature],
    countries: list[str],
    topic: str | None,
    year: int | None,
    since: int | None,
    years: Sequence[int],
    ranking: Ranking | None,
) -> tuple[Witness, Intent] | None:
    """A question for V-Dem (issue #14), or None when the question is RSF's.

    RSF's index is the bot's first source, and words like "censorship", "self-censorship"
    or "harassed" are its topics ("censorship in Turkmenistan" is RSF's political
    context, and that answer already adds V-Dem's measure of the topic).  So a question
    is V-Dem's only when

    * V-Dem is named ("V-Dem Kazakhstan", "do RSF and V-Dem agree on …");
    * or it names a measure by a phrase only V-Dem's measure is called (the lexicons'
      ``vdem.measure`` lists: "harassment of journalists", "internet censorship",
      "women journalists") and no other word of RSF's topics ("gender discrimination
      against women journalists" stays RSF's social topic);
    * or it asks about a year before RSF's first index (2002) with a measure's word or a
      topic V-Dem measures: only V-Dem can answer "censorship in Kazakhstan since 1990";
    * or it asks for a chart of a measure's word ("chart of censorship in Kazakhstan"):
      RSF charts its score and indicators, V-Dem has the measure named (an indicator
      named, "political indicator", keeps the chart RSF's).

    A plain measure word (the ``vdem.hint`` lists: "censorship", "self-censorship") then
    says which measure; alone it never makes a V-Dem question.
    """
    if not names & _NAMED_SECOND and topic not in TOPIC_VDEM:
        return None  # RSF's topic alone, which only a year before RSF's index makes V-Dem's
    measures = [(i, str(s.value)) for i, s in features if s.feature == _F.MEASURE]
    hints = [(i, str(s.value)) for i, s in features if s.feature == _F.MEASURE_HINT]
    named = {i for i, _ in measures} | {i for i, _ in hints}
    other_topic = any(s.feature == _F.TOPIC and i not in named for i, s in features)
    asked = since if since is not None else year
    before_rsf = asked is not None and bool(years) and asked < min(years)
    chart = bool(names & {_F.CHART, _F.SCATTER})
    both = _F.VDEM in names and _F.RSF in names
    if not (
        _F.VDEM in names
        or _F.SCATTER in names
        or (measures and not other_topic)
        or (before_rsf and (measures or hints or topic in TOPIC_VDEM))
        or (chart and (measures or hints) and _F.INDICATOR not in names)
    ):
        return None
    found = [m for _, m in measures] or [m for _, m in hints]
    measure = next((m for m in found if m in VDEM_MEASURES), None)
    if _F.SCATTER in names or (chart and both):
        return Witness(measure, "scatter"), _I.VDEM
    if _F.VDEM in names and (_F.AGREE in names or _F.RSF in names):
        return Witness(measure, "agree"), _I.VDEM
    if chart:
        return Witness(measure, "history"), _I.CHART
    if not countries and names & _ORDERED:
        harm = measure in _HARMS or measure is None
        if names & {_F.TOP, _F.BOTTOM}:
            bottom = _F.BOTTOM in names and not (
                _F.TOP in names and next(s.feature for _, s in features if s.feature in (
                    _F.TOP, _F.BOTTOM)) == _F.TOP)
        elif names & {_F.MOST, _F.LEAST}:
            most = next(s.feature for _, s in features
                        if s.feature in (_F.MOST, _F.LEAST)) == _F.MOST
            bottom = most == harm
        else:
            bottom = harm
        limit = ranking.limit if ranking is not None else _DEFAULT_LIMIT
        return Witness(measure, "ranking", "bottom" if bottom else "top", limit), _I.VDEM
    if len(countries) >= 2:
        return Witness(measure, "compare"), _I.VDEM
    return Witness(measure, "history"), _I.VDEM


# --- what the words say -------------------------------------------------------------------------


def _topic(features: Sequence[tuple[int, Sense]]) -> str | None:
    """The most named topic; on a tie the one named first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, sense in features:
        if sense.feature == _F.TOPIC:
            name = str(sense.value)
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, index)
    if not counts:
        return None
    # On a tie the media landscape loses: outlets and channels are what the other topics
    # happen to ("are sites blocked", "how are newspapers funded").
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0] != "landscape", -first[kv[0]]))[0]
    return best if best in TOPICS else None


def _region(regions: Sequence[str]) -> tuple[str | None, str | None]:
    """The first region named: (an RSF region, a part of it asked about by name)."""
    for name in regions:
        if name in SUBREGIONS:
            return SUBREGIONS[name][0], name
        if name in REGIONS:
            return name, None
    return None, None


def _years(
    tokens: Sequence[Token],
    marks: dict[int, set[Feature]],
    features: Sequence[tuple[int, Sense]],
    names: set[Feature],
    latest_year: int | None,
    years: Sequence[int],
    sets: dict[str, frozenset[str]],
) -> tuple[int | None, int | None, list[tuple[int, int]]]:
    """(year, since, the other numbers as (token index, value)).

    A four-digit number from :data:`_FIRST_YEAR` to 2100 is a year unless it is an
    ordinal or follows "top"; "since"/"from"/"с" make it the start of a span ("from 2015
    to 2020" and "2015–2020" too: the answer shows the history from that year on).  A
    year without an index (1999) is still the year asked: the answer says there is none.
    A count of years after "the last" or "since" is the span of that many indexes up to
    the latest ("the last 5 years", "за 5 лет", "depuis 5 ans"); "N years ago" is a year,
    or a span's start after "since" ("desde hace 5 años").
    """
    year = since = None
    plain: list[int] = []
    numbers: list[tuple[int, int]] = []
    num = _K.NUM  # a local: reading an enum's member costs more (Python 3.11)
    if not names & _YEARS and num not in {token.kind for token in tokens}:
        return None, None, numbers
    for i, token in enumerate(tokens):
        if token.kind != num:
            continue
        value = decimal_int(token.raw)
        if value is None:
            continue  # longer than any number a question means
        if not (
            len(token.raw) == 4 and _FIRST_YEAR <= value <= 2100 and not token.ordinal
            and not (i and tokens[i - 1].norm in sets["not_a_year_after"])
        ):  # fmt: skip
            numbers.append((i, value))
            continue
        before = marks.get(i - 1, _UNMARKED)
        after = marks.get(i + 1, _UNMARKED) | marks.get(i + 2, _UNMARKED)
        if _F.YEAR_SINCE in before or (
            _F.YEAR_SINCE in marks.get(i - 2, _UNMARKED)
            and tokens[i - 1].norm in sets["since_glue"]
        ) or (_F.YEAR_SINCE in after and _F.YEAR_UNTIL not in before):
            since = value  # "since 2020", "2013'ten beri", "з 2014 року"
        elif _F.YEAR_UNTIL in before and (since is not None or plain):
            continue  # the end of a span: the history runs to the latest index anyway
        else:
            plain.append(value)
    if since is None and len(set(plain)) >= 2:
        since = min(plain)  # "2015–2020", "2020 and 2024"
    elif since is None and plain:
        year = plain[0]
    latest = latest_year
    if latest is None or year is not None or since is not None:
        return year, since, numbers
    if _F.YEAR_LAST in names:
        last_at = next(i for i, s in features if s.feature == _F.YEAR_LAST)
        if _F.YEAR_SINCE in marks.get(last_at - 1, _UNMARKED):
            since = latest - 1  # "since last year"
        else:
            year = latest - 1
    elif _F.YEAR_BEFORE_LAST in names:
        year = latest - 2
    elif _F.YEAR_THIS in names:
        year = latest
    elif _F.YEAR_AGO in names:
        # "3 years ago", "three years ago", "три года назад", "两年前"; "a year ago": one.
        # A word of "ago" with no count and no year is none ("ha mejorado": Spanish "has",
        # not Portuguese "há", ago).
        spelled = {i: int(s.value or 0) for i, s in features if s.feature == _F.NUMBER}
        counted = [*numbers, *((i, _spelled_count(spelled, i)) for i in spelled)]
        # The count is followed by its unit, or is its own unit (Arabic's dual "عامين",
        # two years).
        ago = next((v for i, v in counted
                    if marks.get(i + 1, _UNMARKED) & {_F.YEAR_UNIT, _F.YEAR_AGO}
                    or _F.YEAR_UNIT in marks.get(i, _UNMARKED)),
                   1 if _F.YEAR_UNIT in names else 0)
        if 0 < ago < 30 and _F.YEAR_SINCE in names:
            since = latest - ago  # "since three years ago", "desde hace 5 años"
        elif 0 < ago < 30:
            year = latest - ago
    elif (_F.YEAR_PAST in names or _F.YEAR_SINCE in names) and _F.YEAR_UNIT in names:
        # "the last 5 years", "за 5 лет"; a count of years after "since" is a span too:
        # "depuis 5 ans", "seit fünf Jahren", "5 жылдан бері" (a year itself is read above).
        span = next((v for i, v in numbers if _F.YEAR_UNIT in marks.get(i + 1, _UNMARKED)), None)
        if span is None:
            span = next((int(s.value or 0) for _, s in features if s.feature == _F.NUMBER),
                        None)  # fmt: skip
        if span and 0 < span < 30:
            since = latest - span + 1
    return year, since, numbers


def _quantity(features: Sequence[tuple[int, Sense]],
              marks: dict[int, set[Feature]]) -> bool | None:
    """What "most"/"least" counts, when it counts the press or a topic in the three words
    after it: True for a topic (a harm: journalists jailed, censorship), False for the
    press itself (press freedom, the media); None when it counts neither."""
    for i, sense in features:
        if sense.feature in (_F.MOST, _F.LEAST):
            after = set().union(*(marks.get(i + k, _UNMARKED) for k in (1, 2, 3)))
            if _F.TOPIC in after or (_F.CONTEXT in after and any(
                    s.feature == _F.TOPIC for _, s in features)):
                return True
            if _F.CONTEXT in after:
                return False
    return None


def _spelled_count(spelled: dict[int, int], i: int) -> int:
    """The number written in words ending at token ``i``: a tens word before a units word
    adds up ("twenty two", "двадцать два")."""
    tens = spelled.get(i - 1, 0)
    return tens + spelled[i] if tens % 10 == 0 and tens > spelled[i] else spelled[i]


def _ranking(
    body: str,
    tokens: Sequence[Token],
    features: Sequence[tuple[int, Sense]],
    names: set[Feature],
    marks: dict[int, set[Feature]],
    topic: str | None,
    numbers: list[tuple[int, int]],
    command: str | None,
    region: str | None,
    subregion: str | None,
) -> Ranking | None:
    """The ranking a question asks for, if any (asked only of a question with a number,
    a region, a command or a word of rankings)."""
    position: int | None = None
    position_at: int | None = None
    for i, value in numbers:
        token = tokens[i]
        hashed = body[token.start - 1 : token.start] in ("#", "№")
        if 1 <= value <= 200 and (
            token.ordinal or hashed
            or _F.PLACE in marks.get(i - 1, _UNMARKED) or _F.PLACE in marks.get(i + 1, _UNMARKED)
        ):  # fmt: skip
            position, position_at = value, i
            break
    if position is None:
        position = next((int(s.value or 0) for _, s in features if s.feature == _F.POSITION),
                        None)  # fmt: skip
    polar = _F.NEG in names or _F.POS in names
    # "the countries with the most press freedom", "which country has the most journalists
    # in prison": countries, and "most"/"least" of the press or of a topic.
    quantity = (_quantity(features, marks) if (_F.MOST in names or _F.LEAST in names)
                and (names & {_F.MANY, _F.ONE} or numbers) else None)  # fmt: skip
    quantified = quantity is not None
    wants = (
        _F.RANK in names or region is not None or position is not None
        or command in ("top", "ranking", "rank", "bottom", "worst")
        or (_F.MANY in names and polar)
        or (_F.MOST in names and polar)
        or (_F.LEAST in names and polar)
        or quantified
    )  # fmt: skip
    if not wants:
        return None
    # Order: said outright, else from "most"/"least" + an adjective's polarity.
    bottom = _F.BOTTOM in names or command in ("bottom", "worst")
    top = _F.TOP in names
    if bottom and top:
        # "the best and the worst": the first said wins.
        first = next(s.feature for _, s in features if s.feature in (_F.TOP, _F.BOTTOM))
        bottom = first == _F.BOTTOM
    if not bottom and not top:
        for i, sense in features:
            if sense.feature in (_F.MOST, _F.LEAST):
                # "most dangerous", "jailed the most"
                near = (
                    marks.get(i + 1, _UNMARKED) | marks.get(i + 2, _UNMARKED)
                    | marks.get(i - 1, _UNMARKED) | marks.get(i - 2, _UNMARKED)
                )  # fmt: skip
                if _F.NEG in near or _F.POS in near:
                    negative = _F.NEG in near and _F.POS not in near
                    bottom = negative == (sense.feature == _F.MOST)
                    break
        else:
            if quantity is not None:
                # The most of a harm, the least of the press itself: the bottom.
                bottom = quantity == (_F.MOST in names)
            elif _F.MANY in names and _F.NEG in names and _F.POS not in names:
                bottom = True
    limit = _limit(tokens, features, marks, numbers, command, skip=position_at)
    if limit is None:
        one = _F.LAST_PLACE in names or (_F.ONE in names and _F.MANY not in names)
        limit = 1 if one and position is None else _DEFAULT_LIMIT
    indicator = TOPIC_INDICATOR.get(topic) if topic else None
    return Ranking(
        order="bottom" if bottom else "top",
        limit=max(1, limit),  # the answer shows at most MAX_RANKING, and says so
        region=region,
        subregion=subregion,
        indicator=indicator,
        position=position,
    )


def _limit(
    tokens: Sequence[Token],
    features: Sequence[tuple[int, Sense]],
    marks: dict[int, set[Feature]],
    numbers: list[tuple[int, int]],
    command: str | None,
    skip: int | None = None,
) -> int | None:
    """A list's size: a number next to "top", "best", "countries" (in digits or words)."""
    wanted = _ORDER | {_F.RISE, _F.FALL, _F.CHANGE}
    for i, value in numbers:
        if 0 < value <= 1000 and i != skip and not _counts_years(marks, i):
            near = (
                marks.get(i - 1, _UNMARKED) | marks.get(i + 1, _UNMARKED)
                | marks.get(i - 2, _UNMARKED) | marks.get(i + 2, _UNMARKED)
            )  # fmt: skip
            if command in _RANKING_COMMANDS and i == numbers[0][0]:
                near = near | {_F.COUNT}  # "/top 5 Africa": the command is the word "top"
            if near & wanted and not tokens[i].ordinal:
                return value
    for i, sense in features:
        if sense.feature == _F.NUMBER and not _counts_years(marks, i):
            # The word itself may be the ranking's ("前三", the top three).
            near = (marks[i] | marks.get(i - 1, _UNMARKED) | marks.get(i + 1, _UNMARKED)
                    | marks.get(i - 2, _UNMARKED) | marks.get(i + 2, _UNMARKED))  # fmt: skip
            if near & wanted:
                return int(sense.value or 0)
    return None


# --- analytical questions -----------------------------------------------------------------------


def _analysis(
    features: Sequence[tuple[int, Sense]],
    marks: dict[int, set[Feature]],
    names: set[Feature],
    countries: list[str],
    topic: str | None,
    numbers: list[tuple[int, int]],
    region: str | None,
    subregion: str | None,
    ranking: Ranking | None,
) -> tuple[Analysis | None, Intent | None]:
    """An analytical question (issue #11): why a country moved, what the index means, who
    moved most, a group's average, median or count or a country's place in its region,
    the countries of one situation band."""
    indicator = TOPIC_INDICATOR.get(topic) if topic else None
    # The direction first named ("rose or fell": rose).
    moves = [s.feature for _, s in features if s.feature in (_F.RISE, _F.FALL)]
    direction: Literal["rise", "fall"] | None = None
    if moves:
        direction = "rise" if moves[0] == _F.RISE else "fall"
    ordered = bool(names & {_F.TOP, _F.BOTTOM, _F.COUNT, _F.MOST,
                            _F.LEAST, _F.POSITION, _F.LAST_PLACE})  # fmt: skip
    bands = [str(s.value) for _, s in features if s.feature == _F.BAND]
    if not bands and _parts_name_a_band(names):
        bands = [str(s.value) for _, s in features if s.feature == _F.BAND_PART]
    if countries and _F.WHY in names:
        return Analysis(direction=direction, indicator=indicator), _I.WHY
    explains = [str(s.value) for _, s in features if s.feature == _F.EXPLAIN]
    defining = _F.DEFINE in names or bool(explains)
    # An average asked of something ("what is the average score in Central Asia") is the
    # average; "what is the median?", the word last, asks what it is.
    mean_at = [i for i, s in features if s.feature in (_F.MEAN, _F.MEDIAN)]
    averaged = bool(mean_at) and not (
        _F.DEFINE in names and mean_at[-1] == max(i for i, _ in features))
    # A change asked of the index ("big changes in the press freedom index") is its
    # movers; what the index is, or its method, bands or comparability, is explained.
    changing = (_F.CHANGE in names and _F.DEFINE not in names
                and all(subject == "index" for subject in explains))
    # "What are the countries in a good situation": countries asked for, not the band.
    listing = bool(bands) and bool(names & _LISTED)
    if not countries and defining and not ordered and not averaged and not changing and not (
        direction and not explains
    ) and not listing and (explains or _F.INDICATOR in names or bands or topic
                           or _F.CONTEXT in names):
        for subject in reversed(EXPLAIN_SUBJECTS):  # the most particular named
            if subject in explains:
                break
        else:
            subject = "bands" if bands else "indicator" if (
                _F.INDICATOR in names or topic) else "index"
        if subject != "indicator" and topic and _F.INDICATOR in names:
            subject = "indicator"
        return Analysis(subject=subject, indicator=indicator), _I.EXPLAIN
    about_index = bool(names & {_F.CONTEXT, _F.MANY, _F.ONE, _F.TOP,
                                _F.BOTTOM, _F.MOST, _F.CHANGE, _F.RANK,
                                _F.SCORE, _F.REGION}) or region is not None
    if not countries and (direction or _F.CHANGE in names) and not bands and about_index:
        by: Literal["rank", "score"] = "score" if _F.SCORE in names else "rank"
        limit = _limit_near(features, marks, numbers) or 10
        return Analysis(direction=direction, by=by, indicator=indicator, region=region,
                        subregion=subregion, limit=limit), _I.MOVERS  # fmt: skip
    if averaged:
        measure = "median" if any(s.feature == _F.MEDIAN for _, s in features) else "mean"
        return Analysis(measure=measure, indicator=indicator, region=region,  # type: ignore[arg-type]
                        subregion=subregion), _I.AGGREGATE
    if not countries and _F.HOW_MANY in names and (bands or _F.MANY in names
                                                         or _F.SITUATION in names):
        return Analysis(measure="count", band=bands[0] if bands else None, region=region,
                        subregion=subregion), _I.AGGREGATE  # fmt: skip
    if len(countries) == 1 and (region or subregion) and not ordered and not (
        names & {_F.TOPIC, _F.COMPARE}
    ):
        return Analysis(measure="place", indicator=indicator, region=region,
                        subregion=subregion), _I.AGGREGATE  # fmt: skip
    if not countries and bands and (_F.SITUATION in names or _F.MANY in names
                                    or _F.ONE in names or not ordered):
        return Analysis(band=bands[0], region=region, subregion=subregion), _I.BAND
    return None, None


def _counts_years(marks: dict[int, set[Feature]], i: int) -> bool:
    """Whether the number at ``i`` counts years ("the last 3 years", Arabic's dual "العامين",
    a number and its own unit): no list's size."""
    return _F.YEAR_UNIT in marks.get(i, _UNMARKED) or _F.YEAR_UNIT in marks.get(i + 1, _UNMARKED)


def _limit_near(
    features: Sequence[tuple[int, Sense]], marks: dict[int, set[Feature]],
    numbers: list[tuple[int, int]],
) -> int | None:
    for i, value in numbers:
        near = (marks.get(i - 1, _UNMARKED) | marks.get(i + 1, _UNMARKED)
                | marks.get(i + 2, _UNMARKED))  # fmt: skip
        if 0 < value <= 50 and near & (_ORDER | {_F.RISE, _F.FALL, _F.CHANGE}) and not (
                _counts_years(marks, i)):
            return value
    for i, sense in features:
        if sense.feature == _F.NUMBER and not _counts_years(marks, i):
            near = marks.get(i - 1, _UNMARKED) | marks.get(i + 1, _UNMARKED)
            if near & (_ORDER | {_F.RISE, _F.FALL, _F.CHANGE}):
                return int(sense.value or 0)
    return None


# --- the bot, small talk and everyday phrases ---------------------------------------------------


def _bare(ranking: Ranking, names: set[Feature]) -> bool:
    """A ranking asked for by the word "ranking" alone: no order, size, place or region."""
    said = {_F.TOP, _F.BOTTOM, _F.COUNT, _F.MOST, _F.LEAST,
            _F.POSITION, _F.LAST_PLACE, _F.MANY, _F.ONE}
    return not (names & said) and ranking.region is None and ranking.position is None


def _is_help(names: set[Feature], features: Sequence[tuple[int, Sense]]) -> bool:
    """A question about the bot: "help", "what can you do", or a word of one of the help
    topics ("charts", "subscribe") with no country, ranking or search in sight.  Thanks
    that say the bot helped ("thank you, that helped") are thanks; a language's name alone
    ("Spanish omelette") asks nothing of the bot."""
    topics = [str(s.value) for _, s in features if s.feature == _F.HELP_TOPIC]
    strong = [t for t in topics if t != "language_names"] or (
        ["charts"] if _F.CHART in names else [])
    asks = _F.BOT in names or bool(strong)
    if _F.THANKS in names and not asks:
        return False
    if _F.HELP in names:
        return True
    if not strong and topics and not (names & {_F.BOT, _F.HELP}):
        return False
    return bool(strong or topics) and not (
        names & {_F.GREETING, _F.THANKS} and _F.BOT not in names)


def _asks_alerts(parsed: Parse, names: set[Feature], features: Sequence[tuple[int, Sense]],
                 topic: str | None, year: int | None, since: int | None) -> bool:
    """Whether a message naming countries asks for alerts about them: a word of the
    subscriptions ("subscribe", "notify me", "уведомления"), no topic or year asked of
    them ("alerts about journalists jailed in Iran" asks about safety), and no word of
    daily life nor any the lexicons leave unexplained: "alerts for earthquakes in
    Turkey", "subscribe to netflix in India" ask nothing of the bot."""
    return (
        topic is None and year is None and since is None and not parsed.leftovers
        and _F.EVERYDAY not in names
        and any(s.feature == _F.HELP_TOPIC and s.value == "subscriptions" for _, s in features)
    )  # fmt: skip


def _help_topic(features: Sequence[tuple[int, Sense]], command: str | None) -> str:
    """The part of the help asked about: the most particular topic named, else general."""
    named = [str(s.value) for _, s in features if s.feature == _F.HELP_TOPIC]
    named = ["languages" if topic == "language_names" else topic for topic in named]
    if any(s.feature == _F.CHART for _, s in features):
        named.append("charts")
    for topic in HELP_TOPICS[1:]:
        if topic in named:
            return topic
    return "general"


def _everyday(
    tokens: Sequence[Token],
    parsed: Parse,
    senses: dict[int, set[Feature]],
    year: int | None,
    since: int | None,
    sets: dict[str, frozenset[str]],
    body: str,
    said_in: str | None = None,
    regions: bool = False,
) -> bool:
    """Whether the countries named (``regions``: the regions) are only part of an everyday
    phrase ("chile con carne", "a guinea pig cage", "my friend Jordan", "Türkiyada ауа
    райы", "African safari tips"): no year and no word of the press or the index, and
    either a word of daily life (the lexicons' ``everyday`` lists: "recipe", "weather") or
    a word no lexicon explains bound to a country word (next to it, or joined by a binding
    word: "encre de Chine"; for a region, two such words, one of them next to it).

    A single word of a topic or of the score (or "it", "there") is a weaker sign of the
    press than the others: many such words have a daily sense too ("safe", "money",
    "channel", "score").  It does not make a question of a message whose words of daily
    life outnumber such words, or with one bound to a country word ("china plates safe in
    the dishwasher", "France rugby score"); a phrase of a topic ("journalists jailed") is
    a strong sign.  A word both lists hold ("receita": recipe and revenue) is a sign of
    neither.  A country named only by its people's adjective ("français", "грузинское",
    "المصري") in a message of that adjective's language (``said_in``), among other words
    none of the press, is no question either: a name alone asks about its country, an
    adjective alone qualifies something else."""
    if year is not None or since is not None:
        return False
    phrases = {start for start, size in parsed.spans if size > 1}
    weak: list[int] = []
    daily: set[int] = set()
    both = False
    for i, found in senses.items():
        press = found & _PRESS
        if _F.EVERYDAY in found:
            both = both or bool(press)
            if not press:
                daily.add(i)
        elif press and (i in phrases or press - _WEAK_PRESS or not press & _WEAK_SIGNS):
            return False  # "media", "journalists", "ranking": the press is asked about
        elif press:
            weak.append(i)
    if (daily or both) and not weak:
        return True  # "weather in Turkey", "panama for a child", "receita de peru"
    if not regions and not weak and len(tokens) > 1 and parsed.adjectives and (
        not parsed.unclear) and all(
        at in parsed.adjectives and (said_in is None or said_in in parsed.adjectives[at])
        for at, _ in parsed.countries
    ):
        # A people's adjective and no word of the press: "c'est très français",
        # "грузинское вино" ("türkische Medien" has its press word, "Kazakh" alone is
        # a name typed short).
        return True
    glue = {i for i, found in senses.items()
            if _F.STOP in found and tokens[i].norm in sets["glue"]}  # fmt: skip
    # Where the country words are: the names read, and names of several countries.
    named = dict(parsed.spans)
    if regions:
        places = [(at, named.get(at, 1)) for at, sense in parsed.features
                  if sense.feature == _F.REGION]
    else:
        places = [(at, named.get(at, 1)) for at, _ in parsed.countries]
        places += [(at, 1) for at in parsed.unclear]
    if weak:  # "Chile safe?", "Mexico economy": a topic of the country, unless …
        return len(daily) > len(weak) or bool(_next_to(places, glue, len(tokens)) & daily)
    # "my friend Jordan", "I'm Chad": a person's name.
    norms = [token.norm for token in tokens]
    for at, _ in places:
        for size in (1, 2, 3):
            if at - size >= 0 and " ".join(norms[at - size : at]) in sets["person"]:
                return True
    # Only the words next to a place count, so only they are read.
    explained: set[int] = set(senses)
    for start, size in parsed.spans:
        explained.update(range(start, start + size))
    unclear = set(parsed.unclear)
    word = _K.WORD
    near = _next_to(places, glue, len(tokens))
    if regions:
        # A region's name with a word left over is still asked about ("Europe pls",
        # "Europa Übersicht"): with no word of daily life (above), an everyday phrase takes two
        # words no lexicon explains, one of them beside the region ("Nordic walking poles").
        left = {i for i, token in enumerate(tokens)
                if token.kind == word and i not in explained and not token.attached
                and (len(token.norm) >= 2 or CJK_RE.match(token.norm))}
        return len(left) >= 2 and bool(left & near)
    for i in near:
        token = tokens[i]
        if (
            # "hello Jordan", "happy birthday Georgia": a person
            senses.get(i, _UNMARKED) & _SMALL_TALK and _spaced(tokens, i, body)
        ) or (
            token.kind == word and i not in explained and not token.attached
            and i not in unclear
            and (len(token.norm) >= 2 or CJK_RE.match(token.norm))
            and token.norm not in sets["name_words"]  # a word of a name ("chinoise de Hong Kong")
        ):  # fmt: skip
            return True
    return False


def _next_to(places: Sequence[tuple[int, int]], glue: set[int], n: int) -> set[int]:
    """The words next to one of ``places`` (first token, size), or joined to it by binding
    words (``glue``)."""
    near: set[int] = set()
    for start, size in places:
        for step, edge in ((-1, start - 1), (1, start + size)):
            j = edge
            while j in glue:
                j += step
            if 0 <= j < n:
                near.add(j)
    return near


def _spaced(tokens: Sequence[Token], i: int, body: str) -> bool:
    """Whether word ``i`` is separated from its neighbours by spaces only ("hello Jordan",
    not "hello, Kazakhstan")."""
    before = body[tokens[i - 1].end : tokens[i].start] if i else " "
    after = body[tokens[i].end : tokens[i + 1].start] if i + 1 < len(tokens) else " "
    return (before.isspace() or not before) and (after.isspace() or not after)


def _unplaced(
    tokens: Sequence[Token], parsed: Parse, intent: Intent, marks: dict[int, set[Feature]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Words written where a question names its places that name none: a word written
    with a capital (not the first of the message) or right after a place's preposition in
    a comparison or a ranking, that nothing explained and no typo rule matched."""
    if intent not in _PLACED or parsed.candidates:
        return ()
    taken = {i for i, _ in parsed.countries}
    found: list[tuple[str, tuple[str, ...]]] = []
    for i in parsed.leftovers:
        token = tokens[i]
        if i in taken or any(start <= i < start + size for start, size in parsed.spans):
            continue
        capital = token.raw[:1].isupper() and not token.raw.isupper() and i > 0
        after_place = i > 0 and _F.COMPARE in marks.get(i - 1, _UNMARKED)
        if (capital or after_place) and len(token.norm) >= 4:
            found.append((token.raw, ()))
    return tuple(found)


def _one_entry(
    countries: list[str], year: int | None, entry_years: dict[str, tuple[int, ...]]
) -> list[str]:
    """Countries RSF once ranked as one entry, asked about in such a year, as that entry:
    "Serbia and Montenegro 2005" is RSF's Serbia-Montenegro, not the two of today
    (``entry_years``: the index years of each entry of bot.domain.LISTED_WITHIN)."""
    if year is None or len(countries) < 2:
        return countries
    shared = set.intersection(*(set(LISTED_WITHIN.get(code, ())) for code in countries))
    for entry in sorted(shared):
        if year in entry_years.get(entry, ()):
            return [entry]
    return countries


# --- search -------------------------------------------------------------------------------------


def _alternatives(terms: str, sets: dict[str, frozenset[str]]) -> tuple[tuple[str, ...], ...]:
    """What a search looks for as groups of words: "Pegasus and spyware" finds texts with
    either, "foreign agents" texts with both (words next to each other all count); commas
    and the words of the ``search_or`` set separate alternatives."""
    groups: list[tuple[str, ...]] = []
    for part in terms.split(","):
        current: list[str] = []
        for token in tokenize(part):
            if token.norm in sets["search_or"]:
                groups.append(tuple(current))
                current = []
            elif not token.attached:
                current.append(token.raw)
        groups.append(tuple(current))
    return tuple(group for group in groups if group)


def _search_terms(
    body: str,
    tokens: Sequence[Token],
    parsed: Parse,
    command: str | None,
    sets: dict[str, frozenset[str]],
) -> tuple[str, range] | None:
    """The words to look for in profile texts and the tokens they span, or None when
    the message is no search.  "which profiles mention Pegasus" → after the trigger;
    "where is Pegasus mentioned" → before it; a quoted phrase wins."""
    triggers = [i for i, s in parsed.features if s.feature == _F.SEARCH]
    if command == "search":
        triggers = [-1]
    if not triggers:
        return None
    if quoted := QUOTED_RE.search(body):
        inside = [i for i, t in enumerate(tokens) if quoted.start() < t.start < quoted.end()]
        span = range(inside[0], inside[-1] + 1) if inside else range(0)
        return quoted.group(1).strip(), span
    stop = {i for i, s in parsed.features if s.feature == _F.STOP}
    trigger = triggers[0]
    end = trigger + 1
    while end < len(tokens) and tokens[end].kind == _K.WORD and (
        tokens[end].norm in sets["search_filler"] or (end in stop and end == trigger + 1
                                                      and tokens[end].norm in sets["search_lead"])
    ):
        end += 1  # "search for the word …"
    if end < len(tokens):
        first, last = end, len(tokens) - 1
    else:
        first, last = 0, trigger - 1
        while first <= last and (first in stop or tokens[first].norm in sets["search_lead"]):
            first += 1
    while last >= first and (tokens[last].norm in sets["search_tail"]
                             or tokens[last].kind == _K.NUM):  # fmt: skip
        last -= 1
    if first > last:
        return None
    return body[tokens[first].start : tokens[last].end], range(first, last + 1)
