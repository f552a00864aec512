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
from functools import cache
from typing import Final

#: The interface languages written right to left.
RTL_LANGS: Final = frozenset({"ar", "fa"})

LRI: Final = "\u2066"
PDI: Final = "\u2069"
RLM: Final = "\u200f"

_TAG = re.compile(r"(<[^>]*>)")
#: An entity (``&amp;``): one token of text, never split.
_ENTITY = r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"
_RTL_RANGES = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL = re.compile(f"[{_RTL_RANGES}]")
_SIGNS = frozenset("+-−▲▼")
#: Where a left-to-right run may start: a sign before a European digit, or a character
#: that may be a strong left-to-right one (letters and digits outside the RTL scripts;
#: :func:`_strong_ltr` decides).  An entity is matched whole, so its letters never start a
#: run.  Searching for these skips the right-to-left text between runs in one step.
#: Written as one character that may start a run (no space, no right-to-left letter),
#: then what it must be, looked at from behind it: a pattern that starts with a class
#: lets the search step over the text between runs a character at a time in C, where one
#: starting with alternatives tries each of them at every character.
_RUN_START = re.compile(
    f"[^\\s{_RTL_RANGES}](?:(?<=&){_ENTITY[1:]}|(?<=[+\\-−▲▼])(?=[0-9])"
    f"|(?<=[^\\W\\d_{_RTL_RANGES}])|(?<=[0-9]))")
#: What ends the stretch a run may extend over: a right-to-left letter or a line end.
_RUN_STOP = re.compile(f"[\n{_RTL_RANGES}]")
_ENTITY_AT_END = re.compile(_ENTITY + r"\Z")


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGS


@cache  # a handful of distinct characters, asked about thousands of times
def _strong_ltr(token: str) -> bool:
    """A letter of a left-to-right script, or a European digit."""
    return len(token) == 1 and ((token.isascii() and token.isalnum()) or (
        token.isalpha() and not _RTL.match(token)))


def _isolate_text(text: str) -> str:
    """Wrap every left-to-right run of a piece of text (no tags in it) in LRI … PDI.

    A run starts at a strong left-to-right character (or a sign before a European digit),
    extends over anything but right-to-left letters and line ends, and gives back its
    neutral tail (spaces, a full stop, an unmatched bracket): it ends on its last strong
    character, a percent sign, or a bracket closing one the run opened.  Entities are
    single tokens: never split, never a run's end."""
    out: list[str] = []
    copied = searched = 0
    while (found := _RUN_START.search(text, searched)) is not None:
        start, token = found.start(), found.group()
        if token in _SIGNS:
            first = start + 1  # a sign belongs to the number after it
        elif _strong_ltr(token):
            first = start
        else:  # an entity, or a letter-like character that is no strong one ("²")
            searched = found.end()
            continue
        stop = _RUN_STOP.search(text, first)
        end = _run_end(text, first, len(text) if stop is None else stop.start())
        out.append(text[copied:start])
        out.append(LRI + text[start:end] + PDI)
        copied = searched = end
    out.append(text[copied:])
    return "".join(out)


def _run_end(text: str, first: int, stop: int) -> int:
    """Where a run starting with the strong character at ``first`` ends, within
    ``text[first:stop]``: after its last strong character, percent sign or bracket closing
    one opened in the run.  Read from the end, as the tail given back is short."""
    opened = text.find("(", first, stop)
    at = stop - 1
    while at > first:
        char = text[at]
        if _strong_ltr(char) or char == "%" or (char == ")" and 0 <= opened < at):
            return at + 1
        amp = text.rfind("&", first, at) if char == ";" else -1
        if amp >= 0 and _ENTITY_AT_END.match(text, amp, at + 1):  # step over an entity
            at = amp
        at -= 1
    return first + 1


def _figures_only(line: str) -> bool:
    """A line (tags removed) with figures but no letters: an RTL paragraph needs a mark."""
    # map() walks the line in C: a paragraph of an excerpt is thousands of characters.  A
    # letter is asked about first: nearly every line has one near its start, while a line
    # without figures would be read to its end looking for a digit.
    return not any(map(str.isalpha, line)) and any(map(str.isdigit, line))


def isolate(message: str) -> str:
    """An RTL message with its left-to-right runs isolated and right-to-left marks where
    a paragraph would otherwise start left to right (see the module's docstring)."""
    parts = _TAG.split(message)
    for index in range(0, len(parts), 2):  # text between tags
        parts[index] = _isolate_text(parts[index])
    marked = "".join(parts)
    lines = marked.split("\n")
    for index, line in enumerate(lines):
        if index and _figures_only(_TAG.sub("", line) if "<" in line else line):
            lines[index] = RLM + line
    return RLM + "\n".join(lines)


def directional(message: str, lang: str, limit: int) -> str:
    """``message`` made to read right to left when ``lang`` is written so; unchanged
    otherwise.  Should the marks take it past ``limit`` visible characters (a message
    packed to the brim), only the leading mark is added."""
    if not is_rtl(lang):
        return message
    marked = isolate(message)
    # Tags and entities only shorten what is seen: a message this short is never counted.
    if len(marked) <= limit or _visible(marked) <= limit:
        return marked
    return RLM + message if _visible(message) < limit else message


def _visible(message: str) -> int:
    return len(html.unescape(_TAG.sub("", message)))
