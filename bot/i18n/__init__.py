"""Interface strings in fifteen languages, and country names in the reader's language.

Profile texts stay as RSF published them; only labels, help and errors are translated.
Country names come from CLDR (Babel) so a Russian reader sees "Казахстан", with RSF's
English name as the fallback for RSF's own entities (OECS, Northern Cyprus).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import Final

from bot.cache import BoundedDict
from bot.i18n import catalogs
from bot.i18n.choice import LANGS, base_lang, reply_lang
from bot.names import alpha2_of, flag_of, from_babel

__all__ = ["LANGS", "base_lang", "country_name", "flag", "fmt_number", "fmt_place", "fmt_score",
           "fmt_vdem", "inline_name", "language_label", "name", "number_symbols", "picture_lang",
           "region_name", "reply_lang", "t", "typed_name", "typed_names", "typing_names"]


#: The messages and labels resolved so far, by language and key (bot.i18n.catalogs): a
#: reply reads dozens, nearly all resolved already, so they are read here without a call.
_MESSAGES: Final = catalogs.resolved()
_NAMES: Final = catalogs.resolved("name")


def t(lang: str, key: str, **values: object) -> str:
    """An interface string; values are inserted as given (escape data before passing it).
    A message whose words follow a number takes it as ``n`` and is chosen by the
    language's plural rule ("1 country", "2 страны", "5 стран")."""
    texts = _MESSAGES.get(lang)
    text = texts.get(key) if texts is not None else None
    if text.__class__ is not str:  # not resolved yet, or forms to choose from by ``n``
        text = catalogs.message(lang, key, values.get("n"))
    # format_map reads the keywords as they came: format(**values) would copy them again.
    return text.format_map(values) if values else text


def name(lang: str, key: str) -> str:
    """A section, topic, indicator or situation label."""
    texts = _NAMES.get(lang)
    text = texts.get(key) if texts is not None else None
    if text.__class__ is not str:
        return catalogs.message(lang, key, table="name")
    return text


#: Languages that write a label in lower case inside a sentence ("by the safety
#: indicator"); German capitalises its nouns, and the rest have no letter case to change.
_LOWER_INSIDE: Final = frozenset({"en", "ru", "kk", "uk", "uz", "ky", "tg", "fr", "es", "pt",
                                  "tr"})


def inline_name(lang: str, key: str) -> str:
    """A label as written inside a sentence: "safety" in "worst for safety"."""
    label = name(lang, key)
    return label.lower() if lang in _LOWER_INSIDE else label


def region_name(lang: str, region: str) -> str:
    return catalogs.message(lang, region, table="region")


#: Languages a chart is drawn in its own words.  matplotlib lays text out left to right
#: and joins no letters, so Arabic and Persian come out broken, and the image ships no
#: Chinese font: their charts are drawn in English, their captions in the language.
_PICTURE_LANGS: Final = frozenset(LANGS) - {"ar", "fa", "zh"}


def picture_lang(lang: str) -> str:
    """The language a chart's picture is drawn in for a reader of ``lang``."""
    return lang if lang in _PICTURE_LANGS else "en"


#: Bidirectional marks CLDR puts before Arabic and Persian signs ("\u200e-").  They are left
#: out: an RTL reply isolates every signed figure itself (bot.render.bidi), and a mark would
#: take a column in a monospace table.
_BIDI_MARKS: Final = "\u200e\u200f\u061c"

#: Python's own symbols, what ``Decimal`` writes: a language whose CLDR symbols are these
#: (English, Chinese, Arabic) needs no translation.  English is known without asking
#: Babel, which would load its whole English locale (~30 ms) on the first score a process
#: shows (tests/test_numbers.py holds it to CLDR's).
_PYTHON_SYMBOLS: Final = (".", "+", "-")


