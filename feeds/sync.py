"""One run of a feed: lock, fetch (or take the pushed body), check, apply,
withdraw what a full snapshot leaves out (within the guard), record.

`run_feed` is what the Celery task and the push endpoint call; operators
approve or discard a held-back withdrawal with `approve_withdrawal` and
`discard_withdrawal`; `close_dead_runs` closes the runs of workers that died.

A run holds its feed's lock (a cache key naming the run) only as long as it
renews it: a thread of the run renews it every third of ``FEED_LOCK_TIMEOUT``,
so a worker killed mid-run (out of memory, a lost machine) leaves a lock that
expires within that time, and a run that is still "running" without holding its
lock is dead. The next run of the feed closes it, and so does the periodic task
`feeds.tasks.close_dead_runs` for feeds that wait for their next schedule."""

import gc
import logging
import threading
import uuid
from contextlib import contextmanager
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from feeds import documents, fetching
from feeds.documents import DocumentError
from feeds.fetching import TransientError
from feeds.kinds import KINDS
from feeds.models import Feed, FeedRun, RejectedRecord, recorded, recording

logger = logging.getLogger(__name__)

# A full snapshot may withdraw at most this share of the feed's active records
# without an operator's approval.
WITHDRAWAL_GUARD = 0.20

Outcome = FeedRun.Outcome

# What a run records of itself, in RECORDED_LANGUAGE (the messages as written),
# shown in each reader's language (`FeedRun.error_text`).
ANOTHER_RUN = gettext_noop("Another run of this feed was in progress.")
UNCHANGED = gettext_noop("The document has not changed since the last run.")
INTERNAL_ERROR = gettext_noop("An internal error stopped this run.")
DISCARDED = gettext_noop("The withdrawal was discarded by an operator.")
WORKER_STOPPED = gettext_noop("The worker stopped during this run; it was closed as failed.")
TIME_LIMIT = gettext_noop("The run exceeded its time limit and was stopped.")


def lock_cache():
    """Where the locks live: the cache that says so when Redis is out (`counters`),
    not the default one that answers a miss, which would let two runs of a feed in
    at once and have `close_dead_runs` close runs that are alive."""
    return caches["counters"]


def lock_key(feed):
    """The cache key a run of `feed` holds while it runs (never two at once); its
    value is the run's id."""
    return f"feeds:lock:{feed.pk}"


def run_feed(feed, *, body=None, signature="", trigger=FeedRun.Trigger.SCHEDULE):
    """Sync ``feed`` once and return its `FeedRun`. Without ``body`` the document
    is downloaded from the feed's URL. Raises `TransientError` (after recording
    the failed run) when trying again later may help. Messages are recorded in
    `RECORDED_LANGUAGE` (`feeds.models.recording`) and shown in each reader's
    (`FeedRun.error_text`, `RejectedRecord.message_text`); records are written
    in the language active when it is called, as they always were."""
    token = uuid.uuid4().hex
    if not lock_cache().add(lock_key(feed), token, timeout=settings.FEED_LOCK_TIMEOUT):
        return FeedRun.objects.create(
            feed=feed,
            trigger=trigger,
            outcome=Outcome.SKIPPED,
            finished_at=timezone.now(),
            error=ANOTHER_RUN,
        )
    try:
        # Holding the lock, this is the feed's only live run: any other still
        # "running" lost its worker.
        _close_dead(FeedRun.objects.filter(feed=feed, outcome=Outcome.RUNNING))
        run = FeedRun.objects.create(feed=feed, trigger=trigger)
        token = run.pk
        lock_cache().set(lock_key(feed), token, timeout=settings.FEED_LOCK_TIMEOUT)
        try:
            with _holding(lock_key(feed), token):
                if body is None:
                    with recording():
                        body, signature = fetching.download(feed)
                _sync(feed, run, body, signature)
        except (DocumentError, TransientError) as error:
            _finish(run, Outcome.FAILED, error=str(error))
            if isinstance(error, TransientError):
                raise
        except SoftTimeLimitExceeded:
            _finish(run, Outcome.FAILED, error=TIME_LIMIT)
            raise
        except Exception:
            logger.exception("Feed %s run %s failed", feed.pk, run.pk)
            _finish(run, Outcome.FAILED, error=INTERNAL_ERROR)
            raise
        return run
    finally:
        if lock_cache().get(lock_key(feed)) == token:
            lock_cache().delete(lock_key(feed))


