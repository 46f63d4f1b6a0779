"""The admin for licensing officers: groups, status actions, CSV, deposits."""

import datetime

import pytest
from django.contrib.auth.models import Group, User

from agencies.models import Deposit, Licence, LicenceEvent
from tests.factories.users import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def viewer(db):
    return StaffUserFactory(
        username="viewer", password="viewer-pass-123", groups=["Registry viewer"]
    )


def test_groups_exist_with_the_right_permissions():
    officer = set(
        Group.objects.get(name="Licensing officer").permissions.values_list("codename", flat=True)
    )
    viewer = set(
        Group.objects.get(name="Registry viewer").permissions.values_list("codename", flat=True)
    )
    assert {"change_licence", "add_licence", "change_agency", "add_depositmovement"} <= officer
    assert "change_licenceevent" not in officer and "delete_licence" not in officer
    assert all(code.startswith("view_") for code in viewer)
    assert "view_licence" in viewer


def test_anonymous_user_cannot_reach_the_admin(client, make_licence):
    licence = make_licence()
    for url in ("/en/admin/agencies/licence/", f"/en/admin/agencies/licence/{licence.pk}/change/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_user_without_group_sees_nothing(client, make_licence):
    user = User.objects.create_user("clerk", password="clerk-pass-123", is_staff=True)
    client.force_login(user)
    assert client.get("/en/admin/agencies/licence/").status_code == 403


def test_viewer_can_read_but_not_change(client, viewer, make_licence):
    licence = make_licence()
    client.force_login(viewer)
    assert client.get("/en/admin/agencies/licence/").status_code == 200
    html = client.get(f"/en/admin/agencies/licence/{licence.pk}/change/").content.decode()
    assert 'name="_save"' not in html
    response = client.post(
        f"/en/admin/agencies/agency/{licence.agency.pk}/change/",
        {"legal_name": "Hijacked", "country": "KG", "tax_number": "1"},
    )
    assert response.status_code == 403
    response = client.post(
        "/en/admin/agencies/licence/",
        {"action": "suspend", "_selected_action": [licence.pk], "apply": "1", "reason": "x"},
    )
    licence.refresh_from_db()
    assert licence.status == "active"
    assert 'value="suspend"' not in client.get("/en/admin/agencies/licence/").content.decode()


def test_status_is_read_only_in_the_change_form(officer_client, make_licence):
    licence = make_licence()
    html = officer_client.get(f"/en/admin/agencies/licence/{licence.pk}/change/").content.decode()
    assert 'name="status"' not in html
    assert 'name="expires_on"' not in html


def test_suspend_action_asks_for_reason_then_records_the_event(
    officer_client, officer, make_licence
):
    licence = make_licence()
    url = "/en/admin/agencies/licence/"
    confirm = officer_client.post(url, {"action": "suspend", "_selected_action": [licence.pk]})
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert 'name="reason"' in html and 'name="legal_basis"' in html
    licence.refresh_from_db()
    assert licence.status == "active"  # nothing changed before confirmation
    done = officer_client.post(
        url,
        {
            "action": "suspend",
            "_selected_action": [licence.pk],
            "apply": "1",
            "reason": "Workers sent on tourist visas",
            "legal_basis": "Order 45",
        },
    )
    assert done.status_code == 302
    licence.refresh_from_db()
    assert licence.status == "suspended"
    event = licence.events.first()
    assert (event.reason, event.legal_basis, event.officer) == (
        "Workers sent on tourist visas",
        "Order 45",
        officer,
    )


def test_action_without_reason_is_refused_and_says_why(officer_client, make_licence):
    licence = make_licence()
    response = officer_client.post(
        "/en/admin/agencies/licence/",
        {"action": "revoke", "_selected_action": [licence.pk], "apply": "1", "reason": ""},
        follow=True,
    )
    assert "Give the reason" in response.content.decode()
    licence.refresh_from_db()
    assert licence.status == "active"


@pytest.mark.parametrize(
    ("action", "extra", "start", "end"),
    [
        ("reinstate", {}, "suspended", "active"),
        ("renew", {"expires_on": "2035-01-01"}, "active", "active"),
        ("record_surrender", {}, "active", "surrendered"),
        ("revoke", {"reason": "Court"}, "suspended", "revoked"),
    ],
)
def test_other_status_actions(officer_client, make_licence, action, extra, start, end):
    licence = make_licence(status=start)
    officer_client.post(
        "/en/admin/agencies/licence/",
        {"action": action, "_selected_action": [licence.pk], "apply": "1", **extra},
    )
    licence.refresh_from_db()
    assert licence.status == end
    if action == "renew":
        assert licence.expires_on == datetime.date(2035, 1, 1)


def test_adding_a_licence_activates_it_only_with_the_deposit(
    officer_client, authority, make_agency
):
    poor = make_agency("Poor Agency", deposit=10)
    data = {
        "authority": authority.pk,
        "number": "KG-9",
        "issued_on": "2026-01-01",
        "expires_on": "2031-01-01",
    }
    response = officer_client.post(
        "/en/admin/agencies/licence/add/", {**data, "agency": poor.pk, **_inlines()}
    )
    assert response.status_code == 200
    assert "below the minimum" in response.content.decode()
    assert not Licence.objects.exists()
    rich = make_agency("Rich Agency")
    response = officer_client.post(
        "/en/admin/agencies/licence/add/", {**data, "agency": rich.pk, **_inlines()}
    )
    assert response.status_code == 302
    licence = Licence.objects.get()
    assert licence.status == "active"
    assert LicenceEvent.objects.get(licence=licence).to_status == "active"


def _inlines():
    return {
        "destinations-TOTAL_FORMS": "0",
        "destinations-INITIAL_FORMS": "0",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
    }


def test_deposit_movements_inline_go_through_the_rules(officer_client, officer, make_agency):
    deposit = make_agency().deposits.get()
    url = f"/en/admin/agencies/deposit/{deposit.pk}/change/"
    base = {
        "agency": deposit.agency.pk,
        "authority": deposit.authority.pk,
        "form": "cash",
        "bank": deposit.bank,
        "reference": deposit.reference,
        "currency": "KGS",
        "lodged_on": deposit.lodged_on.isoformat(),
        "movements-TOTAL_FORMS": "2",
        "movements-INITIAL_FORMS": "1",
        "movements-0-id": deposit.movements.get().pk,
        "movements-0-deposit": deposit.pk,
        "movements-1-deposit": deposit.pk,
        "movements-1-kind": "drawn",
        "movements-1-amount": "500000",
        "movements-1-date": "2026-05-01",
        "movements-1-complaint_case": "C-1",
    }
    response = officer_client.post(url, base)
    assert response.status_code == 200
    assert "holds less than this amount" in response.content.decode()
    response = officer_client.post(url, {**base, "movements-1-amount": "2500"})
    assert response.status_code == 302
    movement = deposit.movements.order_by("-pk").first()
    assert (movement.kind, movement.amount, movement.officer) == ("drawn", 2500, officer)


def test_agency_admin_search_any_script_and_channel(officer_client, make_licence, channel):
    licence = make_licence()
    channel(licence.agency, "telegram", "t.me/ipak_demo")
    for term in (
        "Ipak Yoli",
        "ИПАК",
        licence.number.lower(),
        "@ipak_demo",
        licence.agency.tax_number,
    ):
        html = officer_client.get("/en/admin/agencies/agency/", {"q": term}).content.decode()
        assert "Ипак Йули Сервис" in html, term


def test_agency_admin_filters(officer_client, make_licence, make_agency, officer):
    soon = make_licence(
        agency=make_agency("Soon Expiring"),
        issued_on=datetime.date(2022, 1, 1),
        expires_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    poor = make_licence(agency=make_agency("Poor Deposit"))
    from agencies import services

    services.record_deposit_movement(
        poor.agency.deposits.get(), "drawn", 1, actor=officer, complaint_case="C"
    )
    html = officer_client.get("/en/admin/agencies/agency/", {"expiring": "yes"}).content.decode()
    assert "Soon Expiring" in html and "Poor Deposit" not in html
    html = officer_client.get(
        "/en/admin/agencies/agency/", {"below_minimum": "yes"}
    ).content.decode()
    assert "Poor Deposit" in html and "Soon Expiring" not in html
    assert soon.pk


def test_agency_change_page_shows_the_whole_history_with_who(officer_client, officer, make_licence):
    from agencies import services

    licence = make_licence()
    services.suspend(
        licence, actor=officer, reason="Inspection found no contracts", legal_basis="Act 3"
    )
    html = officer_client.get(
        f"/en/admin/agencies/agency/{licence.agency.pk}/change/"
    ).content.decode()
    assert "Inspection found no contracts" in html and "Act 3" in html and "officer" in html
    assert "lodged" in html.lower()


def test_csv_export_of_the_registry(client, viewer, make_licence):
    licence = make_licence(destinations=("TR", "DE"))
    client.force_login(viewer)
    response = client.post(
        "/en/admin/agencies/agency/",
        {"action": "export_registry_csv", "_selected_action": [licence.agency.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Ипак Йули Сервис" in text and licence.number in text and "DE TR" in text


def test_reports_in_admin_show_contact_and_triage(officer_client):
    from agencies.models import RecruiterReport

    report = RecruiterReport.objects.create(
        recruiter_name="Fake", what_happened="Asked for 500 USD", contact="+998901112233"
    )
    html = officer_client.get(
        f"/en/admin/agencies/recruiterreport/{report.pk}/change/"
    ).content.decode()
    assert "+998901112233" in html and 'name="status"' in html
    officer_client.post(
        f"/en/admin/agencies/recruiterreport/{report.pk}/change/",
        {"status": "referred", "staff_notes": "Sent to police", "agency": ""},
    )
    report.refresh_from_db()
    assert report.status == "referred"
    assert Deposit.objects.count() == 0


@pytest.mark.parametrize(
    ("lang", "amount"),
    [("ru", "100\xa0000,00 KGS"), ("ky", "100\xa0000,00 KGS"), ("en", "100,000.00 KGS")],
)
def test_admin_amounts_in_the_admins_language_format(officer_client, make_licence, lang, amount):
    """The deposit's history and balance as licensing officers read numbers."""
    licence = make_licence()
    deposit = licence.agency.deposits.get()
    history = officer_client.get(
        f"/{lang}/admin/agencies/agency/{licence.agency.pk}/change/"
    ).content.decode()
    balance = officer_client.get(
        f"/{lang}/admin/agencies/deposit/{deposit.pk}/change/"
    ).content.decode()
    assert amount in history and amount in balance
