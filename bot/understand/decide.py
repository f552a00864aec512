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
from dataclasses import dataclass, field, replace
from typing import Literal

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
_PRESS = frozenset({Feature.CONTEXT, Feature.TOPIC, Feature.SEARCH, Feature.CHART,
                    Feature.EXPLAIN, Feature.INDICATOR, Feature.SCORE, Feature.WHY,
                    Feature.YEAR_HISTORY, Feature.PLACE, Feature.POSITION,
                    Feature.RELATIVE})  # fmt: skip
#: Of those, the ones a topic or score word carries, and "it" or "there": weaker, as such
#: words often have a daily sense too ("safe", "money", "score"); see :func:`_everyday`.
_WEAK_SIGNS = frozenset({Feature.TOPIC, Feature.SCORE, Feature.RELATIVE})
_WEAK_PRESS = _WEAK_SIGNS | {Feature.CONTEXT}
_ORDER = frozenset({Feature.COUNT, Feature.TOP, Feature.BOTTOM, Feature.RANK, Feature.MANY})
#: Features that may ask for a ranking.
_RANKING_WORDS = frozenset({Feature.RANK, Feature.MANY, Feature.MOST, Feature.LEAST,
                            Feature.POSITION, Feature.LAST_PLACE, Feature.PLACE, Feature.TOP,
                            Feature.BOTTOM, Feature.COUNT})  # fmt: skip
#: Features of which an analytical question is made (issue #11).
_ANALYTIC = frozenset({Feature.WHY, Feature.DEFINE, Feature.EXPLAIN, Feature.RISE,
                       Feature.FALL, Feature.CHANGE, Feature.MEAN, Feature.MEDIAN,
                       Feature.HOW_MANY, Feature.BAND, Feature.INDICATOR})  # fmt: skip
#: V-Dem's measures whose words name a harm ("censorship", "harassment", "bias"): "the
#: most" of one is the bottom of V-Dem's ranking (its scales run from the least free up);
#: "the most" of the others (critical media, women journalists) is the top.
_HARMS = frozenset({"v2mecenefm", "v2mecenefi", "v2meharjrn", "v2meslfcen", "v2mebias"})
#: Words that ask for countries in order, for V-Dem's rankings.
_ORDERED = frozenset({Feature.MOST, Feature.LEAST, Feature.TOP, Feature.BOTTOM, Feature.RANK,
                      Feature.COUNT, Feature.MANY, Feature.ONE})  # fmt: skip
#: Intents that keep their analysis; that name countries (RSF's one-time entries apply);
#: whose questions name places (a word there that names none is reported).  Sets built
#: once: reading an enum's members costs a little each time (Python 3.11).
_ANALYSED = frozenset({Intent.AGGREGATE, Intent.BAND, Intent.MOVERS, Intent.WHY,
                       Intent.EXPLAIN})  # fmt: skip
_OF_COUNTRIES = frozenset({Intent.PROFILE, Intent.COMPARE, Intent.CHART})
_PLACED = frozenset({Intent.COMPARE, Intent.RANKING, Intent.PROFILE})
_YEARS = frozenset({Feature.YEAR_LAST, Feature.YEAR_THIS, Feature.YEAR_BEFORE_LAST,
                    Feature.YEAR_AGO, Feature.YEAR_PAST, Feature.YEAR_HISTORY})  # fmt: skip


