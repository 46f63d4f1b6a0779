"""The profile's steps, the apply form and the recruiter's actions, as server-side
forms: every page works without JavaScript on a small phone."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.choices import (
    DRIVING_CATEGORIES,
    REGIONS,
    Certificate,
    Language,
    LanguageLevel,
    RejectReason,
)
from applications.models import Profile
from vacancies.models import Occupation

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NameStep(forms.ModelForm):
    class Meta:
        model = Profile
        fields = [
            "surname_latin",
            "given_names_latin",
            "name_cyrillic",
            "date_of_birth",
            "citizenship",
        ]
        widgets = {"date_of_birth": DATE_INPUT}

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today.replace(year=today.year - 16) or born.year < 1930:
            raise ValidationError(_("Enter your real date of birth: you must be at least 16."))
        return born

    def clean_surname_latin(self):
        return _latin(self.cleaned_data["surname_latin"])

    def clean_given_names_latin(self):
        return _latin(self.cleaned_data["given_names_latin"])


def _latin(value):
    value = " ".join(value.split())
    if not value or any(not (c.isascii() and c.isalpha()) and c not in " -'ʻʼ" for c in value):
        raise ValidationError(_("Write the name in Latin letters, as in your passport."))
    return value.upper()


class ResidenceStep(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["region", "district"]

    def __init__(self, *args, citizenship=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].required = True
        self.fields["district"].required = True
        if citizenship in REGIONS:
            self.fields["region"].choices = [("", "---------"), *REGIONS[citizenship]]


class EducationStep(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["education"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["education"].required = True


class OccupationRow(forms.Form):
    occupation = forms.ModelChoiceField(
        label=_("Occupation"),
        queryset=Occupation.objects.filter(level=Occupation.Level.UNIT).order_by("code"),
        required=False,
    )
    years = forms.IntegerField(
        label=_("Years of experience"), min_value=0, max_value=60, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("occupation") and data.get("years") is None:
            self.add_error("years", _("How many years have you worked in it?"))
        if data.get("years") is not None and not data.get("occupation"):
            self.add_error("occupation", _("Choose the occupation."))
        return data


OccupationRows = formset_factory(
    OccupationRow, extra=0, max_num=8, absolute_max=8, validate_max=True
)


class LanguageRow(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", "---------"), *Language.choices], required=False
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", "---------"), *LanguageLevel.choices], required=False
    )
    certificate = forms.ChoiceField(
        label=_("Certificate"), choices=Certificate.choices, required=False
    )
    score = forms.CharField(
        label=_("Score or level on the certificate"),
        max_length=20,
        required=False,
        help_text=_("For example 152 (EPS-TOPIK), 5.5 (IELTS), B1."),
    )

    def clean(self):
        data = super().clean()
        if data.get("language") and not data.get("level"):
            self.add_error("level", _("Choose your level."))
        if not data.get("language") and (data.get("level") or data.get("certificate")):
            self.add_error("language", _("Choose the language."))
        if data.get("score") and not data.get("certificate"):
            self.add_error("certificate", _("Choose the certificate the score is from."))
        return data


LanguageRows = formset_factory(LanguageRow, extra=0, max_num=6, absolute_max=6, validate_max=True)


class MoreStep(forms.ModelForm):
    driving_categories = forms.MultipleChoiceField(
        label=_("Driving licence categories"),
        choices=DRIVING_CATEGORIES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Profile
        fields = ["driving_categories", "passport_valid_until", "about"]
        widgets = {"passport_valid_until": DATE_INPUT, "about": forms.Textarea(attrs={"rows": 4})}

    def clean_passport_valid_until(self):
        day = self.cleaned_data["passport_valid_until"]
        if day and not datetime.date(2000, 1, 1) <= day <= datetime.date(2060, 12, 31):
            raise ValidationError(_("Enter the date printed in your passport."))
        return day


class ApplyForm(forms.Form):
    consent = forms.BooleanField(required=False)


class ApplicationChoice(forms.Form):
    """The applications ticked in the cabinet's list (bulk shortlist)."""

    selected = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=True)

    def __init__(self, *args, ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].choices = [(pk, pk) for pk in ids]


class InterviewForm(forms.Form):
    interview_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    interview_place = forms.CharField(label=_("Place"), max_length=300, required=False)
    interview_link = forms.URLField(
        label=_("Video link"), max_length=500, required=False, assume_scheme="https"
    )

    def clean(self):
        data = super().clean()
        if not (data.get("interview_place") or data.get("interview_link")):
            raise ValidationError(_("Give a place or a video link."))
        when = data.get("interview_at")
        if when and when < timezone.now():
            self.add_error("interview_at", _("The interview must be in the future."))
        return data


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", "---------"), *RejectReason.choices]
    )
