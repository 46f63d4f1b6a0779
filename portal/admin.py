"""Hotlines in the admin, with a tab per language."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from portal.models import Hotline


@admin.register(Hotline)
class HotlineAdmin(TabbedTranslationAdmin):
    list_display = ["name", "phone", "hours", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "phone"]
