"""A guide section whose facts are marked for checking is hidden from the public
(page, leaflet, API) until an editor clears it: one rule,
`vacancies.selectors.guide_sections`."""

import pytest
from django.core.exceptions import ValidationError

from vacancies.models import Country
from vacancies.selectors import guide_sections

pytestmark = pytest.mark.django_db


def test_a_section_to_check_is_hidden_everywhere_until_cleared(client, api_client, content):
    russia = Country.objects.get(code="RU")
    schools = russia.schools_en[:40]
    assert schools in client.get("/en/countries/RU/").content.decode()

    russia.sections_to_check = ["schools"]
    russia.save()
    assert schools not in client.get("/en/countries/RU/").content.decode()
    assert schools not in client.get("/en/countries/RU/leaflet/").content.decode()
    assert api_client.get("/api/v1/countries/RU/").json()["schools_en"] == ""
    assert "Kindergartens and schools" not in [str(h) for h, _t in guide_sections(russia)]

    russia.sections_to_check = []
    russia.save()
    assert schools in client.get("/en/countries/RU/").content.decode()
    assert api_client.get("/api/v1/countries/RU/").json()["schools_en"] == russia.schools_en


def test_an_unknown_section_cannot_be_marked():
    country = Country(code="JP", name="Japan", sections_to_check=["weather"])
    with pytest.raises(ValidationError) as error:
        country.full_clean()
    assert "sections_to_check" in error.value.message_dict


def test_the_new_guides_are_published_and_say_what_the_sources_do_not_cover(client, content):
    for code in ("HR", "QA", "SK", "JP", "RS", "BE", "ME"):
        html = client.get(f"/en/countries/{code}/").content.decode()
        assert "being written" not in html, code
        assert "do not describe the visa, work permit or registration rules" in html, code
        assert "do not cover this country" in html, code
