"""Numbers typed or sent by people and programs: ASCII digits only.

``str.isdigit()`` accepts "²" and "٣" but ``int()`` refuses the first and reads the
second: every place where text becomes a number goes through :func:`ascii_int`, so only
what the code means to accept is.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"[0-9]+")


def ascii_int(text: str) -> int | None:
    """``text`` as a non-negative whole number if it is ASCII digits only, else None."""
    return int(text) if _DIGITS.fullmatch(text) else None
