from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alerts import telegram
from alerts.models import Subscription


def channel_choices():
    """The channels this portal can send through (none when nothing is set up)."""
    choices = []
    if settings.EMAIL_ENABLED:
        choices.append(("email", _("by e-mail")))
    if telegram.configured() and settings.TELEGRAM_BOT_USERNAME:
        choices.append(("telegram", _("in Telegram")))
    return choices


class SubscribeForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Send them to me"), choices=channel_choices, widget=forms.RadioSelect
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_("Only for e-mail alerts. We send a link to confirm it first."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.INSTANT,
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("channel") == "email" and not cleaned.get("email"):
            self.add_error("email", _("Enter the e-mail address the alerts should go to."))
        return cleaned
