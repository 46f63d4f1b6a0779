"""Which saved searches each newly public vacancy matches, and the outbox rows
that follow.

A vacancy is new to the matcher the first time a run finds it public
(`Vacancy.objects.public`) among those published in the last `LOOKBACK`: a feed
batch written with COPY, an API save, an editor's publish button and a licence
reinstated all arrive the same way, with no signal from below. Each run marks its
vacancies (`MatchedVacancy`), then asks the database, through the vacancy list's
own filter set, which searches each of them matches: one SQL statement for
`SEARCHES_PER_QUERY` searches at a time, each evaluated on the run's vacancies
only. Subscriptions of the matched searches become outbox rows, unique per
vacancy and recipient: whoever follows two matching searches hears once.
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
from alerts.searches import params, search_filter
from vacancies.models import Vacancy

# A vacancy published longer ago than this is no news when it becomes public.
LOOKBACK = timedelta(days=2)
# Searches evaluated in one statement (SQLite allows 500 terms in a UNION).
SEARCHES_PER_QUERY = 200
INSERT_BATCH = 5000


@dataclass
class MatchResult:
    vacancies: int = 0
    searches: int = 0
    pairs: int = 0
    messages: int = 0


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


def matching_pairs(run, searches):
    """{search id: [vacancy ids]} of the run's vacancies that each search finds."""
    of_run = Vacancy.objects.filter(
        pk__in=Subquery(MatchedVacancy.objects.filter(run=run).values("vacancy_id"))
    )
    found = defaultdict(list)
    for start in range(0, len(searches), SEARCHES_PER_QUERY):
        parts = [
            search_filter(params(query), queryset=of_run)
            .qs.order_by()
            .annotate(search=Value(pk, output_field=IntegerOutput()))
            .values_list("search", "pk")
            for pk, query in searches[start : start + SEARCHES_PER_QUERY]
        ]
        union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for search, vacancy in union:
            found[search].append(vacancy)
    return found


def messages_for(found):
    """The outbox rows for {search: [vacancies]}: one per vacancy and recipient, held
    for the digest when every matching subscription of that recipient is daily."""
    subscriptions = defaultdict(list)
    for row in (
        Subscription.objects.filter(status="active", search_id__in=list(found))
        .exclude(chat__blocked_at__isnull=False)
        .values(
            "pk",
            "search_id",
            "channel",
            "email",
            "chat_id",
            "chat__chat_id",
            "language",
            "frequency",
        )
    ):
        subscriptions[row["search_id"]].append(row)
    rows = {}
    for search, vacancies in found.items():
        for sub in subscriptions.get(search, ()):
            if sub["channel"] == "telegram":
                recipient = f"tg:{sub['chat__chat_id']}"
            else:
                recipient = f"mail:{sub['email'].lower()}"
            instant = sub["frequency"] == Subscription.Frequency.INSTANT
            for vacancy in vacancies:
                key = f"vacancy:{vacancy}"
                held = rows.get((key, recipient))
                if held is not None and (held.status == Message.Status.PENDING or not instant):
                    continue
                rows[(key, recipient)] = Message(
                    key=key,
                    recipient=recipient,
                    channel=sub["channel"],
                    chat_id=sub["chat_id"],
                    email=sub["email"],
                    subscription_id=sub["pk"],
                    vacancy_id=vacancy,
                    kind=Message.Kind.VACANCY,
                    language=sub["language"],
                    status=Message.Status.PENDING if instant else Message.Status.HELD,
                )
    return list(rows.values())


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
        found = matching_pairs(run, searches) if searches else {}
        result.searches = len(found)
        result.pairs = sum(len(vacancies) for vacancies in found.values())
        messages = messages_for(found)
        Message.objects.bulk_create(messages, batch_size=INSERT_BATCH, ignore_conflicts=True)
        result.messages = len(messages)
    return result
