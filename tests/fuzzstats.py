"""Counters the hardening suites fill in; conftest prints them at the end of the run."""

from collections import Counter

STATS: Counter[str] = Counter()
