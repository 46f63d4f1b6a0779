"""Name matching for the entry-ban self-check: evaluation set and spelling families.

The evaluation's figures (`summary`) are the message of the assertions on them.
"""

import csv
import functools
import itertools
from pathlib import Path

import pytest

from blacklist.matching import (
    MatchLevel,
    PersonName,
    match,
    name_keys,
)

SAME, POSSIBLE, DIFFERENT = MatchLevel.SAME, MatchLevel.POSSIBLE, MatchLevel.DIFFERENT
PAIRS_CSV = Path(__file__).parent / "data" / "name_pairs.csv"


@functools.cache
def evaluated_pairs():
    """Every CSV row as (kind, query, record, note, match level)."""
    with PAIRS_CSV.open(encoding="utf-8", newline="") as csv_file:
        rows = list(csv.DictReader(csv_file))
    result = []
    for row in rows:
        query = PersonName(row["query_surname"], row["query_given_name"], row["query_patronymic"])
        record = PersonName(
            row["record_surname"], row["record_given_name"], row["record_patronymic"]
        )
        result.append((row["kind"], query, record, row["note"], match(query, record)))
    return result


def levels(kind):
    return [level for row_kind, *_, level in evaluated_pairs() if row_kind == kind]


def describe(rows):
    return "\n".join(f"{level}: {q} vs {r} ({note})" for _, q, r, note, level in rows)


# --- evaluation set -------------------------------------------------------------------


def test_evaluation_set_is_large_enough():
    assert len(levels("same")) >= 320
    assert len(levels("different")) >= 320
    assert {kind for kind, *_ in evaluated_pairs()} == {"same", "different"}


def summary():
    """The evaluation in one line, shown when an assertion on it fails."""
    same, different = levels("same"), levels("different")

    def share(found, total):
        return f"{found} ({100 * found / len(total):.1f}%)"

    return (
        f"same: n={len(same)}, SAME {share(same.count(SAME), same)}, "
        f"POSSIBLE {share(same.count(POSSIBLE), same)}, "
        f"missed {share(same.count(DIFFERENT), same)} | "
        f"different: n={len(different)}, SAME {share(different.count(SAME), different)}, "
        f"POSSIBLE {share(different.count(POSSIBLE), different)}"
    )


def test_at_most_one_in_eight_different_pairs_is_a_possible_match():
    """A "possible match" sends someone who has no ban to verify officially: it
    worries them and costs them a trip. 46 of 416 look-alike pairs (11.1%) are
    POSSIBLE today; more than one in eight would be a regression."""
    different = levels("different")
    assert different.count(POSSIBLE) / len(different) <= 1 / 8, summary()


def test_no_same_pair_is_missed():
    missed = [row for row in evaluated_pairs() if row[0] == "same" and row[-1] == DIFFERENT]
    assert not missed, describe(missed)


def test_at_least_95_percent_of_same_pairs_are_record_found():
    same = levels("same")
    assert same.count(SAME) / len(same) >= 0.95, summary()


def test_no_different_pair_is_record_found():
    wrong = [row for row in evaluated_pairs() if row[0] == "different" and row[-1] == SAME]
    assert not wrong, describe(wrong)


def test_every_non_different_pair_shares_a_key():
    unreachable = [
        row
        for row in evaluated_pairs()
        if row[-1] != DIFFERENT and not name_keys(row[1]) & name_keys(row[2])
    ]
    assert not unreachable, describe(unreachable)


def test_key_guarantee_holds_across_unrelated_rows():
    """Pair names from different rows too: any match other than DIFFERENT shares a key."""
    names = sorted({name for _, q, r, *_ in evaluated_pairs() for name in (q, r)}, key=repr)
    for a, b in itertools.combinations(names[::4], 2):
        if match(a, b) != DIFFERENT:
            assert name_keys(a) & name_keys(b), (a, b)


def test_keys_are_few_short_and_ascii():
    for _, query, record, *_ in evaluated_pairs():
        for name in (query, record):
            keys = name_keys(name)
            assert 1 <= len(keys) <= 2
            assert all(key.isascii() and 0 < len(key) <= 32 for key in keys), keys


# --- spelling families ----------------------------------------------------------------


def assert_level(query, record, expected):
    assert match(query, record) == expected, (query, record)


