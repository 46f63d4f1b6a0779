import pytest
from django.utils import translation

from vacancies.models import Country, Occupation
from vacancies.reference import load_country_guides, load_occupations

pytestmark = pytest.mark.django_db


def test_isco08_is_loaded_by_migration_in_five_languages():
    assert Occupation.objects.filter(level=1).count() == 10
    assert Occupation.objects.filter(level=4).count() == 436
    welder = Occupation.objects.get(code="7212")
    assert welder.parent.parent.parent.code == "7"
    with translation.override("ru"):
        assert welder.title == "Сварщики и газорезчики"
    with translation.override("kaa"):
        assert welder.title.startswith("Svarshıklar")


def test_loading_again_changes_nothing_and_repairs_edits():
    assert load_occupations() == (0, 0)
    Occupation.objects.filter(code="7212").update(title_en="typo")
    assert load_occupations() == (0, 1)
    assert Occupation.objects.get(code="7212").title_en == "Welders and flamecutters"


def test_country_guides_are_loaded_with_their_review_notes_and_reload_idempotently():
    assert Country.objects.filter(reviewed_on__isnull=False).count() == 18
    korea = Country.objects.get(code="KR")
    assert "EPS" in korea.needs_review
    for lang in ("en", "uz", "kaa", "ky", "ru"):
        assert getattr(korea, f"schools_{lang}"), lang
        assert getattr(korea, f"complaints_and_help_{lang}"), lang
    assert load_country_guides() == (0, 0)
    Country.objects.filter(code="KR").update(climate_ru="")
    assert load_country_guides() == (0, 1)
