import pytest
from django.utils import translation

from vacancies.models import Occupation
from vacancies.reference import load_occupations

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
