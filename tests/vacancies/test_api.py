"""The vacancies and countries API: public reads, partner writes."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone, translation
from rest_framework import serializers

from agencies import services as agency_services
from partners.models import Partner
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.users import OfficerFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, rates
from vacancies import selectors
from vacancies.api import serializers as vacancy_serializers
from vacancies.api.serializers import VacancySerializer
from vacancies.models import Publisher, Vacancy

pytestmark = pytest.mark.django_db


def auth(raw):
    return {"HTTP_AUTHORIZATION": f"Api-Key {raw}"}


@pytest.fixture
def licensed_agency():
    CountryFactory(code="KR", name_en="South Korea")
    rates(KRW=1400)
    agency = AgencyFactory(legal_name="Ipak Yoli Servis")
    LicenceFactory(agency=agency, destinations=["KR"])
    return agency


@pytest.fixture
def writer(make_api_key, licensed_agency):
    raw, key = make_api_key(["vacancies:write"], partner_name="Ipak Yoli system")
    Publisher.objects.create(partner=key.partner, channel="agency", agency=licensed_agency)
    return raw


def payload(recruiter, **fields):
    data = {
        "external_id": "IY-2026-001",
        "status": "published",
        "title_en": "Assembly line worker",
        "title_uz": "Yigʻuv liniyasi ishchisi",
        "country": "KR",
        "city": "Ansan",
        "employer_name": "Daehan Parts Co.",
        "wage_min": "2100000",
        "wage_currency": "KRW",
        "wage_period": "month",
        "contract_months": 24,
        "visa_type": "E-9",
        "language": "ko",
        "language_level": "EPS-TOPIK",
        "channel": "agency",
        "agency": recruiter.pk,
        "costs": [
            {"kind": "agency_fee", "amount": "250000", "currency": "UZS"},
            {"kind": "medical", "amount": "40", "currency": "USD"},
        ],
    }
    data.update(fields)
    return data


def test_list_uses_the_page_filters_and_cursor_pagination(api_client):
    korea, uk = (
        CountryFactory(code="KR", name_en="South Korea"),
        CountryFactory(code="GB", name_en="UK"),
    )
    for n in range(55):
        VacancyFactory(title_en=f"Korea {n}", country=korea)
    VacancyFactory(title_en="Kent", country=uk)
    VacancyFactory(title_en="Closed", country=uk, status="closed")
    body = api_client.get("/api/v1/vacancies/?country=GB").json()
    assert [v["title_en"] for v in body["results"]] == ["Kent"]
    first = api_client.get("/api/v1/vacancies/?country=KR").json()
    assert len(first["results"]) == 50 and first["next"]
    second = api_client.get(first["next"]).json()
    assert len(second["results"]) == 5 and second["next"] is None
    titles = {v["title_en"] for v in first["results"] + second["results"]}
    assert len(titles) == 55


def test_detail_of_public_vacancy_and_404_otherwise(api_client):
    vacancy = VacancyFactory(title_en="Welder")
    closed = VacancyFactory(status="closed")
    assert api_client.get(f"/api/v1/vacancies/{vacancy.pk}/").json()["title_en"] == "Welder"
    assert api_client.get(f"/api/v1/vacancies/{closed.pk}/").status_code == 404
    assert api_client.get("/api/v1/vacancies/999999/").status_code == 404


def test_a_vacancy_says_where_it_came_from_and_when_it_was_updated(api_client):
    partner = Partner.objects.create(name="Hanil Manpower Co.")
    fed = VacancyFactory(source="feed", partner=partner, external_id="HM-1")
    manual = VacancyFactory()
    listed = {v["id"]: v for v in api_client.get("/api/v1/vacancies/").json()["results"]}
    assert listed[fed.pk]["source"] == "feed"
    assert listed[fed.pk]["source_partner"] == "Hanil Manpower Co."
    assert listed[fed.pk]["updated_at"].startswith(timezone.localdate(fed.updated_at).isoformat())
    assert listed[manual.pk]["source"] == "manual"
    assert listed[manual.pk]["source_partner"] is None


def test_countries_list_and_guide(api_client):
    CountryFactory(code="XK", name_en="Kosovo", entry_and_permits_en="Work permit first.")
    codes = [c["code"] for c in api_client.get("/api/v1/countries/").json()]
    assert {"KR", "GB", "RU", "XK"} <= set(codes)
    guide = api_client.get("/api/v1/countries/xk/").json()
    assert guide["entry_and_permits_en"] == "Work permit first."
    assert "EPS-TOPIK" in api_client.get("/api/v1/countries/KR/").json()["entry_and_permits_en"]
    assert api_client.get("/api/v1/countries/ZZ/").status_code == 404
    assert api_client.get("/api/v1/countries/123/").status_code == 404


def test_partner_creates_then_updates_idempotently_by_external_id(
    api_client, writer, licensed_agency
):
    response = api_client.post(
        "/api/v1/vacancies/", payload(licensed_agency), format="json", **auth(writer)
    )
    assert response.status_code == 201, response.json()
    vacancy = Vacancy.objects.get()
    assert vacancy.source == "api" and vacancy.partner.name == "Ipak Yoli system"
    assert vacancy.costs.count() == 2
    assert Vacancy.objects.public().get() == vacancy

    again = api_client.post(
        "/api/v1/vacancies/",
        payload(licensed_agency, wage_min="2300000", costs=[]),
        format="json",
        **auth(writer),
    )
    assert again.status_code == 200
    vacancy.refresh_from_db()
    assert Vacancy.objects.count() == 1
    assert vacancy.wage_min == 2300000 and vacancy.costs.count() == 0

    patched = api_client.patch(
        f"/api/v1/vacancies/{vacancy.pk}/", {"status": "closed"}, format="json", **auth(writer)
    )
    assert patched.status_code == 200
    assert Vacancy.objects.public().count() == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"wage_min": "abc"}, "wage_min"),
        ({"wage_min": "500", "wage_max": "100"}, "wage_max"),
        ({"age_min": 40, "age_max": 20}, "age_max"),
        ({"age_min": 10}, "age_min"),
        ({"country": "ZZ"}, "country"),
        ({"contract_months": 0}, "contract_months"),
        ({"wage_currency": "dollars"}, "wage_currency"),
        ({"wage_currency": "ZZZ"}, "wage_currency"),
        ({"wage_currency": "PLN"}, "wage_currency"),
        ({"title_en": ""}, "title_en"),
        ({"title_en": "x" * 5000}, "title_en"),
        ({"deadline": "31.02.2026"}, "deadline"),
        ({"channel": "telegram"}, "channel"),
        ({"agency": 999999}, "agency"),
        ({"external_id": "bad\x00id"}, "external_id"),
        (
            {"costs": [{"kind": "agency_fee", "amount": "900000", "currency": "UZS"}]},
            "costs.0.amount",
        ),
        ({"costs": [{"kind": "visa", "amount": "-5", "currency": "USD"}]}, "costs"),
        ({"channel": "authority", "authority": None}, "channel"),
        ({"country": "GB"}, "country"),
    ],
)
def test_invalid_writes_name_the_field_and_change_nothing(
    api_client, writer, licensed_agency, fields, field
):
    CountryFactory(code="GB", name_en="United Kingdom")
    response = api_client.post(
        "/api/v1/vacancies/", payload(licensed_agency, **fields), format="json", **auth(writer)
    )
    assert response.status_code == 400, response.json()
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"], error
    assert Vacancy.objects.count() == 0


def test_a_wage_currency_needs_an_exchange_rate_in_force(api_client, writer, licensed_agency):
    """A made-up or rate-less currency would go public without a USD wage; USD needs no
    rate, a rate dated tomorrow is not one yet, and the refusal is in the reader's
    language. A vacancy whose currency later loses its rate can still be closed."""
    rates(on=timezone.localdate() + datetime.timedelta(days=1), PLN=4)
    refused = api_client.post(
        "/api/v1/vacancies/",
        payload(licensed_agency, wage_currency="PLN"),
        format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
        **auth(writer),
    )
    assert refused.status_code == 400
    (message,) = refused.json()["error"]["fields"]["wage_currency"]
    assert "PLN" in message and "KRW, USD" in message and "курс" in message
    created = api_client.post(
        "/api/v1/vacancies/",
        payload(licensed_agency, wage_currency="USD", wage_min="1800"),
        format="json",
        **auth(writer),
    )
    assert created.status_code == 201
    assert created.json()["monthly_wage_usd"] == "1800"
    Vacancy.objects.filter(pk=created.json()["id"]).update(wage_currency="PLN")
    closed = api_client.patch(
        f"/api/v1/vacancies/{created.json()['id']}/",
        {"status": "closed"},
        format="json",
        **auth(writer),
    )
    assert closed.status_code == 200, closed.json()
    # Sending the whole record again (as a feed does) with the currency it has.
    again = api_client.post(
        "/api/v1/vacancies/",
        payload(licensed_agency, wage_currency="PLN", wage_min="1800", status="closed"),
        format="json",
        **auth(writer),
    )
    assert again.status_code == 200, again.json()


def test_malformed_json_is_a_400(api_client, writer):
    response = api_client.post(
        "/api/v1/vacancies/", "{not json", content_type="application/json", **auth(writer)
    )
    assert response.status_code == 400


def test_partner_may_not_publish_for_an_agency_it_is_not_tied_to(
    api_client, writer, licensed_agency
):
    other = AgencyFactory(legal_name="Other Agency")
    LicenceFactory(agency=other, destinations=["KR"])
    response = api_client.post("/api/v1/vacancies/", payload(other), format="json", **auth(writer))
    assert response.status_code == 400
    assert "agency" in response.json()["error"]["fields"]


def test_partner_without_entitlement_may_not_publish(api_client, make_api_key, licensed_agency):
    raw, _key = make_api_key(["vacancies:write"], partner_name="Unknown recruiter")
    response = api_client.post(
        "/api/v1/vacancies/", payload(licensed_agency), format="json", **auth(raw)
    )
    assert response.status_code == 400
    assert "channel" in response.json()["error"]["fields"]


def test_writes_need_a_key_with_the_write_scope(api_client, make_api_key, licensed_agency):
    anonymous = api_client.post("/api/v1/vacancies/", payload(licensed_agency), format="json")
    assert anonymous.status_code == 401
    raw, _key = make_api_key(["bans:check"], partner_name="Reader")
    reader = api_client.post(
        "/api/v1/vacancies/", payload(licensed_agency), format="json", **auth(raw)
    )
    assert reader.status_code == 403
    assert reader.json()["error"]["code"] == "permission_denied"
    assert Vacancy.objects.count() == 0


def test_partner_cannot_change_another_partners_vacancy(api_client, writer, licensed_agency):
    other = Partner.objects.create(name="Someone else")
    vacancy = VacancyFactory(partner=other, source="api", external_id="X")
    response = api_client.patch(
        f"/api/v1/vacancies/{vacancy.pk}/", {"status": "closed"}, format="json", **auth(writer)
    )
    assert response.status_code == 404
    vacancy.refresh_from_db()
    assert vacancy.status == "published"


def test_published_api_vacancy_disappears_when_the_licence_is_suspended(
    api_client, writer, licensed_agency
):
    api_client.post("/api/v1/vacancies/", payload(licensed_agency), format="json", **auth(writer))
    assert len(api_client.get("/api/v1/vacancies/").json()["results"]) == 1
    agency_services.suspend(
        licensed_agency.licences.get(), actor=OfficerFactory(), reason="Complaints"
    )
    assert api_client.get("/api/v1/vacancies/").json()["results"] == []


# Values at and past the limits of the model's fields: empty, lengths, integer
# ranges, digits and decimal places, currency codes, NUL characters, booleans, dates.
PROBES = [
    None,
    "",
    " ",
    "bad\x00id",
    "krw",
    "KRW",
    "KRWX",
    -1,
    0,
    1,
    15,
    16,
    75,
    76,
    84,
    85,
    120,
    121,
    100_000,
    100_001,
    32_767,
    32_768,
    2**31,
    "0.001",
    "0.01",
    "9999999999.99",
    "99999999999.99",
    "NaN",
    "Infinity",
    True,
    False,
    "2026-02-28",
    "2026-02-30",
    "2026-02-28T10:00:00Z",
]


def test_the_serializer_accepts_only_what_the_model_fields_accept():
    """A feed's batch does not check again with `full_clean` the fields the
    serializer validated (`PartnerVacancies` excludes them): every value the
    serializer makes of a record's field, the model field must accept."""
    vacancy = Vacancy()
    serializer = VacancySerializer()
    for name, field in serializer.fields.items():
        if field.read_only or name == "costs":
            continue  # the costs are `VacancyCost`s, checked by `PartnerRules.check_costs`
        model_field = Vacancy._meta.get_field(field.source)
        if model_field.is_relation:
            continue  # checked by the database as a batch is written
        limit = model_field.max_length
        lengths = [limit, limit + 1] if limit else []
        choices = [value for value, _label in model_field.choices or []]
        accepted = 0
        for raw in [*PROBES, *("x" * length for length in lengths), *choices]:
            try:
                value = field.run_validation(raw)
            except serializers.ValidationError:
                continue
            accepted += 1
            if not (model_field.blank and value in model_field.empty_values):
                model_field.clean(value, vacancy)
        assert accepted, name


