"""The matcher's vocabulary: every current country reachable by its names, no accidental
collisions, and the generated rows (CLDR names, ISO codes, flags, variants) as documented."""

from __future__ import annotations

import babel
import pytest

from bot.importer.aliases import GENERATED_SOURCES, generated_aliases, name_variants
from bot.names import alpha2_of, flag_of, normalize
from bot.store import Country, Snapshot
from bot.understand import Understander, inflections

#: The fourteen languages whose CLDR names the bot must know.
CLDR_REQUIRED = ("en", "fr", "es", "pt", "de", "ru", "uk", "kk", "ky", "uz", "tr", "ar", "fa",
                 "zh")  # fmt: skip

#: CLDR names deliberately not matched to their country: (lang, name) → (code, why).
CLDR_EXCEPTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("de", "Island"): ("ISL", "Iceland in German, but the English word 'island'"),
    ("tr", "Fas"): ("MAR", "Turkish for Morocco: three ASCII letters are too short to tell "
                    "from words"),
    ("kk", "Конго"): ("COD", "Kazakh for DR Congo; the curated list keeps 'Конго' for "
                      "Congo-Brazzaville, as RSF names it"),
}  # fmt: skip

#: Names that deliberately stand for two countries: the bot asks which one is meant.
DELIBERATE = {
    frozenset({"KOR", "PRK"}): ("korea", "korean", "корея", "корейский"),
    frozenset({"COD", "COG"}): ("congolese",),
}


def current_countries(snapshot: Snapshot) -> list[Country]:
    return [c for c in snapshot.countries.values() if c.last_year == snapshot.latest_year]


def test_the_index_has_180_countries(snapshot: Snapshot) -> None:
    assert len(current_countries(snapshot)) == 180


def test_every_country_by_its_rsf_names(snapshot: Snapshot, understander: Understander) -> None:
    missed = []
    for country in current_countries(snapshot):
        for lang in ("en", "fr", "es", "pt"):
            name = getattr(country, f"name_{lang}")
            if name and understander.parse(name).countries != (country.code,):
                missed.append(f"{country.code} {lang} {name!r}: {understander.parse(name)}")
    assert not missed, "\n".join(missed)


def test_every_country_by_its_cldr_names(snapshot: Snapshot, understander: Understander) -> None:
    missed = []
    checked = 0
    for country in current_countries(snapshot):
        alpha2 = alpha2_of(country.code)
        if alpha2 is None:
            assert country.code in ("CSS", "CTU"), country.code
            continue
        for lang in CLDR_REQUIRED:
            name = babel.Locale.parse(lang).territories.get(alpha2)
            if not name or (lang, name) in CLDR_EXCEPTIONS:
                continue
            checked += 1
            got = understander.parse(name).countries
            if got != (country.code,):
                missed.append(f"{country.code} {lang} {name!r} → {got}")
    assert not missed, "\n".join(missed)
    assert checked > 178 * 14 * 0.95


def test_cldr_exceptions_are_still_needed(understander: Understander) -> None:
    """Each exception documents a real gap; when one is fixed, drop it from the list."""
    for (_lang, name), (code, _why) in CLDR_EXCEPTIONS.items():
        assert understander.parse(name).countries != (code,), name


def test_no_name_serves_two_current_countries_by_accident(
    snapshot: Snapshot, understander: Understander
) -> None:
    """Collisions in the aliases table itself (folded), and in the index with its
    generated case forms; only the deliberate ones may remain."""
    current = {c.code for c in current_countries(snapshot)}
    owners: dict[str, set[str]] = {}
    for alias in snapshot.aliases:
        if alias.code in current and alias.source not in ("iso", "flag"):
            owners.setdefault(normalize(alias.alias), set()).add(alias.code)
    table = {k: v for k, v in owners.items() if len(v) > 1}
    index = {k: set(m.codes) for k, m in understander.keys.items() if len(m.codes) > 1}
    allowed = set()
    for codes, names in DELIBERATE.items():
        for name in names:
            allowed.add((name, codes))
            allowed.update((form, codes) for form in inflections(name, "ru"))
    accidental = {k: v for k, v in index.items() if (k, frozenset(v)) not in allowed}
    assert not accidental, f"names shared by two countries: {accidental}"
    # The table's own collisions: the deliberate ones, and those the matcher settles by
    # precedence (RSF's and curated names over generated CLDR names).
    settled = {
        k: understander.keys[k].codes for k, v in table.items()
        if (k, frozenset(v)) not in allowed
    }  # fmt: skip
    print("\ncollisions in the aliases table:", table, "\nsettled by precedence:", settled)
    assert settled == {"конго": ("COG",)}
    assert {k for k, v in table.items() if (k, frozenset(v)) in allowed} == {
        "korea", "korean", "congolese", "корея", "корейский"
    }  # fmt: skip
    query = understander.parse("Korea")
    assert query.countries == () and set(query.candidates) == {"KOR", "PRK"}


