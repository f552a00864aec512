"""Text → whole numbers, in the only two ways the bot reads them.

``str.isdigit()`` and the regex ``\\d`` accept "²", which ``int()`` refuses, and "٣",
which ``int()`` reads; ``int()`` of thousands of digits raises.  So every place where text
becomes a number goes through one of these:

* :func:`ascii_int` for text made by programs or operators (button data, deep links,
  settings, RSF files, button numbers in the terminal): ASCII digits only;
* :func:`decimal_int` for what people type in a question: any Unicode decimal digit
  (category Nd, exactly what ``int()`` reads), so "Kazakhstan ۲۰۲۳" asks for 2023, and
  never "²" (a superscript, not a decimal digit).

Both refuse more than :data:`MAX_DIGITS` digits: no year, rank, count or chat id is
longer, and Python refuses to read numbers of more than 4300 digits at all.
"""

from __future__ import annotations

import re

#: The longest number either helper reads (a Telegram chat id has at most 13 digits).
MAX_DIGITS = 18

_ASCII_DIGITS = re.compile(r"[0-9]+")


def ascii_int(text: str) -> int | None:
    """``text`` as a non-negative whole number if it is ASCII digits only, else None."""
    if len(text) > MAX_DIGITS or not _ASCII_DIGITS.fullmatch(text):
        return None
    return int(text)


def decimal_int(text: str) -> int | None:
    """``text`` as a non-negative whole number if it is decimal digits of any script only
    ("2023", "۲۰۲۳", "２０２３"), else None."""
    if len(text) > MAX_DIGITS or not text.isdecimal():
        return None
    return int(text)