@dataclass(slots=True)
class Parse:
    """What the walk over the tokens found, before the intent is decided."""

    countries: list[tuple[int, str]] = field(default_factory=list)  # (token index, code)
    features: list[tuple[int, Sense]] = field(default_factory=list)  # (token index, sense)
    feature_langs: list[int] = field(default_factory=list)  # each feature's lexicons (bits)
    spans: list[tuple[int, int]] = field(default_factory=list)  # (first token, words) read
    leftovers: list[int] = field(default_factory=list)  # words nothing explained: typos?
    candidates: tuple[str, ...] = ()  # a near miss or a name of several countries: ask
    unknown: str | None = None  # the words that made the candidates
    unclear: list[int] = field(default_factory=list)  # tokens of names of several countries
    langs: list[int] = field(default_factory=list)  # the lexicons of each known word
    # For each word read through its suffixes, the languages whose suffixes fit it.
    vias: list[tuple[str, ...]] = field(default_factory=list)
    typos: list[int] = field(default_factory=list)  # where a typo was taken for a name
    languages: list[int] = field(default_factory=list)  # names that also name a language
    derived: list[int] = field(default_factory=list)  # words read through their suffixes


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
    # The project's one rule for the interface language (bot.i18n.choice; a command's
    # name says nothing of it): asked for outright ("in Russian"), else the question's
    # own, else the chat's choice, else the reader's Telegram language.
    asked = next((str(s.value) for _, s in features if s.feature == Feature.ANSWER_LANG),
                 None) if Feature.ANSWER_LANG in names else None  # fmt: skip
    lang = reply_lang(asked=asked, said_in=said_in, chosen=chosen, user_code=hint, text=body)

    search = (_search_terms(body, tokens, parsed, command, sets)
              if Feature.SEARCH in names or command == "search" else None)  # fmt: skip
    search_terms = span = None
    if search is not None:
        search_terms, span = search
        # Words inside the searched phrase are what is looked for, not the question's
        # countries or topic: "search 'foreign agents'" is no question about the law.
        features = [(i, s) for i, s in features if i not in span]
        names = {sense.feature for _, sense in features}
    asked_about_bot = bool(names & {Feature.HELP, Feature.BOT}) or (
        Feature.HELP_TOPIC in names
        and any(s.feature == Feature.HELP_TOPIC and s.value == "languages" for _, s in features))
    languages = set(parsed.languages) if asked_about_bot else set()
    if languages:
        # "Do you speak Kazakh?": a language's name, not the country's.
        features = [*features, *((i, Sense(Feature.HELP_TOPIC, "language_names"))
                                 for i in sorted(languages))]
        names.add(Feature.HELP_TOPIC)
    countries: list[str] = []
    for i, code in sorted(parsed.countries):
        if code not in countries and (span is None or i not in span) and i not in languages:
            countries.append(code)

    marks: dict[int, set[Feature]] = {}
    for i, sense in features:
        if i in marks:
            marks[i].add(sense.feature)
        else:
            marks[i] = {sense.feature}
    topic = _topic(features) if Feature.TOPIC in names else None
    year, since, numbers = _years(tokens, marks, features, names, latest_year, years, sets)
    region = subregion = None
    if Feature.REGION in names:
        region, subregion = _region([str(s.value) for _, s in features
                                     if s.feature == Feature.REGION])  # fmt: skip

    ranking = _ranking(body, tokens, features, names, marks, topic, numbers, command, region,
                       subregion)  # fmt: skip
    analysis, analytic = None, None
    if names & _ANALYTIC or (len(countries) == 1 and region is not None):
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
    small_talk = None
    help_topic = None
    witness = None
    intent: Intent
    if witnessed is not None:
        witness, intent = witnessed
    elif command in _RANKING_COMMANDS:
        # /top and /bottom rank whatever follows: "/top 5 Africa", "/bottom safety".
        intent = Intent.RANKING
        ranking = replace(ranking or Ranking(), order="bottom" if command == "bottom" else "top",
                          position=None)
        countries = []
    elif command == "chart" or (Feature.CHART in names and countries and search_terms is None):
        intent = Intent.CHART
    elif search_terms is not None:
        intent = Intent.SEARCH
    elif analytic is not None:
        intent = analytic
    elif countries:
        intent = Intent.COMPARE if len(countries) >= 2 else Intent.PROFILE
        if command is None and _everyday(tokens, parsed, year, since, sets, body):
            intent, mentioned, countries, topic = Intent.NONE, tuple(countries), [], None
    elif ranking is not None and not (_is_help(names, features) and _bare(ranking, names)):
        intent = Intent.RANKING
    elif command in ("help", "start") or _is_help(names, features):
        intent = Intent.HELP
        help_topic = _help_topic(features, command)
    elif command is None and (parsed.unclear or topic) and _everyday(
        tokens, parsed, year, since, sets, body
    ):
        # "Korea cosmetics", "Chinese porcelain at the flea market": a name of several
        # countries, or a topic word with a daily sense, in an everyday phrase.
        intent, mentioned, topic, candidates = Intent.NONE, parsed.candidates, None, ()
    elif parsed.candidates or topic or year or since:
        # A follow-up ("and in 2023?", "are journalists safe there?") or a near miss:
        # the answer layer takes the country from the conversation or asks.
        intent = Intent.PROFILE
    else:
        intent = Intent.NONE
        if Feature.THANKS in names:
            small_talk = "thanks"
        elif Feature.GREETING in names:
            small_talk = "greeting"
    if intent != Intent.RANKING:
        ranking = None
    if witness is not None and witness.view == "ranking":
        countries = []
    if intent not in _ANALYSED:
        analysis = None
    if intent in _OF_COUNTRIES:
        countries = _one_entry(countries, year, entry_years or {})
        if intent == Intent.COMPARE and len(countries) == 1:
            intent = Intent.PROFILE  # "Serbia and Montenegro 2005": one entry of RSF's
    unplaced = (_unplaced(tokens, parsed, intent, marks)
                if command is None and parsed.leftovers else ())  # fmt: skip
    return Query(
        text=text,
        intent=intent,
        countries=tuple(countries),
        topic=topic,
        year=year,
        since=since,
        ranking=ranking,
        analysis=analysis,
        witness=witness,
        search_terms=search_terms,
        search_groups=_alternatives(search_terms, sets) if search_terms else (),
        candidates=candidates,
        unknown=parsed.unknown,
        unplaced=unplaced,
        lang=lang,
        said_in=said_in,
        help_topic=help_topic,
        small_talk=small_talk,
        mentioned=mentioned,
        command=command if command in _COMMANDS else None,
    )


