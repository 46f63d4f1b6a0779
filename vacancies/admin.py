"""Admin for content editors: vacancies, country guides, occupations and rates,
with a tab per language."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from vacancies import services
from vacancies.models import Country, ExchangeRate, Occupation, Vacancy, VacancyCost


@admin.register(Country)
class CountryAdmin(TabbedTranslationAdmin):
    list_display = ["code", "name", "reviewed_on"]
    search_fields = ["code", "name"]


@admin.register(Occupation)
class OccupationAdmin(TabbedTranslationAdmin):
    list_display = ["code", "title", "level"]
    list_filter = ["level"]
    search_fields = ["code", "title"]
    raw_id_fields = ["parent"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "per_usd", "date"]
    list_filter = ["currency"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.refresh_wages_in_usd(obj.currency)


class VacancyCostInline(admin.TabularInline):
    model = VacancyCost
    extra = 1


@admin.register(Vacancy)
class VacancyAdmin(TabbedTranslationAdmin):
    list_display = ["title", "country", "employer_name", "channel", "status", "published_at"]
    list_filter = ["status", "channel", "source", "country"]
    list_select_related = ["country"]
    search_fields = ["title", "employer_name", "external_id"]
    raw_id_fields = ["occupation", "partner"]
    inlines = [VacancyCostInline]
    actions = ["close_selected"]

    @admin.action(description=_("Close the selected vacancies"), permissions=["change"])
    def close_selected(self, request, queryset):
        closed = services.close_vacancies(queryset)
        self.message_user(
            request,
            ngettext("%(count)d vacancy closed.", "%(count)d vacancies closed.", closed)
            % {"count": closed},
            messages.SUCCESS,
        )
