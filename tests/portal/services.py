"""Start the portal's real processes (Celery worker and beat, gunicorn) against
the test database, for tests that prove the production wiring."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connection


def process_env(**extra):
    """The environment of a child process that shares this test's database and Redis."""
    database = connection.settings_dict
    return {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        **extra,
    }


@contextmanager
def running(*command, env):
    """Run a child process for the duration of the block, then stop it."""
    process = subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def celery(*arguments):
    return (sys.executable, "-m", "celery", "-A", "portal", *arguments)


def wait_until(condition, process, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            raise AssertionError(process.stdout.read().decode())
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s")
        time.sleep(0.2)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
