"""Sign-up with a mobile number and a password, the number confirmed by a code
sent by SMS (django-allauth with accounts' adapter)."""

import time

import pytest
from django.contrib.auth.models import User

from accounts.models import Consent, Phone, Preference
from accounts.phones import phone_of
from accounts.privacy import PRIVACY_VERSION
from accounts.sms import outbox
from tests.accounts.conftest import last_code, sign_up
from tests.factories.users import ApplicantFactory

pytestmark = pytest.mark.django_db
VERIFY = "/ky/account/phone/verify/"


def test_sign_up_in_kyrgyz_with_a_local_number_and_the_texted_code(client, signed_up):
    [sms] = outbox
    assert sms.number == "+996555123456"
    user = User.objects.get()
    assert phone_of(user) is None  # not confirmed yet
    assert "_auth_user_id" not in client.session

    response = client.post(VERIFY, {"code": last_code()})
    assert response.status_code == 302
    assert response["Location"] == "/ky/account/"
    assert phone_of(user) == "+996555123456"
    assert client.session["_auth_user_id"] == str(user.pk)
    consent = Consent.objects.get(user=user)
    assert consent.purpose == "signup" and consent.version == PRIVACY_VERSION and consent.given_at
    assert Preference.objects.get(user=user).language == "ky"
    page = client.get("/ky/account/").content.decode()
    assert "+996 555 123 456" in page


def test_the_texted_code_is_in_the_language_of_the_page(client, db):
    sign_up(client, "+998 90 123 45 67", lang="ru")
    assert outbox[-1].number == "+998901234567"
    assert outbox[-1].text.startswith("Безопасная работа за рубежом: ваш код ")
    assert last_code().isdigit() and len(last_code()) == 6


def test_a_wrong_code_is_refused_and_changes_nothing(client, signed_up):
    response = client.post(VERIFY, {"code": "WRONG-CODE"})
    assert response.status_code == 200
    assert (
        "Код туура эмес" in response.content.decode() or "туура эмес" in response.content.decode()
    )
    assert not Phone.objects.get().verified
    assert "_auth_user_id" not in client.session


def test_too_many_wrong_codes_end_the_attempt(client, signed_up):
    for _ in range(3):
        client.post(VERIFY, {"code": "WRONG-CODE"})
    response = client.post(VERIFY, {"code": last_code()})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not Phone.objects.get().verified
    assert "_auth_user_id" not in client.session


def test_an_expired_code_is_refused(client, signed_up, monkeypatch):
    from allauth.account.internal.flows import code_verification

    later = time.time() + 16 * 60

    class Clock:
        @staticmethod
        def time():
            return later

    monkeypatch.setattr(code_verification, "time", Clock)
    response = client.post(VERIFY, {"code": last_code()})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not Phone.objects.get().verified
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("ky", "0555 12", "Бул SMS код жөнөтө турган мобилдик телефон номери эмес"),
        ("ru", "90 123 45 67", "Это не номер мобильного телефона"),
        ("uz", "hello", "Bu kod yuborib boʻladigan mobil telefon raqami emas"),
        ("kaa", "+998 71 123 45 67", "Bul kod jiberiwge bolatuǵın mobil telefon nomeri emes"),
        ("en", "12345", "This is not a mobile phone number we can send a code to"),
    ],
)
def test_a_malformed_phone_gets_a_clear_message_and_creates_nothing(
    client, db, lang, typed, message
):
    response = sign_up(client, typed, lang=lang)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()
    assert outbox == []


def test_sign_up_needs_the_consent(client, db):
    response = sign_up(client, "0555 123 456", consent=False)
    assert response.status_code == 200
    assert "макул" in response.content.decode().lower()
    assert not User.objects.exists()
    assert outbox == []


def test_a_number_that_has_an_account_gets_no_second_one(client, db):
    ApplicantFactory(phone="+996555123456")
    response = sign_up(client, "0555 123 456")
    # Nobody learns from the page whether the number has an account; its owner gets a text.
    assert response.status_code == 302
    assert User.objects.count() == 1
    assert outbox[-1].number == "+996555123456"
    assert "сизде аккаунт бар" in outbox[-1].text


def test_sign_ups_are_limited_per_address(client, db):
    for n in range(5):
        client.cookies.clear()
        assert sign_up(client, f"0555 12{n} 456").status_code == 302
    client.cookies.clear()
    response = sign_up(client, "0555 129 456")
    assert response.status_code == 429
    assert User.objects.count() == 5
