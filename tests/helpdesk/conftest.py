import pytest
from django.test import Client

from helpdesk.staff import HELPDESK_GROUP
from tests.factories.users import StaffUserFactory

# What a person writes in the tests: it must reach no log and no page but theirs.
SECRET_TEXT = "Zafarbek-Qodirov-unpaid-7391"


@pytest.fixture
def officer(db):
    return StaffUserFactory(username="desk", groups=[HELPDESK_GROUP])


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
