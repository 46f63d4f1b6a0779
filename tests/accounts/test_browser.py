"""In real Chromium, on a 360-px phone: sign up in Kyrgyz with a local number,
type the code the test SMS backend received, reach the account page. Every page
on the way is axe-clean, has no script to depend on and no horizontal scroll."""

import pytest
from django.contrib.auth.models import User

from accounts.phones import phone_of
from accounts.sms import outbox
from tests.accounts.conftest import PASSWORD, last_code
from tests.factories.users import StaffUserFactory, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_page(browser):
    # Scripts stay on only so that axe can run: the pages have none (asserted).
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ky-KG")
    page = context.new_page()
    yield page
    # No request may still be on the live server when the database is flushed: on
    # SQLite, a session it was saving locked the table and failed the teardown.
    page.wait_for_load_state("networkidle")
    context.close()


def clean(page, axe):
    assert page.locator("script").count() == 0, page.url
    violations = axe(page)
    assert violations == [], f"accessibility violations on {page.url}: {violations}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url


def test_sign_up_in_kyrgyz_with_a_phone(live_server, phone_page, axe):
    page = phone_page
    page.goto(f"{live_server.url}/ky/")
    page.get_by_role("link", name="Катталуу").first.click()
    page.wait_for_url("**/ky/account/signup/")
    clean(page, axe)
    assert "Phone" not in page.inner_text("main") and "Password" not in page.inner_text("main")

    # A number that is not one: a clear Kyrgyz message, nothing created.
    page.get_by_label("Мобилдик телефон номери").fill("0555 12")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_consent").check()
    page.locator("main button[type=submit]").click()
    assert "мобилдик телефон номери эмес" in page.inner_text("main")
    clean(page, axe)
    assert not User.objects.exists()

    page.get_by_label("Мобилдик телефон номери").fill("0555 123 456")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/ky/account/phone/verify/")
    clean(page, axe)
    assert outbox[-1].number == "+996555123456"

    page.locator("#id_code").fill(last_code())
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/ky/account/")
    clean(page, axe)
    assert "+996 555 123 456" in page.inner_text("main")
    assert phone_of(User.objects.get()) == "+996555123456"

    page.goto(f"{live_server.url}/ky/privacy/")
    clean(page, axe)


@pytest.mark.parametrize("lang", ["uz", "kaa", "ru"])
def test_sign_in_pages_are_accessible(live_server, phone_page, axe, lang):
    for path in ["account/login/", "account/login/code/", "account/signup/", "privacy/"]:
        phone_page.goto(f"{live_server.url}/{lang}/{path}")
        clean(phone_page, axe)


def test_staff_set_up_and_use_the_authenticator_app(live_server, phone_page, axe):
    page = phone_page
    auditor = StaffUserFactory(username="auditor", password=PASSWORD, groups=["Ban list auditor"])
    page.goto(f"{live_server.url}/ru/admin/")
    page.locator("#id_login").fill("auditor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/ru/account/reauthenticate/**")  # allauth: the password again
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/ru/account/2fa/totp/activate/**")
    clean(page, axe)
    assert page.locator(".qr svg").count() == 1  # drawn inline: the policy allows no data: images
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(totp_code(secret))
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/ru/account/2fa/recovery-codes/")
    clean(page, axe)
    page.goto(f"{live_server.url}/ru/admin/blacklist/banrecord/")
    assert page.url.endswith("/ru/admin/blacklist/banrecord/")
    assert auditor.authenticator_set.count() == 2  # the app and the recovery codes
