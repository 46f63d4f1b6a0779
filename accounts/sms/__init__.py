"""Sending a text message: the one door every app uses (`send_sms`).

The backend is chosen by ``SMS_BACKEND`` (a dotted path, like Django's
``EMAIL_BACKEND``): ``accounts.sms.console.SmsBackend`` in development,
``accounts.sms.locmem.SmsBackend`` in tests (its ``outbox`` list is read like
``django.core.mail.outbox``) and ``accounts.sms.gateway.SmsBackend`` in production.
Neither this module nor any backend ever logs the number or the text: a text
carries one-time codes and a number identifies a person.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from accounts.sms.base import SmsError
from accounts.sms.locmem import outbox

__all__ = ["SmsError", "get_backend", "outbox", "send_sms"]


@cache
def _backend_class(path):
    return import_string(path)


def get_backend():
    """A backend instance as configured now (tests may change ``SMS_BACKEND``)."""
    return _backend_class(settings.SMS_BACKEND)()


def send_sms(number: str, text: str) -> None:
    """Send ``text`` to ``number`` (E.164, e.g. ``+998901234567``).

    Raises ``ValueError`` for a number that is not E.164 (a programming error:
    numbers are checked where people type them, `accounts.phones.parse_phone`)
    and `SmsError` when the gateway refuses or cannot be reached.
    """
    from accounts.phones import is_e164

    if not is_e164(number):
        raise ValueError("send_sms needs a number in E.164 form, such as +998901234567.")
    if not text:
        raise ValueError("send_sms needs a text.")
    get_backend().send(number, text)
