"""The public request form (two steps: what and where, then the rest) and the help
desk's forms."""

import re

import phonenumbers
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from directory.needs import Need
from helpdesk.models import Case, CaseEvent, Responder

TELEGRAM_NAME = re.compile(r"^@?[A-Za-z][A-Za-z0-9_]{4,31}$")
LANGUAGE_NAMES = {
    "uz": "Oʻzbekcha",
    "kaa": "Qaraqalpaqsha",
    "ky": "Кыргызча",
    "ru": "Русский",
    "en": "English",
}


def country_choices():
    return [("", _("Choose the country")), *countries]


class StartForm(forms.Form):
    """Step 1: what happened and in which country, so that the next step shows the
    numbers to call at once when the person may be in danger."""

    category = forms.ChoiceField(
        label=_("What happened?"), choices=Need.choices, widget=forms.RadioSelect
    )
    country = forms.ChoiceField(label=_("In which country are you?"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()


class CaseForm(forms.ModelForm):
    """Step 2: everything else. Only what the help desk needs to reach the person."""

    class Meta:
        model = Case
        fields = [
            "category",
            "country",
            "city",
            "channel",
            "contact",
            "email",
            "language",
            "description",
        ]
        widgets = {
            "category": forms.HiddenInput,
            "channel": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "city": forms.TextInput(attrs={"autocomplete": "off"}),
            "contact": forms.TextInput(attrs={"autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "contact": _("With the country code, e.g. +998…; or your Telegram name, e.g. @name."),
            "email": _("Optional. We write only to tell you that your request changed."),
            "description": _("Optional. Do not write passwords or document numbers."),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", get_language())
        super().__init__(*args, **kwargs)
        self.fields["country"].widget = forms.HiddenInput()
        self.fields["country"].choices = list(countries)
        self.fields["contact"].required = True
        self.fields["channel"].choices = Case.Channel.choices
        self.fields["language"].choices = [
            (code, LANGUAGE_NAMES.get(code, name)) for code, name in settings.LANGUAGES
        ]
        self.fields["language"].label = _("Language we should answer in")
        self.fields["description"].max_length = 1000

    def clean_description(self):
        text = self.cleaned_data["description"].strip()
        if len(text) > 1000:
            raise forms.ValidationError(_("Please keep it under 1000 characters."))
        return text

    def clean(self):
        data = super().clean()
        channel, contact = data.get("channel"), (data.get("contact") or "").strip()
        if not channel or not contact:
            return data
        if channel == Case.Channel.TELEGRAM and TELEGRAM_NAME.match(contact):
            data["contact"] = "@" + contact.lstrip("@")
            return data
        try:
            number = phonenumbers.parse(contact, None)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_possible_number(number):
            self.add_error(
                "contact",
                _("Write the phone number with the country code, e.g. +998 90 123 45 67.")
                if channel != Case.Channel.TELEGRAM
                else _(
                    "Write your Telegram name (e.g. @name) or phone number with the country code."
                ),
            )
            return data
        data["contact"] = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return data


class RouteForm(forms.Form):
    responder = forms.ModelChoiceField(
        label=_("Responder organisation"),
        queryset=Responder.objects.filter(is_active=True),
        required=False,
        empty_label=_("As the routing table says"),
    )


class RecordForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (CaseEvent.Kind.ACTION, CaseEvent.Kind.ACTION.label),
            (CaseEvent.Kind.NOTE, CaseEvent.Kind.NOTE.label),
        ],
    )
    text = forms.CharField(
        label=_("Text"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (value, label) for value, label in Case.Status.choices if value != Case.Status.NEW
        ],
    )
    outcome = forms.ChoiceField(
        label=_("Outcome (to close)"),
        choices=[("", "-"), *Case.Outcome.choices],
        required=False,
    )
