"""The vacancy filters, shared by the list page, the Atom feed and the API, so one
URL query (``?country=KR&min_wage=1000``) means the same everywhere."""

import django_filters
from django import forms
from django.db.models import F
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pagecache.kept import Kept
from ui.filtersets import FormClassBuiltOnce
from ui.widgets import Select
from vacancies.models import Country, Occupation, Vacancy, wage_order
from vacancies.search import search_filter

CONTRACT_LENGTHS = {
    "short": (1, 6),
    "year": (7, 12),
    "long": (13, 120),
}


# Each order ends with the primary key so that pages never repeat or skip a row,
# and each has its index (`Vacancy.Meta.indexes`). A published vacancy always has
# its publication date, so the newest order needs no rule for empty dates.
SORTS = {
    "newest": ("-published_at", "-pk"),
    "wage": (wage_order(), "-pk"),
    "deadline": (F("deadline").asc(nulls_last=True), "-pk"),
}


# The destination and occupation menus, per language, are kept in the cache: they
# change when staff edit a country or an occupation, not between two of the
# thousands of searches that show and check them (`pagecache.kept`). Without the
# cache each search made two queries for them.
def _in_language(read):
    def in_language(language):
        with translation.override(language):
            return read()

    return in_language


MENUS = {
    "country": lambda: [(country.code, str(country)) for country in Country.objects.names()],
    "occupation": lambda: [
        (occupation.code, str(occupation))
        for occupation in Occupation.objects.filter(level=Occupation.Level.MAJOR)
    ],
}
_KEPT_MENUS = {
    name: Kept(f"menu-{name}", _in_language(read), models=[Country, Occupation])
    for name, read in MENUS.items()
}


def menu_choices(name):
    """The choices of a filter menu in the current language: [(code, label), ...]."""
    return _KEPT_MENUS[name].get(get_language())


def watch_menus():
    for kept in _KEPT_MENUS.values():
        kept.watch()


class VacancyFilter(FormClassBuiltOnce, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words to search"), method="filter_text", max_length=200)
    country = django_filters.ChoiceFilter(
        label=_("Destination country"),
        choices=lambda: menu_choices("country"),
        empty_label=_("All countries"),
        widget=Select,
    )
    occupation = django_filters.ChoiceFilter(
        label=_("Occupation group"),
        choices=lambda: menu_choices("occupation"),
        method="filter_occupation",
        empty_label=_("All occupations"),
        widget=Select,
    )
    min_wage = django_filters.NumberFilter(
        label=_("Minimum monthly wage, USD"),
        field_name="monthly_wage_usd",
        lookup_expr="gte",
        min_value=0,
        max_value=1_000_000,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language required"),
        choices=Vacancy.Language.choices,
        empty_label=_("Any"),
        widget=Select,
    )
    housing = django_filters.BooleanFilter(
        label=_("Housing provided"),
        widget=forms.CheckboxInput,
        method="filter_housing",
    )
    contract = django_filters.ChoiceFilter(
        label=_("Contract length"),
        choices=[
            ("short", _("up to 6 months")),
            ("year", _("7 to 12 months")),
            ("long", _("more than a year")),
        ],
        method="filter_contract",
        empty_label=_("Any"),
        widget=Select,
    )
    channel = django_filters.ChoiceFilter(
        label=_("Recruited by"),
        choices=Vacancy.Channel.choices,
        empty_label=_("Any"),
        widget=Select,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            ("newest", _("newest first")),
            ("wage", _("highest wage first")),
            ("deadline", _("closest deadline first")),
        ],
        method="sort_by",
        empty_label=None,
        widget=Select,
    )

    # Set by `filter_queryset`; an unbound filter set filters nothing.
    text = None  # the query's words as typed
    text_condition = None
    without_text = None

    class Meta:
        model = Vacancy
        fields = []

    def filter_text(self, queryset, name, value):
        self.text, self.text_condition = value, search_filter(value)
        return queryset  # applied last, by `filter_queryset`

    def filter_occupation(self, queryset, name, value):
        return queryset.filter(occupation__code__startswith=value)

    def filter_housing(self, queryset, name, value):
        return queryset.filter(housing=True) if value else queryset

    def filter_contract(self, queryset, name, value):
        low, high = CONTRACT_LENGTHS[value]
        return queryset.filter(contract_months__range=(low, high))

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["newest"]))

    def filter_queryset(self, queryset):
        """Newest first unless another order was asked for. The words' condition
        (`vacancies.search.search_filter`) comes last, and the queryset without it
        stays as ``without_text``: `vacancies.selectors.first_ids` may walk that one in
        its order and test the words row by row."""
        self.text = self.text_condition = None
        queryset = super().filter_queryset(queryset.order_by(*SORTS["newest"]))
        self.without_text = queryset
        if self.text_condition is not None:
            queryset = queryset.filter(self.text_condition)
        return queryset

    def narrowed(self):
        """Does a filter other than the words narrow the search (a country, a wage)?"""
        return any(
            value not in (None, "", False)
            for name, value in self.form.cleaned_data.items()
            if name not in ("q", "sort")
        )
