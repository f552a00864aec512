"""Replies for each intent through the whole pipeline (understand → answer → render).

Every message checked here is also validated with the fake Bot API's HTML parser, which
refuses exactly what Telegram refuses, and measured against the 4096-character limit.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fakebotapi import parse_html
from msgspec.structs import replace
from replies import text_of as valid

from bot.answer import ProfileAnswer, answer
from bot.pipeline import Pipeline, Reply
from bot.query import Query
from bot.render import MAX_MESSAGE, pack, render, split_text, visible_length

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Pipeline:
    return Pipeline.open(db_path)



def test_profile_with_topic(pipeline: Pipeline) -> None:
    reply = pipeline.ask("are journalists safe in Kazakhstan?")
    assert (reply.query.intent, reply.query.countries, reply.query.topic) == (
        "profile",
        ("KAZ",),
        "safety",
    )
    text = valid(reply)
    assert "Rank 149 of 180" in text and "Score 34.41" in text
    assert "Very serious situation" in text
    assert "Since 2025: rank ▼8 (141 → 149), score -4.93" in text
    # The asked topic's indicator comes first, with its rank.
    indicators = text.split("Indicators")[1]
    assert indicators.index("Safety") < indicators.index("Political")
    assert "43.09  138" in indicators
    assert "Pegasus Project revealed" in text  # the heading-less Safety section of the profile
    assert "rsf.org/en/country/kazakhstan" in reply.messages[-1]
    assert "Reporters Without Borders (RSF), World Press Freedom Index" in text


def test_profile_summary_in_russian(pipeline: Pipeline) -> None:
    reply = pipeline.ask("Казахстан")
    text = valid(reply)
    assert reply.query.lang == "ru"
    assert "Казахстан" in text and "Место 149 из 180" in text
    assert "Обзор" in text and "repression is modernising" in text  # RSF's text as published


def test_profile_without_rsf_text_links_the_page(pipeline: Pipeline) -> None:
    text = valid(reply := pipeline.ask("Norway"))
    assert "Rank 1 of 180" in text and "92.72" in text
    assert "not in our database" in text
    assert 'href="https://rsf.org/en/country/norway"' in reply.messages[0]


def test_era_break_is_always_said(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("Kazakhstan since 2019"))
    assert "2019     158/180" in text and "2026     149/180" in text
    assert "not comparable" in text
    text = valid(pipeline.ask("Kazakhstan in 2022"))
    assert "Since 2021: rank ▲33 (155 → 122)" in text
    assert "score" not in text.split("Since 2021")[1].split("\n")[0]  # no cross-era delta
    assert "not comparable" in text


def test_old_scale_is_labelled(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("Finland 2002"))
    assert "2002–2012 method: lower is freer" in text


def test_missing_year_shows_the_nearest(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("Kazakhstan in 2011"))  # RSF's combined 2011–12 index
    assert "World Press Freedom Index 2011–12" in text and "There is no" not in text
    text = valid(pipeline.ask("Kazakhstan in 2030"))
    assert "There is no 2030 index; showing 2026." in text


def test_compare_table(pipeline: Pipeline) -> None:
    reply = pipeline.ask("compare Norway and Finland")
    assert reply.query.intent == "compare" and reply.query.countries == ("NOR", "FIN")
    text = valid(reply)
    lines = [line for line in text.splitlines() if re.match(r"(NOR|FIN) +\d", line)]
    assert lines[0].split()[:3] == ["NOR", "1", "92.72"]
    assert lines[1].split()[:3] == ["FIN", "6", "86.22"]


def test_compare_puts_topic_indicator_first(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("compare safety in Norway and Kazakhstan"))
    header = next(line for line in text.splitlines() if "rank" in line and "score" in line)
    assert header.split()[2] == "Saf"


def test_ranking_region_and_indicator(pipeline: Pipeline) -> None:
    reply = pipeline.ask("worst in Asia")
    assert reply.query.intent == "ranking"
    text = valid(reply)
    assert "Asia-Pacific" in text and "North Korea" in text
    text = valid(pipeline.ask("most dangerous countries for journalists"))
    assert "safety indicator" in text
    assert text.index("Eritrea") < text.index("China")
    text = valid(pipeline.ask("top 5"))
    assert text.count("\n") >= 5 and "1. 🇳🇴 Norway" in text


def test_ranking_position(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("which country is 142nd"))
    assert "142. 🇯🇴 Jordan" in text


def test_search_profiles(pipeline: Pipeline) -> None:
    reply = pipeline.ask("which countries mention Pegasus")
    assert reply.query.intent == "search"
    text = valid(reply)
    assert "Kazakhstan" in text and "Pegasus" in text


def test_help_and_chitchat(pipeline: Pipeline) -> None:
    assert "World Press Freedom Index" in valid(pipeline.ask("help"))
    reply = pipeline.ask("hello")
    assert reply.query.intent == "none" and reply.query.countries == ()
    assert "Kazakhstan" in valid(reply)  # a pointer to what can be asked


def test_follow_up_in_context(pipeline: Pipeline) -> None:
    first = pipeline.ask("are journalists safe in Kazakhstan?")
    added = pipeline.ask("and Norway?", context=first.query)
    assert added.query.intent == "compare" and added.query.countries == ("KAZ", "NOR")
    switched = pipeline.ask("in 2023?", context=first.query)
    assert switched.query.countries == ("KAZ",) and switched.query.year == 2023
    assert pipeline.ask("hello", context=first.query).query.intent == "none"
    switched = pipeline.ask("what about Norway?", context=first.query)
    assert switched.query.countries == ("NOR",) and switched.query.topic == "safety"
    fresh = pipeline.ask("Norway", context=first.query)
    assert fresh.query.countries == ("NOR",) and fresh.query.topic is None
    ranking = pipeline.ask("worst in Africa")
    again = pipeline.ask("in 2023?", context=ranking.query)
    assert again.query.intent == "ranking" and again.query.year == 2023
    assert again.query.ranking == ranking.query.ranking


def test_every_string_of_data_is_escaped(pipeline: Pipeline) -> None:
    snapshot = pipeline.store.snapshot()
    reply = pipeline.ask("Kazakhstan")
    assert isinstance(reply.answer, ProfileAnswer)
    hostile = replace(reply.answer, excerpt='<script>alert("x")</script> & <b>')
    message = render(hostile).messages[0]
    assert "&lt;script&gt;" in message and "&amp; &lt;b&gt;" in message
    parse_html(message)
    query = Query(text="<b>", intent="search", search_terms="<b>&")
    parse_html(render(answer(query, snapshot, pipeline.store)).messages[0])


def test_long_texts_split_between_blocks_and_sentences() -> None:
    sentence = "Journalists <face> pressure & threats. "
    text = "\n\n".join(sentence * 40 for _ in range(10))
    pieces = split_text(text)
    assert len(pieces) > 1 and all(len(p) <= 3500 for p in pieces)
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())
    messages = pack([f"<blockquote>{p}</blockquote>" for p in pieces] * 3)
    assert all(len(m) <= MAX_MESSAGE for m in messages)
    assert all(m.count("<blockquote>") == m.count("</blockquote>") for m in messages)
    assert sum(visible_length(m) for m in messages) > 3 * MAX_MESSAGE


def _ask_cli(*args: str, stdin: str | None = None, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRESSBOT_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_ask_json_shape(db_path: Path) -> None:
    run = _ask_cli(
        "--json", "How free is the press in Kazakhstan?", "compare Norway and Finland", db=db_path
    )
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [sorted(obj) for obj in lines] == [
        ["countries", "intent", "messages", "question", "topic", "year"]
    ] * 2
    assert lines[0]["countries"] == ["KAZ"] and lines[0]["intent"] == "profile"
    assert lines[0]["year"] is None and lines[1]["countries"] == ["NOR", "FIN"]
    assert all(isinstance(m, str) and m for obj in lines for m in obj["messages"])


def test_ask_json_reads_stdin_in_order(db_path: Path) -> None:
    run = _ask_cli("--json", stdin="Mexico in 2023\n\nтоп 3\nhello\n", db=db_path)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    # One object per input line, blank lines included, so outputs line up with inputs.
    assert [obj["question"] for obj in lines] == ["Mexico in 2023", "", "топ 3", "hello"]
    assert lines[0]["year"] == 2023 and lines[0]["countries"] == ["MEX"]
    assert lines[1]["intent"] == "none" and lines[1]["messages"]
    assert lines[2]["intent"] == "ranking" and lines[3]["intent"] == "none"


def test_ask_plain_text(db_path: Path) -> None:
    run = _ask_cli("Kazakhstan", db=db_path)
    assert run.returncode == 0, run.stderr
    assert "Rank 149 of 180" in run.stdout and "<b>" not in run.stdout
    assert "(https://rsf.org/en/country/kazakhstan)" in run.stdout


def test_country_ranked_in_parts(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("USA 2005"))
    assert "United States is not in the 2005 index." in text
    assert "United States (US territory): Rank 44 of 167, score 9.50" in text
    assert "2002–2012 method: lower is freer" in text
    text = valid(pipeline.ask("Serbia 2005"))
    assert "Serbia-Montenegro: Rank 65 of 167" in text
    text = valid(pipeline.ask("Grenada 2010"))
    assert "OECS: Rank 57 of 178" in text


def test_ask_stops_quietly_when_the_reader_goes_away(db_path: Path) -> None:
    env = {**os.environ, "PRESSBOT_DB": str(db_path)}
    run = subprocess.run(
        # ~300 KB of answers: far more than a pipe holds, so the writer meets a closed pipe.
        f"yes Kazakhstan | head -300 | '{sys.executable}' -m bot ask | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert run.stdout.startswith("🇰🇿 Kazakhstan") and run.stderr == ""


def test_json_year_is_the_year_named(pipeline: Pipeline) -> None:
    assert pipeline.ask("Kazakhstan since 2020").as_json()["year"] == 2020
    assert pipeline.ask("Kazakhstan").as_json()["year"] is None


@pytest.mark.parametrize("question", [
    "Kazakhstan since 2020", "compare Norway, Finland and Atlantis", "top 10", "/help",
    "Казахстан", "حرية الصحافة في إيران", "safety in Mexico 2024", "",
    'what about "Norway"\\ \t tab\x01\x1f and \u2028 line?', "hello",
])
def test_the_json_line_is_what_json_dumps_writes(pipeline: Pipeline, question: str) -> None:
    # The line is written without the general encoder: byte for byte json.dumps's, with
    # its separators and escapes (quotes, backslashes, control characters).
    reply = pipeline.ask(question)
    assert reply.json_line() == json.dumps(reply.as_json(), ensure_ascii=False)
    again = pipeline.ask(question)  # from the reply cache, its messages escaped once
    assert again.json_line() == json.dumps(again.as_json(), ensure_ascii=False)


def test_limits_hold_for_long_lists_and_pastes(pipeline: Pipeline) -> None:
    snapshot = pipeline.store.snapshot()
    everyone = ", ".join(c.name_en for c in snapshot.countries.values() if c.last_year == 2026)
    reply = pipeline.ask("compare " + everyone)
    text = valid(reply)
    assert len(reply.query.countries) > 100 and "left out" in text
    assert sum(len(row) for row in reply.rendered.buttons) <= 10
    valid(pipeline.ask("which countries mention " + "x" * 5000))


def test_regional_notes(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("worst in Central Asia"))
    assert "Turkmenistan" in text and "Norway" not in text and "Russia" not in text
    assert "Central Asia is part of RSF's Europe – Central Asia region" in text
    text = valid(pipeline.ask("top 10 by safety in 2021"))
    assert "indicators exist since 2022" in text


def test_former_entities_and_oecs(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("Yugoslavia"))
    assert "Index 2002" in text and "last ranked in 2002" in text
    text = valid(pipeline.ask("Dominica"))
    assert "OECS" in text and "Organisation of Eastern Caribbean States" in text


def test_russian_notes_are_russian(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("Казахстан 2015"))
    assert "методика 2013–2021" in text and "method" not in text


def test_clarify_names_the_candidates(pipeline: Pipeline) -> None:
    reply = pipeline.ask("Austrlia")
    assert set(reply.query.candidates) >= {"AUS", "AUT"}
    text = valid(reply)
    assert "Did you mean" in text and "Australia" in text and "Austria" in text


def test_rsf_links_for_names_with_accents(pipeline: Pipeline) -> None:
    assert (
        'href="https://rsf.org/en/country/cote-divoire"' in pipeline.ask("Ivory Coast").messages[-1]
    )
    assert 'href="https://rsf.org/en/country/turkiye"' in pipeline.ask("Turkey").messages[-1]


def test_rankings_show_ties_and_say_when_capped(pipeline: Pipeline) -> None:
    text = valid(pipeline.ask("top 5 in 2005"))  # seven countries share rank 1 in 2005
    assert text.count("  1. ") == 7 and "2 more shown: they share the last rank." in text
    text = valid(pipeline.ask("top 60"))
    assert "Top 50" in text and "at most 50 countries" in text


def test_search_reads_like_a_question(pipeline: Pipeline) -> None:
    for question in (
        "which countries mention Pegasus in 2024",
        "which countries mention Pegasus in their profile",
        "which countries mention Pegasus and spyware",
    ):
        reply = pipeline.ask(question)
        assert reply.query.intent == "search"
        assert "Kazakhstan" in valid(reply), question


def test_follow_ups_to_a_ranking_and_in_russian(pipeline: Pipeline) -> None:
    asia = pipeline.ask("worst 5 in Asia")
    africa = pipeline.ask("and in Africa?", context=asia.query)
    assert africa.query.ranking is not None and asia.query.ranking is not None
    assert (africa.query.ranking.order, africa.query.ranking.limit) == ("bottom", 5)
    assert africa.query.ranking.region == "africa"
    kaz = pipeline.ask("Казахстан")
    both = pipeline.ask("сравни с Россией", context=kaz.query)
    assert both.query.intent == "compare" and both.query.countries == ("KAZ", "RUS")


# --- the names readers write (issue #13) -----------------------------------------------------


def _title(reply: Reply) -> str:
    return valid(reply).split("\n")[0]


def test_a_name_the_reader_wrote_is_kept(pipeline: Pipeline) -> None:
    # "Кыргызстан" is another Russian name of the country CLDR calls "Киргизия".
    typed = pipeline.ask("Кыргызстан")
    assert typed.query.lang == "ru"
    assert "Кыргызстан" in _title(typed) and "Киргизия" not in valid(typed)
    standard = pipeline.ask("Киргизия")
    assert "Киргизия" in _title(standard) and "Кыргызстан" not in valid(standard)
    # Two wordings, two replies: the cache keyed by the query never mixes them.
    assert typed.query != standard.query
    assert "Кыргызстан" in _title(pipeline.ask("Кыргызстан"))
    # The --json contract is unchanged.
    assert set(typed.as_json()) == {"question", "intent", "countries", "topic", "year",
                                    "messages"}


def test_case_forms_and_typos_are_not_kept(pipeline: Pipeline) -> None:
    # Kyrgyz, inflected: the Kyrgyz name in its dictionary form, not "Кыргызстанда".
    kyrgyz = pipeline.ask("Кыргызстанда басма сөз")
    assert kyrgyz.query.lang == "ky"
    assert "Кыргызстан " in _title(kyrgyz) + " " and "Кыргызстанда" not in valid(kyrgyz)
    # Russian, inflected: read, not shown.
    inflected = pipeline.ask("свобода прессы в Кыргызстане")
    assert "Киргизия" in _title(inflected) and "Кыргызстане" not in _title(inflected)
    # A typo is corrected to CLDR's name, never echoed.
    typo = pipeline.ask("Кыргызтан")
    assert typo.query.countries == ("KGZ",) and not typo.query.typed_names
    assert "Киргизия" in _title(typo) and "Кыргызтан" not in valid(typo)


def test_a_comparison_keeps_the_names_written(pipeline: Pipeline) -> None:
    reply = pipeline.ask("compare Кыргызстан и Казахстан")
    assert reply.query.countries == ("KGZ", "KAZ") and reply.query.lang == "ru"
    text = valid(reply)
    assert "Кыргызстан" in text and "Казахстан" in text and "Киргизия" not in text
    # The buttons carry codes only.
    datas = [b.data for row in reply.rendered.buttons for b in row if b.data]
    assert all("Кыргызстан" not in d for d in datas)


def test_english_other_names(pipeline: Pipeline) -> None:
    # "Burma" is a standard name of the same country (RSF says Myanmar): kept.
    burma = pipeline.ask("Burma")
    assert burma.query.countries == ("MMR",) and "Burma" in _title(burma)
    assert "Myanmar" in _title(pipeline.ask("Myanmar"))
    # Curated-only names are not kept: they mix demonyms and parts of a country.
    assert "Kyrgyzstan" in _title(pipeline.ask("Kyrgyz Republic"))
    assert "United Kingdom" in _title(pipeline.ask("Scotland"))


def test_a_follow_up_keeps_the_name_written(pipeline: Pipeline) -> None:
    first = pipeline.ask("Кыргызстан")
    later = pipeline.ask("а в 2020?", context=first.query)
    assert later.query.countries == ("KGZ",) and "Кыргызстан" in _title(later)
    more = pipeline.ask("и Казахстан?", context=first.query)
    assert more.query.countries == ("KGZ", "KAZ") and "Киргизия" not in valid(more)


def test_questions_are_answered_from_the_old_data_while_a_new_index_is_built(
        db_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new version whose names changed takes seconds to index: the thread that noticed
    it builds the index, the others answer from the version before meanwhile, and every
    question after it has the new data."""
    import threading
    import time

    from bot.importer import import_paths
    from bot.store import Store

    monkeypatch.setenv("PRESSBOT_CACHE", str(tmp_path / "cache"))  # no index on disk yet
    pipeline = Pipeline.open(db_copy)
    try:
        assert pipeline.ask("Fjordland").query.countries == ()
        aliases = tmp_path / "aliases.csv"
        shipped = Path(__file__).resolve().parent.parent / "data" / "aliases.csv"
        aliases.write_text(shipped.read_text(encoding="utf-8") + "Fjordland,NOR,en\n",
                           encoding="utf-8")
        writer = Store(db_copy)  # another process's import: a new name, a new index
        try:
            import_paths(writer, [aliases])
        finally:
            writer.close()
        builder = threading.Thread(target=pipeline.ask, args=("Norway",))
        builder.start()
        deadline = time.monotonic() + 30
        while not pipeline.indexing:
            assert builder.is_alive() and time.monotonic() < deadline, "no index was built"
            time.sleep(0.001)
        meanwhile = pipeline.ask("Fjordland")
        assert pipeline.indexing, "the answer waited for the new index"
        assert meanwhile.query.countries == ()  # the names before the import
        builder.join(60)
        assert not builder.is_alive()
        assert pipeline.ask("Fjordland").query.countries == ("NOR",)
    finally:
        pipeline.close()
