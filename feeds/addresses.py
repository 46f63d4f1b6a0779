"""Which feed URLs the portal may fetch: http(s) only and, in production, never
an address inside the portal's own network (loopback, private, link-local), so a
feed cannot be used to probe internal services. One rule (`check_url`) decides
when the feed is saved and again on the resolved address before each fetch;
finally the address the socket actually connected to is checked before a byte
is sent (`check_connected`): a host name that resolves to a public address for
the check and to an internal one a moment later (DNS rebinding) gets nothing."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SCHEMES = ("http", "https")
LOOPBACK = ipaddress.ip_address("127.0.0.1")


def check_url(url, resolve=False):
    """Raise ValidationError if the portal must not fetch ``url``. Without
    ``resolve`` (save time) only what the host name says by itself is judged; with
    it (fetch time) the name's DNS answers too. Both judge the same way."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise ValidationError(_("Only http and https addresses can be fetched."), code="scheme")
    if settings.FEED_ALLOW_PRIVATE_ADDRESSES:
        return
    addresses = _known_addresses(parts.hostname)
    if addresses is None:
        addresses = _resolve(parts.hostname) if resolve else []
    if not all(map(is_public, addresses)):
        raise ValidationError(
            _("Addresses inside a private network cannot be fetched."), code="private"
        )


def _known_addresses(hostname):
    """The addresses a host name stands for without asking DNS, or None: an
    address written in any form the resolver accepts (``127.1`` and ``2130706433``
    are 127.0.0.1), and loopback for ``localhost`` and every name under it, which
    resolvers answer locally whatever DNS says (RFC 6761)."""
    name = hostname.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return [LOOPBACK]
    try:
        infos = socket.getaddrinfo(name, None, flags=socket.AI_NUMERICHOST)
    except (OSError, UnicodeError):
        return None
    return [_address(info[4][0]) for info in infos]


def _resolve(hostname):
    try:
        infos = socket.getaddrinfo(hostname, None)
    except (OSError, UnicodeError):
        raise ValidationError(_("The feed's host name cannot be resolved."), code="dns") from None
    return [_address(info[4][0]) for info in infos]


def _address(text):
    return ipaddress.ip_address(text.split("%")[0])  # without an IPv6 zone ("%eth0")


def is_public(address):
    """May the portal connect to this IP address? Only to the public internet."""
    return address.is_global


class PrivateAddressError(Exception):
    """The connection reached an address inside a private network."""


def check_connected(sock):
    """Raise PrivateAddressError unless ``sock`` is connected to a public address
    (or private addresses are allowed)."""
    if settings.FEED_ALLOW_PRIVATE_ADDRESSES:
        return
    if not is_public(_address(sock.getpeername()[0])):
        raise PrivateAddressError(_("Addresses inside a private network cannot be fetched."))
