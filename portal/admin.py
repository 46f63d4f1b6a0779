"""The admin's name, hotlines in the admin with a tab per language, and the sign-in
records of django-axes for superusers only."""

from axes.admin import AccessAttemptAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessLog
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from portal.models import Hotline

# Officers work in the portal's admin, not in "Django administration".
admin.site.site_header = _("Safe work abroad: administration")
admin.site.site_title = _("Safe work abroad")
admin.site.index_title = _("Work of the licensing officers and editors")


@admin.register(Hotline)
class HotlineAdmin(TabbedTranslationAdmin):
    list_display = ["name", "phone", "country", "hours", "order", "is_active"]
    list_filter = ["country"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "phone"]


class SuperusersOnly:
    """Sign-in records name staff accounts and the addresses they used: only
    superusers see them, whatever permissions a group is given by hand. They read
    them and may delete a counter to lift a lockout early; nobody edits them."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class SigninAttemptAdmin(SuperusersOnly, AccessAttemptAdmin):
    # axes' "clean up expired attempts" action needs a sign-in request's attributes
    # and fails on an admin request; portal.tasks.clear_signin_records does it daily.
    actions = []


@admin.register(AccessLog)
class SigninLogAdmin(SuperusersOnly, AccessLogAdmin):
    pass
