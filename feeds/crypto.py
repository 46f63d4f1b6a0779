"""Feed credentials are stored encrypted (Fernet), keyed from ``FEED_CREDENTIALS_KEY``
or, when that is not set, derived from ``SECRET_KEY``: a database dump alone does
not reveal a partner's token or signing secret."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet():
    secret = settings.FEED_CREDENTIALS_KEY or settings.SECRET_KEY
    key = base64.urlsafe_b64encode(hashlib.sha256(f"feeds:{secret}".encode()).digest())
    return Fernet(key)


def encrypt(value):
    return _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(token):
    """The stored secret, or "" when none is stored or the key has changed."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""
