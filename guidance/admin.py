"""Content editors write the stage pages here, a tab per language. A topic with
facts still to check stays hidden from the public until they empty that field."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from guidance.models import Stage, Topic


def missing_languages(obj, fields):
    """The languages any of `fields` is still empty in, e.g. "kaa, ky"."""
    return ", ".join(
        lang
        for lang in settings.MODELTRANSLATION_LANGUAGES
        if any(not getattr(obj, f"{field}_{lang}") for field in fields)
    )


@admin.register(Stage)
class StageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "key", "order"]
    readonly_fields = ["key"]

    def has_add_permission(self, request):
        return False  # the three stages are fixed; their words are edited

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = [
        "title",
        "stage",
        "group",
        "home_country",
        "reviewed_on",
        "published",
        "is_public",
        "missing_translations",
    ]
    list_filter = ["stage", "group", "home_country", "published"]
    search_fields = ["slug", "title"]
    filter_horizontal = ["countries"]
    prepopulated_fields = {"slug": ["title_en"]}

    def get_queryset(self, request):
        public = Topic.objects.public().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(shown=Exists(public))

    @admin.display(description=_("shown to the public"), boolean=True, ordering="shown")
    def is_public(self, obj):
        return obj.shown

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        return missing_languages(obj, ("title", "summary", "body")) or "—"
