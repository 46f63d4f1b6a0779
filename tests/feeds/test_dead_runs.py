"""A worker killed mid-run: its run is closed as failed, its lock expires, and the
feed runs again; a live run keeps its lock however long it takes."""

import threading
import time
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from feeds import sync
from feeds.models import FeedRun
from feeds.tasks import close_dead_runs, sync_feed
from tests.feeds.conftest import document, vacancy
from tests.feeds.test_celery import feed_env
from tests.portal.services import running, wait_until
from tests.portal.test_celery import not_eager, worker  # noqa: F401  (fixture)
from vacancies.models import Vacancy

WORKER_STOPPED = "The worker stopped during this run; it was closed as failed."


def stored():
    return list(Vacancy.objects.order_by("pk").values())


def dead_run(feed, minutes_ago=10):
    """A run left "running" by a worker that died: nothing holds its lock."""
    return FeedRun.objects.create(
        feed=feed, started_at=timezone.now() - timedelta(minutes=minutes_ago)
    )


@pytest.mark.django_db
def test_the_next_run_closes_a_run_whose_worker_died(partner_server, make_feed):
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", [vacancy("D1")])))
    dead = dead_run(feed)
    run = sync.run_feed(feed)
    assert run.outcome == "success"
    dead.refresh_from_db()
    assert (dead.outcome, dead.error) == ("failed", WORKER_STOPPED)
    assert dead.finished_at is not None
    assert sync.lock_cache().get(sync.lock_key(feed)) is None


@pytest.mark.django_db
def test_the_periodic_task_closes_only_runs_without_their_lock(make_feed, settings):
    settings.FEED_LOCK_TIMEOUT = 60
    dead = dead_run(make_feed(name="dead"))
    live_feed = make_feed(name="live")
    live = dead_run(live_feed)
    sync.lock_cache().set(sync.lock_key(live_feed), live.pk, timeout=60)
    starting = dead_run(make_feed(name="starting"), minutes_ago=0)  # its lock may be coming
    try:
        assert close_dead_runs.apply().get() == 1
    finally:
        sync.lock_cache().delete(sync.lock_key(live_feed))
    outcomes = dict(FeedRun.objects.values_list("pk", "outcome"))
    assert outcomes == {dead.pk: "failed", live.pk: "running", starting.pk: "running"}
    entry = PeriodicTask.objects.get(task="feeds.tasks.close_dead_runs")
    assert (entry.enabled, entry.interval.every, entry.interval.period) == (True, 5, "minutes")


@pytest.mark.django_db
def test_a_live_run_keeps_its_lock_past_the_lock_timeout(partner_server, make_feed, settings):
    settings.FEED_LOCK_TIMEOUT = 1
    feed = make_feed(
        partner_server.serve("/jobs.json", document("vacancies", [vacancy("L1")]), delay=2.5)
    )
    seen = []
    watcher = threading.Timer(2, lambda: seen.append(sync.lock_cache().get(sync.lock_key(feed))))
    watcher.start()
    run = sync.run_feed(feed)
    watcher.join()
    assert run.outcome == "success"
    assert seen == [run.pk]
    assert sync.lock_cache().get(sync.lock_key(feed)) is None


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_run(not_eager, partner_server, make_feed, settings):  # noqa: F811
    """kill -9 of a real worker while it downloads: the run is closed as failed,
    the lock is free within its timeout, the next run succeeds, nothing is lost."""
    settings.FEED_LOCK_TIMEOUT = 3
    env = feed_env()
    env["FEED_LOCK_TIMEOUT"] = "3"
    records = [vacancy(f"K{n}") for n in range(5)]
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", records)))
    assert sync.run_feed(feed).created == 5
    before = stored()
    # The partner stalls with a document that would withdraw everything.
    partner_server.serve("/jobs.json", document("vacancies", []), delay=120)
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with running(*worker(queue), env=env) as process:
        sync_feed.apply_async(args=[feed.pk], queue=queue)
        wait_until(lambda: len(partner_server.requests) == 2, process)
        run = feed.runs.get(outcome="running")
        assert sync.lock_cache().get(sync.lock_key(feed)) == run.pk
        process.kill()
        process.wait()
    deadline = time.monotonic() + 10
    while sync.lock_cache().get(sync.lock_key(feed)) is not None:
        assert time.monotonic() < deadline, "the dead run's lock did not expire"
        time.sleep(0.2)
    time.sleep(max(0, 3.5 - (timezone.now() - run.started_at).total_seconds()))
    assert close_dead_runs.apply().get() == 1
    run.refresh_from_db()
    assert (run.outcome, run.error) == ("failed", WORKER_STOPPED)
    assert stored() == before

    partner_server.serve("/jobs.json", document("vacancies", [*records, vacancy("K5")]))
    with running(*worker(queue), env=env) as process:
        sync_feed.apply_async(args=[feed.pk], queue=queue)
        wait_until(lambda: feed.runs.filter(outcome="success").count() == 2, process)
    assert feed.runs.latest("started_at").created == 1
    assert stored()[:5] == before
    assert FeedRun.objects.filter(outcome="running").count() == 0
