"""Staff who may see personal data must sign in with a second factor: the
admin's login is allauth's, which asks for the authenticator app's code, and
such staff without one are sent to set it up. Codes are computed here (RFC 6238)."""

import time

import pytest
from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from accounts.mfa import (
    personal_data_permissions,
    second_factor_required,
    sees_personal_data,
)
from blacklist.staff import AUDITOR_GROUP
from tests.factories.users import StaffUserFactory, give_second_factor, totp_code

pytestmark = pytest.mark.django_db
PASSWORD = "staff password 2026"


def log_in(client, username, password=PASSWORD, next_url="/en/admin/"):
    return client.post(
        f"/en/account/login/?next={next_url}", {"login": username, "password": password}
    )


def test_apps_register_what_is_personal_data():
    assert {"blacklist.view_banrecord", "accounts.view_phone"} <= personal_data_permissions()


def test_who_sees_personal_data():
    officer = StaffUserFactory(username="officer", groups=["Licensing officer"])
    auditor = StaffUserFactory(username="auditor", groups=[AUDITOR_GROUP])
    superuser = StaffUserFactory(username="root", is_superuser=True)
    direct = StaffUserFactory(username="direct")
    direct.user_permissions.add(Permission.objects.get(codename="view_phone"))
    assert not sees_personal_data(officer)
    assert sees_personal_data(auditor)
    assert sees_personal_data(superuser)
    assert sees_personal_data(direct)


def test_the_admin_login_is_allauths(client):
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/")
    assert "next=%2Fen%2Fadmin%2F" in response["Location"]


def test_an_auditor_without_a_second_factor_is_sent_to_set_one_up(client):
    StaffUserFactory(username="auditor", password=PASSWORD, groups=[AUDITOR_GROUP])
    response = log_in(client, "auditor")
    assert response.status_code == 302 and response["Location"] == "/en/admin/"
    for path in ["/en/admin/", "/en/admin/blacklist/banrecord/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_activate_totp"))
    # Setting it up (allauth asks for the password again first), with the app's
    # code, opens the admin.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert client.post(response["Location"], {"password": PASSWORD}).status_code == 302
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/en/admin/blacklist/banrecord/").status_code == 200


def test_with_a_second_factor_the_admin_asks_for_the_code(client):
    auditor = StaffUserFactory(username="auditor", password=PASSWORD, groups=[AUDITOR_GROUP])
    secret = give_second_factor(auditor)
    response = log_in(client, "auditor")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    # The password alone opens nothing.
    assert client.get("/en/admin/").status_code == 302
    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == "/en/admin/"
    assert client.get("/en/admin/blacklist/banrecord/").status_code == 200


@pytest.mark.parametrize(("steps_off", "accepted"), [(-1, True), (1, True), (-2, False)])
def test_a_code_one_step_off_still_signs_in(client, steps_off, accepted):
    """A clock a few seconds off, or a code typed as it rolls over: one 30-second
    step either side is accepted, two are not."""
    auditor = StaffUserFactory(username="auditor", password=PASSWORD, groups=[AUDITOR_GROUP])
    secret = give_second_factor(auditor)
    log_in(client, "auditor")
    code = totp_code(secret, at=time.time() + 30 * steps_off)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert ("_auth_user_id" in client.session) is accepted
    assert response.status_code == (302 if accepted else 200)


def test_staff_without_personal_data_are_not_asked(client):
    StaffUserFactory(username="officer", password=PASSWORD, groups=["Licensing officer"])
    assert log_in(client, "officer")["Location"] == "/en/admin/"
    assert client.get("/en/admin/agencies/agency/").status_code == 200


def test_the_decorator_guards_other_apps_staff_pages():
    @second_factor_required
    def staff_page(request):
        return HttpResponse("personal data")

    def call(user):
        request = RequestFactory().get("/en/cabinet/")
        request.user = user
        return staff_page(request)

    from django.contrib.auth.models import AnonymousUser

    assert call(AnonymousUser()).status_code == 302
    auditor = StaffUserFactory(username="auditor", groups=[AUDITOR_GROUP])
    response = call(auditor)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    give_second_factor(auditor)
    assert call(auditor).content == b"personal data"
    officer = StaffUserFactory(username="officer", groups=["Licensing officer"])
    assert call(officer).content == b"personal data"
