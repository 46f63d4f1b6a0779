"""Public pages: search and browse vacancies, a vacancy before signing, the
destination guides, and the Atom feed of any search. Every page shows only what
`Vacancy.objects.public` allows."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from vacancies import selectors
from vacancies.models import Country, ExchangeRate, Vacancy
from vacancies.money import home_currencies, monthly_conversions
from vacancies.pagination import CappedPaginator

PAGE_SIZE = 20
PROVISIONS = ["housing", "meals", "transport", "insurance", "flight"]


@require_safe
def vacancy_list(request):
    filterset = selectors.search(request.GET)
    page = CappedPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.cards(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "vacancies/vacancy_list.html",
        {
            "filter": filterset,
            "page": page,
            "query": query.urlencode(),
            "home_currencies": home_currencies(),
        },
    )


@require_safe
@permission_required("vacancies.view_vacancy")
def vacancy_preview(request, pk):
    """The vacancy page as it will look, for editors, whatever its status."""
    vacancy = get_object_or_404(selectors.vacancy_previews(), pk=pk)
    return render_detail(request, vacancy, preview=True)


@require_safe
def vacancy_detail(request, pk):
    vacancy = get_object_or_404(selectors.vacancy_pages(), pk=pk)
    if not selectors.is_public(vacancy):
        return render(
            request,
            "vacancies/vacancy_gone.html",
            {"vacancy": vacancy, "similar": selectors.similar_vacancies(vacancy)},
            status=410,
        )
    return render_detail(request, vacancy)


def render_detail(request, vacancy, preview=False):
    rates = ExchangeRate.objects.latest_rates()
    return render(
        request,
        "vacancies/vacancy_detail.html",
        {
            "preview": preview,
            "vacancy": vacancy,
            "conversions": monthly_conversions(vacancy, rates),
            "costs": list(vacancy.costs.all()),
            "provisions": [
                (getattr(vacancy, name), Vacancy._meta.get_field(name).verbose_name)
                for name in PROVISIONS
            ],
            "share_url": request.build_absolute_uri(vacancy.get_absolute_url()),
        },
    )


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
            "vacancies": selectors.newest_in_country(country, PAGE_SIZE),
            "open_vacancies": selectors.open_vacancy_counts().get(country.code, 0),
        },
    )
