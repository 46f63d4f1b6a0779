"""Reads about accounts that pages and other apps build on."""

from allauth.account.models import EmailAddress

from accounts.models import Phone, Preference


def language_of(user, default="uz"):
    """The language to write to ``user`` in (texts, e-mails)."""
    language = Preference.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
    return language or default


def phone_record(user):
    """The user's `Phone` (verified or not), or None."""
    return Phone.objects.filter(user_id=user.pk).first()


def email_addresses(user):
    return list(EmailAddress.objects.filter(user_id=user.pk).order_by("-primary", "email"))
