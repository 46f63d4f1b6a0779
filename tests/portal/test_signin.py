"""Brute-force protection of the sign-in (django-axes): wrong passwords lock one
account from one address, for a while, with a translated page; what is kept of
it holds no password and is erased on schedule; only superusers see it."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from portal.tasks import clear_signin_records
from tests.factories.users import StaffUserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
WRONG = "Tr0ub4dor&3-wrong"
OFFICE = "203.0.113.7"  # one NAT address shared by a whole office
# The admin's login is allauth's (accounts/apps.py): staff sign in there.
LOGIN = "/{lang}/account/login/?next=/{lang}/admin/"


def sign_in(client, username, password, *, address=OFFICE, lang="en"):
    return client.post(
        LOGIN.format(lang=lang),
        {"login": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"].endswith("/admin/")


@pytest.fixture
def officer():
    return StaffUserFactory(username="officer", password=PASSWORD)


def test_the_fifth_wrong_password_locks_the_account_from_that_address(client, officer):
    for _ in range(4):
        response = sign_in(client, "officer", WRONG)
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, "officer", WRONG)
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"

    refused = sign_in(client, "officer", PASSWORD, lang="ru")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Вход временно приостановлен" in html
    assert "Повторите попытку через 15 мин." in html
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("uz", "Kirish vaqtincha toʻxtatildi"),
        ("kaa", "Kiriw waqtınsha toqtatıldı"),
        ("ky", "Кирүү убактылуу токтотулду"),
    ],
)
def test_the_lockout_page_is_in_the_readers_language(client, officer, lang, title):
    for _ in range(5):
        sign_in(client, "officer", WRONG, lang=lang)
    response = sign_in(client, "officer", PASSWORD, lang=lang)
    assert response.status_code == 429
    assert title in response.content.decode()


def test_a_lockout_stops_neither_colleagues_behind_the_same_address_nor_the_officer_elsewhere(
    client, officer
):
    StaffUserFactory(username="colleague", password=PASSWORD)
    for _ in range(5):
        sign_in(client, "officer", WRONG)
    assert sign_in(client, "officer", PASSWORD).status_code == 429

    assert signed_in(sign_in(client, "colleague", PASSWORD))
    client.logout()
    assert signed_in(sign_in(client, "officer", PASSWORD, address="198.51.100.20"))


def test_the_lock_lifts_after_the_cool_off(client, officer):
    for _ in range(4):
        sign_in(client, "officer", WRONG)
    assert sign_in(client, "officer", WRONG).status_code == 429
    # Fifteen minutes later (moved back rather than waited for: a password check
    # takes a second on a busy machine, longer than a short test cool-off).
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=1))
    assert signed_in(sign_in(client, "officer", PASSWORD))


def test_the_lockout_is_recorded_and_logged_without_the_password(client, officer, caplog):
    """The record holds what the lock needs; the log says a lockout happened and
    names neither the account nor the address (the admin shows them to superusers)."""
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            sign_in(client, "officer", WRONG)
    attempt = AccessAttempt.objects.get(username="officer", ip_address=OFFICE)
    assert attempt.failures_since_start == 5
    assert "Locking out" in caplog.text
    assert "officer" not in caplog.text
    assert OFFICE not in caplog.text
    stored = " ".join(str(value) for value in AccessAttempt.objects.values_list())
    for secret in (WRONG, PASSWORD):
        assert secret not in caplog.text
        assert secret not in stored


def test_sign_in_records_are_erased_on_schedule(client, officer):
    assert PeriodicTask.objects.filter(task="portal.tasks.clear_signin_records").exists()
    sign_in(client, "officer", WRONG, address="198.51.100.1")
    sign_in(client, "officer", WRONG, address="198.51.100.2")
    assert signed_in(sign_in(client, "officer", PASSWORD))
    client.logout()  # the login page sends a signed-in user on without signing in again
    assert signed_in(sign_in(client, "officer", PASSWORD, address="198.51.100.3"))
    AccessAttempt.objects.filter(ip_address="198.51.100.1").update(
        attempt_time=timezone.now() - timedelta(minutes=16)
    )
    AccessLog.objects.filter(ip_address=OFFICE).update(
        attempt_time=timezone.now() - timedelta(days=91)
    )

    assert clear_signin_records() == {"attempts": 1, "logs": 1}
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.2"]
    assert list(AccessLog.objects.values_list("ip_address", flat=True)) == ["198.51.100.3"]


def test_only_superusers_see_sign_in_records(client, admin_client):
    auditors = Group.objects.create(name="Hand-made auditors")
    auditors.permissions.set(Permission.objects.filter(content_type__app_label="axes"))
    auditor = StaffUserFactory()
    auditors.user_set.add(auditor)
    client.force_login(auditor)
    for path in ("/en/admin/axes/accessattempt/", "/en/admin/axes/accesslog/"):
        assert client.get(path).status_code == 403
        assert admin_client.get(path).status_code == 200
    assert "/admin/axes/" not in client.get("/en/admin/").content.decode()