# --- the second source: V-Dem -------------------------------------------------------------------

#: Features that may make a question V-Dem's (a topic only with a year before RSF's index).
_SECOND_SOURCE = frozenset({Feature.VDEM, Feature.MEASURE, Feature.MEASURE_HINT,
                            Feature.TOPIC, Feature.SCATTER})  # fmt: skip


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
    measures = [(i, str(s.value)) for i, s in features if s.feature == Feature.MEASURE]
    hints = [(i, str(s.value)) for i, s in features if s.feature == Feature.MEASURE_HINT]
    named = {i for i, _ in measures} | {i for i, _ in hints}
    other_topic = any(s.feature == Feature.TOPIC and i not in named for i, s in features)
    asked = since if since is not None else year
    before_rsf = asked is not None and bool(years) and asked < min(years)
    chart = bool(names & {Feature.CHART, Feature.SCATTER})
    both = Feature.VDEM in names and Feature.RSF in names
    if not (
        Feature.VDEM in names
        or Feature.SCATTER in names
        or (measures and not other_topic)
        or (before_rsf and (measures or hints or topic in TOPIC_VDEM))
        or (chart and (measures or hints) and Feature.INDICATOR not in names)
    ):
        return None
    found = [m for _, m in measures] or [m for _, m in hints]
    measure = next((m for m in found if m in VDEM_MEASURES), None)
    if Feature.SCATTER in names or (chart and both):
        return Witness(measure, "scatter"), Intent.VDEM
    if Feature.VDEM in names and (Feature.AGREE in names or Feature.RSF in names):
        return Witness(measure, "agree"), Intent.VDEM
    if chart:
        return Witness(measure, "history"), Intent.CHART
    if not countries and names & _ORDERED:
        harm = measure in _HARMS or measure is None
        if names & {Feature.TOP, Feature.BOTTOM}:
            bottom = Feature.BOTTOM in names and not (
                Feature.TOP in names and next(s.feature for _, s in features if s.feature in (
                    Feature.TOP, Feature.BOTTOM)) == Feature.TOP)
        elif names & {Feature.MOST, Feature.LEAST}:
            most = next(s.feature for _, s in features
                        if s.feature in (Feature.MOST, Feature.LEAST)) == Feature.MOST
            bottom = most == harm
        else:
            bottom = harm
        limit = ranking.limit if ranking is not None else _DEFAULT_LIMIT
        return Witness(measure, "ranking", "bottom" if bottom else "top", limit), Intent.VDEM
    if len(countries) >= 2:
        return Witness(measure, "compare"), Intent.VDEM
    return Witness(measure, "history"), Intent.VDEM


