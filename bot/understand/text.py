"""Cleaning and tokenizing a message, and the regular expressions that read it.

:func:`clean` undoes what typing does to a name (abbreviation dots, invisible characters,
separately typed accents); :func:`tokenize` cuts the result into words, numbers and flag
emojis, each with its folded form (:func:`bot.names.fold`), which every table of
:mod:`bot.understand.vocabulary` and every key of the index is written in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.names import INVISIBLE_RE, fold
from bot.understand.vocabulary import _ORDINAL_SUFFIXES

# Scripts, for the fallbacks that apply to one script only: CJK names inside a longer word,
# Cyrillic stems and typos, Arabic one-letter prefixes.
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")

# A token: two regional indicators (a flag), a number with an ordinal suffix or not
# ("142nd", "142-е"), or a word, apostrophes inside it included ("Côte d'Ivoire").
_TOKEN_RE = re.compile(
    r"(?P<flag>[\U0001F1E6-\U0001F1FF]{2})"
    r"|(?P<num>\d+)(?:-?(?P<ord>" + "|".join(_ORDINAL_SUFFIXES) + r")(?![^\W\d_]))?"
    r"|(?P<word>[^\W\d_]+(?:['’ʼʻ`´‘][^\W\d_]+)*)"
)
_APOSTROPHE_RE = re.compile(r"['’ʼʻ`´‘]")
# Combining marks (Latin, Cyrillic, Arabic): clean() composes or drops them.
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u06d6-\u06ed]")
# Dotted abbreviations: "U.S." → "US".
_ABBREVIATION_RE = re.compile(r"(?<![^\W\d_])((?:[A-Za-z]\.){2,})")
# The message's frame: a leading /command (with an optional @botname), the separators of a
# list of countries (/subscribe, /chart), a quoted search phrase.
_COMMAND_RE = re.compile(r"^\s*/([A-Za-z_]+)(?:@\w+)?")
_LIST_SPLIT_RE = re.compile(r"[,;\n]+")
_QUOTED_RE = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,80})[\"“”«»„]")

# _Token.kind
_WORD, _NUM, _FLAG = 0, 1, 2


@dataclass(slots=True)
class _Token:
    """A word, number or flag: ``raw`` as written, ``norm`` folded (a number's digits, a
    flag's emoji), ``start``/``end`` its place in the cleaned text; ``ordinal`` for "142nd"."""

    kind: int
    raw: str
    norm: str
    start: int
    end: int
    ordinal: bool = False


def clean(text: str) -> str:
    """The text the tokenizer reads: "U.S." → "US"; invisible formatting characters
    ("Kaz\u200bakhstan") dropped; separately typed marks composed or, when they would split
    a word ("عُمان"), dropped."""
    if not text.isascii():
        text = INVISIBLE_RE.sub("", text)
        if _COMBINING_RE.search(text):
            text = _COMBINING_RE.sub("", unicodedata.normalize("NFC", text))
    if "." in text:
        text = _ABBREVIATION_RE.sub(lambda m: m.group(1).replace(".", ""), text)
    return text


def tokenize(text: str) -> list[_Token]:
    """Words, numbers (with an ordinal suffix: "142nd", "142-е") and flag emojis of a
    :func:`clean` text."""
    tokens: list[_Token] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        raw = match.group(0)
        if kind == "flag":
            tokens.append(_Token(_FLAG, raw, raw, match.start(), match.end()))
        elif kind == "word":
            word = raw.lower() if raw.isascii() else fold(raw)
            if "'" in word or not word.isascii():
                word = _APOSTROPHE_RE.sub("'", word)
                if word.endswith("'s"):  # possessive: "Kazakhstan's"
                    word = word[:-2]
                word = word.replace("'", "")
            tokens.append(_Token(_WORD, raw, word, match.start(), match.end()))
        else:
            digits = match.group("num")
            tokens.append(
                _Token(_NUM, digits, digits, match.start(), match.end(), bool(match.group("ord")))
            )
    return tokens
