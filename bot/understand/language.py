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
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

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


@dataclass(frozen=True)
class Letters:
    """For the languages of one script, what their letters say (computed once)."""

    langs: tuple[str, ...]
    own: dict[str, frozenset[str]]  # letters a language uses that some others do not
    others: dict[str, frozenset[str]]  # letters of the others it never uses
    unique: dict[str, frozenset[str]]  # letters no other language of the script uses


def letter_tables(letters: dict[str, str]) -> dict[str, Letters]:
    """:class:`Letters` per script, from the lexicons' ``letters``."""
    tables = {}
    for script, langs in SCRIPT_LANGS.items():
        own = {lang: frozenset(letters.get(lang, "")) for lang in langs}
        others = {lang: frozenset(c for other in langs if other != lang for c in own[other])
                  - own[lang] for lang in langs}  # fmt: skip
        unique = {lang: own[lang] - frozenset(c for other in langs if other != lang
                                              for c in own[other]) for lang in langs}
        tables[script] = Letters(langs, own, others, unique)
    return tables


@lru_cache(maxsize=4096)
def _owners(mask: int, langs: tuple[str, ...], among: tuple[str, ...]) -> tuple[str, ...]:
    """The languages of ``among`` whose bits are set in ``mask``."""
    return tuple(lang for bit, lang in enumerate(langs) if mask >> bit & 1 and lang in among)


def said_in(
    tokens: Sequence[Token],
    parsed: Parse,
    langs: Sequence[str],
    tables: dict[str, Letters],
    name_langs: dict[str, int] | None = None,
) -> str | None:
    counts: dict[str, int] = {}
    named = {i for at, _ in parsed.countries for start, size in parsed.spans if start == at
             for i in range(start, start + size)}  # fmt: skip
    present: set[str] = set()
    in_names: set[str] = set()
    words = 0
    for i, token in enumerate(tokens):
        if token.kind != Kind.WORD:
            continue
        script = "latin" if token.norm.isascii() else script_of(token.norm)
        counts[script] = counts.get(script, 0) + len(token.norm)
        if i not in named:
            words += 1
            if not token.raw.isascii():
                # Letters outside the countries' names ("Côte d'Ivoire" says nothing of
                # an English question).
                present.update(c for c in token.raw.casefold() if not c.isascii())
        elif not token.raw.isascii():
            in_names.update(c for c in token.raw.casefold() if not c.isascii())
    if not counts:
        return None
    script = max(counts, key=counts.__getitem__)
    table = tables.get(script)
    if table is None:
        return None
    votes = dict.fromkeys(table.langs, 0.0)
    for mask in parsed.langs:
        owners = _owners(mask, tuple(langs), table.langs)
        for lang in owners:
            votes[lang] += 1 / len(owners)
    for readers in parsed.vias:  # a word read through its suffixes: weaker evidence
        for lang in readers:
            if lang in votes:
                votes[lang] += 0.5 / len(readers)
    if present:
        for lang in table.langs:
            if table.own[lang] & present:
                votes[lang] += 2
            # Letters of the script's other languages this one never uses ("ә" is no
            # Russian, "ў" no Kazakh) speak against it.
            if table.others[lang] & present:
                votes[lang] -= 3
    if name_langs and words:
        # A name written as only one language of the script writes it ("в Україні" is
        # Ukrainian, "в Украине" Russian) is a word of that language, though its letters
        # are not counted above; a name shared by several ("Украина") says nothing, nor
        # does a typo's form.  Beside other words only: a bare name shows no language.
        for start, size in parsed.spans:
            if start in parsed.typos or not any(at == start for at, _ in parsed.countries):
                continue
            window = tokens[start : start + size]
            mask = name_langs.get(" ".join(t.norm for t in window), 0)
            if not mask and size == 1:
                mask = name_langs.get(window[0].base, 0)
            owners = _owners(mask, tuple(langs), table.langs)
            if len(owners) == 1:
                votes[owners[0]] += 1
    if script != "latin" and words >= 3:
        # In a sentence, so does the lack of every letter only this language has
        # (Kazakh without "ә", "і", "ұ" or "һ"); a name's letters are not lacking ("ї"
        # of "в Україні" in a Ukrainian sentence of no other "ї").
        seen = present | in_names
        for lang in table.langs:
            if table.unique[lang] and not table.unique[lang] & seen:
                votes[lang] -= 1
    best = max(table.langs, key=votes.__getitem__)
    if votes[best] <= 0:
        return "zh" if script == "cjk" and len(tokens) > 1 else None
    return best
