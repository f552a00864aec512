"""Forms of country names and of their peoples' adjectives, so that "в Казахстане",
"la presse française" and "الصحافة المصرية" name their countries.

The index (:mod:`bot.understand.index`) adds every form made here as a key of its own:

* :func:`inflections` — Russian, Ukrainian and Belarusian aliases: nouns by their ending
  ("Казахстан" → "казахстане", "казахстаном"), names of several words in step ("Южная
  Корея" → "южной корее"), demonym adjectives in every gender, number and case
  ("казахстанских");
* :func:`adjective_forms` — the curated demonym adjectives of German, French, Spanish and
  Portuguese, in every gender and number (and German's endings): "türkisch" →
  "türkischen", "algérien" → "algériennes", "venezolano" → "venezolanos";
* :func:`nisba_forms` — the Arabic, Persian and Tajik adjective of a one-word name, made
  by the regular nisba ending: "مصر" → "مصري", "مصرية", "مصريون"; "سوريا" → "سوري";
  "روسیه" → "روسی"; "Русия" → "русӣ".

A few ending rules from each language's grammar, no dictionary; the dictionary form is the
alias itself.
"""

from __future__ import annotations

import re
from itertools import product

from bot.names import normalize

# The cases a name takes besides the nominative: genitive, dative, accusative,
# instrumental, locative.
_CASES = ("gen", "dat", "acc", "ins", "loc")
# Letters after which Russian writes "и", not "ы": "Америка" → "Америки".
_HUSHING = set("гкхжшчщ")
# Ukrainian's first palatalisation before the dative and locative -і ("Африка" → "Африці").
_SOFTENED = {"к": "ц", "г": "з", "х": "с"}


def _noun_forms(word: str, lang: str, plural: bool = False) -> dict[str, set[str]] | None:
    """Case forms of a (place) noun, Russian and Ukrainian endings together; None when the
    word does not decline (foreign names in -о, -и, -у, -е: Того, Мали, Перу).  ``plural``:
    the noun of a name of several words, after a plural adjective (Ukrainian "Сполучені
    Штати": a short plural too)."""
    if word == "египет":  # the vowel drops: Египта, Египте
        word = "египт"
    if len(word) < 3:
        return None
    last, stem = word[-1], word[:-1]
    if word.endswith(("ия", "ія")):
        s = word[:-2]
        return {"gen": {s + "ии", s + "ії"}, "dat": {s + "ии", s + "ії"},
                "acc": {s + "ию", s + "ію"}, "ins": {s + "ией", s + "ією"},
                "loc": {s + "ии", s + "ії"}}  # fmt: skip
    if last == "я":
        return {"gen": {stem + "и", stem + "ї"}, "dat": {stem + "е", stem + "ї"},
                "acc": {stem + "ю"}, "ins": {stem + "ей", stem + "єю"},
                "loc": {stem + "е", stem + "ї"}}  # fmt: skip
    if last == "а" and stem[-1] in "аеиоуыэюяі":
        return None  # Самоа, Папуа: foreign names in a vowel + "а" do not decline
    if last == "а":
        gen = stem + ("и" if stem[-1] in _HUSHING else "ы")
        # Ukrainian softens a stem's к, г, х before -і: "Мексика" → "у Мексиці".
        soft = {stem[:-1] + _SOFTENED[stem[-1]] + "і"} if stem[-1] in _SOFTENED else set()
        return {"gen": {gen, stem + "и", stem + "і"}, "dat": {stem + "е", stem + "і"} | soft,
                "acc": {stem + "у"}, "ins": {stem + "ой", stem + "ей", stem + "ою", stem + "ею"},
                "loc": {stem + "е", stem + "і"} | soft}  # fmt: skip
    if last == "ь":
        return {"gen": {stem + "и", stem + "я", stem + "і"}, "dat": {stem + "и", stem + "ю"},
                "acc": {word}, "ins": {stem + "ью", stem + "ем"},
                "loc": {stem + "и", stem + "е", stem + "і"}}  # fmt: skip
    if last == "й":
        return {
            "gen": {stem + "я", stem + "ю"},
            "dat": {stem + "ю"},
            "acc": {word},
            "ins": {stem + "ем", stem + "єм"},
            "loc": {stem + "е", stem + "ї"},
        }
    if last == "ы" or (last == "и" and lang == "uk" and (len(word) > 5 or plural)):
        # The bare genitive plural ("Филиппин") only when long enough not to be a word:
        # "штат" is a state, not the United States.
        bare = {stem} if len(stem) >= 6 else set()
        return {"gen": bare | {stem + "ов", stem + "ев", stem + "ів"}, "dat": {stem + "ам"},
                "acc": {word},
                "ins": {stem + "ами"}, "loc": {stem + "ах"}}  # fmt: skip
    if word.endswith(("ство", "ово")):
        return {"gen": {stem + "а"}, "dat": {stem + "у"}, "acc": {word}, "ins": {stem + "ом"},
                "loc": {stem + "е"}}  # fmt: skip
    if last in "бвгдзклмнпрстфхцчшщж":
        return {"gen": {word + "а", word + "у"}, "dat": {word + "у", word + "ові"},
                "acc": {word}, "ins": {word + "ом", word + "ем"},
                "loc": {word + "е", word + "і", word + "у"}}  # fmt: skip
    return None


