"""The template-free select writes what Django's own select writes."""

import pytest
from django import forms
from django.test.html import parse_html

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
