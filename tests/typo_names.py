"""Seeded one-edit typos of RSF's English country names, for the typo figures of issue #10.

Shared by ``tests/test_understanding_tables.py`` (which asserts the figures) and
``benchmarks/bench_understand.py`` (which prints them).  Every name gets one typo of each
kind, at a place drawn from one seeded generator, so every run makes the same typos:

* **deletion**: a letter dropped ("Mexco");
* **swap**: two neighbouring letters swapped ("Mexcio");
* **substitution**: a letter replaced by another ("Mexibo");
* **insertion**: a letter added ("Mexicco").

Letters are those of the name's words (a typo may fall in any word of "Bosnia and
Herzegovina"); a draw that leaves the name unchanged or makes another country's name is
drawn again.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

SEED = 2026
KINDS = ("deletion", "swap", "substitution", "insertion")
#: The least share of each kind the understander must read as the country (issue #10).
THRESHOLD = 0.97

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edit(name: str, kind: str, rng: random.Random) -> str:
    places = [i for i, char in enumerate(name) if char.isalpha()]
    i = rng.choice(places)
    if kind == "deletion":
        return name[:i] + name[i + 1 :]
    if kind == "swap":
        pairs = [j for j in places if j + 1 < len(name) and name[j + 1].isalpha()]
        j = rng.choice(pairs)
        return name[:j] + name[j + 1] + name[j] + name[j + 2 :]
    letter = rng.choice(_LETTERS)
    if name[i].isupper():
        letter = letter.upper()
    if kind == "substitution":
        return name[:i] + letter + name[i + 1 :]
    return name[:i] + letter + name[i:]  # insertion


def typos(names: Iterable[tuple[str, str]], seed: int = SEED) -> list[tuple[str, str, str, str]]:
    """(kind, name, typo, code) for every (name, code) and kind; the same every run."""
    rng = random.Random(seed)
    pairs = sorted(set(names))
    taken = {name.casefold() for name, _ in pairs}
    found = []
    for name, code in pairs:
        for kind in KINDS:
            for _ in range(50):
                typo = _edit(name, kind, rng)
                if typo.casefold() != name.casefold() and typo.casefold() not in taken:
                    break
            found.append((kind, name, typo, code))
    return found


def typo_figures(
    cases: Iterable[tuple[str, str, str, str]], read: Callable[[str], tuple[str, ...]]
) -> dict[str, tuple[int, int]]:
    """Per kind, (typos read as exactly their country, typos)."""
    figures = {kind: [0, 0] for kind in KINDS}
    for kind, _, typo, code in cases:
        figures[kind][1] += 1
        figures[kind][0] += read(typo) == (code,)
    return {kind: (right, total) for kind, (right, total) in figures.items()}
