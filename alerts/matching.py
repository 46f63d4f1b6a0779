"""Which saved searches each newly public vacancy matches, and the outbox rows
that follow.

A vacancy is new to the matcher the first time a run finds it public
(`Vacancy.objects.public`) among those published in the last `LOOKBACK`: a feed
batch written with COPY, an API save, an editor's publish button and a licence
reinstated all arrive the same way, with no signal from below. Each run marks its
vacancies (`MatchedVacancy`), then asks the database, through the vacancy list's
own filter set, which searches each of them matches: one statement for
`SEARCHES_PER_QUERY` searches at a time, each evaluated on the run's vacancies
only. Each recipient then gets one outbox row for the run, listing every new
vacancy any of their searches found: a feed batch of a thousand vacancies is one
message to a person, not forty, and whoever follows two matching searches hears
of a vacancy once.
"""

import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery, Value
from django.db.models import IntegerField as IntegerOutput
from django.utils import timezone

from alerts.models import MatchedVacancy, Message, SavedSearch, Subscription
from alerts.searches import menus_now, params, search_filter
from vacancies.models import Vacancy

# A vacancy published longer ago than this is no news when it becomes public.
LOOKBACK = timedelta(days=2)
# Searches evaluated in one statement (SQLite allows 500 terms in a UNION).
SEARCHES_PER_QUERY = 200
INSERT_BATCH = 2000


@dataclass
class MatchResult:
    run: int = 0
    vacancies: int = 0  # newly public, matched in this run
    searches: int = 0  # saved searches with a live subscription, each evaluated
    messages: int = 0  # outbox rows queued (one per recipient)


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
    menus = menus_now()
    parts = [
        search_filter(params(query), queryset=of_run, menus=menus)
        .qs.order_by()
        .annotate(search=Value(pk, output_field=IntegerOutput()))
        .values_list("pk", "search")
        for pk, query in searches
    ]
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def matches(run, searches):
    """{search id: [vacancy ids]} of the run's vacancies, `SEARCHES_PER_QUERY`
    searches to a query."""
    found = defaultdict(list)
    for start in range(0, len(searches), SEARCHES_PER_QUERY):
        for vacancy, search in _matches(run, searches[start : start + SEARCHES_PER_QUERY]):
            found[search].append(vacancy)
    return found


def enqueue_matches(run, found):
    """One outbox row per recipient for the run: all the run's vacancies that any
    of their live searches found (a vacancy belongs to one run only, so no vacancy
    reaches a recipient twice). Sent at once if one of those subscriptions is
    instant, else held for the daily digest. Returns how many rows were queued."""
    recipients = {}
    subscriptions = (
        Subscription.objects.filter(status="active", search_id__in=list(found))
        .exclude(chat__blocked_at__isnull=False)
        .order_by("pk")
        .values_list(
            "pk",
            "search_id",
            "channel",
            "email",
            "chat_id",
            "chat__chat_id",
            "language",
            "frequency",
        )
    )
    for pk, search, channel, email, chat, chat_id, language, frequency in subscriptions.iterator(
        chunk_size=10_000
    ):
        recipient = f"tg:{chat_id}" if channel == "telegram" else f"mail:{email.lower()}"
        entry = recipients.get(recipient)
        if entry is None:
            entry = recipients[recipient] = Message(
                key=f"vacancies:{run}",
                recipient=recipient,
                channel=channel,
                chat_id=chat,
                email=email,
                subscription_id=pk,
                kind=Message.Kind.VACANCY,
                language=language,
                status=Message.Status.HELD,
                payload=set(),
            )
        if frequency == Subscription.Frequency.INSTANT:
            entry.status = Message.Status.PENDING
        entry.payload.update(found[search])
    rows = list(recipients.values())
    for row in rows:
        row.payload = {"vacancies": sorted(row.payload, reverse=True)}
    Message.objects.bulk_create(rows, batch_size=INSERT_BATCH, ignore_conflicts=True)
    return len(rows)


def match_new_vacancies(now=None):
    """Match what became public since the last run; returns a `MatchResult`.

    Callers hold the matcher's lock (`alerts.tasks.match_new_vacancies`); were two
    runs to overlap anyway, the outbox's unique key keeps every message single."""
    run = time.time_ns()
    result = MatchResult(run=run)
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
        result.messages = enqueue_matches(run, matches(run, searches))
    return result
