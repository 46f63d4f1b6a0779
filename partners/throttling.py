"""Separate budgets for the anonymous public and for each partner key."""

from rest_framework.throttling import SimpleRateThrottle

from partners.addresses import client_address
from partners.models import PartnerAPIKey


class AnonymousRateThrottle(SimpleRateThrottle):
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


class PartnerKeyRateThrottle(SimpleRateThrottle):
    scope = "partner"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, PartnerAPIKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.prefix}
