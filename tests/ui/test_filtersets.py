"""`ui.filtersets.FormClassBuiltOnce`: the filter sets' form class is built once, and
every form still has its own fields, its reader's language and its own menus."""

import pytest
from django.utils import translation

from agencies.filters import AgencyFilter
from tests.factories.vacancies import CountryFactory
from vacancies.filters import VacancyFilter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("filter_set", [VacancyFilter, AgencyFilter])
def test_the_form_class_is_built_once_per_filter_set(filter_set):
    assert filter_set({}).form.__class__ is filter_set({"q": "x"}).form.__class__


def test_each_form_has_its_own_fields_in_its_readers_language():
    CountryFactory(code="XT", name_en="Testland", name_ru="Тестландия")
    with translation.override("en"):
        english = VacancyFilter({"country": "XT"})
        assert english.is_valid()
        english.form.fields["country"].widget.attrs["data-mark"] = "one form only"
        assert ">Testland<" in str(english.form["country"])
    with translation.override("ru"):
        russian = VacancyFilter({"country": "XT"})
        assert russian.is_valid()
        html = str(russian.form["country"])
        assert ">Тестландия<" in html and "data-mark" not in html


def test_a_new_destination_is_a_valid_choice_at_once():
    """The menus are read when a form is checked, not when its class was built."""
    assert not VacancyFilter({"country": "XU"}).is_valid()
    CountryFactory(code="XU", name_en="Newland")
    assert VacancyFilter({"country": "XU"}).is_valid()
