"""How country names are written: folding for matching, ISO codes and flags.

Shared by the importer (which generates aliases), understanding (which matches them) and
the language layer (which shows flags): one definition of "the same name".
"""

from __future__ import annotations

import importlib.util
import os
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from bot.cachedir import kept_json

_APOSTROPHES = "'’ʼʻ`´‘"
#: Zero-width and bidirectional formatting characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, the bidi
#: embeddings and overrides, WORD JOINER, BOM): invisible, so never part of what was meant.
#: Text pasted from web pages carries them inside words ("Kaz\u200bakhstan").
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff]")
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")


class WideClass:
    """A character class spanning thousands of code points (CJK, Hangul), compiled only
    when a text holds a character at or above ``first`` (the class's first code point):
    Python's ``re`` spends milliseconds compiling such a class (it maps every code point in
    it), and most texts (Latin, Cyrillic, Arabic) cannot match it at all.  Same answers as
    the compiled pattern."""

    def __init__(self, pattern: str, first: int) -> None:
        self.pattern = pattern
        self.first = first
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def _cannot(self, text: str) -> bool:
        return not text or ord(max(text)) < self.first

    def match(self, text: str) -> re.Match[str] | None:
        return None if self._cannot(text) else self._pattern().match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return None if self._cannot(text) else self._pattern().search(text)

    def findall(self, text: str) -> list[str]:
        return [] if self._cannot(text) else self._pattern().findall(text)
_WORD_RE = re.compile(r"[^\W_]+")

#: RSF codes that are not ISO alpha-3, mapped by hand (None: no ISO code exists).
RSF_ALPHA2: dict[str, str | None] = {"XKX": "XK", "XKO": "XK", "CSS": None, "CTU": None}

@lru_cache(maxsize=1)
def babel_data() -> str | None:
    """Which CLDR data Babel has installed (its global data file's size and time), found
    without importing Babel: what the cache keeps from that data is keyed on it.  None:
    not found (nothing is kept)."""
    spec = importlib.util.find_spec("babel")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        info = os.stat(os.path.join(spec.submodule_search_locations[0], "global.dat"))
    except OSError:
        return None
    return f"{info.st_size}-{info.st_mtime_ns}"


def from_babel(name: str, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """A table built from Babel's CLDR data, kept in the cache for the data installed:
    importing Babel and assembling its data costs tens of milliseconds a process."""
    key = babel_data()
    return build() if key is None else kept_json(f"{name}-babel-{key}", build)


@lru_cache(maxsize=1)
def _alpha3_to_alpha2() -> dict[str, str]:
    return from_babel("iso-alpha2", _iso_alpha2)


def _iso_alpha2() -> dict[str, str]:
    from babel.core import get_global

    aliases = get_global("territory_aliases")
    # The territories CLDR knows, from the same global data as the aliases: asking a
    # locale for its territory names would load a whole locale (~25 ms at start-up).
    known = set(get_global("territory_currencies"))
    return {
        code: targets[0]
        for code, targets in aliases.items()
        if len(code) == 3 and code.isalpha() and len(targets) == 1 and targets[0] in known
    }


def alpha2_of(code: str) -> str | None:
    """The ISO alpha-2 code of an RSF country code, or None (OECS, Northern Cyprus, splits)."""
    if code in RSF_ALPHA2:
        return RSF_ALPHA2[code]
    return _alpha3_to_alpha2().get(code)


def flag_of(alpha2: str) -> str:
    """🇰🇿 from "KZ": two regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in alpha2.upper())


#: Letters of the Arabic script that writers use for one another: the alef with or without
#: hamza or madda, Arabic and Persian yeh and kaf, teh marbuta and heh; the tatweel
#: (a stretch of the line) is no letter at all.
_ARABIC_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی",
                                  "ك": "ک", "ة": "ه", "ـ": None})


def fold(text: str) -> str:
    """Casefold and strip accents from Latin letters ("Côte" → "cote", "Türkiye" → "turkiye").

    Marks on Cyrillic letters stay ("й", "ї" are letters of their own) except "ё" → "е",
    which Russian writers drop at will; Turkish dotless "ı" becomes "i"; letters of the
    Arabic script written for one another are one (:data:`_ARABIC_VARIANTS`); invisible
    formatting characters (:data:`INVISIBLE_RE`) go.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():
        text = INVISIBLE_RE.sub("", text)
        out: list[str] = []
        for char in unicodedata.normalize("NFD", text):
            if unicodedata.combining(char) and out and not "\u0400" <= out[-1] <= "\u04ff":
                continue
            out.append(char)
        text = unicodedata.normalize("NFC", "".join(out)).replace("ё", "е").replace("ı", "i")
        if any("\u0600" <= c <= "\u06ff" for c in text):
            text = text.translate(_ARABIC_VARIANTS)
    return text


def normalize(text: str) -> str:
    """The matching key of a name or phrase: folded words joined by single spaces.

    Punctuation and hyphens separate words ("Guinea-Bissau" → "guinea bissau"); apostrophes
    inside a word vanish ("Côte d'Ivoire" → "cote divoire", "Qozogʻiston" → "qozogiston").
    """
    folded = _APOSTROPHE_RE.sub("", fold(text))
    return " ".join(_WORD_RE.findall(folded))
