"""How a figure changed since the index before: one rule for every answer that shows it."""

from __future__ import annotations

from bot.store import Result


def score_change(result: Result, previous: Result, consecutive: bool = True) -> float | None:
    """The change of the score since ``previous`` (``consecutive``: the country in the index
    just before): RSF's own published figure where its file gives one (it can differ by
    0.01 from the difference of the rounded scores), else the difference; None across a
    change of method, where scores do not compare."""
    if previous.scale != result.scale:
        return None
    if consecutive and result.score_change is not None:
        return result.score_change
    return result.score - previous.score
