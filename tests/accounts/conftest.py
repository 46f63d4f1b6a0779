import re

import pytest

from accounts.sms import outbox

PASSWORD = "a long applicant password"  # ApplicantFactory's


def last_code():
    """The code of the last text sent (the test SMS backend keeps them)."""
    match = re.search(r"code is (\S+?)\.", outbox[-1].text) or re.search(
        r"([A-Z0-9]{4}-[A-Z0-9]{4}|\d{6})", outbox[-1].text
    )
    return match.group(1)


def sign_up(
    client, phone, *, lang="ky", password=PASSWORD, consent=True, address="198.51.100.10", **extra
):
    data = {"phone": phone, "password1": password, "password2": password, **extra}
    if consent:
        data["consent"] = "on"
    return client.post(f"/{lang}/account/signup/", data, REMOTE_ADDR=address)


@pytest.fixture
def signed_up(client, db):
    """Sign up in Kyrgyz with a local number; the code has been sent."""
    response = sign_up(client, "0555 123 456")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == "/ky/account/phone/verify/"
    return response
