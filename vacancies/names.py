"""Visa kinds and city names in the reader's language.

A vacancy's ``visa_type`` and ``city`` are short texts that partners, the API and
staff write, mostly in English ("Seasonal Worker visa", "Ulsan"). Those the portal
knows are named here in every language: a visa kind by its code ("kr-e9") or its
English name, a city by its English name. Anything else is shown as written: a
partner's own words are the documented fallback (README, "Languages"), never
replaced by a guess. Pages, the API, alerts and the bot all call `visa_name` and
`city_name`.
"""

import functools

from django.utils import translation
from django.utils.translation import pgettext_lazy

# code: name. The English names are those the demo data and early feeds wrote.
VISA_KINDS = {
    "kr-e9": pgettext_lazy("visa kind", "E-9 (Employment Permit System)"),
    "gb-seasonal": pgettext_lazy("visa kind", "Seasonal Worker visa"),
    "ru-patent": pgettext_lazy("visa kind", "Patent (work permit for foreign citizens)"),
    "kz-permit": pgettext_lazy("visa kind", "Work permit (EAEU citizens need none)"),
    "tr-permit": pgettext_lazy("visa kind", "Work permit (çalışma izni)"),
    "d-skilled": pgettext_lazy("visa kind", "National (D) visa for skilled work"),
    "d-seasonal": pgettext_lazy("visa kind", "National (D) visa, seasonal employment"),
    "permit-d": pgettext_lazy("visa kind", "Work permit and national (D) visa"),
    "stay-work": pgettext_lazy("visa kind", "Stay and work permit"),
    "residence-employment": pgettext_lazy("visa kind", "Temporary residence for employment"),
    "work-residence": pgettext_lazy("visa kind", "Work residence permit"),
    "employment-visa": pgettext_lazy("visa kind", "Employment visa"),
    "seasonal-permit": pgettext_lazy("visa kind", "Seasonal work permit"),
    "work-permit": pgettext_lazy("visa kind", "Work permit"),
}
# English name: name in the reader's language.
CITIES = [
    pgettext_lazy("city", "Ansan"),
    pgettext_lazy("city", "Hwaseong"),
    pgettext_lazy("city", "Gimhae"),
    pgettext_lazy("city", "Cheonan"),
    pgettext_lazy("city", "Asan"),
    pgettext_lazy("city", "Ulsan"),
    pgettext_lazy("city", "Seoul"),
    pgettext_lazy("city", "Kent"),
    pgettext_lazy("city", "Herefordshire"),
    pgettext_lazy("city", "Lincolnshire"),
    pgettext_lazy("city", "Norfolk"),
    pgettext_lazy("city", "London"),
    pgettext_lazy("city", "Moscow"),
    pgettext_lazy("city", "Saint Petersburg"),
    pgettext_lazy("city", "Kazan"),
    pgettext_lazy("city", "Yekaterinburg"),
    pgettext_lazy("city", "Novosibirsk"),
    pgettext_lazy("city", "Almaty"),
    pgettext_lazy("city", "Astana"),
    pgettext_lazy("city", "Shymkent"),
    pgettext_lazy("city", "Istanbul"),
    pgettext_lazy("city", "Bursa"),
    pgettext_lazy("city", "Antalya"),
    pgettext_lazy("city", "Berlin"),
    pgettext_lazy("city", "Munich"),
    pgettext_lazy("city", "Hamburg"),
    pgettext_lazy("city", "Leipzig"),
    pgettext_lazy("city", "Poznań"),
    pgettext_lazy("city", "Wrocław"),
    pgettext_lazy("city", "Łódź"),
    pgettext_lazy("city", "Warsaw"),
    pgettext_lazy("city", "Vilnius"),
    pgettext_lazy("city", "Kaunas"),
    pgettext_lazy("city", "Klaipėda"),
    pgettext_lazy("city", "Zagreb"),
    pgettext_lazy("city", "Split"),
    pgettext_lazy("city", "Bratislava"),
    pgettext_lazy("city", "Žilina"),
    pgettext_lazy("city", "Doha"),
    pgettext_lazy("city", "Dubai"),
    pgettext_lazy("city", "Abu Dhabi"),
    pgettext_lazy("city", "Varna"),
    pgettext_lazy("city", "Burgas"),
]


def _key(text):
    return " ".join((text or "").split()).casefold()


@functools.cache
def _known():
    """{key: lazy name}: visa kinds by code and by English name, cities by English
    name (read once, in English, after the apps are ready)."""
    with translation.override("en"):
        visas = {_key(str(name)): name for name in VISA_KINDS.values()}
        cities = {_key(str(name)): name for name in CITIES}
    return {**visas, **VISA_KINDS}, cities


def visa_name(text):
    """The visa kind ``text`` (a code or an English name) in the current language;
    other text as written."""
    name = _known()[0].get(_key(text))
    return str(name) if name is not None else text


def city_name(text):
    """The city ``text`` (its English name) in the current language; other text as
    written."""
    name = _known()[1].get(_key(text))
    return str(name) if name is not None else text
