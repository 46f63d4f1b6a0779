"""Issue 16: where an agency is, in each reader's language (modeltranslation on
region and address): the demo registry in every language, officers editing each
language in its tab, and what agencies had kept as their English text."""

import pytest

from agencies.models import Agency
from demo import agencies as demo_agencies


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "script"),
    [("uz", "latin"), ("kaa", "latin"), ("ky", "cyrillic"), ("ru", "cyrillic")],
)
def test_an_agencys_page_says_where_it_is_in_the_readers_language(client, lang, script):
    demo_agencies.seed()
    agency = Agency.objects.exclude(region_ky="").order_by("pk").first()
    region, address = getattr(agency, f"region_{lang}"), getattr(agency, f"address_{lang}")
    assert region != agency.region_en or region in ("Bishkek", "Osh", "Tashkent")
    page = client.get(f"/{lang}/agencies/{agency.pk}/").content.decode()
    assert f"<dd>{address}, {region}</dd>" in page
    assert agency.address_en not in page
    cyrillic = any("а" <= ch.lower() <= "я" for ch in address)
    assert cyrillic == (script == "cyrillic")


@pytest.mark.django_db
def test_officers_write_each_language_in_its_tab(client, officer, make_agency):
    agency = make_agency()
    client.force_login(officer)
    page = client.get(f"/en/admin/agencies/agency/{agency.pk}/change/").content.decode()
    for lang in ("en", "uz", "kaa", "ky", "ru"):
        assert f'name="address_{lang}"' in page and f'name="region_{lang}"' in page


@pytest.mark.django_db(transaction=True)
def test_what_agencies_had_becomes_their_english_text(migrator):
    old = migrator.apply_initial_migration(("agencies", "0007_report_violation_message"))
    old.apps.get_model("agencies", "Agency").objects.create(
        country="KG", legal_name='ОсОО "Тест"', tax_number="1", region="Osh", address="5, Lenin St."
    )
    new = migrator.apply_tested_migration(("agencies", "0008_agency_region_address_languages"))
    agency = new.apps.get_model("agencies", "Agency").objects.get()
    assert (agency.region_en, agency.address_en) == ("Osh", "5, Lenin St.")
    assert agency.region_ky is None and agency.address_ru is None
