"""Celery tasks: thin, each under a lock so that only one of a kind runs at once
(the outbox's per-row claim would keep them exact anyway; the lock keeps the
Telegram rate in one process)."""

from contextlib import contextmanager

from celery import shared_task
from django.core.cache import caches

from alerts import matching, sending, services

LOCK_SECONDS = 120


@contextmanager
def _lock(name):
    cache = caches["counters"]
    key = f"alerts:lock:{name}"
    held = cache.add(key, 1, LOCK_SECONDS)
    try:
        yield held
    finally:
        if held:
            cache.delete(key)


@shared_task(acks_late=False)
def match_new_vacancies():
    """Beat sends it every minute: vacancies that became public meet the saved searches."""
    with _lock("match") as held:
        if not held:
            return None
        result = matching.match_new_vacancies()
    if result.messages:
        wake()
    return result.messages


@shared_task(acks_late=False)
def deliver_telegram():
    with _lock("telegram") as held:
        if not held:
            return 0
        sent = sending.deliver_telegram(seconds=50)
    if sent and sending.claimable("telegram"):
        deliver_telegram.delay()
    return sent


@shared_task(acks_late=False)
def deliver_email():
    with _lock("email") as held:
        if not held:
            return 0
        sent = sending.deliver_email(seconds=50)
    if sent and sending.claimable("email"):
        deliver_email.delay()
    return sent


@shared_task
def send_digests():
    """Beat sends it daily: each daily subscription's vacancies in one message."""
    count = services.make_digests()
    wake()
    return count


@shared_task
def close_stale_messages():
    return sending.close_stale()


def wake():
    deliver_telegram.delay()
    deliver_email.delay()