# --- what the words say -------------------------------------------------------------------------


def _topic(features: Sequence[tuple[int, Sense]]) -> str | None:
    """The most named topic; on a tie the one named first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, sense in features:
        if sense.feature == Feature.TOPIC:
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
    """
    year = since = None
    plain: list[int] = []
    numbers: list[tuple[int, int]] = []
    num = Kind.NUM  # a local: reading an enum's member costs more (Python 3.11)
    if not names & _YEARS and all(token.kind != num for token in tokens):
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
        before = marks.get(i - 1, set())
        after = marks.get(i + 1, set()) | marks.get(i + 2, set())
        if Feature.YEAR_SINCE in before or (
            Feature.YEAR_SINCE in marks.get(i - 2, set())
            and tokens[i - 1].norm in sets["since_glue"]
        ) or (Feature.YEAR_SINCE in after and Feature.YEAR_UNTIL not in before):
            since = value  # "since 2020", "2013'ten beri", "з 2014 року"
        elif Feature.YEAR_UNTIL in before and (since is not None or plain):
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
    if Feature.YEAR_LAST in names:
        last_at = next(i for i, s in features if s.feature == Feature.YEAR_LAST)
        if Feature.YEAR_SINCE in marks.get(last_at - 1, set()):
            since = latest - 1  # "since last year"
        else:
            year = latest - 1
    elif Feature.YEAR_BEFORE_LAST in names:
        year = latest - 2
    elif Feature.YEAR_THIS in names:
        year = latest
    elif Feature.YEAR_AGO in names:
        # "3 years ago", "three years ago", "три года назад", "两年前"; "a year ago": one.
        counted = [*numbers, *((i, int(s.value or 0)) for i, s in features
                               if s.feature == Feature.NUMBER)]
        ago = next((v for i, v in counted
                    if marks.get(i + 1, set()) & {Feature.YEAR_UNIT, Feature.YEAR_AGO}), 1)
        if 0 < ago < 30:
            year = latest - ago
    elif Feature.YEAR_PAST in names and Feature.YEAR_UNIT in names:
        span = next((v for i, v in numbers if Feature.YEAR_UNIT in marks.get(i + 1, set())), None)
        if span is None:
            span = next((int(s.value or 0) for _, s in features if s.feature == Feature.NUMBER),
                        None)  # fmt: skip
        if span and 0 < span < 30:
            since = latest - span + 1
    if since is None and year is None and Feature.YEAR_HISTORY in names and years:
        since = years[0]
    return year, since, numbers


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
    if not (numbers or region or command or names & _RANKING_WORDS):
        return None  # nothing of a ranking: most questions
    position: int | None = None
    position_at: int | None = None
    for i, value in numbers:
        token = tokens[i]
        hashed = body[token.start - 1 : token.start] in ("#", "№")
        if 1 <= value <= 200 and (
            token.ordinal or hashed
            or Feature.PLACE in marks.get(i - 1, set()) or Feature.PLACE in marks.get(i + 1, set())
        ):  # fmt: skip
            position, position_at = value, i
            break
    if position is None:
        position = next((int(s.value or 0) for _, s in features if s.feature == Feature.POSITION),
                        None)  # fmt: skip
    polar = Feature.NEG in names or Feature.POS in names
    wants = (
        Feature.RANK in names or region is not None or position is not None
        or command in ("top", "ranking", "rank", "bottom", "worst")
        or (Feature.MANY in names and polar)
        or (Feature.MOST in names and polar)
        or (Feature.LEAST in names and polar)
    )  # fmt: skip
    if not wants:
        return None
    # Order: said outright, else from "most"/"least" + an adjective's polarity.
    bottom = Feature.BOTTOM in names or command in ("bottom", "worst")
    top = Feature.TOP in names
    if bottom and top:
        # "the best and the worst": the first said wins.
        first = next(s.feature for _, s in features if s.feature in (Feature.TOP, Feature.BOTTOM))
        bottom = first == Feature.BOTTOM
    if not bottom and not top:
        for i, sense in features:
            if sense.feature in (Feature.MOST, Feature.LEAST):
                # "most dangerous", "jailed the most"
                near = (
                    marks.get(i + 1, set()) | marks.get(i + 2, set())
                    | marks.get(i - 1, set()) | marks.get(i - 2, set())
                )  # fmt: skip
                if Feature.NEG in near or Feature.POS in near:
                    negative = Feature.NEG in near and Feature.POS not in near
                    bottom = negative == (sense.feature == Feature.MOST)
                    break
        else:
            if Feature.MANY in names and Feature.NEG in names and Feature.POS not in names:
                bottom = True
    limit = _limit(tokens, features, marks, numbers, command, skip=position_at)
    if limit is None:
        one = Feature.LAST_PLACE in names or (Feature.ONE in names and Feature.MANY not in names)
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
    wanted = _ORDER | {Feature.RISE, Feature.FALL, Feature.CHANGE}
    for i, value in numbers:
        if 0 < value <= 1000 and i != skip:
            near = (
                marks.get(i - 1, set()) | marks.get(i + 1, set())
                | marks.get(i - 2, set()) | marks.get(i + 2, set())
            )  # fmt: skip
            if command in _RANKING_COMMANDS and i == numbers[0][0]:
                near = near | {Feature.COUNT}  # "/top 5 Africa": the command is the word "top"
            if near & wanted and not tokens[i].ordinal:
                return value
    for i, sense in features:
        if sense.feature == Feature.NUMBER:
            # The word itself may be the ranking's ("前三", the top three).
            near = (marks[i] | marks.get(i - 1, set()) | marks.get(i + 1, set())
                    | marks.get(i - 2, set()) | marks.get(i + 2, set()))  # fmt: skip
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
    moves = [s.feature for _, s in features if s.feature in (Feature.RISE, Feature.FALL)]
    direction: Literal["rise", "fall"] | None = None
    if moves:
        direction = "rise" if moves[0] == Feature.RISE else "fall"
    ordered = bool(names & {Feature.TOP, Feature.BOTTOM, Feature.COUNT, Feature.MOST,
                            Feature.LEAST, Feature.POSITION, Feature.LAST_PLACE})  # fmt: skip
    bands = [str(s.value) for _, s in features if s.feature == Feature.BAND]
    if countries and Feature.WHY in names:
        return Analysis(direction=direction, indicator=indicator), Intent.WHY
    explains = [str(s.value) for _, s in features if s.feature == Feature.EXPLAIN]
    defining = Feature.DEFINE in names or bool(explains)
    if not countries and defining and not ordered and not (
        direction and not explains
    ) and (explains or Feature.INDICATOR in names or bands or topic or Feature.CONTEXT in names):
        for subject in reversed(EXPLAIN_SUBJECTS):  # the most particular named
            if subject in explains:
                break
        else:
            subject = "bands" if bands else "indicator" if (
                Feature.INDICATOR in names or topic) else "index"
        if subject != "indicator" and topic and Feature.INDICATOR in names:
            subject = "indicator"
        return Analysis(subject=subject, indicator=indicator), Intent.EXPLAIN
    about_index = bool(names & {Feature.CONTEXT, Feature.MANY, Feature.ONE, Feature.TOP,
                                Feature.BOTTOM, Feature.MOST, Feature.CHANGE, Feature.RANK,
                                Feature.SCORE, Feature.REGION}) or region is not None
    if not countries and (direction or Feature.CHANGE in names) and not bands and about_index:
        by: Literal["rank", "score"] = "score" if Feature.SCORE in names else "rank"
        limit = _limit_near(features, marks, numbers) or 10
        return Analysis(direction=direction, by=by, indicator=indicator, region=region,
                        subregion=subregion, limit=limit), Intent.MOVERS  # fmt: skip
    mean_at = [i for i, s in features if s.feature in (Feature.MEAN, Feature.MEDIAN)]
    if mean_at and not (Feature.DEFINE in names and mean_at[-1] == max(i for i, _ in features)):
        measure = "median" if any(s.feature == Feature.MEDIAN for _, s in features) else "mean"
        return Analysis(measure=measure, indicator=indicator, region=region,  # type: ignore[arg-type]
                        subregion=subregion), Intent.AGGREGATE
    if not countries and Feature.HOW_MANY in names and (bands or Feature.MANY in names
                                                         or Feature.SITUATION in names):
        return Analysis(measure="count", band=bands[0] if bands else None, region=region,
                        subregion=subregion), Intent.AGGREGATE  # fmt: skip
    if len(countries) == 1 and (region or subregion) and not ordered and not (
        names & {Feature.TOPIC, Feature.COMPARE}
    ):
        return Analysis(measure="place", indicator=indicator, region=region,
                        subregion=subregion), Intent.AGGREGATE  # fmt: skip
    if not countries and bands and (Feature.SITUATION in names or Feature.MANY in names
                                    or Feature.ONE in names or not ordered):
        return Analysis(band=bands[0], region=region, subregion=subregion), Intent.BAND
    return None, None