def _ukrainian_adjective_forms(word: str) -> dict[str, set[str]] | None:
    """Case forms of a Ukrainian adjective in a name: feminine "Південна", "Домініканська"
    (→ "Південній", "Домініканській"), masculine "Південний", neuter "Об'єднане", plural
    "Сполучені", "Арабські" (→ "Сполучених", "Арабських")."""
    if len(word) < 4:
        return None
    if word.endswith("ий"):
        stem = word[:-2]
        return {"gen": {stem + "ого"}, "dat": {stem + "ому"}, "acc": {word},
                "ins": {stem + "им"}, "loc": {stem + "ому", stem + "ім"}}  # fmt: skip
    stem, last = word[:-1], word[-1]
    if last == "а":
        return {"gen": {stem + "ої"}, "dat": {stem + "ій"}, "acc": {stem + "у"},
                "ins": {stem + "ою"}, "loc": {stem + "ій"}}  # fmt: skip
    if last == "е":
        return {"gen": {stem + "ого"}, "dat": {stem + "ому"}, "acc": {word},
                "ins": {stem + "им"}, "loc": {stem + "ому", stem + "ім"}}  # fmt: skip
    if last == "і":
        return {"gen": {stem + "их"}, "dat": {stem + "им"}, "acc": {word},
                "ins": {stem + "ими"}, "loc": {stem + "их"}}  # fmt: skip
    return None


#: How a Ukrainian adjective of a name ends (nominative): a consonant, then -а, -е, -і
#: ("Південна", "Обʼєднане", "Сполучені", "Соломонові"), or -ий ("Південний").  A noun in
#: a vowel and -а ("Папуа") does not decline.
_UK_ADJECTIVE_RE = re.compile(r"(?:[бвгґджзйклмнпрстфхцчшщь][аеі]|ий)$")


def _after_plural(words: list[str], index: int) -> bool:
    """Whether the word at ``index`` is the last of a name and follows a plural adjective
    ("Сполучені Штати")."""
    return index == len(words) - 1 and index > 0 and words[index - 1].endswith("і")


def _adjective_forms(word: str) -> dict[str, set[str]] | None:
    """Case forms of an adjective in a name ("Южная", "Северный", "Соединенные")."""
    if len(word) < 5:
        return None
    ending, stem = word[-2:], word[:-2]
    soft = stem.endswith("н") and ending == "ий"  # ближний → ближнего
    if ending == "ая":
        return {"gen": {stem + "ой"}, "dat": {stem + "ой"}, "acc": {stem + "ую"},
                "ins": {stem + "ой", stem + "ою"}, "loc": {stem + "ой"}}  # fmt: skip
    if ending == "яя":  # soft: Средняя → Средней
        return {"gen": {stem + "ей"}, "dat": {stem + "ей"}, "acc": {stem + "юю"},
                "ins": {stem + "ей", stem + "ею"}, "loc": {stem + "ей"}}  # fmt: skip
    if ending in ("ый", "ий", "ой", "ое"):
        o = "е" if soft else "о"
        return {"gen": {stem + o + "го"}, "dat": {stem + o + "му"}, "acc": {word},
                "ins": {stem + "ым", stem + "им"}, "loc": {stem + o + "м"}}  # fmt: skip
    if ending in ("ые", "ие"):
        return {"gen": {stem + "ых", stem + "их"}, "dat": {stem + "ым", stem + "им"},
                "acc": {word}, "ins": {stem + "ыми", stem + "ими"},
                "loc": {stem + "ых", stem + "их"}}  # fmt: skip
    return None


