"""Checks behind ``/healthz``: is each part the portal depends on reachable?"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from portal.celery import app as celery_app


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": ok, "backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def check_broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "in-process"}
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return {"ok": True, "mode": "worker"}


def check_feeds():
    """Partner feeds without a successful run for twice their interval. Stale feeds
    do not make the portal unhealthy (it still serves its pages), so ``ok`` stays
    true and monitoring alerts on a non-empty ``stale`` list."""
    from feeds.models import Feed

    feeds = Feed.objects.filter(is_active=True, interval_minutes__isnull=False)
    return {"ok": True, "stale": [feed.pk for feed in feeds if feed.is_stale]}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "feeds": check_feeds,
}


def run_checks():
    """Run every check; a failing one reports its error class, never a secret."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:  # a health check reports any failure as "down"
            results[name] = {"ok": False, "error": type(exc).__name__}
    return results