def _limit_near(
    features: Sequence[tuple[int, Sense]], marks: dict[int, set[Feature]],
    numbers: list[tuple[int, int]],
) -> int | None:
    for i, value in numbers:
        near = marks.get(i - 1, set()) | marks.get(i + 1, set()) | marks.get(i + 2, set())
        if 0 < value <= 50 and near & (_ORDER | {Feature.RISE, Feature.FALL, Feature.CHANGE}):
            return value
    for i, sense in features:
        if sense.feature == Feature.NUMBER:
            near = marks.get(i - 1, set()) | marks.get(i + 1, set())
            if near & (_ORDER | {Feature.RISE, Feature.FALL, Feature.CHANGE}):
                return int(sense.value or 0)
    return None


# --- the bot, small talk and everyday phrases ---------------------------------------------------


def _bare(ranking: Ranking, names: set[Feature]) -> bool:
    """A ranking asked for by the word "ranking" alone: no order, size, place or region."""
    said = {Feature.TOP, Feature.BOTTOM, Feature.COUNT, Feature.MOST, Feature.LEAST,
            Feature.POSITION, Feature.LAST_PLACE, Feature.MANY, Feature.ONE}
    return not (names & said) and ranking.region is None and ranking.position is None


def _is_help(names: set[Feature], features: Sequence[tuple[int, Sense]]) -> bool:
    """A question about the bot: "help", "what can you do", or a word of one of the help
    topics ("charts", "subscribe") with no country, ranking or search in sight.  Thanks
    that say the bot helped ("thank you, that helped") are thanks; a language's name alone
    ("Spanish omelette") asks nothing of the bot."""
    topics = [str(s.value) for _, s in features if s.feature == Feature.HELP_TOPIC]
    strong = [t for t in topics if t != "language_names"] or (
        ["charts"] if Feature.CHART in names else [])
    asks = Feature.BOT in names or bool(strong)
    if Feature.THANKS in names and not asks:
        return False
    if Feature.HELP in names:
        return True
    if not strong and topics and not (names & {Feature.BOT, Feature.HELP}):
        return False
    return bool(strong or topics) and not (
        names & {Feature.GREETING, Feature.THANKS} and Feature.BOT not in names)


