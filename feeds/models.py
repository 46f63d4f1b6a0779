"""Feeds, their runs and the records a run rejected."""

import json
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from feeds import addresses, crypto

SYNC_TASK = "feeds.tasks.sync_feed"

# The language runs record their messages in, whatever the worker's or the
# pushing request's: English is the source language of every catalog (the
# portal's, Django's, DRF's), so a recorded message that is a message of its own
# is one each reader's language translates (`translated`).
RECORDED_LANGUAGE = "en"


def recording():
    """Render the messages of the block in RECORDED_LANGUAGE (only around work that
    writes no translated field: a vacancy's untranslated columns take the active
    language)."""
    return translation.override(RECORDED_LANGUAGE)


def languages():
    """The languages a message is recorded in: the recorded one and the portal's."""
    return {RECORDED_LANGUAGE, *(code for code, _name in settings.LANGUAGES)}


def recorded(message):
    """(text, {language: text}) to store for a message: a lazy message or a
    `ValidationError` (whose message and parameters are kept apart until shown)
    rendered in each of `languages`; a {language: text} of one rendered in each
    already; a message rendered once (other apps'), as it is, with no
    translations: rendered in the recorded language, it is a text `translated`
    can still look up."""
    if isinstance(message, dict):
        return message[RECORDED_LANGUAGE], message
    if not isinstance(message, (Promise, ValidationError)):
        return str(message), {}
    texts = {}
    for code in languages():
        with translation.override(code):
            texts[code] = (
                next(iter(message)) if isinstance(message, ValidationError) else str(message)
            )
    return texts[RECORDED_LANGUAGE], texts


def translated(text, translations=None):
    """A recorded message in the active language: its recorded translation, else
    the catalogs' translation of the text (a message without parameters), else
    the text as recorded (as are the messages of runs from before messages were
    recorded in English)."""
    translations = translations or {}
    return translations.get(translation.get_language()) or (gettext(text) if text else "")


