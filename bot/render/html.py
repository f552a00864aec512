"""Telegram HTML: escaping, the credit line, names with flags, and cutting a reply into
messages.

Every piece of data goes through :func:`html.escape`; only Telegram's tags are emitted.  A
reply is built from blocks (complete HTML fragments) packed into messages of at most 4096
characters, so a message never ends inside a tag; a text too long for one message is cut
at paragraph or sentence boundaries *before* it is wrapped in markup.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from bot.i18n import country_name, flag, t, typed_name
from bot.store import Country

MAX_MESSAGE = 4096
#: Room left for the credit line and joins when a long text is cut into pieces.
_MAX_PIECE = 3500
#: Words a reader typed are echoed back; a longer paste is shortened.
MAX_ECHO = 80


@lru_cache(maxsize=1024)  # a reply's last line: one per page and language
def credit(url: str, lang: str) -> str:
    return f'{t(lang, "source")}: <a href="{html.escape(url)}">{html.escape(t(lang, "credit"))}</a>'


def label(country: Country, lang: str) -> str:
    """Flag and name, escaped for a message."""
    if typed_name(country.code, lang) is not None:
        return html.escape(_join(country.code, lang))
    return _escaped(country.code, country.name_en, lang)


@lru_cache(maxsize=4096)
def _escaped(code: str, name_en: str, lang: str) -> str:
    return html.escape(_flagged(code, name_en, lang))


def button_label(country: Country, lang: str) -> str:
    """Flag and name as plain text (button texts are not parsed as HTML)."""
    if typed_name(country.code, lang) is not None:
        return _join(country.code, lang)
    return _flagged(country.code, country.name_en, lang)


@lru_cache(maxsize=4096)
def _flagged(code: str, name_en: str, lang: str) -> str:
    """A country's flag and standard name (the names readers wrote are never cached)."""
    return _join(code, lang, country_name(code, name_en, lang))


def _join(code: str, lang: str, shown: str | None = None) -> str:
    shown = shown if shown is not None else typed_name(code, lang) or code
    mark = flag(code)
    return f"{mark} {shown}" if mark else shown


def echo(text: str) -> str:
    """Words the reader typed, shortened and escaped for a message."""
    return html.escape(text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "…")


def plain(text: str) -> str:
    """A sentence made of interface strings and data, escaped for an HTML message (quotes
    need no escaping outside attributes)."""
    return html.escape(text, quote=False)


def strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def split_text(text: str, limit: int = _MAX_PIECE) -> list[str]:
    """Cut plain text into pieces ≤ limit at paragraph, then sentence, then word bounds."""
    pieces: list[str] = []
    current = ""
    units = [p for p in text.split("\n\n") if p.strip()]
    expanded: list[str] = []
    for unit in units:
        if len(unit) <= limit:
            expanded.append(unit)
            continue
        for sentence in re.split(r"(?<=[.!?…])\s+", unit):
            while len(sentence) > limit:
                cut = sentence.rfind(" ", 0, limit)
                cut = cut if cut > limit // 2 else limit
                expanded.append(sentence[:cut])
                sentence = sentence[cut:].lstrip()
            expanded.append(sentence)
    for unit in expanded:
        joined = f"{current}\n\n{unit}" if current else unit
        if len(joined) <= limit:
            current = joined
        else:
            pieces.append(current)
            current = unit
    if current:
        pieces.append(current)
    return pieces


def quote(text: str) -> list[str]:
    return [
        f"<blockquote expandable>{html.escape(piece)}</blockquote>" for piece in split_text(text)
    ]


def pack(blocks: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Join blocks into as few messages as fit, never splitting a block."""
    if all(blocks) and sum(map(len, blocks)) + 2 * len(blocks) - 2 <= limit:
        # Most replies fit one message whole: joined at once, not block by block (an
        # empty block joins with no blank line, so those take the way below).
        return ["\n\n".join(blocks)] if blocks else []
    messages: list[str] = []
    current = ""
    for block in _fit(blocks, limit):
        joined = f"{current}\n\n{block}" if current else block
        if len(joined) <= limit:
            current = joined
        else:
            if current:
                messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def _fit(blocks: list[str], limit: int) -> list[str]:
    """Blocks are built to fit a message; should one not, it is sent as plain escaped text
    in pieces rather than cut inside a tag."""
    fitted: list[str] = []
    for block in blocks:
        if len(block) <= limit:
            fitted.append(block)
        else:
            # Escaping can grow text up to six-fold ('"' → "&quot;"): pieces leave that room.
            pieces = split_text(to_plain_text(block), limit // 6)
            fitted.extend(html.escape(piece) for piece in pieces)
    return fitted


_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)


def to_plain_text(message: str) -> str:
    """Telegram HTML → terminal text: links as ``text (url)``, tags dropped, entities decoded."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", message)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def visible_length(message: str) -> int:
    """Length after entity parsing, as Telegram counts it against the 4096 limit."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", message)))


