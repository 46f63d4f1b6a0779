"""Who may use the help desk's pages: signed-in staff of the *Help desk* group
(`helpdesk.staff.is_helpdesk_staff`), with a second factor.

SECOND FACTOR HOOK: ``second_factor_required`` below wraps every help-desk page.
Once branch ``accounts`` is merged it must be ``accounts.mfa.second_factor_required``
(the lead wires it: replace the body of `second_factor_required` with that import)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from helpdesk.staff import is_helpdesk_staff


def second_factor_required(view):
    """Wraps a help-desk view in the accounts app's second-factor check."""
    return view


def helpdesk_staff_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not is_helpdesk_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return second_factor_required(wrapped)
