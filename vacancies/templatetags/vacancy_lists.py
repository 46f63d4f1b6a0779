"""Lists of vacancies that other apps' pages show: the agency page lists the
agency's open vacancies (`agency_vacancies`, a global of the Jinja2 environment,
`portal.jinja`), because the agencies app sits below this one and may not import
it; the rule of what is open stays `Vacancy.objects.public`. Django templates show
cards with ``{% vacancy_cards %}``."""

from django import template

from ui.jinja import render_fragment
from vacancies import selectors
from vacancies.money import with_conversions

register = template.Library()

AGENCY_PAGE_COUNT = 10


def agency_vacancies(agency):
    """The agency's newest open vacancies (``vacancies``, with conversions) and
    whether it has more (``more``). The rates are read only for vacancies to
    convert: the page of an agency without open vacancies makes no cache read."""
    shown = selectors.first_cards(selectors.newest_public(agency=agency), AGENCY_PAGE_COUNT + 1)
    vacancies = shown[:AGENCY_PAGE_COUNT]
    return {
        "vacancies": with_conversions(vacancies, selectors.rates_today()) if vacancies else [],
        "more": len(shown) > AGENCY_PAGE_COUNT,
    }


@register.simple_tag
def vacancy_cards(vacancies):
    """``{% vacancy_cards vacancies %}``: the cards of a Django template's page, from
    the one card template the list page renders (`vacancies/cards.jinja`)."""
    return render_fragment("vacancies/cards.jinja", {"vacancies": vacancies})