@contextmanager
def _holding(key, token):
    """Renew the lock ``key`` holding ``token`` every third of its timeout while
    the block runs, from a thread of its own: the run's own work (a download, a
    long batch) cannot be interrupted to renew it, and a process that dies takes
    the thread with it, leaving the lock to expire."""
    timeout = settings.FEED_LOCK_TIMEOUT
    stop = threading.Event()

    def renew():
        while not stop.wait(timeout / 3):
            try:
                holder = lock_cache().get(key)
                if holder == token:
                    lock_cache().touch(key, timeout)
                elif holder is not None or not lock_cache().add(key, token, timeout=timeout):
                    logger.warning("Feed lock %s was taken over by %s", key, holder)
            except Exception:  # the cache briefly out: renew at the next turn
                logger.exception("Feed lock %s could not be renewed", key)

    thread = threading.Thread(target=renew, name=f"renew {key}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def close_dead_runs():
    """Close as failed every run still "running" whose lock has expired: its worker
    stopped (killed, out of memory, machine lost) and nothing else will close it.
    Runs younger than the lock's timeout are left alone, as their lock may still
    be being taken. Returns how many were closed."""
    started_before = timezone.now() - timedelta(seconds=settings.FEED_LOCK_TIMEOUT)
    runs = FeedRun.objects.filter(outcome=Outcome.RUNNING, started_at__lt=started_before)
    dead = [
        run.pk
        for run in runs.select_related("feed")
        if lock_cache().get(lock_key(run.feed)) != run.pk
    ]
    return _close_dead(FeedRun.objects.filter(pk__in=dead))


def _close_dead(runs):
    return runs.filter(outcome=Outcome.RUNNING).update(
        outcome=Outcome.FAILED, finished_at=timezone.now(), error=WORKER_STOPPED
    )


def _finish(run, outcome, error=""):
    run.outcome = outcome
    run.error = error
    run.finished_at = timezone.now()
    run.save()


def _sync(feed, run, body, signature):
    with recording():
        documents.check_signature(
            body,
            feed.signing_secret,
            signature,
            secret_stored=bool(feed.signing_secret_encrypted),
        )
    run.checksum = documents.checksum(body)
    if run.checksum == feed.last_checksum:
        run.error = UNCHANGED
        _succeeded(feed, run, Outcome.SKIPPED)
        return
    with recording():
        first_line, rows = documents.parse(body, feed.kind, feed.format)
    run.received = len(rows)
    kind = KINDS[feed.kind]
    with transaction.atomic(), _uncollected():
        applied = kind.apply(feed, run, rows, first_line)
        run.created, run.updated, run.unchanged = (
            applied.created,
            applied.updated,
            applied.unchanged,
        )
        rejected = []
        for line, name, message in applied.errors:
            text, texts = recorded(message)
            rejected.append(
                RejectedRecord(
                    run=run, line=line, field=str(name)[:100], message=text, translations=texts
                )
            )
        RejectedRecord.objects.bulk_create(rejected)
        run.rejected = len({line for line, _name, _message in applied.errors})
        outcome = Outcome.PARTIAL if run.rejected else Outcome.SUCCESS
        if feed.mode == Feed.Mode.FULL and hasattr(kind, "withdraw"):
            active = kind.active_ids(feed) if applied.active is None else applied.active
            missing = sorted(active - applied.ids)
            if missing and len(missing) > WITHDRAWAL_GUARD * len(active):
                run.pending_withdrawal = missing
                outcome = Outcome.AWAITING_APPROVAL
            elif missing:
                run.withdrawn = kind.withdraw(feed, run, missing)
        _succeeded(feed, run, outcome)


@contextmanager
def _uncollected():
    """Keep Python's garbage collector from going through the parsed document (and
    everything else already alive) while it is applied: a hundred thousand
    records are over a million objects, and each full collection, which the
    objects made while applying keep setting off, went through every one of
    them again, three seconds of a first sync. The records hold no reference
    cycle to collect; what applying makes is collected as usual."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _succeeded(feed, run, outcome):
    feed.last_checksum = run.checksum
    feed.last_success_at = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(
        last_checksum=feed.last_checksum, last_success_at=feed.last_success_at
    )
    _finish(run, outcome, error=run.error)


@transaction.atomic
def approve_withdrawal(run):
    """Withdraw what a run held back; returns how many records were withdrawn."""
    run = FeedRun.objects.select_for_update().select_related("feed").get(pk=run.pk)
    if run.outcome != Outcome.AWAITING_APPROVAL:
        return 0
    run.withdrawn = KINDS[run.feed.kind].withdraw(run.feed, run, run.pending_withdrawal)
    run.pending_withdrawal = []
    run.outcome = Outcome.PARTIAL if run.rejected else Outcome.SUCCESS
    run.save()
    return run.withdrawn


@transaction.atomic
def discard_withdrawal(run):
    """Keep everything a run would have withdrawn; the next document decides again."""
    run = FeedRun.objects.select_for_update().select_related("feed").get(pk=run.pk)
    if run.outcome != Outcome.AWAITING_APPROVAL:
        return False
    run.pending_withdrawal = []
    run.outcome = Outcome.PARTIAL if run.rejected else Outcome.SUCCESS
    run.error = DISCARDED
    run.save()
    Feed.objects.filter(pk=run.feed_id).update(last_checksum="")
    return True
