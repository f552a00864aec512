"""The message catalogs: ``bot/locales/<lang>/LC_MESSAGES/messages.po``, one per interface
language, translating the English of :mod:`bot.i18n.english` (each message's key is its
``msgctxt``).

A catalog is read the first time its language is asked for, not at start-up, and kept as
a plain dict: a lookup is one dict access.  An entry a catalog lacks, leaves empty or marks
fuzzy falls back to English, so a half-translated language still answers in full.  Plural
forms follow the catalog's ``Plural-Forms`` header, which Babel writes from CLDR's plural
rules when a catalog is made (``pybabel init``).
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Final

import msgspec
from msgspec import Struct

from bot.cachedir import cache_dir
from bot.i18n.english import MESSAGES, NAMES, REGIONS, Message, Plural

LOCALES: Final = Path(__file__).resolve().parent.parent / "locales"
DOMAIN: Final = "messages"

#: The English tables by the prefix of their keys' context in a catalog.
_ENGLISH: Final[dict[str, dict[str, Message]]] = {
    "": MESSAGES, "name": NAMES, "region": REGIONS,
}


class Catalog(Struct, frozen=True):
    """One language's translations by context, and its plural rule (a form's index)."""

    messages: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int]


class _Compiled(Struct):
    """A catalog as kept compiled in the cache (JSON)."""

    messages: dict[str, str | tuple[str, ...]]
    plural: str


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


_CATALOGS: dict[str, Catalog | None] = {}
_LOCK = threading.Lock()


def catalog_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _load(lang: str) -> Catalog | None:
    """A language's catalog: compiled from its ``.po`` file the first time (Babel), then
    read from the cache as plain JSON, so a process reading fifteen catalogs at start-up
    (the command menus) spends milliseconds, not a fifth of a second.  None: no such
    language."""
    path = catalog_path(lang)
    if lang == "en" or not path.is_file():
        return None
    source = path.read_bytes()
    # BLAKE2 names the source by its content as SHA-256 did, at a fifth of the work: a
    # batch in fifteen languages hashes fifteen catalogs of 100 KB.
    digest = hashlib.blake2b(source, digest_size=10).hexdigest()
    compiled = cache_dir() / f"catalog-{lang}-{digest}.json"
    try:
        # Decoded straight into its types (plural forms as tuples), in one pass in C.
        kept = msgspec.json.decode(compiled.read_bytes(), type=_Compiled)
        return Catalog(kept.messages, _plural_rule(kept.plural))
    except (OSError, ValueError):  # msgspec's errors are ValueErrors
        pass  # not compiled yet, or unreadable: compile it again
    messages, plural = _compile(source, lang)
    try:
        compiled.parent.mkdir(parents=True, exist_ok=True)
        partial = compiled.with_name(f"{compiled.name}.{os.getpid()}.tmp")
        partial.write_bytes(msgspec.json.encode({"messages": messages, "plural": plural}))
        partial.replace(compiled)
    except OSError:
        pass  # a read-only cache: compile again next time
    return Catalog(messages, _plural_rule(plural))


@lru_cache(maxsize=64)  # fifteen languages share seven rules ("(n != 1)" in twelve)
def _plural_rule(expression: str) -> Callable[[int], int]:
    """The function of a ``Plural-Forms`` expression: compiled once per expression, as
    gettext parses it token by token."""
    return gettext.c2py(expression)


def _compile(source: bytes, lang: str) -> tuple[dict[str, str | tuple[str, ...]], str]:
    """A ``.po`` file's translations by context (empty and fuzzy ones left out, so English
    answers for them) and its plural expression."""
    from babel.messages.pofile import read_po  # only to compile, never at start-up

    po = read_po(io.BytesIO(source), locale=lang.replace("-", "_"))
    messages: dict[str, str | tuple[str, ...]] = {}
    for entry in po:
        if not entry.id or entry.fuzzy or not entry.context:
            continue
        if isinstance(entry.string, tuple | list):
            if all(entry.string):
                messages[entry.context] = tuple(entry.string)
        elif entry.string:
            messages[entry.context] = entry.string
    return messages, po.plural_expr


def catalog(lang: str) -> Catalog | None:
    """The catalog of ``lang``, read on first use; None for English and unknown codes."""
    found = _CATALOGS.get(lang, _CATALOGS)  # the dict itself: "not read yet"
    if found is not _CATALOGS:
        return found  # type: ignore[return-value]
    with _LOCK:
        if lang not in _CATALOGS:
            _CATALOGS[lang] = _load(lang)
        return _CATALOGS[lang]


class Forms(Struct, frozen=True):
    """A message whose words follow a number, in one language: its forms, the rule that
    picks one for a count, and English's two for a count the rule gives no form to."""

    forms: tuple[str, ...]
    plural: Callable[[int], int]
    english: Plural

    def choose(self, n: object) -> str:
        count = n if isinstance(n, int) else 0
        index = self.plural(count)
        if 0 <= index < len(self.forms):
            return self.forms[index]
        return self.english[_english_plural(count)]


#: The messages of each language resolved so far (the translation, or English's):
#: table → language → key → text.  A message is resolved on its first use, so a
#: message costs two dict accesses rather than a walk through the catalog and English's.
_TEXTS: dict[str, dict[str, dict[str, str | Forms]]] = {table: {} for table in _ENGLISH}


def resolved(table: str = "") -> dict[str, dict[str, str | Forms]]:
    """The texts of ``table`` resolved so far, by language and key: for a caller that reads
    a text already resolved without a call (:func:`bot.i18n.t`); :func:`message` resolves
    the rest."""
    return _TEXTS[table]


def _resolve(lang: str, key: str, table: str) -> str | Forms | None:
    """``key``'s text in ``lang``, or None for a key English does not have."""
    english = _ENGLISH[table].get(key)
    if english is None:
        return None
    found = catalog(lang)
    translated = found.messages.get(f"{table}:{key}" if table else key) if found else None
    if not isinstance(english, Plural):
        return translated if isinstance(translated, str) else english
    if isinstance(translated, tuple) and found is not None:
        return Forms(translated, found.plural, english)
    return Forms(english, _english_plural, english)


def message(lang: str, key: str, n: object = None, table: str = "") -> str:
    """The text of ``key`` in ``lang`` (``table``: "" for messages, "name", "region"),
    its plural form chosen by ``n`` where the English has two; English where the catalog
    has none.  An unknown key of a name table comes back as the key itself."""
    texts = _TEXTS[table].get(lang)
    if texts is None:
        texts = _TEXTS[table].setdefault(lang, {})
    text = texts.get(key)
    if text is None:
        text = _resolve(lang, key, table)
        if text is None:
            if table:
                return key
            raise KeyError(key)
        texts[key] = text
    if isinstance(text, str):
        return text
    return text.choose(n)
