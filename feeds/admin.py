"""Feed operators' admin: feeds and their schedules, "Sync now", run history
with the rejected records, and approving or discarding held-back withdrawals."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from feeds import sync
from feeds.models import Feed, FeedRun, RejectedRecord
from feeds.tasks import sync_feed


class FeedForm(forms.ModelForm):
    """Secrets are written, never shown back: empty keeps the stored one."""

    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Leave empty for a partner that pushes its documents to the API."),
    )
    token = forms.CharField(
        label=_("token"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("Sent in the token header. Leave empty to keep the stored one."),
    )
    signing_secret = forms.CharField(
        label=_("signing secret"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("HMAC-SHA256 secret; leave empty to keep the stored one."),
    )
    clear_secrets = forms.BooleanField(
        label=_("remove the stored token and signing secret"), required=False
    )

    class Meta:
        model = Feed
        fields = [
            "partner",
            "name",
            "kind",
            "format",
            "mode",
            "url",
            "token_header",
            "ban_source",
            "authority",
            "interval_minutes",
            "is_active",
        ]

    def save(self, commit=True):
        feed = super().save(commit=False)
        if self.cleaned_data.get("clear_secrets"):
            feed.token = feed.signing_secret = ""
        if self.cleaned_data.get("token"):
            feed.token = self.cleaned_data["token"]
        if self.cleaned_data.get("signing_secret"):
            feed.signing_secret = self.cleaned_data["signing_secret"]
        if commit:
            feed.save()
        return feed


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    form = FeedForm
    list_display = [
        "name",
        "partner",
        "kind",
        "format",
        "mode",
        "interval_minutes",
        "last_success_at",
        "stale",
        "is_active",
        "runs_link",
    ]
    list_filter = ["kind", "is_active", "partner"]
    list_select_related = ["partner"]
    search_fields = ["name", "partner__name", "url"]
    readonly_fields = ["last_success_at", "last_checksum", "has_token", "has_signing_secret"]
    actions = ["sync_now"]

    @admin.display(description=_("stale"), boolean=True)
    def stale(self, feed):
        return feed.is_stale

    @admin.display(description=_("token stored"), boolean=True)
    def has_token(self, feed):
        return bool(feed.token_encrypted)

    @admin.display(description=_("signing secret stored"), boolean=True)
    def has_signing_secret(self, feed):
        return bool(feed.signing_secret_encrypted)

    @admin.display(description=_("runs"))
    def runs_link(self, feed):
        url = reverse("admin:feeds_feedrun_changelist") + f"?feed__id__exact={feed.pk}"
        return format_html('<a href="{}">{}</a>', url, _("run history"))

    @admin.action(description=_("Sync now"), permissions=["change"])
    def sync_now(self, request, queryset):
        feeds = list(queryset.filter(is_active=True).exclude(url=""))
        for feed in feeds:
            sync_feed.delay(feed.pk)
        self.message_user(
            request,
            ngettext("%(count)d feed queued.", "%(count)d feeds queued.", len(feeds))
            % {"count": len(feeds)},
            messages.SUCCESS,
        )


class RejectedRecordInline(admin.TabularInline):
    model = RejectedRecord
    fields = ["line", "field", "message_text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0

    @admin.display(description=_("message"))
    def message_text(self, record):
        return record.message_text()


@admin.register(FeedRun)
class FeedRunAdmin(admin.ModelAdmin):
    list_display = [
        "started_at",
        "feed",
        "trigger",
        "outcome",
        "received",
        "created",
        "updated",
        "unchanged",
        "withdrawn",
        "rejected",
    ]
    list_filter = ["outcome", "trigger", "feed"]
    list_select_related = ["feed__partner"]
    date_hierarchy = "started_at"
    inlines = [RejectedRecordInline]
    actions = ["approve", "discard"]
    readonly_fields = [
        "feed",
        "trigger",
        "started_at",
        "finished_at",
        "outcome",
        "checksum",
        "received",
        "created",
        "updated",
        "unchanged",
        "withdrawn",
        "rejected",
        "error_text",
        "pending_count",
    ]
    exclude = ["pending_withdrawal", "error"]

    @admin.display(description=_("error"))
    def error_text(self, run):
        return run.error_text()

    @admin.display(description=_("records awaiting withdrawal"))
    def pending_count(self, run):
        return len(run.pending_withdrawal)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Approve the withheld withdrawal"), permissions=["change"])
    def approve(self, request, queryset):
        withdrawn = sum(
            sync.approve_withdrawal(run)
            for run in queryset.filter(outcome=FeedRun.Outcome.AWAITING_APPROVAL)
        )
        self.message_user(
            request,
            ngettext("%(count)d record withdrawn.", "%(count)d records withdrawn.", withdrawn)
            % {"count": withdrawn},
            messages.SUCCESS,
        )

    @admin.action(description=_("Discard the withheld withdrawal"), permissions=["change"])
    def discard(self, request, queryset):
        discarded = sum(
            sync.discard_withdrawal(run)
            for run in queryset.filter(outcome=FeedRun.Outcome.AWAITING_APPROVAL)
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d withdrawal discarded.", "%(count)d withdrawals discarded.", discarded
            )
            % {"count": discarded},
            messages.SUCCESS,
        )
