"""Applicants (with a verified phone), their profiles, recruiters and applications,
made through the services as the pages make them."""

import datetime
import itertools

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import User
from django.utils import timezone

from accounts.models import Phone
from applications import services
from applications.models import Profile

_numbers = itertools.count(1)


def applicant(username=None, *, phone=True, email="", **profile_fields):
    """A user with a verified phone and a complete profile (unless ``profile=None``)."""
    number = next(_numbers)
    user = User.objects.create_user(username or f"applicant{number}", email=email, password="x")
    if phone:
        Phone.objects.create(user=user, number=f"+99890{number:07d}", verified_at=timezone.now())
    if profile_fields.pop("profile", True) is not None:
        make_profile(user, **profile_fields)
    return user


def make_profile(user, **fields):
    values = {
        "surname_latin": "KARIMOV",
        "given_names_latin": "AZIZ",
        "name_cyrillic": "Каримов Азиз",
        "date_of_birth": datetime.date(1995, 4, 12),
        "citizenship": "UZ",
        "region": "UZ-SA",
        "district": "Urgut",
        "education": "vocational",
        **fields,
    }
    return Profile.objects.create(user=user, **values)


def recruiter(*, agency=None, authority=None, username=None, second_factor=True):
    user = User.objects.create_user(username or f"recruiter{next(_numbers)}", password="x")
    services.appoint_recruiter(user, agency=agency, authority=authority)
    if second_factor:
        give_totp(user)
    return user


def give_totp(user):
    """A TOTP authenticator, as the set-up page creates it; returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    assert Authenticator.objects.filter(user=user).exists()
    return secret


def application(user, vacancy, **kwargs):
    return services.apply(user, vacancy, consent=True)
