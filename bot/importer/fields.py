"""Fields of a CSV line: the column each starts at, and the values they must hold.

Shared by the index CSV (``;``-separated) and the alias list (``,``-separated).  Every
check raises :class:`ImportFailed` pointing at the field's own line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.importer.errors import ImportFailed

#: What a country code looks like: ISO 3 codes and RSF's own (``XKO``, ``USA_I``).
CODE_RE = re.compile(r"[A-Z][A-Z0-9_]{1,7}")


def field_starts(line: str, delimiter: str = ";") -> list[int]:
    """The 1-based character column where each field of a CSV line begins."""
    if '"' not in line:
        return [1, *(found.end() + 1 for found in re.finditer(re.escape(delimiter), line))]
    starts, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def column(line: str, starts: list[int], index: int) -> int:
    """Character column of field ``index``; a missing field is placed just past the end."""
    return starts[index] if index < len(starts) else len(line) + 1


def parse_number(path: Path, line: int, column: int, text: str, what: str) -> float:
    """A decimal number, with ``.`` or ``,`` as the decimal mark and spaces ignored."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+(,\d+)?", cleaned):
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ImportFailed(path, line, column, f"{what} {text!r} is not a number")
    return float(cleaned)


def parse_integer(path: Path, line: int, column: int, text: str, what: str) -> int:
    """A whole number, not negative."""
    cleaned = text.strip()
    if not re.fullmatch(r"\d+", cleaned):
        raise ImportFailed(path, line, column, f"{what} {text!r} is not a whole number")
    return int(cleaned)
