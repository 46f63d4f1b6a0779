import logging

from django.shortcuts import render
from django.utils import translation
from kombu.exceptions import OperationalError as BrokerUnavailable
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# How long a refused page asks the client to wait before trying again.
RETRY_AFTER_SECONDS = 120


class ApiDefaultLanguageMiddleware:
    """API clients are partner systems: without an Accept-Language header they
    get English, the source language, rather than the portal's default Uzbek."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/") and "HTTP_ACCEPT_LANGUAGE" not in request.META:
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
        return self.get_response(request)


class RedisUnavailableMiddleware:
    """A page that needs Redis while it is down answers a translated 503, not 500.

    The cache itself degrades to misses (portal/cache.py); what still fails is a
    rate limit that must count (the ban check and the report form, in the
    ``counters`` cache), and sending a task to a broker that is down (the feed
    admin's "Sync now"). The limits fail closed: an uncounted ban check would let
    anyone enumerate the lists, an uncounted report form would let spam in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RedisError | BrokerUnavailable):
            return None
        logger.warning("Refused %s: Redis unavailable (%s)", request.path, type(exception).__name__)
        response = render(request, "portal/unavailable.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
