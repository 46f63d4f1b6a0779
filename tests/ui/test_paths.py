"""`ui.paths.detail_path` gives what `reverse` gives, in every language and under a
script prefix (a portal served below a path), though it reverses once for each."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from ui.paths import detail_path


@pytest.mark.parametrize("view_name", ["vacancies:detail", "agencies:detail"])
@pytest.mark.parametrize("language", ["uz", "kaa", "ky", "ru", "en"])
@pytest.mark.parametrize("script_prefix", ["/", "/portal/"])
def test_detail_path_is_the_reversed_path(view_name, language, script_prefix):
    set_script_prefix(script_prefix)
    try:
        with translation.override(language):
            for pk in (1, 7, 123456):
                assert detail_path(view_name, pk) == reverse(view_name, args=[pk])
            assert detail_path(view_name, 7).startswith(f"{script_prefix}{language}/")
    finally:
        clear_script_prefix()