def test_each_serializer_has_fields_of_its_own_though_they_are_built_once():
    first, second = VacancySerializer(), VacancySerializer(data={})
    assert first.fields.keys() == second.fields.keys()
    for name in ("title_en", "country", "costs", "agency"):
        assert first.fields[name] is not second.fields[name]
        assert first.fields[name].parent is first and second.fields[name].parent is second
    del first.fields["title_en"]  # as `for_records` does
    assert "title_en" in VacancySerializer().fields


class DrfCosts(serializers.ModelSerializer):
    class Meta(vacancy_serializers.CostSerializer.Meta):
        pass

    currency = vacancy_serializers.CostSerializer._declared_fields["currency"]
    amount = vacancy_serializers.CostSerializer._declared_fields["amount"]


class DrfVacancies(VacancySerializer):
    """`VacancySerializer` as DRF shows a model instance, the costs prefetched."""

    costs = DrfCosts(many=True)

    def to_representation(self, instance):
        return serializers.ModelSerializer.to_representation(self, instance)

    def get_url(self, vacancy):
        return vacancy.get_absolute_url()


def test_the_api_shows_its_rows_exactly_as_drf_shows_the_vacancies(licensed_agency):
    """`vacancies.api.rows`: the same vacancies, read as rows and shown field by
    field, come out as DRF shows them read as instances: every channel, with and
    without costs, blanks, nulls and a partner, in the same order."""
    partner = Partner.objects.create(name="Hanil Agro system")
    vacancies = [
        VacancyFactory(country_id="KR", channel="agency", agency=licensed_agency, wage_max=None),
        VacancyFactory(country_id="KR", title_uz="Payvandchi", hours_per_week=52, deadline=None),
        VacancyFactory(
            country_id="KR", channel="employer", partner=partner, age_min=21, start_date=None
        ),
    ]
    vacancies[0].costs.create(kind="agency_fee", amount="250000", currency="UZS")
    vacancies[0].costs.create(kind="medical", amount="40.50", currency="USD")
    ids = [vacancy.pk for vacancy in vacancies]
    public = selectors.vacancies_for_api().filter(pk__in=ids).order_by("pk")
    rows = public.values(*VacancySerializer.row_values())
    costs = VacancySerializer.nested_values()["costs"]
    shown = VacancySerializer(selectors.with_costs(rows, costs), many=True).data
    drf = DrfVacancies(public.select_related("partner").prefetch_related("costs"), many=True).data
    assert shown == drf
    assert [list(row) for row in shown] == [list(row) for row in drf]  # the same order
    assert shown[0]["costs"][1] == {"kind": "medical", "amount": "40.50", "currency": "USD"}
    assert shown[0]["wage_max"] is None and shown[1]["hours_per_week"] == 52
    assert shown[2]["source_partner"] == "Hanil Agro system"
    assert shown[1]["url"] == vacancies[1].get_absolute_url() and shown[1]["costs"] == []


