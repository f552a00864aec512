"""Cleaning and tokenizing a message, and the regular expressions that read it.

:func:`clean` undoes what typing does to a name (abbreviation dots, invisible characters,
separately typed accents); :func:`tokenize` cuts the result into words, numbers and flag
emojis, each with its folded form (:func:`bot.names.fold`, apostrophes dropped as
:func:`bot.names.normalize` drops them), which every key of the index is written in.
"""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum

from msgspec import Struct

from bot.names import INVISIBLE_RE, WideClass, fold

# Scripts, for the rules that apply to one script only.
CJK_RE = WideClass(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", 0x3040)
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")

_APOSTROPHES = "'’ʼʻ`´‘"
APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")
# A token: two regional indicators (a flag); a number, with the letters written onto it
# ("142nd", "10-е", "2022-yilda", "2013'ten"); or a word, apostrophes inside it included
# ("Côte d'Ivoire").  CJK text is one word here: the understander cuts it into words.
_TOKEN_RE = re.compile(
    r"(?P<flag>[\U0001F1E6-\U0001F1FF]{2})"
    r"|(?P<num>\d+)(?:[-" + _APOSTROPHES + r"]?(?P<suffix>(?:(?![\u3040-\u9fff\uac00-\ud7af])"
    r"[^\W\d_])+))?"
    r"|(?P<word>[^\W\d_]+(?:[" + _APOSTROPHES + r"][^\W\d_]+)*)"
)
# Combining marks (Latin, Cyrillic, Arabic): clean() composes or drops them.
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u06d6-\u06ed]")
# Dotted abbreviations: "U.S." → "US".
_ABBREVIATION_RE = re.compile(r"(?<![^\W\d_])((?:[A-Za-z]\.){2,})")
# The message's frame: a leading /command (with an optional @botname), the separators of a
# list of countries (/subscribe, /chart), a quoted search phrase.
COMMAND_RE = re.compile(r"^\s*/([A-Za-z_]+)(?:@\w+)?")
LIST_SPLIT_RE = re.compile(r"[,;\n]+")
QUOTED_RE = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,80})[\"“”«»„]")


class Kind(IntEnum):
    WORD = 0
    NUM = 1
    FLAG = 2


class Token(Struct):
    """A word, number or flag: ``raw`` as written, ``norm`` folded (a number's digits, a
    flag's emoji), ``start``/``end`` its place in the cleaned text.  ``base`` is a word
    without an English possessive ("Kazakhstan's" → "kazakhstan"); ``ordinal`` marks
    "142nd"; ``attached`` a word written onto a number ("nd", "yilda")."""

    kind: Kind
    raw: str
    norm: str
    start: int
    end: int
    ordinal: bool = False
    attached: bool = False
    base: str = ""


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


def fold_word(raw: str) -> str:
    """A word as the index keys it: folded, apostrophes dropped."""
    word = raw.lower() if raw.isascii() else fold(raw)
    if "'" in word or not word.isascii():
        word = APOSTROPHE_RE.sub("", word)
    return word


#: How the words of one text fold, remembered between texts: a word as written → (its
#: folded form, its :func:`_base`, whether the folded form holds CJK characters).
Folds = dict[str, tuple[str, str, bool]]


def tokenize(
    text: str,
    ordinals: frozenset[str] = frozenset(),
    folds: Folds | None = None,
) -> list[Token]:
    """Words, numbers and flag emojis of a :func:`clean` text; a number followed by one of
    ``ordinals`` ("142nd", "10-е") is an ordinal.  ``folds`` remembers how words fold."""
    return scan(text, ordinals, {} if folds is None else folds)[0]


def scan(text: str, ordinals: frozenset[str], folds: Folds) -> tuple[list[Token], bool]:
    """:func:`tokenize`, and whether any word holds CJK characters (text the understander
    cuts into words).  A word is folded once per ``folds``, however often it is written:
    folding is most of the cost of a token."""
    tokens: list[Token] = []
    wide = False
    append = tokens.append
    # Reading a member of an enum class costs several times a local's (Python 3.11).
    word_kind, flag_kind, num_kind = Kind.WORD, Kind.FLAG, Kind.NUM
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "word":
            raw = match.group(0)
            known = folds.get(raw)
            if known is None:
                known = folds[raw] = _folded(raw)
            append(Token(word_kind, raw, known[0], start, end, False, False, known[1]))
            wide = wide or known[2]
        elif kind == "flag":
            raw = match.group(0)
            append(Token(flag_kind, raw, raw, start, end))
        else:
            digits = match.group("num")
            suffix = match.group("suffix")
            folded = fold(suffix) if suffix else ""
            append(Token(num_kind, digits, digits, start, start + len(digits),
                         folded in ordinals))  # fmt: skip
            if suffix:
                # Written onto a number, a word has no apostrophe: its base is itself.
                word = fold_word(suffix)
                append(Token(word_kind, suffix, word, match.start("suffix"), end, False, True,
                             word))  # fmt: skip
                wide = wide or CJK_RE.search(word) is not None
    return tokens, wide


def _folded(raw: str) -> tuple[str, str, bool]:
    """A word's entry of :data:`Folds`."""
    word = fold_word(raw)
    return word, _base(raw, word), CJK_RE.search(word) is not None


_HAS_APOSTROPHE = frozenset(_APOSTROPHES)


def _base(raw: str, word: str) -> str:
    """A word with an apostrophe, as the word it is made of: after a French or Italian
    elided article ("d'Europe" → "europe", "l'Algérie"), before an English possessive or a
    Turkish suffix ("Kazakhstan's" → "kazakhstan", "Rusya'daki" → "rusya").  Apostrophes
    inside a word of Uzbek Latin ("Oʻzbekiston") stay part of it: the word itself is
    looked up first."""
    if _HAS_APOSTROPHE.isdisjoint(raw):
        return word
    parts = APOSTROPHE_RE.split(raw)
    # Two capitals are a name abbreviated, not an article: "UK's", "UK'de".
    if len(parts) == 2 and len(parts[0]) <= 2 and not (len(parts[0]) == 2
                                                       and parts[0].isupper()):
        return fold_word(parts[1])  # "d'Europe", "l'Algérie", "qu'est"
    return fold_word(parts[0])  # "Kazakhstan's", "Türkiye'de", "UK's"


def script_of(word: str) -> str:
    """The script of a word: "latin", "cyrillic", "arabic", "cjk" or "other" (that of its
    first letter; the ranges of :data:`CYRILLIC_RE`, :data:`ARABIC_RE`, :data:`CJK_RE` and
    :data:`LATIN_RE`, compared as code points: this runs for every word of a question)."""
    for char in word:
        if char.isalpha():
            code = ord(char)
            if 0x400 <= code <= 0x4FF:
                return "cyrillic"
            if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F:
                return "arabic"
            if 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF:
                return "cjk"
            if 0x41 <= code <= 0x5A or 0x61 <= code <= 0x7A or 0xC0 <= code <= 0x24F:
                return "latin"
            return "other"
    return "other"
