"""Text → :class:`~bot.query.Query`: which countries, topic, year and intent a question names.

Approach (all lookups, no model):

1. **One index per data version** (:mod:`~bot.understand.index`).  Every alias of the
   snapshot becomes a key of folded words ("Côte d'Ivoire" → ``cote divoire``); Russian
   and Ukrainian names also get their case forms ("Казахстан" → "казахстане").  A key
   that names several codes resolves to the current ones: "Israel" is ISR, not the 2002
   split ``ISR1``.  The words of questions come from one lexicon file per language
   (``lexicons/<lang>.toml``: en, ru, uk, kk, ky, uz in both scripts, tg, de, fr, es,
   pt, tr, ar, fa, zh), each list typed by the features it gives
   (:mod:`~bot.understand.features`); Russian and Ukrainian lists hold dictionary forms,
   every form of which pymorphy3 generates.  The real words of the readers' languages
   that sit near a name come from wordfreq.  The index is plain data, cached on disk, so
   none of these libraries is imported to answer.
2. **Tokenize once** (:mod:`~bot.understand.text`), cut unspaced CJK text into words,
   then walk the tokens left to right, taking the longest name or phrase at each, so
   "Papua New Guinea" beats "Guinea" and "People's Republic of China" beats "Republic
   of China".  A word not found as written is looked for under its suffixes and clitics
   (:mod:`~bot.understand.morphology`: "Қазақстан|дағы", "و|ال|صحف"): whole words,
   stems or generated forms only, never a piece of another word.
3. **Typos** (:mod:`~bot.understand.typos`) for what is left: one rapidfuzz call per
   word (or run of words: "south krea", "United ArabEmirates") against the names of
   about its length, accepted, offered ("did you mean …?") or left alone as its length
   and the nearest names say.
4. **Decide** (:mod:`~bot.understand.decide`) the intent and the rest, and the language
   the question is written in (:mod:`~bot.understand.language`); a follow-up is read in
   the light of the answer before (:mod:`~bot.understand.followup`).

Only the names below are for use outside the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.names import normalize
from bot.understand.features import HELP_TOPICS, Feature, Sense
from bot.understand.inflection import inflections
from bot.understand.parser import Understander
from bot.understand.text import Token, clean, tokenize

if TYPE_CHECKING:
    from bot.understand.index import Memo

__all__ = [
    "HELP_TOPICS",
    "Feature",
    "Sense",
    "Token",
    "Understander",
    "clean",
    "inflections",
    "is_question_word",
    "normalize",
    "tokenize",
]


def is_question_word(text: str, memo: Memo | None = None) -> bool:
    """Whether a word or phrase belongs to the vocabulary questions are made of (a word of
    any lexicon: function words, topics, rankings, intents): such a word can never be a
    country's alias, or "are journalists safe" would name a country.  An abbreviation in
    capitals ("CAR") is no such word: it is matched as typed, in capitals only.  Reads the
    lexicon files on first use (for the importer; the understander itself reads its index);
    ``memo`` keeps the tables made from them between processes, as the understander's."""
    if text.isascii() and text.isupper():
        return False
    from bot.understand.features import Feature
    from bot.understand.index import vocabulary

    found = vocabulary(memo)["words"].get(normalize(text))
    if not found:
        return False
    senses, _ = found  # ((feature, value, languages), …), languages
    # A language's name ("Korean", "Kazakh") is also its people's, a curated demonym: only
    # beside a word about the bot's languages does understanding read it as the language.
    naming = (int(Feature.HELP_TOPIC), "language_names")
    return any((feature, value) != naming for feature, value, _ in senses)