def test_the_rows_are_read_by_the_columns_the_fields_show():
    """The names a row is read with: a column by its own, a relation by its foreign
    key, a source across one by Django's lookup; the costs apart, nested."""
    names = VacancySerializer.row_values()
    assert {"id", "title_uz", "wage_min", "published_at", "country_id", "agency_id"} <= set(names)
    assert "partner__name" in names
    assert not {"country", "agency", "costs", "url", "source_partner"} & set(names)
    assert VacancySerializer.nested_values() == {"costs": ["kind", "amount", "currency"]}


def test_a_field_the_rows_cannot_show_is_refused_when_the_plan_is_built():
    """A relation shown by more than its key, or a nested serializer of one, would
    need a model instance: refused at once, not shown wrong."""

    class ByName(VacancySerializer):
        country = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class OneCost(VacancySerializer):
        costs = vacancy_serializers.CostSerializer(read_only=True)

    for refused in (ByName, OneCost):
        with pytest.raises(ImproperlyConfigured):
            refused.row_values()


@pytest.mark.parametrize("path", ["abc", "1.5", "99999999999999999999999", "0"])
def test_a_vacancy_that_is_not_there_is_a_translated_404(api_client, path):
    """An id that is not a number, too large for a key, or of no vacancy: one 404 in
    the reader's language (`partners.errors.NOT_FOUND`), not the lookup's English
    naming the model, nor an empty message."""
    response = api_client.get(f"/api/v1/vacancies/{path}/", HTTP_ACCEPT_LANGUAGE="uz")
    assert response.status_code == 404
    assert response.json()["error"] == {
        "status": 404,
        "code": "not_found",
        "message": "Bu manzilda hech narsa topilmadi.",
        "fields": {},
    }