@pytest.mark.parametrize(
    ("query", "record"),
    [
        # Russian Cyrillic against Uzbek, Kyrgyz, Tajik and Karakalpak Cyrillic letters
        (("Ўринбоев", "Шаҳзод"), ("Уринбаев", "Шахзод")),
        (("Қодиров", "Ғайрат"), ("Кадыров", "Гайрат")),
        (("Ҳамидов", "Ўткир"), ("Хамидов", "Уткир")),
        (("Үсөнбаев", "Жаңыл"), ("Усенбаев", "Жаныл")),
        (("Раҳмонов", "Ҷамшед"), ("Рахмонов", "Джамшед")),
        (("Дәўлетов", "Әжинияз"), ("Даулетов", "Ажинияз")),
        # Uzbek Latin with every apostrophe, or none
        (("Gʻulomov", "Oʻtkir"), ("Гуламов", "Уткир")),
        (("G'ulomov", "O'tkir"), ("Гуламов", "Уткир")),
        (("G`ulomov", "O`tkir"), ("Гуламов", "Уткир")),
        (("G’ulomov", "O’tkir"), ("Гуламов", "Уткир")),
        (("G‘ulomov", "O‘tkir"), ("Гуламов", "Уткир")),
        (("Gʼulomov", "Oʼtkir"), ("Гуламов", "Уткир")),
        (("Gulomov", "Otkir"), ("Гуламов", "Уткир")),
        # ICAO 9303 and older passport schemes
        (("KHODZHAEV", "SHUKHRAT"), ("Ходжаев", "Шухрат")),
        (("KHODJAEV", "SHUXRAT"), ("Ходжаев", "Шухрат")),
        (("DZHURAEV", "BAKHTIER"), ("Джураев", "Бахтиёр")),
        (("DJURAEV", "BAKHTIYOR"), ("Джураев", "Бахтиёр")),
        (("IAKUBOV", "IUSUF"), ("Якубов", "Юсуф")),
        (("YAKUBOV", "YUSUF"), ("Якубов", "Юсуф")),
        (("ABDULLAYEV", "FARUKH"), ("Абдуллаев", "Фаррух")),
        (("ZHUMABEKOV", "CHYNGYZ"), ("Джумабеков", "Чингиз")),
        (("NIIAZOVA", "ZIEDA"), ("Ниязова", "Зиёда")),
        # Uzbek o/a and u/oʻ where Russian spelling differs
        (("Tojiboyev", "Dilshod"), ("Таджибаев", "Дилшод")),
        (("Tadzhibaev", "Dilshod"), ("Таджибаев", "Дильшод")),
        (("Oʻrinboyev", "Sardor"), ("Уринбаев", "Сардор")),
        (("Xoʻjayev", "Sardor"), ("Ходжаев", "Сардар")),
        (("Khodzhaev", "Nodir"), ("Ходжаев", "Надир")),
        (("Qodirov", "Bobur"), ("Кадыров", "Бабур")),
        (("Kadyrov", "Islom"), ("Кадыров", "Ислам")),
        (("Gʻulomov", "Ilhom"), ("Гуламов", "Ильхам")),
        (("Gulamov", "Komil"), ("Гуламов", "Камил")),
        # Kyrgyz ө, ү, ң and Kyrgyz Latin
        (("Üsönbaev", "Ömürbek"), ("Усенбаев", "Омурбек")),
        (("Usonbaev", "Tölögön"), ("Усонбаев", "Тологон")),
        (("Usenbaeva", "Kündüz"), ("Үсөнбаева", "Күндүз")),
        (("Tashiyeva", "Jangyl"), ("Ташиева", "Жаныл")),
        (("ZHAPAROVA", "ZHANYL"), ("Жапарова", "Жаңыл")),
        # Karakalpak Latin and Cyrillic
        (("Qalmurzaev", "Jaqsılıq"), ("Калмурзаев", "Жаксылык")),
        (("Ótepov", "Bahadır"), ("Утепов", "Бахадыр")),
        (("Dáwletova", "Mádina"), ("Даулетова", "Мадина")),
        (("Tlewbaev", "Quwanısh"), ("Тлеубаев", "Куаныш")),
        (("Қудайбергенов", "Сапарбай"), ("Кудайбергенов", "Сапарбай")),
        # Tajik
        (("Раҳмонов", "Манучеҳр"), ("Рахмонов", "Манучехр")),
        (("Rakhmonov", "Siyovush"), ("Рахмонов", "Сиявуш")),
        (("Sharifov", "Bahrom"), ("Шарипов", "Бахром")),
        # Russian conventions for Arabic names
        (("Ibrohimov", "Yusuf"), ("Ибрагимов", "Юсуф")),
    ],
)
def test_spelling_families_are_record_found(query, record):
    assert_level(PersonName(*query), PersonName(*record), SAME)


