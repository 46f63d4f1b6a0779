"""check_person: outcomes, the date of birth, documents, bans in force, and that a
check reads only the candidates of one birth date through the key index."""

import datetime

import pytest
from django.utils import translation

from blacklist import services
from blacklist.matching import MatchLevel, name_keys
from blacklist.models import BanRecord, BanSource, DailyCheckCount
from blacklist.services import check_person

pytestmark = pytest.mark.django_db
BORN = datetime.date(1991, 3, 14)


def check(surname, given_name, patronymic="", born=BORN, **extra):
    return check_person(
        surname=surname, given_name=given_name, patronymic=patronymic, date_of_birth=born, **extra
    )


@pytest.mark.parametrize(
    ("record", "query"),
    [
        # Russian list against Uzbek Latin, every apostrophe, and none
        (("Уринбаев", "Уткир", "Ботирович"), ("Oʻrinboyev", "Oʻtkir", "Botir oʻgʻli")),
        (("Уринбаев", "Уткир", ""), ("O'rinboyev", "O'tkir", "")),
        (("Уринбаев", "Уткир", ""), ("O`rinboyev", "O`tkir", "")),
        (("Уринбаев", "Уткир", ""), ("Orinboyev", "Otkir", "")),
        # Uzbek and Kyrgyz Cyrillic letters
        (("Кадыров", "Гайрат", ""), ("Қодиров", "Ғайрат", "")),
        (("Усенбаев", "Омурбек", ""), ("Үсөнбаев", "Өмүрбек", "")),
        # ICAO 9303 and older passport schemes
        (("Ходжаев", "Шухрат", ""), ("KHODZHAEV", "SHUKHRAT", "")),
        (("Джураев", "Бахтиёр", ""), ("DJURAEV", "BAKHTIYOR", "")),
        (("Якубов", "Юсуф", ""), ("IAKUBOV", "IUSUF", "")),
        # Uzbek o/a where Russian spelling differs
        (("Таджибаев", "Дилшод", ""), ("Tojiboyev", "Dilshod", "")),
        # Name order swapped, hyphens and spaces
        (("Абдуллаев", "Шахзод", "Ботирович"), ("Shahzod", "Abdullayev", "")),
        (("Каримов", "Абдулазиз", ""), ("Karimov", "Abdul-Aziz", "")),
        (("Каримов", "Абдулазиз", ""), ("Karimov", "Abdul Aziz", "")),
        # Patronymic missing, or in another form
        (("Абдуллаев", "Шахзод", "Ботирович"), ("Abdullayev", "Shahzod", "")),
        (("Асанбеков", "Нурлан", ""), ("Asanbek uulu", "Nurlan", "")),
        (("Каримова", "Дилноза", "Ботировна"), ("Karimova", "Dilnoza", "Botir qizi")),
        # Tajik
        (("Рахмонов", "Манучехр", ""), ("Раҳмонов", "Манучеҳр", "")),
    ],
)
def test_spelling_families_are_record_found(make_record, record, query):
    make_record(*record)
    result = check(*query)
    assert result.outcome == MatchLevel.SAME
    assert [m.level for m in result.matches] == [MatchLevel.SAME]


def test_record_found_says_country_until_basis_advice_and_where_to_verify(make_record, source):
    make_record(ban_end=datetime.date(2030, 6, 30), basis=BanRecord.Basis.DEBTS)
    result = check("Abdullayev", "Shahzod", "Botir oʻgʻli")
    (found,) = result.matches
    assert found.source == source
    assert found.source.country.code == "RU"
    assert found.ban_end == datetime.date(2030, 6, 30)
    with translation.override("en"):
        assert str(found.basis_label) == "Unpaid fines, taxes or debts"
        assert "paid" in str(found.advice)
    assert found.source.verify_url == "https://example.org/verify"
    assert result.sources == [source]


def test_no_record_still_lists_the_sources(source):
    result = check("Karimov", "Aziz")
    assert result.outcome == MatchLevel.DIFFERENT
    assert result.matches == []
    assert result.sources == [source]
    assert result.sources[0].updated_at is not None


def test_possible_match_for_a_close_name(make_record):
    make_record("Турсунова", "Фируза", "")
    assert check("Tursunova", "Feruza").outcome == MatchLevel.POSSIBLE


def test_date_of_birth_must_match_exactly(make_record):
    make_record()
    assert check("Abdullayev", "Shahzod", born=BORN.replace(day=15)).outcome == "no_record"
    assert check("Abdullayev", "Shahzod", born=BORN.replace(year=1992)).outcome == "no_record"


@pytest.mark.parametrize(
    ("query", "expected"),
    [(("Karimova", "Aziza"), "no_record"), (("Karimov", "Aziz"), "record_found")],
)
def test_sister_is_not_her_brother(make_record, query, expected):
    make_record("Каримов", "Азиз", "")
    assert check(*query).outcome == expected


def test_document_number_confirms_or_rules_out(make_record):
    make_record(document_number="AA 123-45-67")
    assert check("Abdullayev", "Shahzod", document_number="aa1234567").outcome == "record_found"
    assert check("Abdullayev", "Shahzod", document_number="AA7654321").outcome == "no_record"
    # Without a number on one side the name decides.
    assert check("Abdullayev", "Shahzod").outcome == "record_found"


def test_same_document_with_an_unreadable_name_is_possible(make_record):
    make_record("Абдуллаев", "Шахзод", document_number="AA1234567")
    result = check("Mirzayev", "Bobur", document_number="AA1234567")
    assert result.outcome == MatchLevel.POSSIBLE


