"""From what the walk over a question found to a :class:`~bot.query.Query`.

The parser (:mod:`bot.understand.parser`) reads the tokens into a :class:`_Parse`: the
countries, regions and vocabulary features at each token.  :func:`_decide` turns that into
the question's intent, topic, year or span, ranking and search terms:

* **intent**: a search trigger ("mention", "упоминается") → search; two countries or more →
  compare; one → profile; otherwise ranking words, a region or a rank position → ranking;
  "help" → help; a topic or year alone → profile with no country (a follow-up the
  conversation layer completes); anything else → none;
* **years** (:func:`_years`): four-digit numbers, "since …", "last year", "5 years ago";
* **ranking** (:func:`_ranking`): order, size, region, indicator and rank position;
* **search terms** (:func:`_search_terms`): a quoted phrase, or the words after (or before)
  the trigger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bot.digits import decimal_int
from bot.domain import REGIONS, SUBREGIONS, TOPIC_INDICATOR, TOPICS
from bot.i18n import pick_lang
from bot.query import Intent, Query, Ranking
from bot.understand.text import _NUM, _QUOTED_RE, _WORD, _Token, tokenize
from bot.understand.vocabulary import (
    _NOT_A_YEAR_AFTER,
    _SEARCH_ALTERNATIVES,
    _SEARCH_FILLER,
    _SEARCH_LEAD,
    _SEARCH_TAIL,
    _SINCE_GLUE,
    _STOPWORDS,
)

#: Commands whose name shapes the question: a ranking's order, a chart, two countries for
#: /compare, a country for /country (the answer says what is missing).
_RANKING_COMMANDS = frozenset({"top", "bottom"})
_COMMANDS = frozenset({"top", "bottom", "chart", "compare", "country"})

# A ranking's size when the question says none ("the worst countries").
_DEFAULT_LIMIT = 10

# Years read as years: from before RSF's first index (2002), so that "Kazakhstan 1999" is
# answered "there is no 1999 index" rather than as Kazakhstan today.
_FIRST_YEAR = 1990


@dataclass(slots=True)
class _Parse:
    """What the walk over the tokens found, before the intent is decided."""

    countries: list[tuple[int, str]] = field(default_factory=list)  # (token index, code)
    regions: list[tuple[str, str | None]] = field(default_factory=list)  # (region, subregion)
    features: list[tuple[int, str]] = field(default_factory=list)  # (token index, feature)
    leftovers: list[int] = field(default_factory=list)  # words nothing explained: typos?
    candidates: tuple[str, ...] = ()  # a near miss or a name of several countries: ask
    unknown: str | None = None  # the words that made the candidates
    unclear: list[int] = field(default_factory=list)  # tokens of names of several countries


def _decide(
    text: str,
    body: str,
    tokens: Sequence[_Token],
    parsed: _Parse,
    command: str | None,
    hint: str | None,
    latest_year: int | None,
    years: Sequence[int],
) -> Query:
    features = parsed.features
    names = {f for _, f in features}
    # The project's one rule for the interface language (a command's name says nothing
    # of it), unless the question asks for a language outright ("in Russian").
    lang = pick_lang(hint, body)
    if "lang:en" in names:
        lang = "en"
    elif "lang:ru" in names:
        lang = "ru"

    search = _search_terms(body, tokens, parsed, command)
    search_terms = span = None
    if search is not None:
        search_terms, span = search
        # Words inside the searched phrase are what is looked for, not the question's
        # countries or topic: "search 'foreign agents'" is no question about the law.
        features = [(i, f) for i, f in features if i not in span]
    countries: list[str] = []
    for i, code in sorted(parsed.countries):
        if code not in countries and (span is None or i not in span):
            countries.append(code)

    marks: dict[int, set[str]] = {}
    for i, feature in features:
        marks.setdefault(i, set()).add(feature)
    topic = _topic(features)
    year, since, numbers = _years(tokens, marks, names, latest_year, years)

    ranking = _ranking(body, tokens, parsed, marks, topic, numbers, command)
    intent: Intent
    if command in _RANKING_COMMANDS:
        # /top and /bottom rank whatever follows: "/top 5 Africa", "/bottom safety".
        intent = Intent.RANKING
        ranking = replace(ranking or Ranking(), order="bottom" if command == "bottom" else "top",
                          position=None)
        countries = []
    elif command == "chart" or ("chart" in names and countries and search_terms is None):
        intent = Intent.CHART
    elif search_terms is not None:
        intent = Intent.SEARCH
    elif len(countries) >= 2:
        intent = Intent.COMPARE
    elif countries:
        intent = Intent.PROFILE
    elif ranking is not None:
        intent = Intent.RANKING
    elif "help" in names or command in ("help", "start"):
        intent = Intent.HELP
    elif parsed.candidates or topic or year or since:
        # A follow-up ("and in 2023?", "are journalists safe there?") or a near miss:
        # the answer layer takes the country from the conversation or asks.
        intent = Intent.PROFILE
    else:
        intent = Intent.NONE
    if intent != Intent.RANKING:
        ranking = None
    return Query(
        text=text,
        intent=intent,
        countries=tuple(countries),
        topic=topic,
        year=year,
        since=since,
        ranking=ranking,
        search_terms=search_terms,
        search_groups=_alternatives(search_terms) if search_terms else (),
        candidates=parsed.candidates,
        unknown=parsed.unknown,
        lang=lang,
        command=command if command in _COMMANDS else None,
    )


def _alternatives(terms: str) -> tuple[tuple[str, ...], ...]:
    """What a search looks for as groups of words: "Pegasus and spyware" finds texts with
    either, "foreign agents" texts with both (words next to each other all count); commas
    and the words of :data:`_SEARCH_ALTERNATIVES` separate alternatives."""
    groups: list[tuple[str, ...]] = []
    for part in terms.split(","):
        current: list[str] = []
        for token in tokenize(part):
            if token.norm in _SEARCH_ALTERNATIVES:
                groups.append(tuple(current))
                current = []
            else:
                current.append(token.raw)
        groups.append(tuple(current))
    return tuple(group for group in groups if group)


def _topic(features: Sequence[tuple[int, str]]) -> str | None:
    """The most named topic; on a tie the one named first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, feature in features:
        if feature.startswith("topic:"):
            name = feature[6:]
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, index)
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], -first[kv[0]]))[0]
    return best if best in TOPICS else None


