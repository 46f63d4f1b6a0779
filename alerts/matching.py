"""Which saved searches each newly public vacancy matches, and the outbox rows
that follow.

A vacancy is new to the matcher the first time a run finds it public
(`Vacancy.objects.public`) among those published in the last `LOOKBACK`: a feed
batch written with COPY, an API save, an editor's publish button and a licence
reinstated all arrive the same way, with no signal from below. Each run marks its
vacancies (`MatchedVacancy`), then asks the database, through the vacancy list's
own filter set, which searches each of them matches, and writes the outbox rows
of their subscriptions in the same statement: one statement for
`SEARCHES_PER_QUERY` searches at a time, each evaluated on the run's vacancies
only. Rows are unique per vacancy and recipient: whoever follows two matching
searches hears once.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Subquery, Value
from django.db.models import IntegerField as IntegerOutput
from django.utils import timezone

from alerts.models import MatchedVacancy, SavedSearch, Subscription
from alerts.searches import params, search_filter
from vacancies.models import Vacancy

# A vacancy published longer ago than this is no news when it becomes public.
LOOKBACK = timedelta(days=2)
# Searches evaluated in one statement (SQLite allows 500 terms in a UNION).
SEARCHES_PER_QUERY = 200
INSERT_BATCH = 5000


@dataclass
class MatchResult:
    vacancies: int = 0  # newly public, matched in this run
    searches: int = 0  # saved searches with a live subscription, each evaluated
    messages: int = 0  # outbox rows queued


def new_public_vacancies(now=None):
    """Public vacancies published within `LOOKBACK` that no run has matched yet."""
    now = now or timezone.now()
    return Vacancy.objects.public().filter(
        ~Exists(MatchedVacancy.objects.filter(vacancy=OuterRef("pk"))),
        published_at__gte=now - LOOKBACK,
    )


def live_searches():
    return SavedSearch.objects.filter(
        Exists(Subscription.objects.filter(search=OuterRef("pk"), status="active"))
    ).values_list("pk", "query")


def _matches(run, searches):
    """One query: (vacancy id, search id) of the run's vacancies that each of
    ``searches`` [(id, query)] finds, through the vacancy list's filter set."""
    of_run = Vacancy.objects.filter(
        pk__in=Subquery(MatchedVacancy.objects.filter(run=run).values("vacancy_id"))
    )
    parts = [
        search_filter(params(query), queryset=of_run)
        .qs.order_by()
        .annotate(search=Value(pk, output_field=IntegerOutput()))
        .values_list("pk", "search")
        for pk, query in searches
    ]
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


# The outbox rows of the matches, written by the database (a batch can mean a
# million rows): one per vacancy and recipient, as the unique key drops the rest;
# instant subscriptions go first, so whoever follows a search both ways hears at
# once; daily ones are held for the digest; blocked chats get nothing. The matches
# are computed first (MATERIALIZED), then joined to their subscriptions by index:
# the planner must not run the 200 searches once per subscription.
ENQUEUE = """
WITH p AS MATERIALIZED ({matches})
INSERT INTO alerts_message (key, recipient, channel, chat_id, email, subscription_id,
    vacancy_id, kind, language, payload, status, due_at, attempts, error, created_at)
SELECT 'vacancy:' || CAST(p.pk AS TEXT),
    CASE WHEN s.channel = 'telegram' THEN 'tg:' || CAST(c.chat_id AS TEXT)
         ELSE 'mail:' || LOWER(s.email) END,
    s.channel, s.chat_id, s.email, s.id, p.pk, 'vacancy', s.language, %s,
    CASE WHEN s.frequency = 'instant' THEN 'pending' ELSE 'held' END, %s, 0, '', %s
FROM p
JOIN alerts_subscription s ON s.search_id = p.search AND s.status = 'active'
LEFT JOIN alerts_telegramchat c ON c.id = s.chat_id
WHERE c.blocked_at IS NULL
ORDER BY s.frequency DESC
ON CONFLICT (key, recipient) DO NOTHING
"""


def enqueue_matches(run, searches, now):
    """Queue the messages of ``searches`` for the run's vacancies; returns how many."""
    sql, match_params = _matches(run, searches).query.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(ENQUEUE.format(matches=sql), [*match_params, "{}", now, now])
        if cursor.rowcount >= 0:
            return cursor.rowcount
        cursor.execute("SELECT changes()")  # SQLite counts no rows for WITH ... INSERT
        return cursor.fetchone()[0]


def match_new_vacancies(now=None):
    """Match what became public since the last run; returns a `MatchResult`.

    Callers hold the matcher's lock (`alerts.tasks.match_new_vacancies`); were two
    runs to overlap anyway, the outbox's unique key keeps every message single."""
    run = time.time_ns()
    result = MatchResult()
    with transaction.atomic():
        ids = list(new_public_vacancies(now).values_list("pk", flat=True))
        if not ids:
            return result
        MatchedVacancy.objects.bulk_create(
            [MatchedVacancy(vacancy_id=pk, run=run) for pk in ids],
            batch_size=INSERT_BATCH,
            ignore_conflicts=True,
        )
        result.vacancies = len(ids)
        searches = list(live_searches())
        result.searches = len(searches)
        now = timezone.now()
        for start in range(0, len(searches), SEARCHES_PER_QUERY):
            result.messages += enqueue_matches(
                run, searches[start : start + SEARCHES_PER_QUERY], now
            )
    return result