def test_a_404_with_a_message_of_its_own_keeps_it(api_client):
    response = api_client.get("/api/v1/vacancies/?cursor=zzz")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Invalid cursor"


@pytest.mark.parametrize("cursor", ["cD1hYmM%3D", "cj0xJnA9MjAyNi0xMy00NQ%3D%3D", "zzz"])
@pytest.mark.parametrize("search", ["", "&q=payvandchi&country=KR"])
def test_a_cursor_written_by_hand_is_refused_not_a_500(api_client, cursor, search):
    """Cursors of "p=abc" and "r=1&p=2026-13-45", whose position no publication
    time has (`partners.pagination`), on the plain pages and on a search's
    (`vacancies.api.pages.SearchPages`)."""
    VacancyFactory(title_uz="Payvandchi")
    response = api_client.get(f"/api/v1/vacancies/?cursor={cursor}{search}")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_the_costs_of_a_page_are_read_in_one_query_and_a_change_answers_the_new_ones(
    api_client, licensed_agency, writer, django_assert_num_queries
):
    """`selectors.with_costs` reads the costs of all the rows at once, in the order
    the vacancy's page lists them; a change answers with the costs it wrote, not
    the ones read before it."""
    created = api_client.post(
        "/api/v1/vacancies/", payload(licensed_agency), format="json", **auth(writer)
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    plain = VacancyFactory(country_id="KR")
    rows = list(selectors.vacancies_for_api().values("id").order_by("pk"))
    with django_assert_num_queries(1):
        listed = selectors.with_costs(rows, ["kind"])
    assert [(row["id"], row["costs"]) for row in listed] == [
        (pk, [{"vacancy_id": pk, "kind": "agency_fee"}, {"vacancy_id": pk, "kind": "medical"}]),
        (plain.pk, []),
    ]
    with django_assert_num_queries(0):
        assert selectors.with_costs([], ["kind"]) == []

    visa = [{"kind": "visa", "amount": "60.00", "currency": "USD"}]
    changed = api_client.patch(
        f"/api/v1/vacancies/{pk}/", {"costs": visa}, format="json", **auth(writer)
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["costs"] == visa
    assert api_client.get(f"/api/v1/vacancies/{pk}/").json()["costs"] == visa


def test_each_serializer_has_fields_of_its_own_built_once_per_language():
    """`VacancySerializer.get_fields`: plain copies of fields built once per process
    and language, each bound to its own serializer; the nested costs copied whole."""
    first, second = VacancySerializer(), VacancySerializer()
    assert first.fields["title_en"] is not second.fields["title_en"]
    assert first.fields["title_en"].parent is first and second.fields["title_en"].parent is second
    assert first.fields["costs"].child is not second.fields["costs"].child
    assert first.fields["costs"].child.parent is first.fields["costs"]
    with translation.override("ru"):
        VacancySerializer().fields  # noqa: B018
    with translation.override("uz"):
        VacancySerializer().fields  # noqa: B018
    built = {key for key in vacancy_serializers._BUILT_FIELDS if key[0] is VacancySerializer}
    assert {"ru", "uz"} <= {language for _class, language in built}


def test_a_record_serializer_validates_as_the_api_and_remembers_only_what_it_accepted(
    licensed_agency,
):
    """`VacancySerializer.for_records` remembers what each field made of a value
    (`remember_validated`): records repeating values come out as the API's own
    serializer makes them, and a refused value is refused again, each time with
    its message, in the language of the check."""
    records = [
        payload(licensed_agency, external_id=f"IY-{n}", wage_min=wage, contract_months=months)
        for n, (wage, months) in enumerate(
            [("2100000", 24), ("2100000", 24), ("2100000.5", 36), ("2100000", "24")]
        )
    ]
    names = {"status", *records[0]}
    fast = VacancySerializer.for_records(names)
    for record in records:
        assert fast.run_validation(record) == VacancySerializer().run_validation(record)
    assert not {"id", "url", "monthly_wage_usd", "updated_at"} & set(fast.fields)

    refused = {**records[0], "contract_months": 0, "wage_currency": "krw"}
    for language, text in [("en", "greater than or equal to 1"), ("ru", "больше либо равно 1")]:
        with translation.override(language):
            checking = VacancySerializer.for_records(names)
            for _ in range(2):
                with pytest.raises(serializers.ValidationError) as error:
                    checking.run_validation(refused)
                assert text in str(error.value.detail["contract_months"][0])
                assert set(error.value.detail) == {"contract_months", "wage_currency"}


def test_a_remembering_field_validates_each_value_once_and_each_refusal_again():
    class Counted(serializers.IntegerField):
        def to_internal_value(self, data):
            seen.append(data)
            return super().to_internal_value(data)

    seen = []
    field = Counted(min_value=1)
    vacancy_serializers.remember_validated(field)
    assert [field.run_validation(value) for value in (24, 24, "24", 24)] == [24] * 4
    assert seen == [24, "24"]  # the number and the text are two inputs
    for _ in range(2):
        with pytest.raises(serializers.ValidationError):
            field.run_validation(0)
    assert seen == [24, "24", 0, 0]


def test_a_remembering_field_shares_no_container_and_leaves_fields_that_read_context():
    class Tags(serializers.Serializer):
        names = serializers.ListField(child=serializers.CharField())
        raw = serializers.JSONField(binary=True)

    fields = Tags().fields
    for field in fields.values():
        vacancy_serializers.remember_validated(field)
    first, second = (fields["raw"].run_validation('{"a": [1]}') for _ in range(2))
    assert first == second == {"a": [1]} and first is not second

    class Reads:
        requires_context = True

        def __call__(self, value, field):
            calls.append(value)

    calls = []
    field = serializers.CharField(validators=[Reads()])
    vacancy_serializers.remember_validated(field)
    field.run_validation("Ansan"), field.run_validation("Ansan")
    assert calls == ["Ansan", "Ansan"]
