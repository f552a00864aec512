"""The refusal every parser raises, and where in the file it points."""

from __future__ import annotations

from pathlib import Path

from bot.errors import OperatorError


class ImportFailed(OperatorError):
    """A file was refused; nothing was written.  ``str()`` reads ``file:line:column: why``."""

    def __init__(self, file: str | Path, line: int, column: int, reason: str) -> None:
        self.file, self.line, self.column, self.reason = str(file), line, column, reason
        super().__init__(f"{self.file}:{line}:{column}: {reason}")


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` of ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
