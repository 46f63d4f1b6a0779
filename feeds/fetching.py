"""Downloading a feed document within a size limit and a wall-clock deadline.

`FEED_TIMEOUT` bounds the whole download, measured from its start: connecting
(with the TLS handshake), sending the request and every read of the headers and
the body. A per-operation timeout alone lets a partner that sends a byte every
half second hold a worker for as long as it likes, so before each blocking
socket operation the socket's timeout is set to the time left (`_DeadlineSocket`)."""

import time
from functools import partial

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from feeds import addresses
from feeds.documents import SIGNATURE_HEADER, DocumentError

CHUNK = 64 * 1024


class TransientError(Exception):
    """Worth trying again later: a timeout, a lost connection, a 5xx answer."""


def download(feed):
    """(body, signature header) of the feed's URL; raises TransientError or
    DocumentError (4xx, too large, address not allowed)."""
    limit, deadline = settings.FEED_MAX_BYTES, Deadline(settings.FEED_TIMEOUT)
    try:
        addresses.check_url(feed.url, resolve=True)
    except ValidationError as error:
        raise DocumentError(error.messages[0]) from None
    headers = {"Accept": "application/json" if feed.format == "json" else "text/csv"}
    token = feed.token
    if token:
        headers[feed.token_header or "Authorization"] = token
    session = requests.Session()
    for scheme in addresses.SCHEMES:
        session.mount(f"{scheme}://", _GuardedAdapter(deadline))
    try:
        with (
            session,
            session.get(
                feed.url,
                headers=headers,
                timeout=deadline.seconds,
                stream=True,
                allow_redirects=False,
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
            return bytes(body), response.headers.get(SIGNATURE_HEADER, "")
    except addresses.PrivateAddressError as error:
        raise DocumentError(str(error)) from None
    except requests.RequestException as error:
        if deadline.passed():
            raise TransientError(
                _("The document did not arrive within %(seconds)s s.")
                % {"seconds": f"{deadline.seconds:g}"}
            ) from None
        unreachable = _("The partner could not be reached: %(error)s") % {
            "error": type(error).__name__
        }
        if isinstance(error, (requests.Timeout, requests.ConnectionError)):
            raise TransientError(unreachable) from None
        raise DocumentError(unreachable) from None


def _too_large(limit):
    return _("The document is larger than %(limit)s bytes.") % {"limit": limit}


class Deadline:
    """The moment one download must be over by."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def passed(self):
        return time.monotonic() >= self.at

    def left(self):
        """Seconds left; a socket timeout once none are, so the libraries treat
        it as they treat a partner that stopped answering."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise TimeoutError("feed download deadline passed")
        return left


class _DeadlineSocket:
    """A connected socket (plain or TLS) whose every send and receive waits at
    most until the deadline. Everything else is the socket's own."""

    def __init__(self, sock, deadline):
        self._sock = sock
        self._deadline = deadline

    def __getattr__(self, name):
        return getattr(self._sock, name)

    def settimeout(self, timeout):
        """urllib3 resets the per-operation timeout before reading the answer;
        the deadline, armed before each operation, supersedes it."""

    def _armed(self):
        self._sock.settimeout(self._deadline.left())
        return self._sock

    def recv(self, *args):
        return self._armed().recv(*args)

    def recv_into(self, *args):
        return self._armed().recv_into(*args)

    def send(self, *args):
        return self._armed().send(*args)

    def sendall(self, *args):
        return self._armed().sendall(*args)

    def makefile(self, *args, **kwargs):
        """http.client reads the answer through a file over the socket: make that
        file read through this object. The socket still counts the file as open,
        so closing the connection leaves a response being read intact."""
        file = self._sock.makefile(*args, **kwargs)
        file.raw._sock = self
        return file


class _Guarded:
    """A connection that reaches only public addresses (`addresses.check_connected`,
    before a byte, and the partner's token, is sent) and ends by the deadline."""

    def __init__(self, *args, deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def _new_conn(self):
        self.timeout = self.deadline.left()
        sock = super()._new_conn()
        try:
            addresses.check_connected(sock)
            sock.settimeout(self.deadline.left())  # for the TLS handshake, if any
        except (addresses.PrivateAddressError, TimeoutError):
            sock.close()
            raise
        return sock

    def connect(self):
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self.deadline)


class _GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    """A requests adapter for one download: its connections are `_Guarded` by
    that download's deadline."""

    def __init__(self, deadline):
        self.deadline = deadline
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": partial(_GuardedHTTPPool, deadline=self.deadline),
            "https": partial(_GuardedHTTPSPool, deadline=self.deadline),
        }
