"""Redis stopped under a running portal: pages that only use the cache keep
working (a miss), what must count (the ban check's and the report form's rate
limits, the API's ban checks and writes) answers a translated 503, never a 500.

A second redis-server is started on a free port for the test and stopped in the
middle of it, so the shared Redis of the other tests is never touched."""

import logging
import os
import subprocess

import pytest
from django.core.cache import caches
from django.test import override_settings
from redis.exceptions import RedisError

from portal.celery import app as celery_app
from tests.factories.agencies import AgencyFactory
from tests.factories.feeds import FeedFactory
from tests.factories.vacancies import VacancyFactory
from tests.portal.services import free_port, running, wait_until

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

PAGES = [
    "/en/",
    "/en/vacancies/?q=welder&country=KR&sort=wage",
    "/en/vacancies/{vacancy}/",
    "/en/countries/",
    "/en/countries/KR/",
    "/en/agencies/",
    "/en/agencies/verify/?q=%2B998901234567",
    "/en/blacklist/check/",
    "/en/agencies/report/",
]
# Public reads: the pages serve the same with no limit, so an uncounted read passes.
API_READS = ["/api/v1/vacancies/", "/api/v1/countries/", "/api/v1/agencies/", "/api/v1/licences/"]


@pytest.fixture
def redis_to_stop(settings, monkeypatch):
    """A redis-server of this test's own, with the cache, rate limits, throttles
    and broker pointed at it; yields the function that stops it."""
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    command = ("redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "")
    with running(*command, env=dict(os.environ)) as server:
        ping = ("redis-cli", "-p", str(port), "ping")
        wait_until(lambda: subprocess.run(ping, capture_output=True).stdout == b"PONG\n", server)
        cache_settings = {
            alias: {**config, "LOCATION": url} for alias, config in settings.CACHES.items()
        }
        monkeypatch.setattr(celery_app.conf, "broker_url", url)
        with override_settings(CACHES=cache_settings):

            def stop():
                server.terminate()
                server.wait(timeout=30)

            yield stop
            for alias in cache_settings:
                caches[alias].close()


def test_with_redis_down_pages_work_and_what_must_count_answers_503(
    client, api_client, make_api_key, redis_to_stop, caplog
):
    vacancy = VacancyFactory(title_en="Welder")
    AgencyFactory()
    raw_key, _ = make_api_key(["bans:check"])
    pages = [page.format(vacancy=vacancy.pk) for page in PAGES]
    for url in [*pages, *API_READS]:  # warm up: menus and counts cached, throttles counting
        assert client.get(url).status_code == 200, url

    redis_to_stop()

    with caplog.at_level(logging.WARNING):
        for url in pages:
            assert client.get(url).status_code == 200, url
        for url in API_READS:
            assert api_client.get(url).status_code == 200, url
    assert caplog.text.count("Cache unavailable") == 1, "an outage is logged once"

    check = client.post(
        "/ru/blacklist/check/",
        {"surname": "Karimov", "given_name": "Aziz", "date_of_birth": "1960-01-01"},
    )
    report = client.post(
        "/kaa/agencies/report/", {"recruiter_name": "Fast Visa", "what_happened": "Took money"}
    )
    assert (check.status_code, report.status_code) == (503, 503)
    assert "Этой страницей нельзя воспользоваться несколько минут" in check.content.decode()
    assert "Waqtınsha islemey tur" in report.content.decode()
    assert check["Retry-After"] == report["Retry-After"] == "120"

    api_client.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    ban_check = api_client.post(
        "/api/v1/bans/check/",
        {"surname": "KARIMOV", "given_name": "AZIZ", "date_of_birth": "1960-01-01"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ky",
    )
    assert ban_check.status_code == 503
    assert ban_check["Retry-After"] == "60"
    assert ban_check.json() == {
        "error": {
            "status": 503,
            "code": "service_unavailable",
            "message": "Кызмат убактылуу иштебей турат. Сураныч, бир нече мүнөттөн кийин кайра "
            "аракет кылыңыз.",
            "fields": {},
        }
    }
    assert api_client.get("/api/v1/partner/").status_code == 503

    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["checks"]["cache"]["ok"] is False
    assert health.json()["checks"]["broker"]["ok"] is False


@pytest.fixture
def tasks_sent_to_the_broker(redis_to_stop):
    """Tasks go to the test's own broker. The app keeps a pool of connections to
    the broker it first sent to: closed before, to send to this one, and after,
    so that later tests do not send to the stopped one."""
    celery_app.conf.task_always_eager = False
    forget_broker_connections()
    yield
    forget_broker_connections()
    celery_app.conf.task_always_eager = True  # as tests/conftest.py sets it


def forget_broker_connections():
    """Celery has no public call for it (it does the same after a fork)."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_with_the_broker_down_queuing_a_feed_run_answers_503(
    admin_client, redis_to_stop, tasks_sent_to_the_broker
):
    feed = FeedFactory(url="https://partner.example/jobs.json")
    redis_to_stop()
    response = admin_client.post(
        "/uz/admin/feeds/feed/", {"action": "sync_now", "_selected_action": [feed.pk]}
    )
    assert response.status_code == 503
    assert "Vaqtincha ishlamayapti" in response.content.decode()
    assert not feed.runs.exists()


@pytest.mark.parametrize("alias", ["default", "counters"])
def test_one_client_serves_every_operation_and_fails_as_djangos_when_redis_stops(
    redis_to_stop, alias
):
    """`portal.cache` keeps one client per connection pool (Django built one per
    operation); it must fail as Django's did when Redis stops."""
    cache = caches[alias]
    cache.set("kept", 1)
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    redis_to_stop()
    if alias == "default":
        assert cache.get("kept") is None  # a miss
    else:
        with pytest.raises(RedisError):
            cache.get("kept")


def test_a_counter_adds_in_one_round_trip_keeps_its_expiry_and_is_never_created(monkeypatch):
    """The rate limits' incr (`portal.cache`): one round trip where Django made two,
    the counter's window unchanged, and a missing counter an error, as in Django."""
    cache = caches["counters"]
    client = cache._cache.get_client(write=True)
    key = cache.make_and_validate_key("test-counter")
    cache.delete("test-counter")
    with pytest.raises(ValueError, match="not found"):
        cache.incr("test-counter")
    assert not client.exists(key)
    cache.set("test-counter", 4, 300)
    sent = []
    execute = client.execute_command
    monkeypatch.setattr(
        client,
        "execute_command",
        lambda *args, **options: sent.append(args[0]) or execute(*args, **options),
    )
    assert cache.incr("test-counter", 2) == 6
    assert sent == ["EVAL"]
    monkeypatch.undo()
    assert 290 < client.ttl(key) <= 300
    assert cache.get("test-counter") == 6
    cache.delete("test-counter")
