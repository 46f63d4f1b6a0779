"""Which saved searches each newly public vacancy matches, and the outbox rows
that follow.

A vacancy is new to the matcher the first time a run finds it public
(`Vacancy.objects.public`) among those published in the last `LOOKBACK`: a feed
batch written with COPY, an API save, an editor's publish button and a licence
reinstated all arrive the same way, with no signal from below. Each run marks its
vacancies (`MatchedVacancy`), then asks the vacancy list's own filter set which of
them each search finds.

The list's filters narrow one after another, each on its own (a conjunction), so a
search finds what all of its filters find: each distinct filter and value among
the live searches ("country=KR", "min_wage=1000") is asked once, as a filter set
of that one filter over the run's vacancies, and each search's matches are the
intersection of its filters' answers. A hundred thousand subscriptions share a
few dozen such questions, where building a filter set per search took minutes;
`tests/alerts/test_matching.py` holds the two to the same answers. Each recipient
then gets one outbox row for the run, listing every new vacancy any of their
searches found: a feed batch of a thousand vacancies is one message to a person,
not forty, and whoever follows two matching searches hears of a vacancy once.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from alerts.models import MatchedVacancy, Message, SavedSearch, Subscription
from alerts.searches import menus_now, params, search_filter
from vacancies.filters import VacancyFilter
from vacancies.models import Vacancy

# A vacancy published longer ago than this is no news when it becomes public.
LOOKBACK = timedelta(days=2)
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


def filters_of(query):
    """The search's (filter, value) pairs as the filter set reads them: the last
    value of a repeated parameter, names that are no filter left out."""
    data = params(query)
    return frozenset((name, data[name]) for name in data if name in VacancyFilter.base_filters)


def matches(run, searches):
    """{search id: [vacancy ids]} of the run's vacancies that each of ``searches``
    [(id, query)] finds: one filter set per distinct (filter, value) pair."""
    of_run = Vacancy.objects.filter(
        pk__in=Subquery(MatchedVacancy.objects.filter(run=run).values("vacancy_id"))
    )
    menus = menus_now()
    everything = None
    answers = {}
    found = {}
    for pk, query in searches:
        pairs = filters_of(query)
        ids = None
        for pair in pairs:
            if pair not in answers:
                filterset = search_filter(dict([pair]), queryset=of_run, menus=menus)
                answers[pair] = frozenset(filterset.qs.order_by().values_list("pk", flat=True))
            ids = answers[pair] if ids is None else ids & answers[pair]
            if not ids:
                break
        if ids is None:  # no filter at all: every new vacancy
            if everything is None:
                everything = frozenset(of_run.values_list("pk", flat=True))
            ids = everything
        if ids:
            found[pk] = sorted(ids)
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
