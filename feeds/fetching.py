"""Downloading a feed document within time and size limits."""

import time

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from feeds import addresses
from feeds.documents import SIGNATURE_HEADER, DocumentError

CHUNK = 64 * 1024


class TransientError(Exception):
    """Worth trying again later: a timeout, a lost connection, a 5xx answer."""


def download(feed):
    """(body, signature header) of the feed's URL; raises TransientError or
    DocumentError (4xx, too large, address not allowed)."""
    try:
        addresses.check_url(feed.url, resolve=True)
    except ValidationError as error:
        raise DocumentError(error.messages[0]) from None
    headers = {"Accept": "application/json" if feed.format == "json" else "text/csv"}
    token = feed.token
    if token:
        headers[feed.token_header or "Authorization"] = token
    limit, timeout = settings.FEED_MAX_BYTES, settings.FEED_TIMEOUT
    deadline = time.monotonic() + timeout
    session = requests.Session()
    for scheme in addresses.SCHEMES:
        session.mount(f"{scheme}://", addresses.PublicAddressesOnly())
    try:
        with (
            session,
            session.get(
                feed.url, headers=headers, timeout=timeout, stream=True, allow_redirects=False
            ) as response,
        ):
            if response.status_code >= 500:
                raise TransientError(
                    _("The partner answered %(status)s.") % {"status": response.status_code}
                )
            if response.status_code != 200:
                raise DocumentError(
                    _("The partner answered %(status)s.") % {"status": response.status_code}
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise DocumentError(_too_large(limit))
            body = bytearray()
            for chunk in response.iter_content(CHUNK):
                body += chunk
                if len(body) > limit:
                    raise DocumentError(_too_large(limit))
                if time.monotonic() > deadline:
                    raise TransientError(_("The download took too long."))
            return bytes(body), response.headers.get(SIGNATURE_HEADER, "")
    except (requests.Timeout, requests.ConnectionError) as error:
        raise TransientError(
            _("The partner could not be reached: %(error)s") % {"error": type(error).__name__}
        ) from None
    except addresses.PrivateAddressError as error:
        raise DocumentError(str(error)) from None
    except requests.RequestException as error:
        raise DocumentError(
            _("The partner could not be reached: %(error)s") % {"error": type(error).__name__}
        ) from None


def _too_large(limit):
    return _("The document is larger than %(limit)s bytes.") % {"limit": limit}