def _years(
    tokens: Sequence[_Token],
    marks: dict[int, set[str]],
    names: set[str],
    latest_year: int | None,
    years: Sequence[int],
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
    for i, token in enumerate(tokens):
        if token.kind != _NUM:
            continue
        value = decimal_int(token.raw)
        if value is None:
            continue  # longer than any number a question means
        if not (
            len(token.raw) == 4 and _FIRST_YEAR <= value <= 2100 and not token.ordinal
            and not (i and tokens[i - 1].norm in _NOT_A_YEAR_AFTER)
        ):  # fmt: skip
            numbers.append((i, value))
            continue
        before = marks.get(i - 1, set())
        if "yr:since" in before or (
            "yr:since" in marks.get(i - 2, set()) and tokens[i - 1].norm in _SINCE_GLUE
        ):
            since = value
        elif "yr:until" in before and (since is not None or plain):
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
    if "yr:last" in names:
        last_at = next(i for i, f in _flat(marks) if f == "yr:last")
        if "yr:since" in marks.get(last_at - 1, set()):
            since = latest - 1  # "since last year"
        else:
            year = latest - 1
    elif "yr:prev2" in names:
        year = latest - 2
    elif "yr:this" in names:
        year = latest
    elif "yr:ago" in names:
        ago = next((v for i, v in numbers if marks.get(i + 1, set()) & {"years", "yr:ago"}), 1)
        if 0 < ago < 30:
            year = latest - ago
    elif "yr:lastn" in names and "years" in names:
        span = next((v for i, v in numbers if "years" in marks.get(i + 1, set())), None)
        if span is None:
            span = next((int(f[4:]) for f in names if f.startswith("num:")), None)
        if span and 0 < span < 30:
            since = latest - span + 1
    if since is None and year is None and "yr:history" in names and years:
        since = years[0]
    return year, since, numbers


def _ranking(
    body: str,
    tokens: Sequence[_Token],
    parsed: _Parse,
    marks: dict[int, set[str]],
    topic: str | None,
    numbers: list[tuple[int, int]],
    command: str | None,
) -> Ranking | None:
    names = {f for _, f in parsed.features}
    position: int | None = None
    position_at: int | None = None
    for i, value in numbers:
        token = tokens[i]
        hashed = body[token.start - 1 : token.start] in ("#", "№")
        if 1 <= value <= 200 and (
            token.ordinal or hashed
            or "posword" in marks.get(i - 1, set()) or "posword" in marks.get(i + 1, set())
        ):  # fmt: skip
            position, position_at = value, i
            break
    if position is None:
        position = next((int(f[4:]) for f in names if f.startswith("pos:")), None)
    region, subregion = parsed.regions[0] if parsed.regions else (None, None)
    wants = (
        "rank" in names or region is not None or position is not None
        or command in ("top", "ranking", "rank", "bottom", "worst")
        or ("plural" in names and ("neg" in names or "pos" in names))
        or ("most" in names and ("neg" in names or "pos" in names))
        or ("least" in names and ("neg" in names or "pos" in names))
    )  # fmt: skip
    if not wants:
        return None
    # Order: said outright, else from "most"/"least" + an adjective's polarity.
    bottom = "bottom" in names or command in ("bottom", "worst")
    top = "top" in names
    if not bottom and not top:
        for i, feature in parsed.features:
            if feature in ("most", "least"):
                # "most dangerous", "jailed the most"
                near = (
                    marks.get(i + 1, set()) | marks.get(i + 2, set())
                    | marks.get(i - 1, set()) | marks.get(i - 2, set())
                )  # fmt: skip
                if "neg" in near or "pos" in near:
                    negative = "neg" in near and "pos" not in near
                    bottom = negative == (feature == "most")
                    break
        else:
            if "plural" in names and "neg" in names and "pos" not in names:
                bottom = True
    limit: int | None = None
    for i, value in numbers:
        if 0 < value <= 1000 and i != position_at:
            near = (
                marks.get(i - 1, set()) | marks.get(i + 1, set())
                | marks.get(i - 2, set()) | marks.get(i + 2, set())
            )  # fmt: skip
            if command in _RANKING_COMMANDS and i == numbers[0][0]:
                near = near | {"count"}  # "/top 5 Africa": the command is the word "top"
            if near & {"count", "top", "bottom", "rank", "plural"} and not (tokens[i].ordinal):
                limit = value
                break
    if limit is None:
        for i, feature in parsed.features:
            if feature.startswith("num:"):
                near = marks.get(i - 1, set()) | marks.get(i + 1, set())
                if near & {"count", "top", "bottom", "rank", "plural"}:
                    limit = int(feature[4:])
                    break
    if limit is None:
        one = "last1" in names or ("sing" in names and "plural" not in names)
        limit = 1 if one and position is None else _DEFAULT_LIMIT
    indicator = TOPIC_INDICATOR.get(topic) if topic else None
    return Ranking(
        order="bottom" if bottom else "top",
        limit=max(1, limit),  # the answer shows at most MAX_RANKING, and says so
        region=region if region in REGIONS else None,
        subregion=subregion if subregion in SUBREGIONS else None,
        indicator=indicator,
        position=position,
    )


def _search_terms(
    body: str, tokens: Sequence[_Token], parsed: _Parse, command: str | None
) -> tuple[str, range] | None:
    """The words to look for in profile texts and the tokens they span, or None when
    the message is no search.  "which profiles mention Pegasus" → after the trigger;
    "where is Pegasus mentioned" → before it; a quoted phrase wins."""
    triggers = [i for i, f in parsed.features if f == "search"]
    if command == "search":
        triggers = [-1]
    if not triggers:
        return None
    if quoted := _QUOTED_RE.search(body):
        inside = [i for i, t in enumerate(tokens) if quoted.start() < t.start < quoted.end()]
        span = range(inside[0], inside[-1] + 1) if inside else range(0)
        return quoted.group(1).strip(), span
    trigger = triggers[0]
    end = trigger + 1
    while end < len(tokens) and tokens[end].kind == _WORD and tokens[end].norm in _SEARCH_FILLER:
        end += 1  # "search for the word …"
    if end < len(tokens):
        first, last = end, len(tokens) - 1
    else:
        first, last = 0, trigger - 1
        while first <= last and tokens[first].norm in _STOPWORDS | _SEARCH_LEAD:
            first += 1
    while last >= first and (tokens[last].norm in _SEARCH_TAIL or tokens[last].kind == _NUM):
        last -= 1
    if first > last:
        return None
    return body[tokens[first].start : tokens[last].end], range(first, last + 1)


def _flat(marks: dict[int, set[str]]) -> list[tuple[int, str]]:
    """The (token index, feature) pairs of ``marks``, in order."""
    return sorted((i, f) for i, features in marks.items() for f in features)