def test_iso_codes_flags_and_sources(snapshot: Snapshot) -> None:
    rows = {(a.alias, a.code, a.source) for a in snapshot.aliases}
    assert ("KZ", "KAZ", "iso") in rows and ("KAZ", "KAZ", "iso") in rows
    assert ("XK", "XKX", "iso") in rows and ("XKX", "XKX", "iso") in rows
    assert ("🇰🇿", "KAZ", "flag") in rows and ("🇽🇰", "XKX", "flag") in rows
    assert ("AND", "AND", "iso") not in rows  # the word "and"
    assert {a.lang for a in snapshot.aliases if a.source in ("iso", "flag")} == {"und"}
    assert {a.source for a in snapshot.aliases} == GENERATED_SOURCES | {"rsf", "curated"}
    by_code: dict[str, set[str]] = {}
    for alias in snapshot.aliases:
        by_code.setdefault(alias.code, set()).add(alias.source)
    # RSF's split entries of early indexes keep only the names RSF printed for them.
    for code in ("USA1", "USA2", "USA_I", "ISR1", "ISR2", "ISR3", "YUG", "SCG"):
        assert by_code[code] <= {"rsf", "curated"}, code
    assert "iso" not in by_code["CSS"] and "iso" not in by_code["CTU"]


def test_generated_aliases_from_rows() -> None:
    countries = [
        {"code": "KAZ", "name_en": "Kazakhstan", "name_fr": "Kazakhstan", "name_es": None,
         "name_pt": None},
        {"code": "MMR", "name_en": "Myanmar", "name_fr": "Birmanie", "name_es": None,
         "name_pt": None},
        {"code": "CTU", "name_en": "Northern Cyprus (Occupied)", "name_fr": None,
         "name_es": None, "name_pt": None},
        {"code": "USA2", "name_en": "United States (US territory)", "name_fr": None,
         "name_es": None, "name_pt": None},
    ]  # fmt: skip
    rows = list(generated_aliases(countries))
    found = {(r["alias"], r["code"], r["lang"], r["source"]) for r in rows}
    assert ("Қазақстан", "KAZ", "kk", "cldr") in found
    assert ("哈萨克斯坦", "KAZ", "zh", "cldr") in found
    assert ("Kasachstan", "KAZ", "de", "cldr") in found
    assert ("Burma", "MMR", "en", "variant") in found
    assert ("Northern Cyprus", "CTU", "en", "variant") in found
    assert ("KZ", "KAZ", "und", "iso") in found and (flag_of("KZ"), "KAZ", "und", "flag") in found
    assert not [r for r in rows if r["code"] == "USA2"]
    assert {r["source"] for r in rows} <= GENERATED_SOURCES
    assert all(r["alias"].strip() == r["alias"] and r["alias"] for r in rows)


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Myanmar (Burma)", ["Myanmar", "Burma"]),
        ("Morocco / Western Sahara", ["Morocco", "Western Sahara"]),
        ("Hong Kong SAR China", ["Hong Kong"]),
        ("RAE de Hong Kong (China)", ["Hong Kong", "China"]),
        ("Northern Cyprus (Occupied)", ["Northern Cyprus"]),
        ("United States (US territory)", ["United States"]),
        ("Kazakhstan", []),
    ],
)
def test_name_variants(name: str, variants: list[str]) -> None:
    # The caller drops any variant that names another country ("China", "United States").
    assert name_variants(name) == variants


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Côte d'Ivoire", "cote divoire"),
        ("Guinea-Bissau", "guinea bissau"),
        ("TÜRKİYE", "turkiye"),
        ("Qozogʻiston", "qozogiston"),
        ("Белоруссия", "белоруссия"),
        ("Ёлка", "елка"),
        ("  Bosnia   and Herzegovina ", "bosnia and herzegovina"),
        ("Kaz\u200bakh\u2060stan\ufeff", "kazakhstan"),  # invisible characters go
        ("\u202bШри-Ланка\u202c", "шри ланка"),
    ],
)
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize(
    ("name", "lang", "forms"),
    [
        ("Казахстан", "ru", {"казахстане", "казахстана", "казахстаном", "казахстану"}),
        ("Россия", "ru", {"россии", "россию", "россией"}),
        ("Южная Корея", "ru", {"южной корее", "южную корею"}),
        ("Соединенные Штаты", "ru", {"соединенных штатах", "соединенным штатам"}),
        ("Беларусь", "ru", {"беларуси"}),
        ("Китай", "ru", {"китае", "китая"}),
        ("Египет", "ru", {"египте", "египта"}),
        ("Україна", "uk", {"україні", "україни"}),
        ("казахстанский", "ru", {"казахстанских", "казахстанской", "казахстанские"}),
        ("Средняя Азия", "ru", {"средней азии", "среднюю азию"}),  # a soft adjective
    ],
)
def test_inflections(name: str, lang: str, forms: set[str]) -> None:
    assert forms <= inflections(name, lang)


@pytest.mark.parametrize("name", ["Мали", "Того", "Перу", "Самоа", "Чили"])
def test_indeclinable_names_get_no_forms(name: str) -> None:
    assert inflections(name, "ru") == set()


@pytest.mark.parametrize(
    "text",
    [
        "о царе",
        "самое главное",
        "после того как",
        "штат Техас",
        "малина",
        "в чаду",
        "газа нет",
        "indie music",
        "a grenade",
        "car rental",
        "Iceland's island",
    ],
)
def test_words_that_look_like_names_are_not(understander: Understander, text: str) -> None:
    query = understander.parse(text)
    assert query.countries in ((), ("ISL",)), query