def _help_topic(features: Sequence[tuple[int, Sense]], command: str | None) -> str:
    """The part of the help asked about: the most particular topic named, else general."""
    named = [str(s.value) for _, s in features if s.feature == Feature.HELP_TOPIC]
    named = ["languages" if topic == "language_names" else topic for topic in named]
    if any(s.feature == Feature.CHART for _, s in features):
        named.append("charts")
    for topic in HELP_TOPICS[1:]:
        if topic in named:
            return topic
    return "general"


def _everyday(
    tokens: Sequence[Token],
    parsed: Parse,
    year: int | None,
    since: int | None,
    sets: dict[str, frozenset[str]],
    body: str,
) -> bool:
    """Whether the countries named are only part of an everyday phrase ("chile con carne",
    "a guinea pig cage", "my friend Jordan", "Türkiyada ауа райы"): no year and no word of
    the press or the index, and either a word of daily life (the lexicons' ``everyday``
    lists: "recipe", "weather") or a word no lexicon explains bound to a country word (next
    to it, or joined by a binding word: "encre de Chine").

    A single word of a topic or of the score (or "it", "there") is a weaker sign of the
    press than the others: many such words have a daily sense too ("safe", "money",
    "channel", "score").  It does not make a question of a message whose words of daily
    life outnumber such words, or with one bound to a country word ("china plates safe in
    the dishwasher", "France rugby score"); a phrase of a topic ("journalists jailed") is
    a strong sign.  A word both lists hold ("receita": recipe and revenue) is a sign of
    neither."""
    if year is not None or since is not None:
        return False
    senses: dict[int, set[Feature]] = {}
    for i, sense in parsed.features:
        senses.setdefault(i, set()).add(sense.feature)
    phrases = {start for start, size in parsed.spans if size > 1}
    weak: list[int] = []
    daily: set[int] = set()
    both = False
    for i, found in senses.items():
        press = found & _PRESS
        if Feature.EVERYDAY in found:
            both = both or bool(press)
            if not press:
                daily.add(i)
        elif press and (i in phrases or press - _WEAK_PRESS or not press & _WEAK_SIGNS):
            return False  # "media", "journalists", "ranking": the press is asked about
        elif press:
            weak.append(i)
    glue = {i for i, found in senses.items()
            if Feature.STOP in found and tokens[i].norm in sets["glue"]}  # fmt: skip
    # Where the country words are: the names read, and names of several countries.
    named = dict(parsed.spans)
    places = [(at, named.get(at, 1)) for at, _ in parsed.countries]
    places += [(at, 1) for at in parsed.unclear]
    if weak:  # "Chile safe?", "Mexico economy": a topic of the country, unless …
        return len(daily) > len(weak) or _beside(places, glue, daily, len(tokens))
    if daily or both:
        return True  # "weather in Turkey", "panama for a child", "receita de peru"
    explained: set[int] = set(senses)
    for start, size in parsed.spans:
        explained.update(range(start, start + size))
    greeted = {  # "hello Jordan", "happy birthday Georgia": a person
        i for i, found in senses.items()
        if found & {Feature.GREETING, Feature.THANKS} and _spaced(tokens, i, body)
    }  # fmt: skip
    # "my friend Jordan", "I'm Chad": a person's name.
    norms = [token.norm for token in tokens]
    for at, _ in places:
        for size in (1, 2, 3):
            if at - size >= 0 and " ".join(norms[at - size : at]) in sets["person"]:
                return True
    unclear = set(parsed.unclear)
    content = {
        i for i, token in enumerate(tokens)
        if token.kind == Kind.WORD and i not in explained and not token.attached
        and i not in unclear
        and (len(token.norm) >= 2 or CJK_RE.match(token.norm))
        and token.norm not in sets["name_words"]  # a word of a name ("chinoise de Hong Kong")
    } | greeted  # fmt: skip
    return _beside(places, glue, content, len(tokens))


