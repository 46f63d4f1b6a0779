"""``manage.py benchmark blacklist --count N``: seed N synthetic records into a
benchmark source of the configured database and time `check_person`.

Half the queries are people on the list typed the way they write their own name
(Uzbek Latin, passport Latin), half are people who are not on it. Seeding is
skipped when the source already holds N records. On PostgreSQL the rows go in
with COPY and the lookup indexes are built afterwards.
"""

import csv
import io
import itertools
import random
import statistics
import time

from django.db import connection, transaction
from django.utils import timezone

from blacklist.models import BanRecord, BanSource, name_key_columns, normalise_document_number
from blacklist.services import check_person
from demo import synthetic_people

SOURCE_CODE = "benchmark"
CHUNK = 100_000
COPY_COLUMNS = (
    "source_id",
    "external_id",
    "surname",
    "given_name",
    "patronymic",
    "script",
    "date_of_birth",
    "citizenship",
    "document_number",
    "ban_start",
    "ban_end",
    "basis",
    "is_active",
    "first_seen",
    "last_seen",
    "name_key_1",
    "name_key_2",
    "document_key",
)


def _row(source_id, person, today):
    keys = name_key_columns(person["surname"], person["given_name"])
    return (
        source_id,
        person["external_id"],
        person["surname"],
        person["given_name"],
        person["patronymic"],
        BanRecord.Script.CYRILLIC,
        person["date_of_birth"],
        person["citizenship"],
        person["document_number"],
        person["ban_start"],
        person["ban_end"] or "",
        person["basis"],
        True,
        today,
        today,
        *keys,
        normalise_document_number(person["document_number"]),
    )


def _copy(source, count, today, stdout):
    """PostgreSQL: drop the lookup indexes, COPY in chunks, build the indexes, analyse."""
    indexes = BanRecord._meta.indexes
    with connection.schema_editor() as editor:
        for index in indexes:
            editor.remove_index(BanRecord, index)
    columns = ", ".join(COPY_COLUMNS)
    text = "patronymic, citizenship, document_number, name_key_2, document_key"
    sql = (
        f"COPY {BanRecord._meta.db_table} ({columns}) FROM STDIN "
        f"WITH (FORMAT csv, FORCE_NOT_NULL ({text}))"  # empty text is "", empty dates NULL
    )
    people = synthetic_people.people(SOURCE_CODE, count)
    done = 0
    with connection.cursor() as cursor:
        while chunk := list(itertools.islice(people, CHUNK)):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerows(_row(source.pk, person, today) for person in chunk)
            buffer.seek(0)
            cursor.cursor.copy_expert(sql, buffer)
            done += len(chunk)
            if done % 1_000_000 == 0:
                stdout.write(f"  {done:,} rows copied")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check the foreign keys now
    with connection.schema_editor() as editor:
        for index in indexes:
            editor.add_index(BanRecord, index)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {BanRecord._meta.db_table}")
    stdout.write(f"  indexes built in {time.perf_counter() - started:.1f} s")


def _bulk_create(source, count, today):
    people = synthetic_people.people(SOURCE_CODE, count)
    while chunk := list(itertools.islice(people, 10_000)):
        records = []
        for person in chunk:
            record = BanRecord(
                source=source,
                first_seen=today,
                last_seen=today,
                **{key: value for key, value in person.items() if key != "own"},
            )
            record.set_derived_fields()
            records.append(record)
        BanRecord.objects.bulk_create(records, batch_size=2000)


def seed(count, stdout):
    source, _ = BanSource.objects.get_or_create(
        code=SOURCE_CODE,
        defaults={
            "name": "Benchmark (synthetic)",
            "country": "RU",
            "kind": BanSource.Kind.ENTRY_BAN,
        },
    )
    existing = source.records.count()
    if existing == count:
        stdout.write(f"{count:,} benchmark records already loaded")
        return source
    started = time.perf_counter()
    today = timezone.localdate()
    with transaction.atomic():
        source.records.all().delete()
        if connection.vendor == "postgresql":
            _copy(source, count, today, stdout)
        else:
            _bulk_create(source, count, today)
        source.refresh_statistics()
    stdout.write(f"seeded {count:,} records in {time.perf_counter() - started:.1f} s")
    return source


def _queries(source, queries):
    """(name, date of birth, citizenship, expected on the list) for each timed check."""
    rng = random.Random(queries)  # noqa: S311 (reproducible test data)
    bounds = source.records.order_by("pk").values_list("pk", flat=True)
    first, last = bounds.first(), bounds.last()
    wanted = (queries + 1) // 2
    # About half the synthetic bans have ended; draw enough ids to find bans in force.
    known = source.records.in_force().filter(
        pk__in=[rng.randint(first, last) for _ in range(wanted * 4)]
    )[:wanted]
    result = [
        (
            synthetic_people.own_spelling(
                r.surname, r.given_name, r.patronymic, r.citizenship.code
            ),
            r.date_of_birth,
            r.citizenship.code,
            True,
        )
        for r in known
    ]
    for person in synthetic_people.people(f"unknown-{queries}", queries - len(result)):
        result.append((person["own"], person["date_of_birth"], person["citizenship"], False))
    rng.shuffle(result)
    return result


def _percentile(timings, share):
    return statistics.quantiles(timings, n=100, method="inclusive")[share - 1]


def run(count, queries, stdout):
    source = seed(count, stdout)
    checks = _queries(source, queries)
    for name, birth, citizenship, _ in checks[:5]:  # warm the connection and caches
        _check(name, birth, citizenship)
    timings, found, missed = [], 0, 0
    for name, birth, citizenship, known in checks:
        started = time.perf_counter()
        result = _check(name, birth, citizenship)
        timings.append((time.perf_counter() - started) * 1000)
        if known:
            found += result.outcome == "record_found"
            missed += result.outcome == "no_record"
    known_total = sum(1 for *_, known in checks if known)
    stdout.write(
        f"check_person on {connection.vendor}, {source.records.count():,} records in the "
        f"benchmark source, {len(timings)} checks ({known_total} people on the list):\n"
        f"  p50 {_percentile(timings, 50):.2f} ms, p95 {_percentile(timings, 95):.2f} ms, "
        f"max {max(timings):.2f} ms\n"
        f"  people on the list: {found} record found, {missed} missed"
    )


def _check(name, birth, citizenship):
    surname, given_name, patronymic = name
    return check_person(
        surname=surname,
        given_name=given_name,
        patronymic=patronymic,
        date_of_birth=birth,
        citizenship=citizenship,
        count=False,
    )
