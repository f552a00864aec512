"""Faults an operator must fix, as opposed to bugs: each says in one sentence what went
wrong and what to do, and the command line prints that sentence, never a traceback."""

from __future__ import annotations


class OperatorError(Exception):
    """A fault in the setup or the data (a refused file, an unusable database, …)."""
