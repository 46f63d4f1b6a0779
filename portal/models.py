"""The hotlines shown on every page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HotlineQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(is_active=True)


class Hotline(models.Model):
    """A telephone line a migrant can call for help, shown on every page."""

    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40)
    description = models.CharField(_("description"), max_length=300, blank=True)
    hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown"), default=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    objects = HotlineQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")

    def __str__(self):
        return f"{self.name} ({self.phone})"
