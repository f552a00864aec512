"""Which language a question is written in (:attr:`bot.query.Query.said_in`).

Read from what the walk found: the lexicons each known word belongs to (a word of several
lexicons counts for each, less), the languages whose suffixes a word carries ("Ресей|де"),
and the letters only some languages of a script use ("ә" is Kazakh, "ў" Uzbek, "ї"
Ukrainian), among the languages written in the question's script, and names written as
only one of them writes them ("Україні", "Ресей").  A question with no
such evidence (a bare name, a code, a flag) shows no language: None.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from msgspec import Struct, field

from bot.cache import BoundedDict
from bot.understand.text import Kind, Token, script_of

if TYPE_CHECKING:
    from bot.understand.decide import Parse

#: The lexicons of each script, in the order ties are settled.
SCRIPT_LANGS = {
    "latin": ("en", "de", "fr", "es", "pt", "tr", "uz"),
    "cyrillic": ("ru", "uk", "kk", "ky", "uz", "tg"),
    "arabic": ("ar", "fa"),
    "cjk": ("zh",),
}


#: How many sets of letters each :class:`Letters` remembers what they say of (per table).
_MANY_SETS = 4096


class Letters(Struct, frozen=True):
    """For the languages of one script, what their letters say (computed once)."""

    langs: tuple[str, ...]
    own: dict[str, frozenset[str]]  # letters a language uses that some others do not
    others: dict[str, frozenset[str]]  # letters of the others it never uses
    unique: dict[str, frozenset[str]]  # letters no other language of the script uses
    # The lexicons of this script as (bit, language), in the order of the index's "langs"
    # (a question's words carry their lexicons as bits in that order).
    bits: tuple[tuple[int, str], ...] = ()
    # Lexicon bits → the languages of this script among them, found once per set of bits.
    owners: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Lexicon bits → (language, 1 / its number of languages) for the languages above.
    shares: dict[int, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    # Letters seen → what they say of each language, as (language, vote) in the order the
    # votes are added (float sums depend on it), found once per set of letters.
    # Sets of letters come from what readers type: bounded.
    said: BoundedDict[frozenset[str], tuple[tuple[str, int], ...]] = field(
        default_factory=lambda: BoundedDict(_MANY_SETS))
    # Letters seen → the languages whose own letters are all missing, found once per set.
    missing: BoundedDict[frozenset[str], tuple[str, ...]] = field(
        default_factory=lambda: BoundedDict(_MANY_SETS))
    # The lexicons of a question's words, in order (and the languages of the words read
    # through suffixes) → the language they vote for: questions share these far more
    # often than they share their words.
    voted: BoundedDict[tuple[tuple[int, ...], tuple[tuple[str, ...], ...]], str | None] = (
        field(default_factory=lambda: BoundedDict(_MANY_SETS)))

    def owners_of(self, mask: int) -> tuple[str, ...]:
        """The languages of this script whose lexicon bits are set in ``mask``."""
        found = self.owners.get(mask)
        if found is None:
            found = self.owners[mask] = tuple(lang for bit, lang in self.bits
                                              if mask >> bit & 1)  # fmt: skip
        return found

    def shares_of(self, mask: int) -> tuple[tuple[str, float], ...]:
        """A word's vote for each language of the script whose lexicon bits are set in
        ``mask``: one vote shared among them."""
        found = self.shares.get(mask)
        if found is None:
            owners = self.owners_of(mask)
            found = self.shares[mask] = tuple((lang, 1 / len(owners)) for lang in owners)
        return found

    def letter_votes(self, present: frozenset[str]) -> tuple[tuple[str, int], ...]:
        """What letters outside ASCII say of each language of the script."""
        found = self.said.get(present)
        if found is None:
            votes = []
            for lang in self.langs:
                if self.own[lang] & present:
                    votes.append((lang, 2))
                # Letters of the script's other languages this one never uses ("ә" is no
                # Russian, "ў" no Kazakh) speak against it.
                if self.others[lang] & present:
                    votes.append((lang, -3))
            found = self.said.remember(present, tuple(votes))
        return found

    def lacking(self, seen: frozenset[str]) -> tuple[str, ...]:
        """The languages that have letters of their own, none of which is in ``seen``."""
        found = self.missing.get(seen)
        if found is None:
            found = self.missing.remember(seen, tuple(
                lang for lang in self.langs
                if self.unique[lang] and not self.unique[lang] & seen))
        return found


def letter_tables(letters: dict[str, str], langs: Sequence[str] = ()) -> dict[str, Letters]:
    """:class:`Letters` per script, from the lexicons' ``letters``; ``langs`` are the
    index's lexicons, in the order of their bits."""
    tables = {}
    for script, script_langs in SCRIPT_LANGS.items():
        own = {lang: frozenset(letters.get(lang, "")) for lang in script_langs}
        others = {lang: frozenset(c for other in script_langs if other != lang
                                  for c in own[other]) - own[lang]
                  for lang in script_langs}  # fmt: skip
        unique = {lang: own[lang] - frozenset(c for other in script_langs if other != lang
                                              for c in own[other]) for lang in script_langs}
        bits = tuple((bit, lang) for bit, lang in enumerate(langs) if lang in script_langs)
        tables[script] = Letters(script_langs, own, others, unique, bits)
    return tables


