"""The registry over the API: filters, verify, changed_since, scopes, errors."""

import datetime

import pytest
from django.utils import timezone

from agencies import services
from agencies.models import Licence

pytestmark = pytest.mark.django_db


@pytest.fixture
def licences(make_licence, make_agency, channel, officer):
    active = make_licence(agency=make_agency("Ипак Йули Сервис"), destinations=("TR", "PL"))
    channel(active.agency, "telegram", "@ipak_demo")
    suspended = make_licence(agency=make_agency("Tulpar Jumush"), destinations=("DE",))
    services.suspend(suspended, actor=officer, reason="Complaints")
    return active, suspended


def _names(response):
    return [row["legal_name"] for row in response.json()["results"]]


def test_anonymous_can_read_the_registry(api_client, licences):
    response = api_client.get("/api/v1/agencies/")
    assert response.status_code == 200
    rows = {row["legal_name"]: row for row in response.json()["results"]}
    assert rows["Ипак Йули Сервис"]["status"] == "active"
    assert rows["Ипак Йули Сервис"]["licensed_destinations"] == ["PL", "TR"]
    assert rows["Tulpar Jumush"]["licensed_destinations"] == []
    assert rows["Ипак Йули Сервис"]["channels"][0]["normalised"] == "ipak_demo"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "Ipak Yoli"}, ["Ипак Йули Сервис"]),
        ({"q": "ТУЛПАР"}, ["Tulpar Jumush"]),
        ({"destination": "TR"}, ["Ипак Йули Сервис"]),
        ({"destination": "DE"}, []),
        ({"status": "suspended"}, ["Tulpar Jumush"]),
    ],
)
def test_agency_filters(api_client, licences, params, expected):
    assert _names(api_client.get("/api/v1/agencies/", params)) == expected


def test_agency_filter_by_authority(api_client, licences, authority):
    assert len(_names(api_client.get("/api/v1/agencies/", {"authority": authority.pk}))) == 2


@pytest.mark.parametrize(
    "params",
    [{"destination": "XX"}, {"status": "bogus"}, {"authority": "abc"}, {"q": "x" * 500}],
)
def test_bad_filters_are_a_400_in_the_error_format(api_client, licences, params):
    response = api_client.get("/api/v1/agencies/", params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_agency_detail_and_unknown_ids(api_client, licences):
    active, _ = licences
    data = api_client.get(f"/api/v1/agencies/{active.agency.pk}/").json()
    assert data["licences"][0]["number"] == active.number
    assert {d["country"]: d["in_force_today"] for d in data["licences"][0]["destinations"]} == {
        "PL": True,
        "TR": True,
    }
    assert api_client.get("/api/v1/agencies/999999/").status_code == 404
    assert api_client.get("/api/v1/agencies/abc/").status_code == 404


@pytest.mark.parametrize(
    ("q", "verdict"),
    [("t.me/Ipak_Demo", "licensed"), ("Ипак", "name_only"), ("@nobody_here", "unknown")],
)
def test_verify_endpoint(api_client, licences, q, verdict):
    data = api_client.get("/api/v1/agencies/verify/", {"q": q}).json()
    assert data["verdict"] == verdict


def test_verify_endpoint_suspended(api_client, licences):
    _, suspended = licences
    data = api_client.get("/api/v1/agencies/verify/", {"q": suspended.number}).json()
    assert data["verdict"] == "not_in_force"
    assert data["matches"][0]["licensed_today"] is False


@pytest.mark.parametrize("q", ["", "\x00", "x" * 1000])
def test_verify_endpoint_rejects_bad_input(api_client, q):
    response = api_client.get("/api/v1/agencies/verify/", {"q": q})
    assert response.status_code == 400
    assert "q" in response.json()["error"]["fields"]


def test_licences_changed_since(api_client, licences):
    _active, suspended = licences
    later = timezone.now() + datetime.timedelta(seconds=1)
    Licence.objects.filter(pk=suspended.pk).update(updated_at=later + datetime.timedelta(hours=1))
    response = api_client.get("/api/v1/licences/", {"changed_since": later.isoformat()})
    assert [row["number"] for row in response.json()["results"]] == [suspended.number]
    assert response.json()["results"][0]["status"] == "suspended"


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        "2026-13-45",
        "\x00",
        # An offset Python accepts and PostgreSQL refuses (at most 15:59).
        "2030-01-01T00:00:00+16:00",
        "2030-01-01T00:00:00-23:59",
        # Within range in its own zone, out of range in UTC.
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:59-05:00",
        "0001-01-01T00:00:00",
    ],
)
def test_licences_changed_since_validates(api_client, licences, value):
    response = api_client.get("/api/v1/licences/", {"changed_since": value})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and "changed_since" in error["fields"]


def test_licences_changed_since_reads_any_offset_as_the_same_instant(api_client, licences):
    _active, suspended = licences
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=2)
    Licence.objects.filter(pk=suspended.pk).update(updated_at=moment)
    for hours in (14, -12, 0):
        since = moment.astimezone(datetime.timezone(datetime.timedelta(hours=hours))).isoformat()
        response = api_client.get("/api/v1/licences/", {"changed_since": since})
        assert [row["number"] for row in response.json()["results"]] == [suspended.number]


def test_partner_keys_read_the_registry_as_the_public_does(api_client, make_api_key, licences):
    anonymous = api_client.get("/api/v1/licences/")
    raw, _ = make_api_key(["bans:check"], partner_name="Registry mirror")
    api_client.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw}")
    keyed = api_client.get("/api/v1/licences/")
    assert keyed.status_code == anonymous.status_code == 200
    assert keyed.json() == anonymous.json()
    assert api_client.get("/api/v1/agencies/").status_code == 200
    api_client.credentials(HTTP_AUTHORIZATION="Api-Key wrong.key")
    assert api_client.get("/api/v1/licences/").status_code == 401


def test_writes_are_not_allowed(api_client, licences):
    assert api_client.post("/api/v1/agencies/", {}, format="json").status_code in (401, 405)


def test_schema_documents_the_endpoints(api_client):
    schema = api_client.get("/api/schema/", {"format": "json"}).json()
    for path in (
        "/api/v1/agencies/",
        "/api/v1/agencies/{id}/",
        "/api/v1/agencies/verify/",
        "/api/v1/licences/",
    ):
        assert path in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/v1/licences/"]["get"]["parameters"]}
    assert "changed_since" in params


def test_api_list_query_count_is_bounded(
    api_client, make_licence, make_agency, django_assert_max_num_queries
):
    make_licence()
    with django_assert_max_num_queries(12) as small:
        api_client.get("/api/v1/agencies/")
    for n in range(15):
        make_licence(agency=make_agency(f"A {n}"), destinations=("TR", "DE"))
    with django_assert_max_num_queries(len(small.captured_queries)):
        api_client.get("/api/v1/agencies/")
