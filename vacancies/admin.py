"""Admin for content editors: vacancies, country guides, occupations and rates,
with a tab per language."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from vacancies import services
from vacancies.models import (
    GUIDE_SECTIONS,
    Country,
    ExchangeRate,
    Occupation,
    Publisher,
    Vacancy,
    VacancyCost,
)


def missing_languages(obj, field):
    """The languages a translated field is still empty in, e.g. "kaa, ky"."""
    return ", ".join(
        lang for lang in settings.MODELTRANSLATION_LANGUAGES if not getattr(obj, f"{field}_{lang}")
    )


class CountryForm(forms.ModelForm):
    sections_to_check = forms.TypedMultipleChoiceField(
        label=_("sections to check"),
        choices=GUIDE_SECTIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Ticked sections are hidden from the public until an editor has checked "
            "their facts and unticks them."
        ),
    )


@admin.register(Country)
class CountryAdmin(TabbedTranslationAdmin):
    form = CountryForm
    list_display = ["code", "name", "reviewed_on", "sections_hidden", "missing_translations"]

    @admin.display(description=_("sections hidden until checked"))
    def sections_hidden(self, obj):
        return len(obj.sections_to_check or [])

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        return missing_languages(obj, "entry_and_permits") or "—"

    search_fields = ["code", "name"]


@admin.register(Occupation)
class OccupationAdmin(TabbedTranslationAdmin):
    list_display = ["code", "title", "level"]
    list_filter = ["level"]
    search_fields = ["code", "title"]
    raw_id_fields = ["parent"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    """Rates are saved and deleted through `services` (one rate, or the bulk delete
    action), which recompute the vacancies' USD wages."""

    list_display = ["currency", "per_usd", "date"]
    list_filter = ["currency"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        services.save_exchange_rates([obj])

    def delete_model(self, request, obj):
        services.delete_exchange_rates([obj])

    def delete_queryset(self, request, queryset):
        services.delete_exchange_rates(queryset)


class VacancyCostForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        if not self.errors and self.instance.vacancy_id:
            services.check_cost(
                self.instance.vacancy, cleaned["kind"], cleaned["amount"], cleaned["currency"]
            )
        return cleaned


class VacancyForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        stored = self.instance.wage_currency if self.instance.pk else None
        services.check_wage_currency(cleaned.get("wage_currency"), stored=stored)
        return cleaned


class VacancyCostInline(admin.TabularInline):
    model = VacancyCost
    form = VacancyCostForm
    extra = 1


@admin.register(Vacancy)
class VacancyAdmin(TabbedTranslationAdmin):
    form = VacancyForm
    list_display = [
        "title",
        "country",
        "employer_name",
        "channel",
        "status",
        "published_at",
        "missing_translations",
        "preview",
    ]
    list_filter = ["status", "channel", "source", "country"]
    list_select_related = ["country"]
    search_fields = ["title", "employer_name", "external_id"]
    raw_id_fields = ["occupation", "partner"]
    inlines = [VacancyCostInline]
    actions = ["close_selected"]
    readonly_fields = ["monthly_wage_usd", "preview"]

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        return missing_languages(obj, "title") or "—"

    def save_model(self, request, obj, form, change):
        """An editor's change (costs included) makes a partner feed compare its
        next record for the vacancy in full rather than skip it as identical to
        the record last applied."""
        obj.feed_record_checksum = ""
        super().save_model(request, obj, form, change)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj.pk is None:
            return "—"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("vacancies:preview", args=[obj.pk]),
            _("preview"),
        )

    @admin.action(description=_("Close the selected vacancies"), permissions=["change"])
    def close_selected(self, request, queryset):
        closed = services.close_vacancies(queryset)
        self.message_user(
            request,
            ngettext("%(count)d vacancy closed.", "%(count)d vacancies closed.", closed)
            % {"count": closed},
            messages.SUCCESS,
        )


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["partner", "channel", "agency", "authority"]
    list_filter = ["channel"]
    list_select_related = ["partner", "agency", "authority"]
    raw_id_fields = ["agency"]
