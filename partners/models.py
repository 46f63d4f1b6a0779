"""Partner organisations and their API keys: who may talk to the portal's API
and push feeds. At the bottom of the house: every app points at ``Partner``."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey, BaseAPIKeyManager

from partners.scopes import SCOPES


class Partner(models.Model):
    """An organisation whose system talks to the portal's API: a state agency,
    a foreign employer's recruitment system, another country's registry."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class PartnerAPIKeyManager(BaseAPIKeyManager):
    def get_usable_keys(self):
        """Keys of active partners that are not revoked; expiry is checked per key."""
        return super().get_usable_keys().filter(partner__is_active=True).select_related("partner")


class PartnerAPIKey(AbstractAPIKey):
    """A secret a partner sends as ``Authorization: Api-Key <key>``.

    Only a hash is stored; the key itself is shown once when created.
    """

    objects = PartnerAPIKeyManager()

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="api_keys", verbose_name=_("partner")
    )
    scopes = models.JSONField(
        _("scopes"), default=list, blank=True, help_text=_("What this key may do.")
    )

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("partner API key")
        verbose_name_plural = _("partner API keys")

    def has_scope(self, scope):
        return scope in self.scopes

    def clean(self):
        unknown = sorted(set(self.scopes) - set(SCOPES))
        if unknown:
            raise ValidationError(
                {"scopes": _("Unknown scopes: %(scopes)s") % {"scopes": ", ".join(unknown)}}
            )
