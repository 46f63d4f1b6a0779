"""Which feed URLs the portal may fetch: http(s) only and, in production, never
an address inside the portal's own network (loopback, private, link-local), so a
feed cannot be used to probe internal services. Checked when the feed is saved
and again, on the resolved address, every time it is fetched."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SCHEMES = ("http", "https")


def check_url(url, resolve=False):
    """Raise ValidationError if the portal must not fetch ``url``."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise ValidationError(_("Only http and https addresses can be fetched."), code="scheme")
    if settings.FEED_ALLOW_PRIVATE_ADDRESSES:
        return
    try:
        addresses = [ipaddress.ip_address(parts.hostname)]
    except ValueError:
        if not resolve:
            addresses = []
            if parts.hostname.lower() == "localhost":
                addresses = [ipaddress.ip_address("127.0.0.1")]
        else:
            try:
                infos = socket.getaddrinfo(parts.hostname, parts.port or 443)
            except OSError:
                raise ValidationError(
                    _("The feed's host name cannot be resolved."), code="dns"
                ) from None
            addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    if any(not address.is_global for address in addresses):
        raise ValidationError(
            _("Addresses inside a private network cannot be fetched."), code="private"
        )