@lru_cache(maxsize=8192)
def _letters(raw: str) -> frozenset[str]:
    """The letters of a word outside ASCII, casefolded (remembered: most words recur)."""
    return frozenset(c for c in raw.casefold() if not c.isascii())


@lru_cache(maxsize=8192)
def _script(norm: str) -> str:
    return script_of(norm)


def said_in(
    tokens: Sequence[Token],
    parsed: Parse,
    tables: dict[str, Letters],
    name_langs: dict[str, int] | None = None,
    plain: bool = False,
) -> str | None:
    """The language of a question, from its tokens and what the walk found; ``plain``
    says the text is all ASCII (which :meth:`str.isascii` tells at once)."""
    word = Kind.WORD  # a local: reading an enum's member costs more (Python 3.11)
    if plain:
        # Latin letters only: no letter of one language, and no name only one language
        # writes so (those of ``name_langs`` are in other scripts): the words vote alone.
        if not any(token.kind == word for token in tokens):
            return None
        latin = tables.get("latin")
        if latin is None:
            return None
        found: Letters = latin  # for the closure
        return found.voted.recall((tuple(parsed.langs), tuple(parsed.vias)),
                                  lambda: _best(_votes(found, parsed), found, "latin", tokens))
    counts: dict[str, int] = {}
    named: set[int] = set()
    starts = {at for at, _ in parsed.countries}  # where the names of countries begin
    if starts:
        for start, size in parsed.spans:
            if start in starts:
                named.update(range(start, start + size))
    present: frozenset[str] = frozenset()
    in_names: frozenset[str] = frozenset()
    words = 0
    for i, token in enumerate(tokens):
        if token.kind != word:
            continue
        norm = token.norm
        script = "latin" if norm.isascii() else _script(norm)
        counts[script] = counts.get(script, 0) + len(norm)
        if i not in named:
            words += 1
            if not token.raw.isascii():
                # Letters outside the countries' names ("Côte d'Ivoire" says nothing of
                # an English question).
                present |= _letters(token.raw)
        elif not token.raw.isascii():
            in_names |= _letters(token.raw)
    if not counts:
        return None
    script = max(counts, key=counts.__getitem__)
    table = tables.get(script)
    if table is None:
        return None
    votes = _votes(table, parsed)
    if present:
        for lang, vote in table.letter_votes(present):
            votes[lang] += vote
    if name_langs and words:
        # A name written as only one language of the script writes it ("в Україні" is
        # Ukrainian, "в Украине" Russian) is a word of that language, though its letters
        # are not counted above; a name shared by several ("Украина") says nothing, nor
        # does a typo's form.  Beside other words only: a bare name shows no language.
        for start, size in parsed.spans:
            if start in parsed.typos or start not in starts:
                continue
            window = tokens[start : start + size]
            mask = name_langs.get(" ".join(t.norm for t in window), 0)
            if not mask and size == 1:
                mask = name_langs.get(window[0].base, 0)
            owners = table.owners_of(mask)
            if len(owners) == 1:
                votes[owners[0]] += 1
    if script != "latin" and words >= 3:
        # In a sentence, so does the lack of every letter only this language has
        # (Kazakh without "ә", "і", "ұ" or "һ"); a name's letters are not lacking ("ї"
        # of "в Україні" in a Ukrainian sentence of no other "ї").
        for lang in table.lacking(present | in_names):
            votes[lang] -= 1
    return _best(votes, table, script, tokens)


def _votes(table: Letters, parsed: Parse) -> dict[str, float]:
    """The votes of the words the lexicons know, for the languages of ``table``'s script."""
    votes = dict.fromkeys(table.langs, 0.0)
    shares = table.shares
    for mask in parsed.langs:
        for lang, share in shares.get(mask) or table.shares_of(mask):
            votes[lang] += share
    for readers in parsed.vias:  # a word read through its suffixes: weaker evidence
        for lang in readers:
            if lang in votes:
                votes[lang] += 0.5 / len(readers)
    return votes


def _best(votes: dict[str, float], table: Letters, script: str,
          tokens: Sequence[Token]) -> str | None:
    best = max(table.langs, key=votes.__getitem__)
    if votes[best] <= 0:
        return "zh" if script == "cjk" and len(tokens) > 1 else None
    return best
