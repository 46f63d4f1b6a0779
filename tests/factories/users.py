"""Staff accounts, in the groups each app declares (`<app>/staff.py`), their second
factor, and applicants who signed up with a phone."""

import base64
import hashlib
import hmac
import struct
import time

import factory
from django.contrib.auth.models import Group, User
from factory.django import DjangoModelFactory, Password


def join(user, group_names):
    user.groups.add(*(Group.objects.get(name=name) for name in group_names))


class StaffUserFactory(DjangoModelFactory):
    """A staff account; ``groups=["Content editor"]`` puts it in those groups."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    password = Password(None)  # give one to log in through the login form
    is_staff = True

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        join(user, names or ())


class OfficerFactory(StaffUserFactory):
    """The licensing officer whom licence events name."""

    username = "officer"

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        join(user, ["Licensing officer"] if names is None else names)


def totp_code(secret, at=None):
    """The authenticator app's six digits now (RFC 6238: HMAC-SHA1, 30 s steps),
    computed here rather than by allauth, so a test proves allauth checks real codes."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_second_factor(user):
    """Set up an authenticator app (TOTP) for ``user``, as the set-up page does;
    returns its secret, from which `totp_code` computes the codes."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


class ApplicantFactory(factory.Factory):
    """An applicant who signed up with a phone and confirmed it
    (`accounts.services.create_phone_user`); ``password`` to sign in."""

    class Meta:
        model = User

    phone = factory.Sequence(lambda n: f"+99890{n % 10_000_000:07d}")
    password = "a long applicant password"
    language = "uz"

    @classmethod
    def _create(cls, model_class, phone, password, language, **fields):
        from accounts.services import create_phone_user

        return create_phone_user(phone, password, language=language, **fields)
