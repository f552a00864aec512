"""What issue #10 asks of the replies to what understanding finds: help that answers the
part asked about, "I didn't understand" with suggestions, greetings and thanks in kind, a
country named in an everyday phrase offered as a button, names that place nothing noted,
and ``pressbot ask --lang`` for questions that show no language of their own.

Through the whole pipeline on the real database; every message is checked as Telegram
would check it (``tests/fakebotapi.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fakebotapi import parse_html

from bot import button_data
from bot.i18n import country_name, t
from bot.pipeline import Pipeline, Reply
from bot.render import MAX_MESSAGE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Pipeline:
    return Pipeline.open(db_path)


def text_of(reply: Reply) -> str:
    """The reply as the reader sees it, each message checked as Telegram checks it."""
    texts = []
    for message in reply.messages:
        visible, _ = parse_html(message)
        assert 0 < len(visible) <= MAX_MESSAGE
        texts.append(visible)
    return "\n".join(texts)


def plain(lang: str, key: str) -> str:
    """An interface string without its markup, as it shows."""
    return parse_html(t(lang, key))[0]


@pytest.mark.parametrize(
    ("question", "topic", "says"),
    [
        ("what languages do you understand", "languages", ["Kazakh", "Chinese", "Persian"]),
        ("can you make charts", "charts", ["/chart Kazakhstan"]),
        ("how do subscriptions work", "subscriptions", ["/subscribe Kazakhstan",
                                                        "/unsubscribe all"]),
        ("how do I use you in a group", "groups", ["privacy mode"]),
        ("how does inline mode work", "inline", ["in any chat"]),
        ("give me some example questions", "examples", ["are journalists safe in Mexico?"]),
        ("what else can you do", "general", ["compare Norway and Finland"]),
    ],
)
def test_help_answers_the_part_asked_about(
    pipeline: Pipeline, question: str, topic: str, says: list[str]
) -> None:
    reply = pipeline.ask(question)
    assert reply.query.intent == "help" and reply.query.help_topic == topic
    text = text_of(reply)
    for words in says:
        assert words in text, (words, text)


def test_help_in_russian(pipeline: Pipeline) -> None:
    reply = pipeline.ask("как подписаться на уведомления")
    assert reply.query.help_topic == "subscriptions" and reply.query.lang == "ru"
    assert "/subscribe Казахстан" in text_of(reply)


def test_not_understood_suggests_what_to_ask(pipeline: Pipeline) -> None:
    reply = pipeline.ask("blorp zindle quax")
    assert reply.query.intent == "none" and not reply.query.small_talk
    text = text_of(reply)
    assert text == plain("en", "not_understood")
    assert "I didn't understand" in text and "Kazakhstan" in text
    labels = [button.text for row in reply.rendered.buttons for button in row]
    assert len(labels) >= 2 and any("Kazakhstan" in label for label in labels)


@pytest.mark.parametrize(("question", "key"), [("hello", "greeting"), ("good morning", "greeting"),
                                               ("thanks a lot", "thanks"), ("спасибо", "thanks")])
def test_greetings_and_thanks_get_a_short_reply_in_kind(
    pipeline: Pipeline, question: str, key: str
) -> None:
    reply = pipeline.ask(question)
    assert reply.query.intent == "none"
    assert text_of(reply) == plain(reply.query.lang, key)


@pytest.mark.parametrize(
    ("question", "code", "name"),
    [("chile con carne", "CHL", "Chile"), ("my friend Jordan", "JOR", "Jordan"),
     ("a guinea pig cage", "GIN", "Guinea")],
)
def test_a_country_in_an_everyday_phrase_is_offered_not_answered(
    pipeline: Pipeline, question: str, code: str, name: str
) -> None:
    reply = pipeline.ask(question)
    assert reply.query.intent == "none" and reply.query.countries == ()
    assert reply.query.mentioned == (code,)
    text = text_of(reply)
    lang = reply.query.lang  # "chile con carne" is Spanish: offered in Spanish
    shown = country_name(code, name, lang)
    assert t(lang, "index") in text and shown in text and "Rank" not in text
    [[button]] = reply.rendered.buttons
    assert shown in button.text and button.data == button_data.profile(code, None, None)
    pressed = pipeline.press(button.data, "en")
    assert pressed is not None and pressed.query.countries == (code,)


def test_a_name_of_no_country_is_noted_above_the_answer(pipeline: Pipeline) -> None:
    reply = pipeline.ask("compare Norway and Atlantis")
    assert reply.query.countries == ("NOR",)
    assert [word for word, _ in reply.query.unplaced] == ["Atlantis"]
    text = text_of(reply)
    assert text.startswith("I don't know the country “Atlantis”") and "Rank 1 of 180" in text
    ranking = pipeline.ask("top 5 in Antarctica")
    assert ranking.query.intent == "ranking" and ranking.query.ranking is not None
    assert ranking.query.ranking.limit == 5
    assert "“Antarctica”" in text_of(ranking).split("\n")[0]


def test_rsf_joint_entry_and_long_names(pipeline: Pipeline) -> None:
    joint = pipeline.ask("Serbia and Montenegro 2005")
    assert joint.query.intent == "profile" and joint.query.countries == ("SCG",)
    assert "Serbia" in text_of(joint)
    assert pipeline.ask("Democratic People's Republic of Korea").query.countries == ("PRK",)
    assert pipeline.ask("People's Republic of China").query.countries == ("CHN",)


def _ask_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRESSBOT_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "bot", "ask", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60, check=False)  # fmt: skip


def test_ask_lang_answers_a_bare_name_in_that_language(db_path: Path) -> None:
    russian = _ask_cli("--lang", "ru", "Kazakhstan", db=db_path)
    assert russian.returncode == 0, russian.stderr
    assert "Место 149 из 180" in russian.stdout
    english = _ask_cli("--lang", "ru", "how free is the press in Kazakhstan", db=db_path)
    assert "Rank 149 of 180" in english.stdout  # a question in English stays in English
    default = _ask_cli("Kazakhstan", db=db_path)
    assert "Rank 149 of 180" in default.stdout
