"""Tests of the fake Bot API server itself (tests/fakebotapi.py)."""

from __future__ import annotations

import asyncio
import struct
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from fakebotapi import NOT_MODIFIED, QUERY_TOO_OLD, FakeBotAPI, parse_html
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

TOKEN = "123456:TEST-TOKEN"
pytestmark = pytest.mark.timeout(20)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(token=TOKEN, bot_username="pressfreedom_bot") as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as client:
        yield client


async def raw(api: FakeBotAPI, method: str, token: str = TOKEN, **params: Any) -> Any:
    """POST a JSON body directly, bypassing python-telegram-bot's own checks."""
    url = api.base_url.removesuffix("bot") + f"bot{token}/{method}"
    async with aiohttp.ClientSession() as session, session.post(url, json=params) as resp:
        body = await resp.json()
        assert body["ok"] == (resp.status == 200)
        return body


def png_header(width: int, height: int) -> bytes:
    """Just enough of a PNG for the fake to read its dimensions from the IHDR chunk."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", width, height) + bytes(50)


def test_html_validator_accepts_telegram_html() -> None:
    text, entities = parse_html(
        '<b>x</b> &lt;a&gt; <a href="https://rsf.org/en/index">RSF</a> <code>1</code> '
        "<blockquote expandable>q</blockquote> &#127758;&#x41; <span class=\"tg-spoiler\">s</span>"
    )
    assert text == "x <a> RSF 1 q 🌎A s"
    assert [e["type"] for e in entities] == [
        "bold", "text_link", "code", "expandable_blockquote", "spoiler"]
    assert entities[1] == {"type": "text_link", "offset": 6, "length": 3,
                           "url": "https://rsf.org/en/index"}
    assert entities[-1]["offset"] == 18  # UTF-16 offsets: the globe emoji counts twice


@pytest.mark.parametrize(("html", "message"), [
    ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
    ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
    ("a < b", 'Unsupported start tag "" at byte offset 2'),
    ("&nbsp;", 'unsupported HTML entity "&nbsp;"'),
    ("<b><i>x</b></i>", 'expected "</i>", found "</b>"'),
    ("AT&T", 'character "&" must be escaped'),
    ("x</b>", "Unexpected end tag"),
    ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler"'),
])
def test_html_validator_rejects(html: str, message: str) -> None:
    with pytest.raises(Exception, match="can't parse entities") as info:
        parse_html(html)
    assert message in str(info.value)


async def test_text_length_counted_after_entity_parsing(api: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(1, "x" * 4096)
    await bot.send_message(1, "&lt;" * 4096, parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(1, "x" * 4097)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(1, "<b>" + "&amp;" * 4097 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="text is empty"):
        await bot.send_message(1, "<b> </b>", parse_mode="HTML")
    assert len(api.sent("sendMessage", chat_id=1)) == 2


async def test_send_message_result_parses_and_ids_increment(api: FakeBotAPI, bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more:1")]])
    first = await bot.send_message(7, "<b>Hi</b>", parse_mode="HTML", reply_markup=markup)
    second = await bot.send_message(7, "again")
    other = await bot.send_message(8, "other")
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.text_html == "<b>Hi</b>" and first.reply_markup == markup
    assert first.from_user is not None and first.from_user.username == "pressfreedom_bot"
    assert [m["text"] for m in api.chat_messages(7)] == ["Hi", "again"]


async def test_real_application_echo(api: FakeBotAPI) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_text(update.effective_message.text.upper())

    app = (ApplicationBuilder().token(TOKEN).base_url(api.base_url)
           .base_file_url(api.base_file_url).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        api.inject_message("hello", user_id=42)
        [call] = await api.wait_for("sendMessage")
        assert call.ok and call.params == {"chat_id": 42, "text": "HELLO"}
    finally:
        started = time.monotonic()
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert time.monotonic() - started < 3
    assert [c.method for c in api.calls[:2]] == ["getMe", "deleteWebhook"]
    assert not api.updates  # acknowledged through the offset of the last getUpdates


async def test_get_updates_long_poll_and_offset() -> None:
    async with FakeBotAPI(token=TOKEN, max_poll_timeout=0.3) as api:
        await check_long_poll_and_offset(api)


async def check_long_poll_and_offset(api: FakeBotAPI) -> None:
    started = time.monotonic()
    assert (await raw(api, "getUpdates", timeout=30))["result"] == []
    assert 0.25 < time.monotonic() - started < 1  # timeout capped at max_poll_timeout
    poll = asyncio.create_task(raw(api, "getUpdates", timeout=1))
    await asyncio.sleep(0.05)
    update = api.inject_message("/start@pressfreedom_bot now", chat_type="group")
    assert (await poll)["result"] == [update]
    second = api.inject_message("x")
    assert second["update_id"] == update["update_id"] + 1
    result = await raw(api, "getUpdates", offset=update["update_id"] + 1)
    assert result["result"] == [second]
    assert api.inject_raw({"bogus": True}) == {"bogus": True, "update_id": second["update_id"] + 1}
    entity = update["message"]["entities"][0]
    assert entity == {"type": "bot_command", "offset": 0, "length": 23}
    assert update["message"]["chat"]["type"] == "group"


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_429_then_success(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", status=429, retry_after=2)
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "hi")
    assert api.calls[-1].response == {
        "ok": False, "error_code": 429, "description": "Too Many Requests: retry after 2",
        "parameters": {"retry_after": 2}}
    await bot.send_message(1, "hi")
    assert [c.status for c in await api.wait_for("sendMessage", count=2)] == [429, 200]
    assert len(api.sent()) == 1 and len(api.faults) == 1


async def test_5xx_drop_and_delay(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", status=500)
    with pytest.raises(NetworkError):
        await bot.send_message(1, "a")
    assert api.calls[-1].response == {
        "ok": False, "error_code": 500, "description": "Internal Server Error"}
    api.drop_next("sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(1, "b")
    assert api.calls[-1].status == 0
    api.delay_next("sendMessage", 0.3)
    started = time.monotonic()
    await bot.send_message(1, "c")
    assert time.monotonic() - started >= 0.3
    assert [f.kind for f in api.faults] == ["fail", "drop", "delay"]


async def test_callback_data_and_button_validation(bot: Bot) -> None:
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="é" * 32)]])
    await bot.send_message(1, "fits", reply_markup=ok)  # 64 bytes
    for markup in (
        {"inline_keyboard": [[{"text": "x", "callback_data": "a" * 65}]]},
        {"inline_keyboard": [[{"text": "x", "callback_data": ""}]]},
    ):
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(1, "x", api_kwargs={"reply_markup": markup})
    with pytest.raises(BadRequest, match=r"(?i)text buttons are unallowed"):
        await bot.send_message(1, "x", api_kwargs={"reply_markup": {"inline_keyboard": [
            [{"text": "x"}]]}})


async def test_message_not_modified(api: FakeBotAPI, bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="a")]])
    msg = await bot.send_message(1, "<b>v1</b>", parse_mode="HTML", reply_markup=markup)
    edited = await bot.edit_message_text("v2", 1, msg.message_id, reply_markup=markup)
    assert not isinstance(edited, bool) and edited.text == "v2"
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("v2", 1, msg.message_id, reply_markup=markup)
    assert api.calls[-1].response is not None
    assert api.calls[-1].response["description"] == NOT_MODIFIED
    await bot.edit_message_text("v2", 1, msg.message_id)  # dropping the keyboard is a change
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(1, msg.message_id)
    assert "reply_markup" not in api.chat_messages(1)[0]
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", 1, 999)


async def test_callback_and_inline_queries(api: FakeBotAPI, bot: Bot) -> None:
    msg = await bot.send_message(5, "pick", reply_markup=InlineKeyboardMarkup(
        [[InlineKeyboardButton("a", callback_data="a")]]))
    update = api.inject_callback("a", message=msg.to_dict(), user_id=5)
    query_id = update["callback_query"]["id"]
    assert Update.de_json(update, bot).callback_query.message.text == "pick"  # type: ignore[union-attr]
    assert await bot.answer_callback_query(query_id)
    for bad_id in (query_id, "nope"):
        with pytest.raises(BadRequest, match="Query is too old"):
            await bot.answer_callback_query(bad_id)
    assert api.calls[-1].response is not None
    assert api.calls[-1].response["description"] == QUERY_TOO_OLD

    inline_id = api.inject_inline_query("fra", user_id=5)["inline_query"]["id"]
    article = {"type": "article", "title": "t", "input_message_content": {"message_text": "x"}}
    too_many = [{**article, "id": str(i)} for i in range(51)]
    assert (await raw(api, "answerInlineQuery", inline_query_id=inline_id, results=too_many)
            )["description"] == "Bad Request: RESULTS_TOO_MUCH"
    bad_html = [{**article, "id": "1", "input_message_content": {
        "message_text": "<p>x</p>", "parse_mode": "HTML"}}]
    assert "can't parse entities" in (await raw(
        api, "answerInlineQuery", inline_query_id=inline_id, results=bad_html))["description"]
    assert (await raw(api, "answerInlineQuery", inline_query_id=inline_id,
                      results=too_many[:50]))["ok"]


async def test_photo_upload_is_multipart_and_recorded(api: FakeBotAPI, bot: Bot) -> None:
    image = png_header(300, 150)
    msg = await bot.send_photo(3, image, caption="<i>chart</i>", parse_mode="HTML")
    assert (msg.photo[-1].width, msg.photo[-1].height) == (300, 150)
    assert msg.caption == "chart" and api.sent("sendPhoto")[0].params["photo"] == image
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_photo(3, image, caption="c" * 1025)


async def test_auth_case_insensitive_unknown_methods_and_blocking(
        api: FakeBotAPI, bot: Bot) -> None:
    assert await raw(api, "getMe", token="1:wrong") == {
        "ok": False, "error_code": 401, "description": "Unauthorized"}
    with pytest.raises(InvalidToken):
        await Bot("1:wrong", base_url=api.base_url).get_me()
    assert (await raw(api, "GETME"))["result"]["supports_inline_queries"] is True
    assert await raw(api, "setChatMenuButton") == {"ok": True, "result": True}
    api.block_chat(9)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(9, "hi")
    assert api.calls[-1].status == 403 and api.sent(chat_id=9) == []


async def test_chat_member_chat_and_commands(api: FakeBotAPI, bot: Bot) -> None:
    api.inject_message("hi", chat_id=-100, user_id=5, chat_type="supergroup")
    assert (await bot.get_chat_member(-100, 5)).status == "member"
    api.set_member_status(-100, 5, "administrator")
    assert (await bot.get_chat_member(-100, 5)).status == "administrator"
    assert (await bot.get_chat(-100)).type == "supergroup"
    await bot.set_my_commands([("index", "Press freedom index")], language_code="fr")
    assert [c.command for c in await bot.get_my_commands(language_code="fr")] == ["index"]
    assert api.commands_for("fr") == [{"command": "index", "description": "Press freedom index"}]
    for commands in ([("Index", "x")], [("x" * 33, "x")], [("ok", "")], [("c", "d")] * 101):
        with pytest.raises(BadRequest):
            await bot.set_my_commands(commands)


async def test_wait_for_reports_what_was_received(api: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(1, "something else")
    with pytest.raises(AssertionError, match=r"(?s)expected 1 call\(s\) of sendPhoto.*something"):
        await api.wait_for("sendPhoto", timeout=0.2)


# --- files users send: getFile and the download path ---------------------------------------


async def test_get_file_and_download_as_telegram_serves_them(api: FakeBotAPI, bot: Bot,
                                                             tmp_path: Any) -> None:
    """A document's file_id → getFile's file_path and file_size → the bytes at
    base_file_url, through python-telegram-bot's own File download."""
    data = b"alias,code,lang\nQazaqstan,KAZ,kk\n"
    update = api.inject_document(data, file_name="aliases.csv", user_id=7)
    document = update["message"]["document"]
    assert document["file_size"] == len(data) and document["file_name"] == "aliases.csv"
    file = await bot.get_file(document["file_id"])
    assert file.file_size == len(data)
    assert file.file_path is not None and file.file_path.endswith(".csv")
    assert file.file_path.startswith(api.base_file_url + TOKEN + "/documents/")
    assert await file.download_as_bytearray() == bytearray(data)
    target = await file.download_to_drive(tmp_path / "got.csv")
    assert target.read_bytes() == data
    assert [c.status for c in api.calls if c.method == "downloadFile"] == [200, 200]


async def test_get_file_refuses_as_telegram_does(api: FakeBotAPI, bot: Bot) -> None:
    """An unknown file_id, a file over 20 MB (the Bot API's download limit), and a path
    with another token or never handed out by getFile."""
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("BQACAgIAAxkBAAI999DOC")
    big = api.inject_document(bytes(20 * 2**20 + 1), file_name="big.csv")
    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(big["message"]["document"]["file_id"])
    small = api.inject_document(b"x;y;z;w\n", file_name="small.csv")
    exactly = api.inject_document(bytes(20 * 2**20), file_name="limit.csv")
    assert (await bot.get_file(exactly["message"]["document"]["file_id"])).file_size == 20 << 20
    file = await bot.get_file(small["message"]["document"]["file_id"])
    assert file.file_path is not None
    path = file.file_path.removeprefix(api.base_file_url + TOKEN)
    root = api.base_file_url
    async with aiohttp.ClientSession() as session:
        for url in (f"{root}999:WRONG{path}", f"{root}{TOKEN}/documents/file_99.csv"):
            async with session.get(url) as resp:
                assert resp.status == 404
        async with session.get(f"{root}{TOKEN}{path}") as resp:
            assert resp.status == 200 and await resp.read() == b"x;y;z;w\n"
