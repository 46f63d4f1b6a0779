"""import_bans and import_rows: validation by line, upsert by external id,
idempotence, and rows from JSON feeds."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from blacklist.importing import import_rows
from blacklist.models import BanRecord, BanSource

pytestmark = pytest.mark.django_db

HEADER = (
    "external_id,surname,given_name,patronymic,date_of_birth,citizenship,"
    "document_number,ban_start,ban_end,basis\n"
)
GOOD = (
    "r1,Абдуллаев,Шахзод,Ботирович,1991-03-14,UZ,AA1234567,2024-01-01,2029-01-01,overstay\n"
    "r2,Усенбаев,Омурбек,,1988-11-02,KG,,2023-05-01,,expulsion\n"
)
BAD = (
    "r3,Каримов,Азиз,,14.03.1991,UZ,,,,overstay\n"  # line 4: not an ISO date
    "r4,,Азиз,,1991-03-14,UZ,,,,overstay\n"  # line 5: no surname
    "r5,Каримов,Азиз,,1991-03-14,XX,,,,overstay\n"  # line 6: unknown country
    "r6,Каримов,Азиз,,1991-03-14,UZ,,2024-01-01,2023-01-01,overstay\n"  # line 7: ends first
    "r7,Каримов,Азиз,,1991-03-14,UZ,,,,tourism\n"  # line 8: unknown basis
    "r1,Каримов,Азиз,,1991-03-14,UZ,,,,overstay\n"  # line 9: r1 twice
    "r8,Рахимов,Бобур,,1990-02-02,uz,,,,other\n"  # line 10: good, lowercase country
    "r9,---,Азиз,,1991-03-14,UZ,,,,overstay\n"  # line 11: no letters in the surname
)


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_bans", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "bans.csv"
    path.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    return path


def test_import_creates_the_source_and_loads_good_rows(csv_file):
    out, err = run(csv_file, "--source", "ru-mvd", "--country", "ru", "--name", "Russia: bans")
    source = BanSource.objects.get(code="ru-mvd")
    assert source.country.code == "RU"
    assert source.active_records == 3
    assert source.updated_at is not None
    assert sorted(source.records.values_list("external_id", flat=True)) == ["r1", "r2", "r8"]
    assert "3 created, 0 updated, 0 unchanged, 0 deactivated, 7 rows skipped" in out
    for line, field in [
        (4, "date_of_birth"),
        (5, "surname"),
        (6, "citizenship"),
        (7, "ban_end"),
        (8, "basis"),
        (9, "external_id"),
        (11, "surname"),
    ]:
        assert f"line {line}, {field}:" in err
    record = BanRecord.objects.get(external_id="r1")
    assert record.document_key == "AA1234567"
    assert record.script == "Cyrl"
    assert record.name_key_1
    assert BanRecord.objects.get(external_id="r2").ban_end is None
    assert BanRecord.objects.get(external_id="r8").citizenship.code == "UZ"


def test_reimporting_the_same_file_changes_nothing(csv_file):
    run(csv_file, "--source", "ru-mvd", "--country", "RU", "--name", "Russia: bans")
    before = list(BanRecord.objects.order_by("pk").values())
    out, _ = run(csv_file, "--source", "ru-mvd")
    assert "0 created, 0 updated, 3 unchanged" in out
    assert list(BanRecord.objects.order_by("pk").values()) == before


def test_a_changed_row_updates_its_record(csv_file, tmp_path):
    run(csv_file, "--source", "ru-mvd", "--country", "RU", "--name", "Russia: bans")
    changed = tmp_path / "changed.csv"
    changed.write_text(HEADER + GOOD.replace("2029-01-01", "2031-01-01"), encoding="utf-8")
    out, _ = run(changed, "--source", "ru-mvd")
    assert "0 created, 1 updated, 1 unchanged" in out
    assert BanRecord.objects.get(external_id="r1").ban_end == datetime.date(2031, 1, 1)


def test_complete_list_deactivates_missing_records(csv_file, tmp_path):
    run(csv_file, "--source", "ru-mvd", "--country", "RU", "--name", "Russia: bans")
    smaller = tmp_path / "smaller.csv"
    smaller.write_text(HEADER + GOOD.splitlines(keepends=True)[0], encoding="utf-8")
    out, _ = run(smaller, "--source", "ru-mvd", "--complete")
    assert "2 deactivated" in out
    assert BanSource.objects.get(code="ru-mvd").active_records == 1
    # A record that comes back is active again.
    run(csv_file, "--source", "ru-mvd")
    assert BanRecord.objects.filter(is_active=True).count() == 3


def test_unknown_source_without_country_and_name_is_refused(csv_file):
    with pytest.raises(CommandError, match="--country and --name"):
        run(csv_file, "--source", "nowhere")
    assert not BanRecord.objects.exists()


def test_bad_header_and_bad_encoding_are_refused(tmp_path, source):
    header = tmp_path / "header.csv"
    header.write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing columns: external_id"):
        run(header, "--source", source.code)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(HEADER.encode() + b"\xff\xfe\x00bad\n")
    with pytest.raises(CommandError):
        run(binary, "--source", source.code)
    with pytest.raises(CommandError):
        run(tmp_path / "missing.csv", "--source", source.code)


def test_rows_from_a_json_feed(source):
    rows = [
        {
            "external_id": "f1",
            "surname": "Kadyrov",
            "given_name": "Islom",
            "date_of_birth": "1990-01-01",
            "basis": "administrative",
        },
        {"external_id": "f2", "surname": "X", "given_name": 5, "date_of_birth": None},
        "not an object",
        {"external_id": "f3", "surname": "Ali\x00", "given_name": "Vali", "basis": "other"},
    ]
    report = import_rows(source, rows)
    assert report.created == 1
    assert {(error.line, error.field) for error in report.errors} >= {
        (2, "date_of_birth"),
        (2, "basis"),
        (3, "-"),
        (4, "surname"),
    }
    record = source.records.get()
    assert record.script == "Latn"
    assert record.patronymic == ""
    assert record.citizenship == ""
