"""The Celery task behind every scheduled or operator-started feed run."""

import random

from celery import shared_task
from django.conf import settings

from feeds.fetching import TransientError

MAX_RETRIES = 5
BACKOFF_BASE = 30  # seconds; doubles with each retry
BACKOFF_CAP = 3600


def backoff(retries):
    """Exponential backoff with full jitter, so partners are not hit in lockstep."""
    return random.uniform(0, min(BACKOFF_CAP, BACKOFF_BASE * 2**retries))  # noqa: S311 (jitter, not a secret)


# Acknowledged when a worker starts it, not when it ends (``acks_late=False``): a
# worker that dies mid-run does not have the broker hand the run to another an
# hour later (Redis's visibility timeout), nor a document that kills workers
# kill one after another; its run is closed as failed (`close_dead_runs`) and the
# feed's own schedule runs it again.
@shared_task(
    bind=True,
    max_retries=MAX_RETRIES,
    acks_late=False,
    soft_time_limit=settings.FEED_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.FEED_TASK_TIME_LIMIT,
)
def sync_feed(self, feed_id):
    """Run feed ``feed_id`` once; retried on timeouts, lost connections and 5xx
    only. Returns the run's id (None for an inactive or deleted feed). Past its
    soft time limit the run is closed as failed (`sync.run_feed`) and not
    retried: it would most likely overrun again; the next schedule tries anew.
    The hard limit kills the worker's child process if even that does not stop
    it, leaving the run to dead-run recovery."""
    from feeds.models import Feed
    from feeds.sync import run_feed

    feed = Feed.objects.select_related("partner").filter(pk=feed_id, is_active=True).first()
    if feed is None or not feed.partner.is_active:
        return None
    try:
        return run_feed(feed).pk
    except TransientError as error:
        raise self.retry(exc=error, countdown=backoff(self.request.retries)) from None


@shared_task
def close_dead_runs():
    """Close the runs whose worker stopped mid-run (beat sends it every few minutes,
    schedule created by migration 0004); returns how many were closed."""
    from feeds.sync import close_dead_runs

    return close_dead_runs()
