"""Public pages: search and browse vacancies, a vacancy before signing, the
destination guides, and the Atom feed of any search. Every page shows only what
`Vacancy.objects.public` allows."""

from django.contrib.auth.decorators import permission_required
from django.core.cache import cache
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from vacancies.filters import VacancyFilter
from vacancies.models import Country, ExchangeRate, Vacancy
from vacancies.money import home_currencies, monthly_conversions
from vacancies.pagination import CappedPaginator

PAGE_SIZE = 20
SIMILAR_COUNT = 5
COUNTS_CACHE_SECONDS = 60
PROVISIONS = ["housing", "meals", "transport", "insurance", "flight"]


def public_vacancies(on=None):
    """Public vacancies with what a list or a feed shows of each.

    Countries and agencies come in one query each for the page's rows, not joined:
    a join would be made for every match before the database sorts and cuts the
    page, and would carry each country's whole guide along."""
    return Vacancy.objects.public(on).prefetch_related(
        Prefetch("country", queryset=Country.objects.names()), "agency"
    )


def filtered(request):
    """The public vacancies matching the request's filters, and the filter form."""
    return VacancyFilter(request.GET, queryset=public_vacancies())


@require_safe
def vacancy_list(request):
    filterset = filtered(request)
    page = CappedPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
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
    vacancy = get_object_or_404(
        Vacancy.objects.select_related("country", "occupation", "agency", "authority", "partner"),
        pk=pk,
    )
    return render_detail(request, vacancy, preview=True)


@require_safe
def vacancy_detail(request, pk):
    vacancy = get_object_or_404(
        Vacancy.objects.select_related("country", "occupation", "agency", "authority", "partner")
        .prefetch_related("costs")
        .exclude(status=Vacancy.Status.DRAFT),
        pk=pk,
    )
    is_public = Vacancy.objects.public().filter(pk=vacancy.pk).exists()
    if not is_public:
        return render(
            request,
            "vacancies/vacancy_gone.html",
            {"vacancy": vacancy, "similar": similar_vacancies(vacancy)},
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


def similar_vacancies(vacancy):
    """Open vacancies in the same country, of the same occupation group first."""
    similar = public_vacancies().filter(country_id=vacancy.country_id).exclude(pk=vacancy.pk)
    if vacancy.occupation_id:
        same_group = similar.filter(occupation__code__startswith=vacancy.occupation_id[0])
        found = list(same_group[:SIMILAR_COUNT])
        if found:
            return found
    return list(similar[:SIMILAR_COUNT])


def open_vacancy_counts():
    """{country code: open vacancies}, for the destination pages.

    Counting every public vacancy by country takes a scan of all of them (half a
    second at 200,000), so the figures are kept for `COUNTS_CACHE_SECONDS`: a
    count a minute old is fine on a page that links to the always-current list.
    """
    key = f"vacancies:open-counts:{timezone.localdate()}"
    counts = cache.get(key)
    if counts is None:
        counts = dict(
            Vacancy.objects.public()
            .order_by()
            .values("country_id")
            .annotate(open=Count("pk"))
            .values_list("country_id", "open")
        )
        cache.set(key, counts, COUNTS_CACHE_SECONDS)
    return counts


@require_safe
def country_list(request):
    counts = open_vacancy_counts()
    countries = list(Country.objects.names())
    for country in countries:
        country.open_vacancies = counts.get(country.code, 0)
    countries.sort(key=lambda country: (-country.open_vacancies, str(country)))
    return render(request, "vacancies/country_list.html", {"countries": countries})


@require_safe
def country_detail(request, code):
    if not code.isalpha():
        raise Http404
    country = get_object_or_404(Country, code=code.upper())
    vacancies = public_vacancies().filter(country=country).order_by("-published_at", "-pk")
    return render(
        request,
        "vacancies/country_detail.html",
        {
            "country": country,
            "vacancies": list(vacancies[:PAGE_SIZE]),
            "open_vacancies": open_vacancy_counts().get(country.code, 0),
        },
    )
