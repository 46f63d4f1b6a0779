"""Applications in the admin: administrators tie staff users to an agency or an
authority (`Recruiter`) and may read applications, read-only, each opening and
list written to the access log. Recruiters work in their cabinet, not here;
everything that changes an application goes through `applications.services`."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from applications import selectors, services
from applications.models import AccessLog, Application, Recruiter, StatusChange


class SuperuserOnly(admin.ModelAdmin):
    """Personal data: administrators only, whatever permissions a group holds."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Recruiter)
class RecruiterAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "authority", "created_at"]
    list_select_related = ["user", "agency", "authority"]
    autocomplete_fields = ["user", "agency"]
    search_fields = ["user__username", "agency__legal_name"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    has_view_permission = has_change_permission = has_add_permission = has_delete_permission = (
        lambda self, request, obj=None: self.has_module_permission(request)
    )

    def save_model(self, request, obj, form, change):
        """Through the service, which also puts the user in the Recruiter group."""
        services.appoint_recruiter(obj.user, agency=obj.agency, authority=obj.authority)


class HistoryInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["at", "from_status", "to_status", "actor_kind", "actor", "partner", "reject_reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(SuperuserOnly):
    list_display = ["pk", "vacancy", "status", "submitted_at", "anonymised_at"]
    list_filter = ["status"]
    list_select_related = ["vacancy"]
    readonly_fields = [
        "vacancy",
        "status",
        "reject_reason",
        "submitted_at",
        "anonymised_at",
        "profile_as_sent",
    ]
    fields = readonly_fields
    inlines = [HistoryInline]
    show_full_result_count = False

    @admin.display(description=_("profile as sent"))
    def profile_as_sent(self, obj):
        return "; ".join(
            f"{label}: {value}" for label, value in selectors.snapshot_lines(obj.snapshot)
        )

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None and response.status_code == 200:
            services.log_access(
                AccessLog.Action.LIST,
                "admin",
                [a.pk for a in changelist.result_list],
                user=request.user,
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        original = getattr(response, "context_data", {}).get("original")
        if original is not None and response.status_code == 200:
            services.log_access(AccessLog.Action.VIEW, "admin", [original.pk], user=request.user)
        return response


@admin.register(AccessLog)
class AccessLogAdmin(SuperuserOnly):
    list_display = ["at", "user", "partner", "action", "where", "application_ids"]
    list_filter = ["action", "where"]
    list_select_related = ["user", "partner"]
    date_hierarchy = "at"
