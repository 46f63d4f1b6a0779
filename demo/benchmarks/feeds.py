"""``manage.py benchmark feeds --count N``: sync a generated vacancies document of
N records into a benchmark partner's feed, then a second document with the same
records in another order (each recognised by its record checksum, nothing
written), then the identical document again (document checksum skip), printing
each time; with ``--syncs S``, S more that change every record, then the first
sync again on the table they wore (`_worn`). The benchmark partner's vacancies,
feed and runs are removed at the end (and at the start, if a stopped run left
them), and on PostgreSQL the table is vacuumed so that the next run starts from
the table this one found (without autovacuum, the hundred thousand deleted rows
would burden every later run's inserts)."""

import json
import time

from django.db import connection, transaction

from feeds.models import Feed, FeedRun
from feeds.sync import run_feed
from partners.models import Partner
from vacancies.models import Country, ExchangeRate, Publisher, Vacancy

PARTNER = "Feed benchmark partner"


def document(count, reverse=False, revision=0):
    """A vacancies document of `count` records; each `revision` changes every record
    (the wage)."""
    numbers = range(count - 1, -1, -1) if reverse else range(count)
    return json.dumps(
        {
            "kind": "vacancies",
            "records": [
                {
                    "external_id": f"BENCH-{n}",
                    "title_en": f"Greenhouse worker {n}",
                    "channel": "employer",
                    "country": "KR",
                    "city": "Gimhae",
                    "employer_name": f"Hanil Agro {n % 500}",
                    "wage_min": str(2_060_740 + n % 1000 + revision),
                    "wage_currency": "KRW",
                    "contract_months": 36,
                    "visa_type": "E-9",
                    "housing": True,
                }
                for n in numbers
            ],
        }
    ).encode()


def _timed(feed, body):
    start = time.perf_counter()
    run = run_feed(feed, body=body, trigger=FeedRun.Trigger.PUSH)
    return time.perf_counter() - start, run


def _report(stdout, label, seconds, result):
    stdout.write(
        f"{label}: {seconds:.2f} s — {result.get_outcome_display()}, "
        f"{result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.rejected} rejected"
    )


def _worn(feed, partner, count, syncs, first_body, stdout):
    """The first sync again on a table worn by `syncs` syncs that changed every record
    (issue 18: "also on a database that has been through many syncs"): each leaves
    a dead version of every row and its index entries for vacuum to reclaim, and
    the feed's vacancies are then deleted, their index entries left behind too, and
    delivered new."""
    for number in range(1, syncs + 1):
        body = document(count, revision=number)
        _report(stdout, f"sync {number} of {syncs} (every record changed)", *_timed(feed, body))
    Vacancy.objects.filter(partner=partner).delete()
    _report(stdout, f"first sync again, after {syncs} syncs (all new)", *_timed(feed, first_body))


def _remove(partner):
    """The benchmark partner and everything of it: its vacancies, feeds (and their
    runs) and publishers."""
    Vacancy.objects.filter(partner=partner).delete()
    Feed.objects.filter(partner=partner).delete()
    Publisher.objects.filter(partner=partner).delete()
    partner.delete()


def run(count, queries, stdout, syncs=0):
    # A run that was stopped (interrupted, killed) left its vacancies: they would
    # make this run's first sync update them rather than create them, and sit
    # among the pages `benchmark vacancies` measures.
    for leftover in Partner.objects.filter(name=PARTNER):
        stdout.write("removing what an interrupted run of this benchmark left")
        _remove(leftover)
    with transaction.atomic():
        Country.objects.get_or_create(code="KR", defaults={"name": "South Korea"})
        if not ExchangeRate.objects.filter(currency="KRW").exists():
            ExchangeRate.objects.create(currency="KRW", per_usd=1400)
        partner, _ = Partner.objects.get_or_create(name=PARTNER)
        Publisher.objects.get_or_create(partner=partner, channel="employer")
        feed = Feed.objects.create(
            partner=partner, name="benchmark", kind="vacancies", format="json"
        )
    try:
        first_body, second_body = document(count), document(count, reverse=True)
        for label, body in (
            ("first sync (all new)", first_body),
            ("second sync (same records, new document)", second_body),
            ("third sync (identical document)", second_body),
        ):
            _report(stdout, label, *_timed(feed, body))
        if syncs:
            _worn(feed, partner, count, syncs, first_body, stdout)
    finally:
        _remove(partner)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM ANALYZE {Vacancy._meta.db_table}")
