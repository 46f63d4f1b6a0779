"""The information pages of the three stages of a migration (Before you go, While
abroad, Coming home): a stage and its topics, edited by content editors in five
languages, each with the date it was last reviewed and the sources it rests on.

Whether a topic may be shown to the public is decided in one place,
`TopicQuerySet.public`: published and with no fact still marked for checking.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Stage(models.Model):
    """One of the three entry points; its page lists its topics."""

    class Key(models.TextChoices):
        BEFORE = "before", _("Before you go")
        ABROAD = "abroad", _("While abroad")
        HOME = "home", _("Coming home")

    key = models.CharField(_("stage"), max_length=10, choices=Key.choices, primary_key=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=100)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences under the title."))

    class Meta:
        ordering = ["order"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.title or self.get_key_display()

    def get_absolute_url(self):
        return reverse("guidance:stage", args=[self.key])


class TopicQuerySet(models.QuerySet):
    def public(self):
        """What the public may read: published, and no fact still to check. An
        editor clears a topic by emptying `needs_checking`."""
        return self.filter(published=True, needs_checking="")


class Topic(models.Model):
    """A page of practical advice, stated only as its sources state it; where
    they are silent it says where to ask."""

    class Group(models.TextChoices):
        GENERAL = "", _("General")
        WOMEN = "women", _("Women and families")
        BENEFITS = "benefits", _("Benefits and rights")

    class HomeCountry(models.TextChoices):
        BOTH = "", _("Uzbekistan and Kyrgyzstan")
        UZ = "UZ", _("Uzbekistan")
        KG = "KG", _("Kyrgyzstan")

    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="topics", verbose_name=_("stage")
    )
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    group = models.CharField(
        _("group"), max_length=10, choices=Group.choices, blank=True, default=""
    )
    home_country = models.CharField(
        _("for citizens of"),
        max_length=2,
        choices=HomeCountry.choices,
        blank=True,
        default="",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(
        _("text"),
        help_text=_("Paragraphs separated by a blank line; lines starting with '- ' are a list."),
    )
    help_need = models.CharField(
        _("need in the directory of help"),
        max_length=30,
        blank=True,
        help_text=_(
            "The need (e.g. unpaid_wages) whose help organisations the page lists, "
            "when the directory of help is installed."
        ),
    )
    countries = models.ManyToManyField(
        "vacancies.Country",
        blank=True,
        related_name="topics",
        verbose_name=_("country guides to link"),
        help_text=_("Where this topic differs by country, the guides the page links to."),
    )
    sources = models.TextField(
        _("sources"),
        help_text=_(
            "One per line: the file in the sources folder and its heading, "
            "e.g. 003_3369b27ccaf5120a.txt, 3.2 State services."
        ),
    )
    reviewed_on = models.DateField(_("last reviewed"))
    needs_checking = models.TextField(
        _("facts to check"),
        blank=True,
        help_text=_(
            "While this is not empty the topic is hidden from the public. "
            "Empty it once the facts are checked."
        ),
    )
    published = models.BooleanField(_("published"), default=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["stage__order", "group", "order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.CheckConstraint(
                condition=Q(group__in=["", "women", "benefits"]), name="topic_group_known"
            ),
            models.CheckConstraint(
                condition=Q(home_country__in=["", "UZ", "KG"]), name="topic_home_country_known"
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("guidance:topic", args=[self.slug])

    def source_list(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]
