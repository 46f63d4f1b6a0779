"""Content complete in every language: a topic page or a country guide missing a
language fails here; and every destination with public vacancies has a guide."""

import json
import re

import pytest
from django.conf import settings

from demo import vacancies as demo_vacancies
from guidance.content import CONTENT_FILE
from guidance.models import Stage, Topic
from tests.factories.vacancies import VacancyFactory
from vacancies import selectors
from vacancies.models import GUIDE_SECTIONS, Country
from vacancies.reference import GUIDES_FILE

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
SOURCE_FILES = (
    "000_55e2ba77c315795e.txt",
    "001_62ef7f542e24d0f2.txt",
    "002_53d13e0343eafa4e.txt",
    "003_3369b27ccaf5120a.txt",
    "004_c6b3f47a7a71d312.txt",
    "migration-facts.md",
)
ASCII_APOSTROPHE = re.compile(r"[OoGg]['‘’`]")


@pytest.mark.django_db
def test_every_stage_and_topic_is_complete_in_every_language(content):
    assert Stage.objects.count() == 3
    assert Topic.objects.count() >= 18
    for stage in Stage.objects.all():
        for field in ("title", "summary"):
            for lang in LANGUAGES:
                assert getattr(stage, f"{field}_{lang}").strip(), (stage.key, field, lang)
    for topic in Topic.objects.all():
        for field in ("title", "summary", "body"):
            for lang in LANGUAGES:
                assert getattr(topic, f"{field}_{lang}").strip(), (topic.slug, field, lang)


@pytest.mark.django_db
def test_every_published_guide_is_complete_in_every_language(content):
    guides = [c for c in Country.objects.all() if selectors.has_published_guide(c)]
    assert len(guides) >= 18
    for country in guides:
        for lang in LANGUAGES:
            assert getattr(country, f"name_{lang}").strip(), (country.code, lang)
        for field, _label in GUIDE_SECTIONS:
            if not getattr(country, f"{field}_en"):
                continue  # a section the sources do not cover is left out
            for lang in LANGUAGES:
                assert getattr(country, f"{field}_{lang}").strip(), (country.code, field, lang)


def test_every_topic_rests_on_cited_sources():
    data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    for topic in data["topics"]:
        assert topic["sources"], topic["slug"]
        for source in topic["sources"]:
            file, _sep, heading = source.partition(", ")
            assert file in SOURCE_FILES and heading, (topic["slug"], source)


def test_uzbek_and_karakalpak_content_write_the_modifier_letter():
    for path in (CONTENT_FILE, GUIDES_FILE):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith(('"uz"', '"kaa"')):
                assert not ASCII_APOSTROPHE.search(line), line[:120]


@pytest.mark.django_db
def test_every_destination_with_public_vacancies_has_a_published_guide(content):
    """Each destination the demo data and the partner samples publish vacancies for
    gets one; then no country with public vacancies may lack a guide."""
    destinations = set(demo_vacancies.DESTINATIONS) | {
        job["country"] for job in demo_vacancies.JOBS
    }
    destinations |= {"JP", "RS", "BE", "ME"}  # organised recruitment opened there
    for code in sorted(destinations):
        VacancyFactory(country=Country.objects.get(code=code))
    assert selectors.countries_without_guide() == []


@pytest.mark.django_db
def test_a_country_with_public_vacancies_and_no_guide_is_reported(content):
    VacancyFactory(country=Country.objects.create(code="NO", name_en="Norway"))
    assert selectors.countries_without_guide() == ["NO"]
    croatia = Country.objects.get(code="HR")
    VacancyFactory(country=croatia)
    croatia.sections_to_check = [field for field, _label in GUIDE_SECTIONS]
    croatia.save()
    assert selectors.countries_without_guide() == ["HR", "NO"]
