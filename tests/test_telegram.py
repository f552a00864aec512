"""The Telegram layer end to end: the real Application over HTTP against the fake Bot API.

Every test drives ``build_application`` exactly as ``pressbot run`` runs it (see
``telegram_harness``) and asserts on the texts Telegram really received.  The harness also
fails any test in which Telegram (the strict fake) refused a call the test did not provoke:
bad HTML, text over 4096, callback data over 64 bytes, "message is not modified", a
callback answered twice, more than 50 inline results.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import rsf_csv as rsf
from fakebotapi import Call, FakeBotAPI
from telegram_harness import (
    BOT_USERNAME,
    GROUP_ID,
    ROOT,
    TOKEN,
    USER_ID,
    RunningBot,
    Sent,
    allow_failures,
    run_cli,
    running_bot,
)

from bot import i18n
from bot.i18n import t

pytestmark = pytest.mark.timeout(30)

APOLOGY_EN = t("en", "apology")
UNKNOWN_EN = t("en", "unknown_command")
GREETING = "Press Freedom Bot answers from RSF"
CREDIT = "Reporters Without Borders (RSF), World Press Freedom Index"
CREDITS = tuple(i18n.t(lang, "credit") for lang in i18n.LANGS)


def credited(sent: Sent) -> bool:
    return any(c in sent.text for c in CREDITS) and 'href="https://rsf.org/' in sent.html


def ranking_rows(text: str) -> list[tuple[int, str, float]]:
    """``  1. 🇳🇴 Norway — 92.72`` lines of a ranking reply."""
    return [(int(m[1]), m[2].strip(), float(m[3]))
            for m in re.finditer(r"^\s*(\d+)\. (.+?) — ([\d.]+)$", text, re.M)]


# --- private questions ----------------------------------------------------------------------


async def test_question_gets_figures_excerpt_buttons_and_credit(bot: RunningBot) -> None:
    sent = await bot.ask("are journalists safe in Kazakhstan?")
    assert len(sent) == 1
    text = sent.text
    assert "Kazakhstan" in text and "Rank 149 of 180" in text and "Score 34.41" in text
    assert "Safety — from RSF's profile, index 2024" in text
    assert "Pegasus Project revealed" in text  # RSF's safety section, as published
    assert credited(sent) and "rsf.org/en/country/kazakhstan" in sent.html
    data = [b["callback_data"] for b in sent.buttons() if "callback_data" in b]
    assert "p:KAZ:2026:safety" in data and "g:KAZ:2026:" in data
    assert all(0 < len(d.encode()) <= 64 for d in data)
    assert sent.calls[0].params["parse_mode"] == "HTML"
    assert sent.calls[0].params["link_preview_options"] == {"is_disabled": True}


async def test_question_in_russian_gets_russian_labels(bot: RunningBot) -> None:
    sent = await bot.ask("Казахстан", language_code="en")  # the script decides, not the locale
    assert "🇰🇿 Казахстан · Мировой индекс свободы прессы 2026" in sent.text
    kaz = rsf.year(2026)["KAZ"]
    assert f"Место {kaz.rank} из 180" in sent.text
    assert f"Балл {rsf.shown(kaz.score, lang='ru')}" in sent.text  # "34,41"
    assert "Показатели" in sent.text and "Источник:" in sent.text
    assert "Rank" not in sent.text and credited(sent)


async def test_russian_locale_answers_latin_country_codes_in_russian(bot: RunningBot) -> None:
    sent = await bot.ask("/start KAZ", language_code="ru")
    assert "Место 149 из 180" in sent.text


async def test_unrecognised_question_is_explained_not_ignored(bot: RunningBot) -> None:
    sent = await bot.ask("hello there")
    assert len(sent) == 1 and "Kazakhstan" in sent.text  # an example of what to ask


async def test_reply_to_an_answer_in_private_continues_it(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    sent = await bot.ask("what about safety?", reply_to=first.last)
    assert "Safety — from RSF's profile" in sent.text and "Kazakhstan" in sent.text


async def test_own_inline_cards_sent_in_private_are_not_questions(bot: RunningBot) -> None:
    via = {"via_bot": {"id": int(TOKEN.split(":")[0]), "is_bot": True,
                       "first_name": "Press Freedom Bot", "username": BOT_USERNAME}}
    sent = await bot.ask("Kazakhstan · World Press Freedom Index 2026", extra=via)
    assert len(sent) == 0


# --- commands -------------------------------------------------------------------------------


@pytest.mark.parametrize(("command", "expected"), [
    ("/start", [GREETING, "compare Norway and Finland"]),
    ("/help", [GREETING, "Topics: media landscape"]),
    ("/country Mexico", ["Mexico", "Rank 122 of 180", "Score 45.23"]),
    ("/country", [t("en", "usage_country")]),
    ("/compare Norway, Finland", ["Comparison, 2026", "NOR     1  92.72", "FIN     6  86.22"]),
    ("/compare Norway", [t("en", "usage_compare")]),
    ("/compare", [t("en", "usage_compare")]),
    ("/topics", ["Media landscape — who owns the media", "Safety — journalists killed"]),
    ("/about", ["2002–2026", "higher is freer", "Europe – Central Asia"]),
    ("/frobnicate", [UNKNOWN_EN]),
    ("/country Narnia", []),  # answered (how is understand's business), never silence
])
async def test_command(bot: RunningBot, command: str, expected: list[str]) -> None:
    sent = await bot.ask(command)
    assert len(sent) >= 1, f"{command} got no answer"
    for fragment in expected:
        assert fragment in sent.text, (command, fragment, sent.text)
    assert "Traceback" not in sent.text


async def test_top_is_ten_freest(bot: RunningBot) -> None:
    rows = ranking_rows((await bot.ask("/top")).text)
    assert [r[0] for r in rows] == list(range(1, 11))
    assert rows[0][1].endswith("Norway") and rows[0][2] == 92.72


async def test_top_five_in_africa(bot: RunningBot) -> None:
    sent = await bot.ask("/top 5 Africa")
    rows = ranking_rows(sent.text)
    assert len(rows) == 5 and "in Africa" in sent.text
    assert rows[0][1].endswith("South Africa")
    snapshot = bot.pipeline.store.snapshot()
    africa = sorted((r for r in snapshot.by_year[2026]
                     if snapshot.countries[r.code].region == "africa"), key=lambda r: r.rank)
    assert [r[0] for r in rows] == [r.rank for r in africa[:5]]


async def test_bottom_three(bot: RunningBot) -> None:
    rows = ranking_rows((await bot.ask("/bottom 3")).text)
    assert [r[0] for r in rows] == [180, 179, 178]
    assert rows[0][1].endswith("Eritrea")


async def test_commands_in_russian(bot: RunningBot) -> None:
    sent = await bot.ask("/compare Норвегия, Финляндия")
    assert "Сравнение, 2026" in sent.text
    sent = await bot.ask("/country", language_code="ru")
    assert sent.text == t("ru", "usage_country")


# --- deep links -----------------------------------------------------------------------------


@pytest.mark.parametrize(("payload", "expected"), [
    ("KAZ", ["Kazakhstan", "Rank 149 of 180", "Overview — from RSF's profile"]),
    ("KAZ_safety", ["Rank 149 of 180", "Safety — from RSF's profile", "Pegasus Project"]),
    ("KAZ_2024", ["Index 2024", "Rank 142 of 180", "Score 41.11"]),
    ("compare_KAZ_KGZ", ["Comparison, 2026", "KAZ   149  34.41", "KGZ   146  35.06"]),
    ("KZ", ["Rank 149 of 180"]),
])
async def test_deep_link(bot: RunningBot, payload: str, expected: list[str]) -> None:
    sent = await bot.ask(f"/start {payload}")
    for fragment in expected:
        assert fragment in sent.text, (payload, fragment, sent.text)
    assert credited(sent)


@pytest.mark.parametrize("payload", ["zzz_qq", "FOO", "compare_", "x" * 64, "KAZ_1", "_"])
async def test_junk_deep_link_greets(bot: RunningBot, payload: str) -> None:
    sent = await bot.ask(f"/start {payload}")
    assert len(sent) == 1 and sent.text.startswith(GREETING)


# --- groups ---------------------------------------------------------------------------------


async def test_group_command_addressed_to_us_is_answered(bot: RunningBot) -> None:
    sent = await bot.ask(f"/country@{BOT_USERNAME} Kazakhstan", chat_type="supergroup")
    assert "Rank 149 of 180" in sent.text
    sent = await bot.ask("/top 3", chat_type="supergroup")
    assert len(ranking_rows(sent.text)) == 3


@pytest.mark.parametrize("text", [
    "/country@otherbot Kazakhstan",  # another bot's command
    "/help@otherbot",
    "/frobnicate",  # a bare unknown command may be another bot's
    "/frobnicate@otherbot",
    "Kazakhstan is lovely this time of year",  # chatter
])
async def test_group_silence(bot: RunningBot, text: str) -> None:
    sent = await bot.ask(text, chat_type="supergroup")
    assert len(sent) == 0


async def test_group_unknown_command_to_us_is_answered(bot: RunningBot) -> None:
    sent = await bot.ask(f"/frobnicate@{BOT_USERNAME}", chat_type="supergroup")
    assert sent.text == UNKNOWN_EN


async def test_group_reply_to_the_bot_continues_the_conversation(bot: RunningBot) -> None:
    first = await bot.ask("/country Kazakhstan", chat_type="supergroup", user_id=11)
    sent = await bot.ask("and Norway?", chat_type="supergroup", user_id=12,
                         reply_to=first.last)
    assert "Comparison, 2026" in sent.text
    assert "KAZ   149  34.41" in sent.text and "NOR     1  92.72" in sent.text
    # Quoted, so the group sees which question it answers.
    assert sent.calls[0].params["reply_parameters"]["message_id"] > first.last["message_id"]


async def test_group_reply_to_someone_else_is_silence(bot: RunningBot) -> None:
    chatter = bot.api.inject_message("I like Norway", chat_id=GROUP_ID, user_id=11,
                                     chat_type="supergroup")
    await bot.settle(chatter)
    sent = await bot.ask("and Finland?", chat_type="supergroup", user_id=12,
                         reply_to=chatter["message"])
    assert len(sent) == 0


async def test_group_help_explains_privacy_mode_and_inline(bot: RunningBot) -> None:
    sent = await bot.ask("/help", chat_type="supergroup")
    assert GREETING in sent.text
    assert "privacy mode" in sent.text and f"@{BOT_USERNAME} kazakhstan" in sent.text
    private = await bot.ask("/help")
    assert "privacy mode" not in private.text


# --- inline mode ----------------------------------------------------------------------------


def inline_results(call: Call) -> list[dict[str, Any]]:
    results = call.params["results"]
    assert isinstance(results, list)
    return results


async def test_inline_country(bot: RunningBot) -> None:
    call = await bot.inline("kazakhstan")
    assert call.ok
    results = inline_results(call)
    assert 1 <= len(results) <= 50
    first = results[0]
    assert first["title"] == "Kazakhstan"
    assert "Rank <b>149</b> of 180" in first["input_message_content"]["message_text"]
    assert first["input_message_content"]["parse_mode"] == "HTML"
    assert call.params["cache_time"] <= 5  # never longer than the bot takes to see an import


async def test_inline_prefix_offers_countries(bot: RunningBot) -> None:
    titles = [r["title"] for r in inline_results(await bot.inline("kaz"))]
    assert "Kazakhstan" in titles


async def test_inline_empty_offers_starting_points(bot: RunningBot) -> None:
    call = await bot.inline("")
    results = inline_results(call)
    assert call.ok and 3 <= len(results) <= 50
    titles = " | ".join(r["title"] for r in results)
    assert "Top 10" in titles and "Kazakhstan" in titles


async def test_inline_longest_query_and_result_limit(bot: RunningBot) -> None:
    long = ("compare Norway Finland Kazakhstan Kyrgyzstan Mexico " * 6)[:256]
    assert len(long) == 256
    call = await bot.inline(long)
    assert call.ok and len(inline_results(call)) <= 50
    for query in ("a", "s", "republic", "z" * 256, "<b>&amp;"):
        call = await bot.inline(query)
        assert call.ok and len(inline_results(call)) <= 50


async def test_inline_russian(bot: RunningBot) -> None:
    results = inline_results(await bot.inline("казахстан"))
    assert results[0]["title"] == "Казахстан"
    assert "Место <b>149</b> из 180" in results[0]["input_message_content"]["message_text"]


# --- buttons --------------------------------------------------------------------------------


async def test_section_button_edits_in_place(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    assert "Overview — from RSF's profile" in first.text
    pressed = await bot.press("p:KAZ:2026:safety", first.last)
    assert len(pressed.answers) == 1 and pressed.answers[0].ok
    [edit] = pressed.edits
    assert edit.ok and edit.params["message_id"] == first.last["message_id"]
    assert "Pegasus Project" in edit.result["text"] and len(pressed.sent) == 0
    markup = edit.result["reply_markup"]["inline_keyboard"]
    assert any(b["text"] == "• Safety" for row in markup for b in row)


async def test_year_button(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    pressed = await bot.press("p:KAZ:2024:", first.last)
    [edit] = pressed.edits
    assert "Index 2024" in edit.result["text"] and "Rank 142 of 180" in edit.result["text"]
    assert len(pressed.answers) == 1


async def test_neighbours_button_compares(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    data = first.button(lambda b: b["text"] == "Compare with neighbours")["callback_data"]
    pressed = await bot.press(data, first.last)
    [edit] = pressed.edits
    assert "Comparison, 2026" in edit.result["text"] and "KAZ   149  34.41" in edit.result["text"]
    assert len(pressed.answers) == 1


async def test_buttons_of_a_russian_answer_stay_russian(bot: RunningBot) -> None:
    first = await bot.ask("Казахстан")
    pressed = await bot.press("p:KAZ:2026:safety", first.last)
    assert "Безопасность" in pressed.edits[0].result["text"]


async def test_chart_button_sends_a_photo(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    pressed = await bot.press("g:KAZ:2026:", first.last)
    assert len(pressed.answers) == 1 and pressed.answers[0].ok
    [photo] = [c for c in pressed.sent.calls if c.method == "sendPhoto"]
    assert photo.params["photo"][:8] == b"\x89PNG\r\n\x1a\n"
    assert "Kazakhstan" in photo.result["caption"] and "rsf.org" in photo.params["caption"]
    # A second press sends the photo Telegram already has, by file_id.
    again = await bot.press("g:KAZ:2026:", first.last)
    [photo2] = [c for c in again.sent.calls if c.method == "sendPhoto"]
    assert isinstance(photo2.params["photo"], str)


async def test_same_button_twice_answers_and_does_not_error(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    one = await bot.press("p:KAZ:2026:safety", first.last)
    message = bot.api.chat_messages(USER_ID)[-1]  # as it is now, after the edit
    two = await bot.press("p:KAZ:2026:safety", message)
    assert len(one.answers) == len(two.answers) == 1 and two.answers[0].ok
    assert len(one.edits) == 1 and len(two.edits) == 0  # nothing to change: no edit at all
    # The view a message was sent with is known too: "Overview" on an overview edits nothing.
    fresh = await bot.ask("Kazakhstan")
    same = await bot.press("p:KAZ:2026:", fresh.last)
    assert len(same.answers) == 1 and same.edits == []


async def test_same_button_twice_after_a_restart_is_still_fine(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    allow_failures(api, lambda c: c.method == "editMessageText"
                   and "not modified" in str(c.response))
    async with running_bot(api, bot_db, tmp_path) as first_run:
        first = await first_run.ask("Kazakhstan")
        await first_run.press("p:KAZ:2026:safety", first.last)
    async with running_bot(api, bot_db, tmp_path) as second_run:  # its memory of views is empty
        again = await second_run.press("p:KAZ:2026:safety", first.last)
        assert len(again.answers) == 1 and again.answers[0].ok
        # Telegram said "not modified"; the bot took it as "nothing to do".
        assert [e.status for e in again.edits] == [400]
        assert again.sent.calls == []
        assert "Rank 1 of" in (await second_run.ask("Norway")).text


async def test_stale_and_garbage_buttons_are_answered(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    for data in ("garbage", "p:", "x:KAZ:2026:", "p:kaz!:2026:", "c:" + "A" * 60):
        pressed = await bot.press(data, first.last)
        assert len(pressed.answers) == 1 and pressed.answers[0].ok
        assert pressed.answers[0].params["text"] == t("en", "stale_button")
        assert pressed.edits == []
    assert "Rank 149" in (await bot.ask("Kazakhstan")).text  # still serving


async def test_button_for_an_unknown_country_is_answered(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    pressed = await bot.press("p:ZZZ:2026:", first.last)
    assert len(pressed.answers) == 1 and pressed.answers[0].ok


def long_profile(tmp: Path) -> Path:
    """RSF's Kazakhstan profile with a media-landscape section of ~9,000 characters full of
    characters that need escaping, as an operator could import it."""
    source = (ROOT / "data" / "profiles" / "kaz_2024.txt").read_text()
    start = source.index("Media landscape\n") + len("Media landscape\n")
    end = source.index("Political context")
    sentence = "Outlets like AT&T-style groups <b>own</b> 5 > 3 channels; “quotes” & more. "
    body = "\n\n".join(f"Paragraph {i}: " + sentence * 12 for i in range(9))
    target = tmp / "kaz_2024_long.txt"
    target.write_text(source[:start] + "\n" + body + "\n\n" + source[end:])
    return target


async def test_long_answer_is_split_and_its_buttons_still_work(
        bot: RunningBot, tmp_path: Path) -> None:
    code, _, err = await run_cli("data", "import", str(long_profile(tmp_path)), "--country",
                                 "KAZ", db=bot.settings.db_path)
    assert code == 0, err
    sent = await bot.ask("Kazakhstan media landscape")
    assert len(sent) >= 3  # every part accepted by Telegram: valid HTML, ≤ 4096 characters
    assert all(len(text) <= 4096 for text in sent.texts)
    assert "AT&T-style groups <b>own</b> 5 > 3" in sent.text  # escaped, shown as typed
    assert [bool(m.get("reply_markup")) for m in sent.messages] == [False] * (len(sent) - 1) + [
        True]  # the buttons under the last part
    assert CREDIT in sent.texts[-1]
    # A reply to any part continues the conversation.
    follow = await bot.ask("what about safety?", reply_to=sent.messages[0])
    assert "Pegasus Project" in follow.text
    # Buttons: a one-message view in place, then the long view back: its first part
    # replaces the message, the rest follows with the buttons.
    overview = await bot.press("p:KAZ:2026:", sent.last)
    assert len(overview.edits) == 1 and "Overview" in overview.edits[0].result["text"]
    back = await bot.press("p:KAZ:2026:landscape", sent.last)
    assert len(back.answers) == 1 and len(back.edits) == 1
    assert "reply_markup" not in back.edits[0].result
    assert len(back.sent) == len(sent) - 1 and back.sent.messages[-1].get("reply_markup")
    assert CREDIT in back.sent.texts[-1]
    # Inline, one card is one message: the first part, still crediting RSF.
    [card] = inline_results(await bot.inline("kazakhstan media landscape"))
    assert CREDIT in card["input_message_content"]["message_text"]


# --- Telegram's failures --------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own
async def test_429_is_waited_out_and_the_reply_delivered(bot: RunningBot) -> None:
    bot.api.fail_next("sendMessage", status=429, retry_after=1)
    sent = await bot.ask("Kazakhstan")
    assert "Rank 149 of 180" in sent.text and len(sent) == 1
    refused, delivered = [c for c in bot.api.calls if c.method == "sendMessage"]
    assert (refused.status, delivered.status) == (429, 200)
    assert delivered.time - refused.time >= 1.0  # retry_after respected, as the API saw it


async def test_5xx_on_send_is_retried_and_the_bot_keeps_serving(bot: RunningBot) -> None:
    bot.api.fail_next("sendMessage", status=500)
    bot.api.drop_next("sendMessage")
    bot.api.fail_next("sendMessage", status=502)
    sent = await bot.ask("Kazakhstan")
    assert "Rank 149 of 180" in sent.text  # delivered after a 500, a reset and a 502
    assert [c.status for c in bot.api.calls if c.method == "sendMessage"] == [500, 0, 502, 200]
    bot.api.fail_next("sendMessage", status=502, times=4)  # every retry fails too:
    assert (await bot.ask("Norway")).texts == [APOLOGY_EN]  # a short apology
    after = await bot.ask("Finland")
    assert "Rank 6 of 180" in after.text
    assert all("Traceback" not in text for text in Sent(bot.outgoing(USER_ID)).texts)


async def test_polling_survives_502_and_dropped_connections(bot: RunningBot) -> None:
    bot.api.fail_next("getUpdates", status=502)
    bot.api.drop_next("getUpdates")
    # Wait until both faults were consumed, then ask.
    await bot.api.wait_for("getUpdates", predicate=lambda c: c.status in (0, 502), count=2,
                           timeout=10)
    sent = await bot.ask("Kazakhstan", timeout=15)
    assert "Rank 149 of 180" in sent.text


async def test_malformed_update_is_skipped_and_polling_goes_on(bot: RunningBot) -> None:
    bot.api.inject_raw({"message": "this is not a message"})
    bot.api.inject_raw({"callback_query": {"id": "1"}})
    sent = await bot.ask("Kazakhstan")
    assert "Rank 149 of 180" in sent.text
    assert not bot.api.updates


async def test_errors_get_a_short_apology_and_the_bot_recovers(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    # An operator breaks the database under the running bot ...
    with sqlite3.connect(bot.settings.db_path) as db:
        db.execute("ALTER TABLE results RENAME TO results_broken")
    sent = await bot.ask("Norway")
    assert sent.texts == [APOLOGY_EN]
    pressed = await bot.press("p:KAZ:2026:safety", first.last)
    assert len(pressed.answers) == 1 and pressed.answers[0].ok
    assert pressed.sent.texts == [APOLOGY_EN] and pressed.edits == []
    inline = await bot.inline("norway")  # no chat to apologise in: no results, no spinner
    assert inline.ok and inline.params["results"] == []
    for text in Sent(bot.outgoing(USER_ID)).texts:
        assert "Traceback" not in text and "sqlite" not in text.lower()
        assert str(bot.settings.db_path) not in text and TOKEN not in text
    # ... and repairs it: the bot answers again, without a restart.
    with sqlite3.connect(bot.settings.db_path) as db:
        db.execute("ALTER TABLE results_broken RENAME TO results")
    assert "Rank 1 of 180" in (await bot.ask("Norway")).text


async def test_failed_callback_answer_is_retried(bot: RunningBot) -> None:
    first = await bot.ask("Kazakhstan")
    bot.api.fail_next("answerCallbackQuery", status=500)
    pressed = await bot.press("p:KAZ:2026:safety", first.last)
    assert [c.status for c in pressed.answers] == [500, 200]
    assert len(pressed.edits) == 1 and pressed.edits[0].ok


# --- startup --------------------------------------------------------------------------------


async def test_startup_sets_commands_and_descriptions(bot: RunningBot) -> None:
    private = {"type": "all_private_chats"}
    groups = {"type": "all_group_chats"}
    for lang in ("", "ru"):
        for scope in (private, groups):
            commands = bot.api.commands_for(lang, scope)
            names = [c["command"] for c in commands]
            assert {"country", "compare", "top", "bottom", "topics", "about", "help"} <= set(names)
            assert "status" not in names and "reload" not in names  # operators' only
    assert bot.api.commands_for("ru", private)[0]["description"] == "Место, балл и профиль страны"
    assert bot.api.commands_for("", private)[0]["description"].startswith("A country's rank")
    group_subscribe = [c for c in bot.api.commands_for("", groups) if c["command"] == "subscribe"]
    assert "admins" in group_subscribe[0]["description"]
    assert bot.api.profile[("description", "")].startswith("Press freedom in any country")
    assert bot.api.profile[("description", "ru")].startswith("Свобода прессы")
    assert bot.api.profile[("short_description", "")]
    assert bot.api.profile[("short_description", "ru")]
    for _ in range(200):  # the heartbeat job runs as the app starts
        if bot.settings.heartbeat.exists():
            break
        await asyncio.sleep(0.01)
    assert bot.settings.heartbeat.exists()


async def test_inline_chart_cards(bot: RunningBot) -> None:
    """"norway chart" inline: a card whose button opens the chart in the bot (deep link);
    once Telegram has the picture, the card is the photo itself."""
    call = await bot.inline("norway chart")
    link = call.params["results"][0]
    assert link["type"] == "article" and link["title"] == "📈 Norway"
    url = link["reply_markup"]["inline_keyboard"][0][0]["url"]
    assert url == "https://t.me/pressfreedom_bot?start=chart_NOR"
    sent = await bot.ask("/start chart_NOR")
    [photo] = [c for c in sent.calls if c.method == "sendPhoto"]
    assert "Norway" in photo.result["caption"]
    call = await bot.inline("norway chart ")
    card = call.params["results"][0]
    assert card["type"] == "photo"
    assert card["photo_file_id"] == photo.result["photo"][-1]["file_id"]


async def test_inline_did_you_mean_offers_the_candidates(bot: RunningBot) -> None:
    titles = [r["title"] for r in inline_results(await bot.inline("Korea"))]
    assert "South Korea" in titles and "North Korea" in titles


async def test_greeting_offers_examples_to_tap(bot: RunningBot) -> None:
    sent = await bot.ask("/start")
    data = sent.button(lambda b: "Kazakhstan" in b["text"])["callback_data"]
    pressed = await bot.press(data, sent.last)
    assert "Rank 149 of 180" in pressed.edits[0].result["text"]
    assert sent.button(lambda b: "Finland" in b["text"])["callback_data"] == "c:NOR,FIN::"


async def test_asking_for_alerts_about_a_country_gives_the_command_that_subscribes(
        bot: RunningBot) -> None:
    """"subscribe me to Mexico" is a question about the bot's alerts: the help on them,
    with the command for the countries named first, which subscribes when sent."""
    asked = await bot.ask("please subscribe me to Mexico and Chile", user_id=4242)
    first = asked.text.split("\n")[0]
    assert first == "/subscribe Mexico, Chile"
    assert asked.last["entities"][0]["type"] == "code"
    assert t("en", "help_subscriptions").split(":")[0] in asked.text  # the help on alerts
    assert "Rank" not in asked.text  # no country's profile
    done = await bot.ask(first, user_id=4242)
    assert done.text == t("en", "subscribed", countries="Mexico, Chile")
    russian = await bot.ask("хочу получать уведомления по Казахстану", user_id=4243,
                            language_code="ru")
    command = russian.text.split("\n")[0]
    assert command == "/subscribe Казахстан"
    done = await bot.ask(command, user_id=4243, language_code="ru")
    assert done.text == t("ru", "subscribed", countries="Казахстан")
