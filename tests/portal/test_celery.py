"""Celery with its real parts: a worker process consuming from Redis, beat
sending what the database schedule says, and the schedule editable in the admin."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from portal.celery import app
from portal.tasks import clear_expired_sessions
from tests.portal.services import celery, process_env, running, wait_until


def make_sessions():
    expired = SessionStore()
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    current = SessionStore()
    current.create()
    return expired.session_key, current.session_key


@pytest.fixture
def not_eager():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


def worker(queue):
    return celery(
        "worker",
        "--pool",
        "solo",
        "--queues",
        queue,
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "WARNING",
    )


@pytest.mark.django_db
def test_clear_expired_sessions_keeps_current_ones():
    expired, current = make_sessions()
    assert clear_expired_sessions.apply().get() == 1
    assert list(Session.objects.values_list("pk", flat=True)) == [current]
    assert expired != current


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_consumes_the_task_from_redis(not_eager):
    """Send the task through Redis (not eager) and watch a worker process run it."""
    expired, current = make_sessions()
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with running(*worker(queue), env=process_env()) as process:
        clear_expired_sessions.apply_async(queue=queue)
        wait_until(lambda: not Session.objects.filter(pk=expired).exists(), process)
    assert Session.objects.filter(pk=current).exists()


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_beat_sends_what_the_database_schedule_says(not_eager, tmp_path):
    """A schedule row (as staff would add in the admin) makes beat send the task."""
    expired, _ = make_sessions()
    queue = f"test-{uuid.uuid4().hex[:8]}"
    every_second, _ = IntervalSchedule.objects.get_or_create(
        every=1, period=IntervalSchedule.SECONDS
    )
    PeriodicTask.objects.create(
        name=f"Clear sessions ({queue})",
        task="portal.tasks.clear_expired_sessions",
        interval=every_second,
        queue=queue,
    )
    env = process_env()
    beat = celery("beat", "--loglevel", "WARNING", "--schedule", str(tmp_path / "beat"))
    with running(*worker(queue), env=env) as process, running(*beat, env=env):
        wait_until(lambda: not Session.objects.filter(pk=expired).exists(), process)


@pytest.mark.django_db
def test_beat_schedule_is_in_the_database_and_loaded_by_the_scheduler(settings):
    task = PeriodicTask.objects.get(name="Clear expired sessions")
    assert task.task == "portal.tasks.clear_expired_sessions"
    assert task.enabled
    assert task.task in app.tasks
    entry = DatabaseScheduler.Entry(task, app=app)  # as beat builds it from the row
    assert entry.task == "portal.tasks.clear_expired_sessions"
    assert entry.schedule.hour == {3}
    assert entry.schedule.minute == {30}
    assert settings.CELERY_BEAT_SCHEDULER.endswith("DatabaseScheduler")


@pytest.mark.django_db
def test_schedules_are_editable_in_the_admin(admin_client):
    task = PeriodicTask.objects.get(name="Clear expired sessions")
    listing = admin_client.get("/en/admin/django_celery_beat/periodictask/")
    assert listing.status_code == 200
    assert "Clear expired sessions" in listing.content.decode()
    change = admin_client.get(f"/en/admin/django_celery_beat/periodictask/{task.pk}/change/")
    assert change.status_code == 200
