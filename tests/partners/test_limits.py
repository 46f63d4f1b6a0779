"""The forms' rate limits (`partners.limits`): each use counted in turn, the first
over its rate refused and the ones after it not counted, an hour's window, one
round trip on Redis, and in the local-memory cache of a quick start."""

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from redis import Redis

from partners import limits
from tests.factories.users import StaffUserFactory

ADDRESS = limits.Use("test.address", "10.0.0.1", 3)
PERSON = limits.Use("test.person", "a keyed hash of a person", 2)


@pytest.fixture(params=["configured", "local memory"])
def counters(request, settings):
    """The configured counters (Redis where it is set), and the quick start's."""
    if request.param == "local memory":
        settings.CACHES = {
            **settings.CACHES,
            "counters": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "limits",
            },
        }
    caches["counters"].clear()
    yield caches["counters"]
    caches["counters"].clear()


def test_the_first_use_over_its_rate_is_refused_and_later_ones_are_not_counted(counters):
    assert limits.over_limit(ADDRESS, PERSON) is None
    assert limits.over_limit(ADDRESS, PERSON) is None
    assert limits.over_limit(ADDRESS, PERSON) == PERSON  # the person's third
    assert limits.over_limit(ADDRESS, PERSON) == ADDRESS  # the address's fourth
    # The person was not counted when the address was refused: three uses so far.
    assert limits.over_limit(limits.Use(PERSON.group, PERSON.value, 4)) is None


def test_each_value_and_each_group_counts_apart(counters):
    for _ in range(3):
        assert limits.over_limit(ADDRESS) is None
    assert limits.over_limit(ADDRESS) == ADDRESS
    assert limits.over_limit(limits.Use(ADDRESS.group, "10.0.0.2", 3)) is None
    assert limits.over_limit(limits.Use("test.other", ADDRESS.value, 3)) is None


def test_nothing_is_counted_with_rate_limits_off(counters, settings):
    settings.RATE_LIMITS = False
    for _ in range(5):
        assert limits.over_limit(ADDRESS) is None
    settings.RATE_LIMITS = True
    assert limits.over_limit(ADDRESS) is None  # the first use counted


def test_uses_by_address_and_by_account(db, counters, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().post("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="10.1.2.3")
    request.user = StaffUserFactory()
    assert limits.by_address(request, "g", 5) == limits.Use("g", "10.1.2.3", 5)
    assert limits.by_user(request, "g", 5) == limits.Use("g", str(request.user.pk), 5)


@pytest.mark.redis
def test_every_use_of_a_request_is_counted_in_one_round_trip_for_an_hour(settings):
    counters = caches["counters"]
    redis = Redis.from_url(settings.REDIS_URL)
    counters.get("connected")  # the connection's own commands (HELLO, SELECT) before
    redis.config_resetstat()
    limits.over_limit(ADDRESS, PERSON)
    commands = {
        name.removeprefix("cmdstat_"): stat["calls"]
        for name, stat in redis.info("commandstats").items()
    }
    # One script sent (whose own commands Redis counts too), nothing else.
    assert commands.pop("eval") == 1
    assert (commands.pop("incr"), commands.pop("expire")) == (2, 2)
    assert set(commands) <= {"config|resetstat", "info"}
    keys = [counters.make_and_validate_key(use.key()) for use in (ADDRESS, PERSON)]
    assert [int(redis.get(key)) for key in keys] == [1, 1]
    assert all(3590 < redis.ttl(key) <= 3600 for key in keys)
    assert not any(use.value.encode() in key.encode() for use in (ADDRESS, PERSON) for key in keys)
