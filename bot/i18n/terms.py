"""Write TRANSLATIONS.md: each interface language's terms for the index, its indicators and
its situation bands, read from the catalogs, beside the per-language term sheets.

``python -m bot.i18n.terms > TRANSLATIONS.md`` (a test checks the file is current).
"""

from __future__ import annotations

from babel import Locale

from bot.i18n import LANGS, name, t

#: The terms a reviewer checks first: the index, the five indicators and the five bands.
_KEYS = ("political", "economic", "legal", "social", "safety",
         "good", "satisfactory", "problematic", "difficult", "very_serious")

_HEAD = """# Translations

The bot speaks fifteen languages. Its English is `bot/i18n/english.py`; every other
language is a gettext catalog, `bot/locales/<lang>/LC_MESSAGES/messages.po`, which any
translation tool (Poedit, Weblate, Lokalize) opens. Beside each catalog, `TERMS.md` lists
the language's terms with the reason for each (RSF's own wording where RSF publishes in
that language) and the entries its translator was unsure of: start a review there.

To change a translation, edit the catalog and run the tests (`tests/test_catalogs.py`
checks every entry keeps its `{fields}`, its HTML and its plural forms;
`tests/test_languages_render.py` renders every reply kind in every language). To change
the English, edit `bot/i18n/english.py`, then:

```
pybabel extract -F babel.cfg -o bot/locales/messages.pot --no-location --sort-output .
pybabel update -i bot/locales/messages.pot -d bot/locales -D messages \\
    --no-fuzzy-matching --ignore-obsolete --width=100
python -m bot.i18n.terms > TRANSLATIONS.md
```

and translate the entries `pybabel update` left empty.

## The terms, from the catalogs

"""


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def document() -> str:
    lines = [_HEAD.rstrip("\n"), ""]
    head = ["", "index", "credit", *(name("en", key) for key in _KEYS)]
    lines += [_row(head), _row(["---"] * len(head))]
    for lang in LANGS:
        own = Locale.parse(lang).get_display_name(lang) or lang
        sheet = f"[{own}](bot/locales/{lang}/TERMS.md)" if lang != "en" else own
        lines.append(_row([sheet, t(lang, "index"), t(lang, "credit"),
                           *(name(lang, key) for key in _KEYS)]))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(document(), end="")
