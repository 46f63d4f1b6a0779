"""The Jinja2 engine says what the Django templates said: the same translations,
numbers and dates in each language, escaped the same, and `makemessages` finds its
strings as the same msgids."""

import datetime
from decimal import Decimal

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from ui.jinja import render_fragment
from ui.messages import python_source


def render(source, **context):
    return engines["jinja2"].from_string(source).render(context)


def django_render(source, **context):
    return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize("language", ["uz", "kaa", "ky", "ru", "en"])
def test_translations_numbers_and_dates_as_in_django_templates(language):
    context = {"amount": Decimal("1234567.5"), "day": datetime.date(2026, 3, 9), "n": 3}
    jinja = (
        '{{ _("Jobs abroad") }}|{{ pgettext("button", "Search") }}|'
        "{% trans counter=n %}{{ counter }} vacancy found{% pluralize %}"
        "{{ counter }} vacancies found{% endtrans %}|"
        '{{ amount|floatformat("0g") }}|{{ day|date("SHORT_DATE_FORMAT") }}'
    )
    django = (
        '{% load i18n %}{% translate "Jobs abroad" %}|{% translate "Search" context "button" %}|'
        "{% blocktranslate count counter=n %}{{ counter }} vacancy found{% plural %}"
        "{{ counter }} vacancies found{% endblocktranslate %}|"
        '{{ amount|floatformat:"0g" }}|{{ day|date:"SHORT_DATE_FORMAT" }}'
    )
    with translation.override(language):
        assert render(jinja, **context) == django_render(django, **context)
        if language != "en":
            assert "Jobs abroad" not in render(jinja, **context)


def test_a_date_written_once_is_written_again_in_each_language():
    """`ui.jinja.date` keeps each date's text: a kept one never reaches another
    language (month names, the order of day and month)."""
    day = datetime.date(2026, 12, 24)
    for language in ["ru", "uz", "en", "ky", "ru", "kaa", "en"]:
        with translation.override(language):
            for format_name in ["SHORT_DATE_FORMAT", "j E Y", "DATE_FORMAT"]:
                jinja = render(f'{{{{ day|date("{format_name}") }}}}', day=day)
                assert jinja == django_render(f'{{{{ day|date:"{format_name}" }}}}', day=day)
    with translation.override("ru"):
        assert render('{{ day|date("j E Y") }}', day=day) == "24 декабря 2026"


def test_a_moment_is_dated_in_the_readers_time_zone_as_in_django_templates():
    # 21:30 in UTC is already the next day in Tashkent (TIME_ZONE).
    moment = datetime.datetime(2026, 12, 4, 21, 30, tzinfo=datetime.UTC)
    with translation.override("ru"):
        shown = render('{{ moment|date("SHORT_DATE_FORMAT") }}', moment=moment)
        assert shown == django_render('{{ moment|date:"SHORT_DATE_FORMAT" }}', moment=moment)
    assert shown == "05.12.2026"


def test_django_filters_for_text_and_links():
    context = {"text": "a <b>\n\nc", "link": "https://x.example/a b"}
    jinja = '{{ text|linebreaks }}|{{ link|urlencode("") }}'
    django = "{{ text|linebreaks }}|{{ link|urlencode:'' }}"
    assert render(jinja, **context) == django_render(django, **context)
    assert "https%3A%2F%2Fx.example%2Fa%20b" in render(jinja, **context)


def test_values_are_escaped_inside_translations_and_out():
    html = render(
        '<a aria-label="{% trans label=label %}Remove filter: {{ label }} x{% endtrans %}">'
        "{{ label }}</a>",
        label='"><script>',
    )
    assert "<script>" not in html
    assert html.count("&#34;&gt;&lt;script&gt;") == 2


def test_url_and_static_are_djangos():
    with translation.override("ky"):
        assert render('{{ url("vacancies:detail", 7) }}') == "/ky/vacancies/7/"
    assert render('{{ static("css/site.css") }}').endswith(".css")


def test_a_remembered_url_is_still_the_one_of_the_language_prefix_and_patterns():
    """`ui.jinja.url` remembers what `reverse` said: under another language, script
    prefix or set of URL patterns it must say what `reverse` says there."""
    template = '{{ url("vacancies:detail", 7) }} {{ url("vacancies:list", page=None) }}'
    with pytest.raises(NoReverseMatch):
        render(template)  # keyword arguments reach `reverse` too
    template = '{{ url("vacancies:detail", 7) }} {{ url("home") }}'
    for language in ("ru", "uz", "ru"):
        with translation.override(language):
            assert render(template) == f"/{language}/vacancies/7/ /{language}/"
            assert render(template) == f"{reverse('vacancies:detail', args=[7])} {reverse('home')}"
    set_script_prefix("/portal/")
    try:
        with translation.override("ru"):
            assert render(template) == "/portal/ru/vacancies/7/ /portal/ru/"
    finally:
        set_script_prefix("/")
    with override_settings(ROOT_URLCONF="tests.ui.few_urls"), translation.override("ru"):
        assert render('{{ url("home") }}') == "/ru/few/"


def test_a_fragment_is_shown_as_is_by_a_django_template():
    fragment = render_fragment("alerts/subscribe_link.jinja", {"query": "country=KR&amp;x=1"})
    assert django_render("{{ fragment }}", fragment=fragment) == str(fragment)


def test_makemessages_reads_each_kind_of_string_as_the_msgid_django_would_give():
    source = python_source(
        '<h1>{{ _("Jobs abroad") }}</h1>\n'
        '{{ pgettext("button", "Search") }} {{ gettext("It\'s \\"free\\"") }}\n'
        "{% trans counter=n %}{{ counter }} active{% pluralize %}"
        "{{ counter }} active{% endtrans %}\n"
        "{% trans label=x, value=y %}Remove filter: {{ label }} {{ value }}{% endtrans %}\n"
    )
    assert source.splitlines() == [
        "gettext('Jobs abroad')",
        "pgettext('button', 'Search'); gettext('It\\'s \"free\"')",
        "ngettext('%(counter)s active', '%(counter)s active', n)",
        "gettext('Remove filter: %(label)s %(value)s')",
    ]


@pytest.mark.parametrize("language", ["uz", "kaa", "ky", "ru", "en"])
@pytest.mark.parametrize(
    "value",
    [
        *(Decimal("1234567.5"), Decimal("999.49"), Decimal("0.5"), Decimal("-1234.5")),
        *(1500, 2.5, 1_000_000, "2500", "", None, "x"),
    ],
)
def test_grouped_is_django_floatformat_0g(language, value):
    with translation.override(language):
        assert render("{{ v|grouped }}", v=value) == django_render(
            '{{ v|floatformat:"0g" }}', v=value
        )
