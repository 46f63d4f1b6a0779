"""What the portal keeps about an applicant's account, beyond Django's user:
the phone number (allauth keeps no phone numbers itself, its adapter stores
them here), the consent given at sign-up, and the language texts are sent in."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class Phone(models.Model):
    """A user's mobile number, E.164. One per user and one user per number: the
    number is how an applicant signs in. Verified once they typed the SMS code."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="phone",
        verbose_name=_("user"),
    )
    number = models.CharField(_("phone number"), max_length=16, unique=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")
        constraints = [
            # E.164 is checked in full by accounts.phones; the database keeps the form.
            models.CheckConstraint(
                condition=models.Q(number__startswith="+"), name="phone_number_e164"
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def verified(self):
        return self.verified_at is not None


class Consent(models.Model):
    """A consent a person gave, with its date and the version of the privacy page
    they were shown (`accounts.privacy.PRIVACY_VERSION`)."""

    class Purpose(models.TextChoices):
        SIGNUP = "signup", _("Account and privacy notice, at sign-up")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("user"),
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    version = models.CharField(_("privacy notice version"), max_length=16)
    given_at = models.DateTimeField(_("given at"), db_default=Now())

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.version})"


class Preference(models.Model):
    """The language the applicant reads: texts and e-mails sent to them use it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="preference",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")

    def __str__(self):
        return self.language