def _beside(places: Sequence[tuple[int, int]], glue: set[int], words: set[int], n: int) -> bool:
    """Whether one of ``words`` is next to one of ``places`` (first token, size), or joined
    to it by binding words (``glue``)."""
    for start, size in places:
        for step, edge in ((-1, start - 1), (1, start + size)):
            j = edge
            while j in glue:
                j += step
            if j in words and 0 <= j < n:
                return True
    return False


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
        after_place = i > 0 and Feature.COMPARE in marks.get(i - 1, set())
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
    triggers = [i for i, s in parsed.features if s.feature == Feature.SEARCH]
    if command == "search":
        triggers = [-1]
    if not triggers:
        return None
    if quoted := QUOTED_RE.search(body):
        inside = [i for i, t in enumerate(tokens) if quoted.start() < t.start < quoted.end()]
        span = range(inside[0], inside[-1] + 1) if inside else range(0)
        return quoted.group(1).strip(), span
    stop = {i for i, s in parsed.features if s.feature == Feature.STOP}
    trigger = triggers[0]
    end = trigger + 1
    while end < len(tokens) and tokens[end].kind == Kind.WORD and (
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
                             or tokens[last].kind == Kind.NUM):  # fmt: skip
        last -= 1
    if first > last:
        return None
    return body[tokens[first].start : tokens[last].end], range(first, last + 1)
