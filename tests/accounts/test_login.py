"""Signing in with the phone number (as typed, in any form) and a password, or
with a code sent by SMS; wrong passwords are counted by django-axes."""

import re

import pytest
from django.test import Client

from accounts.models import Preference
from accounts.sms import outbox
from tests.accounts.conftest import PASSWORD, last_code
from tests.factories.users import ApplicantFactory

pytestmark = pytest.mark.django_db
ADDRESS = "198.51.100.20"


def log_in(client, login, password=PASSWORD, *, lang="uz", address=ADDRESS):
    return client.post(
        f"/{lang}/account/login/", {"login": login, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def applicant():
    return ApplicantFactory(phone="+998901234567", language="uz")


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("uz", "90 123 45 67"),
        ("uz", "+998 90 123-45-67"),
        ("ru", "+998901234567"),
        ("kaa", "901234567"),
    ],
)
def test_log_in_with_the_phone_as_people_type_it(client, applicant, lang, typed):
    response = log_in(client, typed, lang=lang)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == f"/{lang}/account/"
    assert client.session["_auth_user_id"] == str(applicant.pk)


def test_a_wrong_password_is_refused(client, applicant):
    response = log_in(client, "90 123 45 67", "not the password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_five_wrong_passwords_pause_the_account_however_the_number_is_typed(client, applicant):
    for typed in ["90 123 45 67", "+998901234567", "901234567", "+998 90 123 45 67"]:
        assert log_in(client, typed, "wrong").status_code == 200
    locked = log_in(client, "90-123-45-67", "wrong")
    assert locked.status_code == 429
    assert log_in(client, "+998901234567").status_code == 429  # even the right password
    assert "_auth_user_id" not in client.session
    # Another address is not paused: nobody locks an applicant out from elsewhere.
    assert log_in(client, "+998901234567", address="203.0.113.99").status_code == 302


def test_log_in_by_a_code_sent_by_sms(client, applicant):
    response = client.post(
        "/uz/account/login/code/", {"phone": "90 123 45 67"}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 302
    assert outbox[-1].number == "+998901234567"
    response = client.post(response["Location"], {"code": last_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(applicant.pk)


def test_code_requests_are_limited_per_number(client, applicant):
    for _ in range(3):
        client.cookies.clear()
        client.post("/uz/account/login/code/", {"phone": "90 123 45 67"}, REMOTE_ADDR=ADDRESS)
    assert len(outbox) == 3
    client.cookies.clear()
    response = client.post(
        "/uz/account/login/code/", {"phone": "+998901234567"}, REMOTE_ADDR="203.0.113.5"
    )
    assert response.status_code == 200
    assert "juda koʻp muvaffaqiyatsiz urinishlar" in response.content.decode()
    assert len(outbox) == 3


def test_code_requests_are_limited_per_address(client, db):
    for n in range(10):
        ApplicantFactory(phone=f"+99890123450{n}")
        client.cookies.clear()
        client.post("/uz/account/login/code/", {"phone": f"+99890123450{n}"}, REMOTE_ADDR=ADDRESS)
    sent = len(outbox)
    assert sent == 10
    client.cookies.clear()
    response = client.post(
        "/uz/account/login/code/", {"phone": "+998901234567"}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 200
    assert "juda koʻp muvaffaqiyatsiz urinishlar" in response.content.decode()
    assert len(outbox) == sent


def test_the_account_page_needs_a_signed_in_user(client):
    response = client.get("/ky/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/ky/account/login/")


def test_the_account_page_shows_the_phone_and_saves_the_language(client, applicant):
    client.force_login(applicant)
    page = client.get("/uz/account/").content.decode()
    assert "+998 90 123 45 67" in page
    response = client.post("/uz/account/language/", {"language": "kaa"})
    assert response.status_code == 302
    assert Preference.objects.get(user=applicant).language == "kaa"
    client.post("/uz/account/language/", {"language": "xx"})
    assert Preference.objects.get(user=applicant).language == "kaa"


def test_a_signed_in_reader_signs_out_from_the_header_of_any_page(applicant):
    client = Client(enforce_csrf_checks=True)  # the form's own token must be good
    client.force_login(applicant)
    header = client.get("/ky/vacancies/", secure=True).content.decode().split("</header>")[0]
    form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', header, re.S)
    assert form and "Чыгуу" in form[2]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form[2])[1]
    same_site = {"secure": True, "HTTP_REFERER": "https://testserver/ky/vacancies/"}
    assert client.post(form[1], {}, **same_site).status_code == 403  # without it: refused
    client.post(form[1], {"csrfmiddlewaretoken": token}, **same_site)
    assert client.get("/ky/account/", secure=True).status_code == 302
    assert "Чыгуу" not in client.get("/ky/", secure=True).content.decode().split("</header>")[0]
