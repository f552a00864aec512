"""Which language the bot answers in, through the real Application and the fake Bot API
(issue #13): the question's language, else the chat's choice (/language, kept in SQLite
across restarts and imports), else the client's language code, else English; command
menus in every language; Arabic and Persian replies with their left-to-right runs
isolated."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rsf_csv as rsf
from fakebotapi import FakeBotAPI, parse_html
from telegram_harness import (
    GROUP_ID,
    ROOT,
    RunningBot,
    modified_csv,
    run_cli,
    running_bot,
)

from bot.i18n import LANGS, country_name, language_label, t
from bot.render.bidi import LRI, PDI, RLM, isolate
from bot.telegram.app import GROUP_COMMANDS, PRIVATE_COMMANDS

#: "Press freedom in Kazakhstan" (or near it) in each language, as a reader would write it.
QUESTIONS = {
    "en": "press freedom in Kazakhstan",
    "ru": "свобода прессы в Казахстане",
    "kk": "Қазақстандағы сөз бостандығы",
    "uk": "яка ситуація зі свободою преси в Казахстані",
    "uz": "Qozogʻistonda matbuot erkinligi",
    "ky": "Казакстандагы басма сөз эркиндиги",
    "tg": "озодии матбуот дар Қазоқистон",
    "fr": "liberté de la presse au Kazakhstan",
    "es": "libertad de prensa en Kazajistán",
    "de": "Pressefreiheit in Kasachstan",
    "pt": "liberdade de imprensa no Cazaquistão",
    "tr": "Kazakistan'da basın özgürlüğü",
    "ar": "حرية الصحافة في كازاخستان",
    "fa": "آزادی مطبوعات در قزاقستان",
    "zh": "哈萨克斯坦的新闻自由",
}
BIDI = re.compile("[\u2066-\u2069\u200e\u200f]")


def kazakhstan(lang: str) -> str:
    return country_name("KAZ", "Kazakhstan", lang)


def lang_shown(bot: RunningBot, chat_id: int) -> str:
    """The language of the last reply the bot gave in a chat (what it remembers showing)."""
    query = bot.app.bot_data.conversation.last_query(chat_id)
    assert query is not None
    return query.lang


def test_the_table_has_every_language() -> None:
    assert set(QUESTIONS) == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
async def test_a_question_is_answered_in_the_language_it_is_written_in(
        bot: RunningBot, lang: str) -> None:
    client = "de" if lang == "en" else "en"  # the client's language is another one
    sent = await bot.ask(QUESTIONS[lang], language_code=client)
    assert lang_shown(bot, 1001) == lang
    # The country's name in the header comes from CLDR in the reply's language.
    assert kazakhstan(lang) in sent.text
    if kazakhstan(lang) != kazakhstan(client):
        assert kazakhstan(client) not in sent.text
    if lang == "ru":
        assert "Место 149 из 180" in sent.text and "Rank" not in sent.text
    if lang == "en":
        assert "Rank 149 of 180" in sent.text
    if lang not in ("ar", "fa"):
        assert not BIDI.search(sent.html)  # marks only in right-to-left replies


@pytest.mark.parametrize(("text", "client", "expected"), [
    ("Kazakhstan", "fr", "fr"),  # a bare name shows no language: the client's applies
    ("🇰🇿", "pt-br", "pt"),  # the base part of the code
    ("KAZ", "zh-hans", "zh"),
    ("Kazakhstan", "be", "ru"),  # Belarusian clients: Russian, as before
    ("Kazakhstan", "ja", "en"),  # a language the bot does not speak: English
    ("Kazakhstan", None, "en"),
    ("Казахстан", "en", "ru"),  # a Cyrillic name from an English client: its script
    ("Казахстан", "kk", "kk"),  # … which Kazakh is written in
])
async def test_a_bare_name_follows_the_client_language(
        bot: RunningBot, text: str, client: str | None, expected: str) -> None:
    sent = await bot.ask(text, language_code=client)
    assert lang_shown(bot, 1001) == expected
    assert kazakhstan(expected) in sent.text


async def test_a_latin_name_from_a_russian_client_is_answered_in_russian(
        bot: RunningBot) -> None:
    # Before issue #13 the Latin script meant English whatever the client's language.
    sent = await bot.ask("Kazakhstan", language_code="ru")
    assert "Место 149 из 180" in sent.text


async def test_buttons_answer_in_the_language_of_their_message(bot: RunningBot) -> None:
    first = await bot.ask(QUESTIONS["kk"], language_code="en")
    pressed = await bot.press("p:KAZ:2026:safety", first.last)
    assert len(pressed.answers) == 1 and pressed.edits
    assert lang_shown(bot, 1001) == "kk"


async def test_inline_cards_follow_the_question_then_the_client(bot: RunningBot) -> None:
    call = await bot.inline("Kazakhstan", language_code="ru")
    results = call.params["results"]
    results = json.loads(results) if isinstance(results, str) else results
    assert "Место <b>149</b> из 180" in results[0]["input_message_content"]["message_text"]
    call = await bot.inline("how free is the press in Kazakhstan", language_code="ru")
    results = call.params["results"]
    results = json.loads(results) if isinstance(results, str) else results
    assert "Rank <b>149</b> of 180" in results[0]["input_message_content"]["message_text"]


# --- /language --------------------------------------------------------------------------------


async def test_language_menu_lists_every_language_in_itself(bot: RunningBot) -> None:
    sent = await bot.ask("/language", language_code="en")
    buttons = sent.buttons()
    assert [b["callback_data"] for b in buttons] == [f"l:{lang}" for lang in LANGS] + ["l:auto"]
    labels = [b["text"] for b in buttons]
    assert labels[:-1] == [language_label(lang) for lang in LANGS]
    assert {"English", "Русский", "Қазақ тілі", "Français", "Deutsch", "العربية", "中文"} <= set(
        labels)
    assert labels[-1] == "✓ " + t("en", "language_auto_button")  # no choice yet: automatic


async def test_language_button_sets_the_chat_language(bot: RunningBot) -> None:
    menu = await bot.ask("/language", language_code="en")
    pressed = await bot.press("l:ru", menu.last)
    assert len(pressed.answers) == 1 and pressed.answers[0].ok
    [edit] = pressed.edits
    assert edit.result["text"] == "Язык этого чата теперь — Русский."
    # A bare name now in Russian, whatever the client; a question in German still German.
    sent = await bot.ask("Kazakhstan", language_code="en")
    assert "Место 149 из 180" in sent.text
    await bot.ask(QUESTIONS["de"], language_code="en")
    assert lang_shown(bot, 1001) == "de"
    # Commands that answer no question follow the chat's choice too.
    sent = await bot.ask("/country", language_code="en")
    assert sent.text == t("ru", "usage_country")
    # The menu ticks the current choice.
    menu = await bot.ask("/language", language_code="en")
    assert "✓ Русский" in [b["text"] for b in menu.buttons()]


async def test_language_by_code_and_back_to_automatic(bot: RunningBot) -> None:
    sent = await bot.ask("/language fr", language_code="en")
    assert sent.text == re.sub("<[^>]+>", "", t("fr", "language_set", language="Français"))
    await bot.ask("Kazakhstan", language_code="en")
    assert lang_shown(bot, 1001) == "fr"
    sent = await bot.ask("/language auto", language_code="en")
    assert sent.text == t("en", "language_auto")
    sent = await bot.ask("Kazakhstan", language_code="en")
    assert lang_shown(bot, 1001) == "en" and "Rank 149 of 180" in sent.text
    # A code the bot does not speak: the menu to choose from.
    sent = await bot.ask("/language xx", language_code="en")
    assert len(sent.buttons()) == len(LANGS) + 1


async def test_in_groups_only_administrators_choose(bot: RunningBot, api: FakeBotAPI) -> None:
    member, admin = bot.new_user(), bot.new_user()
    api.set_member_status(GROUP_ID, member, "member")
    api.set_member_status(GROUP_ID, admin, "administrator")
    sent = await bot.ask("/language ru", user_id=member, chat_type="group", language_code="en")
    assert sent.text == t("en", "language_admins_only")
    menu = await bot.ask("/language", user_id=admin, chat_type="group", language_code="en")
    assert len(menu.buttons()) == len(LANGS) + 1
    refused = await bot.press("l:ru", menu.last, user_id=member)
    assert refused.answers[0].params["text"] == t("en", "language_admins_only")
    assert not refused.edits
    chosen = await bot.press("l:ru", menu.last, user_id=admin)
    assert chosen.edits[0].result["text"] == "Язык этого чата теперь — Русский."
    # A member's bare name in the group is now answered in Russian.
    sent = await bot.ask(f"@{bot.app.bot.username} Kazakhstan", user_id=member,
                         chat_type="group", language_code="en")
    assert "Место 149 из 180" in sent.text


async def test_the_choice_survives_a_restart_and_an_import(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    async with running_bot(api, bot_db, tmp_path) as first:
        await first.ask("/language ru", language_code="en")
        await first.ask("/language ar", user_id=2002, language_code="en")
    source = ROOT / "data" / "csv" / "2026.csv"
    moved = modified_csv(source, tmp_path / "2026.csv", delta=1.0)
    code, _, err = await run_cli("data", "import", str(tmp_path / "2026.csv"), db=bot_db)
    assert code == 0, err
    async with running_bot(api, bot_db, tmp_path) as second:
        sent = await second.ask("Kazakhstan", language_code="en")
        assert "Место 149 из 180" in sent.text
        # the imported data, the kept language (and its decimal comma)
        assert f"Балл {rsf.shown(moved['KAZ'], lang='ru')}" in sent.text
        await second.ask("Kazakhstan", user_id=2002, language_code="en")
        assert lang_shown(second, 2002) == "ar"


# --- command menus ------------------------------------------------------------------------------


async def test_command_menus_and_descriptions_in_every_language(
        bot: RunningBot, api: FakeBotAPI) -> None:
    private = {"type": "all_private_chats"}
    group = {"type": "all_group_chats"}
    for lang in LANGS:
        code = "" if lang == "en" else lang
        assert [c["command"] for c in api.commands_for(code, private)] == list(PRIVATE_COMMANDS)
        assert [c["command"] for c in api.commands_for(code, group)] == list(GROUP_COMMANDS)
        described = {c["command"]: c["description"] for c in api.commands_for(code, private)}
        assert described["language"] == t(lang, "cmd_language")
        assert api.profile[("description", code)] == t(lang, "bot_description")
        assert api.profile[("short_description", code)] == t(lang, "bot_short_description")
    calls = [c for c in api.calls if c.method == "setMyCommands" and c.ok]
    assert len(calls) == 2 * len(LANGS)
    # English is the default (no language_code); every other language has its own.
    assert {c.params.get("language_code") for c in calls} == {None, *LANGS[1:]}
    assert api.commands_for("ru", private)[0]["description"] == t("ru", "cmd_country")


# --- right to left ------------------------------------------------------------------------------


def test_isolates_wrap_figures_and_latin_runs_only_outside_tags() -> None:
    marked = isolate('قزاقستان <b>−4.59</b> ▲3 · <a href="https://rsf.org/en/x">RSF</a> 2024')
    assert marked.startswith(RLM)
    assert f"<b>{LRI}−4.59{PDI}</b>" in marked  # the sign stays with its number
    assert f"{LRI}▲3{PDI}" in marked
    assert f'<a href="https://rsf.org/en/x">{LRI}RSF{PDI}</a>' in marked
    assert f"{LRI}2024{PDI}" in marked
    assert "قزاقستان" in marked and LRI + "قزاقستان" not in marked
    assert isolate("a &amp; b").count("&amp;") == 1  # entities stay whole


@pytest.mark.parametrize("lang", ["ar", "fa"])
async def test_a_card_in_a_right_to_left_language(bot: RunningBot, lang: str) -> None:
    sent = await bot.ask(QUESTIONS[lang], language_code="en")
    assert lang_shown(bot, 1001) == lang
    for call in sent.calls:
        html_text = str(call.params.get("text") or call.params.get("caption"))
        visible, _ = parse_html(html_text)  # still valid Telegram HTML
        assert visible.startswith(RLM)
        for tag in re.findall(r"<[^>]*>", html_text):
            assert not BIDI.search(tag), tag  # never inside a tag or an attribute
        assert len(visible) <= 4096
    assert f"{LRI}149{PDI}" in sent.html  # the rank
    assert f"{LRI}34.41{PDI}" in sent.html  # the score
    assert kazakhstan(lang) in sent.text
    for button in sent.buttons():
        assert not BIDI.search(button["callback_data"])
