"""The cache as a cache: with Redis down, a read is a miss and a write is skipped.

Pages keep things in the ``default`` cache only to go faster (the filter menus,
the open-vacancy counts), so a Redis outage must slow them down, not break them.
What must *count* (the forms' rate limits, the API throttles) uses the
``counters`` alias, a plain RedisCache that raises, because a limit that cannot
count must be decided on: ``portal.middleware.RedisUnavailableMiddleware`` answers
the pages 503, ``partners.throttling`` decides per API request.
"""

import functools
import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class _Outage:
    """Whether the last call failed, so an outage is logged once, not per call."""

    down = False

    @classmethod
    def failed(cls, operation, error):
        if not cls.down:
            cls.down = True
            logger.warning(
                "Cache unavailable (%s: %s); serving without it", operation, type(error).__name__
            )

    @classmethod
    def answered(cls):
        if cls.down:
            cls.down = False
            logger.warning("Cache available again")


def _or_miss(miss):
    """Run the cache operation; if Redis fails, log the outage once and return
    what a cache without the key would have answered."""

    def decorate(operation):
        @functools.wraps(operation)
        def wrapper(self, *args, **kwargs):
            try:
                result = operation(self, *args, **kwargs)
            except RedisError as error:
                _Outage.failed(operation.__name__, error)
                return miss(*args, **kwargs)
            _Outage.answered()
            return result

        return wrapper

    return decorate


class _ClientPerPool(RedisCacheClient):
    """Django builds a `redis.Redis` for every operation, and redis-py 8 registers
    some 170 response callbacks in each: 0.2 ms, more than a GET on loopback, five
    times a list page. One client per connection pool serves every operation; it is
    thread-safe, each command borrowing a connection from the pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def incr(self, key, delta):
        """Django's incr in one round trip, where it makes two (EXISTS, then INCRBY):
        a rate limit adds to its counter on every POST it guards, and the entry-ban
        check's two limits spent a quarter of its time waiting for Redis. The
        counter keeps its expiry; a missing key raises ValueError, as in Django."""
        client = self.get_client(key, write=True)
        value = client.eval(_INCREMENT_EXISTING, 1, key, delta)
        if value is None or value is False:  # Lua's false: nil in RESP2, false in RESP3
            raise ValueError(f"Key '{key}' not found.")
        return value


# INCRBY on an existing key only (nil otherwise), run by Redis as one command.
_INCREMENT_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class SharedClientRedisCache(RedisCache):
    """Django's RedisCache with one client per connection pool (`_ClientPerPool`):
    the ``counters`` alias, which raises when Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientPerPool


class DegradingRedisCache(SharedClientRedisCache):
    """Django's RedisCache whose operations answer as an empty cache when Redis is
    unreachable (django-redis' IGNORE_EXCEPTIONS, without another dependency)."""

    @_or_miss(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_or_miss(lambda keys, version=None: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_or_miss(lambda key, version=None: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_or_miss(lambda key, value, timeout=DEFAULT_TIMEOUT, version=None: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_or_miss(lambda data, timeout=DEFAULT_TIMEOUT, version=None: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    # Not added: a lock taken with add() (the feed runs') is not taken, which is safe.
    @_or_miss(lambda key, value, timeout=DEFAULT_TIMEOUT, version=None: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_or_miss(lambda key, timeout=DEFAULT_TIMEOUT, version=None: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_or_miss(lambda key, version=None: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_or_miss(lambda keys, version=None: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)
