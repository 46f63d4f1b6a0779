"""``/api/v1/vacancies/`` and ``/api/v1/countries/``.

Anyone may read what the public pages show (`Vacancy.objects.public`, the same
filters as the list page, cursor pagination), read as rows (`vacancies.api.rows`).
Partners with ``vacancies:write`` create and update their own vacancies through
`services.save_partner_vacancy`.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from partners.models import PartnerAPIKey
from partners.pagination import CheckedCursorPagination
from vacancies import selectors, services
from vacancies.api.pages import SearchPages, api_search
from vacancies.api.serializers import CountryGuideSerializer, CountrySerializer, VacancySerializer
from vacancies.filters import SORTS, VacancyFilter
from vacancies.models import Country


class NewestFirst(CheckedCursorPagination):
    """Stable pages however many vacancies are published meanwhile; the `sort`
    filter of the pages does not apply here: a cursor needs one fixed order."""

    ordering = ("-published_at", "-id")
    page_size = 50


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "sort",
                str,
                enum=list(SORTS),
                default="newest",
                description="Accepted as on the list page; the API's cursor pages are "
                "always newest first.",
            )
        ]
    ),
    create=extend_schema(
        responses={
            201: OpenApiResponse(VacancySerializer, description="Created."),
            200: OpenApiResponse(
                VacancySerializer,
                description="Updated: the partner had already sent this `external_id`.",
            ),
        }
    ),
)
class VacancyViewSet(
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = VacancySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = VacancyFilter
    pagination_class = NewestFirst
    anonymous_read = True
    required_scopes = {
        "POST": "vacancies:write",
        "PUT": "vacancies:write",
        "PATCH": "vacancies:write",
    }

    def get_queryset(self):
        if self.request.method in ("PUT", "PATCH"):
            return selectors.partner_vacancies(self.request.user)
        return selectors.vacancies_for_api()

    def filter_queryset(self, queryset):
        """The list's filters (`VacancyFilter`, answering invalid ones as
        `DjangoFilterBackend` does), kept per query string (`api_search`); a search
        with words and another filter is paged by `SearchPages`. `queryset` is the
        public vacancies' (`selectors.vacancies_for_api`), as the kept search's is."""
        if self.action != "list":
            return queryset
        search = api_search(self.request.query_params)
        filterset = search.filterset
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        if selectors.walks(filterset):
            return SearchPages(filterset, compiled=search.compiled)
        return filterset.qs

    def list(self, request, *args, **kwargs):
        matches = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(_rows(matches))
        return self.get_paginated_response(self._shown(page))

    def retrieve(self, request, *args, **kwargs):
        row = get_object_or_404(_rows(self.get_queryset()), pk=kwargs["pk"])
        return Response(self._shown([row])[0])

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        vacancy, created = self._save(serializer.validated_data)
        return Response(
            self._shown_vacancy(vacancy),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        vacancy, _created = self._save(serializer.validated_data, instance)
        return Response(self._shown_vacancy(vacancy))

    def _shown(self, rows):
        """Vacancies read as rows (`vacancies.api.rows`), with their costs, as shown."""
        rows = selectors.with_costs(rows, VacancySerializer.nested_values()["costs"])
        return self.get_serializer(rows, many=True).data

    def _shown_vacancy(self, vacancy):
        """A vacancy just written, read again as a row: it shows what was stored."""
        return self._shown(_rows(selectors.written_vacancy(vacancy.pk)))[0]

    def _save(self, data, instance=None):
        if not isinstance(self.request.auth, PartnerAPIKey):
            raise exceptions.NotAuthenticated(_("An API key is required for this request."))
        try:
            vacancy, created = services.save_partner_vacancy(self.request.user, data, instance)
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict) from None
        return vacancy, created


def _rows(vacancies):
    """`vacancies` (a queryset, or a search's `SearchPages`) read as the rows the API
    shows (`vacancies.api.rows`)."""
    return vacancies.values(*VacancySerializer.row_values())


@extend_schema(responses=CountryGuideSerializer)
class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Country.objects.all()
    anonymous_read = True
    pagination_class = None
    filterset_class = None
    lookup_value_regex = "[A-Za-z]{2}"

    def get_serializer_class(self):
        return CountryGuideSerializer if self.action == "retrieve" else CountrySerializer

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()