@pytest.mark.parametrize(
    ("query", "record"),
    [
        (("Shahzod", "Abdullayev"), ("Абдуллаев", "Шахзод", "Ботирович")),
        (("SHAKHZOD", "ABDULLAEV"), ("Абдуллаев", "Шахзод")),
        (("Dilnoza", "Karimova", "Botir qizi"), ("Каримова", "Дилноза", "Ботировна")),
        (("Шахзод", "Абдуллаев"), ("Abdullayev", "Shahzod")),
    ],
)
def test_swapped_name_order(query, record):
    assert_level(PersonName(*query), PersonName(*record), SAME)


@pytest.mark.parametrize(
    ("query_given", "record_given"),
    [
        ("Abdul-Aziz", "Абдулазиз"),
        ("Abdul Aziz", "Абдулазиз"),
        ("Abdulaziz", "Абдул-Азиз"),
        ("Nur Muhammad", "Нурмухаммад"),
        ("Nurmuhammad", "Нур-Мухаммад"),
        ("Muhammad Ali", "Мухаммадали"),
        ("Abdul Latif", "Абдуллатиф"),
    ],
)
def test_hyphens_and_spaces(query_given, record_given):
    assert_level(PersonName("Karimov", query_given), PersonName("Каримов", record_given), SAME)


@pytest.mark.parametrize(
    ("query_patronymic", "record_patronymic"),
    [
        ("Botir oʻgʻli", "Ботирович"),
        ("Botir o'g'li", "Ботир угли"),
        ("Botir ogli", "Ботирович"),
        ("Botirovich", "Ботир угли"),
        ("BOTIROVICH", "Ботир ўғли"),
        ("Ботир ўғли", "Ботирович"),
        ("Botir", "Ботирович"),
        ("", "Ботирович"),
        ("Botir oʻgʻli", ""),
        ("Abdulla oʻgʻli", "Абдуллаевич"),
        ("Muso oʻgʻli", "Мусаевич"),
        ("Ali oʻgʻli", "Алиевич"),
        ("Jumaboy oʻgʻli", "Джумабаевич"),
        ("Yoʻldosh oʻgʻli", "Юлдашевич"),
        ("Asanbek uulu", "Асанбекович"),
        ("Berdaq ulı", "Бердақ улы"),
        ("Karimzoda", "Каримович"),
    ],
)
def test_patronymic_forms_agree(query_patronymic, record_patronymic):
    query = PersonName("Abdullayev", "Shahzod", query_patronymic)
    record = PersonName("Абдуллаев", "Шахзод", record_patronymic)
    assert_level(query, record, SAME)


@pytest.mark.parametrize(
    ("query_patronymic", "record_patronymic"),
    [
        ("Botir qizi", "Ботировна"),
        ("Botirovna", "Ботир кизи"),
        ("Asanbek kyzy", "Асанбековна"),
        ("", "Ботировна"),
    ],
)
def test_female_patronymic_forms_agree(query_patronymic, record_patronymic):
    query = PersonName("Abdullayeva", "Dilnoza", query_patronymic)
    record = PersonName("Абдуллаева", "Дилноза", record_patronymic)
    assert_level(query, record, SAME)


@pytest.mark.parametrize(
    ("query", "record"),
    [
        (("Asanbek uulu", "Nurlan"), ("Асанбеков", "Нурлан")),
        (("Asanbek uulu", "Nurlan"), ("Асанбек уулу", "Нурлан")),
        (("Asanbek kyzy", "Aidana"), ("Асанбекова", "Айдана")),
    ],
)
def test_kyrgyz_uulu_and_kyzy_surnames(query, record):
    assert_level(PersonName(*query), PersonName(*record), SAME)


@pytest.mark.parametrize(
    ("query_patronymic", "record_patronymic"),
    [
        ("Botir oʻgʻli", "Баходирович"),
        ("Bahodirovich", "Ботир угли"),
        ("Rustam oʻgʻli", "Рустамбекович"),
        ("Alisher oʻgʻli", "Алимович"),
    ],
)
def test_disagreeing_patronymic_is_never_record_found(query_patronymic, record_patronymic):
    query = PersonName("Abdullayev", "Shahzod", query_patronymic)
    record = PersonName("Абдуллаев", "Шахзод", record_patronymic)
    assert match(query, record) != SAME


