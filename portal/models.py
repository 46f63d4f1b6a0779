"""The hotlines shown on every page."""

from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The country whose hotlines a reader of a language calls first: Kyrgyz readers
# live in Kyrgyzstan, Uzbek and Karakalpak readers in Uzbekistan.
HOME_COUNTRIES = {"ky": "KG", "uz": "UZ", "kaa": "UZ"}


class HotlineQuerySet(models.QuerySet):
    def shown(self, language=None):
        """Active hotlines, those of the reader's own country first."""
        shown = self.filter(is_active=True)
        home = HOME_COUNTRIES.get(language)
        if not home:
            return shown
        own_first = Case(
            When(country=home, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        return shown.order_by(own_first, "order", "pk")


class Hotline(models.Model):
    """A telephone line a migrant can call for help, shown on every page."""

    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40)
    description = models.CharField(_("description"), max_length=300, blank=True)
    hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        choices=[("UZ", _("Uzbekistan")), ("KG", _("Kyrgyzstan"))],
        help_text=_("Whose citizens it serves: shown first to readers of that country's language."),
    )
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
