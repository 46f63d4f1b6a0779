"""The directory in the admin, with a tab per language, for the *Directory editor*
group."""

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from directory.models import Organisation, Service


class ServiceInline(admin.TabularInline):
    model = Service
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(TabbedTranslationAdmin):
    list_display = [
        "name",
        "kind",
        "country",
        "city",
        "contacts_status",
        "verified_on",
        "is_active",
    ]
    list_filter = ["kind", "contacts_status", "country", "is_active"]
    search_fields = ["name", "city", "phone"]
    inlines = [ServiceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
