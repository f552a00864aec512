"""The message catalogs: the template is the English as it stands, and every language's
catalog translates every message with the same fields, the same HTML and as many plural
forms as its language's CLDR rule asks for."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot import i18n
from bot.i18n import catalogs
from bot.i18n.english import MESSAGES, NAMES, REGIONS, Plural

ROOT = Path(__file__).resolve().parent.parent
FIELD = re.compile(r"\{(\w*)[^{}]*\}")
TAG = re.compile(r"</?[a-z]+(?=[ >])")


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang)


def test_the_template_is_the_english_as_it_stands() -> None:
    """``pybabel extract`` run now would write the template in the repository: a changed
    English message needs ``pybabel extract`` and ``pybabel update`` (README)."""
    extracted = {
        (context, message if isinstance(message, str) else message[0])
        for _, message, _, context in extract_from_file(
            "bot.i18n.extract:keyed_tables", str(ROOT / "bot/i18n/english.py"))
    }
    template = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
                for m in _read(catalogs.LOCALES / "messages.pot") if m.id}
    assert extracted == template
    assert len(template) == len(MESSAGES) + len(NAMES) + len(REGIONS)


def test_every_interface_language_has_a_catalog() -> None:
    assert i18n.LANGS[0] == "en"
    have = {p.parent.parent.name for p in catalogs.LOCALES.glob("*/LC_MESSAGES/messages.po")}
    assert have == set(i18n.LANGS) - {"en"}


def _fields(text: str) -> Counter[str]:
    return Counter(FIELD.findall(text))


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGS if lang != "en"])
def test_a_catalog_translates_every_message_keeping_fields_and_markup(lang: str) -> None:
    catalog = _read(catalogs.catalog_path(lang), lang)
    assert catalog.locale is not None and str(catalog.locale) == lang
    template = {m.context: m for m in _read(catalogs.LOCALES / "messages.pot") if m.id}
    entries = {m.context: m for m in catalog if m.id}
    assert set(entries) == set(template), "run pybabel update"
    problems = []
    for context, entry in entries.items():
        english = entry.id if isinstance(entry.id, str) else entry.id[1]
        forms = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        if entry.fuzzy or not all(forms):
            problems.append(f"{context}: not translated")
            continue
        if isinstance(entry.id, tuple | list) and len(forms) != catalog.num_plurals:
            problems.append(f"{context}: {len(forms)} forms, {catalog.num_plurals} needed")
        for form in forms:
            # Every field the English fills in is there (a plural form may leave out {n}).
            wanted = _fields(english) - Counter({"n": 99}) if len(forms) > 1 else _fields(english)
            if not set(wanted) <= set(_fields(form)) or set(_fields(form)) - set(_fields(english)):
                problems.append(f"{context}: fields {sorted(_fields(form))} ≠ "
                                f"{sorted(_fields(english))}")
            if Counter(TAG.findall(form)) != Counter(TAG.findall(english)):
                problems.append(f"{context}: HTML tags differ from the English")
    assert not problems, "\n".join(problems)
    # What pybabel compile writes, without an error.
    write_mo(io.BytesIO(), catalog)


def test_plural_messages_follow_the_languages_rules() -> None:
    plural = next(key for key, value in MESSAGES.items() if isinstance(value, Plural))
    english = {n: i18n.t("en", plural, n=n) for n in (1, 2, 5)}
    assert english[1] != english[2] == english[5].replace("5", "2")
    russian = {n: i18n.t("ru", plural, n=n) for n in (1, 2, 5, 11, 21)}
    assert len({russian[1], russian[2].replace("2", "1"), russian[5].replace("5", "1")}) == 3
    assert russian[21].replace("21", "1") == russian[1]
    assert russian[11].replace("11", "5") == russian[5]


def test_an_untranslated_message_falls_back_to_english() -> None:
    assert i18n.t("xx", "index") == MESSAGES["index"]
    assert i18n.name("xx", "safety") == NAMES["safety"]


def test_translations_md_is_current() -> None:
    from bot.i18n.terms import document

    assert (ROOT / "TRANSLATIONS.md").read_text(encoding="utf-8") == document(), (
        "run: python -m bot.i18n.terms > TRANSLATIONS.md")
    for lang in i18n.LANGS[1:]:
        assert (catalogs.LOCALES / lang / "TERMS.md").is_file(), lang


def test_a_catalog_is_compiled_once_and_a_damaged_copy_compiled_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSBOT_CACHE", str(tmp_path))
    monkeypatch.setattr(catalogs, "_CATALOGS", {})
    first = catalogs.catalog("ru")
    [compiled] = tmp_path.glob("catalog-ru-*.json")
    monkeypatch.setattr(catalogs, "_CATALOGS", {})
    read_back = catalogs.catalog("ru")  # from the compiled copy
    assert read_back is not None and first is not None and read_back.messages == first.messages
    compiled.write_text('{"messages": [', encoding="utf-8")
    monkeypatch.setattr(catalogs, "_CATALOGS", {})
    again = catalogs.catalog("ru")
    assert again is not None and first is not None and again.messages == first.messages
    assert again.plural(5) == first.plural(5) == 2
