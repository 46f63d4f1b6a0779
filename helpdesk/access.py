"""Who may use the help desk's pages: signed-in staff of the *Help desk* group
(`helpdesk.staff.is_helpdesk_staff`) who have a second factor, as everyone who sees
help requests must (`accounts.mfa`: the group holds ``helpdesk.view_case``, which
`helpdesk.apps` names as personal data)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts.mfa import second_factor_required
from helpdesk.staff import is_helpdesk_staff


def helpdesk_staff_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_helpdesk_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return second_factor_required(wrapped)
