"""What the index means: which subject a question asks about (the texts themselves are the
interface's, in :mod:`bot.i18n`; the years come from the data)."""

from __future__ import annotations

from bot.answer.kinds import ExplainAnswer
from bot.domain import INDICATORS
from bot.query import Analysis, Query
from bot.store import Snapshot

#: What can be explained, in the order the answers offer them.
SUBJECTS = ("index", "method", "indicator", "bands", "comparability")


def explain(query: Query, snapshot: Snapshot) -> ExplainAnswer:
    spec = query.analysis or Analysis()
    indicator = spec.indicator if spec.indicator in INDICATORS else None
    subject = spec.subject if spec.subject in SUBJECTS else None
    if subject is None:
        subject = "indicator" if indicator else "index"
    years = snapshot.years
    if not years:
        return ExplainAnswer(query, subject, indicator)
    return ExplainAnswer(query, subject, indicator, years[0], years[-1],
                         len(snapshot.by_year[years[0]]), len(snapshot.by_year[years[-1]]))
