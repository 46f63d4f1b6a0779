"""The responders' API: a responder reads only the cases routed to it and updates
their status through the same services; the one error format."""

import pytest

from helpdesk import services
from helpdesk.models import Case, CaseAccessLog
from partners.models import Partner
from tests.factories.helpdesk import CaseFactory, ResponderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def responder_key(make_api_key):
    def make(scopes=("cases:read", "cases:write"), name="Legal aid network"):
        raw, key = make_api_key(scopes, partner_name=name)
        responder = ResponderFactory(name=name, partner=key.partner)
        return {"HTTP_AUTHORIZATION": f"Api-Key {raw}"}, responder

    return make


def test_a_responder_reads_only_its_own_cases(api_client, responder_key):
    headers, responder = responder_key()
    _other_headers, other = responder_key(name="Another organisation")
    mine = services.route(CaseFactory(), responder)
    theirs = services.route(CaseFactory(), other)
    CaseFactory()  # not routed

    response = api_client.get("/api/v1/cases/", **headers)
    assert response.status_code == 200
    assert [case["number"] for case in response.json()["results"]] == [mine.number]
    assert response.json()["results"][0]["description"] == "Three months unpaid"
    assert api_client.get(f"/api/v1/cases/{mine.pk}/", **headers).status_code == 200
    refused = api_client.get(f"/api/v1/cases/{theirs.pk}/", **headers)
    assert refused.status_code == 404
    assert refused.json()["error"]["status"] == 404
    logged = set(CaseAccessLog.objects.values_list("case", "responder"))
    assert logged == {(mine.pk, responder.pk)}


def test_a_responder_updates_the_status(api_client, responder_key):
    headers, responder = responder_key()
    case = services.route(CaseFactory(), responder)
    response = api_client.post(
        f"/api/v1/cases/{case.pk}/status/",
        {"status": "in_progress", "action": "Called the person"},
        format="json",
        **headers,
    )
    assert response.status_code == 200 and response.json()["status"] == "in_progress"
    response = api_client.post(
        f"/api/v1/cases/{case.pk}/status/",
        {"status": "closed", "outcome": "resolved"},
        format="json",
        **headers,
    )
    assert response.json()["outcome"] == "resolved"
    events = list(Case.objects.get().events.values_list("kind", "responder"))
    assert ("action", responder.pk) in events and ("status", responder.pk) in events


@pytest.mark.parametrize(
    "body",
    [
        {"status": "closed"},
        {"status": "new"},
        {"status": "routed", "outcome": "resolved"},
        {"status": "teleported"},
        {},
        ["status"],
    ],
)
def test_bad_updates_are_400_and_change_nothing(api_client, responder_key, body):
    headers, responder = responder_key()
    case = services.route(CaseFactory(), responder)
    response = api_client.post(f"/api/v1/cases/{case.pk}/status/", body, format="json", **headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert Case.objects.get().status == "routed"


def test_scopes_are_required(api_client, responder_key, make_api_key):
    read_only, responder = responder_key(scopes=("cases:read",))
    case = services.route(CaseFactory(), responder)
    assert api_client.get("/api/v1/cases/").status_code == 401
    response = api_client.post(
        f"/api/v1/cases/{case.pk}/status/", {"status": "waiting"}, format="json", **read_only
    )
    assert response.status_code == 403
    raw, _key = make_api_key(["bans:check"], partner_name="Screening partner")
    assert api_client.get("/api/v1/cases/", HTTP_AUTHORIZATION=f"Api-Key {raw}").status_code == 403


def test_a_partner_that_is_no_responder_sees_nothing(api_client, make_api_key):
    services.route(CaseFactory(), ResponderFactory(partner=Partner.objects.create(name="X")))
    raw, _key = make_api_key(["cases:read"], partner_name="Not a responder")
    response = api_client.get("/api/v1/cases/", HTTP_AUTHORIZATION=f"Api-Key {raw}")
    assert response.status_code == 200 and response.json()["results"] == []


def test_the_schema_declares_the_cases_endpoints(api_client):
    schema = api_client.get("/api/schema/?format=json").json()
    assert "/api/v1/cases/" in schema["paths"]
    status = schema["paths"]["/api/v1/cases/{id}/status/"]["post"]
    assert {"200", "400", "401", "403", "404"} <= set(status["responses"])


@pytest.mark.parametrize("cursor", ["cD1hYmM%3D", "bz0xJnA9MjAyNi0xMy00NQ%3D%3D"])
def test_a_cursor_written_by_hand_is_refused_not_a_500(api_client, responder_key, cursor):
    """Cursors of "p=abc" and "o=1&p=2026-13-45": positions no creation time has."""
    headers, responder = responder_key()
    services.route(CaseFactory(), responder)
    response = api_client.get(f"/api/v1/cases/?cursor={cursor}", **headers)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
