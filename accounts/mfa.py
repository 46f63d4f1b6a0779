"""Second factor for staff who see personal data: the rule, in one place.

A user sees personal data when they hold any permission in the registry: every
app names its own in ``personal_data_permissions`` on its AppConfig (ban
records in blacklist, phone numbers here; applications and help cases in their
apps), and ``PERSONAL_DATA_PERMISSIONS`` in settings may add more. A superuser
holds every permission, so is always such a user.

Such a user must have a second factor (allauth.mfa: an authenticator app, with
recovery codes). allauth asks for it at every sign-in once it exists, and every
sign-in goes through allauth (the admin's login is allauth's, see
`accounts.apps`). Until they set one up they are sent to do so: from the admin
(`accounts.middleware.SecondFactorMiddleware`) and from any page protected by
`second_factor_required` / `SecondFactorRequiredMixin`.
"""

from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.apps import apps
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


def personal_data_permissions():
    """Every registered permission (``"app_label.codename"``) that shows personal data."""
    permissions = set(getattr(settings, "PERSONAL_DATA_PERMISSIONS", ()))
    for config in apps.get_app_configs():
        permissions.update(getattr(config, "personal_data_permissions", ()))
    return frozenset(permissions)


def sees_personal_data(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or any(user.has_perm(perm) for perm in personal_data_permissions())


def has_second_factor(user):
    """An authenticator that is a real second factor (recovery codes are a fallback)."""
    return is_mfa_enabled(user, types=["totp", "webauthn"])


def needs_second_factor_setup(user):
    return sees_personal_data(user) and not has_second_factor(user)


def setup_redirect(request):
    """To the authenticator set-up page, coming back here afterwards."""
    url = reverse("mfa_activate_totp")
    return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


def second_factor_required(view):
    """For staff pages outside the admin that show personal data: signed in, and
    with a second factor when the rule above asks for one."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if needs_second_factor_setup(request.user):
            return setup_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


class SecondFactorRequiredMixin:
    """`second_factor_required` for class-based views."""

    @classmethod
    def as_view(cls, **initkwargs):
        return second_factor_required(super().as_view(**initkwargs))
