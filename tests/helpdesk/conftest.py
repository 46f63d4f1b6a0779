import pytest
from django.test import Client

from helpdesk.staff import HELPDESK_GROUP
from tests.factories.users import StaffUserFactory, give_second_factor

# What a person writes in the tests: it must reach no log and no page but theirs.
SECRET_TEXT = "Zafarbek-Qodirov-unpaid-7391"


@pytest.fixture
def officer(db):
    """A member of the help desk with the second factor the group needs."""
    user = StaffUserFactory(username="desk", groups=[HELPDESK_GROUP])
    user.totp_secret = give_second_factor(user)
    return user


@pytest.fixture
def officer_client(officer):
    client = Client()
    client.force_login(officer)
    return client


def form_data(**overrides):
    data = {
        "category": "unpaid_wages",
        "country": "RU",
        "city": "Kazan",
        "channel": "phone",
        "contact": "+998 90 123 45 67",
        "email": "",
        "language": "kaa",
        "description": SECRET_TEXT,
    }
    data.update(overrides)
    return data
