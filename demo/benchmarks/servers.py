"""gunicorn started for a benchmark: the production server, on loopback, with 2 sync
workers (the figures the issues set are for this), on the database the benchmark
seeded."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

WORKERS = 2


def database_url():
    """The URL of the database this process uses (in tests: the test database)."""
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(database["USER"] or "", safe="")
        password = f":{quote(database['PASSWORD'], safe='')}" if database["PASSWORD"] else ""
        host = database["HOST"] or "localhost"
        port = f":{database['PORT']}" if database["PORT"] else ""
        return f"postgres://{user}{password}@{host}{port}/{quote(database['NAME'], safe='')}"
    if connection.vendor == "sqlite":
        name = str(database["NAME"])
        if connection.is_in_memory_db():
            raise CommandError("An in-memory SQLite database cannot be served: use a file.")
        return f"sqlite:///{name}"
    raise CommandError(f"No benchmark server for {connection.vendor}.")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(settings_module="portal.settings", **environment):
    """Serve the portal (or the yardstick, by its settings module) and yield its base
    URL; the server is stopped on leaving."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database_url(),
        "TRUSTED_PROXY_COUNT": "1",  # the load generator plays our TLS proxy
        "DEBUG": "false",
        **environment,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
    try:
        _wait_for(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_for(port, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError(f"gunicorn stopped at start (exit code {server.returncode}).")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise CommandError("gunicorn did not start within a minute.")
