"""Feed runs through the real parts: a worker process consuming from Redis,
beat sending the feed's own schedule entry, and the guards on PostgreSQL."""

import json
import uuid

import pytest
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from feeds import sync
from feeds.tasks import sync_feed
from tests.feeds.conftest import document, vacancy
from tests.portal.services import celery, process_env, running, wait_until
from tests.portal.test_celery import not_eager, worker  # noqa: F401  (fixture)
from vacancies.models import Vacancy


def feed_env():
    return process_env(FEED_ALLOW_PRIVATE_ADDRESSES="true")


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