@pytest.mark.parametrize(
    ("query", "record"),
    [
        (("Abdullayev", "Shahzod"), ("Абдуллаева", "Шахзода")),
        (("Karimov", "Aziz"), ("Каримова", "Азиза")),
        (("Karimov", "Nodir"), ("Karimova", "Nodira")),
        (("Karimova", "Dilnoza"), ("Каримов", "Дилноза")),
        (("Karimov", "Aziz"), ("Karimov", "Aziza")),
        (("Rahmonzoda", "Aziz", "Karimovich"), ("Рахмонзода", "Азиза", "Каримовна")),
        (("Rahmonzoda", "Umid"), ("Рахмонзода", "Умида")),
        (("Asanbek uulu", "Aziz"), ("Асанбек кызы", "Азиза")),
        (("Abdullayev", "Shahzod", "Botirovich"), ("Абдуллаев", "Шахзод", "Ботировна")),
        (("Ergashev", "Dilshod"), ("Эргашева", "Дилшода")),
    ],
)
def test_male_and_female_forms_are_different_people(query, record):
    assert_level(PersonName(*query), PersonName(*record), DIFFERENT)


def test_dropped_female_ending_between_two_women_is_possible():
    """Dilnoz and Dilnoza are both women's names: a spelling variant, not a sister."""
    assert_level(PersonName("Karimova", "Dilnoz"), PersonName("Каримова", "Дилноза"), POSSIBLE)


@pytest.mark.parametrize(
    ("query", "record"),
    [
        (("Karimov", "Hasan"), ("Каримов", "Хусан")),
        (("Asanov", "Asan"), ("Асанов", "Үсөн")),
        (("Karimov", "Amir"), ("Каримов", "Умар")),
        (("Karimov", "Aziz"), ("Каримов", "Азим")),
        (("Karimov", "Farhod"), ("Каримов", "Фаррух")),
        (("Karimov", "Rustam"), ("Каримов", "Рустамбек")),
        (("Karimov", "Aziz"), ("Рахимов", "Азиз")),
        (("Botirov", "Ali"), ("Алиев", "Ботир")),
    ],
)
def test_look_alikes_are_not_record_found(query, record):
    assert match(PersonName(*query), PersonName(*record)) != SAME


@pytest.mark.parametrize(
    ("query", "record", "expected"),
    [
        # One edit in five letters of skeleton is a near miss; in four, another name.
        (("Tursunov", "Temur"), ("Турсунов", "Тимур"), POSSIBLE),
        (("Karimov", "Aziz"), ("Каримов", "Азим"), DIFFERENT),
        # Two edits in ten letters; three are too many.
        (("Tursunov", "Abdulhamid"), ("Турсунов", "Абдулхалил"), POSSIBLE),
        (("Tursunov", "Abdulhamid"), ("Турсунов", "Абдулкарим"), DIFFERENT),
    ],
)
def test_a_near_miss_is_at_most_one_edit_per_five_letters(query, record, expected):
    assert match(PersonName(*query), PersonName(*record)) == expected


@pytest.mark.parametrize(
    ("query", "record"),
    [
        (("Qalmurzaev", "Berdaq"), ("Калмурзаев", "Бердах")),
        (("Karimova", "DILERA"), ("Каримова", "Дилёра")),
        (("Tursunov", "Temur"), ("Турсунов", "Тимур")),
        (("Tursunov", "Muhammad"), ("Турсунов", "Мухаммед")),
        (("Tursunova", "Feruza"), ("Турсунова", "Фируза")),
        (("Rahmonov", "Aziz"), ("Рахмонзода", "Азиз")),
    ],
)
def test_variants_no_fold_covers_are_possible(query, record):
    """Russian Бердах for Berdaq, ICAO's ё as E, e/i and a/e name variants, a Tajik
    surname changed to -zoda: not certain, so the person is told to check further."""
    assert_level(PersonName(*query), PersonName(*record), POSSIBLE)


@pytest.mark.xfail(
    strict=True,
    reason="o/u ambiguity: a Latin 'o' may be oʻ without its apostrophe and Russian "
    "writes ў as у or о, so Normatov and Nurmatov cannot be told apart by spelling",
)
def test_known_limitation_normatov_nurmatov():
    assert match(PersonName("Normatov", "Aziz"), PersonName("Нурматов", "Азиз")) != SAME


@pytest.mark.parametrize(
    ("query", "record"),
    [
        (("Karimov", ""), ("Каримов", "Азиз")),
        (("", "Aziz"), ("Каримов", "Азиз")),
        (("", ""), ("", "")),
    ],
)
def test_incomplete_names_are_never_matched(query, record):
    assert_level(PersonName(*query), PersonName(*record), DIFFERENT)


def test_match_level_values_are_the_api_values():
    assert [level.value for level in MatchLevel] == ["record_found", "possible_match", "no_record"]