#: Each language's alphabet.  The endings above are Russian and Ukrainian together, so a
#: form is that alias language's only if its alphabet writes it: "казахстані" is no
#: Russian, "казахстаны" no Ukrainian (bot.understand.language reads names so).
ALPHABETS = {
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя-' "),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя-'ʼ’ "),
    "be": frozenset("абвгдеёжзйіклмнопрстуўфхцчшыьэюя-'ʼ’ "),
}


def writes(lang: str, form: str) -> bool:
    """Whether ``lang``'s alphabet writes ``form`` (folded); any form, for a language
    without one here."""
    alphabet = ALPHABETS.get(lang)
    return alphabet is None or all(c in alphabet for c in form)


ADJECTIVE_SUFFIXES = ("ский", "цкий", "ський", "цький", "зький")  # французький
# Endings of a demonym adjective in every gender, number and case ("казахстанск-ий").
_ADJ_ENDINGS_RU = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ою", "ое", "ие", "их", "ими")
_ADJ_ENDINGS_UK = ("ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их",
                   "ими")  # fmt: skip


def inflections(name: str, lang: str) -> set[str]:
    """Folded case forms of a Russian, Ukrainian or Belarusian name, without the name itself.

    A one-word adjective (a demonym: "казахстанский") gets every gender, number and case;
    a name of several words declines word by word in step ("южной корее", not "южная
    корее").  Words that do not decline stay as they are.
    """
    words = normalize(name).split()
    if not words:
        return set()
    # The first parts of a hyphenated name do not decline when its last does: "Коста-Рика"
    # → "Коста-Риці"; "Гвинея-Бисау" → "Гвинее-Бисау".
    parts = [normalize(part) for chunk in name.split() for part in chunk.split("-")]
    fixed: set[int] = set()
    if parts == words:
        at = 0
        for chunk in name.split():
            pieces = chunk.split("-")
            if len(pieces) > 1 and _noun_forms(normalize(pieces[-1]), lang) is not None:
                fixed.update(range(at, at + len(pieces) - 1))
            at += len(pieces)
    if len(words) == 1 and words[0].endswith(ADJECTIVE_SUFFIXES):
        stem = words[0][:-2]
        endings = _ADJ_ENDINGS_UK if lang == "uk" else _ADJ_ENDINGS_RU
        return {stem + e for e in endings} - {words[0]}
    # Ukrainian: the name's head is its last word that declines ("Республіка" of
    # "Демократична Республіка Конго"); the words before it with an adjective's ending
    # are its adjectives, the words after it do not decline.
    head = len(words) - 1
    if lang == "uk":
        head = next((i for i in range(len(words) - 1, -1, -1) if i not in fixed and
                     _noun_forms(words[i], lang, _after_plural(words, i)) is not None), head)
    per_word: list[dict[str, set[str]]] = []
    declines = False
    for index, word in enumerate(words):
        forms = None
        before_last = len(words) > 1 and index < len(words) - 1
        if index in fixed or (lang == "uk" and index > head):
            pass
        elif lang == "uk" and index < head and _UK_ADJECTIVE_RE.search(word):
            forms = _ukrainian_adjective_forms(word)
        elif before_last and word[-2:] in ("ая", "яя", "ый", "ий", "ой", "ое", "ые", "ие"):
            forms = _adjective_forms(word)
        if forms is None and word not in ("и", "і") and index not in fixed and not (
                lang == "uk" and index > head):
            forms = _noun_forms(word, lang, _after_plural(words, index))
        if forms is None:
            forms = {case: {word} for case in _CASES}
        else:
            declines = True
        per_word.append(forms)
    if not declines:
        return set()
    found: set[str] = set()
    for case in _CASES:
        for combo in product(*(forms[case] for forms in per_word)):
            found.add(" ".join(combo))
    return found - {" ".join(words)}


def german_forms(name: str) -> set[str]:
    """Folded forms of a German name after an article or as a genitive, without the name
    itself: the adjectives' -e and -es take -en ("Vereinigte Arabische Emirate" → "den
    Vereinigten Arabischen Emiraten", "Demokratische Republik Kongo" → "der
    Demokratischen Republik Kongo"), a last word in -e takes -n too ("Niederlande" → "den
    Niederlanden"), and a name in one word takes the genitive's -s ("Russlands Medien")."""
    words = normalize(name).split()
    if not words:
        return set()
    *before, last = words
    inflected = [word + "n" if word.endswith("e") else word[:-1] + "n" if word.endswith("es")
                 else word for word in before]  # fmt: skip
    found = {" ".join([*inflected, last])}
    if last.endswith("e"):
        found.add(" ".join([*inflected, last + "n"]))
    if not before and not last.endswith(("s", "ß", "x", "z")):
        found.add(last + "s")
    return found - {" ".join(words)}


