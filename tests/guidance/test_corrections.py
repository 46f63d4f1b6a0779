"""The corrections of issue 14, each pinned where its text lives: guides, topic
pages, the home page, catalogs, README and the demo data."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from demo import agencies as demo_agencies
from demo import vacancies as demo_vacancies
from guidance.content import CONTENT_FILE
from vacancies.models import Country
from vacancies.reference import GUIDES_FILE

BASE = Path(settings.BASE_DIR)
LANGUAGES = ["uz", "kaa", "ky", "ru", "en"]
# Kyrgyzstan's State Migration Service, abolished in 2021, in every language.
ABOLISHED = re.compile(
    r"state migration service|государственн\w* миграционн\w* служб|"
    r"davlat migratsiya xizmat|mámleketlik migraciya xızmet|мамлекеттик миграция кызмат",
    re.I,
)
# The only way a text may name it: to say it is gone.
ABOLISHED_SAID = re.compile(r"abolished|упразднен|tugatilgan|biykar etilgen|жоюлган", re.I)
SCANNED = ("*.py", "*.html", "*.json", "*.md", "*.po", "*.txt")


def project_texts():
    for pattern in SCANNED:
        for path in BASE.rglob(pattern):
            parts = set(path.relative_to(BASE).parts)
            if parts & {".venv", "node_modules", "staticfiles", ".git", "tests"}:
                continue
            yield path, path.read_text(encoding="utf-8", errors="replace")


def sentences(text):
    return re.split(r"(?<=[.!?])\s+|\n", text)


def test_no_text_sends_anyone_to_the_abolished_state_migration_service():
    for path, text in project_texts():
        for sentence in sentences(text):
            if ABOLISHED.search(sentence):
                assert ABOLISHED_SAID.search(sentence), f"{path}: {sentence[:200]}"


@pytest.mark.django_db
def test_no_page_sends_anyone_to_the_abolished_service(client, content):
    from guidance.models import Topic

    pages = [f"/{lang}/" for lang in LANGUAGES]
    pages += [f"/{lang}/countries/{c.code}/" for c in Country.objects.all() for lang in LANGUAGES]
    pages += [
        f"/{lang}/help/topics/{slug}/"
        for slug in Topic.objects.values_list("slug", flat=True)
        for lang in LANGUAGES
    ]
    for page in pages:
        for sentence in sentences(client.get(page).content.decode()):
            if ABOLISHED.search(sentence):
                assert ABOLISHED_SAID.search(sentence), f"{page}: {sentence[:200]}"


def test_kyrgyz_agencies_are_licensed_by_the_ministry_and_monitored_by_the_center():
    assert demo_agencies.AUTHORITIES["KG"]["name"]["en"] == (
        "Ministry of Labour, Social Security and Migration"
    )
    topic = next(
        t
        for t in json.loads(CONTENT_FILE.read_text())["topics"]
        if t["slug"] == "benefits-kyrgyzstan"
    )
    assert (
        "It licenses private employment agencies; "
        "its Center for Employment of Citizens Abroad monitors them." in topic["body"]["en"]
    )


STOCK_SENTENCE = (
    "About two million Uzbek citizens (registered migrant workers, 2023) and about "
    "650,000 Kyrgyz citizens (2024) are abroad for work at any one time."
)


@pytest.mark.django_db
def test_the_home_page_states_stocks_not_a_yearly_flow(client):
    for lang in LANGUAGES:
        html = client.get(f"/{lang}/").content.decode()
        assert not re.search(
            r"Every year about two million|Каждый год около двух|Har yili|Hár jılı|Жыл сайын", html
        )
    html = client.get("/en/").content.decode()
    assert "two million" not in html or STOCK_SENTENCE in html  # a figure only as a stock
    readme = (BASE / "README.md").read_text()
    assert "every year" not in readme.lower().split("## quick start")[0]


def guides():
    return json.loads(GUIDES_FILE.read_text(encoding="utf-8"))["countries"]


def test_russia_refuses_school_only_to_children_on_the_controlled_persons_register():
    schools = guides()["RU"]["guide"]["children_and_schools"]
    marks = {
        "en": "register of controlled persons",
        "ru": "реестр контролируемых лиц",
        "uz": "nazoratdagi shaxslar reyestri",
        "kaa": "baqlawdaǵı shaxslar reestri",
        "ky": "көзөмөлдөгү адамдардын реестри",
    }
    for lang in LANGUAGES:
        assert marks[lang] in schools[lang], lang
        assert "2025" not in schools[lang], lang


def test_uk_migrants_find_halal_food_hard_to_find():
    food = guides()["GB"]["guide"]["food"]
    assert "halal food is hard to find" in food["en"]
    assert "easy" not in food["en"]
    assert (
        "трудно" in food["ru"]
        and "qiyin" in food["uz"]
        and "кыйын" in food["ky"]
        and "qıyın" in food["kaa"]
    )


def test_the_date_of_the_uzbek_deposit_rise_is_not_invented():
    (rise,) = [m for m in demo_agencies.AUTHORITIES["UZ"]["minimums"] if m[0] == 200000]
    assert rise[2] != datetime.date(2024, 10, 17)  # the decree on the agency, not the deposit
    for path, text in project_texts():
        assert not re.search(r"deposit\w*[^.]{0,80}(17 October 2024|2024-10-17)", text, re.I), path


def test_korean_eps_vacancies_come_from_organised_recruitment_with_two_year_contracts():
    eps = [job for job in demo_vacancies.JOBS if job["country"] == "KR"]
    assert eps and all(
        job["channel"] == "authority" and job["contract_months"] <= 24 for job in eps
    )
    sample = json.loads((BASE / "feeds/samples/vacancies.json").read_text())
    assert all(
        r["channel"] == "authority" and r["contract_months"] <= 24 for r in sample["records"]
    )
    korea = guides()["KR"]["guide"]["entry_and_permits"]["en"]
    assert "contracts are up to 2 years" in korea


def test_the_migration_funds_cover_is_stated_as_the_sources_do():
    topic = next(
        t
        for t in json.loads(CONTENT_FILE.read_text())["topics"]
        if t["slug"] == "benefits-uzbekistan"
    )
    body = topic["body"]["en"]
    for part in (
        "legal and social protection to migrants who are victims of violence, "
        "forced labour or discrimination",
        "covers the medical costs of migrants who are injured or unable to pay",
        "repatriates migrants who died or were severely injured",
        "returns deported migrants",
        "the Fund targets legal migrants",
        "up to 10 million UZS for two years, "
        "for migrants leaving in an organised way to work in developed countries",
    ):
        assert part in body, part
    for code, entry in guides().items():
        assert "covers legal aid, medical costs and repatriation" not in entry["guide"].get(
            "complaints_and_legal_help", {}
        ).get("en", ""), code