@cache
def _number_table(lang: str) -> dict[int, str] | None:
    """The ``str.translate`` table from Python's decimal point and signs to ``lang``'s
    (CLDR, Latin digits' numbering system), or None where they are the same.  Read from
    Babel once per language and kept in the cache: Babel assembles the whole locale to
    give three symbols (~10 ms a language, on its first number in a process)."""
    if lang == "en":
        return None
    kept = from_babel(f"numbers-{lang}", lambda: _cldr_number_symbols(lang))
    symbols = tuple(kept.get(key) or default for key, default in zip(
        _SYMBOL_KEYS, _PYTHON_SYMBOLS, strict=True))
    if symbols == _PYTHON_SYMBOLS:
        return None
    return str.maketrans(dict(zip(_PYTHON_SYMBOLS, symbols, strict=True)))


#: The names of ``lang``'s symbols as kept in the cache, in the order of _PYTHON_SYMBOLS.
_SYMBOL_KEYS: Final = ("decimal", "plus", "minus")


def _cldr_number_symbols(lang: str) -> dict[str, str]:
    """``lang``'s decimal symbol and signs from Babel (CLDR, Latin digits), without the
    bidirectional marks; "" where CLDR has none."""
    from babel import numbers  # only when the cache does not hold them yet

    getters = (numbers.get_decimal_symbol, numbers.get_plus_sign_symbol,
               numbers.get_minus_sign_symbol)
    return {key: get(lang, numbering_system="latn").strip(_BIDI_MARKS)
            for key, get in zip(_SYMBOL_KEYS, getters, strict=True)}


def number_symbols(lang: str) -> tuple[str, str, str]:
    """``lang``'s decimal symbol, plus and minus sign as scores are written for its reader."""
    table = _number_table(lang)
    point, plus, minus = _PYTHON_SYMBOLS
    if table is None:
        return point, plus, minus
    return point.translate(table), plus.translate(table), minus.translate(table)


@lru_cache(maxsize=8192)  # a card shows a dozen scores, the same ones card after card
def fmt_score(value: float, places: int = 2, signed: bool = False, lang: str = "en") -> str:
    """A score (or a change of one, ``signed``) as RSF prints it: two decimals, rounded half
    up (RSF's 51.055 is 51.06; binary floats would give 51.05).  Every score shown goes
    through here.  Float noise of arithmetic (46.46 - 51.055 = -4.594999…) is rounded off at
    the ninth decimal first, beyond any figure RSF publishes.  Written with ``lang``'s
    decimal symbol and signs (CLDR: "34,41" in Russian, German or French), in Latin digits
    as RSF publishes its figures."""
    text = _rounded(value, places)
    if signed and text[0] != "-":
        text = "+" + text
    table = _number_table(lang)
    return text.translate(table) if table else text


#: :func:`_rounded`'s texts by value and places.  fmt_score's cache keeps each language's
#: text apart, and a batch shows the same score in many languages: the digits, the costly
#: part (a float's repr), are found once.
_ROUNDED: Final[BoundedDict[tuple[float, int], str]] = BoundedDict(8192)


def _rounded(value: float, places: int) -> str:
    """``value`` rounded half up to ``places`` decimals, as ``Decimal`` writes it."""
    key = (value, places)  # 0.0 and -0.0 are one key: both are written "0.00"
    found = _ROUNDED.get(key)
    if found is None:
        found = _ROUNDED.remember(key, _round_half_up(value, places))
    return found


def _round_half_up(value: float, places: int) -> str:
    shown = repr(value)
    whole, point, fraction = shown.partition(".")
    # A figure written with at most ``places`` decimals (RSF's own, nearly every score
    # shown) is its own rounding at the ninth decimal: rounding it again (two conversions
    # to decimal and back) would give the same float.  Below a million a float's error is
    # far below 1e-9, so the shortcut never changes a digit.
    if not (point and "e" not in fraction and len(fraction) <= places
            and -1e6 < value < 1e6):
        shown = repr(round(value, 9))
        whole, point, fraction = shown.partition(".")
    if places > 0 and point and "e" not in fraction and len(fraction) <= places:
        # Already within ``places`` (RSF's own figures): nothing to round, only to pad.
        if not fraction.strip("0") and whole in ("0", "-0"):
            return "0." + "0" * places  # never "-0.00"
        return f"{whole}.{fraction:0<{places}}"
    exact = Decimal(shown).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{abs(exact) if exact == 0 else exact}"  # never "-0.00"


