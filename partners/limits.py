"""The public forms' rate limits: how many times an hour one address, one person or
one account may send a form, counted in the ``counters`` cache.

A form counts one use of each thing it limits (`Use`), in turn, and is refused when
one of them goes over its rate (`over_limit`). The ban check limits the address
and the person asked about: with django-ratelimit each limit took up to two round
trips to Redis (an ADD, then an INCR when the counter was there), three or four of
the check's five, and they were a quarter of a gunicorn worker's time on a check.
Here every use of a request is counted by one Lua script, in one round trip.

A window starts with the first use and lasts an hour; Redis forgets the counter
with it. The cache keys are keyed hashes (`salted_hmac`) of what is counted: the
cache never holds an address or a person, and nobody can tell whose counter a key
is without SECRET_KEY. A cache that cannot count (Redis down) raises, and the
page answers 503 (`portal.middleware.RedisUnavailableMiddleware`): a limit that
cannot count must not let everything through.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils.crypto import salted_hmac

from partners.addresses import client_address

HOUR = 3600

# Each KEYS[i] is one more use; ARGV holds each one's rate and window in seconds.
# The index of the first counter over its rate is returned (0: none), and the uses
# after it are not counted.
_COUNT_USES = """
for i, key in ipairs(KEYS) do
    local count = redis.call('INCR', key)
    if count == 1 then
        redis.call('EXPIRE', key, ARGV[2 * i])
    end
    if count > tonumber(ARGV[2 * i - 1]) then
        return i
    end
end
return 0
"""


@dataclass(frozen=True)
class Use:
    """One more use of `value` (an address, a keyed hash of a person, an account's
    id) in `group` (a form), which allows `rate` uses an hour."""

    group: str
    value: str
    rate: int

    def key(self):
        digest = salted_hmac("partners.limits", f"{self.group}\n{self.value}", algorithm="sha256")
        return f"rl:{digest.hexdigest()}"


def by_address(request, group, rate):
    """A use by the client's address (`client_address`)."""
    return Use(group, client_address(request), rate)


def by_user(request, group, rate):
    """A use by the signed-in account."""
    return Use(group, str(request.user.pk), rate)


def over_limit(*uses):
    """Count each of `uses` in turn and return the first that went over its rate, or
    None. The ones after it are not counted: a check refused for its address does
    not use up the person's checks. With ``RATE_LIMITS`` off (a test of other
    things) nothing is counted."""
    if not uses or not settings.RATE_LIMITS:
        return None
    cache = caches["counters"]
    if isinstance(cache, RedisCache):
        keys = [cache.make_and_validate_key(use.key()) for use in uses]
        arguments = [value for use in uses for value in (use.rate, HOUR)]
        # Django's client of the cache's pool (its `_cache`, as `portal.cache` uses).
        over = cache._cache.get_client(write=True).eval(_COUNT_USES, len(keys), *keys, *arguments)
        return uses[over - 1] if over else None
    for use in uses:  # the local-memory cache of a quick start: one process
        key = use.key()
        count = 1 if cache.add(key, 1, HOUR) else cache.incr(key)
        if count > use.rate:
            return use
    return None
