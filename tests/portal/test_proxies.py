"""Behind reverse proxies: the client's address comes from the configured number
of trusted proxies, never from what a client writes in X-Forwarded-For, and every
per-address limit (page rate limits, API throttles) uses it."""

import subprocess
import sys

import pytest
from django.test import RequestFactory

from partners.addresses import client_address
from tests.portal.test_project import BASE_DIR, manage, production_env

pytestmark = pytest.mark.django_db
CHECK = "/ru/blacklist/check/"
PROXY = "10.9.9.9"


def address(settings, count, forwarded=None, remote="192.0.2.1"):
    settings.TRUSTED_PROXY_COUNT = count
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))


def test_without_a_proxy_x_forwarded_for_is_ignored(settings):
    assert address(settings, 0, "203.0.113.7") == "192.0.2.1"


def test_the_address_the_trusted_proxies_appended_is_used(settings):
    # The client sent "1.1.1.1" itself; our one proxy appended what it saw.
    assert address(settings, 1, "1.1.1.1, 203.0.113.7", remote=PROXY) == "203.0.113.7"
    assert address(settings, 2, "1.1.1.1, 203.0.113.7, 10.0.0.5", remote=PROXY) == "203.0.113.7"
    assert address(settings, 1, "2001:db8::1", remote=PROXY) == "2001:db8::1"


def test_a_request_that_bypassed_the_proxies_keeps_its_own_address(settings):
    assert address(settings, 2, "203.0.113.7", remote="198.51.100.3") == "198.51.100.3"
    assert address(settings, 1, None, remote="198.51.100.3") == "198.51.100.3"
    assert address(settings, 1, "unknown", remote=PROXY) == PROXY


def check(client, forwarded, number):
    """A check of another person each time (born on another day), so that only
    the per-address limit can stop it."""
    form = {
        "surname": "Karimov",
        "given_name": "Aziz",
        "date_of_birth": f"1960-01-{number + 1:02}",
        "citizenship": "UZ",
    }
    return client.post(CHECK, form, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


@pytest.fixture
def address_rate(monkeypatch):
    """The ban check's per-address limit, lowered to 10 so that a test reaches it."""
    monkeypatch.setattr("blacklist.views.ADDRESS_RATE", 10)


def test_spoofed_x_forwarded_for_does_not_escape_the_page_rate_limit(
    client, settings, address_rate
):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [check(client, f"203.0.113.{n}", n).status_code for n in range(11)]
    assert statuses == [200] * 10 + [429]


def test_two_clients_behind_one_proxy_have_their_own_page_budgets(client, settings, address_rate):
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [check(client, "1.2.3.4, 203.0.113.1", n).status_code for n in range(11)]
    assert statuses == [200] * 10 + [429]
    # Same proxy, another client: a budget of its own, whatever the first one wrote.
    assert check(client, "203.0.113.1, 203.0.113.2", 11).status_code == 200


@pytest.fixture
def anon_rate(settings):
    """Two anonymous API requests a minute."""
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "anon": "2/minute"},
    }
    api_settings.reload()
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    yield
    SimpleRateThrottle.THROTTLE_RATES = rates


def api_get(api_client, forwarded):
    return api_client.get("/api/v1/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def test_spoofed_x_forwarded_for_does_not_escape_the_api_throttle(api_client, settings, anon_rate):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [api_get(api_client, f"203.0.113.{n}").status_code for n in range(3)]
    assert statuses == [200, 200, 429]


def test_two_clients_behind_one_proxy_have_their_own_api_budgets(api_client, settings, anon_rate):
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [api_get(api_client, f"198.51.100.{n}, 203.0.113.1").status_code for n in range(3)]
    assert statuses == [200, 200, 429]
    assert api_get(api_client, "203.0.113.2").status_code == 200


def production_setting(name, **env):
    code = f"from django.conf import settings; print(repr(getattr(settings, {name!r}, None)))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env={**production_env(), "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_x_forwarded_proto_is_trusted_only_behind_a_configured_proxy():
    assert production_setting("SECURE_PROXY_SSL_HEADER") == "None"
    assert production_setting("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_check_deploy_is_clean_behind_a_proxy():
    env = {**production_env(), "TRUSTED_PROXY_COUNT": "1"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
