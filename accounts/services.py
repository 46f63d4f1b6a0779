"""Every write to accounts: phone numbers, consents, preferences, phone users."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from accounts.models import Consent, Phone, Preference
from accounts.phones import parse_phone
from accounts.privacy import PRIVACY_VERSION


def set_phone(user, number, *, verified):
    """Give ``user`` the number (E.164), verified or not. A number that changes
    is unverified until its code is typed."""
    phone, created = Phone.objects.get_or_create(
        user=user, defaults={"number": number, "verified_at": timezone.now() if verified else None}
    )
    if not created:
        if phone.number != number:
            phone.number = number
            phone.verified_at = None
        if verified and phone.verified_at is None:
            phone.verified_at = timezone.now()
        phone.save(update_fields=["number", "verified_at"])
    return phone


def mark_phone_verified(user, number):
    Phone.objects.filter(user=user, number=number, verified_at__isnull=True).update(
        verified_at=timezone.now()
    )


def set_language(user, language):
    Preference.objects.update_or_create(user=user, defaults={"language": language})


def record_signup(user, *, language=None):
    """What sign-up keeps beside the user: the consent (dated, with the privacy
    notice's version) and the language the person signed up in."""
    Consent.objects.create(user=user, purpose=Consent.Purpose.SIGNUP, version=PRIVACY_VERSION)
    set_language(user, language or get_language() or "uz")


@transaction.atomic
def create_phone_user(phone, password, *, language="uz", email="", **fields):
    """A user who signed up with ``phone`` and has verified it: for tests, demo
    data and support staff. ``phone`` may be typed as people type it; it is
    stored in E.164. Records the sign-up consent as the form does."""
    number = parse_phone(phone, language)
    User = get_user_model()
    username = fields.pop("username", None) or f"phone{number.lstrip('+')}"
    user = User.objects.create_user(username=username, email=email, password=password, **fields)
    set_phone(user, number, verified=True)
    record_signup(user, language=language)
    return user
