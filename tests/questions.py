"""The pipeline the questions-in-words tests ask (the analytical questions, V-Dem's), and
how they read its replies: one database and one pipeline per process, shared by them."""

from __future__ import annotations

import atexit
import os
import re
import tempfile
from functools import cache
from pathlib import Path

from fakebotapi import parse_html

from bot.pipeline import Pipeline, Reply
from bot.query import Intent


@cache
def pipeline() -> Pipeline:
    """Built from data/ as on first use, once per test run: the run's cache folder
    (conftest) is shared by every worker, and a database is only ever linked into place
    whole.  Closed when the process ends."""
    folder = Path(os.environ.get("PRESSBOT_CACHE") or tempfile.mkdtemp(prefix="pressbot-q-"))
    opened = Pipeline.open(folder / "questions.db")
    atexit.register(opened.close)
    return opened


def understood(question: str, intent: Intent) -> bool:
    """Whether understanding reads ``question`` as ``intent`` yet (a module of these tests
    is skipped until it does)."""
    return pipeline().ask(question).query.intent == intent


def ask(question: str) -> tuple[Reply, str]:
    reply = pipeline().ask(question)
    texts = [parse_html(m)[0] for m in reply.messages]  # raises on anything Telegram refuses
    return reply, "\n".join(texts)


def lang_of(question: str) -> str:
    """The language a question of these tests is answered in: Russian or English."""
    return "ru" if re.search("[а-яё]", question, re.I) else "en"
