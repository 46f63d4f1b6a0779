"""Forms the applicant fills: the phone field allauth uses everywhere, allauth's
login and sign-up forms as the portal words them (``ACCOUNT_FORMS``), with the
consent at sign-up, and the language preference."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.phones import parse_phone


class PhoneField(forms.CharField):
    """A mobile number as people type it; cleans to E.164 (`accounts.phones`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Mobile phone number"))
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault(
            "help_text", _("We send a code to it by SMS. With the country code: +998 or +996.")
        )
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return parse_phone(value) if value else value


CONSENT = _(
    "I agree that the portal keeps my phone number, my account and what I put in "
    "my profile, and shows my profile only to the recruiters of the agencies and "
    "authorities whose vacancies I apply to."
)


def privacy_link():
    return format_html(
        '<a href="{}">{}</a>', reverse("accounts:privacy"), _("How the portal uses your data")
    )


class LoginForm(AllauthLoginForm):
    """allauth's login form, named for the people who use it: applicants type
    their phone number, staff their user name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Phone number or user name")
        login.widget.attrs.update({"placeholder": "", "autocomplete": "username"})


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form (phone, optional e-mail, password) and, last, the
    consent, recorded with its date by `accounts.services.record_signup`."""

    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("To create an account, agree to how your data is used.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"] = self.fields.pop("consent")  # after the password
        self.fields["consent"].label = CONSENT
        self.fields["consent"].help_text = privacy_link()

    def custom_signup(self, request, user):
        super().custom_signup(request, user)
        services.record_signup(user, language=getattr(request, "LANGUAGE_CODE", None))


class PreferenceForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of messages"), choices=settings.LANGUAGES)