#: Languages whose curated aliases written in lower case are the word for a country's
#: people, not a name (the names are capitalised): an adjective ("türkisch", "française",
#: "venezolano", "chinês"), or Turkish's noun used as one ("rus" of "Rus medyası").
ADJECTIVE_LANGS = frozenset({"de", "fr", "es", "pt", "tr"})


def adjective_forms(adjective: str, lang: str) -> set[str]:
    """Folded forms of a demonym adjective's dictionary form (German: the stem, "türkisch";
    French, Spanish, Portuguese: the masculine singular), without the form itself.  The
    endings are the regular ones; an irregular feminine is curated as an alias of its own
    ("turque", "alemã") and gets its plural here."""
    words = normalize(adjective).split()
    if not words:
        return set()
    *head, word = words  # "sud-coréen": only the last word takes the endings
    if lang == "de":
        endings = [word + e for e in ("e", "en", "er", "es", "em")]
    elif lang == "fr":
        if word.endswith("e"):
            endings = [word + "s"]
        elif word.endswith("en"):
            endings = [word + "ne", word + "s", word + "nes"]
        elif word.endswith(("s", "x")):
            endings = [word + "e", word + "es"]
        else:
            endings = [word + "e", word + "s", word + "es"]
    elif lang in ("es", "pt"):
        if word.endswith("ao"):  # Portuguese "alemão" (folded): alemã, alemães, alemãos
            endings = [word[:-1], word[:-2] + "aes", word + "s"]
        elif word.endswith("o"):
            endings = [word[:-1] + "a", word + "s", word[:-1] + "as"]
        elif word.endswith(("a", "e")):
            endings = [word + "s"]
        elif word.endswith(("i", "u")):
            endings = [word + "es", word + "s"]
        elif lang == "pt" and word.endswith("ol"):
            endings = [word + "a", word[:-2] + "ois", word + "as"]  # espanhol, espanhóis
        else:  # a consonant: "francés", "español", "chinês"
            endings = [word + "a", word + "es", word + "as"]
    else:
        return set()
    return {" ".join([*head, form]) for form in endings}


def nisba_forms(name: str, lang: str) -> set[str]:
    """Folded adjectives of a one-word Arabic or Persian name by the nisba ending
    ("Egyptian", "Syrian"): Arabic drops the article and a final alif, tā' marbūṭa, "-يا"
    or "-ية" and adds "-ي" in both genders and the plurals ("مصري", "مصرية", "مصريون",
    "مصريين", "مصريات"); Persian adds "-ی", after dropping a final "-یه" ("روسیه" →
    "روسی") or with a glide after a final alif ("اسپانیا" → "اسپانیایی")."""
    words = name.split()
    if len(words) != 1:
        return set()
    # The endings are read on the name as written: folding writes Arabic's yā' and tā'
    # marbūṭa as Persian letters.
    word = words[0]
    forms: set[str] = set()
    if lang == "ar":
        word = word.removeprefix("ال")
        stem = (word[:-2] if word.endswith(("ية", "يا"))
                else word[:-1] if word.endswith(("ا", "ة", "ى")) else word)  # fmt: skip
        if len(stem) >= 3 and not stem.endswith("ي"):  # "مالي" is an adjective already
            forms = {stem + ending for ending in ("ي", "ية", "يون", "يين", "يات")}
    elif lang == "fa":
        if word.endswith("یه"):
            forms = {word[:-2] + "ی"}
        elif word.endswith("ا"):
            forms = {word + "یی"}
        else:
            forms = {word + "ی"}
    elif lang == "tg":  # Persian in Cyrillic letters: "Русия" → "русӣ", "Эрон" → "эронӣ"
        lowered = word.lower()
        if lowered.endswith("ия"):
            forms = {lowered[:-2] + "ӣ"}
        elif not lowered.endswith(("а", "о", "у", "ӣ", "и", "е")):
            forms = {lowered + "ӣ"}
    found = {normalize(form) for form in forms}
    return {form for form in found if len(form) >= 4} - {normalize(word)}
