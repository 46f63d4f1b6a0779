"""Feed runs through the real parts: a worker process consuming from Redis,
beat sending the feed's own schedule entry, and the guards on PostgreSQL."""

import json
import uuid

import pytest
from django.conf import settings
from django.utils import translation
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from feeds import sync
from feeds.tasks import sync_feed
from portal.celery import app
from tests.feeds.conftest import document, vacancy
from tests.portal.services import celery, process_env, running, wait_until
from tests.portal.test_celery import not_eager, worker  # noqa: F401  (fixture)
from vacancies.models import Vacancy


def feed_env():
    return process_env(FEED_ALLOW_PRIVATE_ADDRESSES="true")


def in_any_language(message):
    """``message`` as a worker may have stored it, in whichever language it runs."""
    found = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.add(translation.gettext(message))
    return found


def test_feed_runs_and_all_other_tasks_have_time_limits():
    assert 0 < sync_feed.soft_time_limit < sync_feed.time_limit
    assert (sync_feed.soft_time_limit, sync_feed.time_limit) == (
        settings.FEED_TASK_SOFT_TIME_LIMIT,
        settings.FEED_TASK_TIME_LIMIT,
    )
    assert settings.FEED_TIMEOUT < settings.FEED_TASK_SOFT_TIME_LIMIT
    assert 0 < app.conf.task_soft_time_limit < app.conf.task_time_limit


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_a_feed_from_redis(not_eager, partner_server, make_feed):  # noqa: F811
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", [vacancy("W1")])))
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with running(*worker(queue), env=feed_env()) as process:
        sync_feed.apply_async(args=[feed.pk], queue=queue)
        wait_until(lambda: feed.runs.filter(outcome="success").exists(), process)
    assert Vacancy.objects.get().external_id == "W1"


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_beat_sends_the_feeds_schedule_entry(not_eager, partner_server, make_feed, tmp_path):  # noqa: F811
    url = partner_server.serve("/jobs.json", document("vacancies", [vacancy("B1")]))
    feed = make_feed(url, interval_minutes=30)
    entry = PeriodicTask.objects.get(pk=feed.periodic_task_id)
    assert (entry.task, json.loads(entry.args)) == ("feeds.tasks.sync_feed", [feed.pk])
    # Beat waits one interval before the first run; make it one second for the test.
    queue = f"test-{uuid.uuid4().hex[:8]}"
    entry.interval, _ = IntervalSchedule.objects.get_or_create(
        every=1, period=IntervalSchedule.SECONDS
    )
    entry.queue = queue
    entry.save()
    env = feed_env()
    beat = celery("beat", "--loglevel", "WARNING", "--schedule", str(tmp_path / "beat"))
    with running(*worker(queue), env=env) as process, running(*beat, env=env):
        wait_until(lambda: feed.runs.filter(outcome="success").exists(), process)
    assert Vacancy.objects.filter(external_id="B1").exists()


@pytest.mark.postgres
@pytest.mark.django_db
def test_idempotency_and_withdrawal_guard_on_postgresql(partner_server, make_feed):
    records = [vacancy(f"G{n}") for n in range(20)]
    feed = make_feed(partner_server.serve("/jobs.json", document("vacancies", records)))
    assert sync.run_feed(feed).created == 20
    snapshot = list(Vacancy.objects.order_by("pk").values())
    # A new document (new checksum) with the same records changes nothing.
    partner_server.serve("/jobs.json", document("vacancies", list(reversed(records))))
    run = sync.run_feed(feed)
    assert (run.created, run.updated, run.unchanged) == (0, 0, 20)
    assert list(Vacancy.objects.order_by("pk").values()) == snapshot
    # 5 of 20 missing is 25%: held back.
    partner_server.serve("/jobs.json", document("vacancies", records[:15]))
    run = sync.run_feed(feed)
    assert (run.outcome, len(run.pending_withdrawal)) == ("awaiting", 5)
    assert Vacancy.objects.public().count() == 20
    # 4 of 20 is 20%: applied.
    partner_server.serve("/jobs.json", document("vacancies", records[:16]))
    run = sync.run_feed(feed)
    assert (run.outcome, run.withdrawn) == ("success", 4)
    assert Vacancy.objects.public().count() == 16


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_run_past_its_soft_time_limit_is_closed_as_failed(not_eager, partner_server, make_feed):  # noqa: F811
    """A partner that answers after 5 s, a soft limit of 1 s: the worker stops the
    run and records why. Time limits need the prefork pool (solo has none); the
    sender's limits travel with the task (here set for this one message)."""
    url = partner_server.serve("/jobs.json", document("vacancies", [vacancy("S1")]), delay=5)
    feed = make_feed(url)
    queue = f"test-{uuid.uuid4().hex[:8]}"
    prefork = celery(
        "worker",
        "--pool",
        "prefork",
        "--concurrency",
        "1",
        "--queues",
        queue,
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "WARNING",
    )
    with running(*prefork, env=feed_env()) as process:
        sync_feed.apply_async(args=[feed.pk], queue=queue, soft_time_limit=1, time_limit=30)
        wait_until(lambda: feed.runs.exclude(outcome="running").exists(), process)
    run = feed.runs.get()
    assert run.outcome == "failed"
    assert run.error in in_any_language("The run exceeded its time limit and was stopped.")
    assert not Vacancy.objects.exists()