def fmt_number(value: float, places: int, lang: str) -> str:
    """A figure of the bot's own (a correlation), as Python rounds it to ``places``, in
    ``lang``'s decimal symbol and signs."""
    text = f"{value:.{places}f}"
    table = _number_table(lang)
    return text.translate(table) if table else text


def fmt_vdem(value: float, scale: str, lang: str) -> str:
    """A V-Dem figure as V-Dem's file has it: three decimals (a typographic minus, so
    "−0.712" reads as a value below zero), a share of journalists to one decimal with its
    percent sign; in ``lang``'s decimal symbol ("−0,712" in Russian).  Never on RSF's 0–100
    scale."""
    if scale == "percent":
        return t(lang, "vdem_percent", value=fmt_score(value, 1, lang=lang))
    return fmt_score(value, 3, lang=lang).replace("-", "−")


def fmt_place(place: int, of: int, lang: str) -> str:
    """A place among ``of`` countries: "150th of 179", "150-е место из 179" (a catalog
    writes its language's ordinal around the number)."""
    if lang == "en":
        return t(lang, "vdem_place", ordinal=f"{place}{_english_ordinal(place)}", n=of)
    return t(lang, "vdem_place", n=of, ordinal=place)


def _english_ordinal(number: int) -> str:
    """"st", "nd", "rd" or "th": CLDR's English ordinal rule, written out because asking
    Babel loads its whole English locale (~40 ms, on the first card a process shows)."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


# --- country names -------------------------------------------------------------------------


@lru_cache(maxsize=512)
def flag(code: str) -> str:
    """The flag emoji of a country, or "" for entities without one (OECS, Northern Cyprus)."""
    two = alpha2_of(code)
    return flag_of(two) if two else ""


#: The names the reader of the reply being rendered wrote ("Кыргызстан"): the reply's
#: language and code → name.  Set by :func:`typed_names` around rendering one reply.
_TYPED: ContextVar[tuple[str, dict[str, str]] | None] = ContextVar("typed_names", default=None)


@contextmanager
def typed_names(names: tuple[tuple[str, str], ...], lang: str) -> Iterator[None]:
    """Within the block, :func:`country_name` in ``lang`` gives these countries the names
    the reader wrote (``Query.typed_names``) in place of CLDR's."""
    token = _TYPED.set((lang, dict(names)) if names else None)
    try:
        yield
    finally:
        _TYPED.reset(token)


def typing_names() -> bool:
    """Whether a :func:`typed_names` block with names is open."""
    return _TYPED.get() is not None


def typed_name(code: str, lang: str) -> str | None:
    """The name the reader wrote for ``code``, when a reply in ``lang`` keeps one."""
    typed = _TYPED.get()
    if typed is None or typed[0] != lang:
        return None
    return typed[1].get(code)


def country_name(code: str, name_en: str, lang: str) -> str:
    """A country's name in ``lang``: the one the reader wrote (:func:`typed_names`), else
    CLDR's, else RSF's English name."""
    return typed_name(code, lang) or _standard_name(code, name_en, lang)


@lru_cache(maxsize=4096)
def _standard_name(code: str, name_en: str, lang: str) -> str:
    if lang == "en":
        return name_en
    two = alpha2_of(code)
    if two:
        found = _territories(lang).get(two)
        if found:
            # CLDR writes some names with a spaced hyphen ("Конго - Браззавиль").
            return str(found).replace(" - ", "-")
    return name_en


@lru_cache(maxsize=len(LANGS))
def _territories(lang: str) -> dict[str, str]:
    """CLDR's territory names in ``lang`` (Babel), kept in the cache after the first time:
    Babel assembles a whole locale to give them (tens of milliseconds per language)."""

    def build() -> dict[str, str]:
        from babel import Locale

        return {str(k): str(v) for k, v in Locale.parse(lang).territories.items()}

    return from_babel(f"territories-{lang}", build)


@lru_cache(maxsize=len(LANGS))
def language_label(lang: str) -> str:
    """A language's name in itself, capitalised as a menu item ("Français", "Русский",
    "中文"): CLDR's (Babel), read only when a menu of languages is shown."""
    from babel import Locale

    shown = Locale.parse(lang).get_display_name(lang) or lang
    return shown[:1].upper() + shown[1:]
