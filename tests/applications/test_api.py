"""The partner API: own vacancies' applications only, the scopes, the same rules
as the cabinet, the one error format, and the access log."""

import pytest

from applications.models import AccessLog
from tests.factories import applications as make
from vacancies.models import Publisher

pytestmark = pytest.mark.django_db

LIST = "/api/v1/applications/"


@pytest.fixture
def partner_key(make_api_key, agency):
    raw, key = make_api_key(
        ["applications:read", "applications:write"], partner_name="Ipak Yoli system"
    )
    Publisher.objects.create(partner=key.partner, channel="agency", agency=agency)
    return raw, key


def auth(raw):
    return {"HTTP_AUTHORIZATION": f"Api-Key {raw}"}


@pytest.fixture
def foreign(other_vacancy):
    return make.application(make.applicant(surname_latin="TOKTOSUNOV"), other_vacancy)


def test_a_partner_pulls_its_own_applications_only(api_client, partner_key, submitted, foreign):
    raw, key = partner_key
    response = api_client.get(LIST, **auth(raw))
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["id"] == submitted.pk and row["profile"]["surname_latin"] == "KARIMOV"
    assert row["history"][0]["status"] == "submitted"
    assert api_client.get(f"{LIST}{foreign.pk}/", **auth(raw)).status_code == 404
    assert api_client.get(f"{LIST}{submitted.pk}/", **auth(raw)).status_code == 200
    assert (
        list(AccessLog.objects.values_list("partner", "action", "application_ids"))
        == [(key.partner_id, "api", [submitted.pk])] * 2
    )


def test_a_partner_without_publisher_rows_sees_nothing(api_client, make_api_key, submitted):
    raw, _key = make_api_key(["applications:read"], partner_name="Someone else")
    assert api_client.get(LIST, **auth(raw)).json()["results"] == []


@pytest.mark.parametrize(
    "scopes,method,status",
    [
        ([], "get", 403),
        (["applications:write"], "get", 403),
        (["applications:read"], "post", 403),
    ],
)
def test_scopes(api_client, make_api_key, submitted, agency, scopes, method, status):
    raw, key = make_api_key(scopes, partner_name="Scoped")
    Publisher.objects.create(partner=key.partner, channel="agency", agency=agency)
    path = LIST if method == "get" else f"{LIST}{submitted.pk}/status/"
    response = getattr(api_client, method)(
        path, {"status": "shortlisted"}, format="json", **auth(raw)
    )
    assert response.status_code == status
    assert response.json()["error"]["code"] == "permission_denied"


def test_anonymous_gets_401(api_client, submitted):
    response = api_client.get(LIST)
    assert response.status_code == 401 and response.json()["error"]["status"] == 401


def test_push_status_changes_through_the_services(
    api_client, partner_key, submitted, foreign, outbox, django_capture_on_commit_callbacks
):
    raw, key = partner_key
    path = f"{LIST}{submitted.pk}/status/"
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(path, {"status": "shortlisted"}, format="json", **auth(raw))
    assert response.status_code == 200 and response.json()["status"] == "shortlisted"
    change = submitted.history.order_by("-pk").first()
    assert (change.actor_kind, change.partner_id) == ("partner", key.partner_id)
    assert len(outbox) == 1
    refused = api_client.post(path, {"status": "departed"}, format="json", **auth(raw))
    assert refused.status_code == 400 and "status" in refused.json()["error"]["fields"]
    bad = api_client.post(path, {"status": "interview"}, format="json", **auth(raw))
    assert bad.status_code == 400
    assert (
        api_client.post(path, {"status": "withdrawn"}, format="json", **auth(raw)).status_code
        == 400
    )
    assert (
        api_client.post(
            path, {"status": "rejected", "reject_reason": "x"}, format="json", **auth(raw)
        ).status_code
        == 400
    )
    assert (
        api_client.post(path, "junk", content_type="application/json", **auth(raw)).status_code
        == 400
    )
    ok = api_client.post(
        path,
        {
            "status": "interview",
            "interview_at": "2040-01-01T10:00:00+05:00",
            "interview_link": "https://meet.example/1",
        },
        format="json",
        **auth(raw),
    )
    assert ok.status_code == 200 and ok.json()["interview_link"] == "https://meet.example/1"
    other = api_client.post(
        f"{LIST}{foreign.pk}/status/", {"status": "shortlisted"}, format="json", **auth(raw)
    )
    assert other.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "submitted"


@pytest.mark.parametrize(
    "query",
    [
        "?status=nonsense",
        "?vacancy=abc",
        "?vacancy=-1",
        "?cursor=zzz",
        "?cursor=cD1hYmM%3D",  # "p=abc": a position no date has
        "?cursor=cj0xJnA9MjAyNi0xMy00NQ%3D%3D",  # "r=1&p=2026-13-45", backwards
    ],
)
def test_bad_filters_are_400_or_404(api_client, partner_key, submitted, query):
    raw, _key = partner_key
    response = api_client.get(LIST + query, **auth(raw))
    assert response.status_code in (400, 404)
    assert "error" in response.json()


def test_the_schema_declares_the_endpoints(api_client):
    schema = api_client.get("/api/schema/?format=json").json()
    assert "/api/v1/applications/" in schema["paths"]
    assert "/api/v1/applications/{id}/status/" in schema["paths"]
