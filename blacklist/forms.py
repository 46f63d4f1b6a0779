from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from spelling import normalise_token
from ui.widgets import Select

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


class DateOfBirthWidget(forms.MultiWidget):
    """Day, month and year in three boxes of digits, as on a passport. A phone's date
    picker opens on today and writes the date in the phone's own format, which
    readers of Karakalpak or Kyrgyz found hard to scroll back 30 years in.

    The boxes are read as one "day.month.year" text for the date field, so the
    field's rules (a real date, not in the future) stay in one place. A single
    ``date_of_birth`` value (ISO or day.month.year), as a kiosk or an older copy of
    the page may send, is read as it is."""

    template_name = "blacklist/widgets/date_of_birth.html"
    use_fieldset = True
    PARTS = (_("Day"), _("Month"), _("Year"))

    def __init__(self):
        box = {"inputmode": "numeric", "autocomplete": "off", "class": "date-part"}
        super().__init__(
            [
                forms.TextInput({**box, "maxlength": "2"}),
                forms.TextInput({**box, "maxlength": "2"}),
                forms.TextInput({**box, "maxlength": "4", "class": "date-part year"}),
            ]
        )

    def decompress(self, value):
        """The boxes of a date, or of the text sent back to be corrected."""
        if not value:
            return [None, None, None]
        if isinstance(value, str):
            parts = value.split("-")[::-1] if "-" in value else value.split(".")
            return [*parts, None, None, None][:3]
        return [value.day, value.month, value.year]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.PARTS, strict=True):
            subwidget["part_label"] = label
        return context

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        parts = [str(part or "").strip() for part in super().value_from_datadict(data, files, name)]
        return ".".join(parts) if any(parts) else ""

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


class CitizenshipChoices(BaseChoiceIterator):
    """The reader's language's list of countries, as the field and its menu read it.

    Django normalises a list or a callable's result again for every form and every
    reading of the menu (250 countries, several times a page); an iterator of this
    kind is taken as it is, and yields a list worked out once per language."""

    def __iter__(self):
        return iter(_citizenship_choices(get_language()))


@cache
def _citizenship_choices(language):
    """Worked out once per language: django-countries translates and sorts its 250
    names on every iteration, which cost more than the rest of the form."""
    listed = dict(countries)
    first = [(code, listed[code]) for code in FIRST_COUNTRIES]
    rest = [(code, name) for code, name in countries if code not in FIRST_COUNTRIES]
    return [("", str(_("Choose your country"))), *first, *rest]


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
        help_text=_("For example: 14 03 1991"),
        error_messages={
            "invalid": _("Enter the day, month and year of your birth in numbers."),
            "required": _("Enter your date of birth."),
        },
        widget=DateOfBirthWidget(),
    )
    citizenship = forms.ChoiceField(
        label=_("Citizenship"),
        choices=CitizenshipChoices(),
        widget=Select(attrs={"autocomplete": "off"}),
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
