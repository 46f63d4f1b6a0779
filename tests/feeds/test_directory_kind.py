"""An authority keeps the directory of help in sync with a feed: organisations
created, updated, refused with the field named, hidden when a full list leaves
them out; the published JSON Schema and sample describe what is accepted."""

import json

import jsonschema
import pytest

from directory.models import Organisation
from feeds import sync
from feeds.api import SCHEMAS
from feeds.views import SAMPLES
from tests.feeds.conftest import document

pytestmark = pytest.mark.django_db


def office(external_id, **fields):
    return {
        "external_id": external_id,
        "name_en": f"Office {external_id}",
        "name_ru": f"Офис {external_id}",
        "kind": "agency_office",
        "country": "ru",
        "services": ["unpaid_wages", "documents"],
        "languages": ["uz", "ru"],
        "phone": "+7 000 000-00-00",
        **fields,
    }


def test_a_directory_feed_creates_updates_refuses_and_withdraws(partner_server, make_feed):
    url = partner_server.serve(
        "/d.json", document("directory", [office(f"O{n}") for n in range(6)])
    )
    feed = make_feed(url, kind="directory")
    run = sync.run_feed(feed)
    assert (run.outcome, run.created) == ("success", 6)
    first = Organisation.objects.get(external_id="O0")
    assert (first.country.code, first.name_ru, first.contacts_status) == (
        "RU",
        "Офис O0",
        "unverified",
    )
    assert set(first.services.values_list("need", flat=True)) == {"unpaid_wages", "documents"}
    assert first.source == str(feed)

    records = [office(f"O{n}") for n in range(6)]
    records[0] = office("O0", services=["violence"], city_en="Kazan")
    records[1] = office("O1", services=["magic"])
    records[2] = office("O2", contacts_status="verified")  # without the date
    records.append(office("O9", kind="castle", name_en=""))
    partner_server.serve("/d.json", document("directory", records))
    run = sync.run_feed(feed)
    assert (run.outcome, run.updated, run.unchanged, run.rejected) == ("partial", 1, 3, 3)
    refused = set(run.rejected_records.values_list("line", "field"))
    assert {(2, "services"), (3, "verified_on"), (7, "kind"), (7, "name_en")} <= refused
    first.refresh_from_db()
    assert first.city_en == "Kazan"
    assert set(first.services.values_list("need", flat=True)) == {"violence"}

    partner_server.serve("/d.json", document("directory", [office(f"O{n}") for n in range(1, 6)]))
    run = sync.run_feed(feed)
    assert run.withdrawn == 1
    assert not Organisation.objects.get(external_id="O0").is_active


def test_a_csv_directory_feed(partner_server, make_feed):
    body = (
        "external_id,name_en,kind,country,services,languages,contacts_status,verified_on\n"
        "C1,Consulate,embassy,KR,documents;detention,ko;uz,verified,2026-11-20\n"
    )
    feed = make_feed(partner_server.serve("/d.csv", body), kind="directory", format="csv")
    assert sync.run_feed(feed).created == 1
    consulate = Organisation.objects.get()
    assert (consulate.is_verified, consulate.languages) == (True, ["ko", "uz"])


def test_the_schema_and_sample_describe_the_directory_kind(client):
    schema = json.loads((SCHEMAS / "directory.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads((SAMPLES / "directory.json").read_text()), schema)
    properties = schema["properties"]["records"]["items"]["properties"]
    assert properties["kind"]["enum"] == Organisation.Kind.values
    assert client.get("/api/v1/feeds/schemas/directory/").status_code == 200
