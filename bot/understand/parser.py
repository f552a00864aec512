"""The walk that reads a question with the index of one snapshot's names and the lexicons.

:class:`Understander` takes the index :func:`bot.understand.index.build` makes (or the
same, read back from the disk cache).  Parsing a message tokenizes it
(:mod:`bot.understand.text`), cuts unspaced CJK text into words, walks the tokens taking
the longest name or phrase at each (a word's stem under its suffixes when the word itself
is unknown, :mod:`bot.understand.morphology`), tries the typo step on what is left
(:mod:`bot.understand.typos`), and hands the result to :mod:`bot.understand.decide`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from msgspec.structs import replace

from bot.cache import BoundedDict
from bot.domain import LISTED_WITHIN
from bot.names import normalize
from bot.query import Query
from bot.store import Snapshot
from bot.understand.decide import Parse, decide
from bot.understand.features import Feature, Sense, names_a_language_only
from bot.understand.followup import Follow, with_context
from bot.understand.language import letter_tables, said_in
from bot.understand.morphology import MIN_STEM, chain_of, stems
from bot.understand.text import (
    APOSTROPHE_RE,
    CJK_RE,
    COMMAND_RE,
    LIST_SPLIT_RE,
    Kind,
    Token,
    clean,
    fold_word,
    scan,
    script_of,
)
from bot.understand.typos import MIN_TYPO_WORD, MIN_WORD_TYPO, WORD_TYPOS, typo_match

if TYPE_CHECKING:
    from bot.understand.index import Memo

T = TypeVar("T")

# Commands that take a list of countries.
_LIST_COMMANDS = frozenset({"chart", "compare"})
#: The parts of the index most questions never touch (the stems of unknown words, typos,
#: names by their beginnings, CJK text): an index read from disk unpickles them when first
#: used (see :mod:`bot.index_cache`), half of reading it.
RARE_PARTS = ("stems", "prefix_names", "fuzzy_lists", "fuzzy_codes", "fuzzy_forms",
              "fuzzy_ends", "real_words", "word_typos", "typo_lookalikes", "cjk", "t2s")

# Per-word results remembered per Understander (readings and typo verdicts); each table is
# emptied when full.
_CACHE_SIZE = 20_000

#: The language readers of each language mix words of into their own (code-switching):
#: English into the Latin-script languages, Russian into the Cyrillic ones.
_LINGUA_FRANCA = {"de": "en", "fr": "en", "es": "en", "pt": "en", "tr": "en", "uz": "en",
                  "uk": "ru", "kk": "ru", "ky": "ru", "tg": "ru"}

#: Scripts whose lexicons' suffixes a word of that script may carry.
_SCRIPTS = {"latin": ("en", "de", "fr", "es", "pt", "tr", "uz"),
            "cyrillic": ("kk", "ky", "uz", "tg", "ru", "uk"),
            "arabic": ("ar", "fa")}  # fmt: skip


#: Kind.WORD, read once: reading an enum's member costs several times a global's (Python
#: 3.11), and the walk asks it of every token.
_WORD = Kind.WORD
#: The same for the features every walk reads.
_ANSWER_LANG, _HELP_TOPIC, _YEAR_UNIT, _YEAR_AGO, _REGION = (
    Feature.ANSWER_LANG, Feature.HELP_TOPIC, Feature.YEAR_UNIT, Feature.YEAR_AGO, Feature.REGION)


def _union(masks: Sequence[int]) -> int:
    found = 0
    for mask in masks:
        found |= mask
    return found


class Match(NamedTuple):
    """What a name of the index names: one country, or several (the bot asks which)."""

    codes: tuple[str, ...]


class Word(NamedTuple):
    """What one word says, found once per distinct word and remembered."""

    codes: tuple[str, ...]  # a country's name (several codes: ambiguous), else ()
    senses: tuple[Sense, ...]  # what the lexicons say of it
    sense_langs: tuple[int, ...]  # for each sense, the lexicons that say it (bits)
    langs: int  # the lexicons it is in (bits in the order of the index's "langs")
    stems: tuple[str, ...]  # its stems under its suffixes (for phrases ending in it)
    vias: tuple[str, ...]  # the languages whose suffixes it carries, read through them
    features: frozenset[Feature] = frozenset()  # the features of its senses, for the walk
    # The languages in which it names its country by its people's adjective ("türkische":
    # German), or (): a name.  "kazakhs" is French's adjective, and English's name.
    adjective: tuple[str, ...] = ()
    # The languages in which the same letters are an ordinary word ("indiana": English).
    homograph: tuple[str, ...] = ()


_NOTHING = Word((), (), (), 0, (), ())


#: A lexicon word in the index: ((feature, value, lexicons), …) and all its lexicons (bits).
Entry = tuple[tuple[tuple[int, Any, int], ...], int]


#: Each feature by its number in the index (calling an enum class to look one up costs
#: microseconds in Python 3.11, and every word seen for the first time has some).
_FEATURE_OF: dict[int, Feature] = {int(feature): feature for feature in Feature}


def _senses(entry: Entry, only: int = -1) -> tuple[tuple[Sense, ...], tuple[int, ...]]:
    """The typed senses of an index entry (those of the lexicons ``only``, if given)."""
    kept = [(Sense(_FEATURE_OF[f], v), m & only) for f, v, m in entry[0] if m & only]
    return tuple(s for s, _ in kept), tuple(m for _, m in kept)


def _ordinary_words(parsed: Parse, written_in: str) -> None:
    """A people's word that is an ordinary word of the question's language is that word:
    "Is press free in Indiana?", "Deutsche Welle", Persian "مجری" (a presenter)."""
    dropped = {i for i, langs in parsed.homographs.items() if written_in in langs}
    if dropped:
        parsed.countries = [(i, c) for i, c in parsed.countries if i not in dropped]
        parsed.spans = [(i, n) for i, n in parsed.spans if i not in dropped]
        for i in dropped:
            parsed.adjectives.pop(i, None)


class _RarePart(Generic[T]):
    """One of :data:`RARE_PARTS` as an attribute of an :class:`Understander`: taken from
    its rare parts when first read, then kept on the instance (a plain attribute read)."""

    def __init__(self, part: str) -> None:
        self.part = part

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, understander: Understander, owner: type | None = None) -> T:
        value: T = understander._rare[self.part]
        understander.__dict__[self.name] = value
        return value


class Understander:
    """Parses questions against one snapshot's names and the lexicons; build once per data
    version.

    Building the first time takes seconds (pymorphy3, wordfreq); ``memo`` (see
    :class:`bot.understand.index.Memo`) keeps what outlives a data version, so a rebuild
    after an import takes a fraction of a second.  :meth:`state` is the built index as
    plain containers, and ``Understander(snapshot, state)`` takes it back instead of
    building (the pipeline keeps it on disk between runs, see :mod:`bot.index_cache`);
    ``rare`` gives the parts :data:`RARE_PARTS` when first needed, if ``state`` has them
    not."""

    def __init__(
        self, snapshot: Snapshot, state: dict[str, Any] | None = None, memo: Memo | None = None,
        rare: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        self.latest_year = snapshot.latest_year
        self.years = tuple(snapshot.years)
        # The index years of the entries that once held several of today's countries.
        held = {entry for entries in LISTED_WITHIN.values() for entry in entries}
        self._entry_years: dict[str, tuple[int, ...]] = {
            entry: tuple(y for y in snapshot.years if (entry, y) in snapshot.results)
            for entry in held
        }
        if state is None:
            # Building reads the lexicons and runs pymorphy3 and wordfreq: imported only
            # then, so a process that reads a cached index never loads them.
            from bot.understand.index import build

            state = build(snapshot, memo)
        self._state = state
        self._rare_parts = rare
        s = self._state
        self.names: dict[str, tuple[str, ...]] = s["names"]
        self.words: dict[str, Entry] = s["words"]
        self.first_len: dict[str, int] = s["first_len"]
        self._pairs: frozenset[str] = s["pairs"]
        self.cased: dict[str, tuple[str, ...]] = s["cased"]
        self.short: dict[str, tuple[str, ...]] = s["short"]
        self.titlecase_only: frozenset[str] = s["titlecase_only"]
        self.langs: tuple[str, ...] = s["langs"]
        self.sets: dict[str, frozenset[str]] = {**s["sets"], "name_words": s["name_words"]}
        self._ordinals = self.sets["ordinal"]
        self._morph: dict[str, tuple[tuple[str, ...], int, tuple[str, ...], tuple[str, ...]]] = (
            s["morph"])
        self._suffix_sets = {lang: frozenset(m[0]) for lang, m in self._morph.items()}
        self._alternations: dict[str, dict[str, tuple[str, str]]] = s["alternations"]
        # Every letter some language writes differently before a suffix, and how it may
        # be written in the dictionary: a word's beginnings are looked up so too.
        self._altered: dict[str, str] = {}
        for table in self._alternations.values():
            for before, (letter, _) in table.items():
                self._altered[before] = self._altered.get(before, "") + letter
        self._widest: int | None = None
        self._cjk_lengths: list[int] = s["cjk_lengths"]
        self._cjk_shadows: dict[str, int] = s["cjk_shadows"]
        self._shadow_lengths = sorted(set(self._cjk_shadows.values()), reverse=True)
        self._lookalikes: frozenset[str] = s["lookalikes"]
        self._adjectives: dict[str, tuple[str, ...]] = s["adjectives"]
        self._homographs: dict[str, tuple[str, ...]] = s["homographs"]
        # A misspelt word → the senses of the words it stands for, or None.
        self._word_typo_cache: BoundedDict[
            str, tuple[tuple[Sense, ...], tuple[int, ...]] | None] = BoundedDict(_CACHE_SIZE)
        self._name_words: frozenset[str] = s["name_words"]
        self._compounds: frozenset[str] = s["compounds"]
        self._by_lang = {lang: 1 << bit for bit, lang in enumerate(self.langs)}
        self._letters = letter_tables(s["letters"], self.langs)
        self._name_langs: dict[str, int] = s["name_langs"]
        # What words say, remembered within bounds: the same words come again and again.
        self._word_cache: BoundedDict[str, Word] = BoundedDict(_CACHE_SIZE)
        self._phrase_cache: BoundedDict[str, tuple[tuple[Sense, ...], tuple[int, ...]]] = (
            BoundedDict(_CACHE_SIZE))
        # A word and the one after it (its fold and base) → whether a phrase of the index
        # may start with them: most words that begin phrases begin none with their next.
        self._pair_cache: BoundedDict[tuple[str, str, str], bool] = BoundedDict(_CACHE_SIZE)
        # A word as written (raw, norm, base) in a shouted text or not → _single's answer.
        self._single_cache: BoundedDict[
            tuple[str, str, str, bool], tuple[tuple[str, ...], Word]] = BoundedDict(_CACHE_SIZE)
        # A name as written → its key; a leftover word → its stems; a word → its folds.
        self._normalize_cache: BoundedDict[str, str] = BoundedDict(_CACHE_SIZE)
        self._cuts_cache: BoundedDict[str, tuple[tuple[str, int], ...]] = BoundedDict(
            _CACHE_SIZE)
        self._folds: BoundedDict[str, tuple[str, str, bool]] = BoundedDict(_CACHE_SIZE)
        self._fuzzy_cache: BoundedDict[tuple[str, str], tuple[str, tuple[str, ...]] | None] = (
            BoundedDict(_CACHE_SIZE))
        self._keys: dict[str, Match] | None = None
        # (script, length, first letter) → the names of _fuzzy_lists[script, length] that
        # begin with that letter.
        # The names of each (script, length) list by their first letter, grouped when a
        # list is first needed (one pass per list, where a pass per letter was ten).
        self._by_first: dict[tuple[str, int], dict[str, list[str]]] = {}
        self._typed_names: dict[str, dict[str, dict[str, str]]] = s["typed_names"]

    def state(self) -> dict[str, Any]:
        """The built index: dicts, lists, tuples, sets, strings and numbers only (no class
        of ours), so it can be stored and read back without running any code."""
        if self._rare_parts is None:
            return self._state
        return {**self._state, **{part: self._rare[part] for part in RARE_PARTS}}

    # -- the rare parts, each taken from the index when first used -------------------------

    @cached_property
    def _rare(self) -> dict[str, Any]:
        return self._state if self._rare_parts is None else self._rare_parts()

    def load_rare_parts(self) -> None:
        """Read the rare parts now rather than when first needed: before processes are
        forked to share this understander, so that they share them too."""
        self._rare  # noqa: B018 (a cached property: reading it loads it)

    _stems: _RarePart[dict[str, int]] = _RarePart("stems")
    _cjk: _RarePart[dict[str, int]] = _RarePart("cjk")
    _t2s: _RarePart[dict[int, str]] = _RarePart("t2s")
    _real_words: _RarePart[frozenset[str]] = _RarePart("real_words")
    _fuzzy_lists: _RarePart[dict[tuple[str, int], list[str]]] = _RarePart("fuzzy_lists")
    _fuzzy_codes: _RarePart[dict[str, tuple[str, ...]]] = _RarePart("fuzzy_codes")
    _fuzzy_forms: _RarePart[frozenset[str]] = _RarePart("fuzzy_forms")
    # Names' first three letters and last three (Understander._one_edit).
    _fuzzy_ends: _RarePart[tuple[frozenset[str], frozenset[str]]] = _RarePart("fuzzy_ends")
    # What misspelt words of the lexicons may stand for (typos.WORD_TYPOS), and the common
    # words never taken for one.
    _word_typos: _RarePart[list[dict[tuple[str, str], list[str]]]] = _RarePart("word_typos")
    _typo_lookalikes: _RarePart[frozenset[str]] = _RarePart("typo_lookalikes")
    _prefix_names: _RarePart[list[tuple[str, str, str, bool]]] = _RarePart("prefix_names")

    @cached_property
    def _prefix_keys(self) -> list[str]:
        return [name[0] for name in self._prefix_names]

    @property
    def keys(self) -> dict[str, Match]:
        """Every name of the index (folded) and what it names."""
        if self._keys is None:
            self._keys = {key: Match(codes) for key, codes in self.names.items()}
        return self._keys

    # -- parsing -------------------------------------------------------------------------

    def tokenize(self, text: str) -> list[Token]:
        """The tokens of a cleaned message, unspaced CJK text cut into words (traditional
        characters read as their simplified forms, one for one)."""
        if not text.isascii() and CJK_RE.search(text):
            text = text.translate(self._t2s)
        self._folds.make_room()
        tokens, wide = scan(text, self._ordinals, self._folds)
        if wide and self._cjk_lengths:
            tokens = [part for token in tokens
                      for part in (self._cut_cjk(token) if token.kind == Kind.WORD
                                   and CJK_RE.search(token.norm) else (token,))]
        return tokens

    def parse(
        self,
        text: str,
        lang: str | None = None,
        context: Query | None = None,
        *,
        chosen: str | None = None,
    ) -> Query:
        """Understand one message.  ``lang`` is the user's Telegram language code, if any;
        ``context`` the query behind the answer the message follows up on; ``chosen`` a
        language the reader chose outright (``pressbot ask --lang``), which a message that
        shows none of its own (a bare name, a code, a flag) is answered in."""
        command = None
        body = text
        if found := COMMAND_RE.match(text):
            command = found.group(1).lower()
            body = text[found.end() :]
        body = clean(body)
        tokens = self.tokenize(body)
        parsed = self._walk(tokens, body)
        written_in = said_in(tokens, parsed, self._letters, self._name_langs,
                             body.isascii())  # fmt: skip
        if written_in is not None:
            self._in_language(parsed, written_in)
            if parsed.homographs:
                _ordinary_words(parsed, written_in)
        query = decide(text, body, tokens, parsed, command, lang, self.latest_year, self.years,
                       self.sets, written_in, chosen, self._entry_years)  # fmt: skip
        typed = self._typed(body, tokens, parsed, query)
        if typed:
            query = replace(query, typed_names=typed)
        if query.command in _LIST_COMMANDS:
            # "/chart Kazakhstan, Narnia 2024": a list of countries, read part by part, and
            # the parts that name none reported rather than dropped.
            codes, unknown = self.country_list(body, lang)
            unplaced = tuple((word, self.parse(word, lang).candidates) for word in unknown)
            query = replace(query, countries=tuple(codes) or query.countries, unplaced=unplaced)
        if context is None:
            return query
        return with_context(query, context, self._follow(tokens))

    def _typed(self, body: str, tokens: Sequence[Token], parsed: Parse,
               query: Query) -> tuple[tuple[str, str], ...]:
        """The names the reader wrote for the query's countries that its reply keeps: the
        words that named a country, as written (no typo taken for a name, no case form:
        "Кыргызстане" is read, not shown), when they are a name of that country in the
        reply's language; shown as the alias table writes them."""
        if not parsed.countries:
            return ()
        sizes = dict(parsed.spans)
        typed: dict[str, str] = {}
        for i, code in sorted(parsed.countries):
            if code not in query.countries or code in typed or i in parsed.typos:
                continue
            size = sizes.get(i, 1)
            written = self._normalized(body[tokens[i].start : tokens[i + size - 1].end])
            shown = self._typed_names.get(written, {}).get(code, {}).get(query.lang)
            if shown is not None:
                typed[code] = shown
        return tuple(typed.items())

    def _normalized(self, name: str) -> str:
        """:func:`~bot.names.normalize` of a name as written, remembered: the same names
        come again and again."""
        found = self._normalize_cache.get(name)
        if found is None:
            found = self._normalize_cache.remember(name, normalize(name))
        return found

    def _in_language(self, parsed: Parse, written_in: str) -> None:
        """Keep the senses the question's language gives its words: "топ" is a ranking's
        top in Russian, a group in Kazakh; "para" is "for" in Spanish, money in Turkish.
        Words of the language most readers of a script mix in (English in Latin letters,
        Russian in Cyrillic) keep their senses too."""
        bit = self._by_lang[written_in]
        for langs in parsed.feature_langs:
            if not langs & bit:
                break
        else:
            return  # every sense is the question's language's: nothing to choose
        lingua = self._by_lang.get(_LINGUA_FRANCA.get(written_in, ""), 0)
        derived = set(parsed.derived)
        own: dict[int, bool] = {}
        for (i, _), langs in zip(parsed.features, parsed.feature_langs, strict=True):
            own[i] = own.get(i, False) or bool(langs & bit)
        # A word with a sense in the question's language keeps that one; a word with none
        # keeps what another language says of it ("қонуни" is Uzbek and Tajik alike),
        # unless only another language's suffixes made it a word ("size" is no Turkish
        # "siz|e").
        kept = [(feature, langs) for feature, langs in zip(parsed.features,
                                                           parsed.feature_langs, strict=True)
                if langs & bit or (not own[feature[0]] and (
                    langs & lingua or feature[0] not in derived))]  # fmt: skip
        parsed.features = [feature for feature, _ in kept]
        parsed.feature_langs = [langs for _, langs in kept]

    def _follow(self, tokens: Sequence[Token]) -> Follow:
        """How a follow-up begins: adding a country ("and Norway?"), switching to another
        ("what about Norway?"), or neither."""
        norms = [t.norm for t in tokens[:3]]
        for size in (3, 2, 1):
            key = " ".join(norms[:size])
            if key in self.sets["follow_switching"]:
                return Follow.SWITCH
            if key in self.sets["follow_adding"]:
                return Follow.ADD
        return Follow.NONE

    def country_list(self, text: str, lang: str | None = None) -> tuple[list[str], list[str]]:
        """Countries listed as /subscribe and /chart take them: (the codes, in the order
        written and once each; the parts that name no country).

        "Kazakhstan, Kyrgyzstan, Narnia" → (["KAZ", "KGZ"], ["Narnia"]), and "Kazakhstan
        Kyrgyzstan" → (["KAZ", "KGZ"], []).  Commas, semicolons and new lines separate
        parts; within a part names are read as in a question, so "and"/"и" separate two
        ("Kazakhstan and Narnia") yet "Trinidad and Tobago" stays one country.  Only a sure
        match counts: a near miss ("Meksico") or a name of two countries ("Korea") is a
        part not understood.  A part that is a bare ISO code counts in any case ("kz, uz"):
        a list has no words to mistake for codes.  Names are read in every language, so
        ``lang`` (the user's, as for :meth:`parse`) changes nothing today.
        """
        codes: list[str] = []
        unknown: list[str] = []
        stop = Sense(Feature.STOP)
        for part in LIST_SPLIT_RE.split(text):
            body = clean(part)
            tokens = self.tokenize(body)
            if len(tokens) == 1 and len(code := self.cased.get(tokens[0].raw.upper(), ())) == 1:
                codes.append(code[0])
                continue
            parsed = self._walk(tokens, body, in_list=True)
            codes.extend(code for _, code in sorted(parsed.countries))
            found = {i for i, _ in parsed.countries}
            explained = {i for i, sense in parsed.features if sense == stop}
            unclear = set(parsed.unclear) | {
                i for i in parsed.leftovers if i not in found and i not in explained
            }
            runs: list[list[Token]] = []  # unexplained words next to each other: one part
            for i in sorted(unclear):
                token = tokens[i]
                if runs and i - 1 in unclear and body[runs[-1][-1].end : token.start].isspace():
                    runs[-1].append(token)
                else:
                    runs.append([token])
            unknown.extend(body[run[0].start : run[-1].end] for run in runs)
        return list(dict.fromkeys(codes)), unknown

    def means_everything(self, text: str) -> bool:
        """Whether a list of countries is "all" of them ("/unsubscribe all", "все")."""
        return normalize(text) in self.sets["everything"]

    def is_question_word(self, text: str) -> bool:
        """Whether a word or phrase is one of the lexicons' (never a country's name)."""
        return normalize(text) in self.words

    def prefix_matches(self, text: str, lang: str, limit: int = 50) -> list[str]:
        """Current countries with a name beginning with ``text`` (case, accents and
        punctuation aside), for inline mode as the user types: "kaz" → ["KAZ"], "ni" →
        ["NER", "NGA", "NIC", …].  First the countries whose own name in English or in
        ``lang`` matches, then those with another name in these languages ("Burma",
        "Kazakh"), then the rest (other languages, ISO codes); in each, the shortest name
        first (a finished "niger" is Niger before Nigeria)."""
        prefix = normalize(text)
        if not prefix:
            return []
        langs = {"en", lang.split("-")[0].lower()}
        best: dict[str, tuple[int, int, str]] = {}
        start = bisect_left(self._prefix_keys, prefix)
        for key, code, name_lang, own in islice(self._prefix_names, start, None):
            if not key.startswith(prefix):
                break
            order = (0 if own else 1) if name_lang in langs else 2, len(key), key
            if code not in best or order < best[code]:
                best[code] = order
        return sorted(best, key=best.__getitem__)[: max(0, limit)]

    # -- words ---------------------------------------------------------------------------

    def _cut_cjk(self, token: Token) -> list[Token]:
        """Unspaced CJK text as words: at each place the longest name or lexicon word
        that begins there; characters no word explains stay together as one word, and
        a common word that a name starts inside of ("发展中国家") stays whole."""
        text = token.norm
        parts: list[Token] = []
        loose = ""
        i = 0

        def flush(end: int) -> None:
            nonlocal loose
            if loose:
                start = token.start + end - len(loose)
                parts.append(Token(Kind.WORD, loose, loose, start, start + len(loose),
                                   base=loose))  # fmt: skip
                loose = ""

        while i < len(text):
            for length in self._cjk_lengths:
                piece = text[i : i + length]
                if len(piece) == length and piece in self._cjk:
                    flush(i)
                    start = token.start + i
                    parts.append(Token(Kind.WORD, piece, piece, start, start + length,
                                       base=piece))  # fmt: skip
                    i += length
                    break
            else:
                shadow = next((n for n in self._shadow_lengths
                               if text[i : i + n] in self._cjk_shadows), 1)  # fmt: skip
                loose += text[i : i + shadow]
                i += shadow
        flush(i)
        return parts

    def _word(self, norm: str) -> Word:
        """What a word says: a name, lexicon senses, or the same through its suffixes."""
        found = self._word_cache.get(norm)
        if found is not None:
            return found
        codes = self.names.get(norm, ())
        entry = self.words.get(norm)
        senses: tuple[Sense, ...] = ()
        sense_langs: tuple[int, ...] = ()
        langs = 0
        if entry is not None:
            senses, sense_langs = _senses(entry)
            langs = entry[1]
        word_stems: list[str] = []
        readers: list[str] = []
        named_by = norm  # the key that named a country: the word, or a stem under it
        # A language's name may name a country too, under its article or suffixes (Arabic
        # "الروسية": Russian, the language, and the Russian press's "Russian"), as the
        # whole word "Russian" does.
        language = entry is not None and names_a_language_only(entry[0])
        if not codes and (entry is None or language) and len(norm) > MIN_STEM:
            # Under its suffixes, in every language whose table fits: "маоши" is Uzbek
            # "маош" (a salary), "журналистлар" Uzbek or Kazakh.
            found_senses: dict[Sense, int] = {}
            script = script_of(norm)
            # The languages any beginning of the word is a stem of (most words: none).
            known = self._stems
            reachable = 0
            altered = self._altered
            for cut in range(len(norm) - 1, MIN_STEM - 1, -1):
                reachable |= known.get(norm[:cut], 0)
                for letter in altered.get(norm[cut - 1], ""):
                    reachable |= known.get(norm[:cut - 1] + letter, 0)
            for lang in _SCRIPTS.get(script, ()):
                morph = self._morph.get(lang)
                if morph is None:
                    continue
                _, longest, prefixes, compound = morph
                bit = self._by_lang[lang]
                found_stems = stems(norm, self._suffix_sets[lang], longest, prefixes,
                                    known, bit, alternations=self._alternations.get(lang),
                                    ) if reachable & bit or prefixes else []
                found_stems += [norm[len(p):] for p in compound if norm.startswith(p)
                                and norm[len(p):] in self.words]  # fmt: skip
                if lang in self._compounds:
                    parts = self._compound_head(norm, lang)
                    if parts is not None:
                        found_stems.append(parts[1])
                        for sense, mask in self._modifier_topic(norm, *parts, lang):
                            found_senses[sense] = found_senses.get(sense, 0) | mask
                for stem in found_stems:
                    if stem not in word_stems:
                        word_stems.append(stem)
                    stem_codes = () if norm in self._lookalikes else self.names.get(stem, ())
                    if stem_codes and len(stem) <= 4 and self._near_a_name(norm):
                        stem_codes = ()  # "Malita": Malta misspelt, not "Mali|ta"
                    stem_entry = self.words.get(stem)
                    if stem_codes and not codes:
                        codes, named_by = stem_codes, stem
                        if stem_entry is not None and stem_entry[1] & bit:
                            # A name that is a word too keeps the word's senses, as a whole
                            # word does: "بالفرنسية" answers in French.
                            senses, sense_langs = _senses(stem_entry, bit)
                            langs = _union(sense_langs)
                        break
                    if stem_entry is not None and stem_entry[1] & bit:
                        for sense, mask in zip(*_senses(stem_entry, bit), strict=True):
                            found_senses[sense] = found_senses.get(sense, 0) | mask
                        readers.append(lang)
                        break
            short = all(len(stem) <= 4 for stem in word_stems)
            if not codes and found_senses and short and self._near_a_name(norm):
                # A short stem under suffixes or a typo of a name?  "suda" is no Uzbek
                # court ("sud|a"), "banada" no Turkish "to me" ("bana|da"): the typo.
                found_senses, readers = {}, []
            if not codes and found_senses and entry is None:
                senses = tuple(found_senses)
                sense_langs = tuple(found_senses.values())
                langs = _union(sense_langs)
            else:
                readers = []
        result = Word(codes, senses, sense_langs, langs, tuple(word_stems), tuple(readers),
                      frozenset(sense.feature for sense in senses),
                      self._adjectives.get(named_by, ()) if codes else (),
                      self._homographs.get(named_by, ()) if codes else ())
        self._word_cache.remember(norm, result)
        return result

    def _near_a_name(self, word: str) -> bool:
        """Whether ``word`` is a clear typo of a country's name of six letters or more."""
        if len(word) < MIN_TYPO_WORD or word in self._real_words:
            return False
        found = self._fuzzy(word)
        return found is not None and found[0] in ("accept", "ask")

    def _longest_word(self) -> int:
        """The length of the longest word of the lexicons (found on first need)."""
        if self._widest is None:
            self._widest = max(map(len, self.words), default=0)
        return self._widest

    def _compound_head(self, norm: str, lang: str) -> tuple[int, str] | None:
        """German compounds: where the word of the press or of a topic a long word ends
        with begins, and that word, inflected or not ("Presse|freiheit",
        "Medien|konzentration", "Werbe|markt|s"); None for a word that ends with none."""
        bit = self._by_lang[lang]
        suffixes = self._suffix_sets.get(lang, frozenset())
        longest = self._morph[lang][1]
        wanted = (Feature.TOPIC, Feature.CONTEXT)
        # A head is a word of the lexicons: none is longer than the longest of them, so a
        # hostile 4,000-letter "word" costs a few thousand lookups, not millions of slices.
        widest = self._longest_word()
        for cut in range(4, len(norm) - 3):
            head = norm[cut:]
            for end in range(min(len(head), widest), 3, -1):
                entry = self.words.get(head[:end])
                if (
                    entry is not None and entry[1] & bit
                    and any(f in wanted and m & bit for f, _, m in entry[0])
                    and chain_of(head[end:], suffixes, longest)
                ):  # fmt: skip
                    return cut, head[:end]
        return None

    #: What joins the parts of a German compound: "Sicherheit|s|lage", "Lage|n|bild".
    _LINKS = ("", "s", "es", "n", "en")

    def _modifier_topic(self, norm: str, cut: int, head: str, lang: str
                        ) -> list[tuple[Sense, int]]:
        """The topic a compound's first part names, when its last part (``head``, from
        ``cut``: :meth:`_compound_head`) is a word of the press that names none:
        "Sicherheits|indikator" is the indicator of safety, "Rechts|lage" the legal
        situation.  The last part's own topic stands ("Sicherheits|politik" is politics,
        "Wirtschafts|sicherheit" safety); "Medien|freiheit" is the press already, and a
        compound of no word of the press ("Sicherheitsgurt") is read as nothing."""
        bit = self._by_lang[lang]
        if any(f == Feature.TOPIC and m & bit for f, _, m in self.words[head][0]):
            return []
        for link in self._LINKS:
            if link and not norm[:cut].endswith(link):
                continue
            entry = self.words.get(norm[: cut - len(link)])
            if entry is not None and entry[1] & bit:
                return [(sense, mask) for sense, mask in zip(*_senses(entry, bit), strict=True)
                        if sense.feature == Feature.TOPIC]
        return []

    def _phrase(self, tokens: Sequence[Token], i: int, shouting: bool
                ) -> tuple[int, tuple[str, ...], tuple[tuple[Sense, ...], tuple[int, ...]],
                           tuple[str, ...]]:
        """The longest name or lexicon phrase of two words or more starting at ``i`` (its
        last word may carry suffixes: "Орталық Азия|да"): (words, codes, senses, the
        languages whose people's adjective the name is, or ())."""
        norm = tokens[i].norm
        most = self.first_len.get(norm, 1)
        n = len(tokens)
        if most < 2 or i + 1 >= n:
            return 0, (), ((), ()), ()
        # Most words begin no phrase with the word after them: one lookup says so.
        after = tokens[i + 1]
        pair = (norm, after.norm, after.base if after.kind == _WORD else "")
        starts = self._pair_cache.get(pair)
        if starts is None:
            starts = self._pair_cache.remember(pair, self._starts_phrase(*pair))
        if not starts:
            return 0, (), ((), ()), ()
        # A phrase goes on over words only, none written onto a number: the longest that
        # may start here ends before the first other token.
        end, stop = i + 1, min(i + most, n)
        while end < stop and tokens[end].kind == _WORD and not tokens[end].attached:
            end += 1
        for size in range(end - i, 1, -1):
            window = tokens[i : i + size]
            head = " ".join([t.norm for t in window[:-1]])
            last = window[-1]
            for tail in (last.norm, last.base, *self._word(last.norm).stems):
                key = f"{head} {tail}"
                codes = self.names.get(key)
                if codes is not None:
                    if key in self.titlecase_only and not tokens[i].raw[:1].isupper():
                        continue
                    # "sud-coréen": a people's adjective of several words.
                    return size, codes, ((), ()), self._adjectives.get(key, ())
                entry = self.words.get(key)
                if entry is not None:
                    return size, (), self._phrase_senses(key, entry), ()
        return 0, (), ((), ()), ()

    def _starts_phrase(self, norm: str, after: str, base: str) -> bool:
        """Whether a phrase of the index starts with ``norm`` and the word after it (as
        folded, as its base, or as one of its stems; ``base`` is empty for a number)."""
        pairs = self._pairs
        if f"{norm} {after}" in pairs:
            return True
        if not base:
            return False
        return f"{norm} {base}" in pairs or any(
            f"{norm} {stem}" in pairs for stem in self._word(after).stems)

    def _phrase_senses(self, key: str, entry: Entry) -> tuple[tuple[Sense, ...], tuple[int, ...]]:
        """The senses of a lexicon phrase, typed once per phrase."""
        found = self._phrase_cache.get(key)
        if found is None:
            found = self._phrase_cache.remember(key, _senses(entry))
        return found

    def _single(self, token: Token, shouting: bool) -> tuple[tuple[str, ...], Word]:
        """A one-word name (codes) and what the word says (a word's, remembered: the same
        words come again and again)."""
        if token.kind != _WORD:
            return self._read_single(token, shouting)
        key = (token.raw, token.norm, token.base, shouting)
        found = self._single_cache.get(key)
        if found is None:
            found = self._single_cache.remember(key, self._read_single(token, shouting))
        return found

    def _read_single(self, token: Token, shouting: bool) -> tuple[tuple[str, ...], Word]:
        norm = token.norm
        if token.kind == Kind.FLAG:
            return self.names.get(norm, ()), _NOTHING
        raw = token.raw
        if raw.isupper() and raw.isascii() and 2 <= len(raw) <= 4:
            codes = self.cased.get(raw)
            if codes and not (shouting and (norm in self.words or norm in self.sets["shouted"])):
                return codes, self._word(norm)
        if token.kind != Kind.WORD:
            return (), _NOTHING
        word = self._word(norm)
        if token.base != norm and not word.codes and not word.senses:
            word = self._word(token.base)  # "Kazakhstan's", "d'Europe", "Türkiye'de"
        codes = word.codes
        titlecase = norm in self.titlecase_only or bool(
            word.stems and word.stems[0] in self.titlecase_only)
        if codes and titlecase and not raw[:1].isupper():
            codes = ()
        if not codes and len(norm) <= 3:
            codes = self.short.get(raw.casefold(), ())
        if not codes and token.base != norm and len(token.base) <= 3:
            # A short name with a suffix after its apostrophe ("Çin'in", "Çad'da",
            # "US's"): the part that is the base, as written.
            written = next((part for part in APOSTROPHE_RE.split(raw)
                            if fold_word(part) == token.base), "")
            codes = self.short.get(written.casefold(), ()) or self.cased.get(written, ())
        if not codes and not word.senses and not raw.isupper() and raw[1:2].isupper():
            codes = self._abbreviated(raw)
        return codes, word

    def _abbreviated(self, raw: str) -> tuple[str, ...]:
        """A name abbreviated in capitals with a suffix written on it, without the hyphen
        or the apostrophe that usually comes between ("АҚШдағы", "ABDde", "БАӘдегі"): the
        capitals' country, when what follows them in small letters is a chain of suffixes
        of a language of its script ("NGOs" names none)."""
        cut = 0
        while raw[cut].isupper():
            cut += 1
        tail = raw[cut:]
        if cut < 2 or not tail.isalpha() or not tail.islower():
            return ()
        codes = self.names.get(fold_word(raw[:cut]), ())
        if len(codes) != 1:
            return ()
        tail = fold_word(tail)
        for lang in _SCRIPTS.get(script_of(tail), ()):
            morph = self._morph.get(lang)
            if morph and morph[0] and chain_of(tail, self._suffix_sets[lang], morph[1]):
                return codes
        return ()

    def _walk(self, tokens: Sequence[Token], text: str, in_list: bool = False) -> Parse:
        parsed = Parse()
        # Every letter a capital ("WHAT ARE THE WORST COUNTRIES"): codes are not read.
        shouting = len(tokens) > 1 and text.upper() == text and text.lower() != text
        first_len = self.first_len
        i = 0
        n = len(tokens)
        while i < n:
            token = tokens[i]
            # Most words begin no name or phrase of several words: one lookup says so.
            if first_len.get(token.norm, 1) > 1:
                size, codes, (senses, sense_langs), people = self._phrase(tokens, i, shouting)
                if size:
                    if senses:
                        parsed.features += [(i, sense) for sense in senses]
                        parsed.feature_langs.extend(sense_langs)
                        parsed.langs.append(_union(sense_langs))
                        parsed.spans.append((i, size))
                    else:
                        self._name(parsed, tokens, i, size, codes)
                        if people:
                            self._people_word(parsed, token, i, people, ())
                    i += size
                    continue
            codes, word = self._single(token, shouting)
            if codes and _ANSWER_LANG not in word.features:
                self._name(parsed, tokens, i, 1, codes)
                if word.adjective and codes == word.codes:
                    self._people_word(parsed, token, i, word.adjective, word.homograph)
                if _HELP_TOPIC in word.features:
                    parsed.languages.append(i)  # "Kazakh": the country's, or a language
            elif word.senses and word.vias and n == 1 and self._fuzzy(token.norm):
                parsed.leftovers.append(i)  # alone, "Suda" is Sudan misspelt, not "sud|a"
            elif word.senses:
                if not token.attached or _YEAR_UNIT in word.features:
                    parsed.features += [(i, sense) for sense in word.senses]
                    parsed.feature_langs.extend(word.sense_langs)
                if word.vias:
                    parsed.vias.append(word.vias)
                    parsed.derived.append(i)
                else:
                    parsed.langs.append(word.langs)
            elif token.kind == _WORD and not token.attached:
                parsed.leftovers.append(i)
            i += 1
        # Misspelt words of the lexicons first: whether the question is about the press
        # decides how a misspelt name beside them is taken, wherever it stands.
        for i in list(parsed.leftovers):
            self._word_typo(tokens, i, parsed)
        for i in list(parsed.leftovers):
            self._fuzzy_token(tokens, i, parsed, in_list)
        self._counted_places(tokens, parsed)
        return parsed

    @staticmethod
    def _people_word(parsed: Parse, token: Token, i: int, langs: tuple[str, ...],
                     homograph: tuple[str, ...]) -> None:
        """Note a country named by its people's word at ``i``: an adjective of ``langs``
        (written small, or first: capitalised inside a sentence, "les Français" are the
        people, named), and an ordinary word of ``homograph``'s languages."""
        if i == 0 or not token.raw[:1].isupper():
            parsed.adjectives[i] = langs
        if homograph:
            parsed.homographs[i] = homograph

    def _counted_places(self, tokens: Sequence[Token], parsed: Parse) -> None:
        """A word of "ago" before a number and a measure word of places is the first places
        of a list: "前10名", "前5个国家" are the top ten, the top five; "前一年", "3年前"
        still count years."""
        counters = self.sets["counters"]
        if not counters or _YEAR_AGO not in {s.feature for _, s in parsed.features}:
            return
        numbers = {i for i, s in parsed.features if s.feature == Feature.NUMBER}
        features: list[tuple[int, Sense]] = []
        langs: list[int] = []
        for (i, sense), mask in zip(parsed.features, parsed.feature_langs, strict=True):
            if (sense.feature == Feature.YEAR_AGO and i + 2 < len(tokens)
                    and (tokens[i + 1].kind == Kind.NUM or i + 1 in numbers)
                    and tokens[i + 2].norm in counters):  # fmt: skip
                features += [(i, Sense(Feature.TOP)), (i, Sense(Feature.RANK))]
                langs += [mask, mask]
            else:
                features.append((i, sense))
                langs.append(mask)
        parsed.features, parsed.feature_langs = features, langs

    def _name(self, parsed: Parse, tokens: Sequence[Token], i: int, size: int,
              codes: tuple[str, ...]) -> None:
        if len(codes) == 1:
            parsed.countries.append((i, codes[0]))
            parsed.spans.append((i, size))
        elif codes:
            parsed.unclear.extend(range(i, i + size))
            if not parsed.candidates:
                parsed.candidates = codes[:3]
                parsed.unknown = " ".join(t.raw for t in tokens[i : i + size])

    # -- typos ---------------------------------------------------------------------------

    def _fuzzy_token(self, tokens: Sequence[Token], i: int, parsed: Parse, in_list: bool) -> None:
        token = tokens[i]
        norm = token.norm
        if any(start <= i < start + size for start, size in parsed.spans):
            return
        result = None
        span = 1
        # A typo in a name of several words, or a space missing or extra ("south krea",
        # "Costa ica", "United ArabEmirates", "ElSalvador"): the run of words around.
        result, start, span = self._fuzzy_run(tokens, i, parsed)
        alone = len(tokens) == 1
        if result is None:
            start = i
            if alone and (norm in self._real_words or len(norm) == MIN_TYPO_WORD - 1):
                # Typed alone, a real word near a name ("Cameron") or a three-letter word
                # that is none ("Irn", not "ran") may be a name: asked about, never taken.
                if len(norm) == MIN_TYPO_WORD - 1:
                    result = None if norm in self._real_words else self._three_letters(norm)
                else:
                    result = self._fuzzy(norm)
                if result is not None:
                    result = ("maybe", result[1])
            elif len(norm) < MIN_TYPO_WORD or norm in self._real_words:
                return
            else:
                result = self._fuzzy(norm)
            if result is None:
                # A typo with a suffix: "Тәжікстн|да", "Кыргызтан|да" (clear typos only).
                for stem, suffixed in self._suffix_cuts(norm):
                    found = (None if stem in self._real_words
                             else self._suffixed_typo(stem, suffixed))
                    # A name of four or five letters one typo away ("short") is too weak
                    # a guess to stack on a suffix: "недал|еко" is no "непал".
                    if found is not None and found[0] == "accept":
                        result = found
                        break
        if result is None:
            return
        verdict, codes = result
        press = any(s.feature in (Feature.CONTEXT, Feature.TOPIC) for _, s in parsed.features)
        like_a_name = token.raw[:1].isupper() or len(tokens) <= 2 or press or in_list
        everyday = any(s.feature == Feature.EVERYDAY for _, s in parsed.features)
        if verdict in ("short", "accept") and span == 1 and not like_a_name and (
            verdict == "short" or everyday
        ):
            # A short word near a name, or any in a sentence of daily life, written small
            # and with no word of the press, is more likely a word of the reader's
            # language than a country: offered, not taken.
            verdict = "maybe"
        elif verdict == "short":
            verdict = "accept"
        if verdict == "accept":
            if span > 1:
                # The words read are this name's now, not a region's or a shorter name's
                # ("Papua Nwe Guinea" is no Guinea).
                inside = range(start, start + span)
                kept = [(f, m) for f, m in zip(parsed.features, parsed.feature_langs,
                                               strict=True) if f[0] not in inside]
                parsed.features = [f for f, _ in kept]
                parsed.feature_langs = [m for _, m in kept]
                parsed.countries = [(j, c) for j, c in parsed.countries if j not in inside]
                # "Palästinensische Autnomiegebiete": an adjective's word is the name's now.
                parsed.adjectives = {j: langs for j, langs in parsed.adjectives.items()
                                     if j not in inside}
                parsed.homographs = {j: langs for j, langs in parsed.homographs.items()
                                     if j not in inside}
                parsed.spans = [(j, n) for j, n in parsed.spans
                                if j + n <= start or j >= start + span]  # fmt: skip
            parsed.countries.append((start, codes[0]))
            parsed.spans.append((start, span))
            parsed.typos.append(start)
        elif not parsed.candidates and (
            verdict == "ask"
            or len(tokens) == 1
            or (token.raw[:1].isupper() and (i or len(tokens) <= 3))
        ):
            # A weak match is worth a question only for a word written like a name or
            # typed alone; a strong one tied between countries ("austrlia") always is.
            parsed.candidates = codes
            parsed.unknown = " ".join(t.raw for t in tokens[start : start + span])

    def _word_typo(self, tokens: Sequence[Token], i: int, parsed: Parse) -> None:
        """A word of the lexicons misspelt ("comapre", "rankng", "безопастности"): one edit
        from words of a group of :data:`~bot.understand.typos.WORD_TYPOS` that begin as it
        does and agree on the topic, itself no common word of a reader's language one edit
        from them, and no typo of a country's name, it says what they say, in their
        languages only."""
        norm = tokens[i].norm
        if len(norm) < MIN_WORD_TYPO or norm in self._typo_lookalikes or not norm.isalpha():
            return
        found = self._word_typo_cache.recall(norm, lambda: self._read_word_typo(norm))
        if found is None or self._fuzzy(norm) is not None:
            return
        senses, masks = found
        parsed.features += [(i, sense) for sense in senses]
        parsed.feature_langs.extend(masks)
        # As a word read through suffixes is: what another language says of it is dropped
        # where the question is in one language ("contamnation" in English is no French
        # "condamnation").  Nor does a guess vote for the question's language.
        parsed.derived.append(i)
        parsed.leftovers.remove(i)  # read now: no word left over to report

    def _read_word_typo(self, norm: str) -> tuple[tuple[Sense, ...], tuple[int, ...]] | None:
        from rapidfuzz import process  # as in _one_edit: loaded by the first typo
        from rapidfuzz.distance import OSA

        place = (script_of(norm), norm[0])
        hits: dict[str, None] = {}
        for (least, _), group in zip(WORD_TYPOS, self._word_typos, strict=True):
            if len(norm) >= least and place in group:
                hits.update(dict.fromkeys(key for key, _, _ in process.extract(
                    norm, group[place], scorer=OSA.distance, score_cutoff=1, limit=None)))
        # Every sense of the words it is near, as the word spelt right would have them: a
        # ranking's "deadliest", English "information" a word of no press at all.
        found: dict[Sense, int] = {}
        for key in hits:
            for sense, mask in zip(*_senses(self.words[key]), strict=True):
                found[sense] = found.get(sense, 0) | mask
        if not found or len({s.value for s in found if s.feature == Feature.TOPIC}) > 1:
            return None  # as near to a word of safety as to one of the law: not guessed
        return tuple(found), tuple(found.values())

    def _fuzzy_run(
        self, tokens: Sequence[Token], i: int, parsed: Parse
    ) -> tuple[tuple[str, tuple[str, ...]] | None, int, int]:
        """A name of several words with a typo or a space amiss, around leftover word ``i``."""
        # Words read as a region or a country may be part of a longer name misspelt
        # ("Південа Африка", "Papua Nwe Guinea"); words of the lexicons may not.
        regions = {i for i, sense in parsed.features if sense.feature == _REGION}
        named = {j for start, size in parsed.spans for j in range(start, start + size)
                 if any(start == at for at, _ in parsed.countries)}
        taken = {j for start, size in parsed.spans for j in range(start, start + size)
                 if not (size == 1 and start in regions) and j not in named}
        free = [j for j in range(max(0, i - 3), min(len(tokens), i + 4))
                if j not in taken and tokens[j].kind == Kind.WORD and not tokens[j].attached
                and (j == i or j in parsed.leftovers or j in regions or j in named
                     or j in parsed.derived or tokens[j].norm in self._name_words)]
        best: tuple[tuple[str, tuple[str, ...]] | None, int, int] = (None, i, 1)
        for start in free:
            if start > i:
                break
            for end in range(i, min(start + 4, len(tokens))):
                if end not in free or any(j not in free for j in range(start, end + 1)):
                    break
                if end == start:
                    continue
                words = [tokens[j].norm for j in range(start, end + 1)]
                for joined in (" ".join(words), "".join(words)):
                    if len(joined) < 7:
                        continue
                    codes = self._one_edit(joined)
                    if codes and (best[0] is None or end - start + 1 > best[2]):
                        best = (("accept", codes), start, end - start + 1)
        return best

    def _one_edit(self, words: str) -> tuple[str, ...] | None:
        """The one country whose name is at most one edit from ``words`` (seven letters or
        more: a letter or a space added, dropped, changed, or two swapped), else None."""
        # One edit leaves a name's first three letters or its last three as they were
        # (an edit among the first three is far from the last three in seven letters or
        # more): a run that begins and ends as no name does is near none.  Most runs
        # tried are ordinary words side by side, and are told apart here, with no search.
        heads, tails = self._fuzzy_ends
        if words[:3] not in heads and words[-3:] not in tails:
            return None
        found = self._fuzzy_cache.recall((words, "run"), lambda: self._read_one_edit(words))
        return found[1] if found else None

    def _read_one_edit(self, words: str) -> tuple[str, tuple[str, ...]] | None:
        from rapidfuzz import process  # the first typo pays for the import, not start-up
        from rapidfuzz.distance import OSA

        choices = self._fuzzy_lists.get((script_of(words.replace(" ", "")), len(words)), [])
        hits = process.extract(words, choices, scorer=OSA.distance, score_cutoff=1, limit=5)
        codes = {code for key, _, _ in hits for code in self._fuzzy_codes[key]}
        return ("accept", tuple(codes)) if len(codes) == 1 else None

    def _three_letters(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """A word of three letters one edit from exactly one country's name of four
        ("Irn", "Cua")."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        choices = [key for key in self._fuzzy_lists.get((script_of(word), 4), ())
                   if len(key) == 4]  # fmt: skip
        hits = process.extract(word, choices, scorer=OSA.distance, score_cutoff=1, limit=5)
        codes = {code for key, _, _ in hits for code in self._fuzzy_codes[key]}
        return ("maybe", tuple(sorted(codes))) if len(codes) == 1 else None

    def _first_letters(self, key: tuple[str, int]) -> dict[str, list[str]]:
        """The names of the fuzzy list ``key`` (script, length) by their first letter."""
        groups = self._by_first.get(key)
        if groups is None:
            groups = {}
            for name in self._fuzzy_lists.get(key, ()):
                groups.setdefault(name[0], []).append(name)
            self._by_first[key] = groups
        return groups

    def _suffix_cuts(self, norm: str) -> tuple[tuple[str, int], ...]:
        """The word without each chain of suffixes it may end with, longest stem first,
        each with the lexicons (bits) whose suffixes were cut (remembered: a word left over
        once is left over again)."""
        cuts = self._cuts_cache.get(norm)
        if cuts is None:
            cuts = self._cuts_cache.remember(norm, tuple(self._read_suffix_cuts(norm)))
        return cuts

    def _read_suffix_cuts(self, norm: str) -> list[tuple[str, int]]:
        found: dict[str, int] = {}
        for lang in _SCRIPTS.get(script_of(norm), ()):
            morph = self._morph.get(lang)
            if morph is None or not morph[0]:
                continue
            for cut in range(len(norm) - 1, MIN_TYPO_WORD, -1):
                if chain_of(norm[cut:], self._suffix_sets[lang], morph[1]):
                    found[norm[:cut]] = found.get(norm[:cut], 0) | self._by_lang[lang]
        return sorted(found.items(), key=lambda cut: len(cut[0]), reverse=True)

    def _suffixed_typo(self, stem: str, suffixed: int) -> tuple[str, tuple[str, ...]] | None:
        """:func:`~bot.understand.typos.typo_match` of a stem left by cutting the suffixes
        of the lexicons ``suffixed`` (bits), against the names those suffixes follow (a
        name as the lexicon's stems list it, never a generated case form) that begin as
        the stem does and are one edit from it, remembered.  A typo and a suffix at once
        is two guesses: believed only where both fit one name ("Тәжікстн|да").  Else common
        words read as countries (Arabic "استراتيج|ية", strategy, is two from Australia):
        Russian "больши|е" is one letter from "польши" (a case form, and its first
        letter), Turkish "eğit|im" from Portuguese "egito", "serb|est" from French
        "serbie"."""
        return self._fuzzy_cache.recall((stem, f"suffixed {suffixed}"),
                                        lambda: self._read_suffixed_typo(stem, suffixed))

    def _read_suffixed_typo(self, stem: str, suffixed: int
                            ) -> tuple[str, tuple[str, ...]] | None:
        from rapidfuzz import process  # as in _one_edit: loaded by the first typo
        from rapidfuzz.distance import OSA

        stems, forms = self._stems, self._fuzzy_forms
        # The names of about that length that begin as the stem does.
        alike = self._first_letters((script_of(stem), len(stem))).get(stem[0], [])
        near = process.extract(stem, alike, scorer=OSA.distance, score_cutoff=1, limit=None)
        choices = [name for name, _, _ in near
                   if stems.get(name, 0) & suffixed and name not in forms]
        return typo_match(stem, choices, self._fuzzy_codes, forms) if choices else None

    def _fuzzy(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """:func:`~bot.understand.typos.typo_match` of ``word`` against the names of about
        its length in its script, remembered."""
        script = script_of(word.replace(" ", ""))
        return self._fuzzy_cache.recall((word, script), lambda: typo_match(
            word, self._fuzzy_lists.get((script, len(word)), []), self._fuzzy_codes,
            self._fuzzy_forms))
