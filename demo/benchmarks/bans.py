"""``manage.py benchmark blacklist --count N``: seed N synthetic records into a
benchmark source of the configured database and time `check_person`.

Half the queries are people on the list typed the way they write their own name
(Uzbek Latin, passport Latin), half are people who are not on it. Seeding is
skipped when the source already holds N records. On PostgreSQL the rows go in
with COPY and the lookup indexes are built afterwards.
"""

import csv
import http.client
import io
import itertools
import random
import re
import statistics
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from blacklist.models import BanRecord, BanSource, name_key_columns, normalise_document_number
from blacklist.services import check_person
from demo import synthetic_people
from demo.benchmarks import load, servers

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


def _queries(source, queries, seed=None):
    """(name, date of birth, citizenship, expected on the list) for each timed check;
    the same for one ``seed`` (by default the number of checks)."""
    seed = queries if seed is None else seed
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
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
    for person in synthetic_people.people(f"unknown-{seed}", queries - len(result)):
        result.append((person["own"], person["date_of_birth"], person["citizenship"], False))
    rng.shuffle(result)
    return result


def _warm(stdout):
    """Read the list and its indexes into PostgreSQL's memory (`pg_prewarm`) before
    anything is timed. A server that checks people all day holds them there, but
    on a benchmark machine whatever ran last (seeding the vacancies) may have
    pushed them out: the same code then measured a third slower. Without the
    extension (a user who may not create it) the run says so and goes on cold."""
    if connection.vendor != "postgresql":
        return
    table = BanRecord._meta.db_table
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            cursor.execute(
                "SELECT sum(pg_prewarm(oid)) FROM pg_class WHERE oid = %s::regclass"
                " OR oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = %s::regclass)",
                [table, table],
            )
            pages = cursor.fetchone()[0]
    except DatabaseError as error:
        stdout.write(f"the list was not read into memory first ({str(error).strip()})")
        return
    stdout.write(f"the list and its indexes read into memory first ({pages:,} pages)")


def _percentile(timings, share):
    return statistics.quantiles(timings, n=100, method="inclusive")[share - 1]


def run(count, queries, stdout, seconds=None):
    """Time `check_person` in process; with ``seconds``, also the form's POST end
    to end over HTTP for that long (`over_http`)."""
    source = seed(count, stdout)
    _warm(stdout)
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
    if seconds:
        over_http(source, seconds, stdout)


# People checked over HTTP, each from an address of its own: each is checked a few
# times in a run, within the form's limits per person and per address
# (`blacklist.views`), which the load generator must not reach.
HTTP_PEOPLE = 600
FORM = "/uz/blacklist/check/"


def over_http(source, seconds, stdout):
    """The check as a person makes it: the form's POST through gunicorn (2 sync
    workers) at 1 connection on loopback (`load`), half the people on the list.
    Each run draws other people and addresses, so that the limits counted over the
    last hour (in Redis, as in production) do not refuse the next run."""
    drawn = time.time_ns()
    checks = _queries(source, HTTP_PEOPLE, seed=drawn)
    with servers.gunicorn() as portal:
        cookie, token = _csrf(portal + FORM)
        posts = [
            (
                urlencode(
                    {
                        "csrfmiddlewaretoken": token,
                        "surname": surname,
                        "given_name": given_name,
                        "patronymic": patronymic,
                        "date_of_birth": birth.isoformat(),
                        "citizenship": citizenship,
                    }
                ),
                f"10.{drawn % 251}.{number // 256}.{number % 256}",
            )
            for number, ((surname, given_name, patronymic), birth, citizenship, _on) in enumerate(
                checks
            )
        ]
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{settings.CSRF_COOKIE_NAME}={cookie}",
            "Referer": f"https://{urlsplit(portal).netloc}{FORM}",
        }
        # Both workers boot and serve their first checks (seconds, here) unmeasured.
        load.run(portal + FORM, min(seconds, 2), connections=2, posts=posts, headers=headers)
        result = load.run(portal + FORM, seconds, posts=posts, headers=headers)
    stdout.write(
        f"ban check POST end to end ({FORM} through gunicorn, {load.describe()}, "
        f"{len(posts)} people, half on the list): p50 / p95 {result} ms"
    )


def _csrf(url):
    """(CSRF cookie, form token) as the form page hands them to a browser."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path, headers=load.HEADERS)
        response = connection.getresponse()
        page = response.read().decode()
    finally:
        connection.close()
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if response.status != 200 or settings.CSRF_COOKIE_NAME not in cookies or not token:
        raise load.LoadError(f"{url} handed no CSRF cookie and token ({response.status})")
    return cookies[settings.CSRF_COOKIE_NAME].value, token.group(1)


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
