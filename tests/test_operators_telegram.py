"""Operators update the data from Telegram (issue 16): a document sent, downloaded with
getFile from the fake Bot API for real, its dry run shown with Import and Cancel, a
profile page pasted after /import, /undo with a confirmation.  Everyone else's document
gets the ordinary reply and changes nothing.

The real Application against the fake Bot API, a real database file; "unchanged" is the
SQL dump of the data tables (test_history.data_dump).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from telegram_harness import ADMIN_ID, USER_ID, Pressed, RunningBot, Sent, modified_csv
from test_history import CSV_DIR, PROFILE, data_dump, rows
from test_operations_live import alerts_to
from vdem_source import VDEM_CSV

from bot.i18n import t
from bot.importer import read_text

pytestmark = pytest.mark.timeout(60)


async def send_file(bot: RunningBot, data: bytes, name: str | None, *,
                    user_id: int = ADMIN_ID, caption: str | None = None,
                    declared_size: int | None = None) -> Sent:
    """A user sends a document in their private chat; what the bot answered."""
    before = len(bot.api.calls)
    update = bot.api.inject_document(data, file_name=name, user_id=user_id, caption=caption,
                                     declared_size=declared_size)
    await bot.settle(update, timeout=20)
    return Sent(bot.outgoing(user_id, before))


def button_data(sent: Sent, text: str) -> str:
    return str(sent.button(lambda b: b["text"] == text)["callback_data"])


async def press(bot: RunningBot, sent: Sent, text: str, user_id: int = ADMIN_ID) -> Pressed:
    return await bot.press(button_data(sent, text), sent.last, user_id=user_id, timeout=20)


def pending_files(bot: RunningBot) -> list[Path]:
    root = bot.app.bot_data.pending._root
    return sorted(p for p in root.rglob("*") if p.is_file()) if root is not None else []


def next_year(tmp_path: Path, delta: float) -> tuple[bytes, dict[str, float]]:
    path = tmp_path / "2027.csv"
    scores = modified_csv(CSV_DIR / "2026.csv", path, year=2027, delta=delta)
    return path.read_bytes(), scores


IMPORT, CANCEL, UNDO = t("en", "op_import"), t("en", "op_cancel"), t("en", "op_undo")


def visible(key: str, **values: object) -> str:
    """An interface string as Telegram shows it (tags gone, entities read)."""
    return html.unescape(re.sub(r"<[^>]+>", "", t("en", key, **values)))


async def test_an_operator_imports_undoes_and_imports_again_and_a_subscriber_hears_once(
        bot: RunningBot, tmp_path: Path) -> None:
    db = bot.settings.db_path
    subscriber = 61
    assert "Subscribed" in (await bot.ask("/subscribe Kazakhstan", user_id=subscriber)).text
    await bot.run_alert_job()  # the first run records 2026 as announced
    before = data_dump(db)
    data, scores = next_year(tmp_path, delta=-1.5)

    preview = await send_file(bot, data, "2027.csv")
    assert [c.status for c in bot.api.calls if c.method == "downloadFile"] == [200]
    assert preview.texts[0].startswith("Dry run: nothing changes until you press Import.")
    assert "would import 2027.csv: csv 2027: 180 rows, 180 added, 0 changed, 0 unchanged" \
        in preview.text
    assert "release alert: the 2027 index goes to 1 subscribed chat(s)" in preview.text
    assert "nothing was changed (dry run)" in preview.text
    assert [b["text"] for b in preview.buttons()] == [IMPORT, CANCEL]
    assert all(len(b["callback_data"].encode()) <= 64 for b in preview.buttons())
    assert data_dump(db) == before

    done = await press(bot, preview, IMPORT)
    assert len(done.answers) == 1
    assert [c.method for c in bot.api.calls[-4:]].count("editMessageReplyMarkup") == 1
    assert done.sent.texts[0].startswith("Imported.")
    assert "imported 2027.csv: csv 2027: 180 rows, 180 added" in done.sent.text
    assert re.search(rf"change #\d+ by {ADMIN_ID} \(telegram\); to take it back: /undo",
                     done.sent.text)
    served = await bot.ask("Kazakhstan")
    assert "Index 2027" in served.text and f"Score {scores['KAZ']:.2f}" in served.text
    assert not pending_files(bot)

    again = await bot.press(button_data(preview, IMPORT), preview.last, user_id=ADMIN_ID)
    assert [a.params.get("text") for a in again.answers] == [t("en", "op_expired")]
    assert not again.sent.calls  # a second press changes nothing and says nothing more

    await bot.run_alert_job()
    assert len(alerts_to(bot.api, subscriber)) == 1
    assert "2027 is out" in alerts_to(bot.api, subscriber)[0]

    offer = await bot.ask("/undo", user_id=ADMIN_ID)
    assert offer.texts[0].startswith("Undo? Nothing changes until you press Undo.")
    assert "index years going: 2027" in offer.text
    assert f"by {ADMIN_ID} (telegram): 2027.csv csv 2027" in offer.text
    undone = await press(bot, offer, UNDO)
    assert undone.sent.texts[0].startswith("Undone.")
    assert "release alerts: announced year 2027 → 2026" in undone.sent.text
    assert data_dump(db) == before
    assert "Index 2026" in (await bot.ask("Kazakhstan")).text
    twice = await bot.press(button_data(offer, UNDO), offer.last, user_id=ADMIN_ID)
    assert "was already undone" in twice.sent.text and data_dump(db) == before

    preview = await send_file(bot, data, "2027.csv")
    assert "release alert" not in preview.text  # that chat was alerted for 2027 already
    await press(bot, preview, IMPORT)
    assert "Index 2027" in (await bot.ask("Kazakhstan")).text
    await bot.run_alert_job()
    await bot.run_alert_job()
    assert len(alerts_to(bot.api, subscriber)) == 1  # imported, undone, imported: one alert
    status = await bot.ask("/status", user_id=ADMIN_ID)
    assert f"import by {ADMIN_ID} (telegram), live, the next undo takes it back" in status.text
    assert f"undo by {ADMIN_ID} (telegram): undid #" in status.text
    assert "undo history: 1 of the last 10 changes kept" in status.text


async def test_a_broken_file_is_refused_with_its_line_and_nothing_changes(
        bot: RunningBot) -> None:
    lines = read_text(CSV_DIR / "2026.csv").split("\n")
    cells = lines[4].split(";")
    cells[1] = "12,5x"  # the score of the fourth country
    lines[4] = ";".join(cells)
    before = data_dump(bot.settings.db_path)
    refused = await send_file(bot, "\n".join(lines).encode(), "2026 fixed.csv")
    assert re.match(r"Refused: 2026_fixed\.csv:5:\d+: ", refused.text), refused.text
    assert "Nothing was changed." in refused.text
    assert str(bot.settings.db_path) not in refused.html and "/tmp" not in refused.html
    assert not refused.buttons()
    assert data_dump(bot.settings.db_path) == before
    assert not pending_files(bot)


async def test_a_file_the_data_already_holds_offers_nothing_to_import(bot: RunningBot) -> None:
    sent = await send_file(bot, (CSV_DIR / "2025.csv").read_bytes(), "2025.csv")
    assert sent.texts[0].startswith(visible("op_same"))
    assert "180 rows, 0 added, 0 changed, 180 unchanged" in sent.text
    assert not sent.buttons() and not pending_files(bot)


async def test_cancel_changes_nothing(bot: RunningBot, tmp_path: Path) -> None:
    data, _ = next_year(tmp_path, delta=2.0)
    before = data_dump(bot.settings.db_path)
    preview = await send_file(bot, data, "2027.csv")
    assert pending_files(bot)
    cancelled = await press(bot, preview, CANCEL)
    assert cancelled.sent.texts == [t("en", "op_cancelled")]
    assert not pending_files(bot)
    late = await bot.press(button_data(preview, IMPORT), preview.last, user_id=ADMIN_ID)
    assert [a.params.get("text") for a in late.answers] == [t("en", "op_expired")]
    assert data_dump(bot.settings.db_path) == before
    assert "Index 2026" in (await bot.ask("Kazakhstan")).text


async def test_a_non_operator_document_changes_nothing(bot: RunningBot, tmp_path: Path) -> None:
    data, _ = next_year(tmp_path, delta=2.0)
    before = data_dump(bot.settings.db_path)
    sent = await send_file(bot, data, "2027.csv", user_id=USER_ID)
    assert sent.texts == [visible("none")]  # what the bot says to anything it cannot place
    assert not [c for c in bot.api.calls if c.method in ("getFile", "downloadFile")]
    for command in ("/undo", "/import", "/done"):
        assert (await bot.ask(command, user_id=USER_ID)).texts == [t("en", "unknown_command")]
    forged = await bot.press("undo:1:y", sent.last, user_id=USER_ID)
    assert [a.params.get("text") for a in forged.answers] == [t("en", "stale_button")]
    assert data_dump(bot.settings.db_path) == before
    assert rows(bot.settings.db_path, "SELECT count(*) FROM changes WHERE via = 'telegram'") \
        == [(0,)]


async def test_a_file_over_telegrams_limit_is_refused_with_the_reason(bot: RunningBot) -> None:
    sent = await send_file(bot, b"Index 2024\n", "huge.csv", declared_size=(20 << 20) + 1)
    assert sent.texts == [visible("op_too_big", size="20.0")]
    assert not [c for c in bot.api.calls if c.method in ("getFile", "downloadFile")]
    # Telegram's own refusal when the message did not say how big the file is.
    bot.api.files["big"] = bytes((20 << 20) + 1)
    update = bot.api.inject_document(b"", file_name="big.csv", declared_size=0)
    update["message"]["document"]["file_id"] = "big"
    del update["message"]["document"]["file_size"]
    await bot.settle(update)
    [reply] = [c.result["text"] for c in bot.outgoing(ADMIN_ID)][-1:]
    assert reply.startswith("Telegram lets bots download files of up to 20 MB")


async def test_a_pasted_profile_page_is_imported_after_done(bot: RunningBot) -> None:
    db = bot.settings.db_path
    page = read_text(PROFILE).replace("Security agents from the government",
                                      "Security agents of the government")
    middle = len(page) // 2
    started = await bot.ask("/import " + page[:middle], user_id=ADMIN_ID)
    assert started.texts[0].startswith("Part 1 received")
    second = await bot.ask(page[middle:], user_id=ADMIN_ID)  # not read as a question
    assert second.texts[0].startswith("Part 2 received")
    preview = await bot.ask("/done", user_id=ADMIN_ID)
    assert "would import pasted.txt: profile 2024 KAZ: 7 rows, 0 added, 1 changed, " \
        "6 unchanged" in preview.text
    assert "sections changed: Social" in preview.text
    await press(bot, preview, IMPORT)
    [(text,)] = rows(db, "SELECT text FROM profiles WHERE code = 'KAZ' AND year = 2024 "
                         "AND section = 'social'")
    assert "Security agents of the government" in str(text)
    assert (await bot.ask("/done", user_id=ADMIN_ID)).texts == [t("en", "op_paste_empty")]
    assert (await bot.ask("/undo", user_id=ADMIN_ID)).buttons()


async def test_nothing_to_undo_offers_no_button(bot: RunningBot) -> None:
    offer = await bot.ask("/undo", user_id=ADMIN_ID)
    assert offer.texts == [t("en", "op_nothing_to_undo", reason=(
        "change #1 is the first build from the shipped data: there is nothing before it to "
        "go back to"))]
    assert not offer.buttons()


async def test_an_operator_imports_a_corrected_v_dem_file_and_undoes_it(
        bot: RunningBot, tmp_path: Path) -> None:
    """V-Dem's file goes the same way: recognised by its content, its dry run counts the
    rows that change, Import serves the new value at once, /undo brings the old one back."""
    shipped = VDEM_CSV.read_text(encoding="utf-8").split("\n")
    header = shipped[0].split(",")
    code_at, year_at, measure_at = (header.index(c) for c in
                                    ("country_text_id", "year", "v2mefemjrn"))
    row = next(i for i, line in enumerate(shipped)
               if line.split(",")[code_at] == "KAZ" and line.split(",")[year_at] == "2023")
    cells = shipped[row].split(",")
    old = cells[measure_at]
    cells[measure_at] = "61.5"
    shipped[row] = ",".join(cells)
    asked = "women journalists in Kazakhstan"
    assert f"{float(old):.1f}" in (await bot.ask(asked)).text

    preview = await send_file(bot, "\n".join(shipped).encode(), "vdem_media_v14.csv")
    assert preview.texts[0].startswith(visible("op_preview"))
    assert "1 changed" in preview.text and "vdem 2023" in preview.text
    assert "61.5" not in (await bot.ask(asked)).text  # a dry run changes nothing

    done = await press(bot, preview, IMPORT)
    assert done.sent.texts[0].startswith(visible("op_committed"))
    assert "61.5" in (await bot.ask(asked)).text

    confirm = await bot.ask("/undo", user_id=ADMIN_ID)
    undone = await press(bot, confirm, UNDO)
    assert undone.sent.texts[0].startswith(visible("op_undone"))
    assert f"{float(old):.1f}" in (await bot.ask(asked)).text
