"""Ban lists in the admin. Records are personal data: only members of the "Ban list
auditor" group see them (not even other superusers), read-only, and every list
page, record page and export is written to `RecordAccessLog`."""

import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from blacklist.importing import COLUMNS
from blacklist.models import (
    ApiCheckLog,
    BanRecord,
    BanSource,
    DailyCheckCount,
    RecordAccessLog,
)
from blacklist.staff import AUDITOR_GROUP


def is_auditor(user):
    return user.is_active and user.is_staff and user.groups.filter(name=AUDITOR_GROUP).exists()


def log_access(request, action, record_ids):
    RecordAccessLog.objects.create(
        user=request.user,
        action=action,
        record_ids=[int(pk) for pk in record_ids],
        query=request.META.get("QUERY_STRING", "")[:500],
    )


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BanSource)
class BanSourceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "country", "kind", "updated_at", "active_records"]
    list_filter = ["country", "kind"]
    search_fields = ["name", "code"]
    readonly_fields = ["updated_at", "active_records"]


@admin.register(BanRecord)
class BanRecordAdmin(ReadOnlyAdmin):
    list_display = [
        "surname",
        "given_name",
        "patronymic",
        "date_of_birth",
        "citizenship",
        "source",
        "ban_end",
        "basis",
        "is_active",
    ]
    list_filter = ["source", "basis", "is_active", "citizenship"]
    list_select_related = ["source"]
    search_fields = ["=external_id", "surname", "=document_key"]
    date_hierarchy = None
    show_full_result_count = False
    actions = ["export_csv"]
    exclude = ["name_key_1", "name_key_2", "document_key"]

    def has_view_permission(self, request, obj=None):
        return is_auditor(request.user) and super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return is_auditor(request.user)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None and response.status_code == 200:
            log_access(
                request,
                RecordAccessLog.Action.LIST,
                [record.pk for record in changelist.result_list],
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        record = getattr(response, "context_data", {}).get("original")
        if record is not None and response.status_code == 200:
            log_access(request, RecordAccessLog.Action.VIEW, [record.pk])
        return response

    @admin.action(description=_("Export selected records as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        records = list(queryset.select_related("source"))
        log_access(request, RecordAccessLog.Action.EXPORT, [record.pk for record in records])
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="ban-records-{timezone.localdate():%Y-%m-%d}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(["source", *COLUMNS])
        for record in records:
            writer.writerow(
                [record.source.code, *(getattr(record, column) or "" for column in COLUMNS)]
            )
        return response


@admin.register(RecordAccessLog)
class RecordAccessLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "action", "query"]
    list_filter = ["action", "user"]
    date_hierarchy = "at"

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or is_auditor(request.user)

    def has_module_permission(self, request):
        return self.has_view_permission(request)


@admin.register(ApiCheckLog)
class ApiCheckLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "partner", "key_prefix", "outcome"]
    list_filter = ["outcome", "partner"]
    date_hierarchy = "at"


@admin.register(DailyCheckCount)
class DailyCheckCountAdmin(ReadOnlyAdmin):
    list_display = ["date", "outcome", "count"]
    list_filter = ["outcome"]
