"""Fields of a CSV line: the column each starts at, and the values they must hold.

Shared by the index CSV (``;``-separated) and the alias list (``,``-separated).  Every
check raises :class:`ImportFailed` pointing at the field's own line and column.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from bot.digits import ascii_int
from bot.importer.errors import ImportFailed

#: What a country code looks like: ISO 3 codes and RSF's own (``XKO``, ``USA_I``).
CODE_RE = re.compile(r"[A-Z][A-Z0-9_]{1,7}")


class CsvRecords:
    """The records of a CSV, one at a time, each with the line it starts on and that line's
    text (for columns in refusals); only the lines of the record being read are held.

    ``lines`` is the whole text or an iterable of lines without their line ends."""

    def __init__(self, lines: str | Iterable[str], delimiter: str) -> None:
        self._texts: dict[int, str] = {}
        self._read = 0
        source = lines.split("\n") if isinstance(lines, str) else lines
        self._reader = csv.reader(self._remember(source), delimiter=delimiter)
        self._end = 0

    def _remember(self, lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            self._read += 1
            self._texts[self._read] = line
            yield line + "\n"

    @property
    def line_num(self) -> int:
        """The last line the CSV reader has read."""
        return self._reader.line_num

    def __iter__(self) -> Iterator[tuple[int, list[str], str]]:
        return self

    def __next__(self) -> tuple[int, list[str], str]:
        fields = next(self._reader)
        line, self._end = self._end + 1, self._reader.line_num
        text = self._texts.get(line, "")
        for number in range(line, self._end + 1):
            self._texts.pop(number, None)
        return line, fields, text


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


#: A number as RSF writes it: decimal comma or point, ASCII digits only (bot.digits).
_DECIMAL_COMMA = re.compile(r"-?[0-9]+(,[0-9]+)?")
_DECIMAL_POINT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def shown(text: str, room: int = 40) -> str:
    """A field quoted in a refusal, cut short: a 400-digit "score" is not worth 400."""
    return repr(text if len(text) <= room else text[:room] + "…")


def parse_number(path: Path, line: int, column: int, text: str, what: str) -> float:
    """A finite decimal number, with ``.`` or ``,`` as the decimal mark and spaces ignored.

    Four hundred digits are a float too — infinity — and would be stored as such: any
    value that is not finite is refused here, where every number of every file is read."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if _DECIMAL_COMMA.fullmatch(cleaned):
        cleaned = cleaned.replace(",", ".")
    if not _DECIMAL_POINT.fullmatch(cleaned):
        raise ImportFailed(path, line, column, f"{what} {shown(text)} is not a number")
    value = float(cleaned)
    if not math.isfinite(value):
        raise ImportFailed(path, line, column, f"{what} {shown(text)} is not a finite number")
    return value


def parse_integer(path: Path, line: int, column: int, text: str, what: str) -> int:
    """A whole number, not negative, in ASCII digits."""
    value = ascii_int(text.strip())
    if value is None:
        raise ImportFailed(path, line, column, f"{what} {shown(text)} is not a whole number")
    return value
