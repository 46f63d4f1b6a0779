"""Issue 16 for licensing officers: status changes as buttons on the licence page,
the reason required and the form kept, an effective date, the warning that the
vacancies disappear, the destination filter listing destinations in use, and the
admin named for the portal."""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db
LIST = "/en/admin/agencies/licence/"


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_the_licence_page_has_the_status_buttons_it_allows(officer_client, make_licence):
    licence = make_licence()
    html = officer_client.get(f"{LIST}{licence.pk}/change/").content.decode()
    for name in ("suspend", "revoke", "renew"):
        assert f'name="action" value="{name}"' in html
    assert 'value="reinstate"' not in html  # only a suspended licence is reinstated
    assert f'name="_selected_action" value="{licence.pk}"' in html
    # A button leads to the confirmation page with the reason.
    confirm = officer_client.post(
        LIST, {"action": "suspend", "_selected_action": licence.pk, "index": "0"}
    ).content.decode()
    assert 'name="reason"' in confirm
    assert "disappear from the site at once" in confirm


def test_a_missing_reason_keeps_the_form_and_says_why(officer_client, make_licence):
    licence = make_licence()
    response = officer_client.post(
        LIST,
        {
            "action": "suspend",
            "_selected_action": [licence.pk],
            "apply": "1",
            "reason": "",
            "legal_basis": "Order 45",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200  # the same form, not the list
    assert "Give the reason for this decision." in html
    assert 'value="Order 45"' in html
    assert 'class="required"' in html
    licence.refresh_from_db()
    assert licence.status == "active"


def test_the_effective_date_is_recorded_and_never_in_the_future(officer_client, make_licence):
    licence = make_licence()
    earlier = timezone.localdate() - datetime.timedelta(days=3)
    data = {"action": "suspend", "_selected_action": [licence.pk], "apply": "1", "reason": "Court"}
    future = officer_client.post(LIST, {**data, "effective_on": "2999-01-01"})
    assert "give today or an earlier date" in future.content.decode()
    officer_client.post(LIST, {**data, "effective_on": earlier.isoformat()})
    licence.refresh_from_db()
    assert (licence.status, licence.status_since) == ("suspended", earlier)


def test_the_destination_filter_lists_destinations_in_use(officer_client, make_licence):
    make_licence(destinations=("TR", "PL"))
    html = officer_client.get(LIST).content.decode()
    assert "?destination=TR" in html and "?destination=PL" in html
    assert "?destination=AF" not in html and "destinations__country" not in html
    filtered = officer_client.get(LIST, {"destination": "TR"}).content.decode()
    assert "1 licence" in filtered or "KG-PEA" in filtered


def test_the_admin_is_named_for_the_portal(officer_client):
    html = officer_client.get("/ru/admin/").content.decode()
    assert "Безопасная работа за рубежом: администрирование" in html
    assert "Django" not in html.split("<title>")[1].split("</title>")[0]


def test_the_start_page_shows_the_work_queue(officer_client, make_licence):
    from agencies.models import RecruiterReport

    RecruiterReport.objects.create(recruiter_name="Jasur", what_happened="Asked for money")
    make_licence(expires_on=timezone.localdate() + datetime.timedelta(days=10))
    html = officer_client.get("/en/admin/").content.decode()
    queue = html.split('id="work-queue"')[1].split("</div>")[0]
    assert "New reports of recruiters</a></th><td>1</td>" in queue
    assert "Licences expiring within 30 days</a></th><td>1</td>" in queue
    assert "?expiring=yes" in queue and "?status__exact=new" in queue
    assert "Feed runs awaiting approval" not in queue  # not an officer's list


def test_a_usual_reason_is_chosen_from_the_list_and_read_in_each_language(
    client, officer_client, make_licence
):
    licence = make_licence()
    officer_client.post(
        LIST,
        {
            "action": "revoke",
            "_selected_action": [licence.pk],
            "apply": "1",
            "standard_reason": "Criminal case opened against the agency's managers.",
            "reason": "",
            "legal_basis": "Court decision",
        },
    )
    licence.refresh_from_db()
    assert licence.status == "revoked"
    page = f"/ky/agencies/{licence.agency.pk}/"
    html = client.get(page).content.decode()
    assert "Агенттиктин жетекчилерине карата кылмыш иши козголгон." in html
    assert "(Соттун чечими)" in html
    assert "Criminal case opened" not in html
