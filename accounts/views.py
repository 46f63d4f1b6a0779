"""The account page and the privacy page. Views only read and call services."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import selectors, services
from accounts.forms import PreferenceForm
from accounts.mfa import sees_personal_data
from accounts.phones import display_phone
from accounts.privacy import PRIVACY_VERSION
from accounts.sections import account_sections, privacy_sections


@login_required
def account(request):
    phone = selectors.phone_record(request.user)
    return render(
        request,
        "accounts/account.html",
        {
            "phone": phone,
            "phone_display": display_phone(phone.number) if phone else "",
            "emails": selectors.email_addresses(request.user),
            "language_form": PreferenceForm(
                initial={"language": selectors.language_of(request.user, request.LANGUAGE_CODE)}
            ),
            "sections": account_sections(),
            # Staff need it (accounts.mfa); applicants sign in by phone and code.
            "show_second_factor": request.user.is_staff or sees_personal_data(request.user),
        },
    )


@login_required
@require_POST
def language(request):
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.set_language(request.user, form.cleaned_data["language"])
        messages.success(request, _("Saved. Messages to you will be in this language."))
    else:
        messages.error(request, _("Choose one of the languages in the list."))
    return redirect("accounts:account")


def privacy(request):
    return render(
        request,
        "accounts/privacy.html",
        {
            "sections": privacy_sections(),
            "signin_log_days": settings.SIGNIN_LOG_DAYS,
            "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "version": PRIVACY_VERSION,
        },
    )
