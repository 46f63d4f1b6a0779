from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from directory.needs import Need


class SearchForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    need = forms.ChoiceField(
        label=_("What you need help with"),
        required=False,
        choices=[("", _("Any need")), *Need.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country")), *countries]
