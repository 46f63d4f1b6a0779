"""The client's address: the one rule every per-address limit keys on.

Behind a reverse proxy ``REMOTE_ADDR`` is the proxy's address, so limits keyed on
it would put every visitor in one budget. ``X-Forwarded-For``, on the other hand,
is written by whoever sends the request: only the entries that the operator's own
proxies appended can be believed. With ``TRUSTED_PROXY_COUNT`` proxies in front
of the portal, each appending the address it received the request from, the
client is the N-th entry from the right; anything further left was sent by the
client and is ignored. With no proxy configured the header is ignored entirely.

The forms' rate limits (`partners.limits`), the API throttles and the admin login
lockout (django-axes' ``AXES_CLIENT_IP_CALLABLE``) all call :func:`client_address`.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of the client, as told by the configured trusted proxies."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        entries = [entry.strip() for entry in forwarded.split(",")]
        # Fewer entries than proxies: the request did not come through all of
        # them, so no entry is one a trusted proxy wrote.
        if len(entries) >= count and _is_address(entries[-count]):
            return entries[-count]
    # A request with no peer address (a WSGI server that sets none, a request built
    # by hand) counts as the unspecified address: one budget, not an error.
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104


def _is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