class Feed(models.Model):
    """A partner's document the portal keeps in sync: fetched from ``url`` on a
    schedule, or pushed to the API by the partner."""

    class Kind(models.TextChoices):
        VACANCIES = "vacancies", _("vacancies")
        BANS = "bans", _("ban records")
        LICENCES = "licences", _("licence statuses")
        RATES = "rates", _("exchange rates")
        DIRECTORY = "directory", _("directory of help")

    class Format(models.TextChoices):
        JSON = "json", "JSON"
        CSV = "csv", "CSV"

    class Mode(models.TextChoices):
        FULL = "full", _("full snapshot")
        INCREMENTAL = "incremental", _("incremental changes")

    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="feeds",
        verbose_name=_("partner"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    mode = models.CharField(_("mode"), max_length=11, choices=Mode.choices, default=Mode.FULL)
    url = models.URLField(
        _("URL"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty for a partner that pushes its documents to the API."),
    )
    token_encrypted = models.TextField(editable=False, blank=True)
    token_header = models.CharField(
        _("token header"), max_length=100, default="Authorization", blank=True
    )
    signing_secret_encrypted = models.TextField(editable=False, blank=True)
    ban_source = models.ForeignKey(
        "blacklist.BanSource",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feeds",
        verbose_name=_("ban list"),
        help_text=_("For ban-record feeds: the list the records belong to."),
    )
    authority = models.ForeignKey(
        "agencies.LicensingAuthority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feeds",
        verbose_name=_("licensing authority"),
        help_text=_("For licence-status feeds: the authority whose licences they are."),
    )
    interval_minutes = models.PositiveIntegerField(
        _("fetch every (minutes)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to fetch only on demand or by push."),
    )
    periodic_task = models.OneToOneField(
        "django_celery_beat.PeriodicTask",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_checksum = models.CharField(_("last checksum"), max_length=64, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last successful run"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["partner__name", "name"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="bans") | Q(ban_source__isnull=False),
                name="feed_bans_name_their_list",
            ),
            models.CheckConstraint(
                condition=~Q(kind="licences") | Q(authority__isnull=False),
                name="feed_licences_name_their_authority",
            ),
            models.CheckConstraint(
                condition=Q(interval_minutes__isnull=True) | Q(interval_minutes__gte=1),
                name="feed_interval_positive",
            ),
            # A full snapshot of a ban list or of an authority's licences is the
            # whole list: a second one would withdraw what the first delivers.
            # Vacancies are per feed (a partner may have several full feeds).
            models.UniqueConstraint(
                fields=["ban_source"],
                condition=Q(kind="bans", mode="full"),
                name="feed_one_full_snapshot_per_ban_list",
                violation_error_message=_("This ban list already has a full-snapshot feed."),
            ),
            models.UniqueConstraint(
                fields=["authority"],
                condition=Q(kind="licences", mode="full"),
                name="feed_one_full_snapshot_per_authority",
                violation_error_message=_(
                    "This authority's licences already have a full-snapshot feed."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.partner}: {self.name}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._schedule()

    def _schedule(self):
        """Keep the beat entry in step with the feed: one interval task per fetched feed."""
        from django_celery_beat.models import IntervalSchedule, PeriodicTask

        task = self.periodic_task
        if not (self.url and self.interval_minutes):
            if task is not None:
                Feed.objects.filter(pk=self.pk).update(periodic_task=None)
                self.periodic_task = None
                task.delete()
            return
        interval, _created = IntervalSchedule.objects.get_or_create(
            every=self.interval_minutes, period=IntervalSchedule.MINUTES
        )
        values = {
            "name": f"feed {self.pk}: {self.name}"[:200],
            "task": SYNC_TASK,
            "interval": interval,
            "args": json.dumps([self.pk]),
            "enabled": self.is_active and self.partner.is_active,
        }
        if task is None:
            task = PeriodicTask.objects.create(**values)
            Feed.objects.filter(pk=self.pk).update(periodic_task=task)
            self.periodic_task = task
        else:
            for name, value in values.items():
                setattr(task, name, value)
            task.save()

    def delete(self, *args, **kwargs):
        task = self.periodic_task
        result = super().delete(*args, **kwargs)
        if task is not None:
            task.delete()
        return result

    @property
    def token(self):
        return crypto.decrypt(self.token_encrypted)

    @token.setter
    def token(self, value):
        self.token_encrypted = crypto.encrypt(value)

    @property
    def signing_secret(self):
        return crypto.decrypt(self.signing_secret_encrypted)

    @signing_secret.setter
    def signing_secret(self, value):
        self.signing_secret_encrypted = crypto.encrypt(value)

    def clean(self):
        if self.url:
            try:
                addresses.check_url(self.url)
            except ValidationError as error:
                raise ValidationError({"url": error.messages}) from None
        if self.kind == self.Kind.BANS and not self.ban_source_id:
            raise ValidationError({"ban_source": _("Choose the list these records belong to.")})
        if self.kind == self.Kind.LICENCES and not self.authority_id:
            raise ValidationError({"authority": _("Choose the authority these licences are from.")})

    @property
    def is_stale(self):
        """No successful run for twice the schedule's interval (never, for feeds
        without a schedule: nothing says when their partner should push)."""
        if not (self.is_active and self.interval_minutes):
            return False
        limit = timezone.now() - timedelta(minutes=2 * self.interval_minutes)
        since = self.last_success_at or self.created_at
        return since < limit


class FeedRun(models.Model):
    """One sync of a feed, with what it did."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("running")
        SUCCESS = "success", _("success")
        PARTIAL = "partial", _("partial")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped")
        AWAITING_APPROVAL = "awaiting", _("awaiting approval")

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", _("schedule or operator")
        PUSH = "push", _("push")

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="runs")
    trigger = models.CharField(
        _("trigger"), max_length=8, choices=Trigger.choices, default=Trigger.SCHEDULE
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=8, choices=Outcome.choices, default=Outcome.RUNNING
    )
    checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    received = models.PositiveIntegerField(_("received"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    error = models.TextField(_("error"), blank=True)
    pending_withdrawal = models.JSONField(
        _("withdrawal awaiting approval"),
        default=list,
        blank=True,
        help_text=_("External ids a full snapshot left out, held back until an operator decides."),
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("feed run")
        verbose_name_plural = _("feed runs")
        indexes = [models.Index(fields=["feed", "-started_at"], name="feedrun_feed_started")]

    def __str__(self):
        return f"{self.feed} {self.started_at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"

    def error_text(self):
        """The run's error in the reader's language (`translated`)."""
        return translated(self.error)


class RejectedRecord(models.Model):
    """A record of a document that its app refused, with why."""

    run = models.ForeignKey(FeedRun, on_delete=models.CASCADE, related_name="rejected_records")
    line = models.PositiveIntegerField(_("line or index"))
    field = models.CharField(_("field"), max_length=100)
    # In RECORDED_LANGUAGE, with its translations when it has parameters (`recorded`).
    message = models.TextField(_("message"))
    translations = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["line", "pk"]
        verbose_name = _("rejected record")
        verbose_name_plural = _("rejected records")

    def __str__(self):
        return f"{self.line} {self.field}: {self.message_text()}"

    def message_text(self):
        """Why the record was rejected, in the reader's language (`translated`)."""
        return translated(self.message, self.translations)
