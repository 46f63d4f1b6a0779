"""A vacancy as its card shows it: one row of values (`vacancies.selectors.cards`).

Twenty cards read as model instances spent a millisecond of a list page building
them (Django's and modeltranslation's work for each of sixteen fields and the
title's five language columns), for a dozen values a card shows. A card is read
with ``values()``, which gives the title in the reader's language with its
fallbacks (modeltranslation's rule, as the model's field gives it), and what a
card says about a vacancy is the model's own code, shared with this class, not
written again: the link, the monthly wage, the labels of its channel and wage
period, the city's name.
"""

from pagecache.fragments import KeptHtml
from ui.jinja import render_fragment
from vacancies.models import Vacancy

# What `cards` reads for a card: values() names, with the agency's name joined.
CARD_VALUES = (
    "pk",
    "title",
    "country_id",
    "city",
    "employer_name",
    "wage_min",
    "wage_max",
    "wage_currency",
    "wage_period",
    "hours_per_week",  # an hourly wage is shown a month at a time
    "monthly_wage_usd",
    "channel",
    "agency_id",
    "housing",
    "deadline",
    "published_at",
    "updated_at",
)


class Card:
    """A row of `CARD_VALUES` with ``agency_name`` and ``country_name`` (the name of
    the destination in the reader's language), which the cards' template and the
    Atom feed read as they would read a vacancy."""

    WagePeriod = Vacancy.WagePeriod
    get_absolute_url = Vacancy.get_absolute_url
    monthly_wage = Vacancy.monthly_wage
    channel_label = Vacancy.channel_label
    wage_period_label = Vacancy.wage_period_label
    city_name = Vacancy.city_name

    def __init__(self, values):
        self.__dict__.update(values)

    def __repr__(self):
        return f"<Card {self.pk}: {self.title}>"

    def shown(self):
        """Everything the card's HTML follows from besides the reader's language (its
        words, number and date formats, the link's prefix): the names and
        conversions set on it, and its values."""
        return (
            self.country_name,
            self.agency_name,
            tuple(getattr(self, "conversions", ())),
            *(self.__dict__[name] for name in CARD_VALUES),
        )


# Cards kept by each process, under a kilobyte each.
_cards = KeptHtml(4096)


def card_html(card):
    """The card's HTML (`vacancies/card.jinja`), written once for all it shows
    (`Card.shown`, and the reader's language). On an announcement day the newest
    cards open every list and search, and writing twenty took a fifth of a list
    page's time; kept by what it shows, a card is never stale: a changed vacancy,
    name or rate is another key."""
    return _cards.get(
        card.shown(), lambda: render_fragment("vacancies/card.jinja", {"vacancy": card})
    )
