"""Public forms of the registry: the verify box and the report of a recruiter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import RecruiterReport


def _no_nul(value):
    if "\x00" in (value or ""):
        raise forms.ValidationError(_("Remove the invisible characters from this text."))


class VerifyForm(forms.Form):
    q = forms.CharField(
        label=_("Phone, website, Telegram or Instagram, licence number or name"),
        max_length=300,
        validators=[_no_nul],
    )


class RecruiterReportForm(forms.ModelForm):
    # A field people never see: bots fill every input they find.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = RecruiterReport
        fields = ["recruiter_name", "channel", "what_happened", "contact"]
        labels = {
            "recruiter_name": _("Name of the recruiter or company"),
            "channel": _("Phone, Telegram, Instagram, website or other contact"),
            "what_happened": _("What happened?"),
            "contact": _("Your phone or e-mail (optional)"),
        }
        help_texts = {
            "recruiter_name": _("As they called themselves."),
            "what_happened": _(
                "What they offered, what they asked you to pay, where and when. "
                "Do not write passport numbers."
            ),
            "contact": _("Only if you want us to call you back. Only our staff see it."),
        }
        widgets = {"what_happened": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("recruiter_name", "channel", "what_happened", "contact"):
            self.fields[name].validators.append(_no_nul)
        self.fields["what_happened"].required = True

    def is_spam(self):
        return bool(self.data.get("website"))
