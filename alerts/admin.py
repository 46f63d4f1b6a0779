"""Announcements for content editors (a tab per language) and a read-only view
of the outbox that shows what was sent and why not, never to whom."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from alerts import services
from alerts.models import Announcement, Message


@admin.register(Announcement)
class AnnouncementAdmin(TabbedTranslationAdmin):
    list_display = ["title", "country", "published_at", "show_until"]
    list_filter = ["country"]
    search_fields = ["title"]
    actions = ["publish"]

    @admin.action(
        description=_("Publish the selected announcements and send them to subscribers"),
        permissions=["change"],
    )
    def publish(self, request, queryset):
        sent = sum(services.publish_announcement(announcement) for announcement in queryset)
        self.message_user(
            request,
            ngettext(
                "Published; %(count)d message queued.",
                "Published; %(count)d messages queued.",
                sent,
            )
            % {"count": sent},
            messages.SUCCESS,
        )


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "channel", "language", "status", "attempts", "created_at"]
    list_filter = ["status", "kind", "channel"]
    fields = [
        "key",
        "kind",
        "channel",
        "language",
        "status",
        "attempts",
        "due_at",
        "sent_at",
        "error",
        "created_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
