"""`python manage.py benchmark vacancies --count N`: seed N published vacancies in
the configured database, then time the list page, server side, with filters and
with a text search (p50 and p95 over `queries` requests each).

Vacancies come from the fictional "Benchmark feed" partner with external ids, so a
second run with the same N adds nothing. Run it on PostgreSQL for production
figures: the target is p95 <= 100 ms at 200,000 vacancies.
"""

import random
import statistics
import time

from django.conf import settings
from django.db import connection, transaction
from django.test import Client

from demo import agencies as demo_agencies
from demo import vacancies as demo_vacancies
from partners.models import Partner

PARTNER = "Benchmark feed (fictional vacancies)"
CASES = {
    "filters": [
        "/en/vacancies/?country=RU&min_wage=700&housing=on&sort=wage",
        "/ru/vacancies/?country=KR&language=ko&contract=long",
        "/uz/vacancies/?occupation=9&min_wage=500&channel=agency",
        "/kaa/vacancies/?country=GB&sort=deadline&page=3",
    ],
    "text search": [
        "/en/vacancies/?q=welder",
        "/ru/vacancies/?q=сварщик",
        "/uz/vacancies/?q=payvandchi&country=KR",
        "/ky/vacancies/?q=ашпоз",
    ],
}


def run(count, queries, stdout):
    started = time.perf_counter()
    with transaction.atomic():
        demo_agencies.seed()
        demo_vacancies.seed_reference_data()
        partner, _ = Partner.objects.get_or_create(name=PARTNER)
        existing = set(partner.vacancies.values_list("external_id", flat=True))
        rng = random.Random(1)  # noqa: S311
        created = demo_vacancies.build_vacancies(count, partner, "bench", existing, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    stdout.write(
        f"{created} vacancies seeded in {time.perf_counter() - started:.1f} s "
        f"({partner.vacancies.count()} benchmark vacancies, {connection.vendor})"
    )
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost")
    for name, urls in CASES.items():
        for url in urls:  # warm caches and connections
            _get(client, url)
        timings = []
        for n in range(queries):
            begin = time.perf_counter()
            _get(client, urls[n % len(urls)])
            timings.append((time.perf_counter() - begin) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        stdout.write(
            f"list page, {name}: p50 {statistics.median(timings):.1f} ms, "
            f"p95 {p95:.1f} ms over {queries} requests"
        )


def _get(client, url):
    response = client.get(url, secure=True)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return response
