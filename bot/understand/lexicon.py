"""The lexicon files: one per language, ``lexicons/<lang>.toml``, read when the index is built.

A lexicon file is TOML.  Each table with ``words`` is one list of a section of
:data:`bot.understand.features.SECTIONS` (``[topic.safety]``), of a word set the rules use
(``[set.ordinal]``, :data:`SETS`), or the language's numbers (``[numbers]``, entries
``word=5``).  Every list has a ``source``: where its words came from.  Entries are separated
by commas; an entry may be a phrase, and may wrap onto the next line.

``[morphology]`` describes how words of the language change, for
:mod:`bot.understand.morphology`: ``suffixes`` (case, plural and possessive endings, which
may follow one another), ``prefixes`` (clitics written onto a word: Arabic "و", "ال"),
``compound_prefixes`` (first parts of compounds: "гос", "медиа"), ``alternations`` (a
stem's last letter as written before a suffix beginning with a vowel, and as the dictionary
writes it: "г к" — Kazakh "кеңістігі" is "кеңістік" with "і"; a third part names the only
letters the suffix may begin with: "и ӣ и") and ``lemmas = true``
when the lists hold dictionary forms whose every form pymorphy3 generates (Russian,
Ukrainian).  ``letters`` are letters of the language's alphabet that its neighbours in
the same script do not use ("ә" is Kazakh), a hint of the language a question is written
in.  ``transliterate = "uz-cyrl"`` also writes every word in the other script (Uzbek is
written in Latin and in Cyrillic letters; see :func:`uzbek_cyrillic`).

This module is read only while building (it imports :mod:`tomllib`); parsing reads the
built index.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from bot.names import normalize
from bot.understand.features import SECTIONS

LEXICONS = Path(__file__).resolve().parent / "lexicons"

#: Word sets that rules read directly rather than as features.
SETS = {
    "ordinal": "suffixes written after a number that make it an ordinal (142nd)",
    "since_glue": "words between 'since' and a year that keep it a start ('from')",
    "not_a_year_after": "words after which a four-digit number is no year ('top 2000')",
    "search_lead": "words before what a search looks for that are not part of it",
    "search_tail": "words after what a search looks for that are not part of it",
    "search_or": "words separating alternatives in a search ('or')",
    "search_filler": "words between a search word and what is searched ('for the word')",
    "everything": "what '/unsubscribe all' may say for every country",
    "follow_adding": "how a follow-up that adds a country begins ('and')",
    "follow_switching": "how a follow-up that switches country begins ('what about')",
    "titlecase_names": "country names that are also common words: matched with a capital",
    "shouted": "all-caps words that are no ISO code in a shouted message",
    "foreign_names": "other languages' country names that are common words here",
    "glue": "words that bind a country word into a phrase ('of', 'de', 'con')",
    "person": "words before a person's name ('my friend', 'I'm'): a country word after is one",
    "counters": "measure words after a number that count places in a list ('名' of '前10名')",
}


class WordList(Struct, frozen=True):
    """One list of a lexicon: its section, its words (folded) and where they came from."""

    section: str
    words: tuple[str, ...]
    source: str
    lemmas: bool = False  # dictionary forms: every form is generated (Russian, Ukrainian)


class Lexicon(Struct, frozen=True):
    language: str
    lists: tuple[WordList, ...]
    lemmas: bool = False
    suffixes: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    compound_prefixes: tuple[str, ...] = ()
    # (letter before a suffix, the dictionary form's letter, the letters the suffix may
    # begin with): "г" → "к" before a vowel in Kazakh.
    alternations: tuple[tuple[str, str, str], ...] = ()
    numbers: dict[str, int] = field(default_factory=dict)
    letters: str = ""

    def words(self, section: str) -> tuple[str, ...]:
        """Every word of the lists of one section (a word set: ``set.ordinal``)."""
        found: list[str] = []
        for word_list in self.lists:
            if word_list.section == section:
                found.extend(word_list.words)
        return tuple(found)


class LexiconError(ValueError):
    """A lexicon file that does not say what it must."""


def _entries(text: str) -> list[str]:
    """The entries of a list: separated by commas; a line break inside an entry is a
    space (a long phrase may wrap)."""
    return [" ".join(entry.split()) for entry in text.split(",") if entry.strip()]


def _fold(entry: str, keep: bool = False) -> str:
    """An entry as the index keys it: folded words (``keep``: as written, for suffixes)."""
    return entry.strip().casefold() if keep else normalize(entry)


def parse_lexicon(text: str, name: str) -> Lexicon:
    """A lexicon from the text of its file (``name`` for error messages)."""
    data = tomllib.loads(text)
    language = data.get("language")
    if not isinstance(language, str):
        raise LexiconError(f"{name}: no language")
    translit = data.get("transliterate")
    lists: list[WordList] = []
    numbers: dict[str, int] = {}

    def walk(table: dict[str, Any], path: str) -> None:
        for key, value in table.items():
            if not isinstance(value, dict):
                continue
            section = f"{path}.{key}" if path else key
            if section == "morphology":
                continue
            if "words" in value:
                source = value.get("source")
                if not isinstance(source, str) or not source.strip():
                    raise LexiconError(f"{name}: [{section}] says nowhere where it came from")
                words = str(value["words"])
                if section == "numbers":
                    for entry in _entries(words):
                        word, _, number = entry.rpartition("=")
                        numbers[normalize(word)] = int(number)
                    continue
                if section not in SECTIONS and not (
                    section.startswith("set.") and section[4:] in SETS
                ):
                    raise LexiconError(f"{name}: [{section}] is no section of the lexicon")
                keep = section in ("set.ordinal",)
                folded = [_fold(e, keep) for e in _entries(words)]
                if translit == "uz-cyrl":
                    folded += [_fold(uzbek_cyrillic(e), keep) for e in _entries(words)]
                lemmas = bool(value.get("lemmas", data.get("morphology", {}).get("lemmas")))
                lists.append(WordList(section, tuple(dict.fromkeys(f for f in folded if f)),
                                      source.strip(), lemmas))
            walk(value, section)

    walk(data, "")
    morphology = data.get("morphology", {})
    if morphology and not str(morphology.get("source", "")).strip():
        raise LexiconError(f"{name}: [morphology] says nowhere where it came from")

    def affixes(key: str) -> tuple[str, ...]:
        found = [e.casefold() for e in _entries(str(morphology.get(key, "")))]
        if translit == "uz-cyrl":
            found += [uzbek_cyrillic(e).casefold() for e in found]
        return tuple(sorted(set(found), key=lambda s: (-len(s), s)))

    return Lexicon(
        language=language,
        lists=tuple(lists),
        lemmas=bool(morphology.get("lemmas", False)),
        suffixes=tuple(normalize(s) or s for s in affixes("suffixes")),
        prefixes=affixes("prefixes"),
        compound_prefixes=tuple(normalize(s) for s in affixes("compound_prefixes")),
        alternations=_alternations(name, str(morphology.get("alternations", ""))),
        numbers=numbers,
        letters=str(data.get("letters", "")),
    )


#: The vowels a suffix may begin with for a stem's last letter to change (Turkic voicing
#: happens before a vowel), folded as the index folds words.
VOWELS = "aeiouаеиоуыэюяіїєәөүұӯӣ"


def _alternations(name: str, text: str) -> tuple[tuple[str, str, str], ...]:
    """``alternations = "г к, ғ қ, и ӣ и"``: two single letters, and optionally the letters
    the suffix may begin with (else a vowel), each folded as the index folds words."""
    found: list[tuple[str, str, str]] = []
    for entry in _entries(text):
        parts = [normalize(part) or part for part in entry.split()]
        if len(parts) not in (2, 3) or any(len(part) != 1 for part in parts[:2]):
            raise LexiconError(f"{name}: alternation {entry!r} is not two letters")
        found.append((parts[0], parts[1], parts[2] if len(parts) == 3 else VOWELS))
    return tuple(found)


@lru_cache(maxsize=1)
def load_lexicons() -> tuple[Lexicon, ...]:
    """Every lexicon file, in the order of their names."""
    return tuple(
        parse_lexicon(path.read_text(encoding="utf-8"), path.name)
        for path in sorted(LEXICONS.glob("*.toml"))
    )


# --- Uzbek in Cyrillic letters ----------------------------------------------------------------

# Uzbek is written in Latin letters (official since 1995) and in Cyrillic ones (still
# common); the Uzbek lexicon is written in Latin and its Cyrillic words generated with the
# standard correspondence of the two alphabets (the 1995 alphabet law's table).  Digraphs
# first; "e" is "э" at the start of a word and after a vowel, "е" elsewhere.
_UZ_DIGRAPHS = (
    ("oʻ", "ў"), ("o'", "ў"), ("o‘", "ў"), ("o’", "ў"), ("gʻ", "ғ"), ("g'", "ғ"),
    ("g‘", "ғ"), ("g’", "ғ"), ("sh", "ш"), ("ch", "ч"), ("ya", "я"), ("yu", "ю"),
    ("yo", "ё"), ("ye", "е"), ("ts", "ц"),
)  # fmt: skip
_UZ_LETTERS = dict(zip("abdfghijklmnopqrstuvxyzq", "абдфгҳижклмнопқрстувхйзқ", strict=True))
_UZ_LETTERS.update({"h": "ҳ", "q": "қ", "x": "х", "j": "ж", "y": "й", "ʼ": "ъ", "'": "ъ"})
_UZ_VOWELS = set("aeiouаэиоуўеёюя")


def uzbek_cyrillic(text: str) -> str:
    """Uzbek written in Latin letters, in Cyrillic ones ("Oʻzbekiston" → "ўзбекистон")."""
    text = text.casefold()
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = next((cyr for lat, cyr in _UZ_DIGRAPHS if text.startswith(lat, i)), None)
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        char = text[i]
        if char == "e":
            start = i == 0 or not text[i - 1].isalpha() or text[i - 1] in _UZ_VOWELS
            out.append("э" if start else "е")
        else:
            out.append(_UZ_LETTERS.get(char, char))
        i += 1
    return "".join(out)
