"""The analytical answers on Telegram end to end, reached without understanding words: the
examples under /help, buttons under the answers, deep links, and /top and /bottom.

The real Application runs against the fake Bot API (``telegram_harness``), which refuses
what Telegram refuses; expected figures come from RSF's CSVs (:mod:`rsf_csv`).
"""

from __future__ import annotations

import re

import pytest
import rsf_csv as rsf
from telegram_harness import RunningBot

from bot.domain import RSF_METHOD_URL

pytestmark = pytest.mark.timeout(60)

LATEST = max(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv"))


def ranks(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^ *(\d+)\. ", text, re.M)]


def moves(text: str, heading: str) -> list[str]:
    part = text.split(heading + "\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r" — ([▲▼]\d+|[+-]\d+\.\d\d) ", part)


async def test_help_lists_the_new_questions_and_offers_them_to_tap(bot: RunningBot) -> None:
    sent = await bot.ask("/help")
    for example in ("average score in Europe", "countries in a good situation",
                    "biggest fallers this year", "worst for safety 2024",
                    "why did Kazakhstan fall?", "how is the index calculated?"):
        assert example in sent.text
    fallers = sent.button(lambda b: "Biggest fallers" in b["text"])
    pressed = await bot.press(fallers["callback_data"], sent.last)
    assert len(pressed.answers) == 1 and pressed.answers[0].ok
    [edit] = pressed.edits  # the view replaces the help in place
    text = edit.result["text"]
    rows = rsf.year(LATEST)
    before = rsf.year(LATEST - 1)
    change = sorted(before[c].rank - r.rank for c, r in rows.items() if c in before)
    assert moves(text, "Fell most")[0] == f"▼{-change[0]}"
    assert f"{LATEST - 1} → {LATEST}, by rank" in text


async def test_russian_help_in_russian(bot: RunningBot) -> None:
    sent = await bot.ask("/help", language_code="ru")
    assert "средний балл в Европе" in sent.text and "почему Казахстан опустился?" in sent.text
    method = sent.button(lambda b: "Как считается балл" in b["text"])
    pressed = await bot.press(method["callback_data"], sent.last)
    [edit] = pressed.edits
    assert "анкета экспертов" in edit.result["text"]
    links = [e["url"] for e in edit.result["entities"] if e["type"] == "text_link"]
    assert RSF_METHOD_URL in links


async def test_movers_chart_and_what_moved_buttons(bot: RunningBot) -> None:
    sent = await bot.ask(f"/start m-fall-score-{LATEST}-{LATEST - 1}---5")
    fallers = sorted((r.score_evolution, r.rank, c) for c, r in rsf.year(LATEST).items()
                     if r.score_evolution is not None)
    assert moves(sent.text, "Fell most")[:5] == [rsf.shown(f[0], signed=True)
                                                 for f in fallers[:5]]
    chart = sent.button(lambda b: b["callback_data"].startswith("gm:"))
    pressed = await bot.press(chart["callback_data"], sent.last)
    [photo] = [c for c in pressed.sent.calls if c.method == "sendPhoto"]
    assert photo.params["photo"][:8] == b"\x89PNG\r\n\x1a\n"
    assert "Biggest fallers" in photo.result["caption"]
    worst = fallers[0][2]
    why = sent.button(lambda b: b["callback_data"] == f"w:{worst}:{LATEST}:fall")
    pressed = await bot.press(why["callback_data"], sent.last)
    [edit] = pressed.edits
    now, before = rsf.year(LATEST)[worst], rsf.year(LATEST - 1)[worst]
    assert f"{before.rank} → {now.rank}" in edit.result["text"]
    assert "RSF gives its reasons in its country profile" in edit.result["text"]


async def test_a_long_band_pages_in_place(bot: RunningBot) -> None:
    expected = [r.rank for r in rsf.in_region(LATEST) if r.band == "difficult"]
    assert len(expected) > 30  # long enough to page
    sent = await bot.ask(f"/start b-difficult-{LATEST}--1")
    seen = ranks(sent.text)
    message = sent.last
    while True:
        more = [b for row in message.get("reply_markup", {}).get("inline_keyboard", [])
                for b in row if b["text"].endswith("▶")]
        if not more:
            break
        pressed = await bot.press(more[0]["callback_data"], message)
        [edit] = pressed.edits
        assert edit.params["message_id"] == sent.last["message_id"]
        message = edit.result
        seen += ranks(message["text"])
    assert seen == expected
    back = [b for row in message["reply_markup"]["inline_keyboard"] for b in row
            if b["text"].startswith("◀")]
    assert back  # and a way back


async def test_averages_and_bands_by_deep_link_in_russian(bot: RunningBot) -> None:
    sent = await bot.ask(f"/start a-mean-{LATEST}-africa--", language_code="ru")
    africa = rsf.in_region(LATEST, "africa")
    mean = rsf.shown(rsf.mean([r.score for r in africa]), lang="ru")
    assert f"Балл: среднее {mean}" in sent.text
    bands = sent.button(lambda b: b["text"] == "Страны по ситуации")
    pressed = await bot.press(bands["callback_data"], sent.last)
    [edit] = pressed.edits
    good = sum(r.band == "very_serious" for r in africa)
    assert f"Очень серьёзная ситуация (0–40): {good}" in edit.result["text"]


async def test_place_in_central_asia_by_deep_link(bot: RunningBot) -> None:
    sent = await bot.ask(f"/start a-place-{LATEST}-central_asia--KAZ")
    group = rsf.in_region(LATEST, subregion=True)
    place = [r.code for r in group].index("KAZ") + 1
    assert f"Place {place} of 5 in Central Asia" in sent.text


async def test_explain_by_deep_link_links_rsfs_method(bot: RunningBot) -> None:
    sent = await bot.ask("/start e-bands-")
    assert "85–100" in sent.text and "0–40" in sent.text
    assert f'href="{RSF_METHOD_URL}"' in sent.html


async def test_junk_analytical_links_greet(bot: RunningBot) -> None:
    for payload in ("m-sideways-rank-2026-2025---10", "b-great-2026--1", "e-everything-",
                    "a-mean-2026-atlantis--", "w-KAZ-20x6-"):
        sent = await bot.ask(f"/start {payload}")
        assert sent.text.startswith("Press Freedom Bot answers from RSF"), payload


@pytest.mark.parametrize(("command", "count"), [("/top 5", 5), ("/bottom 5", 5)])
async def test_top_and_bottom_show_as_many_as_asked(bot: RunningBot, command: str,
                                                    count: int) -> None:
    sent = await bot.ask(command)
    rows = sorted(rsf.year(LATEST).values(), key=lambda r: r.rank)
    if command.startswith("/bottom"):
        rows.reverse()
    assert ranks(sent.text) == [r.rank for r in rows[:count]]
