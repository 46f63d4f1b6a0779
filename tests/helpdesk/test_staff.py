"""The help desk's pages: only its group; every opening of a case is logged;
routing, actions, notes, status and closing through the pages."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from helpdesk.models import Case, CaseAccessLog
from helpdesk.staff import HELPDESK_GROUP
from tests.factories.helpdesk import CaseFactory, ResponderFactory, RouteFactory
from tests.factories.users import StaffUserFactory, give_second_factor

pytestmark = pytest.mark.django_db


def test_the_group_is_synced_with_its_permissions():
    permissions = set(
        Group.objects.get(name=HELPDESK_GROUP).permissions.values_list("codename", flat=True)
    )
    assert {"view_case", "change_case", "add_caseevent", "change_route", "view_caseaccesslog"} <= (
        permissions
    )


@pytest.mark.parametrize(
    "user_kwargs",
    [
        {"username": "editor", "groups": ["Content editor"]},
        {"username": "root", "is_superuser": True},
        {"username": "former", "groups": [HELPDESK_GROUP], "is_active": False},
        {"username": "notstaff", "groups": [HELPDESK_GROUP], "is_staff": False},
    ],
)
def test_nobody_else_sees_cases(client, user_kwargs):
    case = CaseFactory()
    client.force_login(StaffUserFactory(**user_kwargs))
    for url in ("/en/helpdesk/", f"/en/helpdesk/cases/{case.pk}/"):
        assert client.get(url).status_code in (302, 403)
    assert client.post(
        f"/en/helpdesk/cases/{case.pk}/status/", {"status": "closed"}
    ).status_code in (
        302,
        403,
    )
    assert not CaseAccessLog.objects.exists()
    assert Case.objects.get().status == "new"


def test_anonymous_staff_pages_lead_to_the_sign_in(client):
    response = client.get("/en/helpdesk/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/?next=")


def test_the_help_desk_needs_a_second_factor(client):
    """Help-desk staff see personal data: without a second factor they are sent to
    set one up (accounts.mfa), and open no case."""
    case = CaseFactory()
    client.force_login(StaffUserFactory(username="new-desk", groups=[HELPDESK_GROUP]))
    response = client.get(f"/en/helpdesk/cases/{case.pk}/")
    assert response.status_code == 302
    assert "/account/2fa/totp/activate/" in response["Location"]
    assert not CaseAccessLog.objects.exists()


def test_opening_a_case_is_logged(officer_client, officer):
    case = CaseFactory()
    assert officer_client.get("/en/helpdesk/").status_code == 200
    assert not CaseAccessLog.objects.exists()  # the list shows no one's words
    page = officer_client.get(f"/en/helpdesk/cases/{case.pk}/")
    assert page.status_code == 200 and "Three months unpaid" in page.text
    assert list(CaseAccessLog.objects.values_list("case", "user")) == [(case.pk, officer.pk)]
    assert officer_client.get("/en/helpdesk/cases/999999/").status_code == 404


def test_route_record_and_close_through_the_pages(officer_client, officer):
    responder = ResponderFactory(name="Legal aid desk")
    RouteFactory(country="RU", responder=responder)
    case = CaseFactory()
    page = officer_client.get(f"/en/helpdesk/cases/{case.pk}/").text
    assert "The routing table says: Legal aid desk." in page
    assert officer_client.post(f"/en/helpdesk/cases/{case.pk}/route/", {}).status_code == 302
    officer_client.post(
        f"/en/helpdesk/cases/{case.pk}/record/", {"kind": "note", "text": "Called the employer"}
    )
    response = officer_client.post(f"/en/helpdesk/cases/{case.pk}/status/", {"status": "closed"})
    assert response.status_code == 400
    assert "Choose the outcome" in response.text
    officer_client.post(
        f"/en/helpdesk/cases/{case.pk}/status/", {"status": "closed", "outcome": "resolved"}
    )
    case.refresh_from_db()
    assert (case.responder, case.status, case.outcome) == (responder, "closed", "resolved")
    assert case.picked_up_at is not None and case.closed_at is not None
    kinds = list(case.events.values_list("kind", "status", "actor"))
    assert kinds == [
        ("routed", "", officer.pk),
        ("status", "routed", officer.pk),
        ("note", "", officer.pk),
        ("status", "closed", officer.pk),
    ]
    assert "Route the case" not in officer_client.get(f"/en/helpdesk/cases/{case.pk}/").text


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("route", {"responder": "999"}),
        ("record", {"kind": "status", "text": "x"}),
        ("record", {"kind": "note", "text": ""}),
        ("status", {"status": "new"}),
        ("status", {"status": "routed", "outcome": "resolved"}),
    ],
)
def test_bad_staff_input_changes_nothing(officer_client, url, data):
    case = CaseFactory()
    response = officer_client.post(f"/en/helpdesk/cases/{case.pk}/{url}/", data)
    assert response.status_code == 400
    assert list(case.events.values_list("kind", flat=True)) == []
    assert Case.objects.get().status == "new"


def test_a_case_without_a_route_says_so(officer_client):
    case = CaseFactory(country="JP")
    response = officer_client.post(f"/en/helpdesk/cases/{case.pk}/route/", {})
    assert response.status_code == 400
    assert "no responder for this country and category" in response.text


def test_the_routing_table_is_edited_by_the_group_only(officer):
    RouteFactory(country="RU")
    client = Client()
    client.force_login(officer)
    assert client.get("/en/admin/helpdesk/route/").status_code == 200
    other = Client()
    other_user = StaffUserFactory(username="root", is_superuser=True)
    other.force_login(other_user)
    assert other.get("/en/admin/helpdesk/route/").status_code in (302, 403)
    give_second_factor(other_user)
    assert other.get("/en/admin/helpdesk/route/").status_code == 403