def test_other_citizenship_makes_a_found_record_possible(make_record):
    make_record(citizenship="UZ")
    assert check("Abdullayev", "Shahzod", citizenship="KG").outcome == "possible_match"
    assert check("Abdullayev", "Shahzod", citizenship="UZ").outcome == "record_found"


def test_only_bans_in_force_count(make_record):
    make_record(ban_end=datetime.date(2020, 1, 1), ban_start=datetime.date(2015, 1, 1))
    make_record("Каримов", "Азиз", "", is_active=False)
    make_record("Рахимов", "Бобур", "", ban_end=None)
    assert check("Abdullayev", "Shahzod").outcome == "no_record"
    assert check("Karimov", "Aziz").outcome == "no_record"
    assert check("Rahimov", "Bobur").outcome == "record_found"


def test_record_found_comes_before_possible(make_record):
    make_record("Турсунов", "Тимур", "")
    make_record("Турсунов", "Темур", "")
    result = check("Tursunov", "Temur")
    assert [m.level for m in result.matches] == ["record_found", "possible_match"]
    assert result.outcome == "record_found"


def test_only_daily_counts_are_kept(make_record):
    make_record()
    check("Abdullayev", "Shahzod")
    check("Abdullayev", "Shahzod")
    check("Karimov", "Aziz")
    counts = dict(DailyCheckCount.objects.values_list("outcome", "count"))
    assert counts == {"record_found": 2, "no_record": 1}
    check("Karimov", "Aziz", count=False)
    assert DailyCheckCount.objects.get(outcome="no_record").count == 1


def test_a_check_reads_candidates_through_the_key_index(
    make_record, django_assert_max_num_queries, django_assert_num_queries
):
    for number in range(30):
        make_record("Каримов", "Азиз", "", date_of_birth=BORN - datetime.timedelta(days=number))
    with django_assert_max_num_queries(4) as captured:
        check("Karimov", "Aziz", count=False)
    lookup = next(q["sql"] for q in captured.captured_queries if "name_key_1" in q["sql"])
    assert '"date_of_birth" =' in lookup
    assert '"name_key_1" IN' in lookup
    assert '"name_key_2" IN' in lookup


def test_a_check_is_one_query_and_sees_a_list_as_soon_as_it_is_loaded(
    make_record, source, django_assert_num_queries
):
    """The lists searched are kept (`pagecache.kept`): a check reads its candidates
    only, and the statistics of a list just loaded at once."""
    make_record()
    check("Karimov", "Aziz", count=False)
    with django_assert_num_queries(1):
        result = check("Abdullayev", "Shahzod", count=False)
    assert result.outcome == MatchLevel.SAME
    assert [s.active_records for s in result.sources] == [1]
    make_record("Каримов", "Азиз", "")
    source.refresh_statistics()
    (listed,) = check("Karimov", "Aziz", count=False).sources
    assert listed.active_records == 2
    assert listed.updated_at > source.updated_at - datetime.timedelta(seconds=5)


def test_a_list_the_kept_ones_lack_never_hides_a_record(make_record, source):
    """A list added by a write that sends no signal (a bulk insert) is not among the
    kept lists: a check that finds one of its records reads the lists afresh."""
    check("Karimov", "Aziz", count=False)  # the lists are kept
    (added,) = BanSource.objects.bulk_create(
        [BanSource(code="kz-bans", name="Kazakhstan: entry bans", country="KZ", kind="entry_ban")]
    )
    make_record(source=added)
    result = check("Abdullayev", "Shahzod", count=False)
    assert result.outcome == MatchLevel.SAME
    assert [match.source.code for match in result.matches] == ["kz-bans"]
    assert {listed.code for listed in result.sources} == {"ru-bans", "kz-bans"}


def test_the_counter_is_one_statement(make_record, django_assert_num_queries):
    """Today's counter is started or added to in one statement (`count_outcome`)."""
    with django_assert_num_queries(1):
        services.count_outcome(MatchLevel.SAME)
    with django_assert_num_queries(1):
        services.count_outcome(MatchLevel.SAME)
    assert DailyCheckCount.objects.get().count == 2


def test_keys_are_precomputed_on_save(make_record):
    record = make_record("Абдуллаев", "Шахзод", document_number="aa 12")
    assert (record.name_key_1, record.name_key_2) == ("bdl", "shhzd")
    assert {record.name_key_1, record.name_key_2} == name_keys(record.person_name)
    assert record.document_key == "AA12"
    assert record.script == "Cyrl"
    record.surname, record.given_name, record.patronymic = "Karimov", "Aziz", ""
    record.save(update_fields=["surname", "given_name", "patronymic"])
    record.refresh_from_db()
    assert record.script == "Latn"
    assert "krm" in {record.name_key_1, record.name_key_2}


@pytest.mark.postgres
def test_postgres_uses_the_index(make_record, source):
    """With many people born the same day, only the key indexes are read."""
    from django.db import connection

    from blacklist.matching import PersonName, name_keys

    make_record()
    BanRecord.objects.bulk_create(
        BanRecord(
            source=source,
            external_id=f"bulk-{number}",
            surname=f"Surname{number}",
            given_name=f"Given{number}",
            date_of_birth=BORN,
            basis="other",
            name_key_1=f"k{number}",
        )
        for number in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE blacklist_banrecord")
    keys = name_keys(PersonName("Abdullayev", "Shahzod"))
    sql, params = BanRecord.objects.candidates(BORN, keys).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan" not in plan
    assert "blacklist_dob_key_1" in plan
    assert "blacklist_dob_key_2" in plan
    assert "blacklist_dob_document" not in plan
