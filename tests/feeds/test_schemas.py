"""The published JSON Schemas describe what the apps accept."""

import json

import jsonschema
import pytest
from django.urls import reverse

from blacklist.models import BanRecord
from feeds.api import SCHEMAS
from tests.feeds.conftest import document, vacancy
from vacancies.api.serializers import VacancySerializer
from vacancies.models import Vacancy


def schema(kind):
    return json.loads((SCHEMAS / f"{kind}.json").read_text())


def record_properties(kind):
    return schema(kind)["properties"]["records"]["items"]["properties"]


def test_schemas_match_the_apps_fields_and_choices():
    writable = {name for name, field in VacancySerializer().fields.items() if not field.read_only}
    assert set(record_properties("vacancies")) == writable
    assert record_properties("vacancies")["language"]["enum"] == Vacancy.Language.values
    assert record_properties("bans")["basis"]["enum"] == BanRecord.Basis.values


def test_documents_the_tests_send_are_valid():
    for kind in ("vacancies", "bans", "licences", "rates"):
        jsonschema.Draft202012Validator.check_schema(schema(kind))
    jsonschema.validate(document("vacancies", [vacancy("V1")]), schema("vacancies"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document("bans", [vacancy("V1")]), schema("vacancies"))


@pytest.mark.django_db
def test_schemas_are_served_by_the_api(client):
    response = client.get(reverse("feed-schema", args=["rates"]))
    assert response.status_code == 200
    assert response.json()["properties"]["kind"] == {"const": "rates"}
    assert client.get(reverse("feed-schema", args=["nothing"])).status_code == 404
