"""Saved searches and their subscriptions, Telegram chats, agencies followed,
announcements, and the outbox every message to a person goes through.

Exactly once is a database rule: an outbox row is unique per message key and
recipient (`Message`), so a retried task, two overlapping matching runs or two
subscriptions of one person that match the same vacancy never make a second row.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LANGUAGES = [(code, name) for code, name in settings.LANGUAGES]


class TelegramChat(models.Model):
    """A private chat with the bot: where Telegram messages go, in its language."""

    chat_id = models.BigIntegerField(_("Telegram chat"), unique=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGES, default="uz")
    language_chosen = models.BooleanField(default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="telegram_chats",
        verbose_name=_("portal account"),
    )
    # The person blocked the bot (Telegram answered 403): nothing more is sent.
    blocked_at = models.DateTimeField(_("blocked the bot"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("Telegram chat")
        verbose_name_plural = _("Telegram chats")

    def __str__(self):
        return f"Telegram {self.chat_id}"

    @property
    def recipient(self):
        return f"tg:{self.chat_id}"


class LinkCode(models.Model):
    """A one-time code a signed-in person sends to the bot to link a chat to their
    account. Only its hash is stored; it is valid for `LINK_CODE_MINUTES`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="telegram_link_codes"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"code for {self.user_id}"


class SavedSearch(models.Model):
    """A vacancy search as the list page's query string, in one canonical spelling
    (`alerts.searches.canonical_query`), shared by every subscription to it: a
    matching run evaluates each search once, however many people follow it."""

    query = models.CharField(_("search"), max_length=600, unique=True)
    country = models.ForeignKey(
        "vacancies.Country",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("destination country"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self):
        return self.query or "(all vacancies)"


class Subscription(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        TELEGRAM = "telegram", _("Telegram")

    class Frequency(models.TextChoices):
        INSTANT = "instant", _("as soon as they are published")
        DAILY = "daily", _("once a day")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("active")
        ENDED = "ended", _("ended")

    class EndReason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BLOCKED = "blocked", _("the chat blocked the bot")
        BOUNCED = "bounced", _("the e-mail address does not exist")

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="subscriptions")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    email = models.EmailField(_("e-mail address"), blank=True)
    chat = models.ForeignKey(
        TelegramChat,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alert_subscriptions",
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGES)
    frequency = models.CharField(
        _("how often"), max_length=7, choices=Frequency.choices, default=Frequency.INSTANT
    )
    status = models.CharField(_("status"), max_length=7, choices=Status.choices)
    end_reason = models.CharField(max_length=12, choices=EndReason.choices, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                name="subscription_has_its_address",
                condition=(
                    Q(channel="email", chat__isnull=True) & ~Q(email="")
                    | Q(channel="telegram", chat__isnull=False, email="")
                ),
            ),
            models.UniqueConstraint(
                fields=["search", "email"],
                condition=Q(channel="email") & ~Q(status="ended"),
                name="one_live_email_subscription_per_search",
            ),
            models.UniqueConstraint(
                fields=["search", "chat"],
                condition=Q(channel="telegram") & ~Q(status="ended"),
                name="one_live_chat_subscription_per_search",
            ),
        ]
        indexes = [models.Index(fields=["status", "search"])]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.search}"

    @property
    def recipient(self):
        if self.channel == self.Channel.TELEGRAM:
            return f"tg:{self.chat.chat_id}"
        return f"mail:{self.email.lower()}"


class AgencyFollow(models.Model):
    """A chat that wants to hear at once when an agency's licence stops covering it."""

    chat = models.ForeignKey(TelegramChat, on_delete=models.CASCADE, related_name="follows")
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["chat", "agency"], name="follow_agency_once"),
        ]

    def __str__(self):
        return f"{self.chat} → {self.agency_id}"


class AnnouncementQuerySet(models.QuerySet):
    def visible(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            Q(show_until__isnull=True) | Q(show_until__gte=on), published_at__isnull=False
        )


class Announcement(models.Model):
    """News for the people of one destination, e.g. a seasonal-work call opening:
    shown on the home page and the country page, and sent to the subscribers of
    that destination when published."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    country = models.ForeignKey(
        "vacancies.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("destination country"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    show_until = models.DateField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_("After this day the announcement leaves the pages."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self):
        return self.title


class MatchedVacancy(models.Model):
    """A vacancy the matcher has already compared with every saved search: each
    public vacancy is matched once, the first time a run sees it public."""

    vacancy = models.OneToOneField(
        "vacancies.Vacancy", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    run = models.BigIntegerField(db_index=True)

    def __str__(self):
        return str(self.vacancy_id)


class Message(models.Model):
    """One message to one recipient: the outbox.

    The text is written when it is sent, in the recipient's language, from
    ``kind`` and ``payload``; a vacancy is checked again with the visibility rule
    then, and skipped if it is no longer public."""

    class Kind(models.TextChoices):
        VACANCY = "vacancy", _("new vacancy")
        DIGEST = "digest", _("daily digest")
        ANNOUNCEMENT = "announcement", _("announcement")
        LICENCE = "licence", _("licence change")
        CONFIRM = "confirm", _("confirmation")
        DIRECT = "direct", _("direct message")

    class Status(models.TextChoices):
        HELD = "held", _("waiting for the daily digest")
        PENDING = "pending", _("to send")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        SKIPPED = "skipped", _("not sent")
        FAILED = "failed", _("failed")

    key = models.CharField(max_length=120)
    recipient = models.CharField(max_length=270)
    channel = models.CharField(max_length=8, choices=Subscription.Channel.choices)
    chat = models.ForeignKey(
        TelegramChat, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(blank=True)
    subscription = models.ForeignKey(
        Subscription, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    digest = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="items"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    language = models.CharField(max_length=5, choices=LANGUAGES)
    payload = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=7, choices=Status.choices, default=Status.PENDING)
    due_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox")
        constraints = [
            models.UniqueConstraint(fields=["key", "recipient"], name="message_once_per_recipient"),
        ]
        indexes = [
            models.Index(
                fields=["channel", "due_at"],
                condition=Q(status="pending"),
                name="message_pending_due",
            ),
            models.Index(fields=["subscription"], condition=Q(status="held"), name="message_held"),
        ]

    def __str__(self):
        return f"{self.key} → {self.recipient}"
