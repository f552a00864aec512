"""The index of one snapshot's names, and the walk that reads a question with it.

:class:`Understander` is built once per data version: every alias becomes a key of folded
words, Russian and Ukrainian ones with their case forms (:mod:`bot.understand.inflection`),
and one-word names are bucketed for the typo step (:mod:`bot.understand.typos`).  Parsing
a message tokenizes it (:mod:`bot.understand.text`), walks the tokens taking the longest
name or vocabulary phrase (:mod:`bot.understand.vocabulary`) at each, tries the fallbacks
and the typo step on what is left, and hands the result to :mod:`bot.understand.decide`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any, NamedTuple

from bot.names import INVISIBLE_RE, fold, normalize
from bot.query import Query
from bot.store import Snapshot
from bot.understand.decide import _decide, _Parse
from bot.understand.followup import with_context
from bot.understand.inflection import _ADJECTIVE_SUFFIXES, inflections
from bot.understand.text import (
    _APOSTROPHE_RE,
    _ARABIC_RE,
    _CJK_RE,
    _COMMAND_RE,
    _CYRILLIC_RE,
    _FLAG,
    _LIST_SPLIT_RE,
    _NUM,
    _WORD,
    _Token,
    clean,
    tokenize,
)
from bot.understand.typos import _FUZZY_LANGS, _MIN_TYPO_WORD, _typo_match
from bot.understand.vocabulary import (
    _ARABIC_PREFIXES,
    _COMMON_NAMES_TITLECASE,
    _EVERYTHING,
    _FEATURES,
    _FOREIGN_WORDS,
    _NEAR_NAME_WORDS,
    _REGION_NAMES,
    _RU_KNOWN_PREFIXES,
    _RU_STEM_LENGTHS,
    _RU_STEMS,
    _SHOUTED_WORDS,
    _STOPWORDS,
    _TURKIC_LANGS,
    _TURKIC_SUFFIXES,
    _VOCABULARY,
)

# Commands that take a list of countries.
_LIST_COMMANDS = frozenset({"chart", "compare"})
# The longest name, in words, the walk tries at a token.
_MAX_KEY_WORDS = 7
# Typo verdicts remembered per Understander, (word, cyrillic) → verdict; emptied when full.
_FUZZY_CACHE_SIZE = 20_000


class _Match(NamedTuple):
    """What a key of the index names: countries, or a region."""

    codes: tuple[str, ...]  # one code, or several when the name is ambiguous
    region: tuple[str, str | None] | None = None  # (region, subregion) for a region's name


_NO_MATCH = _Match(())

#: What the build computes: kept between runs by :meth:`Understander.state` (plain data).
_STATE = ("keys", "cased", "first_len", "english", "turkic", "cjk", "titlecase_only", "short",
          "_cjk_lengths", "_fuzzy_lists", "_fuzzy_codes", "_fuzzy_forms", "_prefix_names",
          "_prefix_keys")


class Understander:
    """Parses questions against one snapshot's vocabulary; build once per data version.

    Building takes tens of milliseconds; :meth:`state` is the built index as plain
    containers, and ``Understander(snapshot, state)`` takes it back instead of building
    (the pipeline keeps it on disk between runs, see :mod:`bot.index_cache`)."""

    def __init__(self, snapshot: Snapshot, state: dict[str, Any] | None = None) -> None:
        self.latest_year = snapshot.latest_year
        self.years = tuple(snapshot.years)
        self.current = frozenset(
            code for code, c in snapshot.countries.items()
            if c.last_year is not None and c.last_year == self.latest_year
        )  # fmt: skip
        self.keys: dict[str, _Match] = {}
        self.cased: dict[str, tuple[str, ...]] = {}  # ISO codes: matched as typed
        self.first_len: dict[str, int] = {}  # first word of a key → most words in such a key
        self.english: dict[str, tuple[str, ...]] = {}  # for plurals ("Kazakhs")
        self.turkic: dict[str, tuple[str, ...]] = {}  # for case suffixes ("Rusyada")
        self.cjk: dict[str, tuple[str, ...]] = {}  # CJK names: found inside a longer word
        self.titlecase_only: set[str] = set()  # "Того", "Чад": matched only with a capital
        self.short: dict[str, tuple[str, ...]] = {}  # "çad", "irã": short names, unfolded
        self._cjk_lengths: list[int] = []
        self._fuzzy_lists: dict[tuple[bool, int], list[str]] = {}
        self._fuzzy_codes: dict[str, tuple[str, ...]] = {}
        self._fuzzy_forms: frozenset[str] = frozenset()
        self._fuzzy_cache: dict[tuple[str, bool], tuple[str, tuple[str, ...]] | None] = {}
        self._prefix_names: list[tuple[str, str, str, bool]] = []
        self._prefix_keys: list[str] = []
        if state is None:
            self._build(snapshot)
        else:
            for name in _STATE:
                setattr(self, name, state[name])
            self.keys = {key: _Match(*match) for key, match in state["keys"].items()}

    def state(self) -> dict[str, Any]:
        """The built index: dicts, lists, tuples, sets and strings only (no class of ours),
        so it can be stored and read back without running any code."""
        state = {name: getattr(self, name) for name in _STATE}
        state["keys"] = {key: tuple(match) for key, match in self.keys.items()}
        return state

    # -- building ------------------------------------------------------------------------

    def _resolve(self, codes: Iterable[str]) -> tuple[str, ...]:
        """Prefer current codes: a name shared with an early split entry is the country."""
        codes = set(codes)
        current = codes & self.current
        return tuple(sorted(current or codes))

    def _build(self, snapshot: Snapshot) -> None:
        # key → tier → codes.  The first tier present wins: RSF's and the curated names
        # (0) over generated CLDR names (1) over generated case forms (2), so the curated
        # "Конго" (Congo-Brazzaville, as RSF calls it) is not undone by Kazakh CLDR's
        # "Конго" for DR Congo.
        tiers: dict[str, dict[int, set[str]]] = {}
        english: dict[str, set[str]] = {}
        turkic: dict[str, set[str]] = {}
        # Typos are corrected towards names in _FUZZY_LANGS only.
        fuzzy_keys: set[str] = set()
        fuzzy_forms: set[str] = set()  # generated case forms: for clear typos only

        def add(key: str, tier: int, code: str) -> None:
            tiers.setdefault(key, {}).setdefault(tier, set()).add(code)

        for alias in snapshot.aliases:
            if alias.code not in snapshot.countries:
                continue
            text = alias.alias.strip()
            if alias.source == "iso":
                self.cased[text] = (*self.cased.get(text, ()), alias.code)
                continue
            key = text if alias.source == "flag" else normalize(text)
            if not key:
                continue
            if text.isascii() and text.isupper() and key in _STOPWORDS | _SHOUTED_WORDS:
                # "US", "CAR": all-caps curated names of common words match as typed.
                self.cased[text] = (*self.cased.get(text, ()), alias.code)
                continue
            if key in _STOPWORDS or key in _FOREIGN_WORDS.get(alias.lang, ()):
                continue
            if key in _COMMON_NAMES_TITLECASE:
                self.titlecase_only.add(key)
            if len(key) <= 3 and key.isascii() and alias.source not in ("curated", "flag"):
                # "Irã" → "ira", "Çad" → "cad": too short once folded to be told from
                # words, so such names match only as written, accents and all.
                if not text.isascii():
                    self.short[text.casefold()] = (*self.short.get(text.casefold(), ()), alias.code)
                continue
            tier = 1 if alias.source in ("cldr", "variant") else 0
            add(key, tier, alias.code)
            if INVISIBLE_RE.search(text):  # a Persian ZWNJ is typed as a space too
                add(normalize(INVISIBLE_RE.sub(" ", text)), tier, alias.code)
            demonym = alias.source == "curated" and (
                alias.lang == "en" or key.endswith(_ADJECTIVE_SUFFIXES)
            )
            if alias.lang in _FUZZY_LANGS and not demonym:
                fuzzy_keys.add(key)
            if alias.lang == "en" and alias.source == "curated" and " " not in key:
                english.setdefault(key, set()).add(alias.code)  # demonyms, for plurals
            if alias.lang in _TURKIC_LANGS and " " not in key:
                turkic.setdefault(key, set()).add(alias.code)
            if alias.lang in ("ru", "uk", "be"):
                if text.isupper():
                    continue  # "ЦАР", "ЮАР": abbreviations do not decline ("царе" is no CAR)
                for form in inflections(text, alias.lang):
                    if form not in _STOPWORDS:
                        add(form, 2, alias.code)
                        if not demonym:
                            fuzzy_forms.add(form)
                        if key in _COMMON_NAMES_TITLECASE:
                            self.titlecase_only.add(form)
        for key, by_tier in tiers.items():
            self.keys[key] = _Match(self._resolve(by_tier[min(by_tier)]))
        for key, region in _REGION_NAMES.items():
            self.keys.setdefault(key, _Match((), region))
            for form in inflections(key, "ru") if _CYRILLIC_RE.search(key) else ():
                self.keys.setdefault(form, _Match((), region))
        for key in self.keys:
            words = key.split(" ")
            if len(words) <= _MAX_KEY_WORDS:
                self.first_len[words[0]] = max(self.first_len.get(words[0], 0), len(words))
            if _CJK_RE.search(key) and " " not in key:
                self.cjk[key] = self.keys[key].codes
        self._cjk_lengths = sorted({len(k) for k in self.cjk}, reverse=True)
        # Type-ahead (prefix_matches): every name of a current country, folded and sorted,
        # so that the names beginning with what was typed are one bisection away.
        # Each name notes its language and whether it is the country's own (RSF's or CLDR's).
        self._prefix_names = sorted(
            {
                (alias.alias if alias.source == "flag" else normalize(alias.alias),
                 alias.code, alias.lang, alias.source in ("rsf", "cldr"))
                for alias in snapshot.aliases
                if alias.code in self.current
            }
        )  # fmt: skip
        self._prefix_keys = [name[0] for name in self._prefix_names]
        self.cased = {k: self._resolve(v) for k, v in self.cased.items()}
        self.short = {k: self._resolve(v) for k, v in self.short.items()}
        self.english = {k: self._resolve(v) for k, v in english.items()}
        self.turkic = {k: self._resolve(v) for k, v in turkic.items()}
        # Fuzzy choices: one-word names of four letters or more in Latin or Cyrillic script
        # (the short ones only ever offered, see _TYPO_VERDICTS), bucketed by script and
        # length so one call compares a word with a few hundred names.  Names that are also
        # common words ("гана", "чад") are matched as written or not at all.
        self._fuzzy_forms = frozenset(fuzzy_forms - fuzzy_keys)
        for key in sorted(fuzzy_keys | fuzzy_forms):  # sorted: the same order every run
            match = self.keys.get(key, _NO_MATCH)
            if (
                match.region or len(match.codes) != 1 or len(key) < _MIN_TYPO_WORD
                or " " in key or key in self.titlecase_only
            ):  # fmt: skip
                continue
            cyrillic = bool(_CYRILLIC_RE.match(key))
            if not cyrillic and not key.isascii():
                continue
            self._fuzzy_codes[key] = match.codes
            for length in range(len(key) - 2, len(key) + 3):
                self._fuzzy_lists.setdefault((cyrillic, length), []).append(key)

    # -- parsing -------------------------------------------------------------------------

    def parse(self, text: str, lang: str | None = None, context: Query | None = None) -> Query:
        """Understand one message; ``lang`` is the user's Telegram language code, if any;
        ``context`` the query behind the answer the message follows up on."""
        command = None
        body = text
        if found := _COMMAND_RE.match(text):
            command = found.group(1).lower()
            body = text[found.end() :]
        body = clean(body)
        tokens = tokenize(body)
        parsed = self._walk(tokens, body)
        query = _decide(text, body, tokens, parsed, command, lang, self.latest_year, self.years)
        if query.command in _LIST_COMMANDS:
            # "/chart Kazakhstan, Narnia 2024": a list of countries, read part by part, and
            # the parts that name none reported rather than dropped.
            codes, unknown = self.country_list(body, lang)
            unplaced = tuple((word, self.parse(word, lang).candidates) for word in unknown)
            query = replace(query, countries=tuple(codes) or query.countries, unplaced=unplaced)
        return query if context is None else with_context(query, context)

    def country_list(self, text: str, lang: str | None = None) -> tuple[list[str], list[str]]:
        """Countries listed as /subscribe and /chart take them: (the codes, in the order
        written and once each; the parts that name no country).

        "Kazakhstan, Kyrgyzstan, Narnia" → (["KAZ", "KGZ"], ["Narnia"]), and "Kazakhstan
        Kyrgyzstan" → (["KAZ", "KGZ"], []).  Commas, semicolons and new lines separate
        parts; within a part names are read as in a question, so "and"/"и" separate two
        ("Kazakhstan and Narnia") yet "Trinidad and Tobago" stays one country.  Only a sure
        match counts: a near miss ("Chna") or a name of two countries ("Korea") is a part
        not understood.  A part that is a bare ISO code counts in any case ("kz, uz"): a
        list has no words to mistake for codes.  Names are read in every language, so
        ``lang`` (the user's, as for :meth:`parse`) changes nothing today.
        """
        codes: list[str] = []
        unknown: list[str] = []
        for part in _LIST_SPLIT_RE.split(text):
            body = clean(part)
            tokens = tokenize(body)
            if len(tokens) == 1 and len(code := self.cased.get(tokens[0].raw.upper(), ())) == 1:
                codes.append(code[0])
                continue
            parsed = self._walk(tokens, body)
            codes.extend(code for _, code in sorted(parsed.countries))
            found = {i for i, _ in parsed.countries}
            unclear = set(parsed.unclear) | {
                i for i in parsed.leftovers if i not in found and tokens[i].norm not in _STOPWORDS
            }
            runs: list[list[_Token]] = []  # unexplained words next to each other: one part
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
        return normalize(text) in _EVERYTHING

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

    def _lookup(self, tokens: Sequence[_Token], i: int, shouting: bool) -> tuple[int, _Match]:
        """The longest name starting at token ``i``: (number of tokens, match) or (0, …)."""
        token = tokens[i]
        norm = token.norm
        most = self.first_len.get(norm, 0)
        n = len(tokens)
        if most:
            for size in range(min(most, n - i), 0, -1):
                if size == 1:
                    key = norm
                else:
                    if any(t.kind == _NUM for t in tokens[i + 1 : i + size]):
                        continue
                    key = " ".join(t.norm for t in tokens[i : i + size])
                match = self.keys.get(key)
                if match is None:
                    continue
                if key in self.titlecase_only and not tokens[i].raw[:1].isupper():
                    continue
                return size, match
        if token.kind == _FLAG:
            return 0, _NO_MATCH
        raw = token.raw
        if raw.isupper() and raw.isascii() and 2 <= len(raw) <= 4:
            codes = self.cased.get(raw)
            if codes and not (shouting and norm in _STOPWORDS | _SHOUTED_WORDS):
                return 1, _Match(codes)
        if token.kind != _WORD:
            return 0, _NO_MATCH
        if len(norm) < 4:
            codes = self.short.get(raw.casefold()) if len(norm) <= 3 else None
            return (1, _Match(codes)) if codes else (0, _NO_MATCH)
        if norm.endswith("s") and (codes := self.english.get(norm[:-1])):
            return 1, _Match(codes)  # "Kazakhs", "Americans"
        if "'" in raw or "’" in raw or "ʼ" in raw:
            head = _APOSTROPHE_RE.split(fold(raw), 1)[0]
            if len(head) >= 4 and (match := self.keys.get(head)) and match.codes:
                return 1, match  # "Türkiye'de", "Kazakistan'ın"
        for suffix in _TURKIC_SUFFIXES:
            if norm.endswith(suffix) and len(norm) - len(suffix) >= 5:  # not "мали|на"
                codes = self.turkic.get(norm[: -len(suffix)])
                if codes:
                    return 1, _Match(codes)
        if _ARABIC_RE.match(norm):
            for prefix in _ARABIC_PREFIXES:
                if norm.startswith(prefix) and (match := self.keys.get(norm[1:])):
                    return 1, match
        if self._cjk_lengths and _CJK_RE.search(norm):
            for length in self._cjk_lengths:
                for start in range(0, len(norm) - length + 1):
                    codes = self.cjk.get(norm[start : start + length])
                    if codes:
                        return 1, _Match(codes)
        return 0, _NO_MATCH

    def _features_at(self, tokens: Sequence[_Token], i: int) -> tuple[int, tuple[str, ...]]:
        """The longest vocabulary phrase at ``i`` (up to four words), else a Russian stem."""
        n = len(tokens)
        for size in range(min(4, n - i), 1, -1):
            key = " ".join(t.norm for t in tokens[i : i + size])
            if (found := _FEATURES.get(key)) is not None:
                return size, found
        norm = tokens[i].norm
        if (found := _FEATURES.get(norm)) is not None:
            return 1, found
        if tokens[i].kind == _WORD and _CYRILLIC_RE.match(norm):
            for length in _RU_STEM_LENGTHS:
                if length <= len(norm) and (found := _RU_STEMS.get(norm[:length])):
                    return 1, found
        return 0, ()

    def _walk(self, tokens: Sequence[_Token], text: str) -> _Parse:
        parsed = _Parse()
        letters = [c for c in text if c.isalpha()]
        shouting = len(tokens) > 1 and bool(letters) and all(not c.islower() for c in letters)
        i = 0
        n = len(tokens)
        while i < n:
            size, match = self._lookup(tokens, i, shouting)
            fsize, features = self._features_at(tokens, i)
            if fsize > size or (fsize == size and fsize and "lang" in features):
                for feature in features:
                    parsed.features.append((i, feature))
                i += fsize
                continue
            if size:
                if match.region:
                    parsed.regions.append(match.region)
                elif len(match.codes) == 1:
                    parsed.countries.append((i, match.codes[0]))
                elif match.codes:
                    parsed.unclear.extend(range(i, i + size))
                    if not parsed.candidates:
                        parsed.candidates = match.codes[:3]
                        parsed.unknown = " ".join(t.raw for t in tokens[i : i + size])
                i += size
                continue
            if tokens[i].kind == _WORD:
                parsed.leftovers.append(i)
            i += 1
        for i in parsed.leftovers:
            self._fuzzy_token(tokens, i, parsed)
        return parsed

    def _fuzzy_token(self, tokens: Sequence[_Token], i: int, parsed: _Parse) -> None:
        token = tokens[i]
        norm = token.norm
        if len(norm) < _MIN_TYPO_WORD or norm in _VOCABULARY or norm in _NEAR_NAME_WORDS:
            return
        cyrillic = bool(_CYRILLIC_RE.match(norm))
        if cyrillic:
            if norm.startswith(_RU_KNOWN_PREFIXES):
                return
        elif not norm.isascii():
            return
        result = self._fuzzy(norm, cyrillic)
        if result is None:
            return
        verdict, codes = result
        if verdict == "accept":
            parsed.countries.append((i, codes[0]))
        elif not parsed.candidates and (
            verdict == "ask"
            or len(tokens) == 1
            or (token.raw[:1].isupper() and (i or len(tokens) <= 3))
        ):
            # A weak match is worth a question only for a word written like a name or
            # typed alone; a strong one tied between countries ("austrlia") always is.
            parsed.candidates = codes
            parsed.unknown = token.raw

    def _fuzzy(self, word: str, cyrillic: bool) -> tuple[str, tuple[str, ...]] | None:
        """:func:`~bot.understand.typos._typo_match` of ``word`` against the names of about
        its length in its script, remembered."""
        cache_key = (word, cyrillic)
        if cache_key in self._fuzzy_cache:
            return self._fuzzy_cache[cache_key]
        choices = self._fuzzy_lists.get((cyrillic, len(word)), [])
        result = _typo_match(word, choices, self._fuzzy_codes, self._fuzzy_forms)
        return self._remember(cache_key, result)

    def _remember(
        self, key: tuple[str, bool], result: tuple[str, tuple[str, ...]] | None
    ) -> tuple[str, tuple[str, ...]] | None:
        if len(self._fuzzy_cache) >= _FUZZY_CACHE_SIZE:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[key] = result
        return result
