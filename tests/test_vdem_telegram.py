"""V-Dem on Telegram end to end, reached without understanding any new words: the country
card (/country), its V-Dem button, the buttons under V-Dem's answers, deep links, /help's
example, /about and inline cards.

The real Application runs against the fake Bot API (``telegram_harness``), which refuses
what Telegram refuses; expected figures come from the shipped CSVs (:mod:`vdem_source`,
:mod:`rsf_csv`).
"""

from __future__ import annotations

import pytest
import rsf_csv as rsf
import vdem_source as vdem
from telegram_harness import RunningBot

pytestmark = pytest.mark.timeout(60)

LATEST = vdem.latest_year()


def figure(code: str, year: int, measure: str, lang: str = "en") -> str:
    number = vdem.value(code, year, measure)
    assert number is not None
    return vdem.shown(number, measure, lang)


def line_of(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


async def test_the_card_v_dem_button_its_chart_and_rsf_beside_it(bot: RunningBot) -> None:
    sent = await bot.ask("/country Kazakhstan")
    card = line_of(sent.text, "🔎 V-Dem")
    for measure in ("v2mecenefm", "v2meharjrn", "v2meslfcen"):
        found, of = vdem.place("KAZ", LATEST, measure)
        assert f"{figure('KAZ', LATEST, measure)} ({vdem.english_place(found, of)})" in card
    assert 'href="https://v-dem.net/' in sent.html

    pressed = await bot.press(sent.button(lambda b: b["text"] == "🔎 V-Dem")["callback_data"],
                              sent.last)
    assert len(pressed.answers) == 1 and pressed.answers[0].ok
    [edit] = pressed.edits  # the history replaces the card in place
    history = edit.result["text"]
    assert line_of(history, f"{LATEST} ").split()[1:] == [
        figure("KAZ", LATEST, m) for m in ("v2mecenefm", "v2meharjrn", "v2meslfcen")]
    first = vdem.years_of("KAZ")[0]
    assert line_of(history, f"{first} ").split()[0] == str(first)  # before RSF's index

    chart = next(b for row in edit.result["reply_markup"]["inline_keyboard"] for b in row
                 if b["callback_data"].startswith("gv:h:har:"))
    pressed = await bot.press(chart["callback_data"], edit.result)
    [photo] = [c for c in pressed.sent.calls if c.method == "sendPhoto"]
    assert photo.params["photo"][:8] == b"\x89PNG\r\n\x1a\n"
    assert f"{figure('KAZ', LATEST, 'v2meharjrn')} in {LATEST}" in photo.result["caption"]

    agree = next(b for row in edit.result["reply_markup"]["inline_keyboard"] for b in row
                 if b["callback_data"].startswith("v:a:"))
    pressed = await bot.press(agree["callback_data"], edit.result)
    [edit] = pressed.edits
    text = edit.result["text"]
    assert f"RSF, score: {rsf.shown(rsf.year(LATEST + 1)['KAZ'].score)}" in text
    assert "They measure differently" in text


async def test_the_russian_card_and_women_journalists_by_deep_link(bot: RunningBot) -> None:
    sent = await bot.ask("/country Казахстан", language_code="ru")
    card = line_of(sent.text, "🔎 V-Dem")
    assert f"{LATEST} год" in card and figure("KAZ", LATEST, "v2mecenefm", "ru") in card
    sent = await bot.ask(f"/start v-h-fem-KAZ-{LATEST}--", language_code="ru")
    found, of = vdem.place("KAZ", LATEST, "v2mefemjrn")
    assert (f"{figure('KAZ', LATEST, 'v2mefemjrn', 'ru')} % ({vdem.russian_place(found, of)})"
            in sent.text)
    assert "доля женщин среди журналистов" in sent.text


async def test_the_scatter_by_deep_link(bot: RunningBot) -> None:
    sent = await bot.ask(f"/start gv-s--KAZNOR-{LATEST}--")
    [photo] = [c for c in sent.calls if c.method == "sendPhoto"]
    caption = photo.result["caption"]
    assert "Kazakhstan: " + figure("KAZ", LATEST, "v2mecenefm") in caption
    assert f"RSF {rsf.shown(rsf.year(LATEST + 1)['NOR'].score)}" in caption


async def test_help_offers_v_dem_to_tap(bot: RunningBot) -> None:
    sent = await bot.ask("/help")
    assert "censorship in Kazakhstan since 1990" in sent.text
    pressed = await bot.press(sent.button(lambda b: "V-Dem" in b["text"])["callback_data"],
                              sent.last)
    [edit] = pressed.edits
    assert line_of(edit.result["text"], "1990 ").split()[1:] == [
        figure("KAZ", 1990, m) for m in ("v2mecenefm", "v2meharjrn", "v2meslfcen")]


@pytest.mark.parametrize(("lang", "words"), [("en", "Second source"),
                                             ("ru", "Второй источник")])
async def test_about_credits_v_dem_beside_rsf(bot: RunningBot, lang: str, words: str) -> None:
    sent = await bot.ask("/about", language_code=lang)
    years = sorted({year for _, year in vdem.rows()})
    assert words in sent.text and f"{years[0]}–{years[-1]}" in sent.text
    assert "CC BY-SA 4.0" in sent.text
    assert 'href="https://rsf.org/en/index"' in sent.html
    assert 'href="https://v-dem.net/' in sent.html


async def test_inline_cards_carry_the_v_dem_line(bot: RunningBot) -> None:
    call = await bot.inline("kazakhstan")
    texts = [r["input_message_content"]["message_text"] for r in call.params["results"]
             if "input_message_content" in r]
    assert any(figure("KAZ", LATEST, "v2mecenefm") in text for text in texts)


async def test_junk_v_dem_links_greet(bot: RunningBot) -> None:
    for payload in ("v-h-xyz-KAZ---", "v-q--KAZ---", "gv-r-cen--2023--", "v-h--ZZZ---"):
        sent = await bot.ask(f"/start {payload}")
        assert sent.text.startswith("Press Freedom Bot answers from RSF"), payload
