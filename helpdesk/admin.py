"""The routing table, responders and the case access log in the admin, for the
*Help desk* group only. Cases themselves are not in the admin: they are opened on
the help desk's pages, which write every opening to the access log."""

from django.contrib import admin

from helpdesk.models import CaseAccessLog, Responder, Route
from helpdesk.staff import is_helpdesk_staff


class HelpdeskOnly:
    """Members of the *Help desk* group only, whatever a superuser may elsewhere."""

    def has_module_permission(self, request):
        return is_helpdesk_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return is_helpdesk_staff(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return is_helpdesk_staff(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_helpdesk_staff(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_helpdesk_staff(request.user) and super().has_delete_permission(request, obj)


class RouteInline(admin.TabularInline):
    model = Route
    extra = 1


@admin.register(Responder)
class ResponderAdmin(HelpdeskOnly, admin.ModelAdmin):
    list_display = ["name", "organisation", "partner", "is_active"]
    inlines = [RouteInline]


@admin.register(Route)
class RouteAdmin(HelpdeskOnly, admin.ModelAdmin):
    list_display = ["country", "category", "responder"]
    list_filter = ["category", "responder"]
    list_editable = ["responder"]


@admin.register(CaseAccessLog)
class CaseAccessLogAdmin(HelpdeskOnly, admin.ModelAdmin):
    list_display = ["at", "case", "user", "responder"]
    list_select_related = ["case", "user", "responder"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
