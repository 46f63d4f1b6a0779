"""Public pages: search and browse vacancies, a vacancy before signing, the
destination guides, and the Atom feed of any search. Every page shows only what
`Vacancy.objects.public` allows."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from ui.jinja import render_page
from vacancies import selectors
from vacancies.detail import page_parts
from vacancies.models import Country
from vacancies.money import currency_name, monthly_conversions, with_conversions
from vacancies.pagination import CappedPaginator
from vacancies.prepared import prepared_search

PAGE_SIZE = 20
# What the employer provides, said plainly either way: (field, provided, not provided).
PROVISIONS = [
    ("housing", _("Housing: provided by the employer"), _("Housing: not provided")),
    ("meals", _("Meals: provided by the employer"), _("Meals: not provided")),
    (
        "transport",
        _("Transport to work: provided by the employer"),
        _("Transport to work: not provided"),
    ),
    (
        "insurance",
        _("Health insurance: provided by the employer"),
        _("Health insurance: not provided"),
    ),
    ("flight", _("Flight: paid by the employer"), _("Flight: not paid by the employer")),
]


@require_safe
def vacancy_list(request):
    search = prepared_search(request.GET)
    paginator = CappedPaginator(search.filterset.qs, PAGE_SIZE, first_ids=search.first_ids)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = with_conversions(selectors.cards(page.object_list), selectors.rates_today())
    context = {
        "search_form": search.form,
        "page": page,
        "query": search.query,
        "chips": search.chips,
        "sorts": search.sorts,
    }
    # The content in Jinja2 (`ui.jinja`: the form and twenty cards were most of the
    # page's time), in the site's layout.
    return render_page(request, "vacancies/vacancy_list", context)


@require_safe
@permission_required("vacancies.view_vacancy")
def vacancy_preview(request, pk):
    """The vacancy page as it will look, for editors, whatever its status."""
    vacancy = get_object_or_404(selectors.vacancy_previews(), pk=pk)
    return render_detail(request, vacancy, preview=True)


@require_safe
def vacancy_detail(request, pk):
    vacancy = selectors.vacancy_page(pk)
    if vacancy is None:
        raise Http404
    if not vacancy.is_public:
        return render(
            request,
            "vacancies/vacancy_gone.html",
            {
                "vacancy": vacancy,
                "similar": with_conversions(
                    selectors.similar_vacancies(vacancy), selectors.rates_today()
                ),
            },
            status=410,
        )
    return render_detail(request, vacancy)


def render_detail(request, vacancy, preview=False):
    rates = selectors.rates_today()
    context = {
        "preview": preview,
        "vacancy": vacancy,
        "conversions": monthly_conversions(vacancy, rates),
        "costs": selectors.vacancy_costs(vacancy),
        "provisions": [
            (getattr(vacancy, name), yes if getattr(vacancy, name) else no)
            for name, yes, no in PROVISIONS
        ],
        "currency_name": currency_name(vacancy.wage_currency),
        "phones": selectors.official_phones(vacancy),
        "printable": request.GET.get("print") == "1",
        "share_url": request.build_absolute_uri(vacancy.get_absolute_url()),
    }
    context.update(page_parts(vacancy, context))
    return render_page(request, "vacancies/vacancy_detail", context)


@require_safe
def country_list(request):
    countries = selectors.countries_by_open_vacancies()
    return render(request, "vacancies/country_list.html", {"countries": countries})


@require_safe
def country_detail(request, code):
    if not code.isalpha():
        raise Http404
    country = get_object_or_404(Country, code=code.upper())
    return render(
        request,
        "vacancies/country_detail.html",
        {
            "country": country,
            "sections": selectors.guide_sections(country),
            "vacancies": with_conversions(
                selectors.newest_in_country(country, PAGE_SIZE),
                selectors.rates_today(),
            ),
            "open_vacancies": selectors.open_vacancy_counts().get(country.code, 0),
        },
    )
