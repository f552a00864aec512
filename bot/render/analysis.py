"""The analytical answers' renderers: which module shows each kind."""

from __future__ import annotations

from bot.answer import (
    AggregateAnswer,
    Answer,
    BandAnswer,
    ExplainAnswer,
    MoversAnswer,
    WhyAnswer,
)
from bot.render.aggregates import render_aggregate
from bot.render.bands import render_band
from bot.render.explain import render_explain
from bot.render.movers import render_movers
from bot.render.output import Rendered
from bot.render.why import render_why


def render_analytical(answer: Answer, lang: str) -> Rendered | None:
    """The messages of an analytical answer, or None for any other kind."""
    if isinstance(answer, AggregateAnswer):
        return render_aggregate(answer, lang)
    if isinstance(answer, BandAnswer):
        return render_band(answer, lang)
    if isinstance(answer, MoversAnswer):
        return render_movers(answer, lang)
    if isinstance(answer, WhyAnswer):
        return render_why(answer, lang)
    if isinstance(answer, ExplainAnswer):
        return render_explain(answer, lang)
    return None
