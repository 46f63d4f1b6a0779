"""Separate budgets for the anonymous public and for each partner key.

The budgets are counted in the ``counters`` cache (Redis in production). When it
cannot count, a read of what the public may read anyway (``anonymous_read``
views, which the pages serve with no limit at all) is let through; everything
else (ban checks, writes, pushes) answers 503, because letting it through
unlimited would turn an outage into a way to enumerate the ban lists or flood
the portal with records.
"""

import logging

from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import SimpleRateThrottle

from partners.addresses import client_address
from partners.models import PartnerAPIKey

logger = logging.getLogger(__name__)


class CountersUnavailable(exceptions.APIException):
    status_code = 503
    default_code = "service_unavailable"
    default_detail = _("The service is temporarily unavailable. Please try again in a few minutes.")
    wait = 60  # DRF sends it as Retry-After


class CountedThrottle(SimpleRateThrottle):
    cache = ConnectionProxy(caches, "counters")
    counting = True  # False from a failed count to the next good one: log an outage once

    def allow_request(self, request, view):
        try:
            allowed = super().allow_request(request, view)
        except RedisError as error:
            if CountedThrottle.counting:
                CountedThrottle.counting = False
                logger.warning("API throttles cannot count: %s", type(error).__name__)
            if getattr(view, "anonymous_read", False) and request.method in SAFE_METHODS:
                return True
            raise CountersUnavailable() from error
        CountedThrottle.counting = True
        return allowed


class AnonymousRateThrottle(CountedThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, PartnerAPIKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def get_ident(self, request):
        """The portal's one client-address rule, not DRF's: without NUM_PROXIES,
        DRF keys on the whole X-Forwarded-For header, which any client can vary
        to get a fresh budget per request."""
        return client_address(request)


class PartnerKeyRateThrottle(CountedThrottle):
    scope = "partner"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, PartnerAPIKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.prefix}
