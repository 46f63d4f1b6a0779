from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from spelling import normalise_token

# The countries whose citizens the portal serves come first in the list.
FIRST_COUNTRIES = ("UZ", "KG", "TJ", "KZ")

# django-countries has no Uzbek, Karakalpak or Kyrgyz names: these msgids are its
# English names, so the portal's catalogs translate them wherever a country is shown
# (the countries of the portal's users and of the ban lists).
COUNTRY_NAMES = (
    _("Uzbekistan"),
    _("Kyrgyzstan"),
    _("Tajikistan"),
    _("Kazakhstan"),
    _("Russia"),
)


def validate_name(value):
    """A name box must hold letters the matching can read (Latin or Cyrillic)."""
    if not normalise_token(value):
        raise ValidationError(_("Write the name in Latin or Cyrillic letters."), code="letters")


_PRIVATE = {"autocomplete": "off", "autocapitalize": "words", "spellcheck": "false"}


def citizenship_choices():
    listed = dict(countries)
    first = [(code, listed[code]) for code in FIRST_COUNTRIES]
    rest = [(code, name) for code, name in countries if code not in FIRST_COUNTRIES]
    return [("", _("Choose your country")), *first, *rest]


class CheckForm(forms.Form):
    """The self-check: a whole identity or nothing (the date of birth is required)."""

    surname = forms.CharField(
        label=_("Surname"),
        max_length=100,
        validators=[validate_name],
        widget=forms.TextInput(_PRIVATE),
    )
    given_name = forms.CharField(
        label=_("Given name"),
        max_length=100,
        validators=[validate_name],
        widget=forms.TextInput(_PRIVATE),
    )
    patronymic = forms.CharField(
        label=_("Patronymic (optional)"),
        max_length=100,
        required=False,
        help_text=_("As you write it: Botirovich, Botir oʻgʻli, Asanbek uulu."),
        widget=forms.TextInput(_PRIVATE),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "autocomplete": "off"}),
    )
    citizenship = forms.ChoiceField(
        label=_("Citizenship"),
        choices=citizenship_choices,
        widget=forms.Select(attrs={"autocomplete": "off"}),
    )
    document_number = forms.CharField(
        label=_("Passport number (optional)"),
        max_length=20,
        required=False,
        help_text=_("If you give it, a record with another number is not counted as yours."),
        widget=forms.TextInput({**_PRIVATE, "autocapitalize": "characters"}),
    )

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born > timezone.localdate() or born.year < 1900:
            raise forms.ValidationError(_("Enter your real date of birth."))
        return born
