"""The template-free select writes what Django's own select writes."""

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.test.html import parse_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from ui.widgets import Select

CHOICES = [("", "Any"), ("ko", "Korean"), ("x&y", "<b>Tom & Jerry</b>"), (3, "Three")]


@pytest.mark.parametrize("value", [None, "", "ko", "x&y", 3, "unknown"])
def test_same_html_as_djangos_select(value):
    attrs = {"id": "id_language", "required": True, "aria-invalid": "true", "class": "wide"}
    ours = Select(choices=CHOICES).render("language", value, attrs)
    djangos = forms.Select(choices=CHOICES).render("language", value, attrs)
    assert parse_html(ours) == parse_html(djangos)
    assert "<b>" not in ours


def test_option_groups_are_left_to_django():
    choices = [("Asia", [("KR", "South Korea")]), ("Europe", [("GB", "United Kingdom")])]
    ours = Select(choices=choices).render("country", "GB")
    assert parse_html(ours) == parse_html(forms.Select(choices=choices).render("country", "GB"))
    assert "<optgroup" in ours


def test_one_option_selected_as_djangos():
    choices = [("a", "A"), ("a", "A again"), ("b", "B")]
    ours = Select(choices=choices).render("letter", "a")
    assert parse_html(ours) == parse_html(forms.Select(choices=choices).render("letter", "a"))
    assert ours.count(" selected") == 1


def test_several_selected_when_several_are_allowed():
    class Several(Select):
        allow_multiple_selected = True

    choices = [("a", "A"), ("b", "B"), ("c", "C")]
    ours = Several(choices=choices).render("letters", ["a", "c"])
    djangos = forms.SelectMultiple(choices=choices).render("letters", ["a", "c"])
    assert parse_html(ours) == parse_html(djangos)


def test_lazy_and_safe_labels_as_djangos():
    choices = [("", gettext_lazy("Any")), ("s", mark_safe("<i>kept</i>")), (None, "None")]
    ours = Select(choices=choices).render("x", None)
    assert parse_html(ours) == parse_html(forms.Select(choices=choices).render("x", None))


def test_a_safe_label_never_answers_for_the_same_text_unmarked():
    """Options are written once per value and label (`ui.widgets._option`): a
    label marked safe and the same text unmarked are equal strings, and each must
    still be written its own way, whichever comes first."""
    text, safe = "<i>kept</i>", mark_safe("<i>kept</i>")
    for first, second in ((safe, text), (text, safe)):
        for label in (first, second):
            ours = Select(choices=[("s", label)]).render("x", None)
            djangos = forms.Select(choices=[("s", label)]).render("x", None)
            assert parse_html(ours) == parse_html(djangos)
            assert ("<i>" in ours) is (label is not text)


@pytest.mark.django_db
def test_a_model_menu_is_read_in_one_query_without_a_count(django_assert_num_queries):
    Group.objects.create(name="Officers")
    field = forms.ModelChoiceField(Group.objects.all(), widget=Select)
    with django_assert_num_queries(1):
        html = field.widget.render("group", None)
    assert "Officers" in html
