"""Phone numbers: reading what people type, and the one answer to "what is this
user's number".

People type numbers as they say them: ``90 123-45-67`` in Tashkent, ``0555 12 34
56`` in Bishkek, ``+998 90 ...`` anywhere. `parse_phone` reads them with
``phonenumbers``, taking the country from the page's language when the number
has no ``+`` (uz and kaa: Uzbekistan, ky: Kyrgyzstan; ru and en: none, the
country code is then needed), and stores E.164 (``+998901234567``).
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The country a number without "+" is read in, by the page's language.
DEFAULT_REGION_BY_LANGUAGE = {"uz": "UZ", "kaa": "UZ", "ky": "KG"}

INVALID_PHONE = _(
    "This is not a mobile phone number we can send a code to. Type it with the "
    "country code: +998 and 9 digits in Uzbekistan, +996 and 9 digits in Kyrgyzstan."
)


def default_region(language=None):
    return DEFAULT_REGION_BY_LANGUAGE.get(language or get_language() or "")


def parse_phone(text, language=None):
    """The E.164 form of a mobile number typed by a person, or `ValidationError`."""
    text = (text or "").strip()
    try:
        number = phonenumbers.parse(text, default_region(language))
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_PHONE, code="invalid_phone") from None
    if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_phone(text, language=None):
    """`parse_phone`, or None for text that is no phone number (for look-ups)."""
    try:
        return parse_phone(text, language)
    except ValidationError:
        return None


def is_e164(number):
    """Whether ``number`` is a valid number already written in E.164."""
    if not isinstance(number, str) or not number.startswith("+"):
        return False
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) and (
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
    )


def display_phone(number):
    """``+998 90 123 45 67``: E.164 written the international way, for pages."""
    return phonenumbers.format_number(
        phonenumbers.parse(number, None), phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )


def phone_of(user) -> str | None:
    """The user's verified phone number in E.164, or None (no number, not verified,
    anonymous user). The one rule other apps use before sending a text."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    from accounts.models import Phone

    return (
        Phone.objects.filter(user_id=user.pk, verified_at__isnull=False)
        .values_list("number", flat=True)
        .first()
    )


def user_display(user):
    """How allauth names a user on pages (``ACCOUNT_USER_DISPLAY``, "signed in as
    ..."): an applicant by their phone number, staff by their user name."""
    from accounts.models import Phone

    number = Phone.objects.filter(user_id=user.pk).values_list("number", flat=True).first()
    return display_phone(number) if number else user.get_username()
