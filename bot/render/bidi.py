"""Right-to-left replies (Arabic, Persian) as they should read in Telegram.

A reply in an RTL language still holds left-to-right runs: figures with signs and
decimals ("−4.59", "▲3", "51.06"), years, Latin names and RSF's English excerpts, URLs.
Left to the Unicode bidirectional algorithm inside an RTL paragraph, a sign jumps to the
wrong end of its number and neighbouring runs swap places.  Each such run is wrapped in a
left-to-right isolate (LRI U+2066 … PDI U+2069): it reads left to right as a unit and
takes no part in ordering what is around it.  The message starts with a right-to-left
mark (U+200F), and so does every line holding nothing but figures, so the paragraph is
right to left even where its first visible character is a digit.

Only text between tags is touched: never a tag, an attribute (a link's URL), an entity
(``&amp;`` stays whole) or callback data (buttons are not messages).  LTR languages are
returned unchanged.
"""

from __future__ import annotations

import html
import re
from typing import Final

#: The interface languages written right to left.
RTL_LANGS: Final = frozenset({"ar", "fa"})

LRI: Final = "\u2066"
PDI: Final = "\u2069"
RLM: Final = "\u200f"

_TAG = re.compile(r"(<[^>]*>)")
# A text token: an entity, or one character.
_TOKEN = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);|.", re.S)
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_SIGNS = frozenset("+-−▲▼")


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGS


def _strong_ltr(token: str) -> bool:
    """A letter of a left-to-right script, or a European digit."""
    return len(token) == 1 and ((token.isascii() and token.isalnum()) or (
        token.isalpha() and not _RTL.match(token)))


def _ends_run(token: str, opened: bool) -> bool:
    """Whether a run may end on ``token`` (its last strong character, a percent sign, a
    bracket closing one the run opened)."""
    return _strong_ltr(token) or token == "%" or (token == ")" and opened)


def _isolate_text(text: str) -> str:
    """Wrap every left-to-right run of a piece of text (no tags in it) in LRI … PDI."""
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        start = i
        if token in _SIGNS and i + 1 < len(tokens) and tokens[i + 1].isascii() and (
                tokens[i + 1].isdigit()):
            i += 1  # a sign belongs to the number after it
        if not _strong_ltr(tokens[i]):
            out.append(token)
            i = start + 1
            continue
        # Extend over anything but right-to-left letters and line ends, then give back
        # the neutral tail (spaces, a full stop, an unmatched bracket).
        end, last, opened = i, i, False
        while end < len(tokens) and tokens[end] != "\n" and not _RTL.match(tokens[end]):
            opened = opened or tokens[end] == "("
            if _ends_run(tokens[end], opened):
                last = end
            end += 1
        out.append(LRI + "".join(tokens[start:last + 1]) + PDI)
        i = last + 1
    return "".join(out)


def _figures_only(line: str) -> bool:
    """A line (tags removed) with figures but no letters: an RTL paragraph needs a mark."""
    return any(c.isdigit() for c in line) and not any(c.isalpha() for c in line)


def isolate(message: str) -> str:
    """An RTL message with its left-to-right runs isolated and right-to-left marks where
    a paragraph would otherwise start left to right (see the module's docstring)."""
    parts = _TAG.split(message)
    for index in range(0, len(parts), 2):  # text between tags
        parts[index] = _isolate_text(parts[index])
    marked = "".join(parts)
    lines = marked.split("\n")
    for index, line in enumerate(lines):
        if index and _figures_only(_TAG.sub("", line)):
            lines[index] = RLM + line
    return RLM + "\n".join(lines)


def directional(message: str, lang: str, limit: int) -> str:
    """``message`` made to read right to left when ``lang`` is written so; unchanged
    otherwise.  Should the marks take it past ``limit`` visible characters (a message
    packed to the brim), only the leading mark is added."""
    if not is_rtl(lang):
        return message
    marked = isolate(message)
    if _visible(marked) <= limit:
        return marked
    return RLM + message if _visible(message) < limit else message


def _visible(message: str) -> int:
    return len(html.unescape(_TAG.sub("", message)))
