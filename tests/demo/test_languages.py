"""Issue 16: a demo vacancy reads in the page's language, whatever the language:
its title, visa kind and city in that language (the demo data is complete, so no
fallback shows), and nothing of English ("fictional") in its employer's name; the
footer says the data is fictional, in the page's language."""

import re

import pytest
from django.utils import translation

from demo import agencies as demo_agencies
from demo import vacancies as demo_vacancies
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[А-Яа-яЁёӨөҮүҢң]")
LATIN = re.compile(r"[A-Za-z]")
NOTICE = {
    "uz": "Bu namoyish uchun",
    "kaa": "Bul kórsetiw ushın",
    "ky": "Бул демонстрация",
    "ru": "Это демонстрация",
}


@pytest.fixture
def one_of_each_job(settings):
    settings.DEMO_NOTICE = True
    demo_agencies.seed()
    demo_vacancies.seed()
    chosen = {}
    for vacancy in Vacancy.objects.public().order_by("pk"):
        chosen.setdefault(vacancy.title_en, vacancy)
    assert len(chosen) == len({job["title_en"] for job in demo_vacancies.JOBS})
    return list(chosen.values())


@pytest.mark.parametrize("lang", ["uz", "kaa", "ky", "ru"])
def test_every_demo_job_reads_in_the_pages_language(client, one_of_each_job, lang):
    script = CYRILLIC if lang in ("ky", "ru") else LATIN
    for vacancy in one_of_each_job:
        page = client.get(f"/{lang}/vacancies/{vacancy.pk}/").content.decode()
        title = getattr(vacancy, f"title_{lang}")
        with translation.override(lang):
            visa, city = vacancy.visa_type_name, vacancy.city_name
        with translation.override("en"):
            english = {vacancy.visa_type_name, vacancy.city_name}
        assert title and f"<h1>{title}</h1>" in page, (lang, vacancy.title_en)
        assert f"<dd>{visa}</dd>" in page and f", {city}</p>" in page
        assert visa not in english, visa
        assert script.search(title) and script.search(visa) and script.search(city)
        if lang in ("ky", "ru"):  # a city's Latin name is its Uzbek one too, not so here
            assert not LATIN.search(city), city
        assert "fictional" not in vacancy.employer_name
        assert NOTICE[lang] in page


def test_the_sample_feed_reads_in_every_language_too():
    """`feeds/samples/vacancies.json` is what `make run`'s demo feed publishes."""
    import json
    from pathlib import Path

    from django.conf import settings

    from vacancies.names import city_name, visa_name

    sample = json.loads((Path(settings.BASE_DIR) / "feeds/samples/vacancies.json").read_text())
    for record in sample["records"]:
        assert all(record.get(f"title_{lang}") for lang in ("en", "uz", "kaa", "ky", "ru"))
        assert "fictional" not in record["employer_name"]
        with translation.override("ky"):
            assert CYRILLIC.search(city_name(record["city"])), record["city"]
            assert CYRILLIC.search(visa_name(record["visa_type"])), record["visa_type"]


def test_demo_interviews_are_written_in_the_applicants_language():
    """A recruiter writes the interview place to the applicant, in the language
    the applicant reads (the demo's Kyrgyz applicants read Kyrgyz)."""
    from accounts.selectors import language_of
    from applications.models import Application
    from demo import applications as demo_applications

    demo_agencies.seed()
    demo_vacancies.seed()
    demo_applications.seed()
    invited = Application.objects.exclude(interview_place="").select_related("applicant")
    languages = set()
    for application in invited:
        language = language_of(application.applicant, default=None)
        languages.add(language)
        script = CYRILLIC if language == "ky" else LATIN
        assert script.search(application.interview_place), (language, application.interview_place)
        if language != "ky":
            assert not CYRILLIC.search(application.interview_place)
    assert {"uz", "ky"} <= languages


def test_demo_help_requests_are_written_in_their_own_language():
    """The person writes the description and the city in the language of the case."""
    from demo import directory as demo_directory
    from demo import helpdesk as demo_helpdesk
    from helpdesk.models import Case

    demo_directory.seed()
    demo_helpdesk.seed()
    cases = list(Case.objects.all())
    assert len(cases) == len(demo_helpdesk.CASES)
    for case in cases:
        script = CYRILLIC if case.language in ("ky", "ru") else LATIN
        assert script.search(case.description) and script.search(case.city), case.language
        if case.language in ("ky", "ru"):
            assert not LATIN.search(case.description + case.city), case.description
        assert "Demo" not in case.description


def test_demo_directory_is_complete_in_every_language():
    """Every text of every demo organisation is given in all five languages, so
    no page shows one in another language."""
    from demo import directory as demo_directory

    for entry in demo_directory.ORGANISATIONS:
        for field in demo_directory.TRANSLATED:
            if field in entry:
                assert set(entry[field]) == {"en", "uz", "kaa", "ky", "ru"}, (entry["key"], field)
                assert all(entry[field].values()), (entry["key"], field)
