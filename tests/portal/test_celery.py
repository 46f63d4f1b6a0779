"""Celery with its real parts: a worker process consuming from Redis, and beat's
schedule stored in the database."""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from portal.celery import app
from portal.tasks import clear_expired_sessions


def make_sessions():
    expired = SessionStore()
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    current = SessionStore()
    current.create()
    return expired.session_key, current.session_key


@pytest.mark.django_db
def test_clear_expired_sessions_keeps_current_ones():
    expired, current = make_sessions()
    assert clear_expired_sessions.apply().get() == 1
    assert list(Session.objects.values_list("pk", flat=True)) == [current]
    assert expired != current


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_consumes_the_task_from_redis(settings):
    """Send the task through Redis (not eager) and watch a worker process run it."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    expired, current = make_sessions()
    queue = f"test-{uuid.uuid4().hex[:8]}"
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{connection.settings_dict['NAME']}"
        ),
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool",
            "solo",
            "--queues",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        clear_expired_sessions.apply_async(queue=queue)
        deadline = time.monotonic() + 60
        while Session.objects.filter(pk=expired).exists() and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stdout.read().decode()
            time.sleep(0.2)
        assert not Session.objects.filter(pk=expired).exists()
        assert Session.objects.filter(pk=current).exists()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        app.conf.task_always_eager = eager


@pytest.mark.django_db
def test_beat_schedule_is_in_the_database_and_loaded_by_the_scheduler():
    task = PeriodicTask.objects.get(name="Clear expired sessions")
    assert task.task == "portal.tasks.clear_expired_sessions"
    assert task.enabled
    assert task.task in app.tasks
    entry = DatabaseScheduler.Entry(task, app=app)  # as beat builds it from the row
    assert entry.task == "portal.tasks.clear_expired_sessions"
    assert entry.schedule.hour == {3}
    assert entry.schedule.minute == {30}
    assert settings.CELERY_BEAT_SCHEDULER.endswith("DatabaseScheduler")
